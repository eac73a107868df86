//! Intents, refusals and threats take an action as their content:
//! "Gondor agreed to resume trade with Arnor", "Rohan refused to meet
//! the envoy", "Khand threatened to close its border with Dale". The
//! action is what is agreed, refused or threatened, not an event of its
//! own (PLOVER codes the statement of intent), and its target is the
//! intent's target.

use super::args::Args;
use super::status;
use super::view::TreeView;
use super::Found;
use crate::doc::{EventRef, EventStatus, PloverType};
use crate::events::lexicon::EventLexicon;
use crate::events::triggers::{Rel, TriggerPos, TriggerRow};
use crate::lexicon::WordClass;

/// The triggers inside each trigger's content.
pub struct Contents {
    /// Per trigger (index into the found list): it is some intent's
    /// content and is not coded on its own.
    pub absorbed: Vec<bool>,
    /// Per trigger: the triggers of its content.
    pub of: Vec<Vec<usize>>,
}

/// Whether a trigger of this type takes an action as its content.
fn takes_content(kind: PloverType) -> bool {
    matches!(
        kind,
        PloverType::Agree | PloverType::Reject | PloverType::Threaten
    )
}

/// The complement clauses of trigger `t`: its open complements, and for a
/// noun or adjective its infinitival modifier ("readiness to work").
fn complement_nodes(tree: &TreeView<'_>, t: usize, pos: TriggerPos) -> Vec<usize> {
    let mut out: Vec<usize> = tree
        .children(t)
        .iter()
        .copied()
        .filter(|&c| match tree.deprel(c) {
            "xcomp" => true,
            "acl" => pos != TriggerPos::Verb,
            _ => false,
        })
        .collect();
    // "stands ready to work with": the action is the complement of the
    // predicative adjective
    let through: Vec<usize> = out
        .iter()
        .copied()
        .filter(|&c| tree.upos(c) == "ADJ")
        .flat_map(|c| tree.children_rel(c, "xcomp").collect::<Vec<_>>())
        .collect();
    out.extend(through);
    out
}

/// The "to" clauses of a noun or adjective: its own ("committed to
/// working with X", an adverbial the parser hangs on the adjective), or
/// one right after it that the parser hung on the verb whose object it
/// is ("expressed its readiness to work with X").
fn to_clauses(tree: &TreeView<'_>, t: usize) -> Vec<usize> {
    let marked_to = |c: usize| {
        tree.deprel(c) == "advcl"
            && tree
                .children_rel(c, "mark")
                .any(|m| tree.lemma(m).eq_ignore_ascii_case("to") && m == t + 1)
    };
    let own = tree.children(t).iter().copied().filter(|&c| marked_to(c));
    let stray = tree
        .head(t)
        .filter(|&h| tree.deprel(t) == "obj" && tree.upos(h) == "VERB")
        .map(|h| {
            tree.children(h)
                .iter()
                .copied()
                .filter(|&c| marked_to(c))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    own.chain(stray).collect()
}

/// Which triggers are the content of which.
pub fn contents(tree: &TreeView<'_>, rows: &[TriggerRow], found: &[Found]) -> Contents {
    let mut at_token = std::collections::HashMap::new();
    for (k, f) in found.iter().enumerate() {
        at_token.insert(f.token, k);
    }
    let mut out = Contents {
        absorbed: vec![false; found.len()],
        of: vec![Vec::new(); found.len()],
    };
    for (k, f) in found.iter().enumerate() {
        let row = &rows[f.row];
        if !takes_content(row.kind) {
            continue;
        }
        for c in complement_nodes(tree, f.token, row.pos) {
            for n in tree.with_conjuncts(c) {
                let objects = tree
                    .children(n)
                    .iter()
                    .copied()
                    .filter(|&o| matches!(tree.rel(o), "obj" | "obl"));
                for m in std::iter::once(n).chain(objects) {
                    if let Some(&j) = at_token.get(&m) {
                        if j != k && !out.of[k].contains(&j) {
                            out.of[k].push(j);
                            out.absorbed[j] = true;
                        }
                    }
                }
            }
        }
        if row.kind == PloverType::Agree && row.pos != TriggerPos::Verb {
            absorb_joint_work(tree, rows, found, &at_token, k, &mut out);
        }
    }
    out
}

/// A commitment's or readiness's "to" clause of joint work ("committed
/// to working with X", "its readiness to cooperate with X") is what is
/// promised, not work done: the intent is coded, towards the partner
/// (dev README: readiness to work together is AGREE). Only joint work:
/// a commitment's other contents keep their own coding.
fn absorb_joint_work(
    tree: &TreeView<'_>,
    rows: &[TriggerRow],
    found: &[Found],
    at_token: &std::collections::HashMap<usize, usize>,
    k: usize,
    out: &mut Contents,
) {
    for c in to_clauses(tree, found[k].token) {
        for n in tree.with_conjuncts(c) {
            let Some(&j) = at_token.get(&n) else {
                continue;
            };
            if j != k && rows[found[j].row].kind == PloverType::Cooperate && !out.of[k].contains(&j)
            {
                out.of[k].push(j);
                out.absorbed[j] = true;
            }
        }
    }
}

/// The target a trigger's content names: the target of the first action
/// in it that has one, else the first actor its complement acts on; for
/// a request, accusation or threat with a clause ("demanded that Mordor
/// free the hostages"), that clause's subject.
pub fn target<'r>(
    args: &Args<'_>,
    tree: &TreeView<'_>,
    t: usize,
    row: &TriggerRow,
    inner: impl Iterator<Item = (usize, &'r TriggerRow)>,
) -> Vec<usize> {
    for (token, inner_row) in inner {
        let found = args.target(token, inner_row);
        if !found.is_empty() {
            return found;
        }
    }
    // (and for an accusation or a threat: "alleged that Mordor had
    // poisoned the river", "warned that Rhun would face consequences")
    // (a clause after an object is no content: "condemned the attacks
    // that Rohan suffered")
    let accusing = matches!(row.kind, PloverType::Accuse | PloverType::Threaten)
        && tree.children_rel(t, "obj").next().is_none();
    if row.flags.req || accusing {
        for c in args.nodes(t, &Rel::Ccomp) {
            let subject = args.by_rels(c, &[Rel::Subj]);
            if !subject.is_empty() {
                return subject;
            }
        }
    }
    if !takes_content(row.kind) {
        return Vec::new();
    }
    for c in complement_nodes(tree, t, row.pos) {
        for &d in tree.children(c) {
            if !matches!(tree.rel(d), "obj" | "obl" | "iobj") {
                continue;
            }
            // (what the action is about is no party to it: "agreed to
            // coordinate closely on Mordor", "to work together on issues
            // including Harad")
            let topic = tree
                .case_of(d)
                .is_some_and(|p| args.classes.has(WordClass::TopicPreposition, p));
            if topic {
                continue;
            }
            let found = args.actors_at(d);
            if !found.is_empty() {
                return found;
            }
        }
    }
    Vec::new()
}

/// The infinitives the parser hung on a request's addressee instead of
/// the request ("called on Arnor to impose", "to impose" under "Arnor").
pub fn addressee_infinitives(tree: &TreeView<'_>, t: usize) -> Vec<usize> {
    tree.children(t)
        .iter()
        .copied()
        .filter(|&c| matches!(tree.rel(c), "obj" | "obl" | "iobj" | "nmod"))
        .flat_map(|c| tree.children_rel(c, "acl").collect::<Vec<_>>())
        .filter(|&v| tree.upos(v) == "VERB" && tree.case_of(v) == Some("to"))
        .collect()
}

/// The infinitive the parser hung on the verb whose object a request noun
/// is, instead of on the noun ("repeated its call on Arnor to withdraw",
/// "stressed the need for Arnor to withdraw", with "to withdraw" under
/// "repeated" or "stressed"): an infinitive after the noun, without a
/// subject of its own.
pub fn governor_infinitives(tree: &TreeView<'_>, t: usize) -> Vec<usize> {
    let Some(h) = tree.head(t).filter(|_| tree.deprel(t) == "obj") else {
        return Vec::new();
    };
    tree.children(h)
        .iter()
        .copied()
        .filter(|&c| c > t && matches!(tree.deprel(c), "xcomp" | "advcl"))
        .filter(|&c| tree.upos(c) == "VERB" && tree.case_of(c) == Some("to"))
        .filter(|&c| !tree.children(c).iter().any(|&d| tree.rel(d) == "nsubj"))
        .take(1)
        .collect()
}

/// An intent is recoded by what it intends: agreeing to withdraw or
/// release is a concession (dev README: an announced withdrawal is
/// CONCEDE, as future.tsv maps it); a vow or commitment to retaliate or to
/// impose costs is a threat (PLOVER THREATEN: a statement of intent to
/// coerce).
pub(super) fn recode_by_content(
    lex: &EventLexicon,
    row: &TriggerRow,
    inner: &[&TriggerRow],
    events: &mut [EventRef],
) {
    if row.kind != PloverType::Agree {
        return;
    }
    let recoded = if inner.iter().any(|r| r.kind == PloverType::Retreat) {
        lex.future.get(&PloverType::Retreat).cloned()
    } else {
        inner
            .iter()
            .find(|r| r.kind == PloverType::Threaten)
            .map(|r| (r.kind, r.cameo.clone()))
    };
    if let Some((kind, cameo)) = recoded {
        for e in events {
            e.kind = kind;
            e.cameo.clone_from(&cameo);
        }
    }
}

/// An attack or coercion that is the object or complement of a ceasing
/// verb whose subject is its own agent ("demanded that Mordor stop
/// shelling Fornost", "urged Umbar to end strikes on Harad") is coded as
/// its agent's de-escalation (RETREAT 087) with the ceasing verb's status;
/// one that someone else stops keeps its own coding.
pub(super) fn ceased(
    lex: &EventLexicon,
    args: &Args<'_>,
    called: &[super::Called],
    t: usize,
    events: &mut [EventRef],
) {
    let tree = args.tree;
    let Some(h) = tree.head(t) else { return };
    if !matches!(tree.deprel(t), "obj" | "xcomp")
        || !lex.words.has(WordClass::CeasingVerb, tree.lemma(h))
    {
        return;
    }
    let asked = called.binary_search_by_key(&h, |(n, _, _)| *n).ok();
    let mut stoppers = args.by_rels(h, &[Rel::Subj]);
    if stoppers.is_empty() && !args.has_own_subject(h) {
        stoppers = args.inherited_subject(h, TriggerPos::Verb);
    }
    // (those asked to stop are the ones who stop: "called on Mordor to
    // stop shelling Dale")
    let addressees: &[usize] = asked.map_or(&[], |k| called[k].1.as_slice());
    if !addressees.is_empty() {
        stoppers = addressees.to_vec();
        for e in events.iter_mut() {
            if e.source.is_some_and(|s| !addressees.contains(&s)) {
                e.source = Some(addressees[0]);
            }
        }
    }
    let status = if asked.is_some() {
        EventStatus::CalledFor
    } else {
        status::clause_status(tree, &lex.words, h, false)
    };
    for e in events.iter_mut() {
        let own = stoppers.is_empty() || e.source.is_some_and(|s| stoppers.contains(&s));
        if own {
            e.kind = PloverType::Retreat;
            e.cameo = "087".to_string();
            e.status = status;
        }
    }
}
