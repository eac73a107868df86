//! Tests of the recall rules of issue 13, item 4: plural possessive
//! authors of a joint instrument, parties from the subject of the clause,
//! called-for ceasefires, to-infinitive contents, nested instruments,
//! short forms written in full and resolution issuers after the number.
//! Every sentence is invented for these tests.

use super::test_support::{names, run};
use crate::doc::Doc;

/// (name, parties) of every record.
fn records(doc: &Doc) -> Vec<(String, Vec<String>)> {
    doc.agreements
        .iter()
        .map(|a| (a.name.clone(), a.parties.clone()))
        .collect()
}

#[test]
fn a_plural_possessive_names_the_joint_authors() {
    let doc = run("Quad Leaders’ Statement on Maritime Safety\n\nThe leaders met in Perth today.");
    assert_eq!(doc.agreements.len(), 1, "{:?}", doc.agreements);
    let a = &doc.agreements[0];
    assert_eq!(a.name, "Quad Leaders’ Statement on Maritime Safety");
    assert_eq!(a.date.as_deref(), Some("2023-06-03"));
    assert_eq!(a.parties, ["Quad"]);
    assert_eq!(
        names("The Nordic Foreign Ministers' Joint Communiqué was issued in Oslo."),
        ["Nordic Foreign Ministers' Joint Communiqué"]
    );
    // a single author's statement is no joint instrument
    assert!(names("The Minister's Statement on Fisheries was read out.").is_empty());
}

#[test]
fn a_dash_between_two_states_stays_in_a_joint_name() {
    let doc = run("Chile – Norway Joint Leaders’ Statement\n\nThe two leaders met today.");
    assert_eq!(doc.agreements.len(), 1, "{:?}", doc.agreements);
    assert_eq!(
        doc.agreements[0].name,
        "Chile – Norway Joint Leaders’ Statement"
    );
    assert_eq!(doc.agreements[0].parties, ["Chile", "Norway"]);
}

#[test]
fn the_subject_of_the_clause_gives_the_parties() {
    let got = records(&run(
        "Peru and Ecuador signed a memorandum of understanding on river transport.",
    ));
    assert_eq!(
        got,
        [(
            "Peru–Ecuador memorandum of understanding on river transport".to_string(),
            vec!["Peru".to_string(), "Ecuador".to_string()]
        )]
    );
    // two named parties make an unsigned instrument specific
    let got = records(&run(
        "Canada and Mexico are negotiating a customs cooperation agreement.",
    ));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "Canada–Mexico customs cooperation agreement");
    // one side named by "with": the subject joins it
    let got = records(&run(
        "Chile signed a fisheries agreement with Norway last week.",
    ));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, ["Chile", "Norway"]);
    // a condition names no instrument yet
    assert!(names("Asked whether Peru and Ecuador will negotiate a customs agreement, he declined to comment.").is_empty());
    // "with" alone names only the other side: no prefix
    let got = records(&run(
        "Officials want to reach an agreement with Norway and Chile on quotas.",
    ));
    assert!(got.iter().all(|(n, _)| !n.starts_with("Norway")), "{got:?}");
}

#[test]
fn a_qualified_ceasefire_is_the_one_called_for() {
    assert_eq!(
        names("The envoy called for an immediate, unconditional and lasting ceasefire in Sudan."),
        ["lasting ceasefire in Sudan"]
    );
    assert_eq!(
        names("Both parties must agree to a permanent ceasefire to allow aid deliveries."),
        ["permanent ceasefire"]
    );
    // a bare ceasefire in running text stays general
    assert!(names("Earlier efforts to reach a ceasefire failed.").is_empty());
}

#[test]
fn a_to_infinitive_says_what_was_agreed() {
    assert_eq!(
        names("Our agreement to open a joint research centre was welcomed by the scientists."),
        ["agreement to open a joint research centre"]
    );
    assert!(names("They will honour the deal to which they committed.").is_empty());
}

#[test]
fn an_instrument_inside_a_complement_is_read_too() {
    let got = names(
        "The ministers signed a protocol amending the bilateral agreement on inland fisheries.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[1].contains("bilateral agreement"), "{got:?}");
}

#[test]
fn a_short_form_inside_a_longer_name_is_written_in_full() {
    assert_eq!(
        names("The MOU on Youth Exchanges was signed in Lima."),
        ["Memorandum of Understanding on Youth Exchanges"]
    );
    // bare, it keeps its form
    assert_eq!(names("An MOU was signed in Lima on 2 May 2023."), ["MOU"]);
}

#[test]
fn a_resolution_takes_its_issuer_after_the_number() {
    assert_eq!(
        names("The plan follows resolution 2417 of the Security Council."),
        ["UN Security Council resolution 2417"]
    );
}
