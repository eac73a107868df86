//! Tests of the session 16 rules (issue 13, item 4): a serial list inside
//! a named instrument's complement, the capital-only head "Compact", legal
//! guarantees sought, a short form with a named party. Every sentence is
//! invented for these tests.

use super::test_support::{names, run};

#[test]
fn a_serial_list_stays_in_the_name() {
    assert_eq!(
        names(
            "Under the Treaty of Friendship, Cooperation and Mutual Assistance between Norway and Chile, the sides will consult."
        ),
        ["Treaty of Friendship, Cooperation and Mutual Assistance between Norway and Chile"]
    );
    // two treaties that differ only after the list are two records
    let got = names(
        "The Treaty of Amity, Trade and Navigation between Gondor and Rohan and the Treaty of Amity, Trade and Navigation between Gondor and Arnor were ratified.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    // an Oxford comma
    assert_eq!(
        names("The parties upheld the Charter on Democracy, Elections, and Governance."),
        ["Charter on Democracy, Elections, and Governance"]
    );
}

#[test]
fn a_list_that_is_no_part_of_the_name_stays_out() {
    // places after the comma: the parties of a sentence, not the name
    let got = names("Under the Treaty of Friendship, Peru and Chile consult each other.");
    assert_eq!(got, ["Treaty of Friendship"]);
    // a second instrument after the comma
    let got =
        names("They adopted the Pact for Tomorrow, Declaration on Youth and the Lima Accord.");
    assert!(!got.iter().any(|n| n.contains(',')), "{got:?}");
    // no closing "and": no list
    assert_eq!(
        names("The Treaty of Friendship, Cooperation remains in force."),
        ["Treaty of Friendship"]
    );
}

#[test]
fn a_capitalised_compact_is_an_instrument() {
    assert_eq!(
        names("The ministers reviewed the implementation of the Compact of Free Association with Palau."),
        ["Compact of Free Association"]
    );
    assert_eq!(
        names("Both leaders welcomed the adoption of the Global Ocean Compact."),
        ["Global Ocean Compact"]
    );
    // the adjective is no head
    assert!(names("The delegation travelled in a compact convoy.").is_empty());
}

#[test]
fn legal_guarantees_are_one_sought_instrument() {
    assert_eq!(
        names("The leaders called for long-term, legally binding security guarantees for Serbia."),
        ["legally binding security guarantees"]
    );
    // a second mention joins the first
    assert_eq!(
        names(
            "Moscow wants legally binding guaranties ruling out expansion. Such legal guarantees are vital, the minister said."
        ),
        ["legally binding guarantees"]
    );
    // coordinated with another kind: one state's own law
    assert!(
        names("The state will reinforce the legal and social guarantees for police officers.")
            .is_empty()
    );
    // no legal premodifier: the guarantees themselves
    assert!(names("The allies discussed security guarantees for the region.").is_empty());
    // a verb
    assert!(names("The constitution legally guarantees the freedom of assembly.").is_empty());
}

#[test]
fn a_short_form_with_a_named_party_starts_a_record() {
    let doc = run("The current MOU with the Government of Tonga runs until October.");
    let got: Vec<_> = doc.agreements.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(got, ["MOU"]);
    assert!(doc.agreements[0]
        .parties
        .iter()
        .any(|p| p.contains("Tonga")));
    // a bare short form still only refers back
    assert!(names("The MOU runs until October.").is_empty());
    // and a named one is joined, not doubled
    let got = names(
        "Fiji and Tonga signed a Memorandum of Understanding on Fisheries in May. The MOU with Tonga runs until October.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn the_minsk_package_of_measures_is_the_minsk_agreements() {
    assert_eq!(
        names("They stressed the 2015 Minsk Package of Measures and the Minsk agreements."),
        ["Minsk agreements"]
    );
}
