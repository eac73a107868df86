//! "The Lukashenka regime", "the Biden administration", "the Howard
//! government": a leader's name before a government noun means the state
//! the leader governed at the document's date (`models/gazetteers/
//! offices.tsv`); the leader stays a person actor of the name's own.

use super::Builder;
use crate::doc::{EntityType, RefKind};
use crate::ner::gazetteer::Entry;
use crate::ner::leaders::leader_at;

impl<'a> Builder<'a> {
    /// The leader construction at mention `mi`: a span over the name and
    /// its noun for the leader's state; the span's end.
    pub(super) fn leader_government(&mut self, mi: usize) -> Option<usize> {
        let m = &self.doc.entities[mi];
        if m.tokens.len() != 1 {
            return None;
        }
        let (i, label) = (m.tokens.start, m.label);
        let lexical = self.lexical;
        let entry = leader_at(self.doc, lexical.words(), self.gaz, i)?;
        let state = self.state_governed(entry)?;
        if label == EntityType::Person {
            if let Some(p) = self.mention_actor(mi) {
                self.actors[p].mentions.push(mi);
            }
        }
        self.push_span(i..i + 2, state, RefKind::Name);
        Some(i + 2)
    }

    /// The state whose office the person held at the document's date (else
    /// the entry's parent), if it is a state.
    fn state_governed(&mut self, e: &'a Entry) -> Option<usize> {
        let date = self.doc.info.date.as_deref();
        let office = self
            .offices
            .and_then(|o| o.held_at(&e.id, date))
            .map(|o| o.body.as_str());
        let gaz = self.gaz;
        let body = office
            .or(e.parent.as_deref())
            .and_then(|id| gaz.by_id(id))?;
        if body.label == EntityType::Gpe {
            self.state_of(body)
        } else {
            None
        }
    }
}
