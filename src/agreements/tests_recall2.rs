//! Tests of the recall rules measured on the second document sample
//! (`recall.rs`, and the `political` modifier, the "political document"
//! head and the CRPD and Addis Ababa Action Agenda aliases in the data
//! files). Every sentence is invented for these tests.

use super::test_support::names;

#[test]
fn a_declaration_named_after_a_place_is_an_instrument() {
    assert_eq!(
        names("The delegates reaffirmed the Nairobi Declaration on regional trade."),
        ["Nairobi Declaration"]
    );
    assert_eq!(
        names("Ten years have passed since the adoption of the Lisbon Declaration."),
        ["Lisbon Declaration"]
    );
    // a place that is not next to the head names no instrument
    assert!(names("The governor asked for a Texas Emergency Declaration.").is_empty());
    // nor does a bare capitalised head
    assert!(names("We read the Declaration with interest.").is_empty());
}

#[test]
fn names_one_word_apart_are_two_instruments() {
    let got = names(
        "The plans align with the Lima Programme of Action and the Quito Programme of Action.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    // the same name twice is one instrument
    let got = names(
        "The Lima Programme of Action was adopted in 2014. We implement the Lima Programme of Action.",
    );
    assert_eq!(got, ["Lima Programme of Action"]);
}

#[test]
fn a_definite_plural_with_a_party_count_is_one_set() {
    let got = names(
        "The ministers reviewed the implementation of the trilateral agreements on border crossings.",
    );
    assert_eq!(got, ["trilateral agreements on border crossings"]);
    // without a describing complement it stays a general reference
    assert!(names("The ministers praised the bilateral agreements.").is_empty());
}

#[test]
fn a_political_declaration_is_an_instrument() {
    assert_eq!(
        names("We must build on the commitments contained in the political declaration."),
        ["political declaration"]
    );
    // a remark called political is none
    assert!(names("He said the remark was a political statement.").is_empty());
}

#[test]
fn a_political_document_between_two_states_is_an_instrument() {
    let got = names("The fifth political document between Chile and Peru is under discussion.");
    assert_eq!(got, ["fifth political document between Chile and Peru"]);
}

#[test]
fn disability_and_financing_instruments_are_known_by_their_short_names() {
    assert_eq!(
        names("Norway ratified the CRPD long ago."),
        ["Convention on the Rights of Persons with Disabilities"]
    );
    assert_eq!(
        names("Our support follows the Addis Agenda."),
        ["Addis Ababa Action Agenda"]
    );
}

#[test]
fn a_national_plan_is_no_instrument() {
    assert!(names("The ministry is drafting a national action plan on road safety.").is_empty());
    assert!(names("Parliament endorsed the National Plan of Action for Children.").is_empty());
    // a plan of two states stays one
    assert_eq!(
        names("Chile and Peru adopted a joint action plan on fisheries control."),
        ["Chile–Peru joint action plan on fisheries control"]
    );
}

#[test]
fn a_calendar_date_after_the_article_picks_out_one_instrument() {
    assert_eq!(
        names("The March 3rd ceasefire agreement must be implemented in full."),
        ["March 3rd ceasefire agreement"]
    );
    assert_eq!(
        names("Officials recalled the 9 May joint statement."),
        ["9 May joint statement"]
    );
}

#[test]
fn a_definite_counted_plural_is_one_closed_set() {
    assert_eq!(
        names("Both sides should abide by the three Chile-Peru joint communiqués."),
        ["three Chile-Peru joint communiqués"]
    );
    assert_eq!(
        names("The four political documents remain the foundation of ties."),
        ["four political documents"]
    );
    // an indefinite count is no set
    assert!(names("Three agreements would help the region.").is_empty());
}

#[test]
fn a_joint_statement_released_by_two_governments_is_an_instrument() {
    let got = names(
        "Below is the text of a joint statement released by the Governments of Chile and Peru.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("joint statement released by"), "{got:?}");
}
