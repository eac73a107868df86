//! Obligations: the speaker asks someone to act without a verb of asking.
//!
//! - a modal of obligation ("Mordor must withdraw"): the one obliged is
//!   the subject of the modal's verb;
//! - an adjective of necessity with a clause ("it is essential for Mordor
//!   to withdraw", "it is crucial that Mordor withdraws"): the one obliged
//!   is the clause's subject, or the "for" phrase the parser hung on the
//!   adjective.
//!
//! The speaker is the subject of the reporting verb the obligation
//! depends on, else the document's voice; one who obliges itself ("we
//! must", "it is vital for us to") makes no request.

use super::args::Args;
use super::view::TreeView;
use super::{event, status, Coded};
use crate::doc::{Doc, EventStatus};
use crate::events::lexicon::EventLexicon;
use crate::events::triggers::{Rel, TriggerPos, TriggerRow};
use crate::lexicon::WordClass;

/// Where an obligation sits: the clause it is said in (for its speaker and
/// status) and the clause that says what must be done.
pub(super) struct Obligation {
    /// The head of the clause the obligation is said in.
    pub said_in: usize,
    /// The head of the clause of the obliged action.
    pub action: usize,
}

/// Whether `row` codes an obligation rather than an event of its own.
pub(super) fn is_obligation(row: &TriggerRow) -> bool {
    row.pos == TriggerPos::Aux || row.pos == TriggerPos::Adj && row.flags.req
}

/// The clauses of an obligation at `t`, when the tree has them.
pub(super) fn obligation_at(tree: &TreeView<'_>, row: &TriggerRow, t: usize) -> Option<Obligation> {
    if row.pos == TriggerPos::Aux {
        let verb = tree.head(t)?;
        return Some(Obligation {
            said_in: verb,
            action: verb,
        });
    }
    let action = tree.children(t).iter().copied().find(|&c| {
        matches!(tree.deprel(c), "csubj" | "ccomp" | "xcomp" | "advcl")
            && matches!(tree.case_of(c), Some("to" | "that"))
            && matches!(tree.upos(c), "VERB" | "AUX")
    })?;
    Some(Obligation { said_in: t, action })
}

/// The actors obliged: the action's subject (or object, for a modal's
/// passive clause), else a "for" phrase on the adjective ("crucial for
/// Mordor to withdraw", parsed with "Mordor" under "crucial").
pub(super) fn obliged(args: &Args<'_>, row: &TriggerRow, t: usize, ob: &Obligation) -> Vec<usize> {
    let rels: &[Rel] = if row.target.is_empty() {
        &[Rel::Subj]
    } else {
        &row.target
    };
    let own = obliged_named(args, ob.action, rels);
    if !own.is_empty() || ob.action == ob.said_in {
        return own;
    }
    let tree = args.tree;
    tree.children(t)
        .iter()
        .chain(tree.children(ob.action))
        .copied()
        .filter(|&c| tree.case_of(c) == Some("for") && !matches!(tree.upos(c), "VERB" | "AUX"))
        .flat_map(|c| args.actors_at(c))
        .collect()
}

/// The actors the first of `rels` on `action` names. A subject stands
/// for an actor only when its head does (a name, a pronoun, a group) or
/// is a word for an actor's people or bodies ("Mordorian forces",
/// "the authorities of Mordor") or has an actor as its possessor
/// ("Rhun's campaign must end"): "the Rohirric question should not
/// prevent …" obliges no one.
fn obliged_named(args: &Args<'_>, action: usize, rels: &[Rel]) -> Vec<usize> {
    let tree = args.tree;
    let agentive = |n: usize| {
        let lemma = tree.lemma(n).to_lowercase();
        let possessor = tree
            .children(n)
            .iter()
            .any(|&c| tree.deprel(c) == "nmod:poss" && !args.actors.at(c).is_empty());
        !args.actors.at(n).is_empty()
            || possessor
            || args.nominals.trigger(n)
            || [
                WordClass::SideNoun,
                WordClass::BodyWord,
                WordClass::RoleWord,
                WordClass::AgentNoun,
                WordClass::RelativePronoun,
            ]
            .into_iter()
            .any(|c| args.classes.has(c, &lemma))
    };
    for rel in rels {
        for node in args.nodes(action, rel) {
            if matches!(rel, Rel::Subj) && !agentive(node) {
                continue;
            }
            let found = args.actors_at(node);
            if !found.is_empty() {
                return found;
            }
        }
    }
    Vec::new()
}

/// The request of an obligation at `t`: the speaker asks those obliged.
pub(super) fn code_obligation(
    doc: &Doc,
    lex: &EventLexicon,
    args: &Args<'_>,
    row: &TriggerRow,
    t: usize,
    voice: Option<usize>,
) -> Option<Coded> {
    let tree = args.tree;
    let ob = obligation_at(tree, row, t)?;
    if not_a_demand(lex, tree, row, t, &ob) {
        return None;
    }
    let speakers = match status::reporting_verb(tree, &lex.words, ob.said_in) {
        Some(v) => args.by_rels(v, &[Rel::Subj]),
        None => voice.into_iter().collect(),
    };
    let own = [voice, doc.author, doc.author_person];
    let targets: Vec<usize> = obliged(args, row, t, &ob)
        .into_iter()
        .filter(|a| !own.contains(&Some(*a)) && !speakers.contains(a))
        .collect();
    if speakers.is_empty() || targets.is_empty() {
        return None;
    }
    let status = match status::clause_status(tree, &lex.words, ob.said_in, true) {
        EventStatus::Hypothetical => EventStatus::Hypothetical,
        _ => EventStatus::Asserted,
    };
    let events = super::pairs::pairs(&speakers, &targets, false, false)
        .into_iter()
        .map(|(s, tg)| event(row, t, s, tg, status, false))
        .collect();
    Some(Coded { events })
}

/// Whether the obligation at `t` asks no one: a conditional or a question
/// (see [`conditional_inversion`]) or the content of an agreement (see
/// [`agreed_upon`]).
pub(super) fn not_a_demand(
    lex: &EventLexicon,
    tree: &TreeView<'_>,
    row: &TriggerRow,
    t: usize,
    ob: &Obligation,
) -> bool {
    conditional_inversion(tree, row, t, ob) || agreed_upon(lex, tree, ob)
}

/// Whether modal `t` comes before its clause's subject: a conditional
/// ("should the talks fail, …", "so should Rohan agree, …") or a
/// question ("should Rohan withdraw?"), neither a demand.
fn conditional_inversion(tree: &TreeView<'_>, row: &TriggerRow, t: usize, ob: &Obligation) -> bool {
    row.pos == TriggerPos::Aux
        && tree
            .children(ob.action)
            .iter()
            .any(|&c| matches!(tree.deprel(c), "nsubj" | "nsubj:pass" | "expl") && c > t)
}

/// Whether the obligation is the content of an agreement ("the two
/// leaders agreed that Gondor and Rohan should stand together"): the
/// parties bind themselves; the agreement is the event, not a request.
fn agreed_upon(lex: &EventLexicon, tree: &TreeView<'_>, ob: &Obligation) -> bool {
    if tree.deprel(ob.said_in) != "ccomp" {
        return false;
    }
    let Some(v) = tree.head(ob.said_in) else {
        return false;
    };
    let pos = match tree.upos(v) {
        "VERB" => TriggerPos::Verb,
        "NOUN" => TriggerPos::Noun,
        _ => return false,
    };
    lex.triggers
        .candidates(&tree.lemma(v).to_lowercase(), pos)
        .iter()
        .filter_map(|&r| lex.triggers.rows.get(r))
        .any(|r| r.kind == crate::doc::PloverType::Agree && r.with.is_empty())
}
