//! The HTML reader: decoding (with a page's charset) and markup stripping
//! on arbitrary bytes, then the pipeline over the stripped text.
#![no_main]

use attache::input::InputMode;
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = attache::input::decode::decode(data, None, true) {
        let page = attache::input::html::html_to_text(&decoded.text);
        assert!(!page.text.contains('\0') || decoded.text.contains('\0'));
    }
    let path = common::scratch(data, "html");
    for input in common::read_all(path, InputMode::Html, 1 << 20) {
        common::record_and_check(input);
    }
});
