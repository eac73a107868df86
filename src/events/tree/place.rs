//! The state where an act happens as its target, for acts done to a
//! place's people or things ("killed seven civilians in Esgaroth",
//! "boycotted the ceremony in Esgaroth", "carried out ethnic cleansing in
//! Umbar"): the state the place lies in.

use super::args::Args;
use crate::doc::PloverType;
use crate::events::triggers::{TriggerPos, TriggerRow};

impl Args<'_> {
    /// The state of the place an attack, coercion or protest with no
    /// target of its own is located in: an "in"-like phrase of the
    /// trigger, of its light verb, of its object or of its "of" phrase
    /// ("the boycott of the trade fair in Umbar"), or a place named by an
    /// "of" phrase there ("in the north of Dale").
    pub fn place_target(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        let acts_on_place = matches!(
            row.kind,
            PloverType::Assault | PloverType::Coerce | PloverType::Protest
        );
        // (a row that needs a target for its sense keeps needing one its
        // slots give: "rallied G20 partners in New Delhi")
        if !acts_on_place || row.flags.needtgt {
            return Vec::new();
        }
        let tree = self.tree;
        let mut heads = vec![t];
        if row.pos != TriggerPos::Verb {
            heads.extend(self.light_verb_of(t));
        }
        let phrases: Vec<usize> = heads
            .iter()
            .flat_map(|&h| tree.children(h).iter().copied())
            .filter(|&c| {
                tree.deprel(c) == "obj" || tree.rel(c) == "nmod" && tree.case_of(c) == Some("of")
            })
            .collect();
        heads.extend(phrases);
        for h in heads {
            for &c in tree.children(h) {
                // (where it happened, not whom it was against or for)
                let located = matches!(tree.rel(c), "obl" | "nmod")
                    && matches!(tree.case_of(c), Some("in" | "at" | "near" | "outside"));
                if !located {
                    continue;
                }
                let of_phrase = tree
                    .children(c)
                    .iter()
                    .copied()
                    .filter(|&d| tree.rel(d) == "nmod" && tree.case_of(d) == Some("of"));
                if let Some(s) = std::iter::once(c)
                    .chain(of_phrase)
                    .find_map(|n| self.actors.place_state(n))
                {
                    return vec![s];
                }
            }
        }
        Vec::new()
    }
}
