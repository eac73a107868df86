//! The `actors` stage: entity mentions, titles and referring words grouped
//! into participants ([`ActorRef`]), plus the places where things happen
//! ([`PlaceRef`]).
//!
//! Sources of actors, in order of trust:
//! - gazetteer (and tagger) mentions: countries are states, organisations
//!   organisations, demonyms their state ("Swiss support"), political and
//!   ethnic groups groups; cities, provinces and LOC mentions are places;
//! - title chunks from `models/titles.tsv`: `[affiliation] TITLE [of X]
//!   [, TITLE …] [honorific] NAME` ("Artsakh’s Foreign Minister Sergey
//!   Ghazaryan", "Minister of Foreign Affairs of the Republic of Poland
//!   Zbigniew Rau"); a capitalised name after a title or honorific is a
//!   person even when no PERSON mention covers it; a title alone refers back
//!   to the last person holding it;
//! - bodies: "the Azerbaijani side", "Government of Artsakh" → the state;
//!   a body without affiliation ("the Ministry", "the Government") and
//!   first-person pronouns are the document's author;
//! - "he"/"she" → the last person named.
//!
//! The author comes from the `institution` (or `publisher`/`author`) field
//! of the input metadata, else from the first actor of the title line.

mod affiliation;
pub mod audit;
mod author;
mod author_text;
mod create;
mod finish;
mod hyphen;
mod leaders;
pub mod names;
mod person_chunk;
mod repair;
mod runs;
mod scan;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_author_text;
#[cfg(test)]
mod tests_leaders;
#[cfg(test)]
mod tests_name_rules;
#[cfg(test)]
mod tests_names;
#[cfg(test)]
mod tests_titles;
mod title_chunk;
mod turns;
mod variants;

use crate::doc::{ActorRef, ActorSpan, Doc, PlaceRef, RefKind};
use crate::doc::{Coverage, DocWords, FormKind, Layer, Words};
use crate::lexicon::formations::Formations;
use crate::lexicon::WordMap;
use crate::ner::gazetteer::{Entry, Gazetteer};
use crate::ner::offices::Offices;
use crate::pipeline::{Contract, Stage};
use crate::text::titles::Titles;
use crate::text::Lexical;
use names::NameRules;
use std::sync::Arc;

/// The `actors` stage.
pub struct ActorStage {
    gazetteer: Arc<Gazetteer>,
    titles: Titles,
    lexical: Lexical,
    formations: Formations,
    offices: Arc<Offices>,
}

impl ActorStage {
    /// A stage over a gazetteer (the entities stage's), titles and the
    /// lexical lists.
    pub fn new(
        gazetteer: impl Into<Arc<Gazetteer>>,
        titles: Titles,
        lexical: Lexical,
    ) -> ActorStage {
        ActorStage {
            gazetteer: gazetteer.into(),
            titles,
            lexical,
            formations: Formations::default(),
            offices: Arc::new(Offices::default()),
        }
    }

    /// The same stage with these dated offices
    /// (`models/gazetteers/offices.tsv`).
    pub fn with_offices(mut self, offices: Arc<Offices>) -> ActorStage {
        self.offices = offices;
        self
    }

    /// The same stage with these formations (`models/formations.tsv`).
    pub fn with_formations(mut self, formations: Formations) -> ActorStage {
        self.formations = formations;
        self
    }
}

impl Stage for ActorStage {
    fn name(&self) -> &'static str {
        "actors"
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
            ],
            &[Layer::Actors],
        )
    }

    fn process(&self, doc: &mut Doc) {
        let (actors, spans, places, author, co_authors) = {
            let mut b = Builder::new(doc, &self.gazetteer, &self.titles, &self.lexical);
            b.formations = &self.formations;
            b.offices = Some(&self.offices);
            b.run();
            b.finish()
        };
        (doc.author, doc.author_person) = author;
        doc.co_authors = co_authors;
        doc.actors = actors;
        doc.actor_spans = spans;
        doc.places = places;
    }
}

/// What the stage's text scan sees at a token.
struct Builder<'a> {
    doc: &'a Doc,
    gaz: &'a Gazetteer,
    titles: &'a Titles,
    lexical: &'a Lexical,
    /// Persons with a gazetteer entry, for [`Builder::known_affiliations`].
    known_persons: Vec<(usize, &'a Entry)>,
    /// Tokens lower-cased with straight apostrophes (the shared view).
    lower: DocWords<'a>,
    /// Tokens as written with straight apostrophes (the shared view).
    raw: DocWords<'a>,
    /// Token → index of the entity mention starting there.
    mention_at: Coverage,
    /// Token → whether an entity or date mention covers it.
    covered: Coverage,
    actors: Vec<ActorRef>,
    by_key: WordMap<String, usize>,
    spans: Vec<ActorSpan>,
    places: Vec<PlaceRef>,
    /// Mention → recorded as a place.
    place_mention: Vec<bool>,
    place_by_key: WordMap<String, usize>,
    /// Spans that refer to the author (filled in at the end).
    author_spans: Vec<(std::ops::Range<usize>, bool)>,
    /// "the President" with no holder named before: the author's official
    /// of that title, else the author (filled in at the end).
    official_spans: Vec<(std::ops::Range<usize>, String)>,
    /// "the Minister" after two persons with that title: the holders,
    /// the author's side chosen at the end (see `person_chunk.rs`).
    ambiguous_titles: Vec<(std::ops::Range<usize>, Vec<usize>)>,
    author_state: Option<usize>,
    author_person: Option<usize>,
    /// A joint statement's several authors (see `author.rs`).
    co_authors: Vec<usize>,
    /// Named formations of states.
    formations: &'a Formations,
    /// Who held which office when.
    offices: Option<&'a Offices>,
}

/// How many words a formation's name may have ("Nordic-Baltic Eight").
const MAX_FORMATION_WORDS: usize = 4;

/// Moves the scan past a span.
fn continue_after(i: &mut usize, end: usize) {
    *i = end.max(*i + 1);
}

impl<'a> Builder<'a> {
    fn new(doc: &'a Doc, gaz: &'a Gazetteer, titles: &'a Titles, lexical: &'a Lexical) -> Self {
        let n = doc.tokens.len();
        let lower = doc.words(FormKind::Norm);
        let raw = doc.words(FormKind::Raw);
        let mention_at = Coverage::new(n, doc.entities.iter().map(|m| m.tokens.clone()));
        let covered = Coverage::new(
            n,
            (doc.entities.iter().map(|m| m.tokens.clone()))
                .chain(doc.dates.iter().map(|d| d.tokens.clone())),
        );
        Builder {
            doc,
            gaz,
            titles,
            lexical,
            known_persons: Vec::new(),
            lower,
            raw,
            mention_at,
            covered,
            actors: Vec::new(),
            by_key: WordMap::default(),
            spans: Vec::new(),
            places: Vec::new(),
            place_mention: vec![false; doc.entities.len()],
            place_by_key: WordMap::default(),
            author_spans: Vec::new(),
            official_spans: Vec::new(),
            ambiguous_titles: Vec::new(),
            author_state: None,
            author_person: None,
            co_authors: Vec::new(),
            formations: empty_formations(),
            offices: None,
        }
    }

    fn tok(&self, i: usize) -> &str {
        self.lower.word(i)
    }

    fn sentence_end(&self, i: usize) -> usize {
        self.doc
            .sentences
            .get(self.doc.sentence_of_token(i))
            .map_or(self.doc.tokens.len(), |s| s.tokens.end)
    }

    fn push_span(&mut self, tokens: std::ops::Range<usize>, actor: usize, how: RefKind) {
        self.spans.push(ActorSpan { tokens, actor, how });
    }

    fn add_title(&mut self, actor: usize, title: &str) {
        let a = &mut self.actors[actor];
        match &mut a.title {
            Some(t) if t.split("; ").any(|x| x == title) => {}
            Some(t) => {
                t.push_str("; ");
                t.push_str(title);
            }
            None => a.title = Some(title.to_string()),
        }
    }
}

/// The empty table, for a builder made before the stage's is set.
fn empty_formations() -> &'static Formations {
    static EMPTY: std::sync::OnceLock<Formations> = std::sync::OnceLock::new();
    EMPTY.get_or_init(Formations::default)
}
