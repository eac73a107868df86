//! Session 23: appeal nouns ("call", "demand", "appeal") with an agent of
//! their own and an infinitive are requests, and their infinitive is done
//! by the one asked, not by the noun's owner; joint work in a
//! commitment's or readiness's "to" clause is the intent (AGREE) towards
//! the partner. Invented sentences, actors from the validation suite's
//! gazetteer.

use super::super::tests::coded;

#[test]
fn an_owned_call_with_an_infinitive_is_a_request_not_a_phone_call() {
    let out = coded(
        "Arnor welcomed Dale's call to send more aid convoys to the border region.",
        None,
    );
    assert!(
        out.iter().any(|e| e.starts_with("REQUEST 020 Dale")),
        "{out:?}"
    );
    assert!(!out.iter().any(|e| e.starts_with("CONSULT")), "{out:?}");
}

#[test]
fn a_call_to_review_without_an_owner_stays_a_call() {
    let out = coded(
        "Gondor and Rohan held a call to review the situation in the north.",
        None,
    );
    assert!(!out.iter().any(|e| e.starts_with("REQUEST")), "{out:?}");
}

#[test]
fn the_owner_of_a_demand_is_not_the_one_who_withdraws() {
    let out = coded(
        "Gondor rejected Mordor's demand to withdraw its forces from the river crossings.",
        None,
    );
    assert!(
        !out.iter()
            .any(|e| e.contains("RETREAT") && e.contains("Mordor ->")),
        "{out:?}"
    );
}

// (the validation suite keeps a failing case of this construction,
// cx-ap23-004: "to free …" is tagged an adjective there)
#[test]
fn the_one_an_appeal_is_addressed_to_does_what_it_asks() {
    let out = coded(
        "Rohan's appeal to Dale to withdraw its troops from the border was rejected.",
        None,
    );
    assert!(
        out.iter()
            .any(|e| e.starts_with("RETREAT") && e.contains("Dale ->")),
        "{out:?}"
    );
}

#[test]
fn an_attempts_owner_still_does_its_infinitive() {
    let out = coded(
        "Gondor condemned Mordor's attempt to seize the port of Pelargir.",
        None,
    );
    assert!(
        out.iter()
            .any(|e| e.starts_with("ACCUSE") && e.contains("Gondor -> Mordor")),
        "{out:?}"
    );
}

#[test]
fn joint_work_in_a_commitments_to_clause_is_an_intent_towards_the_partner() {
    assert_eq!(
        coded(
            "Arnor remains committed to working with Dale on flood prevention.",
            None
        ),
        ["AGREE 030 Arnor -> Dale (asserted)"]
    );
}

#[test]
fn joint_work_after_a_readiness_the_parser_hangs_on_the_verb_is_intent_too() {
    assert_eq!(
        coded(
            "Lindon expressed its readiness to cooperate with Harad against piracy.",
            None
        ),
        ["AGREE 030 Lindon -> Harad (asserted)"]
    );
}

#[test]
fn meeting_an_actors_needs_is_no_meeting() {
    assert!(coded(
        "Arnor has sought ways to meet Dale's need for energy security.",
        None
    )
    .is_empty());
}
