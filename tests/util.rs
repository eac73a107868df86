//! Shared helpers for the integration tests.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

/// The `attache` binary under test.
pub fn attache() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("attache").expect("binary built by cargo")
}

/// Path of the binary, for tests that spawn it themselves.
pub fn attache_path() -> PathBuf {
    assert_cmd::cargo::cargo_bin("attache")
}

/// A path inside the repository.
pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let text =
            std::fs::read_to_string(repo("schema/records.schema.json")).expect("schema file");
        let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
        jsonschema::validator_for(&schema).expect("schema compiles")
    })
}

/// Says on the real stderr, past the test harness's capture, that a test
/// (or part of one) did not run, so the run's output shows it: a test that
/// returns early would otherwise just pass as "ok".
pub fn skip(test: &str, why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "SKIPPED {test}: {why}");
}

/// Runs `cmd`, requires exit code 0 (showing stderr otherwise) and returns
/// its JSON Lines output.
pub fn records_of(cmd: &mut assert_cmd::Command) -> Vec<Value> {
    let out = cmd.output().expect("attache runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out.stdout)
}

/// Parses JSON Lines output.
pub fn json_lines(stdout: &[u8]) -> Vec<Value> {
    let text = std::str::from_utf8(stdout).expect("output is UTF-8");
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// Checks a record against the JSON Schema and, when it carries its text,
/// every span in it: `text[start..end]` (chars) equals the span's `text`.
pub fn check_record(record: &Value) {
    let errors: Vec<String> = validator()
        .iter_errors(record)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "schema violations {errors:?} in {record}"
    );
    if let Some(text) = record.pointer("/doc/text").and_then(Value::as_str) {
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(
            record.pointer("/doc/chars").and_then(Value::as_u64),
            Some(chars.len() as u64)
        );
        check_spans(record, &chars);
    }
}

fn check_spans(v: &Value, chars: &[char]) {
    match v {
        Value::Object(map) => {
            if let (Some(Value::String(t)), Some(s), Some(e)) =
                (map.get("text"), map.get("start"), map.get("end"))
            {
                let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                assert!(s <= e && e <= chars.len(), "span {s}..{e} out of bounds");
                let got: String = chars[s..e].iter().collect();
                assert_eq!(&got, t, "span {s}..{e}");
            }
            for (k, child) in map {
                if k != "doc" {
                    check_spans(child, chars);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|c| check_spans(c, chars)),
        _ => {}
    }
}
