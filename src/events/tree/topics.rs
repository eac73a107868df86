//! What a talk, an agreement or a joint effort is about is no party to
//! it: in "they exchanged views on Mordor's build-up near Arnor", "met
//! with the Council's envoys on Dale" or "discussed relations with Khand",
//! Mordor, Arnor and Dale are topics, and the counterpart comes from the
//! "with" phrase, the co-subject or the meeting the text reports (PLOVER
//! CONSULT, AGREE, COOPERATE: the target is the other side of the
//! exchange). A phrase of topic (`events.topic-preposition`: "on",
//! "about", "regarding" …) anywhere inside the trigger's phrase, other
//! than the row's own slot on the trigger ("a courtesy call on the
//! King"), holds topics only. Likewise a cooperative act the parties only
//! talk about ("discussed continuing support for Dale", "spoke about
//! cooperating on climate") is the talk's topic, not an act of its own.

use super::args::Args;
use crate::doc::PloverType;
use crate::events::triggers::{Rel, TriggerPos, TriggerRow};
use crate::lexicon::WordClass;

/// How deep into the trigger's phrase topics are looked for.
const TOPIC_DEPTH: usize = 7;

/// Whether acts of this type have a counterpart that a topic can be
/// mistaken for: talks, agreements and joint work.
fn has_counterpart(kind: PloverType) -> bool {
    matches!(
        kind,
        PloverType::Consult | PloverType::Agree | PloverType::Cooperate
    )
}

impl Args<'_> {
    /// Whether node `c` is marked by a preposition of topic.
    fn topic_marked(&self, c: usize) -> bool {
        let tree = self.tree;
        // (a number is a date or a quantity: "met on August 27-28 with")
        matches!(tree.rel(c), "obl" | "nmod" | "advcl" | "acl")
            && tree.upos(c) != "NUM"
            && tree
                .case_of(c)
                .is_some_and(|p| self.classes.has(WordClass::TopicPreposition, p))
    }

    /// Whether the row names preposition `p` as a target slot of its own.
    fn own_slot(row: &TriggerRow, p: &str) -> bool {
        row.target
            .iter()
            .any(|r| matches!(r, Rel::Prep(q) if q == p))
    }

    /// The tokens of the phrase headed by `t`, each with whether a phrase
    /// of topic lies on its way down (clauses only inside a topic:
    /// "spoke about cooperating with Dale").
    fn topic_tokens(&self, t: usize, row: &TriggerRow) -> Vec<(usize, bool)> {
        let tree = self.tree;
        tree.flagged_phrase(t, TOPIC_DEPTH, |h, c, _, topic| {
            let own = h == t && tree.case_of(c).is_some_and(|p| Self::own_slot(row, p));
            // (a person met "with" is the partner even where the parser
            // hung the phrase inside the topic: "talks on trade with
            // President Hurin")
            let partner = tree.case_of(c) == Some("with") && self.names_person(c);
            let here = (topic || self.topic_marked(c) && !own) && !partner;
            let listed = tree.rel(c) == "conj" && tree.upos(c) != "VERB";
            (!tree.is_clausal(c) || listed || here).then_some(here)
        })
    }

    /// Whether the phrase headed by `c` names a person (not into
    /// clauses).
    fn names_person(&self, c: usize) -> bool {
        let tree = self.tree;
        let mut level = vec![c];
        for _ in 0..TOPIC_DEPTH {
            if level
                .iter()
                .any(|&n| self.actors.at(n).iter().any(|&a| self.actors.is_person(a)))
            {
                return true;
            }
            level = level
                .iter()
                .flat_map(|&n| tree.children(n).iter().copied())
                .filter(|&d| !tree.is_clausal(d))
                .collect();
        }
        false
    }

    /// `found` without the actors that the trigger's phrase names only
    /// inside a phrase of topic, for a talk, an agreement or joint work.
    pub(super) fn without_topics(
        &self,
        t: usize,
        row: &TriggerRow,
        found: Vec<usize>,
    ) -> Vec<usize> {
        if !has_counterpart(row.kind) || found.is_empty() {
            return found;
        }
        let tokens = self.topic_tokens(t, row);
        self.without_named_only(found, &tokens, |_, topic| topic)
    }

    /// Whether `h` is a verb of talking whose object is what is talked
    /// about (`events.talk-word`: "discussed", not "met" or "sent").
    fn talk_verb(&self, h: usize) -> bool {
        let tree = self.tree;
        tree.upos(h) == "VERB"
            && self
                .classes
                .has(WordClass::TalkWord, &tree.lemma(h).to_lowercase())
    }

    /// Whether `h` is a noun of talking ("views", "talks", "meeting").
    fn talk_noun(&self, h: usize) -> bool {
        let tree = self.tree;
        let lemma = tree.lemma(h).to_lowercase();
        matches!(tree.upos(h), "NOUN" | "PROPN")
            && (self.classes.has(WordClass::TalkWord, &lemma)
                || self.classes.has(WordClass::MeetingNoun, &lemma))
    }

    /// Whether node `n` is the topic of a talk: the object of a verb of
    /// talking ("discussed X"), or a phrase of topic on such a verb or
    /// on a noun of talking ("spoke about X", "exchanged views on X",
    /// "talks on X").
    fn talked_about(&self, n: usize) -> bool {
        let tree = self.tree;
        let Some(h) = tree.head(n) else {
            return false;
        };
        if tree.deprel(n) == "obj" {
            return self.talk_verb(h);
        }
        self.topic_marked(n) && (self.talk_verb(h) || self.talk_noun(h))
    }
}

/// Whether the cooperative act at `t` (support, joint work) is only what
/// the parties talk about: it, or the first of the list it is in, is the
/// topic of a talk, and it names no doer of its own ("discussed
/// continuing support for Dale"; not "discussed Rohan's support for
/// Dale", another's act).
pub(super) fn only_a_topic(args: &Args<'_>, row: &TriggerRow, t: usize) -> bool {
    if !matches!(row.kind, PloverType::Support | PloverType::Cooperate) {
        return false;
    }
    let tree = args.tree;
    let own_doer = match row.pos {
        TriggerPos::Verb => args.has_own_subject(t),
        _ => {
            !args.nodes(t, &Rel::Poss).is_empty()
                || !args.nodes(t, &Rel::Prep("by".to_string())).is_empty()
        }
    };
    if own_doer {
        return false;
    }
    // (a gerund in the list, or one whose object the act is, that the
    // parser hung on the verb of talking as a verb of its own: "discussed
    // trade, the coup, and continuing support for Dale")
    let mut n = t;
    if tree.deprel(n) == "obj" {
        if let Some(h) = tree.head(n).filter(|&h| args.gerund_item(h)) {
            n = h;
        }
    }
    if args.gerund_item(n) {
        return true;
    }
    while tree.deprel(n) == "conj" {
        match tree.head(n) {
            Some(h) => n = h,
            None => return false,
        }
    }
    args.talked_about(n)
}

impl Args<'_> {
    /// Whether `x` is a gerund the verb of talking takes as its topic: a
    /// list item the parser coordinated with the verb whose object or
    /// topic begins the list, or its gerund complement.
    fn gerund_item(&self, x: usize) -> bool {
        let tree = self.tree;
        let Some(h) = tree.head(x) else {
            return false;
        };
        let list_before = tree
            .children(h)
            .iter()
            .any(|&c| c < x && (tree.deprel(c) == "obj" || self.topic_marked(c)));
        // ("discussed continuing support for Dale": a gerund complement)
        let placed = tree.deprel(x) == "conj" && list_before || tree.deprel(x) == "xcomp";
        placed && tree.xpos(x) == "VBG" && !self.has_own_subject(x) && self.talk_verb(h)
    }
}

#[cfg(test)]
#[path = "tests_topics.rs"]
mod tests_topics;
