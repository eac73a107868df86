//! Definite descriptions the actors stage leaves without an actor:
//!
//! - "the Government" (or "the federal / central / national
//!   government") with nothing naming whose, in a document whose author is
//!   a state and which names no other state's government: the author's own
//!   government ("The Government supports all the recommendations" in a
//!   ministry's release). A government named with its state elsewhere in
//!   the document ("the Government of Dale") makes the bare phrase
//!   ambiguous, and then it names no one.
//! - a capitalised head noun of exactly one organisation the document
//!   names ("the Council" after "the Security Council", "Parliament" after
//!   "the European Parliament", "the Ministry" after "the Ministry of
//!   Trade"): the short form a text uses once the full name is given.

use std::collections::HashMap;

use super::view::TreeView;
use crate::doc::{ActorKind, Doc};

/// The word for a state's executive that a bare definite use refers to.
const GOVERNMENT: &str = "government";

/// Modifiers that leave a government the author's own (not a word list
/// of names: the kinds of a state's own government).
const OWN_GOVERNMENT_MODIFIERS: [&str; 3] = ["federal", "central", "national"];

/// Token → the actor a definite description there refers to.
pub(super) fn definite_actors(doc: &Doc, tree: &TreeView<'_>) -> HashMap<usize, usize> {
    let covered = covered_tokens(doc);
    let mut out = HashMap::new();
    let own = own_government(doc, tree, &covered);
    for i in 0..tree.len().min(doc.tokens.len()) {
        if covered.get(i).copied().unwrap_or(true) || !matches!(tree.upos(i), "NOUN" | "PROPN") {
            continue;
        }
        if !bare_definite(doc, tree, &covered, i) {
            continue;
        }
        if tree.lemma(i).eq_ignore_ascii_case(GOVERNMENT) {
            if let Some(a) = own {
                out.insert(i, a);
            }
            continue;
        }
        if let Some(a) = organisation_by_head(doc, i) {
            out.insert(i, a);
        }
    }
    out
}

/// Token → covered by an actor span.
fn covered_tokens(doc: &Doc) -> Vec<bool> {
    let mut out = vec![false; doc.tokens.len()];
    for s in &doc.actor_spans {
        for t in s.tokens.clone() {
            if let Some(x) = out.get_mut(t) {
                *x = true;
            }
        }
    }
    out
}

/// Whether singular noun `i` is a bare definite description: "the" (or no
/// determiner, capitalised: "Parliament calls on …"), no possessor, no
/// compound or "of" phrase, and no modifier but the kinds of a state's own
/// government.
fn bare_definite(doc: &Doc, tree: &TreeView<'_>, covered: &[bool], i: usize) -> bool {
    // (a modifier of another noun is part of that one's name: "the
    // Health Dialogue", "Government authorities")
    if !matches!(tree.xpos(i), "NN" | "NNP")
        || matches!(tree.rel(i), "compound" | "flat" | "amod" | "appos")
    {
        return false;
    }
    // (without "the", only a capitalised subject: "Parliament calls on …")
    let capitalised = doc.raw(i).chars().next().is_some_and(char::is_uppercase);
    let mut definite = capitalised && tree.rel(i) == "nsubj";
    for &c in tree.children(i) {
        match tree.rel(c) {
            "det" => {
                if !doc.norm(c).eq_ignore_ascii_case("the") {
                    return false;
                }
                definite = true;
            }
            "amod" => {
                let own = OWN_GOVERNMENT_MODIFIERS
                    .iter()
                    .any(|m| doc.norm(c).eq_ignore_ascii_case(m));
                if !own || covered.get(c).copied().unwrap_or(true) {
                    return false;
                }
            }
            "nmod" | "compound" | "flat" | "appos" | "nummod" => return false,
            _ => {}
        }
    }
    // ("the Government's", a possessor itself, is as bare)
    definite
}

/// The author, when it is a state and every government the document names
/// with a state is the author's.
fn own_government(doc: &Doc, tree: &TreeView<'_>, covered: &[bool]) -> Option<usize> {
    let author = doc.author?;
    let state = doc.actors.get(author)?.kind == Some(ActorKind::State);
    if !state || !doc.co_authors.is_empty() {
        return None;
    }
    let actors_at = |t: usize| -> Vec<usize> {
        doc.actor_spans
            .iter()
            .filter(|s| s.tokens.contains(&t))
            .map(|s| s.actor)
            .collect()
    };
    for i in 0..tree.len().min(doc.tokens.len()) {
        if !tree.lemma(i).eq_ignore_ascii_case(GOVERNMENT) {
            continue;
        }
        // the government itself covered ("the Government of Dale" as one
        // span), or a modifier or "of" phrase naming a state
        let mut named: Vec<usize> = if covered.get(i).copied().unwrap_or(false) {
            actors_at(i)
        } else {
            Vec::new()
        };
        for &c in tree.children(i) {
            if matches!(tree.rel(c), "amod" | "compound" | "nmod") {
                named.extend(actors_at(c));
            }
        }
        if named.iter().any(|&a| a != author) {
            return None;
        }
    }
    Some(author)
}

/// The one organisation of the document whose name is headed by the word
/// at `i`: its last word ("Security Council") or its first before "of"
/// ("Ministry of Trade").
fn organisation_by_head(doc: &Doc, i: usize) -> Option<usize> {
    let word = doc.raw(i);
    if !word.chars().next().is_some_and(char::is_uppercase) || word.len() < 4 {
        return None;
    }
    let mut found = None;
    for (k, a) in doc.actors.iter().enumerate() {
        if a.kind != Some(ActorKind::Organization) {
            continue;
        }
        let words: Vec<&str> = a.name.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        let last = words.last().is_some_and(|w| w.eq_ignore_ascii_case(word));
        let first = words[0].eq_ignore_ascii_case(word) && words[1].eq_ignore_ascii_case("of");
        if last || first {
            if found.is_some() {
                return None;
            }
            found = Some(k);
        }
    }
    found
}

#[cfg(test)]
#[path = "tests_sources.rs"]
mod tests_sources;
