//! Aid one is thanked for goes to whoever thanks: "Dale expressed
//! gratitude for Lindon's assistance", "we are grateful to Lindon for its
//! aid" (PLOVER AID: the target is the recipient), and so does a release
//! or a concession one thanks for; a visit one welcomes is to the one who
//! welcomes it ("Rhun welcomed the visit of Bard Girion": the host). A
//! person thanking speaks for the state the person belongs to.
//!
//! Allegations one rejects were made against whoever rejects them
//! ("Gondor refuted Mordor's allegations": Mordor accuses Gondor; dev
//! README, a rejection of allegations is coded with the ACCUSE it answers).

use super::args::Args;
use crate::doc::PloverType;
use crate::events::triggers::TriggerRow;
use crate::events::triggers::{Rel, TriggerPos};

/// The recipient of the nominal action `t` when it is the reason or the
/// object of a thanking or welcoming trigger (a SUPPORT row of praise,
/// CAMEO 051, on the verb or adjective the reason hangs on, or on that
/// verb's object: "expressed gratitude for").
pub(super) fn recipient(args: &Args<'_>, t: usize, visit: bool) -> Vec<usize> {
    match thanking_head(args, t, visit) {
        Some(h) => thankers(args, h),
        None => Vec::new(),
    }
}

/// The thanking or welcoming trigger `t` is the reason or the object of
/// (see `recipient`).
fn thanking_head(args: &Args<'_>, t: usize, visit: bool) -> Option<usize> {
    let tree = args.tree;
    let reason = matches!(tree.rel(t), "obl" | "nmod") && tree.case_of(t) == Some("for");
    // (a visit one welcomes is to the one who welcomes it; a release or
    // aid welcomed may be a third party's: "Gondor welcomed the release
    // of the hostages")
    let welcomed = visit && tree.deprel(t) == "obj";
    if !reason && !welcomed {
        return None;
    }
    let h = tree.head(t)?;
    let objects: Vec<usize> = if reason {
        tree.children_rel(h, "obj").collect()
    } else {
        Vec::new()
    };
    let thanking = std::iter::once(h).chain(objects).any(|n| praises(args, n));
    thanking.then_some(h)
}

/// Who performs the thanking trigger `h`, a person speaking for the state
/// the person belongs to.
fn thankers(args: &Args<'_>, h: usize) -> Vec<usize> {
    let tree = args.tree;
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

/// The target of the accusation nominal `t` when it is the object of a
/// rejecting trigger (a REJECT row on its verb): the one who rejects it,
/// or the document's voice for a verb in the author's voice.
pub(super) fn rejecter(args: &Args<'_>, t: usize, voice: Option<usize>) -> Vec<usize> {
    let tree = args.tree;
    let Some(h) = rejecting_head(args, t) else {
        return Vec::new();
    };
    let mut found = args.by_rels(h, &[Rel::Subj]);
    if found.is_empty() && !args.has_own_subject(h) {
        found = args.inherited_subject(h, TriggerPos::Verb);
    }
    if found.is_empty() && super::voice::speaks_for_author(tree, h) {
        found.extend(voice);
    }
    found
}

/// The rejecting verb (a REJECT row's) whose object is `t`.
fn rejecting_head(args: &Args<'_>, t: usize) -> Option<usize> {
    let tree = args.tree;
    // (also the subject of a passive: "the charges were rejected by
    // Dale", whose by-agent the subject relation reads; and a conjunct of
    // the object: "rejected the charges and accusations of Dale")
    let t = match tree.head(t) {
        Some(first) if tree.deprel(t) == "conj" => first,
        _ => t,
    };
    let rejected = matches!(tree.deprel(t), "obj" | "nsubj:pass");
    let h = tree.head(t).filter(|_| rejected)?;
    let lemma = tree.lemma(h).to_lowercase();
    let rejecting = tree.upos(h) == "VERB"
        && args
            .triggers
            .candidates(&lemma, TriggerPos::Verb)
            .iter()
            .any(|&r| args.triggers.rows[r].kind == PloverType::Reject);
    rejecting.then_some(h)
}

/// Whether the trigger of a row coded only where it is rejected
/// (`rejected`) stands outside that frame: "the charges of Dale" no one
/// rejects are another sense or no accusation of anyone present.
pub(super) fn outside_its_frame(args: &Args<'_>, row: &TriggerRow, t: usize) -> bool {
    row.flags.rejected && rejecting_head(args, t).is_none()
}

/// The trigger's targets: its slots, else whoever withstands a hostile
/// act, else its complement's; for what is
/// done for someone (aid, a release or concession, a visit) the one who
/// thanks for or welcomes it; for allegations the one who rejects them;
/// for aid asked for, whoever asks.
pub(super) fn targets_of(
    args: &Args<'_>,
    row: &TriggerRow,
    t: usize,
    sources: &[usize],
    clause: &super::Clause<'_>,
    asked: Option<&super::Called>,
) -> Vec<usize> {
    let mut targets = args.target(t, row);
    if targets.is_empty() && !row.flags.notgt {
        targets = args.withstander(t, row);
    }
    if targets.is_empty() && !row.flags.notgt {
        targets = clause.fallback_target.clone();
    }
    let beneficial = matches!(
        row.kind,
        PloverType::Aid | PloverType::Retreat | PloverType::Concede
    ) || row.cameo.starts_with("042");
    let others = |found: Vec<usize>| -> Vec<usize> {
        found.into_iter().filter(|a| !sources.contains(a)).collect()
    };
    if targets.is_empty() && beneficial && row.pos != TriggerPos::Verb {
        targets = others(recipient(args, t, row.cameo.starts_with("042")));
    }
    // (a row coded only when its accusation is rejected takes its target
    // from the one who rejects it and from nowhere else)
    if row.flags.rejected {
        return others(rejecter(args, t, clause.voice));
    }
    if targets.is_empty() && row.kind == PloverType::Accuse && row.pos == TriggerPos::Noun {
        targets = others(rejecter(args, t, clause.voice));
    }
    if let Some((_, _, requesters)) = asked.filter(|_| targets.is_empty()) {
        // aid asked for goes to whoever asks (PLOVER AID: the target is
        // the recipient)
        if row.kind == PloverType::Aid {
            targets = others(requesters.clone());
        }
    }
    targets
}
