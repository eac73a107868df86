//! An acronym defined in parentheses right after a name ("the Strategic
//! Dialogue (SD)", "the Harbour Safeguards Agreement (HSA)") names the same
//! thing, so it takes that name's type; the tagger, seeing a lone capitalised
//! token, calls most acronyms ORG.

use crate::doc::{Doc, EntityType, Mention};

/// Whether `w` looks like an acronym: at least two letters, mostly capitals.
fn acronym_like(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let upper = w.chars().filter(|c| c.is_uppercase()).count();
    letters >= 2 && upper * 2 > letters
}

/// The one-token ORG acronym in parentheses right after a name that ends at
/// token `name_end`, as its mention's index in `mentions`.
fn bracketed_after(doc: &Doc, mentions: &[Mention], name_end: usize) -> Option<usize> {
    let a = name_end + 1;
    let i = mentions.partition_point(|m| m.tokens.start < a);
    let m = mentions.get(i)?;
    let fits = m.tokens == (a..a + 1)
        && m.label == EntityType::Org
        && doc.token_text(name_end) == "("
        && doc.token_text(a + 1) == ")"
        && acronym_like(doc.token_text(a));
    fits.then_some(i)
}

/// `mentions` (in token order) with each one-token ORG acronym in
/// parentheses after an EVENT given the type EVENT, and its other ORG
/// mentions too; an acronym defined after an instrument (the tagger's
/// AGREEMENT spans, `instruments`, which the agreements stage names) is no
/// ORG anywhere in the document.
pub(super) fn defined_acronyms(
    doc: &Doc,
    instruments: &[Mention],
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut events: Vec<String> = Vec::new();
    let names_end: Vec<(usize, EntityType)> = mentions
        .iter()
        .filter(|m| m.label == EntityType::Event)
        .chain(instruments)
        .map(|m| (m.tokens.end, m.label))
        .collect();
    let mut instrument_acronyms: Vec<String> = Vec::new();
    for (end, label) in names_end {
        let Some(i) = bracketed_after(doc, &mentions, end) else {
            continue;
        };
        let acronym = doc.span_text(mentions[i].span).to_string();
        if label == EntityType::Event {
            events.push(acronym);
        } else {
            instrument_acronyms.push(acronym);
        }
    }
    // the acronym names the event or the instrument wherever it stands
    mentions.retain(|m| {
        m.label != EntityType::Org
            || !instrument_acronyms
                .iter()
                .any(|d| d == doc.span_text(m.span))
    });
    for m in &mut mentions {
        if m.label == EntityType::Org && events.iter().any(|d| d == doc.span_text(m.span)) {
            m.label = EntityType::Event;
        }
    }
    mentions
}
