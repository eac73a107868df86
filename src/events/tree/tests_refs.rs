//! Referring expressions, planned actions and pledged aid: "the leaders" of
//! a readout, "his Dalish counterpart", what a planned visit is for, and
//! future aid with its amount. Invented sentences, actors from the
//! validation suite's gazetteer.

use super::super::tests::coded;

#[test]
fn the_leaders_of_a_readout_are_its_two_named_persons() {
    let text = "Aragorn Arathornson of Arnor spoke with Theoden Thengel of Rohan. \
                The leaders condemned the shelling of Pelargir by Umbar.";
    let got = coded(text, None);
    assert!(
        got.contains(&"ACCUSE 111 Aragorn Arathornson -> Umbar (asserted)".to_string())
            && got.contains(&"ACCUSE 111 Theoden Thengel -> Umbar (asserted)".to_string()),
        "{got:?}"
    );
}

#[test]
fn the_leaders_of_named_states_are_no_pair_of_persons() {
    let text = "Aragorn Arathornson of Arnor spoke with Theoden Thengel of Rohan. \
                The leaders of Dale and Lindon condemned Umbar.";
    let got = coded(text, None);
    assert!(
        !got.iter()
            .any(|e| e.starts_with("ACCUSE") && e.contains("Aragorn")),
        "{got:?}"
    );
}

#[test]
fn a_national_counterpart_is_the_person_of_that_side() {
    let text = "The Foreign Minister of Dale, Bard Girion, thanked Rohan. \
                Hirgon Baranor spoke with his Dalish counterpart by telephone.";
    let got = coded(text, None);
    assert!(
        got.iter()
            .any(|e| e.starts_with("CONSULT") && e.contains("Hirgon Baranor -> Bard Girion")),
        "{got:?}"
    );
}

#[test]
fn a_counterpart_with_no_one_of_its_side_named_is_the_side() {
    let got = coded("Hirgon Baranor met his Dalish counterpart on Monday.", None);
    assert!(
        got.iter()
            .any(|e| e.starts_with("CONSULT") && e.contains("Hirgon Baranor -> Dale")),
        "{got:?}"
    );
}

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

#[test]
fn future_aid_with_its_amount_is_aid_and_without_one_a_commitment() {
    let author = Some("Ministry of Foreign Affairs of Arnor");
    let got = coded(
        "We will provide $4 million in humanitarian assistance to Dale.",
        author,
    );
    assert!(
        got.iter()
            .any(|e| e.starts_with("AID") && e.contains("Arnor -> Dale (asserted)")),
        "{got:?}"
    );
    let got = coded("We will provide humanitarian assistance to Dale.", author);
    assert!(
        got.iter()
            .any(|e| e.starts_with("AGREE") && e.contains("Arnor -> Dale (asserted)")),
        "{got:?}"
    );
}
