//! Tests of session 15's recall rules: a definite head defined by its
//! complement (`defined.rs`), special-session resolution numbers
//! (`resolution.rs`), unlike heads of kind `other` kept apart and an
//! indefinite head after a bare one (`join.rs`). Every sentence is
//! invented for these tests.

use super::test_support::names;

#[test]
fn a_definite_head_with_a_defining_complement_is_an_instrument() {
    assert_eq!(
        names("Both ministers stressed the full implementation of the protocol on upgrading the regional customs union."),
        ["protocol on upgrading the regional customs union"]
    );
    assert_eq!(
        names("Our country has become a party to the agreement establishing the Andean Seed Bank."),
        ["agreement establishing the Andean Seed Bank"]
    );
    // the name stops before the verb the instrument is the subject of
    assert_eq!(
        names("Tariffs will fall once the agreement on trade in services enters into force."),
        ["agreement on trade in services"]
    );
}

#[test]
fn a_definite_head_without_a_defining_complement_refers_back() {
    // a bare head, or one word of complement, names no new instrument
    assert!(names("The minister said the agreement was working well.").is_empty());
    assert!(names("They discussed the agreement on fisheries at length.").is_empty());
    // a named instrument inside the complement is the one meant
    assert_eq!(
        names("They welcomed the agreement on the Arcadia Treaty of Friendship."),
        ["Arcadia Treaty of Friendship"]
    );
    // plans and roadmaps are one side's own terms far more often
    assert!(names("This will be the roadmap for recognition of any future government.").is_empty());
}

#[test]
fn an_emergency_special_session_resolution_keeps_its_number() {
    let got = names("They recalled General Assembly resolution ES-10/2 on the situation.");
    assert_eq!(got, ["UN General Assembly resolution ES-10/2"]);
    // only the General Assembly holds emergency special sessions
    let got = names("The Security Council and the General Assembly, in resolution ES-9/1, acted.");
    assert_eq!(got, ["UN General Assembly resolution ES-9/1"]);
}

#[test]
fn unlike_plans_stay_apart() {
    let got = names(
        "The ministers welcomed the roadmap for energy cooperation adopted in 2021. The action plan for 2024 was approved by both governments.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
}

#[test]
fn an_indefinite_head_after_a_bare_one_is_a_new_instrument() {
    let got = names(
        "Members adopted the resolution with 300 votes. Later a resolution on the situation in Arcadia was adopted.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[1].ends_with("Arcadia"), "{got:?}");
}
