//! A headline that names a joint statement, communiqué or declaration is
//! the document's own title, and the instrument is the document (dev
//! README: "A document's own title is an AGREEMENT when it names a joint
//! statement, communiqué or declaration of two or more parties"): the
//! record takes the headline as its name and the states it names as its
//! parties.

use super::complements::entity_names;
use crate::doc::{AgreementMention, Doc, EntityType};

/// Longest headline taken as a name, in tokens.
const MAX_TITLE: usize = 40;

/// The headline, when the record's headline mention opens it (at most two
/// tokens before it: a year, a formation's name).
pub(super) fn headline_name(doc: &Doc, mentions: &[AgreementMention]) -> Option<String> {
    let s0 = doc.sentences.first()?;
    let (first, lim) = (s0.tokens.start, s0.tokens.end);
    if lim - first > MAX_TITLE {
        return None;
    }
    let m = mentions.iter().find(|m| m.sentence == 0)?;
    let start = (first..lim).find(|&k| doc.tokens[k].span.byte_start >= m.span.byte_start)?;
    if start > first + 2 {
        return None;
    }
    let text = doc.span_text(s0.span);
    let name = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', ':', ';', ','])
        .to_string();
    (!name.is_empty()).then_some(name)
}

/// The states a headline names, when it names two or more.
pub(super) fn headline_parties(doc: &Doc) -> Vec<String> {
    let Some(s0) = doc.sentences.first() else {
        return Vec::new();
    };
    let names = entity_names(doc, s0.tokens.start, s0.tokens.end, &[EntityType::Gpe]);
    if names.len() >= 2 {
        names
    } else {
        Vec::new()
    }
}
