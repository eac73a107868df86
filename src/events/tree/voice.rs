//! Who speaks: the document's voice for subjectless main clauses, and
//! whether an event is known only through another's report.

use super::args::Args;
use super::status;
use super::view::TreeView;
use crate::doc::{ActorKind, Doc};
use crate::events::lexicon::EventLexicon;

/// Whether a subjectless trigger is the document speaking: a main clause
/// with no subject ("Condemns the attack"; "Welcoming the decision").
pub(super) fn speaks_for_author(tree: &TreeView<'_>, t: usize) -> bool {
    let own_subject = tree
        .children(t)
        .iter()
        .any(|&c| matches!(tree.rel(c), "nsubj" | "csubj" | "expl"));
    !own_subject && tree.head(t).is_none() && tree.upos(t) == "VERB"
}

/// Whether the trigger is known only through another's account: it
/// depends on a reporting verb ("Arnor said that Mordor had attacked")
/// or carries "according to X", and the one who reports is not the
/// document's voice or the event's own source. A reporter who is no known
/// actor ("officials said", "media reported") is another too, unless a
/// first-person pronoun.
pub(super) fn is_reported(
    doc: &Doc,
    lex: &EventLexicon,
    args: &Args<'_>,
    t: usize,
    sources: &[usize],
) -> bool {
    let tree = args.tree;
    let subject = crate::events::triggers::Rel::Subj;
    let reporter = status::reporting_verb(tree, &lex.words, t)
        .and_then(|v| args.nodes(v, &subject).first().copied())
        .or_else(|| status::according_to(tree, t));
    let Some(reporter) = reporter else {
        return false;
    };
    let speakers = args.actors_at(reporter);
    if speakers.is_empty() {
        return !matches!(doc.norm(reporter), "we" | "i");
    }
    is_third_party_report(doc, &speakers, sources)
}

/// Whether the speakers of a report are others than the event's source
/// (and its state): then the event is known only through their account.
pub(super) fn is_third_party_report(doc: &Doc, speakers: &[usize], sources: &[usize]) -> bool {
    if speakers.is_empty() {
        return false;
    }
    // (a quoted official without a stated body speaks for the document's
    // author, whose release quotes them)
    let side = |a: usize| {
        let x = doc.actors.get(a);
        match x.and_then(|x| x.kind) {
            Some(ActorKind::Person) => x.and_then(|x| x.affiliation).or(doc.author).unwrap_or(a),
            _ => a,
        }
    };
    let author_side = [doc.author, doc.author_person];
    let author_speaks = speakers
        .iter()
        .any(|&s| author_side.contains(&Some(s)) || author_side.contains(&Some(side(s))));
    if author_speaks {
        return false;
    }
    !sources
        .iter()
        .any(|&s| speakers.iter().any(|&p| p == s || side(p) == side(s)))
}
