//! What a trigger's object is: an actor, a word for people or a body, or
//! a thing (the rows' `actorobj`, `actorhead` and `nomoney` flags ask).

use super::args::Args;
use crate::events::triggers::{Rel, TriggerRow};
use crate::lexicon::WordClass;

impl Args<'_> {
    /// Whether `t`'s object is of the kind the row's flags ask for
    /// (`actorobj`, `actorhead`, `nomoney`).
    pub fn object_fits(&self, t: usize, row: &TriggerRow) -> bool {
        (!row.flags.actorobj || self.object_is_actor(t))
            && (!row.flags.actorhead || self.object_head_is_actor(t))
            && (!row.flags.nomoney || !self.object_is_amount(t, row))
    }

    /// Whether node `o` is a word for people or a body (a role, side or
    /// agent noun: "officials", "the two sides", "the Ministry").
    pub fn people_word(&self, o: usize) -> bool {
        let lemma = self.tree.lemma(o).to_lowercase();
        [
            WordClass::RoleWord,
            WordClass::SideNoun,
            WordClass::AgentNoun,
        ]
        .iter()
        .any(|&class| self.classes.has(class, &lemma))
    }

    /// Whether `t`'s object, if it has one, names an actor: it is headed
    /// by a name, a pronoun or a word for people or a body ("met EU
    /// officials"), or it is an actor's own ("admire Gondor's
    /// institutions"); an actor that only modifies a thing is another
    /// sense ("meet NATO standards", "meet the needs of Dale's refugees").
    pub fn object_is_actor(&self, t: usize) -> bool {
        let tree = self.tree;
        self.nodes(t, &Rel::Obj).into_iter().all(|o| {
            let people = self.people_word(o);
            let owned = tree
                .children(o)
                .iter()
                .any(|&c| tree.deprel(c) == "nmod:poss" && !self.actors_at(c).is_empty());
            // ("meet Gondor's needs": what is met is no party, whoever owns it)
            let satisfied = self
                .classes
                .has(WordClass::SatisfiedNoun, &tree.lemma(o).to_lowercase());
            let head_ok = people
                || owned
                || matches!(tree.upos(o), "PROPN" | "PRON")
                || !self.actors.at(o).is_empty();
            head_ok && !satisfied && !self.actors_at(o).is_empty()
        })
    }

    /// Whether `t` has an object whose head is a person itself (a name or
    /// a pronoun for one), or a role or side noun whose phrase names an
    /// actor ("the Envoy of X", "a delegation from X"), and no nominal
    /// predicate after it ("called Y a partner"). A named object of
    /// another kind is another sense ("received the Freedom Award", "call
    /// it genocide" with "it" for a state).
    pub fn object_head_is_actor(&self, t: usize) -> bool {
        let tree = self.tree;
        // (an "as" phrase is a predicate too: "welcomed X as the new Envoy")
        let predicate = tree.children(t).iter().any(|&c| {
            tree.deprel(c) == "xcomp" && matches!(tree.upos(c), "NOUN" | "PROPN" | "ADJ")
                || tree.rel(c) == "obl" && tree.case_of(c) == Some("as")
        });
        let objects = self.nodes(t, &Rel::Obj);
        !predicate
            && objects.len() == 1
            && objects.iter().all(|&o| {
                let lemma = tree.lemma(o).to_lowercase();
                let role = self.classes.has(WordClass::RoleWord, &lemma)
                    || self.classes.has(WordClass::SideNoun, &lemma);
                let here = self.actors.at(o);
                let person = !here.is_empty() && here.iter().all(|&a| self.actors.is_person(a));
                person || role && !self.actors_at(o).is_empty()
            })
    }

    /// Whether `t` has a subject of its own.
    pub fn has_own_subject(&self, t: usize) -> bool {
        self.tree
            .children(t)
            .iter()
            .any(|&c| matches!(self.tree.rel(c), "nsubj" | "csubj"))
    }
}
