//! Agreeing with a view is no AGREE: "I agree with him", "both leaders
//! agreed that cooperation is critical" share an opinion; "agreed to
//! extend the deal", "agreed on a programme", "agreed that the ministers
//! will meet in May" commit the parties to something (dev README:
//! statements of intent or commitment → AGREE). An opinion verb's event
//! stands only with a complement that commits: an infinitive, an object,
//! an "on"/"to"/"upon" phrase, or a that-clause with a modal ("will",
//! "should") or with a future meeting of its own.

use super::view::TreeView;
use crate::doc::PloverType;
use crate::events::triggers::TriggerRow;
use crate::lexicon::{WordClass, WordClasses};

/// Whether the AGREE trigger `t` of `row` only shares a view: its lemma
/// is an opinion verb (`events.opinion-verb`) and no complement commits
/// anyone to anything.
pub(super) fn only_a_view(
    tree: &TreeView<'_>,
    classes: &WordClasses,
    row: &TriggerRow,
    t: usize,
) -> bool {
    if row.kind != PloverType::Agree || !classes.has(WordClass::OpinionVerb, &row.lemma) {
        return false;
    }
    let mut clause = None;
    for &c in tree.children(t) {
        match tree.deprel(c) {
            "xcomp" | "obj" | "nsubj:pass" | "csubj:pass" => return false,
            // (also one the parser hung on an adverbial phrase: "agreed
            // in principle to a scheme")
            "obl" | "advcl" => {
                let nested = tree.children_rel(c, "nmod");
                if std::iter::once(c)
                    .chain(nested)
                    .any(|n| matches!(tree.case_of(n), Some("on" | "to" | "upon")))
                {
                    return false;
                }
            }
            "ccomp" => clause = Some(c),
            _ => {}
        }
    }
    // ("it was agreed that …" is a decision; the clause is its subject)
    if tree.is_passive(t) {
        return false;
    }
    match clause {
        Some(c) => !commits(tree, classes, c),
        None => true,
    }
}

/// Whether a that-clause agreed on commits: its verb (or a verb it
/// coordinates) has a modal and is an act, not a predicate ("will be
/// paid", "should hold", "would consult", "there should be talks"; not
/// "would be the priority").
fn commits(tree: &TreeView<'_>, classes: &WordClasses, clause: usize) -> bool {
    tree.with_conjuncts(clause).into_iter().any(|v| {
        let modal = tree
            .children_rel(v, "aux")
            .any(|a| classes.has(WordClass::HypotheticalModal, tree.lemma(a)));
        let predicate = tree.children_rel(v, "cop").next().is_some();
        let act = tree.upos(v) == "VERB" || tree.lemma(v) == "be";
        modal && act && !predicate
    })
}

#[cfg(test)]
#[path = "tests_precision.rs"]
mod tests_precision;
