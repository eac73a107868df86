//! Repair 9: a main clause after a fronted prepositional phrase ("In the
//! morning I spoke with Hurin", "In line with the accord, Rohan has
//! withdrawn its troops") hung on the phrase's noun as a relative clause,
//! with the phrase as the sentence's root. A phrase with its own case
//! marker is no sentence's head when a clause with a subject of its own
//! follows it; a relative clause has a relative pronoun or a gap, not a
//! new subject next to its noun's phrase. The clause is the root, the
//! phrase its oblique.

use super::{Parsed, RepairLabels};

/// Makes such clauses the root and the fronted phrase their `obl`.
pub(super) fn clause_after_fronted_phrase(p: &mut Parsed<'_>, ids: RepairLabels) {
    let Some(root) = (0..p.n()).find(|&k| p.head(k).is_none() && p.upos[k] != "PUNCT") else {
        return;
    };
    if !matches!(p.upos[root], "NOUN" | "PROPN" | "PRON") || !fronted(p, root) {
        return;
    }
    let Some(clause) = (root + 1..p.n()).find(|&v| {
        p.head(v) == Some(root)
            && p.label(v) == "acl:relcl"
            && p.upos[v] == "VERB"
            && own_subject(p, v)
    }) else {
        return;
    };
    if let Some(h) = p.heads.get_mut(clause + 1) {
        *h = 0;
    }
    p.relabel(clause, ids.root);
    p.set(root, clause, ids.obl);
    // (what hung on the phrase after the clause belongs to the sentence:
    // the final stop, a coordinated clause)
    for k in clause + 1..p.n() {
        if p.head(k) == Some(root) {
            let own = p.labels.get(k + 1).copied().unwrap_or(ids.punct);
            p.set(k, clause, own);
        }
    }
}

/// Whether `root` heads a prepositional phrase: a case marker before it
/// and no copula (a predicate nominal with a copula is a clause).
fn fronted(p: &Parsed<'_>, root: usize) -> bool {
    let on_root = |k: usize| p.head(k) == Some(root);
    let cased = (0..root).any(|k| on_root(k) && p.label(k) == "case");
    let copula = (0..p.n()).any(|k| on_root(k) && p.label(k) == "cop");
    cased && !copula
}

/// Whether clause `v` has a subject that is no relative pronoun, and no
/// relative word among its dependents ("the meeting at which Rohan …").
fn own_subject(p: &Parsed<'_>, v: usize) -> bool {
    let relative = |k: usize| matches!(p.xpos[k], "WDT" | "WP" | "WP$" | "WRB");
    let on_v = |k: usize| p.head(k) == Some(v);
    let subject = (0..v).any(|k| on_v(k) && matches!(p.label(k), "nsubj") && !relative(k));
    let relative_inside = (0..p.n()).any(|k| relative(k) && p.under(k, v));
    subject && !relative_inside
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn a_clause_after_a_fronted_phrase_is_the_root() {
        // In the morning I spoke with Hurin .
        let out = run(&[
            ("ADP", "IN", 3, 9),
            ("DET", "DT", 3, 13),
            ("NOUN", "NN", 0, 0),
            ("PRON", "PRP", 5, 1),
            ("VERB", "VBD", 3, 5),
            ("ADP", "IN", 7, 9),
            ("PROPN", "NNP", 5, 16),
            ("PUNCT", ".", 3, 3),
        ]);
        assert_eq!(out[4], (0, "root"));
        assert_eq!(out[2], (5, "obl"));
        assert_eq!(out[3], (5, "nsubj"));
        assert_eq!(out[7], (5, "punct"));
    }

    #[test]
    fn a_real_relative_clause_stays() {
        // At the meeting which Hurin chaired .
        let out = run(&[
            ("ADP", "IN", 3, 9),
            ("DET", "DT", 3, 13),
            ("NOUN", "NN", 0, 0),
            ("PRON", "WDT", 6, 2),
            ("PROPN", "NNP", 6, 1),
            ("VERB", "VBD", 3, 5),
            ("PUNCT", ".", 3, 3),
        ]);
        assert_eq!(out[5], (3, "acl:relcl"));
        assert_eq!(out[2], (0, "root"));
    }
}
