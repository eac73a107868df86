//! An action noun in the "of" phrase of a noun that carries, conveys or
//! measures it (`events.act-carrier-noun`: "a message of support",
//! "rounds of talks", "the provision of assistance", "a wave of
//! attacks"): the carrier's doer is the act's. Its possessor or "by" /
//! "from" phrase ("Gondor's provision of assistance", "an expression of
//! solidarity from Arnor"), the phrases after the act that the parser
//! hung on the carrier ("the delivery of aid to Dale"), and the verb that
//! sends or holds it ("Rohan sent a message of support") are the act's.

use super::args::Args;
use crate::events::triggers::Rel;
use crate::lexicon::WordClass;

impl Args<'_> {
    /// The carrier noun whose "of" phrase action noun `t` is.
    pub(super) fn carrier_of(&self, t: usize) -> Option<usize> {
        let tree = self.tree;
        let h = tree.head(t)?;
        let carried = tree.rel(t) == "nmod"
            && tree.case_of(t) == Some("of")
            && matches!(tree.upos(h), "NOUN" | "NUM" | "ADJ")
            && self
                .classes
                .has(WordClass::ActCarrierNoun, &tree.lemma(h).to_lowercase());
        carried.then_some(h)
    }

    /// The carrier's dependents that relation `rel` picks for action noun
    /// `t` when `t` has none of its own: the carrier's possessor (or a
    /// state adjective on it), or its phrase of preposition `rel` after
    /// `t` (not "of", which is `t` itself).
    pub(super) fn carried_nodes(&self, t: usize, rel: &Rel) -> Vec<usize> {
        let tree = self.tree;
        let Some(h) = self.carrier_of(t) else {
            return Vec::new();
        };
        match rel {
            Rel::Poss => tree
                .children(h)
                .iter()
                .copied()
                .filter(|&c| c < h)
                .filter(|&c| {
                    tree.deprel(c) == "nmod:poss"
                        || matches!(tree.deprel(c), "amod" | "compound")
                            && !self.actors.at(c).is_empty()
                })
                .collect(),
            Rel::Prep(p) if p != "of" => tree
                .children(h)
                .iter()
                .copied()
                .filter(|&c| {
                    c > t
                        && matches!(tree.rel(c), "nmod" | "obl")
                        && tree.case_of(c) == Some(p.as_str())
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}
