//! Dependents that coordinated nouns share. UD hangs a modifier the
//! conjuncts share on the first of them: a possessor or state adjective
//! before it ("Gondor's threats and attacks", "its solidarity and
//! support", "the Mordorian threats and attacks"), a phrase after the
//! last ("the assistance and support from Arnor"). A later conjunct with
//! no such dependent of its own takes the first conjunct's, when the
//! coordination is a plain list of nouns: an "and"/"or" joins it, it has
//! no determiner or possessor of its own, and no phrase of the first
//! conjunct lies between the two ("the regime's repression in X and
//! calls for …", where "calls" is a verb misread as a noun, shares
//! nothing).

use super::args::Args;
use crate::events::triggers::Rel;

/// How many conjuncts up the first one is looked for.
const CONJ_LEVELS: usize = 4;

// not a word list: UD relation labels that may stand between two
// conjuncts of a plain list of nouns
const BETWEEN: [&str; 8] = [
    "cc", "punct", "amod", "compound", "advmod", "nummod", "conj", "flat",
];

impl Args<'_> {
    /// The first conjunct whose dependents noun `t` shares, when `t` is a
    /// later conjunct of a plain list of nouns (see the module doc).
    pub(super) fn sharing_conjunct(&self, t: usize) -> Option<usize> {
        let tree = self.tree;
        if tree.deprel(t) != "conj" || !matches!(tree.upos(t), "NOUN" | "PROPN") {
            return None;
        }
        let mut first = t;
        for _ in 0..CONJ_LEVELS {
            match tree.head(first) {
                Some(h) if tree.deprel(first) == "conj" => first = h,
                _ => break,
            }
        }
        if first >= t || !matches!(tree.upos(first), "NOUN" | "PROPN") {
            return None;
        }
        let own = tree
            .children(t)
            .iter()
            .any(|&c| c < t && matches!(tree.deprel(c), "det" | "nmod:poss" | "case"));
        let joined = tree.children(first).iter().any(|&c| {
            tree.deprel(c) == "conj"
                && tree
                    .children(c)
                    .iter()
                    .any(|&k| tree.rel(k) == "cc" && matches!(tree.lemma(k), "and" | "or"))
        });
        let plain = (first + 1..t).all(|k| BETWEEN.contains(&tree.deprel(k)));
        (!own && joined && plain).then_some(first)
    }

    /// The possessors and state modifiers before the first conjunct that
    /// conjunct `t` shares, when it has none naming an actor itself.
    pub(super) fn shared_possessors(&self, t: usize) -> Vec<usize> {
        let tree = self.tree;
        let Some(first) = self.sharing_conjunct(t) else {
            return Vec::new();
        };
        let named_own = tree
            .children(t)
            .iter()
            .any(|&c| c < t && is_modifier(tree.deprel(c)) && !self.actors.at(c).is_empty());
        if named_own {
            return Vec::new();
        }
        // (a state adjective names the doer only on an act: "the
        // Mordorian threats and attacks", not "solidarity with the
        // Ukrainian people and readiness", where the parser made
        // "readiness" a conjunct of "people")
        // (an action noun of the lexicon, even where its row's further
        // words are missing: "threats" without "against")
        let lemma = tree.lemma(first).to_lowercase();
        let act = self.nominals.trigger(first)
            || !self
                .triggers
                .candidates(&lemma, crate::events::triggers::TriggerPos::Noun)
                .is_empty();
        tree.children(first)
            .iter()
            .copied()
            .filter(|&c| c < first && is_modifier(tree.deprel(c)))
            .filter(|&c| tree.deprel(c) == "nmod:poss" || act && !self.actors.at(c).is_empty())
            .collect()
    }

    /// The phrases of relation `rel` after conjunct `t` that the first
    /// conjunct carries and `t` shares ("the assistance and support from
    /// Arnor": "from Arnor" hangs on "assistance"), when `t` has none.
    /// An "of" phrase is left alone: whether it names the doer or the one
    /// acted on is the noun's own question.
    pub(super) fn shared_phrases(&self, t: usize, rel: &Rel) -> Vec<usize> {
        let Rel::Prep(p) = rel else {
            return Vec::new();
        };
        if p == "of" {
            return Vec::new();
        }
        let tree = self.tree;
        let Some(first) = self.sharing_conjunct(t) else {
            return Vec::new();
        };
        let marked =
            |c: usize| matches!(tree.rel(c), "nmod" | "obl") && tree.case_of(c) == Some(p.as_str());
        if tree.children(t).iter().any(|&c| marked(c)) {
            return Vec::new();
        }
        tree.children(first)
            .iter()
            .copied()
            .filter(|&c| c > t && marked(c))
            .collect()
    }
}

impl Args<'_> {
    /// The phrases after conjunct `t` that the first conjunct carries
    /// (on which the parser may hang a further phrase: "the assistance
    /// and support from Arnor to Dale", "to Dale" under "Arnor").
    /// So too a carrier noun's ("the wave of attacks by Khand on Umbar",
    /// see `carrier`).
    pub(super) fn shared_after(&self, t: usize) -> Vec<usize> {
        let tree = self.tree;
        let Some(first) = self.sharing_conjunct(t).or_else(|| self.carrier_of(t)) else {
            return Vec::new();
        };
        tree.children(first)
            .iter()
            .copied()
            .filter(|&c| c > t && matches!(tree.rel(c), "nmod" | "obl"))
            .collect()
    }

    /// Whether verb `v`, a `parataxis` of the verb before it, is the next
    /// predicate of a list that shares its subject: "Gondor recognizes
    /// …; deplores …; and calls on …", "urged Mordor to cease …, withdraw
    /// …". The two verbs have the same form (a quotation's "…, thank you"
    /// after "I can hear you" has not), `v` has no subject of its own and
    /// a semicolon or comma sets it off.
    pub(super) fn listed_predicate(&self, v: usize) -> bool {
        let tree = self.tree;
        let Some(h) = tree.head(v) else {
            return false;
        };
        let form = tree.xpos(v);
        let verbs = tree.upos(v) == "VERB" && tree.upos(h) == "VERB";
        let finite = matches!(form, "VBZ" | "VBD" | "VBP" | "VB");
        let separated = tree
            .children(v)
            .iter()
            .any(|&c| c < v && tree.rel(c) == "punct" && matches!(tree.lemma(c), ";" | ","));
        verbs && finite && h < v && tree.xpos(h) == form && separated && !self.has_own_subject(v)
    }
}

/// Whether a relation modifies a noun from before it (a possessor or an
/// adjective or noun naming its owner).
fn is_modifier(deprel: &str) -> bool {
    matches!(deprel, "nmod:poss" | "amod" | "compound")
}

#[cfg(test)]
#[path = "tests_conjoined.rs"]
mod tests_conjoined;
