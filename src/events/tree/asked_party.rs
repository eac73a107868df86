//! The one a request asks, read from what it asks for: "Gondor calls for
//! Mordor's withdrawal from Rohan" names no addressee, but the act called
//! for has its doer, and a request for someone's act asks that someone
//! (PLOVER REQUEST: the target is the actor asked to act). A request with
//! no target of its own takes the sources of the called-for events its
//! `called` slot holds ("called for a ceasefire between Harad and Umbar":
//! one request to each).

use super::args::Args;
use crate::doc::{EventRef, EventStatus, PloverType};
use crate::events::triggers::Triggers;

/// Gives each untargeted request the doers of the acts it calls for.
pub(super) fn fill_asked_parties(args: &Args<'_>, triggers: &Triggers, events: &mut Vec<EventRef>) {
    let mut added: Vec<EventRef> = Vec::new();
    for i in 0..events.len() {
        let e = &events[i];
        if e.kind != PloverType::Request || e.target.is_some() || e.status == EventStatus::Negated {
            continue;
        }
        let asked = called_doers(args, triggers, e, events);
        let Some((&first, rest)) = asked.split_first() else {
            continue;
        };
        for &other in rest {
            let mut copy = events[i].clone();
            copy.target = Some(other);
            added.push(copy);
        }
        events[i].target = Some(first);
    }
    events.extend(added);
}

/// The distinct sources of the called-for events at the nodes request
/// `e`'s row calls for (and their conjuncts), other than its own source.
fn called_doers(
    args: &Args<'_>,
    triggers: &Triggers,
    e: &EventRef,
    events: &[EventRef],
) -> Vec<usize> {
    let Some(row) = triggers.row(&e.pattern) else {
        return Vec::new();
    };
    let t = e.tokens.start;
    if t >= args.tree.len() {
        return Vec::new();
    }
    let nodes: Vec<usize> = row
        .called
        .iter()
        .flat_map(|rel| args.nodes(t, rel))
        .flat_map(|n| args.tree.with_conjuncts(n))
        .collect();
    let mut doers: Vec<usize> = Vec::new();
    for o in events {
        let called = o.status == EventStatus::CalledFor && nodes.contains(&o.tokens.start);
        match o.source {
            Some(s) if called && Some(s) != e.source && !doers.contains(&s) => doers.push(s),
            _ => {}
        }
    }
    doers
}
