//! Session 20's precision rules: opinions, concern about situations,
//! planned meetings, stated cooperation, a state's own people. Invented
//! sentences, actors from the validation suite's gazetteer and real
//! states.

use super::super::tests::coded;

fn has(got: &[String], want: &str) -> bool {
    got.iter().any(|e| e == want)
}

#[test]
fn sharing_a_view_is_no_agreement() {
    let got = coded("Umbar and Khand agreed that the talks were useful.", None);
    assert!(got.iter().all(|e| !e.starts_with("AGREE")), "{got:?}");
    let got = coded("Harad agrees with Rhun.", None);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn agreeing_on_an_act_is_an_agreement() {
    let got = coded("Umbar and Khand agreed on a new border regime.", None);
    assert!(has(&got, "AGREE 030 Umbar -> Khand (asserted)"), "{got:?}");
    let got = coded(
        "Umbar has agreed in principle to a joint patrol scheme.",
        None,
    );
    assert!(got.iter().any(|e| e.starts_with("AGREE")), "{got:?}");
}

#[test]
fn concern_about_a_situation_accuses_no_one() {
    let got = coded(
        "Lindon is gravely concerned about the food crisis in Rhun.",
        None,
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn concern_about_an_act_of_someone_accuses_them() {
    let got = coded(
        "Lindon is concerned by the arrest of activists by Rhun.",
        None,
    );
    assert!(has(&got, "ACCUSE 110 Lindon -> Rhun (asserted)"), "{got:?}");
}

#[test]
fn a_trip_in_a_time_clause_of_a_future_sentence_is_planned() {
    let got = coded(
        "The ministers will sign the accord once Bard Girion visits Rohan next month.",
        None,
    );
    assert!(
        has(&got, "CONSULT 042 Bard Girion -> Rohan (hypothetical)"),
        "{got:?}"
    );
}

#[test]
fn a_headline_infinitive_announces_a_visit_to_come() {
    let got = coded(
        "Bard Girion to visit Rohan\n\nThe Minister will meet officials in Edoras.",
        None,
    );
    assert!(
        has(&got, "CONSULT 042 Bard Girion -> Rohan (hypothetical)"),
        "{got:?}"
    );
}

#[test]
fn stated_future_cooperation_is_an_intent() {
    let got = coded("Lindon will coordinate closely with Dale on energy.", None);
    assert!(has(&got, "AGREE 030 Lindon -> Dale (asserted)"), "{got:?}");
}

#[test]
fn help_to_ones_own_nationals_is_no_event() {
    let got = coded(
        "Norway is providing assistance to Norwegians stranded in Nepal.",
        None,
    );
    assert!(got.iter().all(|e| !e.starts_with("AID")), "{got:?}");
}
