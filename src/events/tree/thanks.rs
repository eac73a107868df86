//! Aid one is thanked for goes to whoever thanks: "Dale expressed
//! gratitude for Lindon's assistance", "we are grateful to Lindon for its
//! aid" (PLOVER AID: the target is the recipient), and so does a release
//! or a concession one thanks for; a visit one welcomes is to the one who
//! welcomes it ("Rhun welcomed the visit of Bard Girion": the host). A
//! person thanking speaks for the state the person belongs to.

use super::args::Args;
use crate::events::triggers::{Rel, TriggerPos};

/// The recipient of the nominal action `t` when it is the reason or the
/// object of a thanking or welcoming trigger (a SUPPORT row of praise,
/// CAMEO 051, on the verb or adjective the reason hangs on, or on that
/// verb's object: "expressed gratitude for").
pub(super) fn recipient(args: &Args<'_>, t: usize, visit: bool) -> Vec<usize> {
    let tree = args.tree;
    let reason = matches!(tree.rel(t), "obl" | "nmod") && tree.case_of(t) == Some("for");
    // (a visit one welcomes is to the one who welcomes it; a release or
    // aid welcomed may be a third party's: "Gondor welcomed the release
    // of the hostages")
    let welcomed = visit && tree.deprel(t) == "obj";
    if !reason && !welcomed {
        return Vec::new();
    }
    let Some(h) = tree.head(t) else {
        return Vec::new();
    };
    let objects: Vec<usize> = if reason {
        tree.children_rel(h, "obj").collect()
    } else {
        Vec::new()
    };
    let thanking = std::iter::once(h).chain(objects).any(|n| praises(args, n));
    if !thanking {
        return Vec::new();
    }
    let mut thankers = args.by_rels(h, &[Rel::Subj]);
    if thankers.is_empty() && !args.has_own_subject(h) {
        // (a noun of thanks is performed by its light verb's subject:
        // "Dale expressed gratitude")
        let pos = match tree.upos(h) {
            "NOUN" => TriggerPos::Noun,
            "ADJ" => TriggerPos::Adj,
            _ => TriggerPos::Verb,
        };
        thankers = args.inherited_subject(h, pos);
    }
    let mut out: Vec<usize> = Vec::new();
    for a in thankers {
        let own = match args.actors.affiliation(a) {
            Some(state) if args.actors.is_person(a) => state,
            _ => a,
        };
        if !out.contains(&own) {
            out.push(own);
        }
    }
    out
}

/// Whether token `n` is a trigger of praise or thanks.
fn praises(args: &Args<'_>, n: usize) -> bool {
    let tree = args.tree;
    let pos = match tree.upos(n) {
        "VERB" => TriggerPos::Verb,
        "NOUN" => TriggerPos::Noun,
        "ADJ" => TriggerPos::Adj,
        _ => return false,
    };
    let lemma = tree.lemma(n).to_lowercase();
    args.triggers
        .candidates(&lemma, pos)
        .iter()
        .any(|&r| args.triggers.rows[r].cameo.starts_with("051"))
}
