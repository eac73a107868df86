//! The `entities` stage: gazetteer ruler, then the statistical tagger,
//! merged (see [`crate::ner::merge`]) into `doc.entities`.

use std::sync::Arc;

use crate::doc::Layer;
use crate::doc::{Doc, EntityType, Mention, Origin};
use crate::lexicon::WordClasses;
use crate::ner::acronym;
use crate::ner::asides;
use crate::ner::byline;
use crate::ner::closing_person;
use crate::ner::contact;
use crate::ner::gazetteer::Gazetteer;
use crate::ner::joined;
use crate::ner::leaders;
use crate::ner::merge::{adds_a_name, merge};
use crate::ner::province;
use crate::ner::reshape::{self, Shaper};
use crate::ner::runon;
use crate::ner::types::{TypeMap, WordClass};
use crate::pipeline::{Contract, Stage};
use crate::text::titles::Titles;

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

/// The least calibrated probability at which a tagger span is kept. For a
/// calibrated classifier the threshold that maximises expected F1 is half
/// the F1 it reaches (Lipton, Elkan and Naryanaswamy 2014); the tagger's
/// entity F1 is about 0.9, so 0.45. Gazetteer matches do not depend on it.
const MIN_SPAN_PROBABILITY: f32 = 0.45;

/// The `entities` stage.
pub struct EntityStage {
    gazetteer: Arc<Gazetteer>,
    types: TypeMap,
    tagger: Option<Box<dyn SpanTagger>>,
    titles: Option<Titles>,
    words: Arc<WordClasses>,
}

impl EntityStage {
    /// A stage from its parts; without a tagger only the gazetteer runs.
    pub fn new(
        gazetteer: impl Into<Arc<Gazetteer>>,
        types: TypeMap,
        tagger: Option<Box<dyn SpanTagger>>,
    ) -> EntityStage {
        EntityStage {
            gazetteer: gazetteer.into(),
            types,
            tagger,
            titles: None,
            words: WordClasses::embedded(),
        }
    }

    /// Titles and honorifics to trim from the front of the tagger's PERSON
    /// spans ("Chairperson Moussa Faki Mahamat" → "Moussa Faki Mahamat";
    /// dev README: titles stay outside PERSON).
    pub fn with_titles(mut self, titles: Titles) -> EntityStage {
        self.titles = Some(titles);
        self
    }

    /// The same stage with these word classes (embedded plus `--dict`).
    pub fn with_words(mut self, words: Arc<WordClasses>) -> EntityStage {
        self.words = words;
        self
    }

    /// A tagged span's tokens without what the dev README keeps outside
    /// names: titles before a person (none left: no person), a leading
    /// article, and a trailing lower-case place word ("the Kharkiv region"
    /// → "Kharkiv").
    fn trimmed(&self, doc: &Doc, s: &TaggedSpan) -> Option<(usize, usize)> {
        if s.label == "PER" {
            let end = reshape::before_breaker(doc, &self.types, s.start, s.end);
            let start = match &self.titles {
                Some(titles) => reshape::person_start(titles, doc, s.start, end)?,
                None => s.start,
            };
            return Some((start, end));
        }
        let mut start = s.start;
        if s.end > start + 1 && matches!(doc.token_text(start), "The" | "the") {
            start += 1;
        }
        Some((start, self.without_tail(doc, start, s.end)))
    }

    /// The end of `start..end` without trailing lower-case place words and
    /// without a possessive clitic: "the Ministry's decision" names the
    /// Ministry, and the tagger sometimes takes the "'s" token into the span.
    fn without_tail(&self, doc: &Doc, start: usize, mut end: usize) -> usize {
        while end > start + 1
            && (self.types.is(WordClass::Tail, doc.token_text(end - 1)) || doc.raw(end - 1) == "'s")
        {
            end -= 1;
        }
        end
    }

    /// The gazetteer this stage uses.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }
}

impl EntityStage {
    /// The gazetteer's mentions, each without a trailing generic word.
    fn ruled_mentions(&self, doc: &Doc) -> Vec<Mention> {
        self.gazetteer
            .find(doc)
            .into_iter()
            .map(|m| {
                let entry = self.gazetteer.entry(m.entry);
                // "the Kharkiv region": the oblast, named "Kharkiv" (dev README)
                let end = self.without_tail(doc, m.start, m.end);
                Mention {
                    span: doc.token_span(m.start, end - 1),
                    tokens: m.start..end,
                    sentence: doc.sentence_of_token(m.start),
                    label: entry.label,
                    score: None,
                    origin: Origin::Gazetteer,
                    entry: Some(entry.id.clone()),
                }
            })
            .collect()
    }

    /// The tagger's spans that pass its probability floor, trimmed and typed.
    fn tagged_mentions(&self, doc: &Doc) -> Vec<Mention> {
        match &self.tagger {
            None => Vec::new(),
            Some(tagger) => tagger
                .tag(doc)
                .into_iter()
                .filter(|s| s.start < s.end && s.end <= doc.tokens.len())
                .filter(|s| s.score >= MIN_SPAN_PROBABILITY)
                .filter(|s| !asides::is_aside(doc, s.start, s.end))
                .filter_map(|s| {
                    let (start, end) = self.trimmed(doc, &s)?;
                    let span = doc.token_span(start, end - 1);
                    let words: Vec<&str> = (start..end).map(|i| doc.token_text(i)).collect();
                    let label =
                        self.types
                            .map(&s.label, &words, doc.span_text(span), &self.gazetteer);
                    Some(Mention {
                        span,
                        tokens: start..end,
                        sentence: doc.sentence_of_token(s.start),
                        label,
                        // the tagger's probability is for the span it proposed
                        score: (start == s.start && end == s.end).then_some(s.score),
                        origin: Origin::Model,
                        entry: None,
                    })
                })
                .filter(|m| m.label != EntityType::Date)
                .collect(),
        }
    }
}

impl Stage for EntityStage {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn contract(&self) -> Contract {
        Contract::new(
            &[Layer::Info, Layer::Tokens, Layer::Sentences],
            &[Layer::Entities],
        )
    }

    fn process(&self, doc: &mut Doc) {
        let ruled = self.ruled_mentions(doc);
        let tagged = self.tagged_mentions(doc);
        // instruments are the agreements stage's to name; kept aside only so
        // that their bracketed acronyms are known
        let (instruments, tagged): (Vec<Mention>, Vec<Mention>) = tagged
            .into_iter()
            .partition(|m| m.label == EntityType::Agreement);
        let mut split: Vec<Mention> = Vec::with_capacity(tagged.len());
        let mut persons: Vec<String> = Vec::new();
        for m in tagged {
            let pieces = match &self.titles {
                Some(titles) => Shaper {
                    doc,
                    titles,
                    types: &self.types,
                    gazetteer: &self.gazetteer,
                    ruled: &ruled,
                    words: &self.words,
                }
                .reshape(m.clone()),
                None => vec![m.clone()],
            };
            if pieces.len() != 1 || pieces[0].label != m.label {
                persons.extend(
                    pieces
                        .iter()
                        .filter(|p| p.label == EntityType::Person)
                        .map(|p| doc.span_text(p.span).to_string()),
                );
            }
            split.extend(pieces);
        }
        // The same words tagged otherwise elsewhere are that person too.
        if !persons.is_empty() {
            for m in &mut split {
                if m.label != EntityType::Person
                    && persons.iter().any(|p| p == doc.span_text(m.span))
                {
                    m.label = EntityType::Person;
                }
            }
        }
        let tagged = match &self.titles {
            Some(titles) => byline::with_bylines(doc, titles, split),
            None => split,
        };
        let tagged = contact::with_contacts(doc, &self.types, &self.words, tagged);
        let tagged = persons_in_any_case(doc, tagged);
        let tagged = reshape::persons_the_text_confirms(doc, &self.words, &self.gazetteer, tagged);
        let types = &self.types;
        let classes = &self.words;
        let doc_ref: &Doc = doc;
        let merged = merge(ruled, tagged, |outside| {
            let words: Vec<&str> = outside.iter().map(|&i| doc_ref.token_text(i)).collect();
            adds_a_name(&words, classes, |w| types.is_generic(w))
        });
        let merged = acronym::defined_acronyms(doc, &instruments, merged);
        let merged = runon::run_on_names(doc, &self.types, self.titles.as_ref(), merged);
        let merged = province::places_with_their_words(doc, &self.types, merged);
        let merged = joined::joined_heads(doc, &self.types, &self.gazetteer, merged);
        let merged = leaders::leader_names(doc, &self.words, &self.gazetteer, merged);
        let merged = closing_person::persons_closing_bodies(doc, &self.words, merged);
        let merged = match &self.titles {
            Some(titles) => reshape::with_names_after_titles(doc, titles, &self.words, merged),
            None => merged,
        };
        doc.entities = complete_person_names(doc, merged);
    }
}

/// A name of two or more words that the document gives as a person is that
/// person wherever the tagger called it a body, in any case: "TORAO
/// WAKAMATSU" in a closing line after "Mr Torao Wakamatsu" (one sense per
/// document).
fn persons_in_any_case(doc: &Doc, mut mentions: Vec<Mention>) -> Vec<Mention> {
    let mut persons: Vec<String> = mentions
        .iter()
        .filter(|m| m.label == EntityType::Person && m.tokens.len() >= 2)
        .map(|m| doc.span_text(m.span).to_lowercase())
        .collect();
    persons.sort();
    persons.dedup();
    for m in &mut mentions {
        if matches!(m.label, EntityType::Org | EntityType::Misc)
            && m.origin == Origin::Model
            && persons
                .binary_search(&doc.span_text(m.span).to_lowercase())
                .is_ok()
        {
            m.label = EntityType::Person;
        }
    }
    mentions
}

/// Persons the tagger found without their first names where the document
/// names them in full elsewhere: "Tayyip Erdoğan's visit" after "Recep
/// Tayyip Erdoğan" takes back "Recep" when it stands right before and is
/// no other entity's.
fn complete_person_names(doc: &Doc, mut mentions: Vec<Mention>) -> Vec<Mention> {
    let words =
        |m: &Mention| -> Vec<&str> { m.tokens.clone().map(|i| doc.token_text(i)).collect() };
    let mut full: Vec<Vec<&str>> = mentions
        .iter()
        .filter(|m| m.label == EntityType::Person && m.tokens.len() >= 2)
        .map(words)
        .collect();
    full.sort();
    full.dedup();
    if full.is_empty() {
        return mentions;
    }
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if m.label != EntityType::Person {
            continue;
        }
        let own = words(m);
        let free_from = if i == 0 {
            0
        } else {
            mentions[i - 1].tokens.end
        };
        let longer = full.iter().find(|name| {
            let k = name.len().saturating_sub(own.len());
            k > 0
                && name.ends_with(&own)
                && m.tokens.start >= free_from + k
                && m.sentence == doc.sentence_of_token(m.tokens.start - k)
                && (0..k).all(|j| doc.token_text(m.tokens.start - k + j) == name[j])
        });
        if let Some(name) = longer {
            let start = m.tokens.start - (name.len() - own.len());
            let end = m.tokens.end;
            mentions[i].tokens = start..end;
            mentions[i].span = doc.token_span(start, end - 1);
        }
    }
    mentions
}

/// The embedded default model (`--model fast`), trained on CoNLL-2003 (see
/// `models/ner/README.md` for the exact recipe).
pub const FAST_MODEL: &[u8] = include_bytes!("../../models/ner/fast.bin");

impl SpanTagger for crate::ner::Model {
    fn tag(&self, doc: &Doc) -> Vec<TaggedSpan> {
        // Title Case headings truecased from the body (see `headline`)
        let words = crate::ner::headline::tagger_words(doc, &WordClasses::embedded());
        let sentences: Vec<Vec<&str>> = words
            .iter()
            .map(|s| s.iter().map(|w| w.as_ref()).collect())
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

    /// Loads the chosen tagger, ready to tag.
    pub fn load(&self) -> Result<Option<crate::ner::Model>, crate::ner::NerError> {
        let model = match self {
            ModelChoice::Fast => crate::ner::Model::from_embedded(FAST_MODEL),
            ModelChoice::File(path) => {
                let bytes = std::fs::read(path).map_err(|source| crate::ner::NerError::Io {
                    path: path.display().to_string(),
                    source,
                })?;
                crate::ner::Model::from_bytes(&bytes)
            }
            ModelChoice::None => return Ok(None),
        };
        model.map(|m| Some(m.prepared()))
    }
}

#[cfg(test)]
#[path = "tests_stage.rs"]
pub(super) mod tests;
