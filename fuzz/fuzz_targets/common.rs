//! Shared by the fuzz targets: the reader and pipeline as `attache extract`
//! builds them, and the invariants every record must keep.

// Each target uses a part of this module.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use attache::input::{plan, Input, InputMode, ReadOptions, Reader};
use attache::pipeline::{Dicts, Pipeline};
use attache::records::{ErrorRecord, Record, RecordOptions};

/// The default pipeline (embedded model), built once per process.
pub fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(&Dicts::default()).expect("embedded data loads"))
}

/// A per-process scratch file with this extension holding `data`: the
/// reader is driven exactly as for a file named on the command line.
pub fn scratch(data: &[u8], ext: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("attache-fuzz-{}.{ext}", std::process::id()));
    std::fs::write(&path, data).expect("scratch file");
    path
}

/// Every input read from `path` (as `extract` plans it).
pub fn read_all(path: PathBuf, mode: InputMode, max_bytes: u64) -> Vec<Input> {
    let opts = ReadOptions {
        mode,
        max_bytes,
        ..ReadOptions::default()
    };
    Reader::new(plan(&[path], mode, |_| {}), opts).collect()
}

/// Runs one input to its record or error record, as a batch worker does,
/// and checks what the contract promises: offsets within the text, the
/// text's char count, a record that serialises.
pub fn record_and_check(input: Input) {
    match input {
        Input::Doc(doc) => {
            let text = doc.text().to_string();
            let record = pipeline().record(*doc, RecordOptions { include_text: true });
            check(&record, &text);
            serde_json::to_string(&record).expect("record serialises");
        }
        Input::Unread(u) => {
            serde_json::to_string(&ErrorRecord::from_unread(&u)).expect("error record serialises");
        }
    }
}

fn check(record: &Record, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(record.doc.chars, chars.len());
    let value = serde_json::to_value(record).expect("record as JSON");
    check_spans(&value, &chars);
}

fn check_spans(v: &serde_json::Value, chars: &[char]) {
    match v {
        serde_json::Value::Object(map) => {
            if let (Some(t), Some(s), Some(e)) = (
                map.get("text").and_then(|t| t.as_str()),
                map.get("start").and_then(|s| s.as_u64()),
                map.get("end").and_then(|e| e.as_u64()),
            ) {
                let (s, e) = (s as usize, e as usize);
                assert!(
                    s <= e && e <= chars.len(),
                    "span {s}..{e} of {}",
                    chars.len()
                );
                let got: String = chars[s..e].iter().collect();
                assert_eq!(got, t, "span {s}..{e}");
            }
            for (k, child) in map {
                if k != "doc" {
                    check_spans(child, chars);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|c| check_spans(c, chars)),
        _ => {}
    }
}
