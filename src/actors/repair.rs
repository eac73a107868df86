//! The last step of the actors stage: names that are not names are
//! repaired or dropped (issue 13, item 1), before any later stage can name
//! them as a source or target.

use super::names::{NameFault, NameRules};
use crate::doc::{ActorKind, ActorRef, ActorSpan, Doc};
use crate::ner::reshape::is_role_word;

/// Whether the text puts a title or a form of address right before one of
/// person `a`'s mentions ("Mr Young", "Speaker Levy"). (Not a title the
/// name rules split off the name itself: "Delegation Right".)
fn titled(rules: &NameRules, doc: &Doc, a: &ActorRef) -> bool {
    a.mentions.iter().any(|&mi| {
        let start = doc.entities[mi].tokens.start;
        start > 0 && is_role_word(rules.words(), doc.token_text(start - 1))
    })
}

/// The fault of actor `a` in `doc`, if any.
fn actor_fault(rules: &NameRules, doc: &Doc, a: &ActorRef) -> Option<NameFault> {
    let kind = a.kind?;
    if a.entry.is_some() {
        return None;
    }
    rules.fault_titled(kind, &a.name, titled(rules, doc, a))
}

/// Splits titles off persons' names ("Counselor Derek Okafor" → "Derek
/// Okafor", title "Counselor"), makes a "person" with a company word an
/// organisation, then drops every actor whose name still breaks a rule:
/// its spans go, affiliations that point to it are cleared, and its kind
/// becomes `None` (the record leaves it out).
pub(super) fn repair_names(
    rules: &NameRules,
    doc: &Doc,
    actors: &mut [ActorRef],
    spans: &mut Vec<ActorSpan>,
) {
    for a in actors.iter_mut() {
        if a.kind != Some(ActorKind::Person) {
            continue;
        }
        match rules.fault(ActorKind::Person, &a.name) {
            Some(NameFault::TitleInPersonName) => {
                if let Some((title, name)) = rules.split_person_name(&a.name) {
                    if a.title.is_none() {
                        a.title = title;
                    }
                    a.name = name;
                }
            }
            Some(NameFault::CompanyAsPerson) => {
                a.kind = Some(ActorKind::Organization);
                a.affiliation = None;
            }
            _ => {}
        }
    }
    let dropped: Vec<bool> = actors
        .iter()
        .map(|a| actor_fault(rules, doc, a).is_some())
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
