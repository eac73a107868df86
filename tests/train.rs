//! `attache train` and `attache eval --conll` on a tiny corpus written for
//! this test.

use serde_json::Value;

use crate::util::attache;

const CORPUS: &str = "-DOCSTART- O\n\n\
Minister B-PER\nAna I-PER\nPetrova I-PER\nvisited O\nArnoria B-LOC\n. O\n\n\
The O\nArnor B-ORG\nTrade I-ORG\nCouncil I-ORG\nmet O\nin O\nGondoria B-LOC\n. O\n\n\
Gondorian B-MISC\nofficials O\nwelcomed O\nAna B-PER\nPetrova I-PER\n. O\n\n\
-DOCSTART- O\n\n\
Boris B-PER\nKel I-PER\nleft O\nArnoria B-LOC\nfor O\nGondoria B-LOC\n. O\n\n\
The O\nArnor B-ORG\nTrade I-ORG\nCouncil I-ORG\nthanked O\nBoris B-PER\nKel I-PER\n. O\n";

#[test]
fn trains_writes_meta_and_evaluates() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("tiny.conll");
    std::fs::write(&data, CORPUS).unwrap();
    let model = dir.path().join("tiny.bin");
    let out = attache()
        .args([
            "train",
            "--epochs",
            "8",
            "--epochs2",
            "4",
            "--seed",
            "3",
            "--train",
        ])
        .arg(&data)
        .arg("--dev")
        .arg(&data)
        .arg("-o")
        .arg(&model)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("dev F1"));
    let meta: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("tiny.bin.meta.json")).unwrap(),
    )
    .unwrap();
    let bytes = std::fs::read(&model).unwrap();
    assert_eq!(meta["model_bytes"], bytes.len());
    assert_eq!(meta["sha256"].as_str().unwrap().len(), 64);
    assert!(meta["labels"].as_array().unwrap().len() >= 4);
    let eval = attache()
        .args(["eval", "--json", "--model"])
        .arg(&model)
        .arg("--conll")
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        eval.status.success(),
        "{}",
        String::from_utf8_lossy(&eval.stderr)
    );
    let scores: Value = serde_json::from_slice(&eval.stdout).unwrap();
    assert_eq!(scores["overall"]["f1"], 1.0, "{scores}");
    // The trained model also drives extraction.
    let rec = attache()
        .args(["extract", "--model"])
        .arg(&model)
        .write_stdin("Minister Ana Petrova visited Arnoria.")
        .output()
        .unwrap();
    assert!(rec.status.success());
}
