//! Tests of the session 20 rules (issue 13, item 4, `bodies.rs`): joint
//! bodies' lower-case statements, declarations named by an unknown place,
//! named plural sets, and documents that are no instrument (executive
//! memoranda, one minister's statement, the alias table's `none` rows).
//! Every sentence is invented for these tests.

use super::test_support::names;

#[test]
fn a_joint_bodys_lower_case_statement_is_its_instrument() {
    let got = names("Gondor acted in line with the UN Security Council statement on the blockade.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].starts_with("UN Security Council statement"),
        "{got:?}"
    );
    let got = names("The ministers recalled the G7 statement on maritime security.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("G7 statement"), "{got:?}");
}

#[test]
fn a_plural_possessive_names_joint_authors_in_lower_case() {
    let got = names("The sanctions follow the G7 leaders' statement of 2 May 2022 on Khand.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("G7 leaders' statement"), "{got:?}");
}

#[test]
fn one_authors_statement_stays_out() {
    // a single state's statement is no joint body's
    assert!(names("We have studied the Gondorian statement on the border.").is_empty());
    // one minister's statement to parliament
    assert!(names("The minister made a Ministerial Statement on the floods in Rohan.").is_empty());
    // with a joint modifier it is an instrument
    let got = names("The two ministers issued a Joint Ministerial Statement on fisheries.");
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn a_declaration_named_by_an_unknown_place_is_named() {
    let got = names("The islands reaffirmed the Mirkwood Declaration on regional security.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("Mirkwood Declaration"), "{got:?}");
}

#[test]
fn an_executive_memorandum_is_no_instrument() {
    assert!(
        names("The President signed a Presidential Memorandum on Protecting Forests.").is_empty()
    );
    assert!(names("She issued a National Security Memorandum on AI last year.").is_empty());
}

#[test]
fn a_no_instrument_row_makes_no_record() {
    assert!(names("The ban is contrary to the spirit of the Olympic Charter.").is_empty());
}

#[test]
fn a_plural_head_named_by_a_capitalised_run_is_one_set() {
    let got = names("Khand walked away from the Osgiliath agreements last spring.");
    assert_eq!(got, ["Osgiliath agreements"], "{got:?}");
    let got = names("Both sides must respect the Normandy format accords.");
    assert_eq!(got.len(), 1, "{got:?}");
    // a kind of instruments, or a verb, is no set
    assert!(names("We remain committed to the UN multilateral agreements.").is_empty());
    assert!(names("The Trade Commission deals with such disputes.").is_empty());
}
