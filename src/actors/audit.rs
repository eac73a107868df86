//! `attache audit-actors`: counts the actor names in saved records that
//! break the name rules ([`super::names`]), so a sample of real documents
//! shows how often a user meets a title, headline fragment or place as an
//! actor.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::Value;

use super::names::{NameFault, NameRules};
use crate::doc::ActorKind;
use crate::error::Error;
use crate::lexicon::WordClasses;
use crate::ner::gazetteer::Gazetteer;
use crate::pipeline::Dicts;
use crate::text::{Lexical, Tokenizer};

/// A name that breaks a rule, for the report.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Finding {
    /// The record's document id.
    pub doc: String,
    /// The actor's kind as the record writes it.
    pub kind: String,
    /// The actor's name.
    pub name: String,
    /// The rule it breaks.
    pub fault: &'static str,
}

/// Counts over a set of records.
#[derive(Debug, Default, serde::Serialize)]
pub struct AuditReport {
    /// Records read.
    pub records: usize,
    /// Actors read.
    pub actors: usize,
    /// Actors breaking each rule (one rule per actor, the first that fails).
    pub faults: BTreeMap<&'static str, usize>,
    /// Every failing actor, in record order.
    pub findings: Vec<Finding>,
}

impl AuditReport {
    /// Actors that break any rule.
    pub fn failing(&self) -> usize {
        self.faults.values().sum()
    }
}

/// The rules' data: word classes and gazetteer, with the user's files.
pub struct Auditor {
    words: Arc<WordClasses>,
    gazetteer: Gazetteer,
}

fn kind_of(name: &str) -> Option<ActorKind> {
    Some(match name {
        "person" => ActorKind::Person,
        "state" => ActorKind::State,
        "government" => ActorKind::Government,
        "organization" => ActorKind::Organization,
        "group" => ActorKind::Group,
        _ => return None,
    })
}

impl Auditor {
    /// The embedded data plus the user's `--dict` files.
    pub fn from_dicts(dicts: &Dicts) -> Result<Auditor, Error> {
        let words = WordClasses::with_user_files(&dicts.words)?;
        let tokenizer = Tokenizer::new(Lexical::embedded().with_words(words.clone()));
        let gazetteer = Gazetteer::with_user_files(&dicts.gazetteers, &tokenizer)?;
        Ok(Auditor { words, gazetteer })
    }

    /// Adds one record (a JSON object as `attache extract` writes it).
    pub fn add(&self, record: &Value, report: &mut AuditReport) {
        report.records += 1;
        let rules = NameRules::new(&self.words, &self.gazetteer);
        let doc = record["doc"]["id"].as_str().unwrap_or("").to_string();
        let entities: Vec<(&str, &str)> = record["entities"]
            .as_array()
            .map(|es| {
                es.iter()
                    .filter_map(|e| Some((e["type"].as_str()?, e["text"].as_str()?)))
                    .filter(|(t, _)| *t != "DATE")
                    .collect()
            })
            .unwrap_or_default();
        let entity_texts: Vec<String> = entities.iter().map(|(_, t)| t.to_lowercase()).collect();
        for actor in record["actors"].as_array().into_iter().flatten() {
            report.actors += 1;
            let (Some(kind_name), Some(name)) = (actor["kind"].as_str(), actor["name"].as_str())
            else {
                continue;
            };
            let Some(kind) = kind_of(kind_name) else {
                continue;
            };
            let backed = kind == ActorKind::Group
                || rules.in_gazetteer(name)
                || entity_texts.contains(&name.to_lowercase());
            let titled = actor["title"].as_str().is_some();
            let fault = rules
                .fault_titled(kind, name, titled)
                .or((!backed).then_some(NameFault::Unbacked));
            if let Some(fault) = fault {
                *report.faults.entry(fault.label()).or_default() += 1;
                report.findings.push(Finding {
                    doc: doc.clone(),
                    kind: kind_name.to_string(),
                    name: name.to_string(),
                    fault: fault.label(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_with_a_title_as_actor_is_counted() {
        let auditor = Auditor::from_dicts(&Dicts::default()).unwrap();
        let record = serde_json::json!({
            "doc": {"id": "x"},
            "entities": [{"type": "PERSON", "text": "Mara Okafor"}],
            "actors": [
                {"kind": "person", "name": "Mara Okafor"},
                {"kind": "person", "name": "Spokesperson"},
                {"kind": "state", "name": "Norway"},
                {"kind": "person", "name": "Tomas Brandt"},
                {"kind": "group", "name": "the two sides"}
            ]
        });
        let mut report = AuditReport::default();
        auditor.add(&record, &mut report);
        assert_eq!(report.actors, 5);
        assert_eq!(report.failing(), 2);
        assert_eq!(report.faults.get("not-a-name"), Some(&1));
        assert_eq!(report.faults.get("unbacked"), Some(&1));
    }
}
