//! Names joined by a hyphen or a dash as a modifier of a named event or a
//! border (dev README: "Russia-ASEAN Summit", "U.S. – AUC High Level
//! Dialogue" are EVENTs, "Thai-Burma border" a LOC). The tagger stops at
//! the joint: it gives "Russia-ASEAN" alone, or "AUC High Level Dialogue"
//! without the party before the dash. Which heads make an event or a border
//! is `models/ner_types.tsv`'s (`MISC last Summit EVENT`, `LOC last border
//! LOC`).

use crate::doc::{Doc, EntityType, Mention, Origin};
use crate::ner::gazetteer::Gazetteer;
use crate::ner::types::TypeMap;

/// The most words between a joined modifier and its head ("Russia-Greece
/// [Cross Year of History]" is beyond it; "[Annual Leaders' Summit]" not).
const MAX_HEAD_WORDS: usize = 4;

/// Whether `text` is two or more gazetteer names joined by hyphens or
/// dashes ("Japan-Australia", "Thai-Burma").
pub(crate) fn joined_names(gaz: &Gazetteer, text: &str) -> bool {
    let parts: Vec<&str> = text
        .split(['-', '\u{2010}', '\u{2011}', '\u{2013}'])
        .collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && gaz.lookup(p).is_some())
}

fn is_dash(t: &str) -> bool {
    matches!(t, "-" | "\u{2013}" | "\u{2014}" | "\u{2010}")
}

/// The record type the head cues give to a modifier and the words after it
/// (EVENT or LOC), if any.
fn headed(types: &TypeMap, gaz: &Gazetteer, words: &[&str]) -> Option<EntityType> {
    let text = words.join(" ");
    if types.map("MISC", words, &text, gaz) == EntityType::Event {
        return Some(EntityType::Event);
    }
    // (the LOC model type defaults to GPE: LOC comes from a cue only)
    (types.map("LOC", words, &text, gaz) == EntityType::Loc).then_some(EntityType::Loc)
}

/// Where the head after a joined modifier at `m` ends, and its type: the
/// words after it are capitalised or an apostrophe, or the head is a
/// lower-case cue word ("border").
fn head_after(
    doc: &Doc,
    types: &TypeMap,
    gaz: &Gazetteer,
    m: &Mention,
    free_until: usize,
) -> Option<(usize, EntityType)> {
    let mut words: Vec<&str> = m.tokens.clone().map(|i| doc.token_text(i)).collect();
    let limit = (m.tokens.end + MAX_HEAD_WORDS).min(free_until);
    for j in m.tokens.end..limit {
        if doc.sentence_of_token(j) != m.sentence {
            return None;
        }
        let w = doc.token_text(j);
        words.push(w);
        if let Some(label) = headed(types, gaz, &words) {
            return Some((j + 1, label));
        }
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        if !capitalised && !matches!(w, "'" | "\u{2019}" | "'s" | "\u{2019}s") {
            return None;
        }
    }
    None
}

fn span_of(doc: &Doc, a: usize, b: usize, label: EntityType, sentence: usize) -> Mention {
    Mention {
        span: doc.token_span(a, b - 1),
        tokens: a..b,
        sentence,
        label,
        score: None,
        origin: Origin::Model,
        entry: None,
    }
}

/// The mentions with joined modifiers and their heads made one name; the
/// name before a dash kept as a name of its own ("U.S." in "U.S. – AUC
/// High Level Dialogue"), a joined modifier taken in ("Russia-ASEAN").
pub fn joined_heads(
    doc: &Doc,
    types: &TypeMap,
    gaz: &Gazetteer,
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        let next = mentions.get(k + 1);
        // "U.S. – [AUC High Level Dialogue]": the party before the dash
        if let Some(e) = next.filter(|e| {
            e.label == EntityType::Event
                && e.tokens.start == m.tokens.end + 1
                && e.sentence == m.sentence
                && is_dash(doc.token_text(m.tokens.end))
                && matches!(m.label, EntityType::Gpe | EntityType::Org)
        }) {
            out.push(m.clone());
            out.push(span_of(
                doc,
                m.tokens.start,
                e.tokens.end,
                EntityType::Event,
                e.sentence,
            ));
            k += 2;
            continue;
        }
        let text = doc.span_text(m.span);
        let modifier = m.tokens.len() == 1
            && matches!(
                m.label,
                EntityType::Misc | EntityType::Gpe | EntityType::Loc | EntityType::Norp
            )
            && joined_names(gaz, text);
        let free_until = next.map_or(doc.tokens.len(), |n| n.tokens.start);
        if let Some((end, label)) = modifier
            .then(|| head_after(doc, types, gaz, m, free_until))
            .flatten()
        {
            out.push(span_of(doc, m.tokens.start, end, label, m.sentence));
            k += 1;
            continue;
        }
        out.push(m.clone());
        k += 1;
    }
    out.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    out
}
