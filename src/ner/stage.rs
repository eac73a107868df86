//! The `entities` stage: gazetteer ruler, then the statistical tagger,
//! merged (see [`crate::ner::merge`]) into `doc.entities`.

use crate::doc::{Doc, EntityType, Mention, Origin};
use crate::ner::gazetteer::Gazetteer;
use crate::ner::merge::{adds_a_name, merge};
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
        let types = &self.types;
        let doc_ref: &Doc = doc;
        let merged = merge(ruled, tagged, |outside| {
            let words: Vec<&str> = outside.iter().map(|&i| doc_ref.token_text(i)).collect();
            adds_a_name(&words, |w| types.is_generic(w))
        });
        doc.entities = merged;
    }
}

/// The embedded default model (`--model fast`), trained on CoNLL-2003 (see
/// `models/ner/README.md` for the exact recipe).
pub const FAST_MODEL: &[u8] = include_bytes!("../../models/ner/fast.bin");

impl SpanTagger for crate::ner::Model {
    fn tag(&self, doc: &Doc) -> Vec<TaggedSpan> {
        let sentences: Vec<Vec<&str>> = doc
            .sentences
            .iter()
            .map(|s| s.tokens.clone().map(|i| doc.token_text(i)).collect())
            .collect();
        self.tag_spans(&sentences)
            .into_iter()
            .filter_map(|span| {
                let first = doc.sentences.get(span.sentence)?.tokens.start;
                Some(TaggedSpan {
                    start: first + span.start,
                    end: first + span.end,
                    label: span.typ,
                    score: span.score,
                })
            })
            .collect()
    }
}

/// Which statistical tagger the `entities` stage uses.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ModelChoice {
    /// The embedded default model.
    #[default]
    Fast,
    /// A model file written by `attache train`.
    File(std::path::PathBuf),
    /// No tagger: gazetteer matches only.
    None,
}

impl ModelChoice {
    /// `fast`, `none`, or a path.
    pub fn parse(s: &str) -> ModelChoice {
        match s {
            "fast" => ModelChoice::Fast,
            "none" => ModelChoice::None,
            path => ModelChoice::File(path.into()),
        }
    }

    /// Loads the chosen tagger.
    pub fn load(&self) -> Result<Option<crate::ner::Model>, crate::ner::NerError> {
        match self {
            ModelChoice::Fast => crate::ner::Model::from_bytes(FAST_MODEL).map(Some),
            ModelChoice::File(path) => {
                let bytes = std::fs::read(path).map_err(|source| crate::ner::NerError::Io {
                    path: path.display().to_string(),
                    source,
                })?;
                crate::ner::Model::from_bytes(&bytes).map(Some)
            }
            ModelChoice::None => Ok(None),
        }
    }
}
