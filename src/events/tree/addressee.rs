//! "You" in the exchange of two named persons: in the transcript of a
//! meeting, a call or joint remarks whose title names its two persons
//! ("Secretary Hurin and Foreign Minister Eorling Before Their Meeting",
//! "Meeting with Minister Bard Girion" by the author in person), what one
//! of them says to "you" is said to the other: "I am grateful to you",
//! "we look forward to working with you". With more persons, or none,
//! "you" is an audience or a reader and names no one.

use super::args::Args;
use crate::doc::{ActorKind, Doc};
use crate::events::triggers::{Rel, TriggerRow};

/// The other person of a two-person exchange, when the row's target slot
/// holds a bare "you" and the event's one source is one of the two.
pub(super) fn you(
    args: &Args<'_>,
    doc: &Doc,
    row: &TriggerRow,
    t: usize,
    sources: &[usize],
) -> Vec<usize> {
    let [source] = sources else {
        return Vec::new();
    };
    // (the slot may hang on the row's further word, an open complement:
    // "look forward to working with you")
    let tree = args.tree;
    let heads = std::iter::once(t).chain(tree.children_rel(t, "xcomp"));
    let addressed = heads
        .flat_map(|h| {
            row.target
                .iter()
                .filter(|r| !matches!(r, Rel::Subj))
                .flat_map(move |rel| args.nodes(h, rel))
        })
        .any(|n| bare_you(args, n));
    if !addressed || formula(args, t) {
        return Vec::new();
    }
    let pair = title_persons(doc);
    match pair.as_slice() {
        [a, b] if a == source => vec![*b],
        [a, b] if b == source => vec![*a],
        _ => Vec::new(),
    }
}

/// Whether trigger `t` is a courtesy formula: a verb heading its clause
/// with no subject and no reason given in its sentence ("Thank you.",
/// "Thank you very much, Mr President."), not a statement of thanks
/// ("Thank you for your leadership", "I want to thank you").
fn formula(args: &Args<'_>, t: usize) -> bool {
    let tree = args.tree;
    // (the reason may hang elsewhere after a vocative: "Thank you, Mr
    // President, for your hospitality")
    let reason = (t + 1..tree.len())
        .take_while(|&k| !matches!(tree.lemma(k), "." | "!" | "?"))
        .any(|k| tree.lemma(k).eq_ignore_ascii_case("for"));
    tree.upos(t) == "VERB"
        && matches!(tree.deprel(t), "root" | "parataxis")
        && !args.has_own_subject(t)
        && !reason
}

/// Whether node `n` is "you" alone: not "you all", not "you, the
/// delegates" (an audience), not conjoined.
fn bare_you(args: &Args<'_>, n: usize) -> bool {
    let tree = args.tree;
    tree.upos(n) == "PRON"
        && tree.lemma(n).eq_ignore_ascii_case("you")
        && tree
            .children(n)
            .iter()
            .all(|&c| matches!(tree.rel(c), "case" | "punct"))
}

/// The persons the title line names, with the document's author in
/// person: the two parties of the exchange when there are exactly two.
fn title_persons(doc: &Doc) -> Vec<usize> {
    let heading = super::super::refine::title_sentences(doc);
    let Some(end) = heading
        .checked_sub(1)
        .and_then(|k| doc.sentences.get(k))
        .map(|s| s.tokens.end)
    else {
        return Vec::new();
    };
    let person = |a: usize| {
        doc.actors
            .get(a)
            .is_some_and(|x| x.kind == Some(ActorKind::Person))
    };
    let mut out: Vec<usize> = Vec::new();
    let named = doc
        .actor_spans
        .iter()
        .filter(|s| s.tokens.start < end)
        .map(|s| s.actor);
    for a in named.chain(doc.author_person) {
        if person(a) && !out.contains(&a) {
            out.push(a);
        }
    }
    out
}
