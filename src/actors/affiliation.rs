//! Finding whom a title or person acts for: the affiliation phrase after a
//! title ("of the Republic of Poland") and, where the text names none, the
//! body a known person belongs to.

use super::Builder;
use crate::doc::EntityType;
use crate::lexicon::WordClass;

impl Builder<'_> {
    /// An affiliation phrase at `j`: "[the] MENTION" naming a state,
    /// organisation or demonym; returns (actor, end).
    pub(super) fn affiliation_at(&mut self, j: usize, end: usize) -> Option<(usize, usize)> {
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
    pub(super) fn portfolio_field(&self, k: usize, mend: usize) -> Option<usize> {
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

    /// Governments act for their state; an organisation stays itself.
    pub(super) fn body_of(&self, actor: usize) -> usize {
        actor
    }

    /// A person the gazetteer knows acts for its parent (their state, or
    /// the organisation they lead) where the text named no affiliation.
    pub(super) fn known_affiliations(&mut self) {
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
}
