//! The two parties of a meeting, as a run that a later "they" continues:
//! "Gondor's President met with the King of Arnor. They discussed …" The
//! parties are a clause's subject and its "with" phrase ("met with",
//! "spoke with", "held talks with"), or the object of a verb of meeting
//! ("received the Ambassador", `events.meeting-verb`), or the "with"
//! phrase of a meeting noun the verb takes ("held talks with",
//! `events.meeting-noun`), or a meeting noun's possessor or setting
//! clause's subject and its "with" phrase ("X's meeting with Y", "During
//! the talks with Y, X stressed …"): a readout names the
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

/// The meetings of [`meeting_parties`] with those named by a meeting
/// noun, in text order: the meetings a counterpart or an agentless
/// passive refers to. (A later "they" does not continue a nominal
/// meeting's pair: "my conversations with X and Y … they are ready" is
/// X and Y.)
pub fn all_meetings(
    doc: &Doc,
    tree: &TreeView<'_>,
    classes: &WordClasses,
    verbal: &[(usize, Vec<usize>)],
) -> Vec<(usize, Vec<usize>)> {
    let covering = covering_actors(doc);
    let actors_at = |i: usize| covering.get(i).cloned().unwrap_or_default();
    let mut out = verbal.to_vec();
    out.extend(nominal_meetings(tree, classes, &actors_at));
    out.sort_by_key(|(end, _)| *end);
    out
}

/// The parties of a meeting named by its noun (`events.meeting-noun`):
/// its possessor, or the subject of the clause it is set in, and its
/// "with" phrase ("X's meeting with Y", "During the talks with Y, X
/// stressed …"), with the token after the later party.
fn nominal_meetings(
    tree: &TreeView<'_>,
    classes: &WordClasses,
    actors_at: &impl Fn(usize) -> Vec<usize>,
) -> Vec<(usize, Vec<usize>)> {
    let mut out = Vec::new();
    for n in 0..tree.len() {
        if !classes.has_ignore_ascii_case(WordClass::MeetingNoun, tree.lemma(n)) {
            continue;
        }
        let mut first = tree
            .children(n)
            .iter()
            .copied()
            .find(|&c| tree.deprel(c) == "nmod:poss");
        if first.is_none() && tree.rel(n) == "obl" {
            first = tree
                .head(n)
                .filter(|&h| tree.upos(h) == "VERB")
                .and_then(|h| tree.children_rel(h, "nsubj").next());
        }
        let Some(first) = first else { continue };
        let Some(&a) = actors_at(first).first() else {
            continue;
        };
        let mut actors = vec![a];
        let mut end = first + 1;
        let with = tree
            .children(n)
            .iter()
            .copied()
            .filter(|&c| tree.rel(c) == "nmod" && tree.case_of(c) == Some("with"));
        for c in with {
            for m in std::iter::once(c).chain(tree.children_rel(c, "conj")) {
                for b in named_or_apposed(tree, m, actors_at) {
                    if !actors.contains(&b) {
                        actors.push(b);
                        end = end.max(m + 1);
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
