//! The author from the text alone (`author_text.rs`), on documents written
//! for these tests from the general constructions: delivery lines, bylines,
//! headline speakers, opening subjects and joint statements' lists.

use crate::dates::DateOrder;
use crate::doc::Doc;
use crate::pipeline::testing::run;

fn doc(text: &str) -> Doc {
    run(DateOrder::Dmy, Some("2024-05-02"), text)
}

fn author(doc: &Doc) -> Option<String> {
    doc.author.map(|a| doc.actors[a].name.clone())
}

fn person(doc: &Doc) -> Option<String> {
    doc.author_person.map(|a| doc.actors[a].name.clone())
}

fn co_authors(doc: &Doc) -> Vec<String> {
    doc.co_authors
        .iter()
        .map(|&a| doc.actors[a].name.clone())
        .collect()
}

#[test]
fn a_delivery_line_names_the_speaker_and_the_state_after_of() {
    let d = doc("Statement at the Ocean Summit\n\nStatement by Hon. Mr. Hirgon Baranor, Minister for Foreign Affairs of Peru, at the Ocean Summit\n\nI thank the organisers for this meeting. We support the new fund for coastal towns.");
    assert_eq!(person(&d).as_deref(), Some("Hirgon Baranor"));
    assert_eq!(author(&d).as_deref(), Some("Peru"));
}

#[test]
fn a_byline_under_the_title_names_the_author_in_person() {
    let d = doc("Fishermen's Day\n\nHirgon Baranor, Minister for Foreign Affairs\n\nI congratulate the fishermen of the coast on their day and wish them calm seas.");
    assert_eq!(person(&d).as_deref(), Some("Hirgon Baranor"));
}

#[test]
fn the_opening_sentence_subject_gives_the_state_when_the_title_has_none() {
    let d = doc("Greetings on Fishermen's Day\n\nPresident of Chile Hirgon Baranor sent greetings to the fishermen of the coast on their professional holiday.");
    assert_eq!(author(&d).as_deref(), Some("Chile"));
    // a readout's subject is the author's state, not the author in person
    assert_eq!(person(&d), None);
}

#[test]
fn a_headline_ending_on_its_speaker_gives_the_speakers_state() {
    let d = doc("Trade with Ecuador is our common future - Hirgon Baranor\n\nPresident of Peru Hirgon Baranor said that trade with Ecuador would grow this year.");
    assert_eq!(author(&d).as_deref(), Some("Peru"));
}

#[test]
fn a_joint_statement_with_another_leader_does_not_make_that_leader_the_author() {
    let d = doc("Joint Statement with the Prime Minister of Peru\n\nThe two leaders met in the capital on Monday and agreed to meet again next year.");
    assert_ne!(author(&d).as_deref(), Some("Peru"));
}

#[test]
fn a_header_sentence_lists_the_co_authors_after_joint_statement_by() {
    let d = doc("Statement on Illegal Fishing\n\nThe following is the text of a joint statement by the Governments of Chile, Peru and Ecuador, condemning illegal fishing in Bolivia.\n\nWe condemn the illegal fishing of the last month.");
    assert_eq!(co_authors(&d), ["Chile", "Peru", "Ecuador"]);
}

#[test]
fn an_opening_list_of_governments_names_the_co_authors() {
    let d = doc("Joint Statement on Trade\n\nThe Government of Chile and the Government of Peru, recognizing their long partnership, announce a new trade dialogue.");
    assert_eq!(co_authors(&d), ["Chile", "Peru"]);
}

#[test]
fn persons_of_one_state_in_a_joint_title_make_that_state_the_author() {
    let d = doc("Joint Statement by the President of Chile and the Foreign Minister of Chile\n\nWe welcome the new fisheries law and its protections for coastal towns.");
    assert!(d.co_authors.is_empty());
    assert_eq!(author(&d).as_deref(), Some("Chile"));
}
