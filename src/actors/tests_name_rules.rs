//! The name rules that read the corpus's common words, company words and
//! body words alone (issue 13, item 1), on names and sentences written for
//! the project.

use super::names::{NameFault, NameRules};
use crate::dates::DateOrder;
use crate::doc::{ActorKind, Doc};
use crate::lexicon::WordClasses;
use crate::ner::gazetteer::Gazetteer;
use crate::pipeline::testing::run;
use crate::text::{Lexical, Tokenizer};

fn with_rules(check: impl FnOnce(&NameRules)) {
    let words = WordClasses::embedded();
    let tokenizer = Tokenizer::new(Lexical::embedded());
    let gaz = Gazetteer::with_user_files(&[], &tokenizer).unwrap();
    check(&NameRules::new(&words, &gaz));
}

fn actors(doc: &Doc, kind: ActorKind) -> Vec<String> {
    doc.actors
        .iter()
        .filter(|a| a.kind == Some(kind))
        .map(|a| a.name.clone())
        .collect()
}

#[test]
fn common_words_are_no_person_s_name() {
    with_rules(|r| {
        for name in ["Members", "Hunger Campaign", "Inclusivity", "Lastly"] {
            assert_eq!(
                r.fault(ActorKind::Person, name),
                Some(NameFault::CommonWords),
                "{name}"
            );
        }
        // names that are also words, which the text capitalises
        for name in ["Price", "Moon", "Bush", "Mark Halloran", "Rose Adeyemi"] {
            assert_eq!(r.fault(ActorKind::Person, name), None, "{name}");
        }
        // a surname after a title may be a word; a plain noun may not
        assert_eq!(r.fault_titled(ActorKind::Person, "Young", true), None);
        assert_eq!(
            r.fault_titled(ActorKind::Person, "Students", true),
            Some(NameFault::CommonWords)
        );
        assert_eq!(
            r.fault_titled(ActorKind::Person, "Regional Growth", true),
            Some(NameFault::CommonWords)
        );
    });
}

#[test]
fn initials_titles_and_company_words_are_no_person_s_name() {
    with_rules(|r| {
        for name in ["H. E.", "Y", "Amir", "Plenipotentiary", "Ltd."] {
            assert_eq!(
                r.fault(ActorKind::Person, name),
                Some(NameFault::NotAName),
                "{name}"
            );
        }
        assert_eq!(
            r.fault(ActorKind::Person, "Second Gentleman"),
            Some(NameFault::TitleInPersonName)
        );
        assert_eq!(
            r.fault(ActorKind::Person, "Norvane Technologies"),
            Some(NameFault::CompanyAsPerson)
        );
    });
}

#[test]
fn an_organisation_needs_a_name_or_a_modified_body_word() {
    with_rules(|r| {
        for name in ["Council", "Consulates", "the Committee"] {
            assert_eq!(
                r.fault(ActorKind::Organization, name),
                Some(NameFault::GenericHead),
                "{name}"
            );
        }
        for name in ["Opening Ceremony", "Climate Crisis", "Win-win Cooperation"] {
            assert_eq!(
                r.fault(ActorKind::Organization, name),
                Some(NameFault::CommonWords),
                "{name}"
            );
        }
        for name in ["Parliament", "Supreme Court", "National Security Council"] {
            assert_eq!(r.fault(ActorKind::Organization, name), None, "{name}");
        }
        for name in ["Varnholt Institute", "Foreign Ministries", "START"] {
            assert_eq!(r.fault(ActorKind::Organization, name), None, "{name}");
        }
    });
}

#[test]
fn a_body_word_alone_is_the_one_body_named_with_it() {
    let d = run(
        DateOrder::Dmy,
        Some("2024-05-02"),
        "The Norvane Fisheries Council met in Tarvel on Monday. The Council agreed to cut the quota.",
    );
    let orgs = actors(&d, ActorKind::Organization);
    assert!(!orgs.iter().any(|n| n == "Council"), "{orgs:?}");
    let council = d
        .actors
        .iter()
        .find(|a| a.name == "Norvane Fisheries Council");
    assert!(
        council.is_some_and(|a| a.aliases.iter().any(|n| n == "Council")),
        "{:?}",
        d.actors
    );
}

#[test]
fn a_company_tagged_as_a_person_is_an_organisation() {
    let d = run(
        DateOrder::Dmy,
        Some("2024-05-02"),
        "The ministry signed a supply contract with Kessel Holdings on Monday.",
    );
    assert!(
        !actors(&d, ActorKind::Person)
            .iter()
            .any(|n| n.contains("Holdings")),
        "{:?}",
        d.actors
    );
}
