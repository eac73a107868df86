//! Phrases the parser hung away from the word they belong to: a thing's
//! maker on its participle, an active verb's stray "by" agent, a nominal
//! trigger's phrases hung on its verb, and a passive's agent hung on the
//! oblique before it.

use super::args::Args;
use crate::events::triggers::{Rel, TriggerRow};
use crate::lexicon::WordClass;

impl Args<'_> {
    /// The actors a participle on a thing names as its maker: the thing
    /// stands for them ("rejected the plan put forward by Mordor",
    /// "denied the allegations made by Arnor"), unless the agent is an
    /// event.
    pub(super) fn authored_by(&self, node: usize) -> Vec<usize> {
        let tree = self.tree;
        if tree.upos(node) == "VERB" {
            return Vec::new();
        }
        for p in tree.children_rel(node, "acl") {
            if tree.upos(p) != "VERB" || tree.deprel(p) != "acl" {
                continue;
            }
            for &c in tree.children(p) {
                let agent = tree.deprel(c) == "obl:agent"
                    || tree.rel(c) == "obl" && tree.case_of(c) == Some("by");
                // (an event as the agent is no maker: in "the refugees
                // affected by Mordor's war" Mordor made no refugees)
                if agent && !self.nominals.trigger(c) {
                    let found = self.actors_at(c);
                    if !found.is_empty() {
                        return found;
                    }
                }
            }
        }
        Vec::new()
    }

    /// The agent of an active verb's object that the parser hung on the
    /// verb: an active verb has no "by" agent of its own ("condemned the
    /// raids by the Orc Legion", "by" under "condemned").
    pub(super) fn stray_agent(&self, verb: usize, object: usize) -> Vec<usize> {
        let tree = self.tree;
        if tree.upos(verb) != "VERB" || tree.is_passive(verb) || tree.deprel(object) != "obj" {
            return Vec::new();
        }
        for &c in tree.children(verb) {
            if c > object && tree.rel(c) == "obl" && tree.case_of(c) == Some("by") {
                return self.actors_at(c);
            }
        }
        Vec::new()
    }

    /// A nominal trigger's prepositional slot filled by a phrase the
    /// parser hung on the verb after it ("imposed sanctions on Arnor";
    /// "condemned the raids by Mordor"; a subject's "between").
    pub(super) fn sibling_phrase(&self, t: usize, rels: &[Rel]) -> Vec<usize> {
        let tree = self.tree;
        let Some(h) = tree.head(t) else {
            return Vec::new();
        };
        // (a subject's "between" may hang on its verb too: "fighting
        // continued between Arnor and Rohan")
        let subject = tree.deprel(t) == "nsubj";
        // (a subject with a case marker is a misread phrase: no subject
        // takes a preposition)
        let cased_subject =
            |c: usize| tree.rel(c) == "nsubj" && tree.children_rel(c, "case").next().is_some();
        if !subject && !matches!(tree.deprel(t), "obj" | "obl" | "nsubj:pass") {
            return Vec::new();
        }
        for rel in rels {
            let Rel::Prep(p) = rel else { continue };
            // (a subject's "by" phrase may be read as a second subject of
            // its verb: "the siege of X by Mordor continues", "by Mordor"
            // an nsubj of "continues")
            let subject_phrase = matches!(p.as_str(), "between" | "by");
            if p == "of" || p == "by" && tree.is_passive(h) || subject && !subject_phrase {
                continue;
            }
            // (or on another of its stray phrases: "condemned the raids by
            // Mordor on Dale", "on Dale" under "Mordor")
            let stray = tree.children(h).iter().copied().filter(|&c| {
                // (a subject's "by" is only the misread second subject:
                // an oblique "by" is the verb's own agent, "strikes
                // used by X")
                let by_subject = subject && p == "by";
                c > t && (tree.rel(c) == "obl" && !by_subject || cased_subject(c))
            });
            let nested = stray
                .clone()
                .flat_map(|c| tree.children_rel(c, "nmod").collect::<Vec<_>>());
            for c in stray.chain(nested) {
                if tree.case_of(c) == Some(p.as_str()) {
                    let found = self.actors_at(c);
                    if !found.is_empty() {
                        return found;
                    }
                }
            }
        }
        Vec::new()
    }

    /// A prepositional target slot filled by a phrase the parser hung on
    /// one of a multi-word row's further words, or one level below it
    /// ("delivered tonnes of aid to the people of Rohan", "granted a loan
    /// of two million crowns to Arnor").
    pub(super) fn in_further_words(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        let tree = self.tree;
        let Some(words) = super::find::matched_words(tree, t, &row.with) else {
            return Vec::new();
        };
        // ("between" on the further word names the parties of the thing,
        // "a memorandum between the academies of the two countries", not
        // the action's target)
        let preps: Vec<Rel> = row
            .target
            .iter()
            .filter(|r| matches!(r, Rel::Prep(p) if p != "between"))
            .cloned()
            .collect();
        // (a further word's named possessor is its "of" phrase: "froze
        // Khand's assets" as "froze the assets of Khand"; "its" is most
        // often the subject's own, "ended its occupation of X"; so is a
        // name before it, "applied for NATO membership", but not a town,
        // "the Minas Tirith office")
        let of = preps.iter().any(|r| matches!(r, Rel::Prep(p) if p == "of"));
        let named_before = |c: usize| {
            tree.deprel(c) == "compound" && tree.upos(c) == "PROPN" && !self.actors.is_town(c)
        };
        for w in words.into_iter().filter(|&w| w != t) {
            if of {
                for c in tree.children(w) {
                    let possessor = tree.deprel(*c) == "nmod:poss" && tree.upos(*c) != "PRON";
                    if possessor || named_before(*c) {
                        let found = self.actors_at(*c);
                        if !found.is_empty() {
                            return found;
                        }
                    }
                }
            }
            let below = tree
                .children(w)
                .iter()
                .copied()
                .filter(|&c| !tree.is_clausal(c) && matches!(tree.rel(c), "obl" | "nmod"));
            for node in std::iter::once(w).chain(below) {
                for rel in &preps {
                    for c in self.nodes(node, rel) {
                        let found = self.actors_at(c);
                        if !found.is_empty() {
                            return found;
                        }
                    }
                }
            }
        }
        Vec::new()
    }

    /// The subject of a receiving verb whose object the nominal `t` is
    /// ("Dale received aid from Lindon": Dale).
    pub(super) fn receiver(&self, t: usize) -> Vec<usize> {
        let tree = self.tree;
        match tree.head(t) {
            Some(h)
                if tree.deprel(t) == "obj"
                    && tree.upos(h) == "VERB"
                    && self.classes.has(WordClass::ReceivingVerb, tree.lemma(h)) =>
            {
                self.by_rels(h, &[Rel::Subj])
            }
            _ => Vec::new(),
        }
    }

    /// Coordinated verbs share the object after the last of them ("X
    /// welcomed and thanked Y").
    pub(super) fn shared_object(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        let tree = self.tree;
        if tree.children(t).iter().any(|&c| tree.rel(c) == "obj") {
            return Vec::new();
        }
        for c in tree.children_rel(t, "conj") {
            if c > t && tree.upos(c) == "VERB" {
                let found = self.by_rels(c, &row.target);
                if !found.is_empty() {
                    return found;
                }
            }
        }
        Vec::new()
    }

    /// A passive verb's agent that the parser hung on an oblique before it
    /// ("sanctions were imposed on Venezuela by Canada", "by Canada" under
    /// "Venezuela").
    pub(super) fn stray_passive_agent(&self, t: usize) -> Vec<usize> {
        let tree = self.tree;
        if !tree.is_passive(t) {
            return Vec::new();
        }
        let obliques = tree
            .children(t)
            .iter()
            .copied()
            .filter(|&c| c > t && tree.rel(c) == "obl" && tree.case_of(c) != Some("by"));
        for c in obliques {
            for k in tree.children_rel(c, "nmod") {
                if tree.case_of(k) == Some("by") {
                    let found = self.actors_at(k);
                    if !found.is_empty() {
                        return found;
                    }
                }
            }
        }
        Vec::new()
    }
}
