//! Which actor a node of the tree stands for.
//!
//! A node names an actor when an actor span of the `actors` stage covers
//! it ("Gondor", "the Foreign Minister", "we"); a relative pronoun stands
//! for the noun its clause modifies; otherwise the actor is looked for
//! inside the node's phrase, nearest dependents first, without crossing
//! into a clause ("the forces of Gondor" → Gondor). Inside a nominal
//! trigger only its agent counts ("condemned the attack by Mordor on
//! Arnor" → Mordor, not Arnor).

use std::collections::HashMap;

use super::view::TreeView;

#[path = "actor_places.rs"]
mod places;
use crate::doc::{ActorKind, ActorRef, Coverage, Doc};
use crate::lexicon::{WordClass, WordClasses};
use places::{place_states, town_tokens};

/// How many levels below a title word its holder's name is looked for
/// (a title chain of two offices, each with a body of a body).
const TITLE_PHRASE_DEPTH: usize = 8;

/// The nominal triggers of a document and, once found, their agents.
#[derive(Debug, Clone, Default)]
pub struct Nominals {
    /// Token → is a nominal trigger.
    pub is_trigger: Vec<bool>,
    /// Token → the nominal trigger's agent (its source), when found.
    pub agent: Vec<Option<usize>>,
    /// Token → a nominal trigger whose possessor is the one acted on
    /// ("Hurin's arrest"), so no agent.
    pub patient_possessor: Vec<bool>,
}

impl Nominals {
    /// Whether token `i` is a nominal trigger.
    pub fn trigger(&self, i: usize) -> bool {
        self.is_trigger.get(i).copied().unwrap_or(false)
    }
}

/// Token → whether it lies inside an agreement's mention (only those
/// that are names when `named_only`).
pub(super) fn agreement_tokens(doc: &Doc, named_only: bool) -> Vec<bool> {
    let mut out = vec![false; doc.tokens.len()];
    let mentions = doc.agreements.iter().flat_map(|a| a.mentions.iter());
    for m in mentions.filter(|m| m.named || !named_only) {
        let first = doc
            .tokens
            .partition_point(|t| t.span.byte_start < m.span.byte_start);
        for (k, t) in doc.tokens.iter().enumerate().skip(first) {
            if t.span.byte_start >= m.span.byte_end {
                break;
            }
            out[k] = true;
        }
    }
    out
}

/// How deep into a phrase an actor is looked for.
const PHRASE_DEPTH: usize = 3;

/// Actor lookup over one document.
pub struct ActorIndex<'a> {
    pub(super) doc: &'a Doc,
    spans: Coverage,
    pub(super) classes: &'a WordClasses,
    /// "they" and "it" resolved ([`super::pronouns`]), and plural
    /// descriptions of a meeting's parties ([`super::participants`]).
    pronouns: HashMap<usize, Vec<usize>>,
    /// Token of a place mention → the state it lies in ("shelled villages
    /// in Edoras": Rohan).
    places: HashMap<usize, usize>,
    /// Token → collective actor ([`super::groups`]).
    groups: HashMap<usize, usize>,
    /// New state actors for countries named only as places, then the
    /// collective actors.
    pending: Vec<ActorRef>,
    /// Token → inside an agreement's name.
    in_agreement: Vec<bool>,
    /// Token → names a place that is no country (a city, a province).
    in_town: Vec<bool>,
    /// Token → the parties of a hyphenated word ([`super::hyphen`]).
    pairs: HashMap<usize, Vec<usize>>,
    /// Token → the actor a definite description refers to
    /// ([`super::definite`]).
    definite: HashMap<usize, usize>,
    /// The parties of each meeting ([`super::meetings`]).
    pub(super) meetings: Vec<(usize, Vec<usize>)>,
}

impl<'a> ActorIndex<'a> {
    /// The index of `doc.actor_spans`.
    pub fn new(doc: &'a Doc, classes: &'a WordClasses, tree: &TreeView<'_>) -> ActorIndex<'a> {
        let n = doc.tokens.len();
        let spans = Coverage::new(n, doc.actor_spans.iter().map(|s| s.tokens.clone()));
        let in_agreement = agreement_tokens(doc, true);
        let (places, mut pending) = place_states(doc, &in_agreement);
        let definite = super::definite::definite_actors(doc, tree, &places);
        let base = doc.actors.len() + pending.len();
        let (groups, new_groups) = super::groups::group_actors(doc, classes, tree, base);
        pending.extend(new_groups);
        let verbal = super::meetings::meeting_parties(doc, tree, classes);
        let meetings = super::meetings::all_meetings(doc, tree, classes, &verbal);
        let mut pronouns = super::pronouns::resolve(doc, tree, classes, &verbal);
        let runs = super::pronouns::coordinations(doc);
        for (i, found) in super::participants::resolve(doc, tree, classes, &meetings, &runs) {
            pronouns.entry(i).or_insert(found);
        }
        ActorIndex {
            doc,
            spans,
            classes,
            pronouns,
            places,
            groups,
            pending,
            in_agreement,
            in_town: town_tokens(doc),
            pairs: super::hyphen::pair_tokens(doc),
            definite,
            meetings,
        }
    }

    /// The parties of each meeting the document names, in text order, each
    /// with the token after its later party.
    pub fn meetings(&self) -> &[(usize, Vec<usize>)] {
        &self.meetings
    }

    /// Whether actor `a` (of the document, not a pending one) is a person.
    pub fn is_person(&self, a: usize) -> bool {
        self.doc
            .actors
            .get(a)
            .is_some_and(|r| r.kind == Some(ActorKind::Person))
    }

    /// The actor that actor `a` (of the document) belongs to.
    pub fn affiliation(&self, a: usize) -> Option<usize> {
        self.doc.actors.get(a).and_then(|r| r.affiliation)
    }

    /// The state actors made for countries named only as places, numbered
    /// from `doc.actors.len()`.
    pub fn pending(&self) -> &[ActorRef] {
        &self.pending
    }

    /// The actors whose span covers token `i` (a pair reference, "the two
    /// sides", has two spans of one range).
    pub fn at(&self, i: usize) -> Vec<usize> {
        // (a possessive pointing forward overrides the actors stage's
        // backward guess)
        if let Some(found) = self.pronouns.get(&i) {
            return found.clone();
        }
        self.named_at(i)
    }

    /// The actors a name at token `i` stands for (no pronoun: one deep in
    /// a phrase, "thousands of people in their country", names no actor
    /// of the phrase).
    pub(super) fn named_at(&self, i: usize) -> Vec<usize> {
        if self.in_agreement.get(i).copied().unwrap_or(false) {
            // an agreement's name ("the Vienna Convention") names no party
            return Vec::new();
        }
        if let Some(&g) = self.groups.get(&i) {
            return vec![g];
        }
        if self.pairs.contains_key(&i) {
            // (only a mutual act it modifies reads a hyphenated pair)
            return Vec::new();
        }
        let spans = &self.doc.actor_spans;
        let Some(k) = self.spans.covering(i) else {
            let found = self.places.get(&i).or_else(|| self.definite.get(&i));
            return found.map(|&s| vec![s]).unwrap_or_default();
        };
        let Some(range) = spans.get(k).map(|s| s.tokens.clone()) else {
            return Vec::new();
        };
        let first = spans.partition_point(|s| s.tokens.start < range.start);
        let mut out: Vec<usize> = spans[first..]
            .iter()
            .take_while(|s| s.tokens.start == range.start)
            .filter(|s| s.tokens == range)
            .map(|s| s.actor)
            .collect();
        if out.is_empty() {
            out.push(spans[k].actor);
        }
        out.dedup();
        out
    }

    /// The actor node `i` stands for. A nominal trigger stands for its
    /// agent ("condemned the raids by Mordor": Mordor).
    pub fn of_node(&self, tree: &TreeView<'_>, i: usize, nominals: &Nominals) -> Vec<usize> {
        let here = self.at(i);
        if !here.is_empty() {
            if here.iter().all(|&a| !self.is_person(a)) {
                if let Some(p) = self.person_in_title_phrase(tree, i) {
                    return vec![p];
                }
            }
            let named = self.person_after_title(tree, i, &here);
            return if named.is_empty() { here } else { named };
        }
        if let Some(a) = nominals.agent.get(i).copied().flatten() {
            return vec![a];
        }
        // (one word, not a list: the noun whose possessor is the other side)
        if self
            .classes
            .has_ignore_ascii_case(WordClass::CounterpartNoun, tree.lemma(i))
        {
            return self.counterpart(tree, i, nominals);
        }
        if self.classes.has(WordClass::RelativePronoun, tree.lemma(i)) {
            let clause = tree.head(i).filter(|&h| tree.deprel(h) == "acl:relcl");
            return match clause.and_then(|c| tree.head(c)) {
                Some(noun) => self.of_node(tree, noun, nominals),
                None => match antecedent(tree, i) {
                    Some(noun) => self.antecedent_actors(tree, noun),
                    None => Vec::new(),
                },
            };
        }
        if let Some(p) = self.person_in_title_phrase(tree, i) {
            return vec![p];
        }
        self.in_phrase(tree, i, nominals)
    }

    /// The one person a title phrase names, however deep the parser hung
    /// the name: "Member of the Political Bureau of the Central Committee
    /// and Secretary of the Legal Commission Guo Shengkun" is Guo, not the
    /// Bureau (the bodies of a title are the person's affiliation). Only
    /// for a phrase headed by a title word, and only when it names exactly
    /// one person.
    fn person_in_title_phrase(&self, tree: &TreeView<'_>, i: usize) -> Option<usize> {
        let head = tree.lemma(i);
        let titled = self
            .classes
            .has_ignore_ascii_case(WordClass::RoleWord, head)
            || self
                .classes
                .has_ignore_ascii_case(WordClass::TitlePhraseHead, head);
        if !titled {
            return None;
        }
        let mut persons: Vec<usize> = Vec::new();
        let mut level = vec![i];
        for _ in 0..TITLE_PHRASE_DEPTH {
            let mut next = Vec::new();
            for &n in &level {
                for &c in tree.children(n) {
                    // (a second title joins the first as a conjunct: "Member of
                    // the Bureau and Secretary of the Commission Guo")
                    let nominal_conjunct =
                        tree.rel(c) == "conj" && matches!(tree.upos(c), "NOUN" | "PROPN");
                    let clausal = tree.is_clausal(c) && !nominal_conjunct;
                    // (a modifier names the title's body or side, not its
                    // holder: "the President and G7 leaders" misread as a
                    // compound)
                    let modifier = matches!(tree.deprel(c), "compound" | "amod" | "nmod:poss");
                    if clausal || modifier || matches!(tree.rel(c), "case" | "det" | "punct" | "cc")
                    {
                        continue;
                    }
                    for a in self.named_at(c) {
                        if self.is_person(a) && !persons.contains(&a) {
                            persons.push(a);
                        }
                    }
                    next.push(c);
                }
            }
            level = next;
        }
        match persons[..] {
            [p] => Some(p),
            _ => None,
        }
    }

    /// The person a name the parser hung on a state's or body's name
    /// stands for, when that name only modified the person's title:
    /// "Korean Foreign Minister Chung Eui-yong", read as "Korea" with the
    /// title and the name flat under it (dev README: in a readout, the
    /// named official is the person, not the title's state).
    fn person_after_title(&self, tree: &TreeView<'_>, i: usize, here: &[usize]) -> Vec<usize> {
        if here.iter().any(|&a| self.is_person(a)) {
            return Vec::new();
        }
        tree.children(i)
            .iter()
            .copied()
            .filter(|&c| c > i && matches!(tree.deprel(c), "flat" | "appos"))
            .map(|c| self.named_at(c))
            .find(|found| {
                !found.is_empty()
                    && found.iter().all(|&a| self.is_person(a))
                    && !found.iter().any(|a| here.contains(a))
            })
            .unwrap_or_default()
    }

    /// Whether actor `a` is named as a gathering, not a body ("the G7
    /// Summit in Cornwall", class `events.target-gathering`): no party to
    /// an act.
    pub fn is_gathering(&self, a: usize) -> bool {
        gathering(self.doc, self.classes, a)
    }

    /// The state a place mention at token `i` lies in, or is (a state
    /// actor's own name where no place was recognised: "in Umbar").
    pub fn place_state(&self, i: usize) -> Option<usize> {
        if let Some(&s) = self.places.get(&i) {
            return Some(s);
        }
        let state = |a: usize| {
            self.doc
                .actors
                .get(a)
                .is_some_and(|r| r.kind == Some(ActorKind::State))
        };
        match self.named_at(i)[..] {
            [a] if state(a) => Some(a),
            _ => None,
        }
    }

    /// The parties of a hyphenated word at token `i` ("U.S.-China").
    pub fn pair_at(&self, i: usize) -> Option<&[usize]> {
        self.pairs.get(&i).map(Vec::as_slice)
    }

    /// Whether token `i` is part of a place's name that is no country.
    pub fn is_town(&self, i: usize) -> bool {
        self.in_town.get(i).copied().unwrap_or(false)
    }

    /// The actors an antecedent noun names: its own name, or its
    /// possessor or national modifier ("Russian citizens, who"); not a
    /// place in its phrase ("the violence in Osgiliath, which has
    /// killed" is no act of Osgiliath's state).
    fn antecedent_actors(&self, tree: &TreeView<'_>, noun: usize) -> Vec<usize> {
        if self.in_town.get(noun).copied().unwrap_or(false) {
            return Vec::new();
        }
        if self.spans.covering(noun).is_some() {
            return self.at(noun);
        }
        tree.children(noun)
            .iter()
            .copied()
            .filter(|&c| matches!(tree.deprel(c), "amod" | "compound" | "nmod:poss"))
            .map(|c| self.named_at(c))
            .find(|found| !found.is_empty())
            .unwrap_or_default()
    }

    /// Node `i` and its conjuncts, as actors (each once, in text order).
    pub fn of_nodes(&self, tree: &TreeView<'_>, i: usize, nominals: &Nominals) -> Vec<usize> {
        let mut out = Vec::new();
        for n in tree.with_conjuncts(i) {
            for a in self.of_node(tree, n, nominals) {
                if !out.contains(&a) {
                    out.push(a);
                }
            }
        }
        out
    }

    /// The nearest actor inside the phrase headed by `i` (breadth first).
    fn in_phrase(&self, tree: &TreeView<'_>, i: usize, nominals: &Nominals) -> Vec<usize> {
        let mut level = vec![i];
        let mut owner = Vec::new();
        let patient_of_action =
            tree.case_of(i) == Some("of") && tree.head(i).is_some_and(|h| nominals.trigger(h));
        for _ in 0..PHRASE_DEPTH {
            let mut next = Vec::new();
            for &n in &level {
                let agent_only = nominals.trigger(n);
                // a title's apposition names the person before the
                // title's own modifiers ("the Member for Calare, Mr
                // Andren"), and so does a name the parser hung on the
                // title as part of it ("Rohan's Marshal Eomer Eorling")
                let children = tree.children(n);
                let named = |c: usize| matches!(tree.rel(c), "appos" | "flat");
                let ordered = children
                    .iter()
                    .filter(|&&c| named(c))
                    .chain(children.iter().filter(|&&c| !named(c)));
                for &c in ordered {
                    if tree.is_clausal(c) || matches!(tree.rel(c), "case" | "det" | "punct") {
                        continue;
                    }
                    if agent_only && !is_agent_of_nominal(tree, c) {
                        continue;
                    }
                    let patient = nominals.patient_possessor.get(n).copied().unwrap_or(false);
                    if agent_only && patient && tree.deprel(c) == "nmod:poss" {
                        continue;
                    }
                    // ("its" on the patient of an action noun stands for
                    // its owner when the phrase names no one else: "the
                    // release of its citizens"; not on other phrases,
                    // "close its border with Dale", nor deeper)
                    if n == i
                        && patient_of_action
                        && tree.deprel(c) == "nmod:poss"
                        && tree.lemma(c).eq_ignore_ascii_case("its")
                    {
                        owner = self.at(c);
                    }
                    let mut here = self.named_at(c);
                    if !here.is_empty() {
                        // "the ministers of Gondor and Arnor": both
                        for k in tree.with_conjuncts(c).into_iter().skip(1) {
                            for a in self.named_at(k) {
                                if !here.contains(&a) {
                                    here.push(a);
                                }
                            }
                        }
                        return here;
                    }
                    next.push(c);
                }
            }
            if next.is_empty() {
                return owner;
            }
            level = next;
        }
        owner
    }
}

/// Whether actor `a` of `doc` is named as a gathering, not a body
/// ([`ActorIndex::is_gathering`]).
pub(super) fn gathering(doc: &Doc, classes: &WordClasses, a: usize) -> bool {
    // (the pending actors are states and groups the coder made)
    let Some(actor) = doc.actors.get(a) else {
        return false;
    };
    if matches!(actor.kind, Some(ActorKind::Person | ActorKind::State)) {
        return false;
    }
    actor
        .name
        .split_whitespace()
        .any(|w| classes.has_ignore_ascii_case(WordClass::TargetGathering, w))
}

/// The noun a relative pronoun follows when the parser left its clause
/// unattached ("Mordor, which had detained …" parsed as a clause of its
/// own): the noun just before it, a comma between.
fn antecedent(tree: &TreeView<'_>, pronoun: usize) -> Option<usize> {
    let mut k = pronoun.checked_sub(1)?;
    if tree.lemma(k) == "," {
        k = k.checked_sub(1)?;
    }
    matches!(tree.upos(k), "NOUN" | "PROPN").then_some(k)
}

/// Whether dependent `c` of a nominal trigger names its agent
/// ("Mordor's attack", "Mordorian attacks", "attacks by Mordor").
pub fn is_agent_of_nominal(tree: &TreeView<'_>, c: usize) -> bool {
    match tree.deprel(c) {
        "nmod:poss" | "compound" | "amod" => true,
        "nmod" | "nmod:agent" => tree.case_of(c) == Some("by"),
        _ => false,
    }
}
