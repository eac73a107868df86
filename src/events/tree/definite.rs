//! Definite descriptions the actors stage leaves without an actor:
//!
//! - "the Government", "the Administration" (or "the federal / central /
//!   national government", "our Government") with nothing naming whose, in
//!   a document whose author is a state: the author's own government ("The
//!   Government supports all the recommendations" in a ministry's
//!   release). On 30 random bare uses in corpus documents that also name
//!   some other government, 25 were the author's; three were coordinated
//!   with an "of" phrase ("the Government and people of Dale"), which is
//!   not bare, one was an OCR-broken "Government-of Dale" and one generic
//!   ("at the Government to Government level"). A government of another
//!   state named in the same sentence before, or in the sentence before,
//!   is what the bare phrase continues; in a document whose author is no
//!   state, only that one is.
//! - a capitalised head noun of exactly one organisation the document
//!   names ("the Council" after "the Security Council", "Parliament" after
//!   "the European Parliament", "the Ministry" after "the Ministry of
//!   Trade"): the short form a text uses once the full name is given.

use std::collections::HashMap;

use super::view::TreeView;
use crate::doc::{ActorKind, Doc};

/// The word for a state's executive that a bare definite use refers to.
const GOVERNMENT: &str = "government";

/// The same, as a capitalised noun only ("the Administration"; "the
/// administration of aid" is no executive).
const ADMINISTRATION: &str = "Administration";

/// First-person possessors that make a government the author's ("our
/// Government", "my Government").
const OWN_POSSESSORS: [&str; 2] = ["our", "my"];

/// Modifiers that leave a government the author's own (not a word list
/// of names: the kinds of a state's own government).
const OWN_GOVERNMENT_MODIFIERS: [&str; 3] = ["federal", "central", "national"];

/// Token → the actor a definite description there refers to.
/// `places` maps the tokens of place mentions to the state they stand for.
pub(super) fn definite_actors(
    doc: &Doc,
    tree: &TreeView<'_>,
    places: &HashMap<usize, usize>,
) -> HashMap<usize, usize> {
    let covered = covered_tokens(doc);
    let mut out = HashMap::new();
    let own = own_state(doc);
    let others = other_governments(doc, tree, &covered, places, own.unwrap_or(usize::MAX));
    for i in 0..tree.len().min(doc.tokens.len()) {
        if covered.get(i).copied().unwrap_or(true) || !matches!(tree.upos(i), "NOUN" | "PROPN") {
            continue;
        }
        if is_government_word(doc, tree, i) {
            let owned = owned_by_speaker(doc, tree, i);
            if !owned && !bare_definite(doc, tree, &covered, i) {
                continue;
            }
            // ("our Government" is the speaker's, whatever came before)
            let near = (!owned).then(|| other_near(doc, &others, i)).flatten();
            if let Some(a) = near.or(own) {
                out.insert(i, a);
            }
            continue;
        }
        if !bare_definite(doc, tree, &covered, i) {
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
            // ("the Government and people of Dale": the "of" phrase is
            // both conjuncts')
            "conj" if tree.children(c).iter().any(|&g| tree.rel(g) == "nmod") => return false,
            _ => {}
        }
    }
    // ("the Government's", a possessor itself, is as bare)
    definite
}

/// The author, when it is one state.
fn own_state(doc: &Doc) -> Option<usize> {
    let author = doc.author?;
    let state = doc.actors.get(author)?.kind == Some(ActorKind::State);
    (state && doc.co_authors.is_empty()).then_some(author)
}

/// Whether token `i` is the word for a state's executive.
fn is_government_word(doc: &Doc, tree: &TreeView<'_>, i: usize) -> bool {
    tree.lemma(i).eq_ignore_ascii_case(GOVERNMENT) || doc.raw(i) == ADMINISTRATION
}

/// "our Government", "my Government": a first-person possessor and no
/// other modifier naming whose.
fn owned_by_speaker(doc: &Doc, tree: &TreeView<'_>, i: usize) -> bool {
    if matches!(tree.rel(i), "compound" | "flat" | "amod" | "appos") {
        return false;
    }
    let mut owned = false;
    for &c in tree.children(i) {
        match tree.rel(c) {
            "nmod:poss" => {
                owned = OWN_POSSESSORS
                    .iter()
                    .any(|p| doc.norm(c).eq_ignore_ascii_case(p));
            }
            "nmod" | "compound" | "flat" | "appos" | "amod" => return false,
            _ => {}
        }
    }
    owned
}

/// Governments the document names with a state other than the author
/// ("the Lebanese Government", "the Government of Dale"): token and state.
fn other_governments(
    doc: &Doc,
    tree: &TreeView<'_>,
    covered: &[bool],
    places: &HashMap<usize, usize>,
    author: usize,
) -> Vec<(usize, usize)> {
    // (a country named only as a place, "the Government of Dale", is the
    // state it stands for)
    let actors_at = |t: usize| -> Vec<usize> {
        let mut found: Vec<usize> = doc
            .actor_spans
            .iter()
            .filter(|s| s.tokens.contains(&t))
            .map(|s| s.actor)
            .collect();
        found.extend(places.get(&t));
        found
    };
    let mut out = Vec::new();
    for i in 0..tree.len().min(doc.tokens.len()) {
        if !is_government_word(doc, tree, i) {
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
        if let Some(&a) = named.iter().find(|&&a| a != author) {
            out.push((i, a));
        }
    }
    out
}

/// The state of another government named last before token `i`, in its
/// sentence or the sentence before: the bare phrase continues it ("The
/// Government of Rohan announced elections. The Government also …").
fn other_near(doc: &Doc, others: &[(usize, usize)], i: usize) -> Option<usize> {
    let sentence = doc.sentence_of_token(i);
    others
        .iter()
        .rev()
        .find(|&&(o, _)| o < i && doc.sentence_of_token(o) + 1 >= sentence)
        .map(|&(_, a)| a)
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
