//! Golden records: the full record of every fixture document is kept in
//! `tests/golden/`, so any change of behaviour shows up in review as a
//! diff of those files. After an intended change, rewrite them with
//! `ATTACHE_UPDATE_GOLDEN=1 cargo test --test integration golden` and
//! review `git diff tests/golden`.

use std::path::PathBuf;

use serde_json::Value;

use crate::util::{attache, json_lines, repo};

/// One golden file per record, named after the document id.
fn golden_path(record: &Value) -> PathBuf {
    let id = record["doc"]["id"]
        .as_str()
        .expect("every record has an id");
    repo("tests/golden").join(format!("{id}.json"))
}

/// The first line where `want` and `got` differ, with a little context.
fn first_difference(want: &str, got: &str) -> String {
    let (w, g): (Vec<_>, Vec<_>) = (want.lines().collect(), got.lines().collect());
    let at = w
        .iter()
        .zip(&g)
        .position(|(a, b)| a != b)
        .unwrap_or(w.len().min(g.len()));
    let from = at.saturating_sub(3);
    let show = |lines: &[&str]| lines[from.min(lines.len())..(at + 4).min(lines.len())].join("\n");
    format!(
        "line {}:\n--- golden\n{}\n+++ now\n{}",
        at + 1,
        show(&w),
        show(&g)
    )
}

fn check_against_golden(args: &[&str]) -> usize {
    let out = attache()
        .current_dir(repo(""))
        .args(args)
        .args(["--quiet", "-j", "1"])
        .output()
        .expect("attache runs");
    let records = json_lines(&out.stdout);
    assert!(!records.is_empty());
    let update = std::env::var_os("ATTACHE_UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for record in &records {
        let path = golden_path(record);
        let got = serde_json::to_string_pretty(record).expect("serialises") + "\n";
        if update {
            std::fs::write(&path, &got).expect("golden file written");
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!(
                "{}: {}",
                path.display(),
                first_difference(&want, &got)
            )),
            Err(e) => failures.push(format!("{}: {e}", path.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "records differ from tests/golden (rewrite with ATTACHE_UPDATE_GOLDEN=1 if intended):\n{}",
        failures.join("\n\n")
    );
    records.len()
}

#[test]
fn fixture_records_match_the_golden_files() {
    let n = check_against_golden(&["extract", "fixtures/press"]);
    assert_eq!(n, 13);
}

#[test]
fn jsonl_fixture_records_match_the_golden_files() {
    check_against_golden(&["extract", "--input", "jsonl", "fixtures/jsonl/press.jsonl"]);
}
