//! Which person a title belongs to in lists of titled names (issue 13,
//! items 1 and 3), on sentences written for the project.

use crate::dates::DateOrder;
use crate::doc::{ActorKind, Doc};
use crate::pipeline::testing::run;

fn person<'a>(doc: &'a Doc, name: &str) -> Option<&'a crate::doc::ActorRef> {
    doc.actors
        .iter()
        .find(|a| a.kind == Some(ActorKind::Person) && a.name == name)
}

fn title_of(doc: &Doc, name: &str) -> Option<String> {
    person(doc, name).and_then(|a| a.title.clone())
}

fn affiliation_of(doc: &Doc, name: &str) -> Option<String> {
    person(doc, name)
        .and_then(|a| a.affiliation)
        .map(|a| doc.actors[a].name.clone())
}

#[test]
fn a_title_with_a_field_after_a_comma_is_the_next_names() {
    let doc = run(
        DateOrder::Dmy,
        Some("2024-05-02"),
        "Also present were Deputy Defence Minister Olga Varenko, Chief of the General Staff Pavel Dorinov and others.",
    );
    assert_eq!(
        title_of(&doc, "Olga Varenko").as_deref(),
        Some("Deputy Defence Minister")
    );
    // the tagger's "Staff Pavel Dorinov" keeps the person, not the title's word
    assert!(person(&doc, "Pavel Dorinov").is_some());
}

#[test]
fn two_titles_joined_by_and_before_a_name_are_that_persons() {
    let doc = run(
        DateOrder::Dmy,
        Some("2024-05-02"),
        "Invited by Foreign Minister Ana Ruiz of Peru, State Councilor and Foreign Minister Lin Hao will visit Lima next week.",
    );
    assert_eq!(
        title_of(&doc, "Ana Ruiz").as_deref(),
        Some("Foreign Minister")
    );
    let lin = title_of(&doc, "Lin Hao").unwrap_or_default();
    assert!(lin.contains("State Councilor"), "{lin:?}");
}

#[test]
fn a_post_nominal_stays_with_the_name_before_it() {
    let doc = run(
        DateOrder::Dmy,
        Some("2024-05-02"),
        "President Joseph R. Biden, Jr. and President Tran Van Minh of Vietnam met in Hanoi.",
    );
    let tran = title_of(&doc, "Tran Van Minh").unwrap_or_default();
    assert!(!tran.contains("Jr."), "{tran:?}");
}

#[test]
fn an_office_of_a_body_before_a_name_gives_the_body() {
    let doc = run(
        DateOrder::Dmy,
        Some("2024-05-02"),
        "Chief of Staff for the President of the European Commission Karl Weberling met the delegation.",
    );
    assert_eq!(
        affiliation_of(&doc, "Karl Weberling").as_deref(),
        Some("European Commission")
    );
}

#[test]
fn a_title_modifier_is_no_organisation() {
    let doc = run(
        DateOrder::Dmy,
        Some("2024-05-02"),
        "Alternate Prime Minister Dan Levran of Israel spoke with Premier Zhao Minfeng.",
    );
    assert!(
        !doc.actors
            .iter()
            .any(|a| a.kind.is_some() && a.name == "Alternate"),
        "no ORG Alternate"
    );
    assert_eq!(
        affiliation_of(&doc, "Dan Levran").as_deref(),
        Some("Israel")
    );
    assert_eq!(title_of(&doc, "Zhao Minfeng").as_deref(), Some("Premier"));
}

#[test]
fn an_organisation_named_without_its_body_word_is_one_actor() {
    let doc = run(
        DateOrder::Dmy,
        Some("2024-05-02"),
        "The President met the head of the Tarvelon Society, Anna Brisk. Tarvelon held lectures in every region last year, Anna Brisk said.",
    );
    let orgs: Vec<&str> = doc
        .actors
        .iter()
        .filter(|a| a.kind == Some(ActorKind::Organization))
        .map(|a| a.name.as_str())
        .collect();
    assert!(!orgs.contains(&"Tarvelon"), "{orgs:?}");
}

#[test]
fn a_title_after_the_is_not_joined_to_the_next_persons() {
    let doc = run(
        DateOrder::Dmy,
        Some("2024-05-02"),
        "Today, Assistant to the President and Deputy National Security Advisor Mara Lindholm met community leaders.",
    );
    let title = title_of(&doc, "Mara Lindholm").unwrap_or_default();
    assert!(!title.split("; ").any(|t| t == "President"), "{title:?}");
}
