//! The clauses that frame a trigger's status whatever its own modals: a
//! speech act performed by saying one wishes to make it ("I would like to
//! thank"), and hopes, looking forward and aims that put an action ahead
//! ("we hope that X will …", "efforts to normalise relations").

use super::super::view::TreeView;
use crate::doc::EventStatus;
use crate::lexicon::{WordClass, WordClasses};

/// Whether the speech act `at` is performed by the first-person wish verb
/// `h` whose complement it is: "I would like to thank X", "we want to
/// express our gratitude", "let me congratulate X" say the act and so do
/// it (dev README: the speech act of a speaker is asserted).
pub(super) fn performed(tree: &TreeView<'_>, classes: &WordClasses, at: usize, h: usize) -> bool {
    if !classes.has(WordClass::StatusWishVerb, tree.lemma(h))
        || !classes.has(WordClass::StatusPerformativeVerb, tree.lemma(at))
    {
        return false;
    }
    // ("would like to" is the polite form of the act itself, whoever
    // speaks: "Gondor would like to thank Rohan"; "wants to" only in the
    // first person, "Gondor wants to ask Rohan" tells a wish)
    if tree.lemma(h) == "like" {
        return true;
    }
    // (the subject of "want", or the one let speak: "let me")
    tree.children(h)
        .iter()
        .any(|&c| matches!(tree.rel(c), "nsubj" | "obj") && first_person(tree, c))
}

/// Whether node `n` is a first-person pronoun (the speaker's own side).
pub(super) fn first_person(tree: &TreeView<'_>, n: usize) -> bool {
    let word = tree.lemma(n).to_lowercase();
    matches!(word.as_str(), "i" | "we" | "me" | "us")
}

/// How many clauses up the clause that frames a trigger is looked for
/// ("we hope that X will visit Y and sign …", "we want to see the parties
/// cooperate").
const FRAME_DEPTH: usize = 3;

/// The status the clause around the trigger's own gives it, whatever its
/// modals: the that-clause of a hope ("we hope that X will continue to
/// …"), what one looks forward to ("we look forward to continuing our
/// support"), the infinitive of an aim noun ("efforts to normalise
/// relations"), and a clause under the complement of a hope verb ("we want
/// to see the parties cooperate"). All are hoped for, not done (dev
/// README: hoped-for actions are hypothetical), even a statement of
/// intent's own modal; a statement of intent under a verb of its subject's
/// own will is made (`carriers`).
pub(super) fn framed(
    tree: &TreeView<'_>,
    classes: &WordClasses,
    at: usize,
    (intent, aims): (bool, bool),
) -> Option<EventStatus> {
    let mut n = at;
    let mut coordinated = false;
    for _ in 0..FRAME_DEPTH {
        let h = tree.head(n)?;
        let lemma = tree.lemma(h);
        // (what one looks forward to is its "to" phrase or clause, not
        // "in the year ahead"; an aim noun's own infinitive, not a verb the
        // parser coordinated with it)
        let to = tree.case_of(n) == Some("to")
            || tree.children_rel(n, "mark").any(|m| tree.lemma(m) == "to");
        let hoped = match tree.rel(n) {
            "ccomp" => classes.has(WordClass::StatusHopeThat, lemma),
            "xcomp" => {
                n != at
                    && classes.has(WordClass::HopeVerb, lemma)
                    && !(intent && classes.has(WordClass::VolitionVerb, lemma))
            }
            "advcl" | "obl" => to && looks_forward(tree, h),
            "acl" => {
                aims && !coordinated
                    && to
                    && tree.upos(n) == "VERB"
                    && classes.has(WordClass::StatusAimNoun, lemma)
            }
            _ => false,
        };
        coordinated |= tree.rel(n) == "conj";
        if hoped {
            // ("has no intention to take part" denies it)
            let denied = tree.rel(n) == "acl"
                && tree
                    .children_rel(h, "det")
                    .any(|d| classes.has(WordClass::Negator, tree.lemma(d)));
            return Some(if denied {
                EventStatus::Negated
            } else {
                EventStatus::Hypothetical
            });
        }
        // (through coordination and complements, not through what a
        // reporting verb reports: "we want to say that X attacked")
        let through = match tree.rel(n) {
            "conj" | "xcomp" => true,
            "ccomp" => !classes.has(WordClass::ReportingVerb, lemma),
            _ => false,
        };
        if !through {
            return None;
        }
        n = h;
    }
    None
}

/// Whether `h` is "look forward (to)".
pub(super) fn looks_forward(tree: &TreeView<'_>, h: usize) -> bool {
    tree.lemma(h) == "look" && tree.children(h).iter().any(|&c| tree.lemma(c) == "forward")
}

#[cfg(test)]
#[path = "tests_status.rs"]
mod tests_status;
