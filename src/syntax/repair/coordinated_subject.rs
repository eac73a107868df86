//! Repair 7: two subjects joined by "and" ("The leaders and their teams
//! agreed …", "The presidents and their advisors discussed …"): the parser
//! hung both nouns and the "and" on the verb, so the clause has two
//! subjects. A clause has one subject; the later noun is the earlier
//! one's conjunct and the "and" its `cc`, as UD coordinates them.

use super::{Parsed, RepairLabels};

/// Makes the second of two subjects joined by a `cc` the first's conjunct.
pub(super) fn coordinated_subject(p: &mut Parsed<'_>, ids: RepairLabels) {
    for v in 0..p.n() {
        let subjects: Vec<usize> = (0..v)
            .filter(|&k| p.head(k) == Some(v) && matches!(p.label(k), "nsubj" | "nsubj:pass"))
            .collect();
        let [a, b] = subjects[..] else { continue };
        let nominal = |k: usize| matches!(p.upos[k], "NOUN" | "PROPN");
        if !nominal(a) || !nominal(b) || p.label(a) != p.label(b) {
            continue;
        }
        let on_verb = |k: usize| p.head(k) == Some(v);
        let Some(c) = (a + 1..b).find(|&k| on_verb(k) && p.label(k) == "cc") else {
            continue;
        };
        // (nothing else lies between them: the two phrases, the "and", a
        // comma)
        let between_ok = (a + 1..b).all(|k| {
            k == c || p.under(k, a) || p.under(k, b) || on_verb(k) && p.upos[k] == "PUNCT"
        });
        if !between_ok {
            continue;
        }
        let label = p.labels.get(a + 1).copied().unwrap_or(ids.nsubj);
        let commas: Vec<usize> = (a + 1..b)
            .filter(|&k| on_verb(k) && p.upos[k] == "PUNCT")
            .collect();
        p.set(b, a, ids.conj);
        p.set(c, b, ids.cc);
        for k in commas {
            p.set(k, b, ids.punct);
        }
        // (the first keeps its own label)
        p.relabel(a, label);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn a_second_subject_after_and_is_the_firsts_conjunct() {
        // The leaders and their teams agreed .
        let out = run(&[
            ("DET", "DT", 2, 13),
            ("NOUN", "NNS", 6, 1),
            ("CCONJ", "CC", 6, 20),
            ("PRON", "PRP$", 5, 13),
            ("NOUN", "NNS", 6, 1),
            ("VERB", "VBD", 0, 0),
            ("PUNCT", ".", 6, 3),
        ]);
        assert_eq!(out[1], (6, "nsubj"));
        assert_eq!(out[4], (2, "conj"));
        assert_eq!(out[2], (5, "cc"));
    }

    #[test]
    fn two_subjects_of_two_clauses_are_left_alone() {
        // Gondor said Rohan agreed : no "and" between them on one verb
        let out = run(&[
            ("PROPN", "NNP", 2, 1),
            ("VERB", "VBD", 0, 0),
            ("PROPN", "NNP", 4, 1),
            ("VERB", "VBD", 2, 10),
        ]);
        assert_eq!(out[2], (4, "nsubj"));
    }
}
