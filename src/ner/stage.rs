//! The `entities` stage: gazetteer ruler, then the statistical tagger,
//! merged (see [`crate::ner::merge`]) into `doc.entities`.

use crate::actors::titles::{TitleKind, Titles};
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
    titles: Option<Titles>,
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
            titles: None,
        }
    }

    /// Titles and honorifics to trim from the front of the tagger's PERSON
    /// spans ("Chairperson Moussa Faki Mahamat" → "Moussa Faki Mahamat";
    /// dev README: titles stay outside PERSON).
    pub fn with_titles(mut self, titles: Titles) -> EntityStage {
        self.titles = Some(titles);
        self
    }

    /// The first token of a PERSON span once leading titles are skipped.
    fn person_start(&self, doc: &Doc, start: usize, end: usize) -> usize {
        let Some(titles) = &self.titles else {
            return start;
        };
        let raw: Vec<String> = (start..end)
            .map(|i| doc.token_text(i).replace('\u{2019}', "'"))
            .collect();
        let lower: Vec<String> = raw.iter().map(|t| t.to_lowercase()).collect();
        let mut i = 0;
        while let Some(m) = titles.longest_at(&lower, &raw, i, raw.len()) {
            let kind = titles.get(m.title).kind;
            if !matches!(kind, TitleKind::Person | TitleKind::Honorific) || m.end >= raw.len() {
                break;
            }
            i = m.end;
        }
        // A name starts with a capital; never trim into lower-case words.
        if raw
            .get(i)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            start + i
        } else {
            start
        }
    }

    /// A person title (kind `person`) matched at token `i`, within `end`.
    fn person_title_at(&self, doc: &Doc, i: usize, end: usize) -> Option<usize> {
        let titles = self.titles.as_ref()?;
        let first = doc.token_text(i).replace('\u{2019}', "'").to_lowercase();
        if !titles.may_start(&first) {
            return None;
        }
        let raw: Vec<String> = (i..end)
            .map(|t| doc.token_text(t).replace('\u{2019}', "'"))
            .collect();
        let lower: Vec<String> = raw.iter().map(|t| t.to_lowercase()).collect();
        let m = titles.longest_at(&lower, &raw, 0, raw.len())?;
        (titles.get(m.title).kind == TitleKind::Person).then_some(i + m.end)
    }

    /// The tagger's non-person spans that hold a person after a title:
    /// "USAID Administrator Samantha Power" → "USAID" + PERSON "Samantha
    /// Power"; "[President of] Ukraine Volodymyr Zelenskyy", where the
    /// gazetteer knows "Ukraine" → PERSON "Volodymyr Zelenskyy".
    fn split_titled(&self, doc: &Doc, m: Mention, ruled: &[Mention]) -> Vec<Mention> {
        if m.label == EntityType::Person || self.titles.is_none() {
            return vec![m];
        }
        let (start, end) = (m.tokens.start, m.tokens.end);
        let capitalised = |a: usize, b: usize| {
            a < b
                && (a..b).all(|t| {
                    doc.token_text(t)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                })
        };
        let piece = |a: usize, b: usize, label: EntityType| Mention {
            span: doc.token_span(a, b - 1),
            tokens: a..b,
            sentence: m.sentence,
            label,
            score: m.score,
            origin: Origin::Model,
            entry: None,
        };
        for p in start + 1..end {
            if let Some(te) = self.person_title_at(doc, p, end) {
                if te < end && capitalised(te, end) {
                    return vec![piece(start, p, m.label), piece(te, end, EntityType::Person)];
                }
                if te == end {
                    // "Artsakh FM": the place, and a title that is no name
                    let known = ruled
                        .iter()
                        .any(|g| g.tokens.start == start && g.tokens.end == p);
                    return if known {
                        Vec::new()
                    } else {
                        vec![piece(start, p, m.label)]
                    };
                }
            }
        }
        let after_title_of = start >= 2
            && doc.token_text(start - 1) == "of"
            && (start.saturating_sub(5)..start - 1)
                .any(|i| self.person_title_at(doc, i, start - 1) == Some(start - 1));
        if after_title_of {
            if let Some(g) = ruled
                .iter()
                .find(|g| g.tokens.start == start && g.tokens.end < end)
            {
                if end - g.tokens.end >= 2 && capitalised(g.tokens.end, end) {
                    return vec![piece(g.tokens.end, end, EntityType::Person)];
                }
            }
        }
        vec![m]
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
                    let start = if s.label == "PER" {
                        self.person_start(doc, s.start, s.end)
                    } else if s.end > s.start + 1
                        && matches!(doc.token_text(s.start), "The" | "the")
                    {
                        // a leading article is not part of a name (dev README)
                        s.start + 1
                    } else {
                        s.start
                    };
                    let span = doc.token_span(start, s.end - 1);
                    let words: Vec<&str> = (start..s.end).map(|i| doc.token_text(i)).collect();
                    let label =
                        self.types
                            .map(&s.label, &words, doc.span_text(span), &self.gazetteer);
                    Mention {
                        span,
                        tokens: start..s.end,
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
        let mut split: Vec<Mention> = Vec::with_capacity(tagged.len());
        let mut persons: Vec<String> = Vec::new();
        for m in tagged {
            let pieces = self.split_titled(doc, m.clone(), &ruled);
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
        let tagged = split;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::DocInfo;
    use crate::pipeline::{Dicts, Pipeline};
    use crate::text::Tokenizer;

    /// A tagger that calls the first `n` tokens a PER span.
    struct FirstTokens(usize);

    impl SpanTagger for FirstTokens {
        fn tag(&self, _doc: &Doc) -> Vec<TaggedSpan> {
            vec![TaggedSpan {
                start: 0,
                end: self.0,
                label: "PER".into(),
                score: 0.9,
            }]
        }
    }

    fn person_text(text: &str, n: usize) -> Vec<String> {
        let base = Pipeline::with_model(&Dicts::default(), &ModelChoice::None).unwrap();
        let mut doc = Doc::new(DocInfo::default(), text.to_string());
        base.process(&mut doc);
        let tokenizer = Tokenizer::default();
        let gazetteer = Gazetteer::with_user_files(&[], &tokenizer).unwrap();
        let titles = Titles::with_user_files(&[], &tokenizer).unwrap();
        let stage = EntityStage::new(
            gazetteer,
            TypeMap::embedded().unwrap(),
            Some(Box::new(FirstTokens(n))),
        )
        .with_titles(titles);
        stage.process(&mut doc);
        doc.entities
            .iter()
            .filter(|m| m.label == EntityType::Person)
            .map(|m| doc.span_text(m.span).to_string())
            .collect()
    }

    #[test]
    fn leading_titles_are_trimmed_from_person_spans() {
        assert_eq!(
            person_text("Chairperson Moussa Faki Mahamat spoke.", 4),
            vec!["Moussa Faki Mahamat"]
        );
        assert_eq!(
            person_text("Foreign Minister Ana Petrova spoke.", 4),
            vec!["Ana Petrova"]
        );
        assert_eq!(person_text("Ana Petrova spoke.", 2), vec!["Ana Petrova"]);
        // A title alone is not trimmed to nothing.
        assert_eq!(person_text("Chairperson spoke.", 1), vec!["Chairperson"]);
    }
}
