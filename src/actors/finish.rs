//! The actors stage's last steps: author references resolved, names
//! repaired, person variants merged and the results handed back.

use super::variants::merge_person_variants;
use super::{repair, turns, Builder, NameRules};
use crate::doc::{ActorRef, ActorSpan, PlaceRef, RefKind};

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
