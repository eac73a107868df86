//! A visit that names no destination is a visit to the state whose
//! release tells it: "Statement on the Visit of Prime Minister X of
//! Gondor" from Arnor's foreign ministry, "taking President X's visit as
//! an opportunity, Arnor stands ready …" (dev README: visits go visitor →
//! host).

use super::affiliation;
use super::lexicon::EventLexicon;
use crate::doc::{ActorKind, Doc, EventRef, PloverType};

/// Gives a destinationless visit the document's author as its host when
/// nothing else can be the host: the author is a state writing alone, the
/// visitor is another state or a person of another state, and the
/// visit's sentence names no third state and no place abroad.
pub(super) fn author_hosts_visits(doc: &Doc, lex: &EventLexicon, events: &mut [EventRef]) {
    let Some(author) = doc.author else {
        return;
    };
    let is_state = |a: usize| {
        doc.actors
            .get(a)
            .is_some_and(|x| x.kind == Some(ActorKind::State))
    };
    if !is_state(author) || !doc.co_authors.is_empty() {
        return;
    }
    // a person's state, or a state itself
    let side = |a: usize| {
        if is_state(a) {
            Some(a)
        } else {
            affiliation(doc, a).filter(|&s| is_state(s))
        }
    };
    for e in events.iter_mut() {
        if e.kind != PloverType::Consult || e.target.is_some() || !is_visit(lex, e) {
            continue;
        }
        let Some(visitor) = e.source.and_then(side).filter(|&s| s != author) else {
            continue;
        };
        if !only_sides_named(doc, e.sentence, [author, visitor], &side) {
            continue;
        }
        e.target = Some(author);
    }
}

/// Whether sentence `k` names no state but `sides` (through actors or
/// their people) and no place outside the first side's country.
fn only_sides_named(
    doc: &Doc,
    k: usize,
    sides: [usize; 2],
    side: &dyn Fn(usize) -> Option<usize>,
) -> bool {
    let Some(range) = doc.sentences.get(k).map(|s| s.tokens.clone()) else {
        return false;
    };
    let inside = |t: &std::ops::Range<usize>| t.start >= range.start && t.end <= range.end;
    let third_state = doc
        .actor_spans
        .iter()
        .filter(|s| inside(&s.tokens))
        .filter_map(|s| side(s.actor))
        .any(|s| !sides.contains(&s));
    let home = doc.actors.get(sides[0]).and_then(|a| a.country.as_deref());
    let place_abroad = doc.places.iter().any(|p| {
        p.country.as_deref() != home
            && p.mentions
                .iter()
                .filter_map(|&m| doc.entities.get(m))
                .any(|m| inside(&m.tokens))
    });
    !third_state && !place_abroad
}

/// Whether the event was coded by a visit row (CAMEO 042, "make a visit").
pub(super) fn is_visit(lex: &EventLexicon, e: &EventRef) -> bool {
    lex.triggers
        .row(&e.pattern)
        .is_some_and(|r| r.cameo.starts_with("042"))
}
