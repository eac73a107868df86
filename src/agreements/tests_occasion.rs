//! Tests of the rules read from the governing verb and the name run
//! before a head (`occasion.rs`) and of a joint headline naming a visitor
//! and a place (`title.rs`). Every sentence is invented for these tests.

use super::test_support::{names, run};

#[test]
fn a_set_made_at_an_occasion_is_one_record() {
    assert_eq!(
        names("The delegations reached several agreements in Montevideo."),
        ["agreements reached in Montevideo"]
    );
    assert_eq!(
        names("The two ministers signed many agreements during the visit."),
        ["agreements signed during the visit"]
    );
    // no occasion: a general reference
    assert!(names("Our countries have signed agreements in such areas as fishing.").is_empty());
    // sought, not made
    assert!(names("They hope to reach agreements at the summit.").is_empty());
    // negated
    assert!(names("The parties did not reach agreements at the talks.").is_empty());
}

#[test]
fn a_concluding_verb_makes_its_object_specific() {
    let got = names("Last spring the two governments struck a water-sharing deal.");
    assert_eq!(got, ["water-sharing deal"]);
    let got = names("After long talks an agreement in principle has been achieved.");
    assert_eq!(got.len(), 1, "{got:?}");
    // "achieved" without an instrument as its object signs nothing
    assert!(names("The target was achieved under the Programme, as the plan foresaw.").is_empty());
}

#[test]
fn an_adopted_resolution_is_a_record_at_its_first_mention() {
    let got = names("The assembly adopted the resolution with 80 votes in favour.");
    assert_eq!(got, ["resolution"]);
    // an organisation's name right before the head is its issuer
    let got = names("Several states co-sponsored the FAO resolution on soil health.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("FAO resolution"), "{got:?}");
}

#[test]
fn a_capitalised_name_run_names_a_lower_case_head() {
    assert_eq!(
        names("Both states acceded to the 1972 Outer Reef Fisheries treaty."),
        ["1972 Outer Reef Fisheries treaty"]
    );
    // a number is no name word
    assert!(names("The town follows a 10-year development road map.").is_empty());
}

#[test]
fn a_joint_communique_from_a_visit_is_the_document() {
    let doc = run("Joint communiqué from the visit of President Ana Ferreira to Oslo\n\nThe two sides held talks.");
    let own: Vec<_> = doc
        .agreements
        .iter()
        .filter(|a| a.name.starts_with("Joint communiqué"))
        .collect();
    assert_eq!(own.len(), 1, "{:?}", doc.agreements);
}

#[test]
fn a_bare_capitalised_head_in_a_headline_reads_as_running_text() {
    let got = names("President Welcomes the Ceasefire in Ruritania\n\nThe fighting has stopped.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].contains("Ceasefire"), "{got:?}");
}

#[test]
fn a_fronted_occasion_places_a_set() {
    assert_eq!(
        names("During the visit, the two sides signed three agreements."),
        ["agreements signed during the visit"]
    );
}

#[test]
fn a_descriptive_name_leaves_relative_dates_out() {
    let got = names("The minister welcomed the agreement reached in Lima on Sunday.");
    assert_eq!(got, ["agreement reached in Lima"]);
    // a date with digits stays
    let got = names("They implement the 2019 fisheries agreement.");
    assert_eq!(got, ["2019 fisheries agreement"]);
}

#[test]
fn an_indefinite_instrument_with_a_purpose_is_specific() {
    assert_eq!(
        names("The leaders backed a regional pact to protect river dolphins."),
        ["regional pact"]
    );
    // a bare "an agreement to …" is consent, not an instrument
    assert!(names("There is an agreement to work on that.").is_empty());
    // a plan is often one side's own
    assert!(names("The ministry created an action plan to support farmers.").is_empty());
}

#[test]
fn a_duration_stays_in_a_descriptive_name() {
    let got = names("The parties agreed on the two-month truce in Ruritania.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].contains("two-month"), "{got:?}");
}

#[test]
fn a_holiday_before_the_head_stays_in_the_name() {
    let got = names("Talks\n\nThe rebels rejected the proposal for an Easter truce in Ruritania.");
    assert!(got.iter().any(|n| n.contains("Easter")), "{got:?}");
}
