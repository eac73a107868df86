//! Status from the clause around the trigger: performed speech acts,
//! hopes, arrangements, orders, aims and imperatives. Invented
//! sentences, actors from the validation suite's gazetteer.

use super::super::super::tests::coded;

fn has(got: &[String], want: &str) -> bool {
    got.iter().any(|e| e == want)
}

#[test]
fn thanks_after_would_like_to_are_given() {
    let got = coded(
        "I would like to express my gratitude to the Government of Rohan.",
        Some("Ministry of Foreign Affairs of Gondor"),
    );
    assert!(
        has(&got, "SUPPORT 051 Gondor -> Rohan (asserted)"),
        "{got:?}"
    );
}

#[test]
fn a_visit_after_would_like_to_is_only_wished() {
    let got = coded(
        "I would like to visit Rohan next year.",
        Some("Ministry of Foreign Affairs of Gondor"),
    );
    assert!(
        has(&got, "CONSULT 042 Gondor -> Rohan (hypothetical)"),
        "{got:?}"
    );
}

#[test]
fn what_one_hopes_another_will_do_is_hypothetical() {
    let got = coded(
        "We hope that Rohan and Harad will resume dialogue.",
        Some("Ministry of Foreign Affairs of Gondor"),
    );
    assert!(
        !got.is_empty() && got.iter().all(|e| e.ends_with("(hypothetical)")),
        "{got:?}"
    );
}

#[test]
fn a_trip_one_is_due_to_make_is_hypothetical() {
    let got = coded("Bard Girion is due to travel to Rohan next week.", None);
    assert!(
        has(&got, "CONSULT 042 Bard Girion -> Rohan (hypothetical)"),
        "{got:?}"
    );
}

#[test]
fn what_one_looks_forward_to_is_hypothetical() {
    let got = coded(
        "We look forward to continuing our support for Rohan.",
        Some("Ministry of Foreign Affairs of Gondor"),
    );
    assert!(
        got.iter()
            .any(|e| e.starts_with("SUPPORT") && e.ends_with("Gondor -> Rohan (hypothetical)")),
        "{got:?}"
    );
}

#[test]
fn an_upcoming_meeting_is_hypothetical() {
    let got = coded(
        "The upcoming meeting between Arnor and Dale will address border trade.",
        None,
    );
    assert!(
        !got.is_empty() && got.iter().all(|e| e.ends_with("(hypothetical)")),
        "{got:?}"
    );
}

#[test]
fn an_imperative_is_no_act_of_the_voice() {
    let got = coded(
        "Consult widely with the states of the region.",
        Some("Ministry of Foreign Affairs of Gondor"),
    );
    assert!(got.is_empty(), "{got:?}");
}
