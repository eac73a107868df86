//! "At the invitation of X, Y will visit …", "at the request of X, Y
//! sent …": a nominal act in an "at"/"upon" phrase of a clause is done
//! by X (its own "of" phrase) to the clause's subject Y, the one invited
//! or asked (mfa_china alone writes "At the invitation of" about 200
//! times in the corpus, always of this shape).

use super::args::Args;
use crate::events::triggers::{TriggerPos, TriggerRow};

/// The subject actors of the clause whose "at"/"upon" phrase nominal
/// trigger `t` heads, less the `sources`.
pub(super) fn clause_subject_addressed(
    args: &Args<'_>,
    row: &TriggerRow,
    t: usize,
    sources: &[usize],
) -> Vec<usize> {
    let tree = args.tree;
    if row.pos != TriggerPos::Noun || row.flags.notgt || tree.deprel(t) != "obl" {
        return Vec::new();
    }
    if !matches!(tree.case_of(t), Some("at" | "upon")) {
        return Vec::new();
    }
    let Some(verb) = tree.head(t).filter(|&h| tree.upos(h) == "VERB") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for &c in tree.children(verb) {
        if !matches!(tree.deprel(c), "nsubj" | "nsubj:pass") {
            continue;
        }
        for a in args.actors_at(c) {
            if !sources.contains(&a) && !out.contains(&a) {
                out.push(a);
            }
        }
    }
    out
}
