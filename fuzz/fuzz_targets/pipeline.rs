//! The whole pipeline on arbitrary bytes: read as a file (its format by
//! its first bytes: `<` HTML, `#` Markdown, else text), decoded, processed,
//! recorded.
#![no_main]

use attache::input::InputMode;
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let ext = match data.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'<') => "html",
        Some(b'#') => "md",
        _ => "txt",
    };
    let path = common::scratch(data, ext);
    for input in common::read_all(path, InputMode::Auto, 1 << 20) {
        common::record_and_check(input);
    }
});
