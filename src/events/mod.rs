//! The `events` stage: an event coder on the dependency tree.
//!
//! 1. Triggers: lemmas and parts of speech listed in
//!    `models/events/triggers.tsv` ([`triggers`]), outside names.
//! 2. Arguments from the tree (`tree`): the relations the row names
//!    (subject, object, possessor, prepositional phrases), read as the
//!    actors of the `actors` stage, with control, coordination, light verbs
//!    and relative pronouns; the document's voice for subjectless main
//!    clauses.
//! 3. Status from the tree: negation, modals, conditions, reports of
//!    another speaker, and what a request calls for.
//! 4. Document-level passes (`refine`): a visit's host, visitor → host,
//!    one event per (type, source, target, status), co-authors.

mod hosts;
pub mod lexicon;
mod refine;
#[cfg(test)]
mod tests;
mod tree;
pub mod triggers;
pub mod validate;
mod when;

use crate::doc::{Doc, Layer};
use crate::pipeline::{Contract, Revision, Stage};
use lexicon::EventLexicon;

/// The actor `a` belongs to (a person's state, an organisation's parent).
fn affiliation(doc: &Doc, a: usize) -> Option<usize> {
    doc.actors.get(a).and_then(|x| x.affiliation)
}

/// Whether actor `a`'s title is one whose holder speaks for a state or
/// body ("Foreign Ministry Spokesperson", "Press Secretary":
/// `events.state-voice-title`).
fn speaks_for_office(doc: &Doc, words: &crate::lexicon::WordClasses, a: usize) -> bool {
    let title = doc.actors.get(a).and_then(|x| x.title.as_deref());
    title.is_some_and(|t| {
        t.split(|c: char| !c.is_alphanumeric())
            .any(|w| words.has_ignore_ascii_case(crate::lexicon::WordClass::StateVoiceTitle, w))
    })
}

/// The `events` stage.
pub struct EventStage {
    lexicon: EventLexicon,
}

impl EventStage {
    /// A stage over a lexicon.
    pub fn new(lexicon: EventLexicon) -> EventStage {
        EventStage { lexicon }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &EventLexicon {
        &self.lexicon
    }
}

impl Stage for EventStage {
    fn name(&self) -> &'static str {
        "events"
    }

    fn contract(&self) -> Contract {
        Contract::new(
            &[
                Layer::Info,
                Layer::Tokens,
                Layer::Sentences,
                Layer::Entities,
                Layer::Dates,
                Layer::Agreements,
                Layer::Actors,
                Layer::Syntax,
            ],
            &[Layer::Events],
        )
        .revising(&[Revision {
            layer: Layer::Actors,
            why: "adds the state of a country an event targets that the text names only as a \
                      place ('shelled villages in Arnor'), and marks the actors the record lists",
        }])
    }

    fn process(&self, doc: &mut Doc) {
        tree::code(doc, &self.lexicon);
    }
}
