//! In a readout (its title names a meeting or call), the named official
//! who states their own side's position is the source: "Minister
//! Hurin reiterated that Gondor will continue to support Dale" is Hurin's
//! commitment, as "Hurin reaffirmed Gondor's commitment" is (dev README,
//! Voice: in a readout, the named official is the person; the tune gold
//! codes an official who "reaffirmed the United States would continue its
//! assistance" or "offered Nepal's willingness to work as co-mover" as
//! the official's AGREE; outside readouts it codes an acting minister's
//! own release, "Mr Sinclair said that the Government would continue to
//! give its support", as the state's). Only statement acts move (support, commitments,
//! criticism, requests, refusals, warnings) and future acts that become
//! commitments; a deed the clause tells ("said that Gondor had delivered
//! aid") stays the state's, and so does a quotation's ("'Gondor is
//! committed to …,' the Minister said"). A spokesperson or the document's author in
//! person speaks for the state, and a "we" clause is the side's own
//! voice. Joint intentions ("the two ministers agreed to …") stay the
//! states' (`pairs::parties_of`): the tune gold codes them so.

use super::args::Args;
use super::view::TreeView;
use super::{status, targets, voice};
use crate::doc::{ActorKind, Doc, EventRef, EventStatus};
use crate::events::lexicon::EventLexicon;
use crate::events::triggers::{Rel, TriggerPos};
use crate::lexicon::{WordClass, WordClasses};

/// How many links up an affiliation chain a side is looked for ("the
/// President of the European Council" speaks for the Union).
const SIDE_DEPTH: usize = 3;

/// Gives the statement acts of trigger `t` that a named official states
/// for their own side (the clause is the complement of a speaker verb
/// whose subject the official is) to that official. Returns whether one
/// moved: its future act is then the official's commitment.
pub(super) fn own_side_speaker(
    doc: &Doc,
    lex: &EventLexicon,
    args: &Args<'_>,
    t: usize,
    events: &mut [EventRef],
) -> bool {
    let tree = args.tree;
    let words = &lex.words;
    if !args.readout {
        return false;
    }
    // (a speaker verb after its clause closes a quotation, "'Gondor will
    // stand by Dale,' the Minister said": the official's own words that
    // name the state speak as the state, as "we" does)
    let Some(v) = status::verb_reporting(tree, words, WordClass::SpeakerVerb, t).filter(|&v| v < t)
    else {
        return false;
    };
    if voice::first_person_subject(doc, tree, t) {
        return false;
    }
    // (a joint act of two parties, "as the two leaders work to deepen the
    // partnership", is no one official's statement)
    let mut sources = events.iter().filter_map(|e| e.source);
    if let Some(first) = sources.next() {
        if sources.any(|s| s != first) {
            return false;
        }
    }
    let Some(p) = speaker(doc, lex, args, v) else {
        return false;
    };
    let future = status::is_future(tree, words, t);
    let mut moved = false;
    for e in events.iter_mut() {
        let stated = match e.status {
            EventStatus::Asserted | EventStatus::Reported => targets::states(e.kind),
            EventStatus::Hypothetical => future && lex.future.contains_key(&e.kind),
            _ => false,
        };
        let Some(s) = e.source.filter(|_| stated) else {
            continue;
        };
        if e.target == Some(p) || !speaks_for_side(doc, p, s, true) {
            continue;
        }
        e.source = Some(p);
        e.source_from_author = false;
        // (the official's own statement is no third party's account)
        if e.status == EventStatus::Reported {
            e.status = EventStatus::Asserted;
        }
        moved = true;
    }
    moved
}

/// The one named person who is the subject of speaker verb `v` (its own
/// or inherited), unless a spokesperson or the author in person.
fn speaker(doc: &Doc, lex: &EventLexicon, args: &Args<'_>, v: usize) -> Option<usize> {
    let mut found = args.by_rels(v, &[Rel::Subj]);
    if found.is_empty() && !args.has_own_subject(v) {
        found = args.inherited_subject(v, TriggerPos::Verb);
    }
    let [p] = found[..] else {
        return None;
    };
    let office =
        Some(p) == doc.author_person || crate::events::speaks_for_office(doc, &lex.words, p);
    (!office).then_some(p)
}

/// Whether verb `v` is a speaker verb ("reaffirmed", "offered").
pub(super) fn is_speaker_verb(tree: &TreeView<'_>, words: &WordClasses, v: usize) -> bool {
    words.has(WordClass::SpeakerVerb, tree.lemma(v))
}

/// Whether person `p` speaks for state or body `s`: `s` is on `p`'s
/// affiliation chain; with `lenient`, a person of no stated affiliation
/// speaks for the document's author's side (a ministry's release names
/// "the Foreign Minister" without "of Nepal").
pub(super) fn speaks_for_side(doc: &Doc, p: usize, s: usize, lenient: bool) -> bool {
    let person = doc
        .actors
        .get(p)
        .is_some_and(|x| x.kind == Some(ActorKind::Person));
    if !person || p == s {
        return false;
    }
    match doc.actors.get(p).and_then(|x| x.affiliation) {
        Some(first) => on_chain(doc, first, s),
        None => lenient && doc.author.is_some_and(|a| on_chain(doc, a, s)),
    }
}

/// Whether `s` is `from` or one of its affiliations up the chain.
fn on_chain(doc: &Doc, from: usize, s: usize) -> bool {
    let mut at = Some(from);
    for _ in 0..SIDE_DEPTH {
        match at {
            Some(x) if x == s => return true,
            Some(x) => at = doc.actors.get(x).and_then(|r| r.affiliation),
            None => return false,
        }
    }
    false
}

#[cfg(test)]
#[path = "tests_speaker.rs"]
mod tests_speaker;
