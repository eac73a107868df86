//! The one praised or blamed does the act given as the reason, by a
//! gerund or an action noun. Invented sentences, actors from the
//! validation suite's gazetteer.

use super::super::tests::coded;

fn has(got: &[String], want: &str) -> bool {
    got.iter().any(|g| g == want)
}

#[test]
fn a_blamed_object_does_the_gerund() {
    let got = coded("Gondor condemned Mordor for attacking Rohan.", None);
    assert!(
        has(&got, "ASSAULT 190 Mordor -> Rohan (asserted)"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|g| g.starts_with("ASSAULT 190 Gondor")),
        "{got:?}"
    );
}

#[test]
fn a_praised_object_does_the_gerund() {
    let got = coded("Dale praised Lindon for supporting Harad.", None);
    assert!(
        got.iter()
            .any(|g| g.starts_with("SUPPORT") && g.contains("Lindon -> Harad")),
        "{got:?}"
    );
}

#[test]
fn the_subject_of_a_thanking_verb_without_object_keeps_the_gerund() {
    // (no object: the reason is the subject's own, "grateful for having
    // met" read as an ordinary adverbial)
    let got = coded("Gondor condemned the raid after meeting Rohan.", None);
    assert!(
        !got.iter()
            .any(|g| g.starts_with("CONSULT") && g.contains("Rohan ->")),
        "{got:?}"
    );
}

#[test]
fn the_one_thanked_gave_the_aid_thanked_for() {
    let got = coded(
        "Rohan thanked Lindon for the humanitarian assistance.",
        None,
    );
    assert!(has(&got, "AID 073 Lindon -> Rohan (asserted)"), "{got:?}");
}

#[test]
fn an_owned_thing_or_a_welcome_gives_no_doer() {
    let got = coded("Gondor welcomed Rohan for the summit.", None);
    assert_eq!(got, ["SUPPORT 051 Gondor -> Rohan (asserted)"]);
    let got = coded(
        "Gondor condemned Mordor's repression for the second time.",
        None,
    );
    assert!(
        !got.iter()
            .any(|g| g.contains("-> Mordor") && g.starts_with("COERCE")),
        "{got:?}"
    );
}
