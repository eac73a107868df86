//! The date grammar and its resolution: arbitrary text (best seeded with
//! date-like sentences and `fuzz/dates.dict`), with and without a document
//! date; every value is ASCII and every range's ends are in order of
//! writing (`start/end`).
#![no_main]

use attache::doc::{Doc, DocInfo};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    // The first byte picks a document date (or none) across years.
    let date = (first % 4 != 0).then(|| {
        format!(
            "20{:02}-{:02}-{:02}",
            first % 30,
            1 + first % 12,
            1 + first % 28
        )
    });
    let info = DocInfo {
        id: "fuzz".into(),
        date,
        ..DocInfo::default()
    };
    let mut doc = Doc::new(info, text);
    common::pipeline().process(&mut doc);
    for d in &doc.dates {
        assert!(d.span.char_start <= d.span.char_end);
        if let Some(v) = &d.value {
            assert!(v.is_ascii() && !v.is_empty(), "value {v:?}");
        }
    }
});
