//! Places as actors: the state a place mention stands for ("shelled
//! villages in Arnor"), and the mentions of towns, which name no actor.

use std::collections::HashMap;

use crate::actors::names::is_state_kind;
use crate::doc::{ActorKind, ActorRef, Doc};

/// Token → the state of the place mentioned there: the document's state
/// actor of the place's country, or for a country named only as a place
/// ("shelled villages in Arnor") a new state actor, numbered after the
/// document's actors and returned with the map (the caller adds those
/// that an event uses).
pub(super) fn place_states(doc: &Doc, inside: &[bool]) -> (HashMap<usize, usize>, Vec<ActorRef>) {
    let mut state_of: HashMap<&str, usize> = HashMap::new();
    for (i, a) in doc.actors.iter().enumerate() {
        if a.kind == Some(ActorKind::State) {
            if let Some(c) = a.country.as_deref() {
                state_of.entry(c).or_insert(i);
            }
        }
    }
    let mut out = HashMap::new();
    let mut pending: Vec<ActorRef> = Vec::new();
    // (a place inside an agreement's name, "the Vienna Convention", is
    // no target)
    let in_agreement = |m: usize| {
        doc.entities
            .get(m)
            .is_some_and(|e| inside.get(e.tokens.start).copied().unwrap_or(false))
    };
    for p in &doc.places {
        let Some(country) = p.country.as_deref() else {
            continue;
        };
        if p.mentions.iter().all(|&m| in_agreement(m)) {
            continue;
        }
        let state = match state_of.get(country) {
            Some(&s) => s,
            None if is_state_kind(&p.kind) => {
                pending.push(ActorRef {
                    name: p.name.clone(),
                    kind: Some(ActorKind::State),
                    country: Some(country.to_string()),
                    mentions: p.mentions.clone(),
                    listed: true,
                    ..ActorRef::default()
                });
                doc.actors.len() + pending.len() - 1
            }
            None => continue,
        };
        for &m in &p.mentions {
            if let Some(e) = doc.entities.get(m) {
                for t in e.tokens.clone() {
                    out.insert(t, state);
                }
            }
        }
    }
    (out, pending)
}

/// Token → part of a mention of a place that is no country.
pub(super) fn town_tokens(doc: &Doc) -> Vec<bool> {
    let mut out = vec![false; doc.tokens.len()];
    for p in doc.places.iter().filter(|p| !is_state_kind(&p.kind)) {
        for e in p.mentions.iter().filter_map(|&m| doc.entities.get(m)) {
            for t in e.tokens.clone() {
                if let Some(x) = out.get_mut(t) {
                    *x = true;
                }
            }
        }
    }
    out
}
