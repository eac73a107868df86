//! Session 24's sources for coordinated nouns, carrier nouns and listed
//! predicates (`conjoined`, `carrier`). Invented sentences, actors from the
//! validation suite's gazetteer.

use super::super::tests::coded;

#[test]
fn a_later_conjunct_shares_the_first_ones_possessor() {
    assert_eq!(
        coded(
            "Mordor's threats and attacks against Rohan continued.",
            None
        ),
        ["ASSAULT 190 Mordor -> Rohan (asserted)"]
    );
    assert_eq!(
        coded(
            "Gondor reaffirmed its commitment and support to Dale.",
            None
        ),
        [
            "AGREE 030 Gondor -> Dale (asserted)",
            "SUPPORT 052 Gondor -> Dale (asserted)"
        ]
    );
}

#[test]
fn a_state_adjective_is_shared_only_on_an_act() {
    assert_eq!(
        coded(
            "Gondor condemned the Mordorian threats and attacks on Rohan.",
            None
        ),
        [
            "ACCUSE 111 Gondor -> Mordor (asserted)",
            "ASSAULT 190 Mordor -> Rohan (asserted)"
        ]
    );
    // ("readiness" hung on "people": the people are no act)
    assert_eq!(
        coded(
            "Arnor expressed solidarity with the Rohirric people and readiness to help.",
            None
        ),
        ["SUPPORT 052 Arnor -> Rohan (asserted)"]
    );
}

#[test]
fn a_conjunct_with_its_own_determiner_or_a_phrase_between_shares_nothing() {
    assert!(
        coded("Mordor's threats and the attacks on Rohan continued.", None)
            .iter()
            .all(|e| !e.starts_with("ASSAULT"))
    );
}

#[test]
fn a_later_conjunct_shares_the_first_ones_phrase_after_it() {
    assert_eq!(
        coded(
            "Gondor welcomed the assistance and support from Arnor to Dale.",
            None
        ),
        [
            "AID 070 Arnor -> Dale (asserted)",
            "SUPPORT 051 Gondor -> Arnor (asserted)",
            "SUPPORT 052 Arnor -> Dale (asserted)"
        ]
    );
}

#[test]
fn a_carrier_nouns_doer_does_the_act_it_carries() {
    assert_eq!(
        coded(
            "Gondor's provision of humanitarian assistance to Dale continued.",
            None
        ),
        ["AID 073 Gondor -> Dale (asserted)"]
    );
    assert_eq!(
        coded(
            "Gondor announced a new package of sanctions against Mordor.",
            None
        ),
        ["SANCTION 163 Gondor -> Mordor (asserted)"]
    );
    // (an offer of an act is no act)
    assert!(
        coded("Lindon welcomed the offer of mediation by Dale.", None)
            .iter()
            .all(|e| !e.starts_with("CONSULT"))
    );
}

#[test]
fn a_listed_predicate_after_a_semicolon_shares_the_subject() {
    assert!(coded(
        "Gondor recognizes the efforts of Arnor; deplores the attacks on Dale.",
        None
    )
    .contains(&"ACCUSE 111 Gondor -> - (asserted)".to_string()));
}
