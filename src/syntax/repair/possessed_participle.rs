//! Repair 8: a participle between a possessor and its noun ("Mordor's
//! premeditated, unprovoked war", "Gondor's continuing commitment to
//! peace") taken as the head of a clause, with the noun hung under it.
//! A word right after a possessive "'s" modifies the noun the possessor
//! owns; when only modifiers (adjectives, participles, adverbs, commas,
//! "and") lead from the participle to a common noun, that noun is the
//! phrase's head: it takes the participle's place in the tree, the
//! participle becomes its `amod`, and the possessor moves to it.

use super::{Parsed, RepairLabels};

/// Moves such phrases' heads from the participle to the noun.
pub(super) fn possessed_participle(p: &mut Parsed<'_>, ids: RepairLabels) {
    for v in 1..p.n() {
        let participle = matches!(p.xpos[v], "VBN" | "VBG");
        if !participle || p.xpos[v - 1] != "POS" || p.label(v) == "amod" {
            continue;
        }
        let Some(noun) = noun_after_modifiers(p, v) else {
            continue;
        };
        // (the noun already under the participle: moving it up cannot
        // make a cycle or a crossing arc)
        if !p.under(noun, v) {
            continue;
        }
        let head = p.head(v);
        let marker =
            (0..v).find(|&k| p.head(k) == Some(v) && matches!(p.label(k), "mark" | "case"));
        let Some(label) = noun_label(p, v, head, marker.is_some(), ids) else {
            continue;
        };
        match head {
            Some(h) => p.set(noun, h, label),
            None => {
                if let Some(h) = p.heads.get_mut(noun + 1) {
                    *h = 0;
                }
                p.relabel(noun, label);
            }
        }
        if let Some(k) = marker {
            p.set(k, noun, ids.case);
        }
        p.set(v, noun, ids.amod);
        // (the possessor, and what hung on the participle after the noun,
        // belong to the noun's phrase)
        for k in 0..p.n() {
            let moves = p.head(k) == Some(v) && (k < v && p.label(k) == "nmod:poss" || k > noun);
            if moves {
                let own = p.labels.get(k + 1).copied().unwrap_or(ids.amod);
                p.set(k, noun, own);
            }
        }
    }
}

/// The noun's relation in the participle's place: the participle's own,
/// except that a clause relation becomes a nominal one ("affected by
/// Mordor's unjustified war": an oblique of "affected", or a nominal
/// modifier under a noun).
fn noun_label(
    p: &Parsed<'_>,
    v: usize,
    head: Option<usize>,
    marked: bool,
    ids: RepairLabels,
) -> Option<u8> {
    let own = p.labels.get(v + 1).copied()?;
    let clausal = matches!(
        p.label(v),
        "advcl" | "acl" | "acl:relcl" | "ccomp" | "xcomp"
    );
    let Some(h) = head.filter(|_| clausal) else {
        return Some(own);
    };
    Some(match p.upos[h] {
        "NOUN" | "PROPN" | "PRON" => ids.nmod,
        _ if marked => ids.obl,
        _ => ids.obj,
    })
}

/// The common noun that ends a run of modifiers starting at participle
/// `v`: adjectives, participles, adverbs, commas and conjunctions only
/// (a determiner or a preposition means a clause: "Mordor's joining the
/// alliance").
fn noun_after_modifiers(p: &Parsed<'_>, v: usize) -> Option<usize> {
    for k in v + 1..p.n() {
        match p.upos[k] {
            "NOUN" => return Some(k),
            "ADJ" | "ADV" | "CCONJ" => {}
            "VERB" if matches!(p.xpos[k], "VBN" | "VBG") => {}
            "PUNCT" if p.xpos[k] == "," => {}
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn a_participle_after_a_possessor_modifies_the_noun() {
        // refugees affected by Mordor 's premeditated , unjustified war .
        let out = run(&[
            ("NOUN", "NNS", 2, 1),
            ("VERB", "VBN", 0, 0),
            ("ADP", "IN", 6, 18),
            ("PROPN", "NNP", 6, 21),
            ("PART", "POS", 4, 9),
            ("VERB", "VBN", 2, 17),
            ("PUNCT", ",", 8, 3),
            ("ADJ", "JJ", 9, 14),
            ("NOUN", "NN", 6, 16),
            ("PUNCT", ".", 2, 3),
        ]);
        // "war" takes the participle's place, the participle is its amod
        assert_eq!(out[8], (2, "obl"));
        assert_eq!(out[2], (9, "case"));
        assert_eq!(out[5], (9, "amod"));
        // the possessor moves to the noun
        assert_eq!(out[3], (9, "nmod:poss"));
    }

    #[test]
    fn a_gerund_with_its_own_object_is_left_alone() {
        // Rohan 's joining the alliance
        let out = run(&[
            ("PROPN", "NNP", 3, 21),
            ("PART", "POS", 1, 9),
            ("VERB", "VBG", 0, 0),
            ("DET", "DT", 5, 13),
            ("NOUN", "NN", 3, 2),
        ]);
        assert_eq!(out[2], (0, "root"));
        assert_eq!(out[4], (3, "obj"));
    }
}
