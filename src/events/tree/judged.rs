//! The doer of an act a verb of praise or blame gives as its reason: the
//! one praised or blamed ("thanked Rohan for hosting the talks",
//! "condemned Mordor for the attacks", "criticised Mordor for shelling
//! Dale"). The reason phrase is controlled by the verb's object, not its
//! subject, as with "prevented Rohan from retaliating".

use super::args::Args;
use crate::lexicon::WordClass;

impl Args<'_> {
    /// The actors judged for act `at` (a gerund or an action noun) when
    /// `at` is the "for" or "of" phrase of a verb of praise or blame,
    /// hung on the verb or on its object, and the object names an actor.
    pub(super) fn judged_doer(&self, at: usize) -> Vec<usize> {
        let tree = self.tree;
        let Some(h) = tree.head(at) else {
            return Vec::new();
        };
        if !matches!(tree.case_of(at), Some("for" | "of")) {
            return Vec::new();
        }
        // (the parser hangs the reason on the verb or on its object:
        // "thanked [the President for the dialogue]")
        let on_verb = matches!(tree.rel(at), "advcl" | "obl") && self.judging(h);
        let on_object = matches!(tree.rel(at), "nmod" | "acl")
            && tree.deprel(h) == "obj"
            && tree.head(h).is_some_and(|v| self.judging(v));
        let object = if on_verb {
            tree.children(h)
                .iter()
                .copied()
                .find(|&o| tree.deprel(o) == "obj")
        } else if on_object {
            Some(h)
        } else {
            None
        };
        object.map(|o| self.named_object(o)).unwrap_or_default()
    }

    /// The actors object `o` names by its head: a name, a pronoun, or a
    /// word for people or a body ("the President of Arnor"); not a thing
    /// an actor owns ("condemned Mordor's repression for …", "expressed
    /// his gratitude for …").
    fn named_object(&self, o: usize) -> Vec<usize> {
        let tree = self.tree;
        let people = self.people_word(o);
        let head_ok =
            people || matches!(tree.upos(o), "PROPN" | "PRON") || !self.actors.at(o).is_empty();
        if head_ok {
            self.actors_at(o)
        } else {
            Vec::new()
        }
    }

    /// Whether verb `v` praises or blames its object for a reason
    /// (`events.crediting-verb`), active (a passive's object is its
    /// subject).
    fn judging(&self, v: usize) -> bool {
        let tree = self.tree;
        tree.upos(v) == "VERB"
            && !tree.is_passive(v)
            && self
                .classes
                .has(WordClass::CreditingVerb, &tree.lemma(v).to_lowercase())
    }
}

#[cfg(test)]
#[path = "tests_judged.rs"]
mod tests_judged;
