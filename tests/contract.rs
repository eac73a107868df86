//! The JSON contract decoded into test-only types that reject unknown
//! fields, so a renamed, missing or new field fails here first.

#![allow(dead_code)]

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::util::{attache, repo};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    schema: String,
    producer: Value,
    doc: Doc,
    sentences: Vec<Value>,
    entities: Vec<Value>,
    actors: Vec<Value>,
    places: Vec<Value>,
    dates: Vec<Value>,
    agreements: Vec<Value>,
    events: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    id: String,
    source: String,
    line: Option<u64>,
    title: Option<String>,
    date: Option<String>,
    date_source: String,
    language: String,
    format: String,
    encoding: String,
    chars: u64,
    boilerplate_removed: Vec<String>,
    warnings: Vec<String>,
    meta: Map<String, Value>,
    #[serde(default)]
    text: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ErrorRecord {
    schema: String,
    doc: ErrorDoc,
    error: ErrorInfo,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ErrorDoc {
    id: String,
    source: String,
    line: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ErrorInfo {
    kind: String,
    message: String,
}

#[test]
fn records_decode_into_the_contract_types() {
    let out = attache()
        .args(["extract"])
        .arg(repo("fixtures"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut n = 0;
    for line in text.lines() {
        let r: Record = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert_eq!(r.schema, "attache.records/1");
        assert_eq!(r.doc.text.is_some(), r.doc.format == "html");
        n += 1;
    }
    assert!(n >= 14);
}

#[test]
fn error_records_decode_into_the_contract_types() {
    let out = attache()
        .args(["extract", "--input", "jsonl"])
        .write_stdin("{bad\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let e: ErrorRecord = serde_json::from_str(text.trim()).unwrap();
    assert_eq!(e.error.kind, "malformed_jsonl");
    assert_eq!(e.doc.line, Some(1));
    assert_eq!(e.doc.id, "stdin-1");
}

#[test]
fn record_snapshot_of_a_small_document() {
    let input = "{\"id\":\"snap\",\"title\":\"Readout\",\"date\":\"2024-03-05\",\"source\":\"https://mfa.example/1\",\"institution\":\"MFA\",\"text\":\"Readout\\n\\nThe Ministers met.\\nShare\"}\n";
    let out = attache()
        .args(["extract", "--input", "jsonl", "--include-text"])
        .write_stdin(input)
        .output()
        .unwrap();
    let got = String::from_utf8(out.stdout).unwrap();
    let want = concat!(
        "{\"schema\":\"attache.records/1\",\"producer\":{\"attache\":\"",
        env!("CARGO_PKG_VERSION"),
        "\",\"models\":\"ner:fast\"},\"doc\":{\"id\":\"snap\",\"source\":\"-:1\",\"line\":1,",
        "\"title\":\"Readout\",\"date\":\"2024-03-05\",\"date_source\":\"metadata\",\"language\":\"en\",\"format\":\"text\",\"encoding\":\"UTF-8\",",
        "\"chars\":33,\"boilerplate_removed\":[\"Share\"],\"warnings\":[],\"meta\":{\"institution\":\"MFA\",\"source\":\"https://mfa.example/1\"},",
        "\"text\":\"Readout\\n\\nThe Ministers met.\\nShare\"},",
        "\"sentences\":[{\"start\":0,\"end\":7},{\"start\":9,\"end\":27}],",
        "\"entities\":[],\"actors\":[],\"places\":[],\"dates\":[],\"agreements\":[],\"events\":[]}\n"
    );
    assert_eq!(got, want);
}

/// A person's name of several words is parsed as one word: its other words
/// hang on its last as `flat`, and the clause's subject is that last word.
#[test]
fn a_multi_word_person_name_is_one_node_of_the_parse() {
    let out = attache()
        .args(["parse", "-"])
        .write_stdin("Prime Minister Anna van der Berg discussed energy security with Rohan.\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    let rows: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    let id_of = |form: &str| {
        rows.iter()
            .find(|r| r[1] == form)
            .map(|r| r[0].to_string())
            .expect("form in the parse")
    };
    let berg = id_of("Berg");
    for form in ["Anna", "van", "der"] {
        let row = rows.iter().find(|r| r[1] == form).expect("name word");
        assert_eq!((row[6], row[7]), (berg.as_str(), "flat"), "{form}: {text}");
    }
    let berg_row = rows.iter().find(|r| r[1] == "Berg").expect("Berg");
    assert_eq!(berg_row[7], "nsubj", "{text}");
}
