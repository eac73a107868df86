//! Topics of talks, agreements and joint work are no counterparts, and
//! cooperative acts only talked about are no events: invented sentences,
//! actors from the validation suite's gazetteer.

use super::super::tests::coded;

#[test]
fn a_with_phrase_inside_the_topic_of_exchanged_views_is_the_topics() {
    let got = coded(
        "Gondor and Arnor exchanged views on their respective relations with Khand.",
        None,
    );
    assert!(!got.iter().any(|e| e.contains("-> Khand")), "{got:?}");
    assert!(
        got.iter()
            .any(|e| e == "CONSULT 040 Gondor -> Arnor (asserted)"),
        "{got:?}"
    );
}

#[test]
fn a_state_in_the_topic_of_an_unnamed_partner_is_no_target() {
    let got = coded("Gondor met with parliamentary leaders on Rohan.", None);
    assert!(!got.iter().any(|e| e.contains("-> Rohan")), "{got:?}");
}

#[test]
fn the_own_slot_of_a_row_is_no_topic() {
    let got = coded("Gondor paid a courtesy call on Arnor.", None);
    assert!(got.iter().any(|e| e.contains("Gondor -> Arnor")), "{got:?}");
}

#[test]
fn support_only_discussed_is_no_event() {
    let got = coded(
        "Gondor and Arnor discussed trade, the floods in Harad, and continuing support for Dale.",
        None,
    );
    assert!(!got.iter().any(|e| e.starts_with("SUPPORT")), "{got:?}");
    let got = coded(
        "Gondor and Arnor discussed continuing support for Dale.",
        None,
    );
    assert!(!got.iter().any(|e| e.starts_with("SUPPORT")), "{got:?}");
}

#[test]
fn cooperation_spoken_about_is_no_event() {
    let got = coded(
        "Gondor and Arnor also spoke about cooperating on energy and working together to protect the rivers of Harad.",
        None,
    );
    assert!(!got.iter().any(|e| e.starts_with("COOPERATE")), "{got:?}");
}

#[test]
fn greetings_sent_are_no_topic() {
    let got = coded("Gondor's envoy sent greetings to Arnor's Council.", None);
    assert!(got.iter().any(|e| e.starts_with("SUPPORT")), "{got:?}");
}

#[test]
fn a_person_met_with_inside_the_topic_is_the_partner() {
    let got = coded(
        "Gondor held discussions on trade relations with Faramir Hurin yesterday.",
        None,
    );
    assert!(
        got.iter().any(|e| e.contains("-> Faramir Hurin")),
        "{got:?}"
    );
}
