//! The last step of the actors stage: names that are not names are
//! repaired or dropped (issue 13, item 1), before any later stage can name
//! them as a source or target.

use super::names::{NameFault, NameRules};
use crate::doc::{ActorKind, ActorRef, ActorSpan};

/// Splits titles off persons' names ("Counselor Derek Okafor" → "Derek
/// Okafor", title "Counselor"), then drops every actor whose name still
/// breaks a rule: its spans go, affiliations that point to it are cleared,
/// and its kind becomes `None` (the record leaves it out).
pub(super) fn repair_names(rules: &NameRules, actors: &mut [ActorRef], spans: &mut Vec<ActorSpan>) {
    for a in actors.iter_mut() {
        if a.kind != Some(ActorKind::Person)
            || rules.fault(ActorKind::Person, &a.name) != Some(NameFault::TitleInPersonName)
        {
            continue;
        }
        if let Some((title, name)) = rules.split_person_name(&a.name) {
            if a.title.is_none() {
                a.title = title;
            }
            a.name = name;
        }
    }
    let dropped: Vec<bool> = actors
        .iter()
        .map(|a| {
            a.kind
                .is_some_and(|k| a.entry.is_none() && rules.fault(k, &a.name).is_some())
        })
        .collect();
    if !dropped.contains(&true) {
        return;
    }
    for (a, &gone) in actors.iter_mut().zip(&dropped) {
        if gone {
            a.kind = None;
            a.listed = false;
        }
        if a.affiliation.is_some_and(|f| dropped[f]) {
            a.affiliation = None;
        }
    }
    spans.retain(|s| !dropped[s.actor]);
}
