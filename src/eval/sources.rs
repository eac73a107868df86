//! `attache eval --gold DIR --sources`: how many gold event sources the
//! actors layer resolves in the trigger's sentence (issue 13, item 6).
//!
//! For each gold event, the trigger's words are found in the text (the
//! first occurrence, ignoring case); the event's source counts as resolved
//! when an actor span of the trigger's sentence (a name, a title, a body or
//! a pronoun) points to an actor whose name or aliases match the gold
//! source the way the scorer matches names, or, when no span of the
//! sentence names it, when the document's author is that actor (a clause
//! in the author's voice names no one). The layer is measured, not the
//! event coder: the share is an upper bound for the coder's sources.

use std::collections::BTreeMap;

use serde_json::Value;

use super::gold::{actor_match, GoldDoc};
use crate::doc::{Doc, RefKind};
use crate::pipeline::Pipeline;

/// One gold event whose source the layer does not resolve.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Unresolved {
    /// Document id.
    pub doc: String,
    /// The gold trigger.
    pub trigger: String,
    /// The gold source.
    pub source: String,
    /// The actors the sentence's spans point to.
    pub candidates: Vec<String>,
}

/// Counts over a gold set.
#[derive(Debug, Default, serde::Serialize)]
pub struct SourceReport {
    /// Gold events with a source.
    pub events: usize,
    /// Those whose trigger was found in the text.
    pub located: usize,
    /// Those whose source the layer resolves.
    pub resolved: usize,
    /// Resolved sources by the kind of span that names them.
    pub by_way: BTreeMap<&'static str, usize>,
    /// Located events left unresolved.
    pub unresolved: Vec<Unresolved>,
}

fn way(how: RefKind) -> &'static str {
    match how {
        RefKind::Name => "name",
        RefKind::Title => "title",
        RefKind::Body => "body",
        RefKind::Pronoun => "pronoun",
    }
}

/// The names an actor answers to; the first author of a joint statement
/// answers for every co-author ("we" is all of them).
fn names_of(doc: &Doc, actor: usize) -> Vec<String> {
    let with_co_authors = doc.author == Some(actor) && doc.co_authors.len() >= 2;
    let actors = if with_co_authors {
        doc.co_authors.clone()
    } else {
        vec![actor]
    };
    let mut names = Vec::new();
    for a in actors.into_iter().filter_map(|a| doc.actors.get(a)) {
        names.push(a.name.clone());
        names.extend(a.aliases.iter().cloned());
    }
    names
}

/// The sentence holding the trigger's first occurrence, if found; `lower`
/// is the document's text lower-cased once (the original text when
/// lower-casing changed byte lengths).
fn trigger_sentence(doc: &Doc, lower: &str, trigger: &str) -> Option<usize> {
    let at = if lower.len() == doc.text().len() {
        lower.find(&trigger.to_lowercase())?
    } else {
        doc.text().find(trigger)?
    };
    sentence_at_byte(doc, at)
}

fn sentence_at_byte(doc: &Doc, byte: usize) -> Option<usize> {
    let i = doc.tokens.iter().position(|t| t.span.byte_end > byte)?;
    Some(doc.sentence_of_token(i))
}

/// Adds one processed document's gold events to the report.
fn add_doc(doc: &Doc, gold: &Value, report: &mut SourceReport) {
    let lower = doc.text().to_lowercase();
    for event in gold["events"].as_array().into_iter().flatten() {
        let (Some(source), Some(trigger)) = (event["source"].as_str(), event["trigger"].as_str())
        else {
            continue;
        };
        report.events += 1;
        let Some(s) = trigger_sentence(doc, &lower, trigger) else {
            continue;
        };
        report.located += 1;
        let range = doc.sentences[s].tokens.clone();
        let spans: Vec<_> = doc
            .actor_spans
            .iter()
            .filter(|sp| sp.tokens.start >= range.start && sp.tokens.start < range.end)
            .filter(|sp| doc.actors[sp.actor].kind.is_some())
            .collect();
        let hit = spans
            .iter()
            .find(|sp| actor_match(source, &names_of(doc, sp.actor)));
        let by_author = [doc.author, doc.author_person]
            .into_iter()
            .flatten()
            .any(|a| actor_match(source, &names_of(doc, a)));
        let way = match (hit, by_author) {
            (Some(sp), _) => Some(way(sp.how)),
            (None, true) => Some("author"),
            (None, false) => None,
        };
        match way {
            Some(w) => {
                report.resolved += 1;
                *report.by_way.entry(w).or_default() += 1;
            }
            None => report.unresolved.push(Unresolved {
                doc: doc.info.id.clone(),
                trigger: trigger.to_string(),
                source: source.to_string(),
                candidates: spans
                    .iter()
                    .map(|sp| doc.actors[sp.actor].name.clone())
                    .collect(),
            }),
        }
    }
}

/// Runs the pipeline over the gold documents and measures the layer.
pub fn source_resolution(pipeline: &Pipeline, docs: &[GoldDoc]) -> SourceReport {
    let mut report = SourceReport::default();
    for g in docs {
        let mut doc = super::gold::gold_doc(g);
        pipeline.process(&mut doc);
        add_doc(&doc, &g.gold, &mut report);
    }
    report
}

impl SourceReport {
    /// The report as text; `with_misses` lists the unresolved events.
    pub fn to_text(&self, with_misses: bool) -> String {
        let share = |n: usize| {
            if self.located == 0 {
                0.0
            } else {
                n as f64 / self.located as f64
            }
        };
        let mut out = format!(
            "event sources: {} gold events, {} triggers found, {} sources resolved in the trigger's sentence ({:.3})\n",
            self.events,
            self.located,
            self.resolved,
            share(self.resolved)
        );
        for (w, n) in &self.by_way {
            out.push_str(&format!("  by {w:8} {n:4} ({:.3})\n", share(*n)));
        }
        if with_misses {
            for u in &self.unresolved {
                out.push_str(&format!(
                    "  unresolved {}: {:?} source {:?}; sentence names {:?}\n",
                    u.doc, u.trigger, u.source, u.candidates
                ));
            }
        }
        out
    }
}
