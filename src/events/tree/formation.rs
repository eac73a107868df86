//! A named formation's own statement (dev conventions: "a named formation
//! … is one actor of kind `group` under its own name and is the source"):
//! where the author is a formation and a clause's sources are its member
//! states ("We, the leaders of A, B, C and D, condemn …"), the formation
//! speaks, once. Two members alone may act as two states ("A and B signed a
//! memorandum" in a summit's statement), so a clause needs three members,
//! or the formation itself beside them.

use crate::doc::{ActorKind, Doc};

/// The fewest member states that stand for their formation.
const MIN_MEMBERS: usize = 3;

/// Replaces `sources` by the author formation when they are its members.
pub(super) fn members_as_formation(doc: &Doc, sources: &mut Vec<usize>) {
    let Some(f) = doc.author.filter(|&a| {
        doc.actors
            .get(a)
            .is_some_and(|x| x.kind == Some(ActorKind::Group) && !x.members.is_empty())
    }) else {
        return;
    };
    let members = &doc.actors[f].members;
    let is_member = |a: usize| {
        doc.actors.get(a).is_some_and(|x| {
            x.kind == Some(ActorKind::State)
                && x.country.as_ref().is_some_and(|c| members.contains(c))
        })
    };
    let all_in = sources.iter().all(|&a| a == f || is_member(a));
    let enough = sources.contains(&f) || sources.len() >= MIN_MEMBERS.min(members.len());
    if sources.len() >= 2 && all_in && enough {
        *sources = vec![f];
    }
}
