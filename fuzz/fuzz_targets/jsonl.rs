//! The JSON Lines reader on arbitrary bytes, with a small `--max-bytes` so
//! over-long lines are exercised too: one input per line, unique ids, and
//! every document and error record makes a valid record.
#![no_main]

use std::collections::HashSet;

use attache::input::{Input, InputMode};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let path = common::scratch(data, "jsonl");
    let inputs = common::read_all(path, InputMode::Jsonl, 512);
    let mut ids = HashSet::new();
    for input in &inputs {
        let id = match input {
            Input::Doc(d) => d.info.id.clone(),
            Input::Unread(u) => u.id.clone(),
        };
        assert!(ids.insert(id.clone()), "id {id:?} twice in one batch");
    }
    // Lines are separated by \n; a last line without one still counts.
    let lines = if data.is_empty() {
        0
    } else {
        data.split(|b| *b == b'\n').count() - usize::from(data.ends_with(b"\n"))
    };
    assert_eq!(inputs.len(), lines, "one input per line");
    for input in inputs {
        common::record_and_check(input);
    }
});
