//! A headline that names a joint statement, communiqué or declaration of
//! two or more parties is the document's own title, and the instrument is
//! the document (dev README, AGREEMENT). The record keeps the name its
//! mention gives ("Joint Statement on …"): a whole headline as the name
//! ("Joint Statement by the Foreign Ministers of …, … on …") adds words a
//! descriptive name lacks. The states the headline names are its parties.

use super::complements::entity_names;
use crate::doc::{Doc, EntityType};
use crate::lexicon::formations::Formations;

/// Whether the headline names two or more parties: two states or peoples,
/// two persons, a person and a state or place, or a formation ("Quad").
pub(super) fn names_parties(doc: &Doc, formations: &Formations) -> bool {
    let Some(s0) = doc.sentences.first() else {
        return false;
    };
    let inside = |t: &EntityType| {
        doc.entities
            .iter()
            .filter(|m| m.sentence == 0 && m.label == *t)
            .map(|m| doc.span_text(m.span))
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    };
    let formation = s0.tokens.clone().any(|k| {
        formations
            .lookup(doc.span_text(doc.tokens[k].span))
            .is_some()
    });
    let places = inside(&EntityType::Gpe) + inside(&EntityType::Norp);
    let persons = inside(&EntityType::Person);
    // "Joint communiqué from the visit of President A to Stockholm": the
    // visitor and the host's capital are two sides, as two states or two
    // persons are (a joint instrument has two or more parties)
    formation || places >= 2 || persons >= 2 || (persons >= 1 && places >= 1)
}

/// The states a headline names, when it names two or more, else the
/// formations it names ("G7 Leaders’ Statement": the G7).
pub(super) fn headline_parties(doc: &Doc, formations: &Formations) -> Vec<String> {
    let Some(s0) = doc.sentences.first() else {
        return Vec::new();
    };
    let names = entity_names(doc, s0.tokens.start, s0.tokens.end, &[EntityType::Gpe]);
    if names.len() >= 2 {
        return names;
    }
    let mut out: Vec<String> = Vec::new();
    for k in s0.tokens.clone() {
        let w = doc.span_text(doc.tokens[k].span);
        if formations.lookup(w).is_some() && !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    }
    out
}

/// The headline as the name of the document's own statement: when the
/// record's first mention opens the headline and the headline names two or
/// more parties ("Joint Statement by the Foreign Ministers of A and B").
pub(super) fn own_title(
    doc: &Doc,
    first_mention: Option<&crate::doc::AgreementMention>,
    formations: &Formations,
) -> Option<String> {
    let s0 = doc.sentences.first()?;
    let m = first_mention?;
    let opens = m.sentence == 0
        && doc
            .tokens
            .get(s0.tokens.start)
            .is_some_and(|t| t.span.byte_start == m.span.byte_start);
    if !opens || !names_parties(doc, formations) || s0.tokens.is_empty() {
        return None;
    }
    Some(super::join_tokens(doc, s0.tokens.start, s0.tokens.end))
}
