//! The actors stage's last steps: author references resolved, names
//! repaired, person variants merged and the results handed back.

use super::variants::{merge_generic_heads, merge_org_short_forms, merge_person_variants};
use super::{repair, turns, Builder, NameRules};
use crate::doc::{ActorKind, ActorRef, ActorSpan, PlaceRef, RefKind};

impl Builder<'_> {
    #[allow(clippy::type_complexity)]
    pub(super) fn finish(
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
        self.resolve_officials();
        self.resolve_ambiguous_titles();
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
        merge_generic_heads(&mut self.actors, &mut self.spans, |n| rules.generic_head(n));
        repair::repair_names(&rules, self.doc, &mut self.actors, &mut self.spans);
        merge_person_variants(&mut self.actors, &mut self.spans);
        let words = self.lexical.words();
        merge_org_short_forms(&mut self.actors, &mut self.spans, |w| {
            words.has(crate::lexicon::WordClass::BodyWord, w)
        });
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

impl Builder<'_> {
    /// "the President", "the Prime Minister" with no holder named before
    /// (issue 13, item 6: a role refers to the last actor named with it or
    /// to the author's official): the person who held that office for the
    /// author's state at the document's date (`offices.tsv`), else the
    /// author, as "the Ministry" is.
    fn resolve_officials(&mut self) {
        for (range, title) in std::mem::take(&mut self.official_spans) {
            match self.official_of_author(&title) {
                Some(p) => self.push_span(range, p, RefKind::Title),
                None => self.author_spans.push((range, false)),
            }
        }
    }

    /// "The Minister" after two holders of the title of different sides
    /// (a readout naming both foreign ministers): the one holder of the
    /// author's side (issue 13, item 6), else the last one named, as
    /// the scan read it.
    fn resolve_ambiguous_titles(&mut self) {
        let own = [self.author_state, self.author_person];
        for (range, holders) in std::mem::take(&mut self.ambiguous_titles) {
            let ours: Vec<usize> = holders
                .into_iter()
                .filter(|&p| {
                    own.contains(&Some(p))
                        || self.actors[p].affiliation.is_some()
                            && own.contains(&self.actors[p].affiliation)
                })
                .collect();
            if let [p] = ours[..] {
                for span in self.spans.iter_mut().filter(|s| s.tokens == range) {
                    span.actor = p;
                }
            }
        }
    }

    /// The holder of the author's office `title` at the document's date.
    pub(super) fn official_of_author(&mut self, title: &str) -> Option<usize> {
        let state = self.author_state?;
        let body = self.actors[state].entry.clone()?;
        let offices = self.offices?;
        let date = self.doc.info.date.as_deref();
        let entry = offices
            .holder_named_in(&body, title, date)
            .and_then(|id| self.gaz.by_id(id))?;
        // the holder as the text names them ("President Biden"), if it does
        let surname = entry.name.split_whitespace().last()?.to_lowercase();
        let named = self.actors.iter().position(|a| {
            a.kind == Some(ActorKind::Person)
                && (a.entry.as_deref() == Some(entry.id.as_str())
                    || a.name
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| w.to_lowercase() == surname))
        });
        if let Some(p) = named {
            return Some(p);
        }
        let before = self.actors.len();
        let p = self.person(&entry.name);
        if self.actors.len() > before {
            // listed only if an event names the holder
            self.actors[p].listed = false;
            self.actors[p].affiliation = Some(state);
            self.actors[p].country = self.actors[state].country.clone();
            self.actors[p].entry = Some(entry.id.clone());
        }
        Some(p)
    }
}
