//! Plural descriptions of a meeting's parties as a clause's subject ("The
//! participants discussed …", "The three countries committed …", "The
//! presidents and their advisors discussed …"), where the actors stage
//! made no pair of them: the parties of the meeting the text reports, or
//! the run of actors it named just before.
//!
//! - the noun is a plural of `events.participant-noun` (the people at a
//!   meeting: "leaders", "participants", "co-chairs") or of
//!   `events.participant-body-noun` (the sides: "countries", "parties",
//!   "delegations"), with nothing on it but "the", "both" or a number (a
//!   modifier or phrase, "African leaders", "developed countries",
//!   "leaders of many states", says whom it means itself, or means others);
//! - a bare plural ("Participants discussed") only for the people at a
//!   meeting: "countries should work together" is everyone;
//! - a number picks the last meeting or run of that many parties; without
//!   one, the last meeting within a few sentences (a readout names its
//!   pair once and goes on with "the leaders"), else, for the sides, the
//!   run of actors just before, else a joint statement's authors (as
//!   "they", [`super::pronouns`]);
//! - the sides of persons are the states they act for.

use std::collections::HashMap;

use super::actors::gathering;
use super::view::TreeView;
use crate::doc::{ActorKind, Doc};
use crate::lexicon::{WordClass, WordClasses};

/// How many sentences back the meeting may be: a readout names its pair
/// in its first sentence and says "the leaders" several sentences on.
const MEETING_REACH: usize = 6;

/// How many sentences back a run of named actors may be.
const RUN_REACH: usize = 2;

/// A group of actors with the token after its last mention.
type Group = (usize, Vec<usize>);

/// What a participant noun says of the group it means.
struct Shape {
    /// The number it gives ("the three countries", "both sides").
    count: Option<usize>,
    /// Whether "the" or "both" makes it definite.
    definite: bool,
    /// Whether it names the sides (states, bodies), not the people.
    sides: bool,
}

/// Token → the actors a plural participant noun there stands for (tokens
/// no actor span covers).
pub fn resolve(
    doc: &Doc,
    tree: &TreeView<'_>,
    classes: &WordClasses,
    meetings: &[Group],
    runs: &[Group],
) -> HashMap<usize, Vec<usize>> {
    let mut covered = vec![false; doc.tokens.len()];
    for s in &doc.actor_spans {
        for t in s.tokens.clone() {
            if let Some(x) = covered.get_mut(t) {
                *x = true;
            }
        }
    }
    let mut out = HashMap::new();
    for (i, &is_covered) in covered.iter().enumerate().take(tree.len()) {
        if is_covered || !matches!(tree.deprel(i), "nsubj" | "nsubj:pass") {
            continue;
        }
        let Some(shape) = shape(tree, classes, i) else {
            continue;
        };
        let found = pick(doc, classes, (meetings, runs), i, &shape);
        if !found.is_empty() {
            out.insert(i, found);
        }
    }
    out
}

/// The shape of the plural participant noun at `i`, or `None` when it is
/// none or something on it says whom it means.
fn shape(tree: &TreeView<'_>, classes: &WordClasses, i: usize) -> Option<Shape> {
    if !matches!(tree.xpos(i), "NNS" | "NNPS") {
        return None;
    }
    let lemma = tree.lemma(i);
    let people = classes.has_ignore_ascii_case(WordClass::ParticipantNoun, lemma);
    let sides = classes.has_ignore_ascii_case(WordClass::ParticipantBodyNoun, lemma);
    if !people && !sides {
        return None;
    }
    let mut shape = Shape {
        count: None,
        definite: false,
        sides,
    };
    for &c in tree.children(i) {
        let word = tree.lemma(c).to_ascii_lowercase();
        match tree.deprel(c) {
            "det" if word == "the" => shape.definite = true,
            "det" if word == "both" => {
                shape.definite = true;
                shape.count = Some(2);
            }
            "nummod" => shape.count = Some(count_word(&word)?),
            "conj" | "cc" | "punct" => {}
            // ("participants in the talks")
            "nmod" if classes.has_ignore_ascii_case(WordClass::MeetingNoun, tree.lemma(c)) => {}
            _ => return None,
        }
    }
    if sides && !shape.definite && shape.count.is_none() {
        return None;
    }
    Some(shape)
}

/// The number a numeral word gives, two to five.
fn count_word(w: &str) -> Option<usize> {
    crate::text::numbers::small_count(w).filter(|n| (2..=5).contains(n))
}

/// The group the noun at `i` of `shape` stands for.
fn pick(
    doc: &Doc,
    classes: &WordClasses,
    (meetings, runs): (&[Group], &[Group]),
    i: usize,
    shape: &Shape,
) -> Vec<usize> {
    let sentence = doc.sentence_of_token(i);
    let within = |end: usize, reach: usize| {
        end <= i && doc.sentence_of_token(end.saturating_sub(1)) + reach >= sentence
    };
    let as_group = |actors: &[usize]| -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        // (a meeting named as an actor, "the Gondor-Rohan Consultations"
        // hosted by one of them, is where they met, not one of them)
        for &a in actors.iter().filter(|&&a| !meeting_named(doc, classes, a)) {
            let a = if shape.sides { side_of(doc, a) } else { a };
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out
    };
    let mut recent_meetings = meetings
        .iter()
        .filter(|(end, _)| within(*end, MEETING_REACH))
        .map(|(end, a)| (*end, as_group(a)));
    let mut recent_runs = runs
        .iter()
        .filter(|(end, _)| within(*end, RUN_REACH))
        .map(|(end, a)| (*end, as_group(a)));
    if let Some(n) = shape.count {
        // (the last group of that many parties, meeting or run)
        return recent_meetings
            .chain(recent_runs)
            .filter(|(_, g)| g.len() == n)
            .max_by_key(|(end, _)| *end)
            .map(|(_, g)| g)
            .unwrap_or_default();
    }
    if let Some((_, g)) = recent_meetings.rfind(|(_, g)| g.len() >= 2) {
        return g;
    }
    if shape.sides {
        if let Some((_, g)) = recent_runs.rfind(|(_, g)| g.len() >= 2) {
            return g;
        }
    }
    // (a joint statement's authors, as "they": one record per co-author
    // follows)
    if !doc.co_authors.is_empty() {
        return doc.author.into_iter().collect();
    }
    Vec::new()
}

/// The side actor `a` stands for: a person's state or body, else `a`.
fn side_of(doc: &Doc, a: usize) -> usize {
    match doc.actors.get(a) {
        Some(r) if r.kind == Some(ActorKind::Person) => r.affiliation.unwrap_or(a),
        _ => a,
    }
}

/// Whether actor `a` is named as a gathering ("the G7 Summit") or as a
/// meeting ("the Gondor-Rohan Consultations": its last word a meeting
/// noun).
fn meeting_named(doc: &Doc, classes: &WordClasses, a: usize) -> bool {
    if gathering(doc, classes, a) {
        return true;
    }
    let Some(r) = doc.actors.get(a) else {
        return false;
    };
    let last = r.name.split_whitespace().last().unwrap_or("");
    let singular = last.strip_suffix('s').unwrap_or(last);
    r.kind != Some(ActorKind::Person)
        && r.kind != Some(ActorKind::State)
        && classes.has_ignore_ascii_case(WordClass::MeetingNoun, singular)
}
