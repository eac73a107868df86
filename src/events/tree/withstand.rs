//! The target of a hostile act the text names only as what someone
//! withstands: the one who defends against it, faces it or fights it
//! ("support for Gondor as it defends itself against Mordor's aggression",
//! "Gondor's defence against Mordor's war", "support Gondor in the face of
//! Mordor's invasion": Gondor). PLOVER ASSAULT and COERCE: the target is
//! who suffers the act, and one defends against what is done to oneself.
//! A third party's stand against an act ("we oppose the aggression",
//! "sanctions to counter it") names no victim and is left alone.

use super::args::Args;
use crate::doc::PloverType;
use crate::events::triggers::{Rel, TriggerPos, TriggerRow};
use crate::lexicon::WordClass;

/// The prepositions that mark what is withstood ("defends itself against
/// the attack", "protect Dale from the raids").
fn withstood_case(case: Option<&str>) -> bool {
    matches!(case, Some("against" | "from"))
}

impl Args<'_> {
    /// The party that withstands the hostile nominal `t`: the subject of
    /// the defending verb whose object or "against" phrase it is (through
    /// an "as it …" clause to the party just named), the possessor of a
    /// noun of defence, or the one supported "in the face of" it.
    pub(super) fn withstander(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        let tree = self.tree;
        let hostile = matches!(row.kind, PloverType::Assault | PloverType::Coerce);
        if !hostile || row.pos != TriggerPos::Noun {
            return Vec::new();
        }
        let Some(h) = tree.head(t) else {
            return Vec::new();
        };
        let lemma = tree.lemma(h).to_lowercase();
        // ("in the face of the war": the one supported faces it)
        if lemma == "face" && tree.case_of(h) == Some("in") && tree.case_of(t) == Some("of") {
            return tree.head(h).map(|g| self.supported(g)).unwrap_or_default();
        }
        let attached = tree.deprel(t) == "obj"
            || matches!(tree.rel(t), "obl" | "nmod") && withstood_case(tree.case_of(t));
        if !attached || !self.withstands(h) {
            return Vec::new();
        }
        match tree.upos(h) {
            "VERB" => self.defending_subject(h),
            "NOUN" => {
                let own: Vec<usize> = tree
                    .children(h)
                    .iter()
                    .filter(|&&p| tree.deprel(p) == "nmod:poss")
                    .flat_map(|&p| self.actors_at(p))
                    .collect();
                if !own.is_empty() {
                    return own;
                }
                tree.head(h).map(|g| self.supported(g)).unwrap_or_default()
            }
            _ => Vec::new(),
        }
    }

    /// Whether token `h` is a word of withstanding an act.
    fn withstands(&self, h: usize) -> bool {
        let lemma = self.tree.lemma(h).to_lowercase();
        let verb =
            self.tree.upos(h) == "VERB" && self.classes.has(WordClass::TargetDefendingVerb, &lemma);
        verb || self.classes.has(WordClass::TargetWithstandingWord, &lemma)
    }

    /// Who performs the defending verb `h`: its named subject; for "it"
    /// or "they" in an "as" or "while" clause, the party named just
    /// before it ("support for Gondor as it defends itself"); for a verb
    /// without a subject, the object of the verb it complements ("support
    /// Gondor in defending itself", "help Gondor defend itself").
    fn defending_subject(&self, h: usize) -> Vec<usize> {
        let tree = self.tree;
        let subjects = self.nodes(h, &Rel::Subj);
        if let Some(&s) = subjects.first() {
            if tree.upos(s) != "PRON" {
                return self.actors_at(s);
            }
            return self.clause_antecedent(h, s);
        }
        let Some(g) = tree.head(h) else {
            return Vec::new();
        };
        if !matches!(tree.deprel(h), "xcomp" | "advcl") || tree.upos(g) != "VERB" {
            return Vec::new();
        }
        // (an action noun as the object stands for its agent, not for
        // the one helped)
        self.nodes(g, &Rel::Obj)
            .into_iter()
            .filter(|&o| !self.nominals.trigger(o))
            .map(|o| self.actors_at(o))
            .find(|found| !found.is_empty())
            .unwrap_or_default()
    }

    /// The party a third-person pronoun subject `s` of the adverbial
    /// clause `h` ("as it defends itself") refers to: the nearest name
    /// before the clause inside the clause it modifies.
    fn clause_antecedent(&self, h: usize, s: usize) -> Vec<usize> {
        let tree = self.tree;
        let lemma = tree.lemma(s).to_lowercase();
        if !matches!(lemma.as_str(), "it" | "they") || tree.deprel(h) != "advcl" {
            return Vec::new();
        }
        let marked = tree
            .children_rel(h, "mark")
            .any(|m| matches!(tree.lemma(m).to_lowercase().as_str(), "as" | "while"));
        let (Some(g), true) = (tree.head(h), marked) else {
            return Vec::new();
        };
        let start = tree.children(h).iter().copied().min().unwrap_or(h).min(h);
        for k in (0..start).rev() {
            let inside = k == g || tree.ancestors(k).any(|a| a == g);
            if !inside {
                break;
            }
            if tree.upos(k) == "PRON" {
                continue;
            }
            let found = self.actors.at(k);
            if found.is_empty() {
                continue;
            }
            // ("it" is no person)
            if lemma == "it" && found.iter().any(|&a| self.actors.is_person(a)) {
                return Vec::new();
            }
            return found;
        }
        Vec::new()
    }

    /// The one supported by the verb or noun `g` (its object, or its
    /// "for", "to" or "with" phrase; through a verb's object noun:
    /// "reaffirmed their support for Gondor").
    fn supported(&self, g: usize) -> Vec<usize> {
        let tree = self.tree;
        let preps = ["for", "to", "with"];
        let mut heads = vec![g];
        if tree.upos(g) == "VERB" {
            // (a name itself, not what an object noun stands for: the
            // agent of "reaffirmed their support" is the supporter)
            let objects = self.nodes(g, &Rel::Obj);
            for &o in &objects {
                let found = self.actors.at(o);
                if !found.is_empty() && tree.upos(o) != "PRON" {
                    return found;
                }
            }
            heads.extend(objects);
        }
        for h in heads {
            for &c in tree.children(h) {
                let cased = matches!(tree.rel(c), "obl" | "nmod")
                    && tree.case_of(c).is_some_and(|p| preps.contains(&p));
                if !cased || tree.upos(c) == "PRON" {
                    continue;
                }
                let found = self.actors_at(c);
                if !found.is_empty() {
                    return found;
                }
            }
        }
        Vec::new()
    }
}
