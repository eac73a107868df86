//! The event coder's validation suite (`eval/validation`): every case passes.

use crate::util::{attache, check_record, json_lines, repo};

#[test]
fn every_validation_case_passes() {
    let out = attache()
        .args(["validate", "--suite"])
        .arg(repo("eval/validation"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "validation failures:\n{text}");
    let n: usize = text
        .lines()
        .last()
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(n >= 200, "only {n} cases");
}

#[test]
fn events_and_actors_link_up_in_the_record() {
    let out = attache()
        .args(["extract", "--include-text", "--dict"])
        .arg(repo("eval/validation/actors.tsv"))
        .arg("-")
        .write_stdin(
            "Talks in Minas Tirith\n\nGondor's Foreign Minister Faramir Hurin met with Eomer Eorling in Edoras. \
             Mr Hurin urged Mordor to withdraw its troops.",
        )
        .output()
        .unwrap();
    assert!(out.status.success());
    let records = json_lines(&out.stdout);
    let r = &records[0];
    check_record(r);
    let actors = r["actors"].as_array().unwrap();
    let faramir = actors
        .iter()
        .find(|a| a["name"] == "Faramir Hurin")
        .expect("person actor");
    assert_eq!(faramir["kind"], "person");
    assert_eq!(faramir["title"], "Foreign Minister");
    let gondor = actors.iter().find(|a| a["name"] == "Gondor").unwrap();
    assert_eq!(faramir["affiliation"], gondor["id"]);
    let events = r["events"].as_array().unwrap();
    let kinds: Vec<(&str, &str, &str)> = events
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap(),
                e["status"].as_str().unwrap(),
                e["pattern"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        kinds.contains(&("CONSULT", "asserted", "consult.meet")),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("REQUEST", "asserted", "request.urged")),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("RETREAT", "called_for", "retreat.withdraw")),
        "{kinds:?}"
    );
    let request = events.iter().find(|e| e["type"] == "REQUEST").unwrap();
    assert_eq!(
        request["source"], faramir["id"],
        "Mr Hurin is Faramir Hurin"
    );
    assert!(!r["places"].as_array().unwrap().is_empty());
}
