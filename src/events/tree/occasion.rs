//! Sources for nominal triggers whose own phrase names only the other
//! party: a heading ("Telephone conversation with the President of
//! Arnor") is the document speaking; an occasion a clause is set in ("In
//! a meeting with the Minister of Arnor, the Ambassador stressed …") is
//! attended by that clause's subject.

use super::args::Args;
use crate::doc::{EventRef, PloverType};
use crate::events::triggers::{Rel, TriggerPos, TriggerRow};

/// Who performs a nominal trigger of a joint action (consultation,
/// cooperation, agreement) that names its other party but no agent, and
/// whether that is the document's voice: a heading is its author's holder
/// in person when the author is an office (a conversation is held by a
/// person), else its voice.
pub(super) fn occasion_source(
    args: &Args<'_>,
    row: &TriggerRow,
    t: usize,
    targets: &[usize],
    voice: [Option<usize>; 2],
) -> Option<(Vec<usize>, bool)> {
    if row.pos == TriggerPos::Verb || targets.is_empty() || !joint(row.kind) {
        return None;
    }
    let tree = args.tree;
    if heading(args, t) {
        return voice[1].or(voice[0]).map(|v| (vec![v], true));
    }
    // "in / during / at a meeting with X, Y said", "while on a visit to
    // X, Y met …": the verb's subject
    let h = tree.head(t)?;
    let setting = matches!(tree.rel(t), "obl" | "advcl")
        && tree.upos(h) == "VERB"
        && tree.children(t).iter().any(|&c| {
            matches!(tree.rel(c), "case" | "mark")
                && matches!(tree.lemma(c), "in" | "during" | "at" | "on")
        });
    if !setting {
        return partner_of_voice(args, t, targets, voice[0]);
    }
    // (the subject must be another party: "took part in a dialogue with
    // Arnor's officials" by an unnamed subject is no event of Arnor's)
    let found = args.by_rels(h, &[Rel::Subj]);
    let other = !found.is_empty() && found.iter().all(|a| !targets.contains(a));
    other.then_some((found, false))
}

/// The document's voice for a joint act that is its clause's subject and
/// names only its partner in a "with" phrase ("Negotiations with Arnor
/// will focus on trade", "Talks with Arnor resumed", in Gondor's own
/// statement): the act with no other party named is the author's (dev
/// README: a press release's own voice is its state or organisation).
fn partner_of_voice(
    args: &Args<'_>,
    t: usize,
    targets: &[usize],
    voice: Option<usize>,
) -> Option<(Vec<usize>, bool)> {
    let tree = args.tree;
    let own = voice.filter(|v| !targets.contains(v))?;
    if !matches!(tree.deprel(t), "nsubj" | "nsubj:pass") {
        return None;
    }
    let partner = tree.children(t).iter().any(|&c| {
        tree.case_of(c) == Some("with") && {
            let found = args.actors_at(c);
            !found.is_empty() && found.iter().all(|a| targets.contains(a))
        }
    });
    partner.then(|| (vec![own], true))
}

/// The agent of a nominal act of force that names only its target: the
/// source of the document's last such act against that target before it
/// ("Mordor invaded Rohan in May. … further attacks on Rohan": Mordor's).
pub(super) fn same_act_before(
    row: &TriggerRow,
    targets: &[usize],
    earlier: &[EventRef],
) -> Vec<usize> {
    let forceful = matches!(row.kind, PloverType::Assault | PloverType::Coerce);
    if row.pos != TriggerPos::Noun || !forceful || targets.is_empty() {
        return Vec::new();
    }
    earlier
        .iter()
        .rev()
        .find(|e| e.kind == row.kind && e.target.is_some_and(|g| targets.contains(&g)))
        .and_then(|e| e.source)
        .into_iter()
        .collect()
}

/// Joint actions, where whoever is at the occasion takes part.
fn joint(kind: PloverType) -> bool {
    matches!(
        kind,
        PloverType::Consult | PloverType::Cooperate | PloverType::Agree
    )
}

/// Whether `t` heads a verbless sentence: a heading or title ("Meeting
/// with the Foreign Minister of Arnor").
fn heading(args: &Args<'_>, t: usize) -> bool {
    let tree = args.tree;
    if tree.head(t).is_some() {
        return false;
    }
    // (a copula or auxiliary makes it a clause: "the meeting is over")
    let mut stack = vec![t];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > 64 || matches!(tree.upos(n), "VERB" | "AUX") {
            return false;
        }
        stack.extend(tree.children(n).iter().copied());
    }
    true
}
