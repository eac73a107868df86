//! "Ningarhar Province": a capitalised place word after a known place is
//! part of its name (dev README), so the place is one entity, not the
//! name plus the gazetteer's "Ningarhar" nested in it. The outer span takes
//! the nested entry (the place is still known). The place words are
//! `models/ner_types.tsv`'s `tail` class, compared in lower case.

use crate::doc::{Doc, EntityType, Mention, Origin};
use crate::ner::types::{TypeMap, WordClass};

/// Whether `outer` is a known place `inner` and a capitalised place word.
fn place_with_its_word(doc: &Doc, types: &TypeMap, outer: &Mention, inner: &Mention) -> bool {
    let last = outer.tokens.end - 1;
    let word = doc.token_text(last);
    outer.label == EntityType::Gpe
        && outer.origin == Origin::Model
        && inner.label == EntityType::Gpe
        && inner.entry.is_some()
        && inner.tokens == (outer.tokens.start..last)
        && word.chars().next().is_some_and(char::is_uppercase)
        && types.is(WordClass::Tail, &word.to_lowercase())
}

/// The mentions (in token order) with each place nested in its own
/// "<place> Province" span folded into it.
pub fn places_with_their_words(doc: &Doc, types: &TypeMap, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(outer) = out.last_mut() {
            if place_with_its_word(doc, types, outer, &m) {
                outer.entry = m.entry;
                continue;
            }
        }
        out.push(m);
    }
    out
}
