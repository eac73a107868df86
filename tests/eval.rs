//! `attache eval --gold`: scoring a gold directory, and agreement with the
//! reference scorer (`../shared/eval/score.py`) when it is present.

use std::path::Path;

use serde_json::{json, Value};

use crate::util::{attache, repo};

/// A tiny gold set written for this test.
fn gold_dir(dir: &Path) {
    let docs = [
        ("g1", "Ministers meet in Yerevan\n\nOn 24 May 2023, Foreign Minister Ana Petrova of Arnoria met the Ambassador of Gondoria.\n", "2023-05-25",
         json!({"entities": [{"type": "PERSON", "text": "Ana Petrova"}, {"type": "GPE", "text": "Arnoria"}, {"type": "GPE", "text": "Gondoria"}, {"type": "DATE", "text": "24 May 2023"}, {"type": "GPE", "text": "Yerevan"}],
                "dates": [{"text": "24 May 2023", "value": "2023-05-24"}],
                "agreements": [],
                "events": [{"type": "CONSULT", "source": "Ana Petrova", "target": "Gondoria", "status": "asserted", "trigger": "met"}],
                "actors": [{"name": "Ana Petrova", "kind": "person", "title": "Foreign Minister", "affiliation": "Arnoria"}, {"name": "Arnoria", "kind": "state"}, {"name": "Gondoria", "kind": "state"}]})),
        ("g2", "Arnoria and Gondoria sign trade agreement\n\nThe Arnoria-Gondoria Trade Agreement was signed today.\n", "2024-01-10",
         json!({"entities": [{"type": "AGREEMENT", "text": "Arnoria-Gondoria Trade Agreement"}, {"type": "DATE", "text": "today"}],
                "dates": [{"text": "today", "value": "2024-01-10"}],
                "agreements": [{"name": "Arnoria-Gondoria Trade Agreement", "date": "2024-01-10", "text": "Arnoria-Gondoria Trade Agreement"}],
                "events": [{"type": "SUPPORT", "source": "Arnoria", "target": "Gondoria", "status": "asserted", "trigger": "signed"}],
                "actors": [{"name": "Arnoria", "kind": "state"}, {"name": "Gondoria", "kind": "state"}]})),
    ];
    for (id, text, date, gold) in docs {
        std::fs::write(dir.join(format!("{id}.txt")), text).unwrap();
        std::fs::write(
            dir.join(format!("{id}.meta.json")),
            json!({"id": id, "date": date}).to_string(),
        )
        .unwrap();
        std::fs::write(dir.join(format!("{id}.gold.json")), gold.to_string()).unwrap();
    }
}

/// Predictions written for this test: some right, some wrong.
fn predictions(path: &Path) {
    let recs = [
        json!({"doc": {"id": "g1"}, "entities": [{"id": "m1", "type": "PERSON", "text": "Ana Petrova"}, {"id": "m2", "type": "GPE", "text": "Arnoria"}, {"id": "m3", "type": "ORG", "text": "Gondoria"}, {"id": "m4", "type": "DATE", "text": "24 May 2023"}],
               "dates": [{"value": "2023-05-24"}], "agreements": [{"name": "Minsk agreements", "date": null}],
               "events": [{"type": "CONSULT", "source": "a1", "target": "a3"}, {"type": "AGREE", "source": "a1", "target": null}],
               "actors": [{"id": "a1", "name": "Ana Petrova", "kind": "person", "mentions": ["m1"]}, {"id": "a2", "name": "Arnoria", "kind": "government", "mentions": ["m2"]}, {"id": "a3", "name": "Gondoria", "kind": "organization", "mentions": ["m3"]}]}),
        json!({"doc": {"id": "g2"}, "entities": [{"id": "m1", "type": "AGREEMENT", "text": "The Arnoria-Gondoria Trade Agreement"}],
               "dates": [{"value": "2024-01-09"}], "agreements": [{"name": "Trade Agreement", "date": "2024-01-10"}],
               "events": [{"type": "SUPPORT", "source": "a1", "target": "a2"}],
               "actors": [{"id": "a1", "name": "Arnoria", "kind": "state", "mentions": []}, {"id": "a2", "name": "Gondoria", "kind": "state", "mentions": []}]}),
    ];
    let text: String = recs.iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(path, text).unwrap();
}

fn eval_json(gold: &Path, pred: &Path) -> Value {
    let out = attache()
        .args(["eval", "--json", "--gold"])
        .arg(gold)
        .arg("--pred")
        .arg(pred)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn scores_a_gold_directory() {
    let dir = tempfile::tempdir().unwrap();
    gold_dir(dir.path());
    let pred = dir.path().join("pred.jsonl");
    predictions(&pred);
    let v = eval_json(dir.path(), &pred);
    let counts = |k: &str| {
        (
            v[k]["tp"].as_u64().unwrap(),
            v[k]["pred"].as_u64().unwrap(),
            v[k]["gold"].as_u64().unwrap(),
        )
    };
    assert_eq!(counts("entities"), (4, 5, 7));
    assert_eq!(counts("dates"), (1, 2, 2));
    assert_eq!(counts("agreements"), (1, 2, 1));
    assert_eq!(counts("events(type,source)"), (2, 3, 2));
    assert_eq!(counts("events(type,source,target)"), (2, 3, 2));
    assert_eq!(counts("actors(kind,name)"), (4, 5, 5));
    assert_eq!(v["entities_by_type"]["GPE"]["tp"], 1);
}

#[test]
fn runs_the_pipeline_and_lists_misses() {
    let dir = tempfile::tempdir().unwrap();
    gold_dir(dir.path());
    let saved = dir.path().join("saved.jsonl");
    let out = attache()
        .args(["eval", "--misses", "--gold"])
        .arg(dir.path())
        .arg("--save-pred")
        .arg(&saved)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("entities "), "{text}");
    assert!(text.contains("## g1"));
    assert_eq!(std::fs::read_to_string(&saved).unwrap().lines().count(), 2);
}

/// Same predictions, same numbers as the reference scorer (skipped, with a
/// `SKIPPED` line in the test output, when `../shared` or python3 is
/// absent, as on a bare clone).
#[test]
fn agrees_with_the_reference_scorer() {
    let scorer = repo("../shared/eval/score.py");
    let python = std::process::Command::new("python3")
        .arg("--version")
        .output();
    if !scorer.exists() || python.is_err() {
        crate::util::skip(
            "eval::agrees_with_the_reference_scorer",
            &format!("needs {} and python3", scorer.display()),
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    gold_dir(dir.path());
    let pred = dir.path().join("pred.jsonl");
    predictions(&pred);
    let mut gold_dirs = vec![dir.path().to_path_buf()];
    let dev = repo("../shared/data/dev");
    let dev_pred = dir.path().join("dev-pred.jsonl");
    if dev.exists() {
        attache()
            .args(["eval", "--gold"])
            .arg(&dev)
            .arg("--save-pred")
            .arg(&dev_pred)
            .assert()
            .success();
        gold_dirs.push(dev.clone());
    } else {
        crate::util::skip(
            "eval::agrees_with_the_reference_scorer (dev set part)",
            &format!("needs {}", dev.display()),
        );
    }
    for gold in gold_dirs {
        let pred = if gold == dev { &dev_pred } else { &pred };
        let ours = eval_json(&gold, pred);
        let reference = std::process::Command::new("python3")
            .arg(&scorer)
            .arg(&gold)
            .arg(pred)
            .arg("--json")
            .output()
            .unwrap();
        assert!(reference.status.success());
        let theirs: Value = serde_json::from_slice(&reference.stdout).unwrap();
        for (key, want) in theirs.as_object().unwrap() {
            let got = &ours[key];
            if key == "missing_docs" {
                assert_eq!(got, want);
                continue;
            }
            let mut flat: Vec<(String, &Value, &Value)> = Vec::new();
            if key == "entities_by_type" {
                for (t, w) in want.as_object().unwrap() {
                    flat.push((format!("{key}.{t}"), w, &got[t]));
                }
            } else {
                flat.push((key.clone(), want, got));
            }
            for (name, w, g) in flat {
                for field in ["tp", "pred", "gold"] {
                    assert_eq!(g[field], w[field], "{name}.{field} on {}", gold.display());
                }
                for field in ["p", "r", "f1"] {
                    let (a, b) = (g[field].as_f64().unwrap(), w[field].as_f64().unwrap());
                    assert!((a - b).abs() < 1e-9, "{name}.{field}: {a} vs {b}");
                }
            }
        }
    }
}
