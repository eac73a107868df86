//! Sources and targets from the tree: a row's slots name the relations,
//! and a trigger without a subject of its own takes the one the grammar
//! gives it (control, coordination, light verbs).

use super::actors::{ActorIndex, Nominals};
use super::view::TreeView;
use crate::events::triggers::{Rel, TriggerPos, TriggerRow, Triggers};
use crate::lexicon::{WordClass, WordClasses};

/// What the argument finder consults.
pub struct Args<'a> {
    /// The tree.
    pub tree: &'a TreeView<'a>,
    /// Actor lookup.
    pub actors: &'a ActorIndex<'a>,
    /// Word classes (light verbs).
    pub classes: &'a WordClasses,
    /// The nominal triggers and their agents.
    pub nominals: &'a Nominals,
    /// The trigger lexicon (which verbs take which action nouns).
    pub triggers: &'a Triggers,
    /// Whether the document is a readout: its title names a meeting or
    /// call (see `discourse_target::meeting_title`).
    pub readout: bool,
}

impl Args<'_> {
    /// The actors node `node` stands for, with its conjuncts.
    pub fn actors_at(&self, node: usize) -> Vec<usize> {
        self.actors.of_nodes(self.tree, node, self.nominals)
    }

    /// The nodes relation `rel` picks among `t`'s dependents.
    pub fn nodes(&self, t: usize, rel: &Rel) -> Vec<usize> {
        let tree = self.tree;
        let passive = tree.is_passive(t);
        let by_agent =
            |c: usize| matches!(tree.rel(c), "obl" | "nmod") && tree.case_of(c) == Some("by");
        let has_obj = tree.children(t).iter().any(|&c| tree.deprel(c) == "obj");
        let picked: Vec<usize> = tree
            .children(t)
            .iter()
            .copied()
            .filter(|&c| match rel {
                Rel::Subj if passive => by_agent(c),
                Rel::Subj => matches!(tree.deprel(c), "nsubj" | "nsubj:outer" | "nsubj:pass"),
                Rel::Obj if passive => tree.deprel(c) == "nsubj:pass",
                // (a verb with a clause after it may have its one object
                // parsed as indirect: "warned Mordor that …")
                Rel::Obj => tree.deprel(c) == "obj" || tree.deprel(c) == "iobj" && !has_obj,
                Rel::Iobj => tree.deprel(c) == "iobj",
                // (a town as a compound is where it happened, not who did
                // it: "the Mumbai attacks")
                Rel::Poss => match tree.deprel(c) {
                    "nmod:poss" | "amod" => true,
                    "compound" => !self.actors.is_town(c),
                    _ => false,
                },
                // (a purpose clause, "called on X to agree", is parsed
                // either way)
                // (a noun's infinitive is its modifier: "the need for X
                // to withdraw")
                Rel::Xcomp => {
                    tree.deprel(c) == "xcomp"
                        || matches!(tree.deprel(c), "advcl" | "acl")
                            && tree.case_of(c) == Some("to")
                }
                Rel::Ccomp => tree.deprel(c) == "ccomp",
                Rel::Prep(p) => {
                    let marker = tree.case_of(c).or_else(|| self.leading_case(c));
                    let cased = matches!(tree.rel(c), "obl" | "nmod") && marker == Some(p.as_str());
                    cased || self.particle_object(t, c, p)
                }
            })
            .collect();
        // (a later conjunct shares the first one's possessor or phrase:
        // "Gondor's threats and attacks", see `conjoined`)
        let mut picked = picked;
        // (or the carrier noun's: "Gondor's provision of assistance",
        // see `carrier`)
        match rel {
            Rel::Poss => {
                picked.extend(self.shared_possessors(t));
                if !picked.iter().any(|&c| tree.deprel(c) == "nmod:poss") {
                    picked.extend(self.carried_nodes(t, rel));
                }
            }
            Rel::Prep(_) if picked.is_empty() => {
                picked.extend(self.shared_phrases(t, rel));
                if picked.is_empty() {
                    picked.extend(self.carried_nodes(t, rel));
                }
            }
            _ => {}
        }
        if matches!(rel, Rel::Subj) && picked.len() > 1 {
            // two subjects are a parse error ("Since the beginning of …,
            // Gondor has provided"): the one nearest the verb is its own
            return picked
                .into_iter()
                .min_by_key(|&c| c.abs_diff(t))
                .into_iter()
                .collect();
        }
        picked
    }

    /// The actors of the first relation in `rels` that yields any; a
    /// prepositional slot may also be filled by a phrase the parser hung
    /// on the trigger's dependent after it ("attacks by Mordor against
    /// Arnor", with "against Arnor" under "Mordor").
    pub fn by_rels(&self, t: usize, rels: &[Rel]) -> Vec<usize> {
        for rel in rels {
            for node in self.nodes(t, rel) {
                let mut found = self.actors_at(node);
                if found.is_empty() && !matches!(rel, Rel::Subj) {
                    found = self.authored_by(node);
                }
                if found.is_empty() && matches!(rel, Rel::Obj) {
                    found = self.stray_agent(t, node);
                }
                if !found.is_empty() {
                    return found;
                }
            }
        }
        if rels.contains(&Rel::Subj) {
            let found = self.stray_passive_agent(t);
            if !found.is_empty() {
                return found;
            }
        }
        let tree = self.tree;
        // ("of" phrases nest: "the people of Arnor" is no fallback)
        for rel in rels
            .iter()
            .filter(|r| matches!(r, Rel::Prep(p) if p != "of"))
        {
            let shared = self.shared_after(t);
            for &c in tree.children(t).iter().chain(&shared) {
                if c < t || tree.is_clausal(c) || !matches!(tree.rel(c), "obj" | "obl" | "nmod") {
                    continue;
                }
                // (the phrases of an action noun with an agent of its own
                // are that action's: "discussed Rohan's talks with the
                // Council" names no partner; not so when the agent is the
                // trigger's subject, "imposed its sanctions on Rohan")
                let agent = self.nominals.agent.get(c).copied().flatten();
                if agent.is_some_and(|a| !self.by_rels(t, &[Rel::Subj]).contains(&a)) {
                    continue;
                }
                for node in self.nodes(c, rel) {
                    let found = self.actors_at(node);
                    if !found.is_empty() {
                        return found;
                    }
                }
            }
        }
        if self.nominals.trigger(t) {
            return self.sibling_phrase(t, rels);
        }
        Vec::new()
    }

    /// The two parties of a nominal act "between" them, on the noun or on
    /// its "of" phrase ("fighting between Harad and Umbar", "the signing
    /// of the treaty between Rohan and Dale"): each acts towards the other
    /// (dev README: fighting "between A and B" is one event per direction).
    pub fn between_parties(&self, t: usize) -> Vec<usize> {
        let tree = self.tree;
        let between = Rel::Prep("between".to_string());
        let of_phrase = tree
            .children(t)
            .iter()
            .copied()
            .filter(|&c| tree.rel(c) == "nmod" && tree.case_of(c) == Some("of"));
        std::iter::once(t)
            .chain(of_phrase)
            .flat_map(|h| self.nodes(h, &between))
            .map(|n| self.actors_at(n))
            .find(|found| found.len() == 2)
            .unwrap_or_default()
    }

    /// The trigger's source actors: its slots, else the subject the
    /// grammar lends it.
    pub fn source(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        let patient_possessor = !self.patient_possessor(t, row).is_empty();
        let mut rels: Vec<Rel> = row
            .source
            .iter()
            .filter(|r| !patient_possessor || !matches!(r, Rel::Poss))
            .cloned()
            .collect();
        // (with a "by" agent, "of" names the patient: "the censure of
        // Mordor by the Council")
        let by = Rel::Prep("by".to_string());
        if rels.contains(&by) && !self.nodes(t, &by).is_empty() {
            rels.retain(|r| !matches!(r, Rel::Prep(p) if p == "of"));
        }
        let own = self.by_rels(t, &rels);
        if !own.is_empty() {
            let lent = self.light_subject(t, &rels);
            let own = if lent.is_empty() { own } else { lent };
            return self.speaker_for_own_side(t, (row.pos, row.kind), own);
        }
        if self.has_own_subject(t) {
            if row.pos != TriggerPos::Verb && (self.misread_verb(t) || self.in_state_of(t)) {
                // (the subject itself names the actor: not one deep in its
                // phrase, "the importance of Arnor's mediation")
                return self
                    .nodes(t, &Rel::Subj)
                    .into_iter()
                    .flat_map(|s| self.tree.with_conjuncts(s))
                    .flat_map(|s| self.named_near(s))
                    .collect();
            }
            if row.pos == TriggerPos::Verb {
                return super::aside::subject_after_participle(self, t);
            }
            return Vec::new();
        }
        let inherited = self.inherited_subject(t, row.pos);
        if inherited.is_empty() && row.flags.req && row.pos == TriggerPos::Noun {
            return self.stated_by(t);
        }
        if inherited.is_empty() && row.pos == TriggerPos::Verb {
            return super::aside::subject_before_aside(self, t);
        }
        if inherited.is_empty() && row.pos == TriggerPos::Adj && !row.flags.judge {
            return super::aside::modified_noun(self, t);
        }
        inherited
    }

    /// Who states a request noun: the subject of the reporting verb whose
    /// object it is ("Gondor stressed the need for Mordor to withdraw").
    fn stated_by(&self, t: usize) -> Vec<usize> {
        let tree = self.tree;
        match tree.head(t) {
            Some(h)
                if tree.deprel(t) == "obj"
                    && self.classes.has(WordClass::ReportingVerb, tree.lemma(h)) =>
            {
                self.by_rels(h, &[Rel::Subj])
            }
            _ => Vec::new(),
        }
    }

    /// The actors node `s` names itself, through a relative pronoun or
    /// its own dependents ("the Government of Rohan"), not deeper.
    fn named_near(&self, s: usize) -> Vec<usize> {
        let tree = self.tree;
        let here = self.actors.at(s);
        if !here.is_empty() {
            return here;
        }
        if self.classes.has(WordClass::RelativePronoun, tree.lemma(s)) {
            return self.actors_at(s);
        }
        tree.children(s)
            .iter()
            .filter(|&&c| !tree.is_clausal(c))
            .map(|&c| self.actors.at(c))
            .find(|found| !found.is_empty())
            .unwrap_or_default()
    }

    /// Whether nominal `t` is a prepositional predicate: its subject is in
    /// the act ("Rohan is on a visit to Lindon", "the two sides are in
    /// talks", "Harad has been at war with Umbar").
    fn in_state_of(&self, t: usize) -> bool {
        let tree = self.tree;
        let has = |rel: &str| {
            tree.children(t)
                .iter()
                .any(|&c| c < t && tree.rel(c) == rel)
        };
        let place = tree.children(t).iter().any(|&c| {
            c < t && tree.rel(c) == "case" && matches!(tree.lemma(c), "on" | "in" | "at")
        });
        has("cop") && place
    }

    /// Whether nominal `t` has a subject and, between the two, a verb the
    /// parser hung on it as a modifier: the verb is the clause's and its
    /// subject performs the action ("Rohan imposed sanctions", "Rohan is
    /// imposing sanctions" read as a noun phrase).
    fn misread_verb(&self, t: usize) -> bool {
        let tree = self.tree;
        let Some(s) = tree
            .children(t)
            .iter()
            .copied()
            .find(|&c| tree.deprel(c) == "nsubj")
        else {
            return false;
        };
        // (a determiner or preposition before it makes it a modifier: "is
        // on a working visit")
        let phrase_start = tree
            .children(t)
            .iter()
            .copied()
            .find(|&c| c > s && matches!(tree.rel(c), "det" | "case" | "nmod"));
        tree.children(t).iter().any(|&c| {
            let verb =
                tree.upos(c) == "VERB" || tree.upos(c) == "ADJ" && tree.lemma(c).ends_with("ing");
            let bare = phrase_start.is_none_or(|p| p > c);
            s < c && c < t && tree.rel(c) == "amod" && verb && bare
        })
    }

    /// The trigger's target actors (after a light verb, its prepositional
    /// phrases count too: "launched an attack on Arnor").
    pub fn target(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        if row.flags.notgt {
            return Vec::new();
        }
        let mut found = self.slot_target(t, row);
        let gathering = found.iter().any(|&a| self.actors.is_gathering(a));
        found.retain(|&a| !self.actors.is_gathering(a));
        if found.is_empty() {
            let host = self.gathering_host(t, row);
            if gathering || !host.is_empty() {
                return host;
            }
        }
        let found = self.without_located_towns(t, row, found);
        let found = self.without_topics(t, row, found);
        if !found.is_empty() {
            return found;
        }
        let reached = self.reached_by(t, row);
        if !reached.is_empty() {
            return reached;
        }
        let defender = self.defender(t, row);
        if !defender.is_empty() {
            return defender;
        }
        self.place_target(t, row)
    }

    /// The target the row's slots and the light verb give.
    fn slot_target(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        let own = self.by_rels(t, &row.target);
        if !own.is_empty() {
            return own;
        }
        let own = self.supplied_object(t, row);
        if !own.is_empty() {
            return own;
        }
        let own = self.in_further_words(t, row);
        if !own.is_empty() {
            return own;
        }
        let own = self.infinitive_subject(t, row);
        if !own.is_empty() {
            return own;
        }
        let patient = self.patient_possessor(t, row);
        if !patient.is_empty() {
            return patient;
        }
        if row.pos == TriggerPos::Verb {
            // (a slot of its own, even one naming no actor, is not shared)
            if self.slot_filled(t, row) {
                return Vec::new();
            }
            return self.shared_object(t, row);
        }
        let received = self.receiver(t);
        if !received.is_empty() {
            return received;
        }
        let shared = self.last_conjunct_target(t, row);
        if !shared.is_empty() {
            return shared;
        }
        let Some(v) = self.light_verb_of(t) else {
            return Vec::new();
        };
        // (not the nominal itself: in "expressed gratitude for Lindon's
        // assistance" the "for" phrase of "expressed" is the aid)
        let heads = std::iter::once(v).chain(self.agent_phrases(v));
        let heads: Vec<usize> = heads.collect();
        let found = row
            .target
            .iter()
            .filter(|r| matches!(r, Rel::Prep(_)))
            .flat_map(|rel| heads.iter().flat_map(move |&h| self.nodes(h, rel)))
            .filter(|&n| n != t)
            .map(|n| self.actors_at(n))
            .find(|found| !found.is_empty())
            .unwrap_or_default();
        if found.is_empty() && self.journey_on(v, t) {
            return self.journey_host(v);
        }
        found
    }

    /// The persons possessing a `posspatient` nominal ("Hurin's
    /// arrest"): those acted on.
    pub fn patient_possessor(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        if !row.flags.posspatient {
            return Vec::new();
        }
        let tree = self.tree;
        let possessors: Vec<usize> = tree
            .children(t)
            .iter()
            .copied()
            .filter(|&c| tree.deprel(c) == "nmod:poss")
            .chain(self.shared_possessors(t))
            .filter(|&c| tree.deprel(c) == "nmod:poss")
            .flat_map(|c| self.actors.at(c))
            .collect();
        if !possessors.is_empty() && possessors.iter().all(|&a| self.actors.is_person(a)) {
            possessors
        } else {
            Vec::new()
        }
    }
}
