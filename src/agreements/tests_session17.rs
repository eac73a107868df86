//! Tests of the session 17 rules (issue 13, item 4): mentions that name
//! an instrument the document already named (`backref.rs`). Every
//! sentence is invented for these tests.

use super::test_support::{names, run};

#[test]
fn a_back_reference_joins_the_entry_named_before() {
    // after the JCPOA, "the nuclear deal" is the same instrument
    assert_eq!(
        names("Both ministers backed the JCPOA. Leaving the nuclear deal would be a mistake."),
        ["Joint Comprehensive Plan of Action"]
    );
    // without the entry before it, the phrase is an ordinary mention
    let got = names("The two sides signed a nuclear deal in Vienna on Monday.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].contains("nuclear deal"), "{got:?}");
}

#[test]
fn a_back_reference_keeps_its_own_date_only() {
    let doc = run("The JCPOA was discussed. The 2015 nuclear deal must be restored, they said.");
    assert_eq!(doc.agreements.len(), 1);
    assert_eq!(doc.agreements[0].date.as_deref(), Some("2015"));
}

#[test]
fn an_apposition_or_predicate_describes_the_instrument_named() {
    assert_eq!(
        names("The Treaty of Lindos (Lindos Treaty) is a bilateral treaty signed by Gondor and Rohan."),
        ["Treaty of Lindos"]
    );
    assert_eq!(
        names("Ministers praised the Harbour Agreement, an agreement that was signed by the two ports in May."),
        ["Harbour Agreement"]
    );
    // a second instrument after a comma but no article: its own record
    let got = names("They signed the Harbour Agreement, and a memorandum on fisheries.");
    assert_eq!(got.len(), 2, "{got:?}");
}

#[test]
fn the_following_statement_is_the_documents_own() {
    let got = names(
        "Joint Statement of Gondor and Rohan on River Trade\n\nThe text of the following joint statement was released by the two governments.\n\nThe sides met in Minas Tirith.",
    );
    assert_eq!(got, ["Joint Statement of Gondor and Rohan on River Trade"]);
}

#[test]
fn the_strategic_concept_is_an_entry() {
    assert_eq!(
        names("Allied leaders will endorse a new Strategic Concept at the summit."),
        ["NATO Strategic Concept"]
    );
}

#[test]
fn a_signed_or_adopted_declaration_needs_no_joint() {
    let got = names("The two presidents signed a declaration on river navigation in Lindos.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].starts_with("declaration on river navigation"),
        "{got:?}"
    );
    let got = names("The summit adopted a declaration on ocean plastics.");
    assert_eq!(got, ["declaration on ocean plastics"]);
    let got = names("They welcomed the statement agreed by the ministers of Gondor and Rohan.");
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn an_issued_statement_stays_one_authors() {
    // issued or made: one author's statement, no instrument
    assert!(names("The ministry issued a statement on the floods.").is_empty());
    assert!(names("The minister made a statement on the budget on Monday.").is_empty());
}
