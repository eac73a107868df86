//! The `entities` stage: gazetteer ruler, then the statistical tagger,
//! merged (see [`crate::ner::merge`]) into `doc.entities`.

use crate::doc::{Doc, EntityType, Mention, Origin};
use crate::ner::gazetteer::Gazetteer;
use crate::ner::merge::merge;
use crate::ner::types::TypeMap;
use crate::pipeline::Stage;

/// Confidence given to a gazetteer match the tagger did not also find.
///
/// Dictionary names are right about their span almost always and about
/// their type most of the time (a country name used as an adjective, a city
/// named after a person); 0.9 reflects that.
pub const GAZETTEER_SCORE: f32 = 0.9;

/// A span predicted by a statistical tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct TaggedSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The tagger's type (PER, ORG, LOC, MISC).
    pub label: String,
    /// Confidence in [0, 1].
    pub score: f32,
}

/// A statistical tagger over a document's tokens.
pub trait SpanTagger: Send + Sync {
    /// Spans over `doc.tokens`, within sentences, non-overlapping.
    fn tag(&self, doc: &Doc) -> Vec<TaggedSpan>;
}

/// The `entities` stage.
pub struct EntityStage {
    gazetteer: Gazetteer,
    types: TypeMap,
    tagger: Option<Box<dyn SpanTagger>>,
}

impl EntityStage {
    /// A stage from its parts; without a tagger only the gazetteer runs.
    pub fn new(
        gazetteer: Gazetteer,
        types: TypeMap,
        tagger: Option<Box<dyn SpanTagger>>,
    ) -> EntityStage {
        EntityStage {
            gazetteer,
            types,
            tagger,
        }
    }

    /// The gazetteer this stage uses.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }
}

impl Stage for EntityStage {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn process(&self, doc: &mut Doc) {
        let ruled: Vec<Mention> = self
            .gazetteer
            .find(doc)
            .into_iter()
            .map(|m| {
                let entry = self.gazetteer.entry(m.entry);
                Mention {
                    span: doc.token_span(m.start, m.end - 1),
                    tokens: m.start..m.end,
                    sentence: doc.sentence_of_token(m.start),
                    label: entry.label,
                    score: GAZETTEER_SCORE,
                    origin: Origin::Gazetteer,
                    entry: Some(entry.id.clone()),
                }
            })
            .collect();
        let tagged: Vec<Mention> = match &self.tagger {
            None => Vec::new(),
            Some(tagger) => tagger
                .tag(doc)
                .into_iter()
                .filter(|s| s.start < s.end && s.end <= doc.tokens.len())
                .map(|s| {
                    let span = doc.token_span(s.start, s.end - 1);
                    let words: Vec<&str> = (s.start..s.end).map(|i| doc.token_text(i)).collect();
                    let label =
                        self.types
                            .map(&s.label, &words, doc.span_text(span), &self.gazetteer);
                    Mention {
                        span,
                        tokens: s.start..s.end,
                        sentence: doc.sentence_of_token(s.start),
                        label,
                        score: s.score,
                        origin: Origin::Model,
                        entry: None,
                    }
                })
                .filter(|m| m.label != EntityType::Date && m.label != EntityType::Agreement)
                .collect(),
        };
        doc.entities = merge(ruled, tagged);
    }
}
