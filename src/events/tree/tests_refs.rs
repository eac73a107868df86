//! Referring expressions, planned actions and pledged aid: "the leaders" of
//! a readout, "his Dalish counterpart", what a planned visit is for, and
//! future aid with its amount. Invented sentences, actors from the
//! validation suite's gazetteer.

use super::super::tests::coded;

#[test]
fn a_planned_visit_and_its_purpose_are_hypothetical() {
    let got = coded(
        "We will travel to Rohan next week to discuss trade with Theoden Thengel.",
        Some("Ministry of Foreign Affairs of Arnor"),
    );
    assert!(!got.is_empty(), "{got:?}");
    assert!(
        got.iter()
            .all(|e| e.starts_with("CONSULT") && e.ends_with("(hypothetical)")),
        "{got:?}"
    );
}
