//! Tests of the session 19 rules (issue 13, item 4): dated lower-case
//! heads (`dated.rs`), session-dotted resolution numbers
//! (`resolution.rs`) and sentence dates that cannot be signing dates
//! (`dating.rs`). Every sentence is invented for these tests.

use super::test_support::{names, run};

fn dated(text: &str) -> Vec<(String, Option<String>)> {
    run(text)
        .agreements
        .iter()
        .map(|a| (a.name.clone(), a.date.clone()))
        .collect()
}

#[test]
fn an_of_date_complement_names_one_instrument() {
    let got = dated("Both armies respect the agreement of 14 February 2019 on prisoner exchanges.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].0.starts_with("agreement of 14 February 2019"),
        "{got:?}"
    );
    assert_eq!(got[0].1.as_deref(), Some("2019-02-14"), "{got:?}");
}

#[test]
fn a_plural_head_with_several_dates_is_one_record_per_date() {
    let got = dated(
        "The leaders recalled the trilateral statements of 10 May 2018, 2 June 2019 and 8 July 2020.",
    );
    let dates: Vec<_> = got.iter().map(|(_, d)| d.as_deref()).collect();
    assert_eq!(
        dates,
        [Some("2018-05-10"), Some("2019-06-02"), Some("2020-07-08")],
        "{got:?}"
    );
}

#[test]
fn a_date_that_is_declared_or_one_authors_statement_stays_out() {
    // the date is what is declared
    assert!(
        names("The assembly welcomed the declaration of 2031 as the Year of Rivers.").is_empty()
    );
    // "statement" still needs a joint modifier
    assert!(names("He referred to the minister's statement of 4 April 2019.").is_empty());
}

#[test]
fn a_session_dotted_resolution_number_is_kept() {
    let got =
        names("The principle is affirmed in WHA Resolution 31.7 and the Assembly's practice.");
    assert!(
        got.iter().any(|n| n.ends_with("resolution 31.7")),
        "{got:?}"
    );
}

#[test]
fn a_period_end_or_a_commemoration_is_no_signing_date() {
    // "to 2031" ends the period the agreement covers
    let got = dated("They signed an agreement on water management for the period to 2031.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, None, "{got:?}");
    // the sentence's date is the anniversary's
    let got = dated(
        "On 12 May 2023 the two countries marked the tenth anniversary of the signing of the Treaty of Arnor.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, None, "{got:?}");
}

#[test]
fn a_date_inside_another_instruments_mention_is_that_ones() {
    let got = dated(
        "The leaders welcomed the signing of the Treaty of Arnor and the March 2021 fisheries agreement.",
    );
    let treaty = got.iter().find(|(n, _)| n.starts_with("Treaty of Arnor"));
    assert_eq!(treaty.map(|(_, d)| d.as_deref()), Some(None), "{got:?}");
}

#[test]
fn an_acronym_the_document_defines_stands_for_its_instrument() {
    // the alias table's "CEPA" is another instrument
    let got = names(
        "Gondor and Rohan signed the Comprehensive Economic Partnership Agreement (CEPA) today. The CEPA cuts tariffs.",
    );
    assert_eq!(
        got,
        ["Comprehensive Economic Partnership Agreement"],
        "{got:?}"
    );
}

#[test]
fn a_verb_or_a_preposition_is_no_premodifier() {
    // "agreement" as consent: the verb's subject is no modifier
    assert!(names("The minister expressed agreement with the proposal.").is_empty());
    // a preposition ends the noun phrase before the head
    assert!(names("Talks will continue in the coming months toward agreement.").is_empty());
}
