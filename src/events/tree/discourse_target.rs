//! Targets the text gives in another sentence: in the readout of a
//! meeting or a call (its title names one: "Readout of X's Call with Y",
//! "Talks with Y"), what one party does there without naming to whom
//! ("Minister Hurin offered his condolences on the loss of life", "The
//! two discussed trade", "He expressed his appreciation") is done toward
//! the other party of that meeting (dev README: CONSULT, SUPPORT, AGREE
//! and COOPERATE are coded with a target where one is identifiable).
//! Only where the row's target slot is really empty: a slot that holds a
//! topic or a thing ("welcomed the announcement") is no gap to fill; the
//! meeting is the one the title or the lead sentence tells, with one
//! other party, and the act follows within a readout's length. A
//! speaker's "I" or "we" in a transcript and a participle with its own
//! by-phrase are left alone. Corpus counts (session 23): 19 firings on
//! s300 (16 right), 20 on s300b (15 right), 30 read of 176 on a
//! 3,000-document draw (24 right); REQUEST was dropped (a "call for X
//! to act" names its addressee in its own clause, 4 of 16 right).

use super::args::Args;
use super::view::TreeView;
use crate::doc::{ActorKind, Doc, EventRef, EventStatus, PloverType};
use crate::events::triggers::{Rel, TriggerPos, TriggerRow, Triggers};

/// How many sentences after the lead a meeting lends its other party: a
/// readout's length; further on, a long text has moved to other scenes.
const WINDOW: usize = 10;

/// Fills the empty target of each dyadic event whose source is a party
/// to a meeting or call told just before (or in the title) with the
/// meeting's other party.
pub(super) fn fill_meeting_partner(
    doc: &Doc,
    args: &Args<'_>,
    triggers: &Triggers,
    headings: usize,
    events: &mut [EventRef],
) {
    // (a title that names a meeting makes the text its readout; a
    // briefing's lead may tell one meeting among many topics)
    if !args.readout {
        return;
    }
    let mut filled: Vec<(usize, usize)> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        if !open_gap(args, triggers, e) {
            continue;
        }
        let Some(source) = e.source else { continue };
        if let Some(other) = partner(doc, events, e.sentence, source, headings) {
            filled.push((i, other));
        }
    }
    for (i, g) in filled {
        events[i].target = Some(g);
    }
}

/// Whether the title line holds a word a CONSULT row lists ("Readout of
/// X's Call with Y", "Talks with", "Telephone conversation with").
pub(super) fn meeting_title(
    doc: &Doc,
    tree: &TreeView<'_>,
    triggers: &Triggers,
    headings: usize,
) -> bool {
    let Some(end) = headings
        .checked_sub(1)
        .and_then(|k| doc.sentences.get(k))
        .map(|s| s.tokens.end)
    else {
        return false;
    };
    (0..end.min(tree.len())).any(|i| {
        let pos = match tree.upos(i) {
            "NOUN" => TriggerPos::Noun,
            "VERB" => TriggerPos::Verb,
            _ => return false,
        };
        triggers
            .candidates(&tree.lemma(i).to_lowercase(), pos)
            .iter()
            .filter_map(|&r| triggers.rows.get(r))
            .any(|r| r.kind == PloverType::Consult)
    })
}

/// Whether event `e` is a dyadic act whose row's target slot is empty in
/// its sentence: no actor and no other phrase there.
fn open_gap(args: &Args<'_>, triggers: &Triggers, e: &EventRef) -> bool {
    if e.target.is_some() || !fillable(e.kind) {
        return false;
    }
    if matches!(e.status, EventStatus::CalledFor | EventStatus::Negated) {
        return false;
    }
    let Some(row) = triggers.row(&e.pattern) else {
        return false;
    };
    empty_slot(args, row, e.tokens.start)
}

/// Whether row `row`'s target slot at trigger `t` holds nothing, and `t`
/// is no speaker's own act (see `first_person`).
fn empty_slot(args: &Args<'_>, row: &TriggerRow, t: usize) -> bool {
    if row.flags.notgt || row.pos == TriggerPos::Aux || t >= args.tree.len() {
        return false;
    }
    // (a participle "endorsed by X" has its doer in the by-phrase, not
    // the meeting)
    if args.tree.is_passive(t) || args.tree.deprel(t) == "acl" {
        return false;
    }
    let empty = row
        .target
        .iter()
        .filter(|r| !matches!(r, Rel::Subj))
        .all(|rel| args.nodes(t, rel).is_empty());
    empty && !first_person(args, t)
}

/// Whether trigger `t`'s clause (or a clause it complements) has "I" or
/// "we" as subject: a speaker in a transcript, whom "you" may address
/// and whom the title's meeting need not involve ("I am glad to welcome
/// you" to an audience).
fn first_person(args: &Args<'_>, t: usize) -> bool {
    let tree = args.tree;
    std::iter::once(t)
        .chain(tree.ancestors(t))
        .take(4)
        .flat_map(|h| tree.children(h).iter().copied())
        .any(|c| {
            matches!(tree.deprel(c), "nsubj" | "nsubj:pass")
                && matches!(tree.lemma(c).to_lowercase().as_str(), "i" | "we")
        })
}

/// The PLOVER types whose act in a meeting is done toward the other
/// party.
fn fillable(kind: PloverType) -> bool {
    matches!(
        kind,
        PloverType::Consult | PloverType::Support | PloverType::Agree | PloverType::Cooperate
    )
}

/// The other party of the document's meeting or call (one the title or
/// the lead sentence tells, with the event's source or the side it speaks
/// for as a party), when the event follows within a readout's length and
/// the meeting has that one other party.
fn partner(
    doc: &Doc,
    events: &[EventRef],
    sentence: usize,
    source: usize,
    headings: usize,
) -> Option<usize> {
    let lead = headings + 1;
    if sentence >= lead + WINDOW {
        return None;
    }
    let donors = events.iter().filter(|o| {
        o.kind == PloverType::Consult
            && o.sentence < lead
            && !matches!(o.status, EventStatus::Negated | EventStatus::CalledFor)
    });
    let mut other: Option<usize> = None;
    for o in donors {
        let (Some(s), Some(g)) = (o.source, o.target) else {
            continue;
        };
        let this = if same_party(doc, source, s) {
            g
        } else if same_party(doc, source, g) {
            s
        } else {
            continue;
        };
        if same_party(doc, this, source) || is_group(doc, this) {
            return None;
        }
        match other {
            // (a visit to several states, or calls with two leaders:
            // no one other party)
            Some(k) if !same_party(doc, k, this) => return None,
            // (the person before the state: the readout's counterpart)
            Some(k) if is_person(doc, k) => {}
            _ => other = Some(this),
        }
    }
    other
}

fn is_group(doc: &Doc, a: usize) -> bool {
    doc.actors
        .get(a)
        .is_some_and(|x| x.kind == Some(ActorKind::Group))
}

fn is_person(doc: &Doc, a: usize) -> bool {
    doc.actors
        .get(a)
        .is_some_and(|x| x.kind == Some(ActorKind::Person))
}

/// Whether actors `a` and `b` are one party: the same actor, or a person
/// and the state or body the person belongs to.
fn same_party(doc: &Doc, a: usize, b: usize) -> bool {
    let of = |x: usize| doc.actors.get(x).and_then(|r| r.affiliation);
    a == b || of(a) == Some(b) || of(b) == Some(a)
}

#[cfg(test)]
#[path = "tests_discourse.rs"]
mod tests_discourse;
