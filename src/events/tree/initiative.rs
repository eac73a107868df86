//! Who initiated a call or meeting: "at the Iranian side's initiative",
//! "at the initiative of the Israeli party". The dev conventions code a
//! CONSULT caller → callee when the initiator is stated, otherwise the
//! narrating side → the other; readouts write the narrating side as the
//! subject, so a stated initiator on the other side turns the pair round.

use super::args::Args;
use crate::doc::PloverType;

/// Whether a CONSULT event with one source and one target turns round:
/// its target initiated it.
pub(super) fn turned(
    args: &Args<'_>,
    kind: PloverType,
    t: usize,
    sources: &[usize],
    targets: &[usize],
) -> bool {
    match (sources, targets) {
        ([s], [g]) if kind == PloverType::Consult => target_initiated(args, t, *s, *g),
        _ => false,
    }
}

/// The lemma that names the initiative.
const INITIATIVE: &str = "initiative";

/// Whether the event's one target is the stated initiator of the meeting
/// that trigger `t` names (its own phrase, or the clause of the light verb
/// it is the object of: "had a conversation … at the initiative of …"),
/// and its source is not.
fn target_initiated(args: &Args<'_>, t: usize, source: usize, target: usize) -> bool {
    let tree = args.tree;
    let mut holders = vec![t];
    if tree.rel(t) == "obj" {
        holders.extend(tree.head(t));
    }
    let initiators: Vec<usize> = holders
        .iter()
        .flat_map(|&h| tree.children(h).iter().copied())
        .filter(|&c| tree.lemma(c) == INITIATIVE && matches!(tree.rel(c), "obl" | "nmod"))
        .flat_map(|c| tree.children(c).iter().copied())
        .filter(|&c| tree.deprel(c) == "nmod:poss" || tree.case_of(c) == Some("of"))
        .flat_map(|c| args.actors_at(c))
        .collect();
    // a person stands for their state: "the Iranian side" initiates the
    // call of Iran's President
    let side = |a: usize| {
        initiators
            .iter()
            .any(|&i| i == a || args.actors.affiliation(a) == Some(i))
    };
    side(target) && !side(source)
}
