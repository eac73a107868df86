//! Tests of the session 18 rules (issue 13, item 4): signed sets
//! (`sets.rs`). Every sentence is invented for these tests.

use super::test_support::names;

#[test]
fn a_counted_set_with_its_parties_is_one_record_per_party() {
    assert_eq!(
        names("Chile recently concluded two free trade agreements with Peru and Kenya."),
        [
            "free trade agreement with Peru",
            "free trade agreement with Kenya"
        ]
    );
}

#[test]
fn a_signed_set_with_a_describing_complement_is_one_record() {
    let got = names(
        "The delegations signed intergovernmental agreements on combating wildlife trafficking.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].starts_with("intergovernmental agreements on combating"),
        "{got:?}"
    );
}

#[test]
fn a_set_sought_tallied_or_bare_stays_general() {
    // sought: a future or an infinitive
    assert!(names("Gondor will sign agreements on fisheries cooperation next year.").is_empty());
    // a tally over a population of parties
    assert!(
        names("So far 40 countries have signed cooperation agreements with Gondor.").is_empty()
    );
    // nothing pins the set down
    assert!(names("Gondor has signed agreements with many partners.").is_empty());
}

#[test]
fn repeated_complements_still_give_one_record_each() {
    let got = names("The ministers signed agreements on fisheries, and on customs cooperation.");
    assert_eq!(got.len(), 2, "{got:?}");
}

#[test]
fn a_counted_set_on_as_many_subjects_keeps_one_record_each() {
    let got = names("The ministers signed two memorandums on fisheries and tourism.");
    assert_eq!(got.len(), 2, "{got:?}");
}
