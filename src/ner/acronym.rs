//! An acronym defined in parentheses right after a name ("the Strategic
//! Dialogue (SD)") names the same thing, so it takes that name's type; the
//! tagger, seeing a lone capitalised token, calls most acronyms ORG.

use crate::doc::{Doc, EntityType, Mention};

/// Whether `w` looks like an acronym: at least two letters, mostly capitals.
fn acronym_like(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let upper = w.chars().filter(|c| c.is_uppercase()).count();
    letters >= 2 && upper * 2 > letters
}

/// `mentions` (in token order) with each one-token ORG acronym in
/// parentheses after an EVENT given the type EVENT, and its other ORG
/// mentions too.
pub(super) fn defined_acronyms(doc: &Doc, mut mentions: Vec<Mention>) -> Vec<Mention> {
    let mut defined: Vec<String> = Vec::new();
    for i in 1..mentions.len() {
        let m = &mentions[i];
        let (a, b) = (m.tokens.start, m.tokens.end);
        if m.label != EntityType::Org || b != a + 1 || a < 2 || !acronym_like(doc.token_text(a)) {
            continue;
        }
        if doc.token_text(a - 1) != "(" || doc.token_text(b) != ")" {
            continue;
        }
        let named = mentions[..i]
            .iter()
            .rev()
            .find(|p| p.tokens.end == a - 1)
            .map(|p| p.label);
        if named == Some(EntityType::Event) {
            mentions[i].label = EntityType::Event;
            defined.push(doc.token_text(a).to_string());
        }
    }
    // the acronym names the event wherever it stands
    for m in &mut mentions {
        if m.label == EntityType::Org && defined.iter().any(|d| d == doc.span_text(m.span)) {
            m.label = EntityType::Event;
        }
    }
    mentions
}
