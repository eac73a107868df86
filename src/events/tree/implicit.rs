//! The implicit agent of an agentless passive in a readout or a joint
//! text: "It was agreed to hold the next round in Edoras", "Views were
//! exchanged on regional issues", "Agreement was reached on …". A
//! readout names the two parties of its meeting or call and then tells
//! what was agreed or discussed without naming them again; the joint acts
//! (agreeing, consulting, cooperating) are theirs. With no meeting or
//! joint authors the act has no source: a ministry's "it was decided" is
//! no act of a party the coder can name.

use super::args::Args;
use crate::doc::{Doc, PloverType};
use crate::events::triggers::{TriggerPos, TriggerRow};
use crate::lexicon::WordClass;

/// How many sentences after the meeting's pair an agentless passive may
/// stand (a readout's account of one call or meeting).
const MEETING_REACH: usize = 8;

/// The parties of the meeting a readout reports before trigger `t`, when
/// `t` is a joint act in an agentless passive clause; else the joint
/// statement's authors; else none.
pub(super) fn passive_parties(
    doc: &Doc,
    args: &Args<'_>,
    row: &TriggerRow,
    t: usize,
    meetings: &[(usize, Vec<usize>)],
) -> Vec<usize> {
    if !joint(row.kind) {
        return Vec::new();
    }
    let Some(v) = passive_clause(args, row, t) else {
        return Vec::new();
    };
    if has_agent(args, v) || !reports_a_fact(args, v) {
        return Vec::new();
    }
    // (the last meeting before the trigger, a few sentences back: a
    // readout names its pair before it tells what was agreed; further
    // on, in a briefing's long answer, "was discussed" is no longer that
    // meeting's)
    let sentence = doc.sentence_of_token(t);
    let meeting = meetings.iter().rev().find(|(end, parties)| {
        *end <= t
            && parties.len() >= 2
            && doc.sentence_of_token(end.saturating_sub(1)) + MEETING_REACH >= sentence
    });
    if let Some((_, parties)) = meeting {
        // (a clause that names another party, "was discussed with the
        // Prime Minister of Dale", "during the visit of …", is about
        // another meeting)
        if names_another(args, v, parties) {
            return Vec::new();
        }
        return parties.clone();
    }
    if doc.co_authors.len() >= 2 {
        return doc.co_authors.clone();
    }
    Vec::new()
}

/// Acts both parties of a meeting perform together.
fn joint(kind: PloverType) -> bool {
    matches!(
        kind,
        PloverType::Agree | PloverType::Consult | PloverType::Cooperate
    )
}

/// The passive verb whose clause trigger `t` is: `t` itself ("it was
/// agreed", "views were exchanged" on the verb row "exchange view"), or
/// the verb a nominal trigger is the passive subject of ("agreement was
/// reached", "consultations were held").
fn passive_clause(args: &Args<'_>, row: &TriggerRow, t: usize) -> Option<usize> {
    let tree = args.tree;
    let passive = |v: usize| {
        tree.children(v)
            .iter()
            .any(|&c| tree.deprel(c) == "aux:pass")
    };
    let v = match row.pos {
        TriggerPos::Verb => passive(t).then_some(t)?,
        _ => {
            let v = tree.head(t)?;
            (tree.deprel(t) == "nsubj:pass" && tree.upos(v) == "VERB" && passive(v)).then_some(v)?
        }
    };
    // (the verbs a readout's account uses: "it was agreed", "was
    // discussed", "views were exchanged", "agreement was reached",
    // "consultations were held"; not "was met with", "was invited",
    // "what is called")
    args.classes
        .has_ignore_ascii_case(WordClass::ImplicitPassive, tree.lemma(v))
        .then_some(v)
}

/// Whether passive verb `v` states what happened: a main or coordinated
/// clause, not a relative or participle clause ("the corridors which were
/// agreed upon", "the project being discussed") and not in progress ("is
/// being discussed").
fn reports_a_fact(args: &Args<'_>, v: usize) -> bool {
    let tree = args.tree;
    let progressive = tree
        .children(v)
        .iter()
        .any(|&c| tree.deprel(c) == "aux:pass" && tree.xpos(c) == "VBG");
    !progressive && !matches!(tree.rel(v), "acl" | "amod") && tree.deprel(v) != "acl:relcl"
}

/// Whether a dependent of `v` names an actor that is not one of the
/// meeting's `parties` nor on their side.
fn names_another(args: &Args<'_>, v: usize, parties: &[usize]) -> bool {
    let tree = args.tree;
    let doc_side = |a: usize, p: usize| {
        a == p || args.actors.affiliation(a) == Some(p) || args.actors.affiliation(p) == Some(a)
    };
    tree.children(v)
        .iter()
        .filter(|&&c| matches!(tree.rel(c), "obl" | "nmod"))
        .flat_map(|&c| args.actors_at(c))
        .any(|a| !parties.iter().any(|&p| doc_side(a, p)))
}

/// Whether passive verb `v` names its agent ("was agreed by the
/// ministers").
fn has_agent(args: &Args<'_>, v: usize) -> bool {
    let tree = args.tree;
    tree.children(v).iter().any(|&c| {
        tree.deprel(c) == "obl:agent"
            || matches!(tree.rel(c), "obl" | "nmod") && tree.case_of(c) == Some("by")
    })
}

#[cfg(test)]
#[path = "tests_implicit.rs"]
mod tests_implicit;
