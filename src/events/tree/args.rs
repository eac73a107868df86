//! Sources and targets from the tree: a row's slots name the relations,
//! and a trigger without a subject of its own takes the one the grammar
//! gives it (control, coordination, light verbs).

use super::actors::{ActorIndex, Nominals};
use super::view::TreeView;
use crate::events::triggers::{Rel, TriggerPos, TriggerRow, Triggers};
use crate::lexicon::{WordClass, WordClasses};

/// How many clauses up a missing subject is inherited from.
const INHERIT_DEPTH: usize = 6;

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
                Rel::Xcomp => {
                    tree.deprel(c) == "xcomp"
                        || tree.deprel(c) == "advcl" && tree.case_of(c) == Some("to")
                }
                Rel::Ccomp => tree.deprel(c) == "ccomp",
                Rel::Prep(p) => {
                    matches!(tree.rel(c), "obl" | "nmod") && tree.case_of(c) == Some(p.as_str())
                }
            })
            .collect();
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
            for &c in tree.children(t) {
                if c < t || tree.is_clausal(c) || !matches!(tree.rel(c), "obj" | "obl" | "nmod") {
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

    /// The trigger's source actors: its slots, else the subject the
    /// grammar lends it.
    pub fn source(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        let own = if self.patient_possessor(t, row).is_empty() {
            self.by_rels(t, &row.source)
        } else {
            let rels: Vec<Rel> = row
                .source
                .iter()
                .filter(|r| !matches!(r, Rel::Poss))
                .cloned()
                .collect();
            self.by_rels(t, &rels)
        };
        if !own.is_empty() {
            return self.speaker_for_own_side(t, row.pos, own);
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
            return Vec::new();
        }
        let inherited = self.inherited_subject(t, row.pos);
        if inherited.is_empty() && row.pos == TriggerPos::Verb {
            return super::aside::subject_before_aside(self, t);
        }
        if inherited.is_empty() && row.pos == TriggerPos::Adj && !row.flags.judge {
            return super::aside::modified_noun(self, t);
        }
        inherited
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

    /// A nominal trigger's possessor that is the state of the person who
    /// performs the light verb gives way to the person ("the Minister of
    /// Rohan expressed Rohan's support": the Minister).
    fn speaker_for_own_side(&self, t: usize, pos: TriggerPos, own: Vec<usize>) -> Vec<usize> {
        if pos == TriggerPos::Verb || self.light_verb_of(t).is_none() {
            return own;
        }
        let performer = self.inherited_subject(t, pos);
        let speaks_for = |p: usize| {
            self.actors.is_person(p) && self.actors.affiliation(p).is_some_and(|s| own.contains(&s))
        };
        if performer.len() == 1 && speaks_for(performer[0]) {
            performer
        } else {
            own
        }
    }

    /// The trigger's target actors (after a light verb, its prepositional
    /// phrases count too: "launched an attack on Arnor").
    pub fn target(&self, t: usize, row: &TriggerRow) -> Vec<usize> {
        if row.flags.notgt {
            return Vec::new();
        }
        let own = self.by_rels(t, &row.target);
        if !own.is_empty() {
            return own;
        }
        let own = self.in_further_words(t, row);
        if !own.is_empty() {
            return own;
        }
        let patient = self.patient_possessor(t, row);
        if !patient.is_empty() {
            return patient;
        }
        if row.pos == TriggerPos::Verb {
            return self.shared_object(t, row);
        }
        let received = self.receiver(t);
        if !received.is_empty() {
            return received;
        }
        match self.light_verb_of(t) {
            Some(v) => {
                let preps: Vec<Rel> = row
                    .target
                    .iter()
                    .filter(|r| matches!(r, Rel::Prep(_)))
                    .cloned()
                    .collect();
                self.by_rels(v, &preps)
            }
            None => Vec::new(),
        }
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
            .flat_map(|c| self.actors.at(c))
            .collect();
        if !possessors.is_empty() && possessors.iter().all(|&a| self.actors.is_person(a)) {
            possessors
        } else {
            Vec::new()
        }
    }

    /// Whether `t`'s object, if it has one, names an actor.
    pub fn object_is_actor(&self, t: usize) -> bool {
        self.nodes(t, &Rel::Obj)
            .into_iter()
            .all(|o| !self.actors_at(o).is_empty())
    }

    /// Whether `t` has an object whose head is a person itself (a name or
    /// a pronoun for one), or a role or side noun whose phrase names an
    /// actor ("the Envoy of X", "a delegation from X"), and no nominal
    /// predicate after it ("called Y a partner"). A named object of
    /// another kind is another sense ("received the Freedom Award", "call
    /// it genocide" with "it" for a state).
    pub fn object_head_is_actor(&self, t: usize) -> bool {
        let tree = self.tree;
        let predicate = tree.children(t).iter().any(|&c| {
            tree.deprel(c) == "xcomp" && matches!(tree.upos(c), "NOUN" | "PROPN" | "ADJ")
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

    /// The light verb whose object (or oblique) the nominal `t` is, or
    /// that a relative clause on it performs it with ("the aid that
    /// Lindon delivered to Dale", "the sanctions Rohan imposed").
    fn light_verb_of(&self, t: usize) -> Option<usize> {
        let tree = self.tree;
        if let Some(h) = tree.head(t) {
            let light = tree.upos(h) == "VERB" && self.performs(h, t);
            if light && matches!(tree.deprel(t), "obj" | "nsubj:pass" | "obl") {
                return Some(h);
            }
        }
        tree.children(t).iter().copied().find(|&c| {
            // (its object is the noun, or the relative pronoun for it)
            let own_object = tree.children(c).iter().any(|&o| {
                let relativizer = o < c && tree.upos(o) == "PRON"
                    || self.classes.has(WordClass::RelativePronoun, tree.lemma(o));
                tree.rel(o) == "obj" && !relativizer
            });
            tree.deprel(c) == "acl:relcl"
                && tree.upos(c) == "VERB"
                && !own_object
                && self.performs(c, t)
        })
    }

    /// Whether verb `v` performs the action noun `t` names: a light verb
    /// ("launched an attack"), or a verb the lexicon pairs with the noun
    /// ("provided assistance").
    fn performs(&self, v: usize, t: usize) -> bool {
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

    /// The subject a trigger without one takes: the controller of an open
    /// complement ("Gondor decided to withdraw"; "urged Arnor to
    /// withdraw": the object), the subject of the first conjunct ("Gondor
    /// attacked and occupied"), of the clause an adverbial participle
    /// hangs on ("Welcoming …, Gondor said"), or of a light verb
    /// ("Gondor launched an attack"); a predicative adjective's is its
    /// verb's, as a complement's ("Gondor remains concerned about …").
    pub fn inherited_subject(&self, t: usize, pos: TriggerPos) -> Vec<usize> {
        let tree = self.tree;
        let mut at = t;
        if pos != TriggerPos::Verb {
            match self.light_verb_of(t) {
                Some(v) => at = v,
                None if tree.deprel(t) == "xcomp" => {}
                None => return Vec::new(),
            }
            let own = self.by_rels(at, &[Rel::Subj]);
            if at != t && (!own.is_empty() || self.has_own_subject(at)) {
                return own;
            }
        }
        for _ in 0..INHERIT_DEPTH {
            let Some(h) = tree.head(at) else {
                return Vec::new();
            };
            // "refrained from criticising": the gerund is the refusing
            // verb's complement
            let refused = tree.rel(at) == "obl"
                && tree.upos(at) == "VERB"
                && tree.case_of(at) == Some("from")
                && self.classes.has(WordClass::NegatingVerb, tree.lemma(h));
            let found = match tree.deprel(at) {
                _ if refused => self.by_rels(h, &[Rel::Subj]),
                "xcomp" => {
                    let object = self.by_rels(h, &controller_rels());
                    if object.is_empty() {
                        self.by_rels(h, &[Rel::Subj])
                    } else {
                        object
                    }
                }
                "conj" | "advcl" => self.by_rels(h, &[Rel::Subj]),
                // (a past participle on a noun with no object of its own
                // acts on the noun: "the sailors detained in Umbar" are
                // detained, they speak for no one; one with an object is a
                // verb the parser misread, "Australia had … provided aid")
                "acl"
                    if tree.xpos(at) == "VBN" && tree.children_rel(at, "obj").next().is_none() =>
                {
                    return Vec::new()
                }
                "acl" => match self.issuer_of(h) {
                    Some((found, verb)) if found.is_empty() => {
                        at = verb;
                        continue;
                    }
                    Some((found, _)) => found,
                    None => return Vec::new(),
                },
                _ => return Vec::new(),
            };
            if !found.is_empty() || self.has_own_subject(h) {
                return found;
            }
            at = h;
        }
        Vec::new()
    }
}

impl Args<'_> {
    /// Who speaks through a noun a participle modifies ("the Council
    /// adopted a resolution calling on …"; "issued a statement condemning
    /// …"): the actor the noun names, else the subject of the verb the
    /// noun is the object or oblique of, with that verb (whose own
    /// inherited subject applies when it has none).
    fn issuer_of(&self, noun: usize) -> Option<(Vec<usize>, usize)> {
        let tree = self.tree;
        if tree.upos(noun) == "VERB" {
            return None;
        }
        let named = self.actors_at(noun);
        if !named.is_empty() {
            return Some((named, noun));
        }
        let verb = tree.head(noun)?;
        if tree.upos(verb) != "VERB" || !matches!(tree.deprel(noun), "obj" | "obl") {
            return None;
        }
        let found = self.by_rels(verb, &[Rel::Subj]);
        if found.is_empty() && self.has_own_subject(verb) {
            return None;
        }
        Some((found, verb))
    }
}

/// Where an open complement's controller is, before the subject: the
/// object ("urged Arnor to withdraw") or the one called on ("called on
/// Arnor to withdraw").
fn controller_rels() -> [Rel; 4] {
    [
        Rel::Obj,
        Rel::Iobj,
        Rel::Prep("on".to_string()),
        Rel::Prep("upon".to_string()),
    ]
}
