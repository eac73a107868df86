//! Evaluations in the document's own voice (`judge` rows): the voice
//! judges the actor the word's phrase names ("Mordor's reckless
//! provocations", "Mordor keeps spreading lies").

use super::args::Args;
use super::{event, status, Coded};
use crate::events::lexicon::EventLexicon;
use crate::events::triggers::{TriggerPos, TriggerRow};
use crate::lexicon::WordClass;

/// An evaluation in the document's voice: the voice judges the actor the
/// trigger's source slots name ("Mordor's reckless provocations").
pub(super) fn code_judgement(
    lex: &EventLexicon,
    args: &Args<'_>,
    row: &TriggerRow,
    t: usize,
    voice: Option<usize>,
) -> Option<Coded> {
    let voice = voice?;
    if status::reporting_verb(args.tree, &lex.words, t).is_some() {
        return None;
    }
    let mut judged = args.source(t, row);
    if judged.is_empty() {
        judged = judged_by_phrase(args, t);
    }
    judged.retain(|&a| a != voice);
    if judged.is_empty() {
        return None;
    }
    // (the judgement is the voice's own, made now: "Mordor will face
    // consequences" warns today; a modal of the judged clause does not make
    // it hypothetical)
    let status = status::judgement_status(args.tree, &lex.words, t);
    let events = judged
        .into_iter()
        .map(|a| event(row, t, voice, Some(a), status, true))
        .collect();
    Some(Coded { events })
}

/// The actor a judgement word without source slots of its own judges,
/// from the phrase it is in: a modifier judges its noun's possessor
/// ("Mordor's reckless provocations", "Harad's disinformation campaign"),
/// and a judged thing that is a verb's object judges the one who does it
/// ("Mordor keeps spreading lies": the verb's own or inherited subject).
fn judged_by_phrase(args: &Args<'_>, t: usize) -> Vec<usize> {
    use crate::events::triggers::Rel;
    let tree = args.tree;
    // (a doer's act told by someone is the teller's account, however the
    // parser hung the told clause: "the letter said that X has been
    // spreading disinformation" is no judgement of the document's)
    let told = |v: usize| {
        std::iter::once(v)
            .chain(tree.ancestors(v))
            .any(|a| args.classes.has(WordClass::ReportingVerb, tree.lemma(a)))
    };
    let mut noun = t;
    if matches!(tree.deprel(t), "amod" | "compound") {
        let Some(h) = tree.head(t) else {
            return Vec::new();
        };
        let judged = args.by_rels(h, &[Rel::Poss]);
        if !judged.is_empty() {
            return judged;
        }
        let judged = of_doer(args, h);
        if !judged.is_empty() {
            return judged;
        }
        noun = h;
    }
    // (a judged modifier's noun judges the verb's subject only when the
    // verb does what the noun names, "Mordor conducted illegal strikes";
    // "combat illegal fishing" opposes it)
    let does = |v: usize| noun == t || args.performs(v, noun);
    match tree.head(noun) {
        Some(v) if tree.deprel(noun) == "obj" && tree.upos(v) == "VERB" && !told(v) && does(v) => {
            let own = args.by_rels(v, &[Rel::Subj]);
            if own.is_empty() && !args.has_own_subject(v) {
                args.inherited_subject(v, TriggerPos::Verb)
            } else {
                own
            }
        }
        _ => Vec::new(),
    }
}

/// The doer an "of" phrase names on judged noun `h`, when the noun is no
/// act of its own and the phrase's head is an actor's name or a noun for
/// an actor's people ("the irresponsible actions of Umbar", "the brutal
/// actions of Mordor's forces"; not "the illegal occupation of X", whose
/// "of" names the one acted on, nor "the illegal freezing of the reserves
/// of X").
fn of_doer(args: &Args<'_>, h: usize) -> Vec<usize> {
    use crate::events::triggers::Rel;
    if args.nominals.trigger(h) {
        return Vec::new();
    }
    let tree = args.tree;
    args.nodes(h, &Rel::Prep("of".to_string()))
        .into_iter()
        .filter(|&n| {
            let lemma = tree.lemma(n).to_lowercase();
            !args.actors.at(n).is_empty() || args.classes.has(WordClass::AgentNoun, &lemma)
        })
        .map(|n| args.actors_at(n))
        .find(|found| !found.is_empty())
        .unwrap_or_default()
}
