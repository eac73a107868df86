//! The two parties of a hyphenated word ("the U.S.-China talks", "the
//! Russian-American summit"), which the actors stage gives two spans of
//! one token. Such a word names the parties of a mutual act it modifies
//! and nothing else: "China-US relations", "the U.S.-Mexico border" name
//! no one who acts, so the ordinary lookup does not see it.

use std::collections::HashMap;

use super::args::Args;
use crate::doc::{ActorSpan, Doc, PloverType, RefKind};
use crate::events::triggers::{TriggerPos, TriggerRow};

/// Token → the parties of a hyphenated word there (two or more).
pub(super) fn pair_tokens(doc: &Doc) -> HashMap<usize, Vec<usize>> {
    let mut out: HashMap<usize, Vec<usize>> = HashMap::new();
    for s in &doc.actor_spans {
        let one = s.tokens.len() == 1 && s.how == RefKind::Name;
        if one && doc.raw(s.tokens.start).contains(['-', '\u{2013}']) {
            let parties = out.entry(s.tokens.start).or_default();
            if !parties.contains(&s.actor) {
                parties.push(s.actor);
            }
        }
    }
    out.retain(|_, parties| parties.len() >= 2);
    out
}

/// A test of whether an actor span is one party of a hyphenated pair.
pub(super) fn pair_span_test(doc: &Doc) -> impl Fn(&ActorSpan) -> bool {
    let pairs = pair_tokens(doc);
    move |s: &ActorSpan| s.tokens.len() == 1 && pairs.contains_key(&s.tokens.start)
}

/// Whether a hyphenated pair may name the parties of `row`'s act: one
/// both sides perform towards each other (meetings, talks, joint work,
/// commitments, fighting), not one with a direction the word does not
/// give (a visit, an attack, aid).
pub(super) fn mutual_act(row: &TriggerRow) -> bool {
    let visit = matches!(row.cameo.get(..3), Some("042" | "043"));
    row.pos == TriggerPos::Noun
        && (row.flags.recip
            || matches!(row.kind, PloverType::Agree | PloverType::Cooperate)
            || row.kind == PloverType::Consult && !visit)
}

/// The two parties of a hyphenated word that modifies nominal trigger
/// `t` ("the Rohan-Gondor talks", "the Gondorian-Arnorian summit"), or
/// modifies its modifier ("the Rohan-Gondor border talks", read as a
/// modifier of "border").
pub(super) fn parties_on(args: &Args<'_>, t: usize) -> Option<Vec<usize>> {
    let tree = args.tree;
    let modifiers = |n: usize| {
        tree.children(n)
            .iter()
            .copied()
            .filter(|&c| c < n && matches!(tree.deprel(c), "compound" | "amod" | "nmod:poss"))
            .collect::<Vec<usize>>()
    };
    let near = modifiers(t);
    let deeper = near.iter().flat_map(|&c| modifiers(c));
    near.iter()
        .copied()
        .chain(deeper)
        .filter_map(|c| args.actors.pair_at(c))
        .find(|parties| parties.len() == 2)
        .map(<[usize]>::to_vec)
}

/// The party of `parties` that actor `voice` (the document's voice, an
/// act's source) is, or acts for.
pub(super) fn narrator_party(
    args: &Args<'_>,
    parties: &[usize],
    voice: Option<usize>,
) -> Option<usize> {
    let v = voice?;
    let own = args.actors.affiliation(v);
    parties.iter().copied().find(|&p| p == v || own == Some(p))
}

/// The other party of a pair on `t` as the target, when the act's one
/// source is one of the pair or acts for it ("Mordor's envoy attended the
/// Mordor-Harad talks": Harad) and no target was found, or only one of the
/// source's own side ("Gondor's envoy co-chaired the Gondor-Harad talks
/// with a Gondorian minister").
pub(super) fn other_party(args: &Args<'_>, t: usize, sources: &[usize], targets: &mut Vec<usize>) {
    let Some(parties) = parties_on(args, t) else {
        return;
    };
    let [source] = sources else {
        return;
    };
    let Some(mine) = narrator_party(args, &parties, Some(*source)) else {
        return;
    };
    let own_side = targets
        .iter()
        .all(|&g| narrator_party(args, &parties, Some(g)) == Some(mine));
    if own_side {
        *targets = parties.iter().copied().filter(|&p| p != mine).collect();
    }
}
