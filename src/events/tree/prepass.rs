//! What is found before any event's arguments: each nominal trigger's
//! agent (a later source may be a noun's agent: "launched its attack")
//! and the nodes that requests ask for.

use super::actors::{ActorIndex, Nominals};
use super::args::Args;
use super::obligation::{is_obligation, not_a_demand, obligation_at, obliged};
use super::view::TreeView;
use super::{complement, Called, Found};
use crate::doc::Doc;
use crate::events::lexicon::EventLexicon;
use crate::events::triggers::TriggerPos;
use crate::lexicon::WordClass;

/// The nominal triggers, each with its agent found from its own phrase
/// or its light verb, before any other argument is looked for.
pub(super) fn nominal_agents(
    doc: &Doc,
    lex: &EventLexicon,
    tree: &TreeView<'_>,
    index: &ActorIndex<'_>,
    found: &[Found],
    readout: bool,
) -> Nominals {
    let n = doc.tokens.len();
    let mut nominals = Nominals {
        is_trigger: vec![false; n],
        agent: vec![None; n],
        patient_possessor: vec![false; n],
    };
    for f in found {
        if lex.triggers.rows[f.row].pos != TriggerPos::Verb {
            nominals.is_trigger[f.token] = true;
        }
    }
    let mut agents = vec![None; n];
    let mut patients = vec![false; n];
    {
        let args = Args {
            tree,
            actors: index,
            classes: &lex.words,
            nominals: &nominals,
            triggers: &lex.triggers,
            readout,
        };
        for f in found.iter().filter(|f| nominals.is_trigger[f.token]) {
            let row = &lex.triggers.rows[f.row];
            agents[f.token] = args.source(f.token, row).first().copied();
            patients[f.token] = !args.patient_possessor(f.token, row).is_empty();
        }
    }
    nominals.agent = agents;
    nominals.patient_possessor = patients;
    nominals
}

/// The nodes that requests ask for: each request's `called` slot, with
/// conjuncts, and the nominal action a called verb takes as object
/// ("urged Arnor to halt its attacks").
pub(super) fn called_for_nodes(
    lex: &EventLexicon,
    args: &Args<'_>,
    found: &[Found],
    own: &[Option<usize>],
) -> Vec<Called> {
    let mut out: Vec<Called> = Vec::new();
    for f in found {
        let row = &lex.triggers.rows[f.row];
        if !row.flags.req {
            continue;
        }
        let ob = is_obligation(row)
            .then(|| obligation_at(args.tree, row, f.token))
            .flatten();
        if ob
            .as_ref()
            .is_some_and(|ob| not_a_demand(lex, args.tree, row, f.token, ob))
        {
            continue;
        }
        // the one asked acts (an obligation's clause names its own)
        let addressees = match &ob {
            Some(ob) => obliged(args, row, f.token, ob),
            None => args.target(f.token, row),
        };
        if ob.is_some() && addressees.iter().all(|a| own.contains(&Some(*a))) {
            // "we must act" binds its speaker: a plan, not a request
            continue;
        }
        let mut nodes: Vec<usize> = row
            .called
            .iter()
            .flat_map(|rel| args.nodes(f.token, rel))
            .collect();
        if nodes.is_empty() && row.called.contains(&crate::events::triggers::Rel::Xcomp) {
            nodes = complement::addressee_infinitives(args.tree, f.token);
            if nodes.is_empty() && row.pos == TriggerPos::Noun {
                nodes = complement::governor_infinitives(args.tree, f.token);
            }
        }
        // (who asks for a thing is who would receive it: "asked Gondor
        // for assistance")
        let requesters = args.source(f.token, row);
        for node in nodes.into_iter().chain(ob.map(|ob| ob.action)) {
            for c in args.tree.with_conjuncts(node) {
                // a called action that is a trigger of its own ("to
                // condemn the attacks by X") takes its object as its own
                // argument: the object is not called for
                // (a light verb's object is the action itself: "to impose
                // sanctions")
                let own_trigger = c != f.token
                    && found.iter().any(|g| g.token == c)
                    && !lex.words.has(WordClass::LightVerb, args.tree.lemma(c));
                let objects = args
                    .tree
                    .children(c)
                    .iter()
                    .copied()
                    .filter(|&o| !own_trigger && args.tree.deprel(o) == "obj");
                let asking = if args.tree.upos(c) == "NOUN" {
                    requesters.clone()
                } else {
                    Vec::new()
                };
                out.push((c, addressees.clone(), asking));
                for n in objects {
                    out.push((n, addressees.clone(), Vec::new()));
                }
            }
        }
    }
    out.sort_by_key(|(n, _, _)| *n);
    out.dedup_by_key(|(n, _, _)| *n);
    out
}
