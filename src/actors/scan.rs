//! The actors stage's scan over the tokens: each entity mention, title
//! chunk and formation in text order becomes an actor span.

use super::{continue_after, Builder, MAX_FORMATION_WORDS};
use crate::doc::{EntityType, RefKind, Words};
use crate::lexicon::formations::{Formation, Formations};
use crate::text::titles::TitleKind;

impl<'a> Builder<'a> {
    pub(super) fn run(&mut self) {
        let n = self.doc.tokens.len();
        let mut i = 0;
        while i < n {
            if self.one_word_at(i) && self.hyphen_parties(i).is_some() {
                i += 1;
                continue;
            }
            if self.place_led_by_pair(i) {
                // ("the Thai-Burma border": the pair's parties, and the
                // place as before)
                self.hyphen_parties(i);
            }
            if let Some(mi) = self.mention_at.starting_at(i) {
                let m = &self.doc.entities[mi];
                let mend = m.tokens.end.max(i + 1);
                let label = m.label;
                let end = self.sentence_end(i);
                // A tagged name that is a title or a body ("Ambassador of
                // Rohan", "Ministry of Foreign Affairs of Arnor", "Embassy
                // of Mordor") refers through it, to a person or a state.
                if label == EntityType::Org && m.entry.is_none() {
                    let titled = self
                        .titles
                        .longest_at(&self.lower, &self.raw, i, end)
                        .filter(|t| {
                            matches!(
                                self.titles.get(t.title).kind,
                                TitleKind::Person | TitleKind::Government
                            )
                        });
                    if let Some(t) = titled {
                        i = self.title_chunk(i, t.start, None).max(i + 1);
                        continue;
                    }
                }
                // "the Lukashenka regime": the leader's state
                if let Some(e) = self.leader_government(mi) {
                    i = e;
                    continue;
                }
                let actor = self.mention_actor(mi);
                let is_place = self.place_mention.get(mi).copied().unwrap_or(false);
                if let Some(a) = actor.filter(|_| !is_place) {
                    // (duplicates go when the actors are finished)
                    self.actors[a].mentions.push(mi);
                }
                // Followed by a title, body or group noun ("Artsakh’s Foreign Minister").
                let mut j = mend;
                if let (Some(a), EntityType::Org) = (actor, label) {
                    j = self.bracketed_short_form(a, j);
                }
                if matches!(self.tok(j), "'s") {
                    j += 1;
                }
                let title = (label != EntityType::Person)
                    .then(|| self.titles.longest_at(&self.lower, &self.raw, j, end))
                    .flatten()
                    .filter(|t| {
                        matches!(
                            self.titles.get(t.title).kind,
                            TitleKind::Person
                                | TitleKind::Government
                                | TitleKind::Group
                                | TitleKind::People
                        )
                    });
                if let Some((a, e)) = actor
                    .filter(|_| label == EntityType::Person)
                    .and_then(|a| Some((a, self.post_nominal(a, mend, end)?)))
                {
                    self.push_span(i..e, a, RefKind::Name);
                    i = e;
                    continue;
                }
                match (title, actor) {
                    (Some(t), Some(a)) => {
                        i = self.title_chunk(i, t.start, Some(a)).max(mend);
                    }
                    (_, Some(a)) => {
                        self.push_span(i..mend, a, RefKind::Name);
                        i = mend;
                    }
                    _ => i = mend,
                }
                continue;
            }
            if !self.covered.covers(i, true) {
                if let Some(end) = self.formation_at(i) {
                    continue_after(&mut i, end);
                    continue;
                }
                if let Some(t) = self.titles.longest_at(&self.lower, &self.raw, i, n) {
                    i = self.title_chunk(i, t.start, None).max(i + 1);
                    continue;
                }
            }
            i += 1;
        }
    }

    /// "African Union Commission (AUC) Chairperson …": a bracketed short form
    /// at token `j` after organisation `a`'s name is the same actor, here and
    /// wherever it recurs. Returns the token after the bracket, or `j`.
    fn bracketed_short_form(&mut self, a: usize, j: usize) -> usize {
        if self.tok(j) != "(" {
            return j;
        }
        let Some(inner) = self.mention_at.starting_at(j + 1) else {
            return j;
        };
        let im = &self.doc.entities[inner];
        if im.label != EntityType::Org || self.tok(im.tokens.end) != ")" {
            return j;
        }
        let after = im.tokens.end + 1;
        let key = format!("text:{}", self.doc.span_text(im.span).to_lowercase());
        self.by_key.entry(key).or_insert(a);
        self.actors[a].mentions.push(inner);
        after
    }

    /// Whether token `i` is a mention of one word with no gazetteer entry,
    /// or no mention at all (where a hyphenated pair of parties may be).
    fn one_word_at(&self, i: usize) -> bool {
        match self.mention_at.starting_at(i) {
            Some(mi) => self.doc.entities[mi].tokens == (i..i + 1) && self.entry_of(mi).is_none(),
            None => !self.covered.covers(i, true),
        }
    }

    /// Whether a place mention the gazetteer does not know starts at `i`
    /// with a word of its own ("Indian-Chinese border").
    fn place_led_by_pair(&self, i: usize) -> bool {
        self.mention_at.starting_at(i).is_some_and(|mi| {
            let m = &self.doc.entities[mi];
            m.label == EntityType::Loc && m.tokens.len() > 1 && self.entry_of(mi).is_none()
        })
    }

    /// A formation named at `i` that no mention covers ("the Troika", "NB8
    /// ministers"): its group actor and a name span; the span's end.
    fn formation_at(&mut self, i: usize) -> Option<usize> {
        let (f, e) = self.formation_named_at(i, self.sentence_end(i))?;
        let a = self.formation_actor(f);
        self.push_span(i..e, a, RefKind::Name);
        Some(e)
    }

    /// The longest formation name starting at capitalised token `i` and
    /// ending before `end`, with the token after it.
    pub(super) fn formation_named_at(
        &self,
        i: usize,
        end: usize,
    ) -> Option<(&'a Formation, usize)> {
        let capitalised = self
            .raw
            .word(i)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if !capitalised {
            return None;
        }
        let formations: &'a Formations = self.formations;
        (1..=MAX_FORMATION_WORDS.min(end.saturating_sub(i)))
            .rev()
            .find_map(|len| {
                let name = self.doc.span_text(self.doc.token_span(i, i + len - 1));
                formations.lookup(name).map(|f| (f, i + len))
            })
    }
}
