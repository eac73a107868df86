//! Collective actors an event may name: "the international community",
//! "all parties", "the West" (`events.group-phrase` in
//! `models/words.tsv`), and a people named by a plural demonym ("Cubans",
//! "Palestinians": the people, not the state). Each becomes a `group`
//! actor, numbered after `base`; the caller adds those an event uses.

use std::collections::HashMap;

use super::view::TreeView;
use crate::doc::{ActorKind, ActorRef, Doc, EntityType};
use crate::lexicon::{WordClass, WordClasses};

/// The longest group phrase, in words.
const MAX_PHRASE_WORDS: usize = 5;

/// Token → group actor (numbered from `base`), and the new actors.
pub(super) fn group_actors(
    doc: &Doc,
    classes: &WordClasses,
    tree: &TreeView<'_>,
    base: usize,
) -> (HashMap<usize, usize>, Vec<ActorRef>) {
    let mut found: Vec<(std::ops::Range<usize>, Option<String>)> = phrases(doc, classes);
    found.extend(peoples(doc, tree));
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut actors: Vec<ActorRef> = Vec::new();
    let mut at = HashMap::new();
    for (range, country) in found {
        let Some(last) = range.end.checked_sub(1) else {
            continue;
        };
        let name = doc
            .span_text(doc.token_span(range.start, last))
            .trim()
            .to_string();
        let key = name.to_lowercase();
        // a group the actors stage already made ("Houthis") stays one
        let known = doc.actors.iter().position(|a| a.name.to_lowercase() == key);
        let id = *by_name.entry(key).or_insert_with(|| {
            if let Some(k) = known {
                return k;
            }
            actors.push(ActorRef {
                name: name.clone(),
                kind: Some(ActorKind::Group),
                country: country.clone(),
                listed: true,
                ..ActorRef::default()
            });
            base + actors.len() - 1
        });
        for t in range {
            at.insert(t, id);
        }
    }
    (at, actors)
}

/// Group phrases, longest first at each token; a one-word phrase must be
/// capitalised ("the West", not "west of the river").
fn phrases(doc: &Doc, classes: &WordClasses) -> Vec<(std::ops::Range<usize>, Option<String>)> {
    let n = doc.tokens.len();
    let mut out = Vec::new();
    let mut words = String::new();
    let mut i = 0;
    while i < n {
        // one buffer grown word by word; the longest phrase wins
        let mut matched = None;
        words.clear();
        for len in 1..=MAX_PHRASE_WORDS.min(n - i) {
            if len > 1 {
                words.push(' ');
            }
            words.push_str(doc.norm(i + len - 1));
            if !classes.has(WordClass::GroupPhrase, &words) {
                continue;
            }
            let capitalised = doc.raw(i).chars().next().is_some_and(char::is_uppercase);
            if len > 1 || capitalised {
                matched = Some(len);
            }
        }
        match matched {
            Some(len) => {
                // "all parties to the conflict" is the group "parties to
                // the conflict" when that is a phrase too
                let rest: Vec<&str> = (i + 1..i + len).map(|k| doc.norm(k)).collect();
                let start = if doc.norm(i) == "all"
                    && rest.len() >= 2
                    && classes.has(WordClass::GroupPhrase, &rest.join(" "))
                {
                    i + 1
                } else {
                    i
                };
                out.push((start..i + len, None));
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// Plural demonyms standing as nouns of their own ("the Cubans who took
/// to the streets"), not as modifiers ("Cuban forces").
fn peoples(doc: &Doc, tree: &TreeView<'_>) -> Vec<(std::ops::Range<usize>, Option<String>)> {
    let mut out = Vec::new();
    for m in doc.entities.iter().filter(|m| m.label == EntityType::Norp) {
        if m.tokens.len() != 1 {
            continue;
        }
        let t = m.tokens.start;
        let word = doc.raw(t);
        let plural = word.len() > 3 && word.ends_with('s') && !word.ends_with("ss");
        let noun = matches!(tree.upos(t), "NOUN" | "PROPN");
        let head = !matches!(tree.deprel(t), "amod" | "compound" | "nmod:poss");
        // "three Australians" are persons, not a people
        let counted = tree.children(t).iter().any(|&c| tree.deprel(c) == "nummod");
        if plural && noun && head && !counted {
            let country = doc
                .actor_spans
                .iter()
                .find(|s| s.tokens.contains(&t))
                .and_then(|s| doc.actors.get(s.actor))
                .and_then(|a| a.country.clone());
            out.push((m.tokens.clone(), country));
        }
    }
    out
}
