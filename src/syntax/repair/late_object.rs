//! Repair 5: the object of a verb that follows an adverbial phrase
//! ("condemns in the strongest terms the launch of a missile") hung on the
//! adverbial's noun as an apposition. An apposition is set off by
//! punctuation; one that follows its head's phrase directly, on an
//! oblique of a verb with no object, is the verb's object.

use super::{Parsed, RepairLabels};

/// Moves such appositions to the verb as its object.
pub(super) fn object_after_adverbial(p: &mut Parsed<'_>, ids: RepairLabels) {
    for a in 0..p.n() {
        if p.label(a) != "appos" || !matches!(p.upos[a], "NOUN" | "PROPN") {
            continue;
        }
        let Some(h) = p.head(a) else { continue };
        if h > a || p.label(h) != "obl" {
            continue;
        }
        let Some(verb) = p.head(h).filter(|&v| p.upos[v] == "VERB" && v < h) else {
            continue;
        };
        let has_object = (0..p.n()).any(|k| p.head(k) == Some(verb) && p.label(k) == "obj");
        // (the comma may hang on the apposition itself)
        let set_off = (h + 1..a).any(|k| p.upos[k] == "PUNCT");
        if has_object || set_off {
            continue;
        }
        p.set(a, verb, ids.obj);
        // what hung on the adverbial's noun after the object is the
        // object's ("… the launch of a missile by Mordor"): arcs do not cross
        for k in a + 1..p.n() {
            if p.head(k) == Some(h) && p.upos[k] != "PUNCT" {
                let label = p.labels.get(k + 1).copied().unwrap_or(ids.obj);
                p.set(k, a, label);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn an_apposition_right_after_an_adverbial_is_the_verbs_object() {
        // Gondor condemns in strong terms the launch by Mordor .
        let out = run(&[
            ("PROPN", "NNP", 2, 1),
            ("VERB", "VBZ", 0, 0),
            ("ADP", "IN", 5, 9),
            ("ADJ", "JJ", 5, 14),
            ("NOUN", "NNS", 2, 16),
            ("DET", "DT", 7, 13),
            ("NOUN", "NN", 5, 11),
            ("ADP", "IN", 9, 9),
            ("PROPN", "NNP", 5, 8),
            ("PUNCT", ".", 2, 3),
        ]);
        assert_eq!(out[6], (2, "obj"));
        // what hung on "terms" after the object is the object's
        assert_eq!(out[8], (7, "nmod"));
        assert_eq!(out[4], (2, "obl"));
    }

    #[test]
    fn an_apposition_set_off_by_a_comma_is_left_alone() {
        // Gondor met in the capital , the seat of government .
        let out = run(&[
            ("PROPN", "NNP", 2, 1),
            ("VERB", "VBD", 0, 0),
            ("ADP", "IN", 5, 9),
            ("DET", "DT", 5, 13),
            ("NOUN", "NN", 2, 16),
            ("PUNCT", ",", 8, 3),
            ("DET", "DT", 8, 13),
            ("NOUN", "NN", 5, 11),
            ("PUNCT", ".", 2, 3),
        ]);
        assert_eq!(out[7], (5, "appos"));
    }
}
