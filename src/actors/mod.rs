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

pub mod audit;
mod author;
mod author_text;
mod leaders;
pub mod names;
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
mod tests_names;
mod turns;

use crate::doc::{ActorKind, ActorRef, ActorSpan, Doc, EntityType, PlaceRef, RefKind};
use crate::doc::{Coverage, DocWords, FormKind, Layer, Words};
use crate::lexicon::formations::{Formation, Formations};
use crate::lexicon::WordClass;
use crate::lexicon::{is_all_caps, WordMap};
use crate::ner::gazetteer::{Entry, Gazetteer};
use crate::ner::offices::Offices;
use crate::pipeline::{Contract, Stage};
use crate::text::titles::{TitleKind, Titles};
use crate::text::Lexical;
use names::{is_state_kind, NameRules};
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
    author_state: Option<usize>,
    author_person: Option<usize>,
    /// A joint statement's several authors (see `author.rs`).
    co_authors: Vec<usize>,
    /// Named formations of states.
    formations: &'a Formations,
    /// Who held which office when.
    offices: Option<&'a Offices>,
}

/// How many earlier references a bare title ("the Minister") looks back at.
const BACK_REFERENCE_WINDOW: usize = 400;

/// How many words a formation's name may have ("Nordic-Baltic Eight").
const MAX_FORMATION_WORDS: usize = 4;

/// Moves the scan past a span.
fn continue_after(i: &mut usize, end: usize) {
    *i = end.max(*i + 1);
}

/// How many sentences back "the two presidents" looks for its persons.
const PERSON_PAIR_SENTENCES: usize = 3;

/// How many earlier references "the two sides" counts its parties in.
const PAIR_WINDOW: usize = 2000;

/// "ALEXANDER DOWNER" → "Alexander Downer"; other names unchanged.
fn case_normalise(name: &str) -> String {
    // One all-capital word is an acronym ("DKBA", "USAID"), not a heading.
    if !is_all_caps(name) || !name.trim().contains(' ') {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| {
            let mut out = String::new();
            let mut start = true;
            let mut run = 0usize; // letters since the last capital
            for c in w.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                // A new capital after a non-letter, or after the apostrophe of
                // a one-letter prefix ("O'Neill", "D'Alema"), not of "'s".
                let apostrophe = c == '\'' || c == '\u{2019}';
                start = (!c.is_alphabetic() && !apostrophe) || (apostrophe && run == 1);
                run = if c.is_alphabetic() { run + 1 } else { 0 };
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
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

    // ----- actor creation -------------------------------------------------

    fn get_or_add(&mut self, key: String, make: impl FnOnce() -> ActorRef) -> usize {
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        let i = self.actors.len();
        self.actors.push(make());
        self.by_key.insert(key, i);
        i
    }

    /// The actor of a gazetteer entry (states, organisations, groups).
    fn actor_for_entry(&mut self, entry: &'a Entry) -> usize {
        let kind = match entry.label {
            EntityType::Gpe => ActorKind::State,
            EntityType::Org => ActorKind::Organization,
            _ => ActorKind::Group,
        };
        let name = if kind == ActorKind::Group {
            // Collective names are plural: "Houthis" rather than "Houthi".
            let plural = format!("{}s", entry.name);
            if entry.aliases.contains(&plural) {
                plural
            } else {
                entry.name.clone()
            }
        } else {
            entry.name.clone()
        };
        let i = self.get_or_add(format!("entry:{}", entry.id), || ActorRef {
            name,
            kind: Some(kind),
            country: entry.iso3.clone().or_else(|| entry.country.clone()),
            wikidata: entry.wikidata.clone(),
            entry: Some(entry.id.clone()),
            ..ActorRef::default()
        });
        if kind == ActorKind::Organization && self.actors[i].affiliation.is_none() {
            if let Some(parent) = entry.parent.as_deref().and_then(|p| self.gaz.by_id(p)) {
                if parent.id != entry.id
                    && matches!(parent.label, EntityType::Gpe | EntityType::Org)
                {
                    let p = self.actor_for_entry(parent);
                    self.actors[i].affiliation = Some(p);
                }
            }
        }
        i
    }

    /// The group actor of a formation, with its members.
    fn formation_actor(&mut self, f: &Formation) -> usize {
        let members: Vec<String> = f
            .members
            .iter()
            .map(|id| {
                self.gaz
                    .by_id(id)
                    .and_then(|e| e.iso3.clone())
                    .unwrap_or_else(|| id.clone())
            })
            .collect();
        self.get_or_add(format!("formation:{}", f.id), || ActorRef {
            name: f.name.clone(),
            kind: Some(ActorKind::Group),
            members,
            ..ActorRef::default()
        })
    }

    /// The state a demonym, city or province belongs to.
    fn state_of(&mut self, entry: &'a Entry) -> Option<usize> {
        if entry.label == EntityType::Gpe && is_state_kind(&entry.kind) {
            return Some(self.actor_for_entry(entry));
        }
        let gaz = self.gaz;
        let mut parent = entry.parent.as_deref().and_then(|p| gaz.by_id(p));
        for _ in 0..4 {
            match parent {
                Some(p) if p.label == EntityType::Gpe && is_state_kind(&p.kind) => {
                    return Some(self.actor_for_entry(p));
                }
                Some(p) => parent = p.parent.as_deref().and_then(|q| gaz.by_id(q)),
                None => break,
            }
        }
        let iso = entry.country.as_deref()?;
        let state = gaz.by_id(&format!("country:{}", iso.to_lowercase()))?;
        Some(self.actor_for_entry(state))
    }

    fn person(&mut self, name: &str) -> usize {
        let name = case_normalise(name.trim());
        self.get_or_add(format!("person:{}", name.to_lowercase()), || ActorRef {
            name,
            kind: Some(ActorKind::Person),
            listed: true,
            ..ActorRef::default()
        })
    }

    fn group(&mut self, name: &str, country: Option<String>) -> usize {
        let name = case_normalise(name.trim());
        self.get_or_add(format!("group:{}", name.to_lowercase()), || ActorRef {
            name,
            kind: Some(ActorKind::Group),
            country,
            ..ActorRef::default()
        })
    }

    fn add_place(&mut self, mi: usize, entry: Option<&'a Entry>) {
        let m = &self.doc.entities[mi];
        let text = self.doc.span_text(m.span).to_string();
        let (key, name, kind, country) = match entry {
            Some(e) => (
                e.id.clone(),
                e.name.clone(),
                if e.kind.is_empty() {
                    "location".to_string()
                } else {
                    e.kind.clone()
                },
                e.iso3.clone().or_else(|| e.country.clone()),
            ),
            None => (
                format!("text:{}", text.to_lowercase()),
                case_normalise(&text),
                "location".to_string(),
                None,
            ),
        };
        if let Some(slot) = self.place_mention.get_mut(mi) {
            *slot = true;
        }
        match self.place_by_key.get(&key) {
            Some(&p) => self.places[p].mentions.push(mi),
            None => {
                self.place_by_key.insert(key, self.places.len());
                self.places.push(PlaceRef {
                    name,
                    kind,
                    country,
                    mentions: vec![mi],
                });
            }
        }
    }

    fn entry_of(&self, mi: usize) -> Option<&'a Entry> {
        let m = &self.doc.entities[mi];
        let gaz = self.gaz;
        match m.entry.as_deref() {
            Some(id) => gaz.by_id(id),
            None => gaz.lookup(self.doc.span_text(m.span)),
        }
    }

    /// The actor a mention names by itself (no context), if any; places
    /// are recorded on the way.
    fn mention_actor(&mut self, mi: usize) -> Option<usize> {
        let m = &self.doc.entities[mi];
        let label = m.label;
        let entry = self.entry_of(mi);
        match label {
            EntityType::Person => {
                let text = self.doc.span_text(m.span).to_string();
                let p = self.person(&text);
                // (a person the gazetteer knows: see `known_affiliations`)
                if let Some(e) = entry.filter(|e| e.label == EntityType::Person) {
                    self.known_persons.push((p, e));
                }
                Some(p)
            }
            EntityType::Gpe => match entry {
                Some(e) if is_state_kind(&e.kind) => Some(self.actor_for_entry(e)),
                Some(e) => {
                    self.add_place(mi, Some(e));
                    // A city or province stands for its state ("Baku said",
                    // "shelled villages in Fornost").
                    self.state_of(e)
                }
                // Every state is in the gazetteer: a GPE it does not know is
                // a town or district, a place rather than an actor.
                None => {
                    self.add_place(mi, None);
                    None
                }
            },
            EntityType::Loc => {
                self.add_place(mi, entry);
                None
            }
            EntityType::Org => match entry {
                _ if self.formation_named(mi, entry).is_some() => {
                    let f = self.formation_named(mi, entry)?;
                    Some(self.formation_actor(f))
                }
                // an executive office speaks for its state ("the Kremlin
                // said", "the White House announced")
                Some(e) if e.kind == "government" => {
                    self.state_of(e).or_else(|| Some(self.actor_for_entry(e)))
                }
                Some(e) => Some(self.actor_for_entry(e)),
                None => {
                    let text = self.doc.span_text(m.span).to_string();
                    Some(
                        self.get_or_add(format!("text:{}", text.to_lowercase()), || ActorRef {
                            name: case_normalise(&text),
                            kind: Some(ActorKind::Organization),
                            ..ActorRef::default()
                        }),
                    )
                }
            },
            EntityType::Norp => match entry {
                Some(e) if e.kind == "demonym" => self.state_of(e),
                Some(e) => Some(self.actor_for_entry(e)),
                None => None,
            },
            _ => None,
        }
    }

    /// The formation a mention (or its gazetteer entry) names.
    fn formation_named(&self, mi: usize, entry: Option<&Entry>) -> Option<&'a Formation> {
        let text = self.doc.span_text(self.doc.entities[mi].span);
        self.formations
            .lookup(text)
            .or_else(|| entry.and_then(|e| self.formations.lookup(&e.name)))
    }

    // ----- scanning ---------------------------------------------------------

    fn sentence_end(&self, i: usize) -> usize {
        self.doc
            .sentences
            .get(self.doc.sentence_of_token(i))
            .map_or(self.doc.tokens.len(), |s| s.tokens.end)
    }

    /// Whether mention `mi` at `j` (after a title) is a GPE, LOC or ORG
    /// that neither the gazetteer nor the formations know and that reads
    /// as a name (see [`Builder::plausible_name_run`]).
    fn untyped_name_after_title(&self, mi: usize, j: usize) -> bool {
        let m = &self.doc.entities[mi];
        matches!(m.label, EntityType::Gpe | EntityType::Loc | EntityType::Org)
            && m.tokens.start == j
            && self.entry_of(mi).is_none()
            && self.formation_named(mi, None).is_none()
            && self.plausible_name_run(m.tokens.start, m.tokens.end)
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

    /// An affiliation phrase at `j`: "[the] MENTION" naming a state,
    /// organisation or demonym; returns (actor, end).
    fn affiliation_at(&mut self, j: usize, end: usize) -> Option<(usize, usize)> {
        let k = if self.tok(j) == "the" { j + 1 } else { j };
        let mi = self.mention_at.starting_at(k)?;
        let m = &self.doc.entities[mi];
        if m.tokens.end > end || m.label == EntityType::Person {
            return None;
        }
        let mend = m.tokens.end;
        if m.label == EntityType::Org && m.entry.is_none() {
            if let Some(field_end) = self.portfolio_field(k, mend) {
                // "Minister of External Affairs of India" tagged as the name
                // "External Affairs of India": the title's field, not a body;
                // its own "of X" is the affiliation
                return match self.tok(field_end) {
                    "of" | "for" => self.affiliation_at(field_end + 1, mend.min(end)),
                    _ => None,
                };
            }
        }
        let entry = self.entry_of(mi);
        let actor = match (self.doc.entities[mi].label, entry) {
            (EntityType::Gpe, Some(e)) => self.state_of(e),
            (EntityType::Norp, Some(e)) if e.kind == "demonym" => self.state_of(e),
            _ => self.mention_actor(mi),
        }?;
        self.actors[actor].mentions.push(mi);
        Some((actor, mend))
    }

    /// The end of a title's field at the start of an untyped organisation
    /// name `k..mend` ("External Affairs", "Water Resources", "Foreign and
    /// European Affairs"): capitalised words and "and" up to its own "of"
    /// or its end, holding a portfolio word and no body word. `None` when
    /// the name is not such a field.
    fn portfolio_field(&self, k: usize, mend: usize) -> Option<usize> {
        let words = self.lexical.words();
        let mut e = k;
        let mut portfolio = false;
        while e < mend && !matches!(self.tok(e), "of" | "for") {
            let w = self.tok(e);
            if words.has(WordClass::BodyWord, w) {
                return None;
            }
            portfolio |= words.has(WordClass::PortfolioWord, w);
            e += 1;
        }
        (portfolio && e > k).then_some(e)
    }

    /// A title chunk starting with the phrase at `ts`; `pre` is an
    /// affiliation found before it (starting at `chunk_start`). Returns the
    /// chunk's end.
    fn title_chunk(&mut self, chunk_start: usize, ts: usize, pre: Option<usize>) -> usize {
        let end = self.sentence_end(ts);
        let Some(first) = self.titles.longest_at(&self.lower, &self.raw, ts, end) else {
            return ts + 1;
        };
        let t = self.titles.get(first.title);
        let kind = t.kind;
        match kind {
            TitleKind::Person => self.person_chunk(chunk_start, first.start, first.end, pre, end),
            TitleKind::Honorific => {
                let j = first.end;
                self.named_person_at(chunk_start, j, end, Vec::new(), pre)
                    .unwrap_or(first.end)
            }
            TitleKind::Government => {
                let mut affil = pre;
                let mut j = first.end;
                // (a title row may end in its "of": "Government of")
                let of_at = if matches!(self.tok(j.saturating_sub(1)), "of" | "for") {
                    Some(j)
                } else {
                    matches!(self.tok(j), "of" | "for").then_some(j + 1)
                };
                if let (None, Some(at)) = (affil, of_at) {
                    if let Some((a, e)) = self.affiliation_at(at, end) {
                        affil = Some(a);
                        j = e;
                    }
                }
                match affil {
                    Some(a) => {
                        let a = self.body_of(a);
                        self.push_span(chunk_start..j, a, RefKind::Body);
                    }
                    None => {
                        // "the Government", "the Ministry": the author's.
                        let the = chunk_start > 0 && self.tok(chunk_start - 1) == "the";
                        if the
                            && !self
                                .lexical
                                .words()
                                .has(WordClass::SideNoun, self.tok(first.start))
                        {
                            self.author_spans.push((chunk_start..j, false));
                        }
                    }
                }
                j
            }
            TitleKind::Group => {
                // "Houthi rebels" when the gazetteer's Houthis are a group:
                // that group.
                if let Some(a) = pre.filter(|&a| self.actors[a].kind == Some(ActorKind::Group)) {
                    self.push_span(chunk_start..first.end, a, RefKind::Name);
                    return first.end;
                }
                if let Some(a) = pre {
                    let text = self
                        .doc
                        .span_text(self.doc.token_span(chunk_start, first.end - 1))
                        .trim_end_matches("'s")
                        .to_string();
                    let country = self.actors[a].country.clone();
                    let g = self.group(&text, country);
                    self.push_span(chunk_start..first.end, g, RefKind::Name);
                }
                first.end
            }
            TitleKind::Author => {
                let person =
                    first.end == first.start + 1 && matches!(self.tok(first.start), "i" | "my");
                self.author_spans.push((first.start..first.end, person));
                first.end
            }
            // "Burmese refugees": people, not the state
            TitleKind::People => first.end,
            TitleKind::Pair => {
                // "the two presidents": the last two persons named, nearby
                if t.title == "persons" {
                    let sent = self.doc.sentence_of_token(first.start);
                    let mut persons: Vec<usize> = Vec::new();
                    for sp in self
                        .spans
                        .iter()
                        .rev()
                        .filter(|sp| sp.tokens.end <= first.start)
                    {
                        if self.doc.sentence_of_token(sp.tokens.start) + PERSON_PAIR_SENTENCES
                            < sent
                        {
                            break;
                        }
                        let a = sp.actor;
                        if self.actors[a].kind == Some(ActorKind::Person) && !persons.contains(&a) {
                            persons.push(a);
                            if persons.len() == 2 {
                                break;
                            }
                        }
                    }
                    if persons.len() == 2 {
                        let start = chunk_start.min(first.start);
                        for &p in persons.iter().rev() {
                            self.push_span(start..first.end, p, RefKind::Pronoun);
                        }
                        return first.end;
                    }
                }
                // the two parties named most so far (a person counts for the
                // state or organisation it belongs to)
                let mut counts: Vec<(usize, usize)> = Vec::new();
                let recent = self.spans.len().saturating_sub(PAIR_WINDOW);
                for sp in self.spans[recent..]
                    .iter()
                    .filter(|sp| sp.tokens.end <= first.start)
                {
                    // a place of origin or location is no side ("refugees
                    // who arrived in X from Y")
                    let before = sp.tokens.start.checked_sub(1).map_or("", |k| self.tok(k));
                    if matches!(before, "in" | "from") {
                        continue;
                    }
                    let a = &self.actors[sp.actor];
                    let party = match a.kind {
                        Some(ActorKind::Person) => a.affiliation,
                        Some(ActorKind::State | ActorKind::Organization) => Some(sp.actor),
                        _ => None,
                    };
                    if let Some(p) = party {
                        match counts.iter_mut().find(|(x, _)| *x == p) {
                            Some(c) => c.1 += 1,
                            None => counts.push((p, 1)),
                        }
                    }
                }
                // states before organisations, then the most mentioned
                // first; ties: the first named
                let is_state = |a: usize| self.actors[a].kind == Some(ActorKind::State);
                let states = counts.iter().filter(|(p, _)| is_state(*p)).count();
                if states >= 2 {
                    counts.retain(|(p, _)| is_state(*p));
                }
                counts.sort_by_key(|&(_, c)| std::cmp::Reverse(c));
                if counts.len() >= 2 {
                    let start = chunk_start.min(first.start);
                    for &(p, _) in counts.iter().take(2) {
                        self.push_span(start..first.end, p, RefKind::Pronoun);
                    }
                }
                first.end
            }
            TitleKind::Latter | TitleKind::Former => {
                // an adjective before a name or title ("the former Prime
                // Minister") refers to nothing by itself
                let next = self.raw.word(first.end);
                if next.chars().next().is_some_and(char::is_uppercase)
                    || self
                        .titles
                        .longest_at(&self.lower, &self.raw, first.end, end)
                        .is_some()
                {
                    return first.end;
                }
                // the actors named before, nearest first, each once
                let mut seen: Vec<usize> = Vec::new();
                for sp in self.spans.iter().rev() {
                    if sp.tokens.end <= first.start && !seen.contains(&sp.actor) {
                        seen.push(sp.actor);
                    }
                    if seen.len() == 2 {
                        break;
                    }
                }
                let pick = if kind == TitleKind::Latter { 0 } else { 1 };
                if let Some(&a) = seen.get(pick) {
                    self.push_span(first.start..first.end, a, RefKind::Pronoun);
                }
                first.end
            }
            TitleKind::Pronoun => {
                let sent = self.doc.sentence_of_token(first.start);
                let back = self
                    .spans
                    .iter()
                    .rev()
                    .take_while(|s| self.doc.sentence_of_token(s.tokens.start) + 2 >= sent)
                    .find(|s| self.actors[s.actor].kind == Some(ActorKind::Person))
                    .map(|s| s.actor);
                if let Some(a) = back {
                    self.push_span(first.start..first.end, a, RefKind::Pronoun);
                }
                first.end
            }
        }
    }

    /// Governments act for their state; an organisation stays itself.
    fn body_of(&self, actor: usize) -> usize {
        actor
    }

    fn person_chunk(
        &mut self,
        chunk_start: usize,
        ts: usize,
        te: usize,
        pre: Option<usize>,
        end: usize,
    ) -> usize {
        let mut titles_here: Vec<String> = Vec::new();
        let mut affil = pre;
        let mut j = te;
        let mut title_text = self
            .doc
            .span_text(self.doc.token_span(ts, te - 1))
            .to_string();
        loop {
            // "Minister [of Foreign and European Affairs] of the Slovak
            // Republic": a field named after the title, then the state.
            if self.tok(j) == "of" && self.affiliation_at(j + 1, end).is_none() {
                let e = self.field_end(j + 1, end.min(j + 7), |_| false);
                if e > j + 1 && self.tok(e) == "of" && self.affiliation_at(e + 1, end).is_some() {
                    let field = self.doc.span_text(self.doc.token_span(j, e - 1));
                    title_text = format!("{title_text} {field}");
                    j = e;
                }
            }
            // "of X": affiliation; "to X": part of the title ("Ambassador to Australia").
            let w = self.tok(j).to_string();
            if (w == "of" || w == "to") && j + 1 < end {
                if let Some((a, e)) = self.affiliation_at(j + 1, end) {
                    if w == "of" {
                        if affil.is_none() {
                            affil = Some(a);
                        }
                    } else {
                        let to = self.doc.span_text(self.doc.token_span(j, e - 1));
                        title_text = format!("{title_text} {to}");
                    }
                    j = e;
                }
            }
            // "Under Secretary of State [for Political Affairs] Victoria
            // Nuland": a capitalised field before the person's name.
            if self.tok(j) == "for" {
                let person_at = |i: usize| {
                    self.mention_at
                        .starting_at(i)
                        .is_some_and(|mi| self.doc.entities[mi].label == EntityType::Person)
                };
                let e = self.field_end(j + 1, end.min(j + 6), person_at);
                if e > j + 1 && person_at(e) {
                    let field = self.doc.span_text(self.doc.token_span(j, e - 1));
                    title_text = format!("{title_text} {field}");
                    j = e;
                }
            }
            titles_here.push(std::mem::take(&mut title_text));
            // Another title: "OSCE Chairman-in-Office, Minister of Foreign Affairs …".
            let k = if self.tok(j) == "," { j + 1 } else { j };
            let mut k2 = k;
            let mut pre2 = None;
            if let Some(mi) = self.mention_at.starting_at(k) {
                let m = &self.doc.entities[mi];
                if m.label != EntityType::Person {
                    let me = m.tokens.end;
                    if self
                        .titles
                        .longest_at(&self.lower, &self.raw, me, end)
                        .is_some_and(|t| self.titles.get(t.title).kind == TitleKind::Person)
                    {
                        pre2 = self.affiliation_at(k, end).map(|x| x.0);
                        k2 = me;
                    }
                }
            }
            match self.titles.longest_at(&self.lower, &self.raw, k2, end) {
                Some(t) if self.titles.get(t.title).kind == TitleKind::Person => {
                    title_text = self
                        .doc
                        .span_text(self.doc.token_span(t.start, t.end - 1))
                        .to_string();
                    if affil.is_none() {
                        affil = pre2;
                    }
                    j = t.end;
                }
                _ => break,
            }
        }
        if let Some(e) = self.named_person_at(chunk_start, j, end, titles_here.clone(), affil) {
            return e;
        }
        // A title alone: the last person who holds it.
        let wanted = self
            .titles
            .canonical(&titles_here.first().cloned().unwrap_or_default());
        let titles = self.titles;
        // (the last few hundred references: a role is taken up again soon,
        // and a scan of all would be quadratic on long documents)
        let back = self
            .spans
            .iter()
            .rev()
            .take(BACK_REFERENCE_WINDOW)
            .find_map(|s| {
                let a = &self.actors[s.actor];
                (a.kind == Some(ActorKind::Person)
                    && a.title.as_deref().is_some_and(|t| {
                        t.split("; ").any(|x| {
                            let held = titles.canonical(x);
                            // "the Minister" for "Minister of Foreign Affairs"
                            held.eq_ignore_ascii_case(&wanted)
                                || contains_words(&held, &wanted)
                                || contains_words(x, &wanted)
                        })
                    })
                    && (affil.is_none() || a.affiliation == affil))
                    .then_some(s.actor)
            });
        // An apposition: "Celeborn Galadhon, the Special Envoy of …, met".
        let mut k = chunk_start;
        if k > 0 && self.tok(k - 1) == "the" {
            k -= 1;
        }
        let appositive = (k > 1 && self.tok(k - 1) == ",")
            .then(|| {
                self.spans
                    .iter()
                    .rev()
                    .find(|s| s.tokens.end == k - 1)
                    .map(|s| s.actor)
                    .filter(|&a| self.actors[a].kind == Some(ActorKind::Person))
            })
            .flatten();
        if let Some(a) = appositive {
            for t in &titles_here {
                self.add_title(a, t);
            }
            if self.actors[a].affiliation.is_none() {
                self.actors[a].affiliation = affil;
            }
            self.push_span(chunk_start..j, a, RefKind::Title);
        } else if let Some(a) = back {
            self.push_span(chunk_start..j, a, RefKind::Title);
        } else if let Some(a) = affil {
            // an unnamed official acts for the state ("the Russian
            // ambassador", "The President of France received …")
            self.push_span(chunk_start..j, a, RefKind::Body);
        } else if chunk_start > 0 && self.tok(chunk_start - 1) == "the" {
            // "The Secretary-General calls on …", "the Minister" with no one
            // named before: the document's author speaking through its
            // official, as "the Ministry" is
            self.author_spans.push((chunk_start..j, false));
        }
        j
    }

    /// The end of a title's field from `from` ("Foreign and European
    /// Affairs", "Political Affairs"): capitalised words and "and", before
    /// `limit` and before a token where `stop` holds.
    fn field_end(&self, from: usize, limit: usize, stop: impl Fn(usize) -> bool) -> usize {
        let mut e = from;
        while e < limit
            && !stop(e)
            && (self.tok(e) == "and"
                || self
                    .raw
                    .word(e)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase))
        {
            e += 1;
        }
        e
    }

    /// A person's name at `j` (after an optional comma and honorifics):
    /// a PERSON mention or a capitalised run. Records the chunk and returns
    /// its end.
    fn named_person_at(
        &mut self,
        chunk_start: usize,
        mut j: usize,
        end: usize,
        titles_here: Vec<String>,
        affil: Option<usize>,
    ) -> Option<usize> {
        let after_comma = self.tok(j) == ",";
        if after_comma {
            j += 1;
        }
        while let Some(t) = self.titles.longest_at(&self.lower, &self.raw, j, end) {
            if self.titles.get(t.title).kind != TitleKind::Honorific {
                break;
            }
            j = t.end;
        }
        let (person, pend) = match self.mention_at.starting_at(j) {
            Some(mi) if self.doc.entities[mi].label == EntityType::Person => {
                let p = self.mention_actor(mi)?;
                self.actors[p].mentions.push(mi);
                (p, self.doc.entities[mi].tokens.end)
            }
            // A name right after a person's title that the tagger read as a
            // place or body the gazetteer does not know ("King Elessar") is
            // the person's name.
            Some(mi) if self.untyped_name_after_title(mi, j) => {
                let m = &self.doc.entities[mi];
                let (name, e) = (self.doc.span_text(m.span).to_string(), m.tokens.end);
                (self.person(&name), e)
            }
            _ => {
                let e = self.name_run(j, end);
                if e == j || !self.untagged_name_here(j, e, after_comma) {
                    return None;
                }
                let name = self
                    .doc
                    .span_text(self.doc.token_span(j, e - 1))
                    .to_string();
                (self.person(&name), e)
            }
        };
        let (affil, pend) = match affil {
            // "Foreign Minister Lena Dahl of Sweden": a titled name's own
            // "of X" is its affiliation
            None if !titles_here.is_empty() && self.tok(pend) == "of" => {
                match self.affiliation_at(pend + 1, end) {
                    Some((a, e)) => (Some(a), e),
                    None => (None, pend),
                }
            }
            _ => (affil, pend),
        };
        for t in &titles_here {
            self.add_title(person, t);
        }
        if self.actors[person].affiliation.is_none() {
            self.actors[person].affiliation = affil.filter(|&a| a != person);
        }
        self.push_span(chunk_start..pend, person, RefKind::Name);
        Some(pend)
    }

    /// A person the gazetteer knows acts for its parent (their state, or
    /// the organisation they lead) where the text named no affiliation.
    fn known_affiliations(&mut self) {
        for (p, e) in std::mem::take(&mut self.known_persons) {
            if self.actors[p].wikidata.is_none() {
                self.actors[p].wikidata = e.wikidata.clone();
            }
            if self.actors[p].affiliation.is_some() {
                continue;
            }
            // The office held at the document's date, else the entry's parent.
            let date = self.doc.info.date.as_deref();
            let office = self
                .offices
                .and_then(|o| o.held_at(&e.id, date))
                .map(|o| o.body.as_str());
            let Some(parent) = office
                .or(e.parent.as_deref())
                .and_then(|id| self.gaz.by_id(id))
            else {
                continue;
            };
            let body = if parent.label == EntityType::Gpe {
                self.state_of(parent)
            } else {
                Some(self.actor_for_entry(parent))
            };
            self.actors[p].affiliation = body;
        }
    }

    #[allow(clippy::type_complexity)]
    fn finish(
        mut self,
    ) -> (
        Vec<ActorRef>,
        Vec<ActorSpan>,
        Vec<PlaceRef>,
        (Option<usize>, Option<usize>),
        Vec<usize>,
    ) {
        self.known_affiliations();
        self.find_author();
        let turns = turns::Turns::find(self.doc, &self.spans, &self.actors);
        for (range, person) in std::mem::take(&mut self.author_spans) {
            // in a transcript's turn, "I" is its speaker and "we" the
            // speaker's state or organisation
            let speaker = turns.speaker(range.start);
            let who = match (speaker, person) {
                (Some(p), true) => Some(p),
                (Some(p), false) => self.actors[p].affiliation.or(self.author_state),
                (None, true) => self.author_person.or(self.author_state),
                (None, false) => self.author_state.or(self.author_person),
            };
            if let Some(a) = who {
                self.push_span(range, a, RefKind::Pronoun);
            }
        }
        self.spans
            .sort_by_key(|s| (s.tokens.start, std::cmp::Reverse(s.tokens.end)));
        let rules = NameRules::new(self.lexical.words(), self.gaz);
        repair::repair_names(&rules, &mut self.actors, &mut self.spans);
        merge_person_variants(&mut self.actors, &mut self.spans);
        for a in &mut self.actors {
            a.mentions.sort_unstable();
            a.mentions.dedup();
        }
        // Mentions' surface forms as aliases.
        for a in &mut self.actors {
            let mut aliases: Vec<String> = Vec::new();
            for &mi in &a.mentions {
                let t = self.doc.span_text(self.doc.entities[mi].span).to_string();
                if t != a.name && !aliases.contains(&t) {
                    aliases.push(t);
                }
            }
            a.aliases = aliases;
        }
        // The author: marked so that the record can list it.
        if let Some(a) = self.author_state {
            self.actors[a].listed = true;
        }
        let resolve =
            |a: Option<usize>, actors: &[ActorRef]| a.filter(|&i| actors[i].kind.is_some());
        let author = (
            resolve(self.author_state, &self.actors),
            resolve(self.author_person, &self.actors),
        );
        let co_authors: Vec<usize> = self
            .co_authors
            .iter()
            .copied()
            .filter(|&a| self.actors[a].kind.is_some())
            .collect();
        for &a in &co_authors {
            self.actors[a].listed = true;
        }
        (self.actors, self.spans, self.places, author, co_authors)
    }
}

/// The empty table, for a builder made before the stage's is set.
fn empty_formations() -> &'static Formations {
    static EMPTY: std::sync::OnceLock<Formations> = std::sync::OnceLock::new();
    EMPTY.get_or_init(Formations::default)
}

/// Whether `words` occur in `title` as whole words, in order, side by side.
fn contains_words(title: &str, words: &str) -> bool {
    let t: Vec<String> = title.split_whitespace().map(str::to_lowercase).collect();
    let w: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
    !w.is_empty() && t.windows(w.len()).any(|win| win == w.as_slice())
}

/// Persons named by part of another person's name ("Ghazaryan", "Mr
/// Ghazaryan" → "Sergey Ghazaryan") become that person: spans and
/// mentions move to the fuller name, which is the canonical one.
fn merge_person_variants(actors: &mut [ActorRef], spans: &mut [ActorSpan]) {
    let persons: Vec<usize> = (0..actors.len())
        .filter(|&i| actors[i].kind == Some(ActorKind::Person))
        .collect();
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.trim_end_matches('.')
                    .to_lowercase()
                    .replace('\u{2019}', "'")
            })
            .collect()
    };
    let name_words: WordMap<usize, Vec<String>> = persons
        .iter()
        .map(|&a| (a, words(&actors[a].name)))
        .collect();
    let mut into: WordMap<usize, usize> = WordMap::default();
    for &a in &persons {
        let wa = &name_words[&a];
        let mut best: Option<(usize, usize)> = None;
        for &b in &persons {
            if a == b {
                continue;
            }
            let wb = &name_words[&b];
            // a fuller name adds a word; one that only repeats a word
            // ("Sauli Niinistö Niinistö", a transcript's stutter) is the
            // shorter name's variant, not the other way round
            let fuller = wb.len() > wa.len()
                && wa.iter().all(|w| wb.contains(w))
                && wb.iter().any(|w| !wa.contains(w));
            let stutter = wa.len() > wb.len()
                && wa.iter().all(|w| wb.contains(w))
                && wb.iter().all(|w| wa.contains(w));
            if (fuller || stutter) && best.is_none_or(|(_, n)| wb.len() > n) {
                best = Some((b, wb.len()));
            }
        }
        if let Some((b, _)) = best {
            into.insert(a, b);
        }
    }
    let resolve = |mut a: usize| {
        let mut steps = 0;
        while let Some(&b) = into.get(&a) {
            a = b;
            steps += 1;
            if steps > 8 {
                break;
            }
        }
        a
    };
    for (&a, _) in into.clone().iter() {
        let b = resolve(a);
        let moved = std::mem::take(&mut actors[a].mentions);
        actors[b].mentions.extend(moved);
        if actors[b].title.is_none() {
            actors[b].title = actors[a].title.clone();
        }
        if actors[b].affiliation.is_none() {
            actors[b].affiliation = actors[a].affiliation;
        }
        let old = std::mem::take(&mut actors[a].name);
        actors[b].aliases.push(old.clone());
        actors[a].name = old;
        actors[a].listed = false;
        actors[a].kind = None; // merged away
    }
    for s in spans.iter_mut() {
        s.actor = resolve(s.actor);
    }
    for a in actors.iter_mut() {
        if let Some(f) = a.affiliation {
            a.affiliation = Some(resolve(f));
        }
    }
}

#[cfg(test)]
mod case_tests {
    use super::case_normalise;

    #[test]
    fn headings_are_case_normalised_but_acronyms_kept() {
        assert_eq!(case_normalise("ALEXANDER DOWNER"), "Alexander Downer");
        assert_eq!(case_normalise("PETER O'NEILL"), "Peter O'Neill");
        assert_eq!(case_normalise("DKBA"), "DKBA");
        assert_eq!(case_normalise("Antony J. Blinken"), "Antony J. Blinken");
    }
}
