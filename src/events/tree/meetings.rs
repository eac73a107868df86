//! The two parties of a meeting, as a run that a later "they" continues:
//! "Gondor's President met with the King of Arnor. They discussed …" The
//! parties are a clause's subject and its "with" phrase ("met with",
//! "spoke with", "held talks with"), or the object of a verb of meeting
//! ("received the Ambassador", `events.meeting-verb`), or the "with"
//! phrase of a meeting noun the verb takes ("held talks with",
//! `events.meeting-noun`): a readout names the
//! pair once and then continues with "they" far more often than it
//! repeats the names.

use super::view::TreeView;
use crate::doc::Doc;
use crate::lexicon::{WordClass, WordClasses};

/// (the token after the later party, [subject's actor, other party's
/// actors…]) for each clause that names both parties of a meeting, in
/// text order.
pub fn meeting_parties(
    doc: &Doc,
    tree: &TreeView<'_>,
    classes: &WordClasses,
) -> Vec<(usize, Vec<usize>)> {
    let covering = covering_actors(doc);
    let actors_at = |i: usize| covering.get(i).cloned().unwrap_or_default();
    let mut out = Vec::new();
    for v in 0..tree.len() {
        if tree.upos(v) != "VERB" {
            continue;
        }
        let Some(subject) = tree.children_rel(v, "nsubj").next() else {
            continue;
        };
        let Some(&first) = actors_at(subject).first() else {
            continue;
        };
        let meeting_verb = classes.has(WordClass::MeetingVerb, tree.lemma(v));
        let mut actors = vec![first];
        let mut end = subject + 1;
        for c in partner_nodes(tree, classes, v, meeting_verb) {
            for n in std::iter::once(c).chain(tree.children_rel(c, "conj")) {
                for a in named_or_apposed(tree, n, &actors_at) {
                    if !actors.contains(&a) {
                        actors.push(a);
                        end = end.max(n + 1);
                    }
                }
            }
        }
        if actors.len() >= 2 {
            out.push((end, actors));
        }
    }
    out
}

/// The nodes of verb `v` that name the other party of a meeting: its
/// "with" phrase ("met with", "spoke with"), the object of a verb of
/// meeting ("received the Ambassador"), or the "with" phrase of a meeting
/// noun it takes as object ("held talks with", "had a telephone
/// conversation with", `events.meeting-noun`).
fn partner_nodes(
    tree: &TreeView<'_>,
    classes: &WordClasses,
    v: usize,
    meeting_verb: bool,
) -> Vec<usize> {
    let mut out = Vec::new();
    for &c in tree.children(v) {
        let with = tree.rel(c) == "obl" && tree.case_of(c) == Some("with");
        let obj = tree.rel(c) == "obj";
        if with || meeting_verb && obj {
            out.push(c);
        } else if obj && classes.has_ignore_ascii_case(WordClass::MeetingNoun, tree.lemma(c)) {
            out.extend(
                tree.children(c)
                    .iter()
                    .copied()
                    .filter(|&n| tree.rel(n) == "nmod" && tree.case_of(n) == Some("with")),
            );
        }
    }
    out
}

/// Whether node `n` names the other party of a meeting verb `v`'s clause
/// (a "with" phrase, a meeting verb's object, a meeting noun's "with"
/// phrase).
pub fn is_partner(tree: &TreeView<'_>, classes: &WordClasses, v: usize, n: usize) -> bool {
    let meeting_verb = classes.has(WordClass::MeetingVerb, tree.lemma(v));
    partner_nodes(tree, classes, v, meeting_verb).contains(&n)
}

/// The actors node `n` names, else those its apposition names: a title
/// or "counterpart" before the name ("spoke with his counterpart, Bard
/// Girion") is a party the same as the name.
fn named_or_apposed(
    tree: &TreeView<'_>,
    n: usize,
    actors_at: &impl Fn(usize) -> Vec<usize>,
) -> Vec<usize> {
    let here = actors_at(n);
    if !here.is_empty() {
        return here;
    }
    tree.children(n)
        .iter()
        .copied()
        .filter(|&c| c > n && matches!(tree.rel(c), "appos" | "flat"))
        .map(actors_at)
        .find(|found| !found.is_empty())
        .unwrap_or_default()
}

/// Token → the actors of the spans covering it (one pass over the spans,
/// so a long document stays linear).
fn covering_actors(doc: &Doc) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); doc.tokens.len()];
    for s in &doc.actor_spans {
        for t in s.tokens.clone() {
            if let Some(list) = out.get_mut(t) {
                list.push(s.actor);
            }
        }
    }
    out
}
