//! The author from the text alone, when the input has no metadata: the
//! header lines under the title and the opening sentence (issue 13, item 6).
//!
//! Measured on hand labels of corpus documents given without metadata
//! (`eval/corpus-authors/`), the title line alone found the author of two
//! documents in five. What else says who speaks, in the order trusted:
//! - a delivery line: "Statement by Head of the Delegation H.E. Mr. Hirgon
//!   Baranor, Ambassador …", "Remarks delivered by …", "Readout of …": its
//!   first person after "by" (or "of") is the author in person;
//! - a byline: "Hirgon Baranor, Minister for Foreign Affairs" on its own
//!   line (see `ner/byline.rs`): the author in person;
//! - a headline that ends on its speaker ("Trade is our future - Hirgon
//!   Baranor"): the speaker's state speaks;
//! - the opening sentence's subject ("President Hirgon Baranor sent
//!   greetings …"): the state of the person or the state it names;
//! - failing all these, the one state the document names far more often than
//!   any other (a speech's own country).
//!
//! The state of a person is their affiliation; an organisation of a state
//! (a council, a ministry) speaks for its state, as an embassy's release
//! does (dev conventions, "Sources and targets").

use super::Builder;
use crate::doc::{ActorKind, ActorSpan};
use crate::lexicon::WordClass;

/// The header: this many sentences after the title hold the byline,
/// the delivery line, the dateline and the office.
const HEADER_SENTENCES: usize = 6;

/// A header line that is a name alone has at most this many words ("The
/// Hon Hirgon Baranor MP").
const NAME_LINE: usize = 7;

/// The opening sentence's subject starts within this many tokens of it
/// ("On 3 May, President …" is no subject at its start).
const SUBJECT_LEAD: usize = 4;

/// A document's own state is named at least this many times, and this many
/// times as often as the next state, to be its author with no other cue.
const DOMINANT_MIN: usize = 4;
const DOMINANT_RATIO: usize = 3;

/// Words between the states of a list that opens a joint statement ("The
/// Government of A (“A”) and the Government of B", "we, the leaders of A,
/// B and C"): closed-class joiners and the nouns for who signs; punctuation
/// (commas, brackets, quotes) joins too.
// not a content word list: the list's glue, from the construction
const LIST_GLUE: [&str; 5] = ["and", "the", "of", "government", "governments"];

/// Whether a token may stand between two members of such a list.
fn is_list_glue(token: &str) -> bool {
    LIST_GLUE.contains(&token) || !token.chars().any(char::is_alphanumeric)
}

impl Builder<'_> {
    /// The token where the header ends.
    pub(super) fn header_end(&self, title_end: usize) -> usize {
        let first = self
            .doc
            .sentences
            .partition_point(|s| s.tokens.start < title_end);
        self.doc
            .sentences
            .get(first + HEADER_SENTENCES)
            .map_or(self.doc.tokens.len(), |s| s.tokens.start)
    }

    /// The state (or organisation, or formation) an actor speaks for: a
    /// person's affiliation, an organisation's state when it belongs to one;
    /// failing a state, the country the gazetteer gives the person or body
    /// ("Spokesperson of the National Security Council", of the USA).
    pub(super) fn voice_of(&mut self, actor: usize) -> Option<usize> {
        let a = &self.actors[actor];
        let country = a.country.clone();
        let by_country = |b: &mut Self| country.and_then(|c| b.state_for_country(&c));
        match a.kind {
            Some(ActorKind::State) => Some(actor),
            Some(ActorKind::Group) if !a.members.is_empty() => Some(actor),
            Some(ActorKind::Person) => {
                let aff = a.affiliation.filter(|&x| x != actor);
                // (the gazetteer's person by id, else by name)
                let entry = match &a.entry {
                    Some(id) => self.gaz.by_id(id),
                    None => self
                        .gaz
                        .lookup(&a.name)
                        .filter(|e| e.label == crate::doc::EntityType::Person),
                };
                let via = aff.and_then(|x| self.voice_of(x));
                match via {
                    Some(v) if self.actors[v].kind != Some(ActorKind::Organization) => Some(v),
                    // a person the gazetteer knows: the state of their office
                    _ => entry
                        .and_then(|e| self.state_of(e))
                        .or_else(|| by_country(self))
                        .or(via),
                }
            }
            Some(ActorKind::Organization) => {
                if let Some(s) = a
                    .affiliation
                    .filter(|&s| self.actors[s].kind == Some(ActorKind::State))
                {
                    return Some(s);
                }
                let entry = a.entry.clone().and_then(|id| self.gaz.by_id(&id));
                if let Some(s) = entry
                    .filter(|e| e.parent.is_some())
                    .and_then(|e| self.state_of(e))
                {
                    return Some(s);
                }
                by_country(self).or(Some(actor))
            }
            _ => None,
        }
    }

    /// The state actor of an ISO 3166 alpha-3 code.
    fn state_for_country(&mut self, code: &str) -> Option<usize> {
        let entry = self
            .gaz
            .by_id(&format!("country:{}", code.to_lowercase()))?;
        self.state_of(entry)
    }

    /// Whether an actor is a state or a formation: a voice that may
    /// outrank the title's state.
    pub(super) fn is_state_voice(&self, actor: usize) -> bool {
        self.actors[actor].kind == Some(ActorKind::State) || self.is_formation(actor)
    }

    /// The person a delivery line of the header names ("Statement by …",
    /// "Remarks delivered by …", "Readout of President X's Call …": the
    /// statement noun among a line's first words), and the state an "of"
    /// after the person names ("…, Minister for Foreign Affairs of Gondor").
    pub(super) fn delivering_person(&self, title_end: usize) -> Option<(usize, Option<usize>)> {
        let header_end = self.header_end(title_end);
        let words = self.lexical.words();
        for s in self.doc.sentences.iter() {
            if s.tokens.start >= header_end {
                break;
            }
            // the line, which the sentence splitter may have cut at "Mr."
            let range = s.tokens.start..self.line_end(s.tokens.start);
            // the statement noun, then at most one participle, then "by"
            let by = (range.start..(range.start + 3).min(range.end)).find(|&i| {
                words.has(WordClass::StatementNoun, self.tok(i))
                    && (i == 0 || self.tok(i - 1) != "the")
                    && (i + 1..(i + 3).min(range.end))
                        .find(|&k| matches!(self.tok(k), "by" | "of" | "from"))
                        .is_some_and(|k| k == i + 1 || self.tok(i + 1).ends_with("ed"))
            });
            let Some(by) = by else { continue };
            let mut after = self
                .spans
                .iter()
                .filter(|sp| sp.tokens.start > by && sp.tokens.end <= range.end);
            let Some(person) = after
                .by_ref()
                .find(|sp| self.actors[sp.actor].kind == Some(ActorKind::Person))
                .map(|sp| sp.actor)
            else {
                continue;
            };
            // ("of Gondor", or a title chunk "Minister … of Gondor")
            let state = after
                .find(|sp| {
                    self.actors[sp.actor].kind == Some(ActorKind::State)
                        && (sp.tokens.start - 1..sp.tokens.end).any(|k| self.tok(k) == "of")
                })
                .map(|sp| sp.actor);
            return Some((person, state));
        }
        None
    }

    /// A byline's person: a header sentence that is "Name, title".
    pub(super) fn byline_person(&self, title_end: usize) -> Option<usize> {
        let header_end = self.header_end(title_end);
        self.doc
            .sentences
            .iter()
            .filter(|s| s.tokens.start >= title_end && s.tokens.start < header_end)
            .find_map(|s| {
                let sp = self.spans.iter().find(|sp| {
                    sp.tokens.start >= s.tokens.start && sp.tokens.start < s.tokens.start + 3
                })?;
                let person = self.actors[sp.actor].kind == Some(ActorKind::Person);
                // "Name, title", or the name alone ("The Hon Name MP")
                let byline = sp.tokens.end < s.tokens.end && self.tok(sp.tokens.end) == ",";
                let alone = s.tokens.len() <= NAME_LINE
                    && self
                        .spans
                        .iter()
                        .filter(|o| {
                            o.tokens.start >= s.tokens.start && o.tokens.end <= s.tokens.end
                        })
                        .all(|o| o.actor == sp.actor);
                (person && (byline || alone) && self.on_own_line(s.tokens.clone()))
                    .then_some(sp.actor)
            })
    }

    /// The person a headline ends on after a dash: its speaker.
    pub(super) fn headline_speaker(&self, title_end: usize) -> Option<usize> {
        let last = self.spans.iter().rfind(|s| s.tokens.end <= title_end)?;
        let dash = last.tokens.start.checked_sub(1)?;
        (matches!(self.tok(dash), "-" | "–" | "—")
            && last.tokens.end == title_end
            && self.actors[last.actor].kind == Some(ActorKind::Person))
        .then_some(last.actor)
    }

    /// The subject of the first sentence after the title and header lines
    /// (the first sentence of more than a line's few words).
    pub(super) fn opening_subject(&self, title_end: usize) -> Option<usize> {
        let s = self
            .doc
            .sentences
            .iter()
            .filter(|s| s.tokens.start >= title_end)
            .find(|s| s.tokens.len() > 8)?;
        let sp = self
            .spans
            .iter()
            .find(|sp| sp.tokens.start >= s.tokens.start)?;
        (sp.tokens.start < s.tokens.start + SUBJECT_LEAD && !self.governed(sp)).then_some(sp.actor)
    }

    /// The state the document names far more often than any other.
    pub(super) fn dominant_state(&self) -> Option<usize> {
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for s in &self.spans {
            if self.actors[s.actor].kind != Some(ActorKind::State) {
                continue;
            }
            match counts.iter_mut().find(|(a, _)| *a == s.actor) {
                Some((_, n)) => *n += 1,
                None => counts.push((s.actor, 1)),
            }
        }
        counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        let (top, n) = *counts.first()?;
        let next = counts.get(1).map_or(0, |&(_, m)| m);
        (n >= DOMINANT_MIN && n >= DOMINANT_RATIO * next).then_some(top)
    }

    /// The co-authors a header sentence lists after "joint statement by"
    /// (or "of"): its states and known organisations, up to the first one
    /// governed by another preposition ("… condemning the executions in
    /// Mordor").
    pub(super) fn joint_by_list(&mut self, title_end: usize) -> Vec<usize> {
        let header_end = self.header_end(title_end);
        let mut found = Vec::new();
        for si in 0..self.doc.sentences.len() {
            let range = self.doc.sentences[si].tokens.clone();
            if range.start >= header_end {
                break;
            }
            let by = range.clone().find(|&i| {
                i + 2 < range.end
                    && self.tok(i) == "joint"
                    && self
                        .lexical
                        .words()
                        .has(WordClass::StatementNoun, self.tok(i + 1))
                    && matches!(self.tok(i + 2), "by" | "of" | "from")
            });
            let Some(by) = by else { continue };
            let spans: Vec<ActorSpan> = self
                .spans
                .iter()
                .filter(|s| s.tokens.start > by + 2 && s.tokens.end <= range.end)
                .cloned()
                .collect();
            for s in &spans {
                if !matches!(self.governor(s), None | Some("of" | "by")) {
                    break;
                }
                if let Some(a) = self.co_author_of(s.actor) {
                    if !found.contains(&a) {
                        found.push(a);
                    }
                }
            }
            if found.len() >= 2 {
                return found;
            }
            found.clear();
        }
        found
    }

    /// What a listed actor adds to a joint statement's authors: a state, a
    /// known organisation (the European Union), a person's state.
    pub(super) fn co_author_of(&mut self, actor: usize) -> Option<usize> {
        let a = &self.actors[actor];
        match a.kind {
            Some(ActorKind::State) => Some(actor),
            Some(ActorKind::Organization) if a.entry.is_some() && a.affiliation.is_none() => {
                self.voice_of(actor)
            }
            Some(ActorKind::Person) => {
                let aff = a.affiliation?;
                self.voice_of(aff)
            }
            _ => None,
        }
    }

    /// The first run of two or more states (or known organisations) in a
    /// sentence, joined only by the list's glue.
    pub(super) fn state_run(&mut self, range: std::ops::Range<usize>) -> Vec<usize> {
        let spans: Vec<ActorSpan> = self
            .spans
            .iter()
            .filter(|s| s.tokens.start >= range.start && s.tokens.end <= range.end)
            .cloned()
            .collect();
        let mut run: Vec<usize> = Vec::new();
        let mut at = None;
        for s in &spans {
            let joined =
                at.is_some_and(|at: usize| (at..s.tokens.start).all(|k| is_list_glue(self.tok(k))));
            let member = match self.actors[s.actor].kind {
                Some(ActorKind::State) => Some(s.actor),
                Some(ActorKind::Organization) if self.actors[s.actor].entry.is_some() => {
                    self.co_author_of(s.actor)
                }
                // "Prime Ministers A and B met …": their states
                Some(ActorKind::Person) => self.co_author_of(s.actor),
                _ => None,
            };
            match member {
                Some(m) => {
                    if !joined {
                        if run.len() >= 2 {
                            return run;
                        }
                        run.clear();
                    }
                    if !run.contains(&m) {
                        run.push(m);
                    }
                    at = Some(s.tokens.end);
                }
                None => {
                    if run.len() >= 2 {
                        return run;
                    }
                    run.clear();
                    at = None;
                }
            }
        }
        if run.len() >= 2 {
            run
        } else {
            Vec::new()
        }
    }

    /// The end of the line token `i` is on (a token index).
    fn line_end(&self, i: usize) -> usize {
        let text = self.doc.text();
        let Some(t) = self.doc.tokens.get(i) else {
            return i;
        };
        let nl = text
            .get(t.span.byte_start..)
            .and_then(|r| r.find('\n'))
            .map_or(text.len(), |n| t.span.byte_start + n);
        self.doc.tokens.partition_point(|t| t.span.byte_start < nl)
    }

    /// Whether tokens `r` make up a whole line of the text.
    fn on_own_line(&self, r: std::ops::Range<usize>) -> bool {
        let text = self.doc.text();
        let (Some(first), Some(last)) = (self.doc.tokens.get(r.start), r.end.checked_sub(1)) else {
            return false;
        };
        let Some(last) = self.doc.tokens.get(last) else {
            return false;
        };
        let before = text.get(..first.span.byte_start).unwrap_or("");
        let after = text.get(last.span.byte_end..).unwrap_or("");
        let starts = before.trim_end_matches([' ', '\t']).is_empty()
            || before.trim_end_matches([' ', '\t']).ends_with('\n');
        let ends = after.trim_start_matches([' ', '\t']).is_empty()
            || after.trim_start_matches([' ', '\t']).starts_with('\n');
        starts && ends
    }
}
