//! The state where an act happens as its target, for acts done to a
//! place's people or things ("killed seven civilians in Esgaroth",
//! "boycotted the ceremony in Esgaroth", "carried out ethnic cleansing in
//! Umbar"): the state the place lies in; and the host of a gathering
//! one attends ("attended the summit in Jakarta").

use super::args::Args;
use crate::doc::PloverType;
use crate::events::triggers::{TriggerPos, TriggerRow};
use crate::lexicon::WordClass;

/// The relations that locate a gathering.
fn locating(case: Option<&str>) -> bool {
    matches!(case, Some("in" | "at"))
}

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

    /// The state where a gathering the slot names takes place, for a
    /// consultation ("attend the G7 Summit in Cornwall, U.K.": the United
    /// Kingdom hosts it; dev README: visitor → host); a gathering's name
    /// is no actor (class `events.target-gathering`), and its place is no
    /// party to other acts ("welcomed the outcome of the summit in
    /// Edoras").
    pub(super) fn gathering_host(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        if row.kind != PloverType::Consult {
            return Vec::new();
        }
        let tree = self.tree;
        let gathering = |n: usize| {
            let named = self.actors.at(n);
            self.classes
                .has_ignore_ascii_case(WordClass::TargetGathering, tree.lemma(n))
                || !named.is_empty() && named.iter().all(|&a| self.actors.is_gathering(a))
        };
        let hosts = row
            .target
            .iter()
            .flat_map(|rel| self.nodes(t, rel))
            .filter(|&n| gathering(n))
            .flat_map(|n| tree.children(n).iter().copied())
            .filter(|&c| tree.rel(c) == "nmod" && locating(tree.case_of(c)))
            .flat_map(|c| tree.with_conjuncts(c))
            .find_map(|k| self.actors.place_state(k));
        hosts.into_iter().collect()
    }

    /// The host of a visit a journey verb makes: the state of the place
    /// it arrives or stays in ("arrived in Hanoi on a state visit").
    pub(super) fn journey_host(&self, v: usize) -> Vec<usize> {
        let tree = self.tree;
        tree.children(v)
            .iter()
            .copied()
            .filter(|&c| tree.rel(c) == "obl" && locating(tree.case_of(c)))
            .find_map(|c| self.actors.place_state(c))
            .into_iter()
            .collect()
    }
}
