//! The hand-annotated agreement sample (`tests/data/agreements-standoff.tsv`,
//! standoff only: document ids and char offsets into the corpus). Its rows
//! are checked here; with `../shared` beside the repository the scorer
//! (`scripts/agreement-standoff.py score`) runs the binary on the corpus
//! documents and the sample's F1 must stay above a floor.

use std::process::Command;

use crate::util::{attache_path, repo, skip};

struct Row {
    kind: String,
    doc: String,
    start: usize,
    end: usize,
    value: String,
}

fn rows() -> Vec<Row> {
    let text = std::fs::read_to_string(repo("tests/data/agreements-standoff.tsv")).expect("file");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "row {l:?}");
            Row {
                kind: f[0].to_string(),
                doc: f[1].to_string(),
                start: f[2].parse().expect("start"),
                end: f[3].parse().expect("end"),
                value: f[4].to_string(),
            }
        })
        .collect()
}

#[test]
fn standoff_rows_are_well_formed() {
    let rows = rows();
    let sents: Vec<&Row> = rows.iter().filter(|r| r.kind == "S").collect();
    let spans: Vec<&Row> = rows.iter().filter(|r| r.kind == "A").collect();
    assert_eq!(sents.len() + spans.len(), rows.len(), "only S and A rows");
    assert!(sents.len() >= 200, "{} sentences", sents.len());
    for s in &sents {
        assert!(s.start < s.end, "{}", s.doc);
        assert!(matches!(s.value.as_str(), "fix" | "held"), "{}", s.value);
    }
    for a in &spans {
        assert!(
            matches!(a.value.as_str(), "AGREEMENT" | "REF"),
            "{}",
            a.value
        );
        let inside = sents
            .iter()
            .any(|s| s.doc == a.doc && s.start <= a.start && a.end <= s.end && a.start < a.end);
        assert!(inside, "span {}:{} in no sentence", a.doc, a.start);
    }
    // both parts are about the same size
    let fix = sents.iter().filter(|s| s.value == "fix").count();
    assert!(
        fix.abs_diff(sents.len() - fix) <= 4,
        "fix {fix} of {}",
        sents.len()
    );
}

#[test]
fn corpus_sample_scores_above_a_floor() {
    if !repo("../shared/data/corpus").is_dir() {
        skip(
            "corpus_sample_scores_above_a_floor",
            "../shared/data/corpus not found",
        );
        return;
    }
    let bin = attache_path();
    let out = Command::new("python3")
        .arg(repo("scripts/agreement-standoff.py"))
        .args(["score", "--part", "all", "--attache"])
        .arg(&bin)
        .output();
    let Ok(out) = out else {
        skip("corpus_sample_scores_above_a_floor", "python3 not found");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // "all   sentences 240  mentions  P 0.9 R 0.9 F1 0.9 …"
    let f1 = text
        .lines()
        .find(|l| l.contains("mentions"))
        .and_then(|l| l.split("F1 ").nth(1))
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.parse::<f64>().ok())
        .unwrap_or_else(|| panic!("no F1 in {text}"));
    assert!(
        f1 >= 0.80,
        "mention F1 {f1} on the annotated sample:\n{text}"
    );
}
