//! Intents, refusals and threats take an action as their content:
//! "Gondor agreed to resume trade with Arnor", "Rohan refused to meet
//! the envoy", "Khand threatened to close its border with Dale". The
//! action is what is agreed, refused or threatened, not an event of its
//! own (PLOVER codes the statement of intent), and its target is the
//! intent's target.

use super::args::Args;
use super::view::TreeView;
use super::Found;
use crate::doc::PloverType;
use crate::events::triggers::{Rel, TriggerPos, TriggerRow};

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
    }
    out
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
