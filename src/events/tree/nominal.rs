//! The verb that performs a nominal trigger, whose subject (or passive
//! agent) is then the action's source: a light verb or a verb the lexicon
//! pairs with the noun, governing it ("Mordor launched an attack"), in a
//! relative clause on it ("the aid that Lindon delivered", "the sanctions
//! Rohan imposed"), in a participle on it ("the aid provided by Lindon"),
//! or in a relative clause without a pronoun that the parser hung on the
//! noun's own verb ("praised the assistance Lindon has given", read as a
//! complement of "praised").

use super::args::Args;
use crate::events::triggers::{Rel, TriggerPos, TriggerRow};
use crate::lexicon::WordClass;

/// How many levels down a phrase's last token is looked for.
const PHRASE_LEVELS: usize = 4;

/// How many levels below a nominal trigger's "of" phrase a stray target
/// phrase is looked for.
const OF_PHRASE_LEVELS: usize = 2;

impl Args<'_> {
    /// The verb that performs the nominal `t`: the light verb whose
    /// object (or oblique) it is, or a verb in a clause that modifies it.
    pub(super) fn light_verb_of(&self, t: usize) -> Option<usize> {
        let tree = self.tree;
        // (an amount "in" the action stands for it: "pledged $5 million
        // in aid", "the $2 million in assistance provided by Lindon")
        // (and a carrier noun for the act in its "of" phrase: "sent a
        // message of support", see `carrier`)
        let noun = self
            .amount_of(t)
            .or_else(|| self.carrier_of(t))
            .unwrap_or(t);
        // (a coordinated noun shares its first conjunct's verb when that
        // is the verb's object: "justify their actions and new attacks";
        // an oblique's conjuncts are too often misattached, "standing up
        // for human rights, and preventing atrocities")
        let first = self.first_conjunct(noun);
        let relations: &[&str] = if first == noun {
            &["obj", "nsubj:pass", "obl"]
        } else {
            &["obj", "nsubj:pass"]
        };
        if let Some(h) = tree.head(first) {
            let light =
                tree.upos(h) == "VERB" && (self.performs(h, t) || self.journey_on(h, first));
            // (a phrase of topic or cause is what the verb reacts to, not
            // its act: "expressed concern over the arrest of …")
            let reason = tree.deprel(first) == "obl"
                && tree
                    .case_of(first)
                    .is_some_and(|c| self.classes.has(WordClass::ReasonPreposition, c));
            if light && !reason && relations.contains(&tree.deprel(first)) {
                return Some(h);
            }
        }
        let modifier = tree.children(noun).iter().copied().find(|&c| {
            tree.upos(c) == "VERB"
                && self.relative_on(noun, c)
                && !self.own_object(c)
                && self.performs(c, t)
        });
        modifier.or_else(|| self.misread_relative(noun, t))
    }

    /// The sum of money nominal `t` is the "in" phrase of ("$5 million
    /// in aid"): a number or currency sign heading the phrase.
    fn amount_of(&self, t: usize) -> Option<usize> {
        let tree = self.tree;
        let h = tree.head(t)?;
        let amount = matches!(tree.upos(h), "NUM" | "SYM")
            || tree.children(h).iter().any(|&c| tree.upos(c) == "SYM");
        (tree.rel(t) == "nmod" && tree.case_of(t) == Some("in") && amount).then_some(h)
    }

    /// Whether verb `h` is a journey that noun `t`, its "on" phrase, names
    /// ("arrived in Hanoi on a state visit": the one who arrives visits).
    pub(super) fn journey_on(&self, h: usize, t: usize) -> bool {
        let tree = self.tree;
        tree.rel(t) == "obl"
            && tree.case_of(t) == Some("on")
            && self
                .classes
                .has_ignore_ascii_case(WordClass::TargetJourneyVerb, tree.lemma(h))
    }

    /// Whether verb `c`, a dependent of noun `t`, modifies it as a relative
    /// clause or as a participle with a "by" agent ("the aid provided by
    /// Lindon"; without an agent the participle names no performer: "the
    /// aid provided to Dale").
    fn relative_on(&self, t: usize, c: usize) -> bool {
        let tree = self.tree;
        match tree.deprel(c) {
            "acl:relcl" => true,
            "acl" => c > t && tree.xpos(c) == "VBN" && self.agent_phrases(c).next().is_some(),
            _ => false,
        }
    }

    /// Whether verb `c` has an object of its own (not the relative pronoun
    /// that stands for the noun it modifies).
    fn own_object(&self, c: usize) -> bool {
        let tree = self.tree;
        tree.children(c).iter().any(|&o| {
            let relativizer = o < c && tree.upos(o) == "PRON"
                || self.classes.has(WordClass::RelativePronoun, tree.lemma(o));
            tree.rel(o) == "obj" && !relativizer
        })
    }

    /// A relative clause without a pronoun that the parser read as a
    /// clause of the noun's own verb: the noun is that verb's object and
    /// the clause follows it at once with its subject, no subordinator,
    /// no object of its own, and a verb that performs the noun ("Dale
    /// praised the assistance Lindon has given", "criticised the
    /// sanctions Rohan imposed on Mordor").
    /// (`t` is the action noun, `noun` the phrase that stands for it: the
    /// noun itself or its amount.)
    fn misread_relative(&self, noun: usize, t: usize) -> Option<usize> {
        let tree = self.tree;
        let h = tree.head(noun)?;
        if tree.deprel(noun) != "obj" || tree.upos(h) != "VERB" {
            return None;
        }
        let phrase_end = self.phrase_end(noun);
        tree.children(h).iter().copied().find(|&c| {
            // (or a conjunct with no "and": "noted the $3 million in aid
            // Lindon has provided")
            let unjoined = tree.deprel(c) == "conj" && tree.children_rel(c, "cc").next().is_none();
            let clause = unjoined || matches!(tree.deprel(c), "ccomp" | "advcl" | "parataxis");
            let subject = tree
                .children(c)
                .iter()
                .copied()
                .find(|&s| tree.deprel(s) == "nsubj");
            // (the subject's phrase starts right after the noun's)
            let adjacent = subject.is_some_and(|s| {
                let first = tree.children(s).iter().copied().min().unwrap_or(s).min(s);
                first == phrase_end + 1 && s < c
            });
            let subordinated = tree
                .children(c)
                .iter()
                .any(|&m| matches!(tree.rel(m), "mark" | "punct") && m < c);
            clause
                && c > noun
                && tree.upos(c) == "VERB"
                && adjacent
                && !subordinated
                && !self.own_object(c)
                && self.performs(c, t)
        })
    }

    /// The "by" agents of a performing participle, on which the parser
    /// may hang the phrase that follows ("the aid provided by Lindon to
    /// Dale", "to Dale" under "Lindon").
    pub(super) fn agent_phrases(&self, v: usize) -> impl Iterator<Item = usize> + '_ {
        let tree = self.tree;
        tree.children(v).iter().copied().filter(move |&a| {
            tree.deprel(v) == "acl"
                && (tree.deprel(a) == "obl:agent"
                    || tree.rel(a) == "obl" && tree.case_of(a) == Some("by"))
        })
    }

    /// The first of the nouns `t` is coordinated with (`t` itself when it
    /// is no conjunct of a noun).
    fn first_conjunct(&self, t: usize) -> usize {
        let tree = self.tree;
        let mut at = t;
        for _ in 0..PHRASE_LEVELS {
            match tree.head(at) {
                Some(h)
                    if tree.deprel(at) == "conj"
                        && matches!(tree.upos(h), "NOUN" | "PROPN")
                        && !self.contrasted(at) =>
                {
                    at = h
                }
                _ => break,
            }
        }
        at
    }

    /// A phrase the coordinated nouns share, hung on the last of them
    /// ("launched strikes and a blockade against Umbar": the strikes too
    /// are against Umbar); else one hung inside the noun's own "of"
    /// phrase.
    pub(super) fn last_conjunct_target(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        let shared = self.shared_by_conjuncts(t, row);
        if !shared.is_empty() {
            return shared;
        }
        self.of_phrase_target(t, row)
    }

    /// A target phrase of nominal `t` that the parser hung on a noun of
    /// its "of" phrase, a level or two down ("the withdrawal of the forces
    /// of Mordor from Rohan", "from Rohan" under "Mordor"; "the visit of
    /// the Foreign Minister to Dale", "to Dale" under "Minister"). The
    /// nouns of an "of" phrase that names who acts or what is acted on
    /// rarely take the act's own target preposition themselves.
    fn of_phrase_target(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        let tree = self.tree;
        // (only an act whose own phrase named its doer: "the support of a
        // handful of countries to X" names none; and not through an act
        // of its own, "appreciation of Xi's visit to the DPRK")
        let agent = self.nominals.agent.get(t).copied().flatten();
        if row.pos != TriggerPos::Noun || agent.is_none() {
            return Vec::new();
        }
        let preps: Vec<&str> = row
            .target
            .iter()
            .filter_map(|r| match r {
                Rel::Prep(p) if p != "of" => Some(p.as_str()),
                _ => None,
            })
            .collect();
        let nmods = |n: usize| {
            tree.children(n)
                .iter()
                .copied()
                .filter(move |&c| c > n && tree.rel(c) == "nmod" && !self.nominals.trigger(c))
                .collect::<Vec<usize>>()
        };
        let mut level: Vec<usize> = nmods(t)
            .into_iter()
            .filter(|&o| tree.case_of(o) == Some("of"))
            .collect();
        for _ in 0..OF_PHRASE_LEVELS {
            let next: Vec<usize> = level.iter().flat_map(|&n| nmods(n)).collect();
            for &c in &next {
                if tree.case_of(c).is_some_and(|p| preps.contains(&p)) {
                    let found = self.actors_at(c);
                    if !found.is_empty() {
                        return found;
                    }
                }
            }
            level = next;
        }
        Vec::new()
    }

    /// A phrase the coordinated nouns share, hung on the last of them.
    fn shared_by_conjuncts(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        let tree = self.tree;
        let Some(last) = tree
            .children(t)
            .iter()
            .copied()
            .filter(|&c| c > t && tree.deprel(c) == "conj" && !self.contrasted(c))
            .max()
        else {
            return Vec::new();
        };
        row.target
            .iter()
            .filter(|r| matches!(r, Rel::Prep(_)))
            .flat_map(|rel| self.nodes(last, rel))
            .filter(|&n| n > last)
            .map(|n| self.actors_at(n))
            .find(|found| !found.is_empty())
            .unwrap_or_default()
    }

    /// Whether conjunct `c` is set against its first conjunct, not added
    /// to it ("peace rather than war", "sanctions, not talks").
    fn contrasted(&self, c: usize) -> bool {
        let tree = self.tree;
        tree.children(c)
            .iter()
            .any(|&k| tree.rel(k) == "cc" && matches!(tree.lemma(k), "rather" | "not" | "instead"))
    }

    /// The last token of `n`'s phrase (its rightmost descendant, a few
    /// levels down).
    fn phrase_end(&self, n: usize) -> usize {
        let mut end = n;
        for _ in 0..PHRASE_LEVELS {
            match self
                .tree
                .children(end)
                .iter()
                .copied()
                .filter(|&d| d > end)
                .max()
            {
                Some(d) => end = d,
                None => break,
            }
        }
        end
    }

    /// Whether verb `v` performs the action noun `t` names: a light verb
    /// ("launched an attack"), or a verb the lexicon pairs with the noun
    /// ("provided assistance").
    pub(super) fn performs(&self, v: usize, t: usize) -> bool {
        let tree = self.tree;
        if self.classes.has(WordClass::LightVerb, tree.lemma(v)) {
            return true;
        }
        let noun = tree.lemma(t).to_lowercase();
        let verb = tree.lemma(v).to_lowercase();
        self.triggers
            .candidates(&verb, TriggerPos::Verb)
            .iter()
            .any(|&r| self.triggers.rows[r].with.first() == Some(&noun))
    }
}

impl Args<'_> {
    /// The subject (or passive agent) of the light verb that carries
    /// nominal `t`, when none of the slots `rels` names an actor among
    /// `t`'s own dependents: an actor the slots find further away, a
    /// phrase stray on the verb or nested in another phrase, yields to it
    /// ("strikes were carried out by Gondor with support from Rohan":
    /// "from Rohan" belongs to "support", and Gondor strikes).
    pub(super) fn light_subject(&self, t: usize, rels: &[Rel]) -> Vec<usize> {
        if !self.nominals.trigger(t) {
            return Vec::new();
        }
        let direct = rels
            .iter()
            .flat_map(|r| self.nodes(t, r))
            .any(|n| !self.actors_at(n).is_empty());
        if direct {
            return Vec::new();
        }
        match self.light_verb_of(t) {
            Some(v) if v != t => self.by_rels(v, &[Rel::Subj]),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
#[path = "tests_nominal.rs"]
mod tests_nominal;
