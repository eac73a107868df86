//! Repair 6: the subject of a main clause after a fronted adverbial clause
//! ("If Mordor attacks Dale, Rohan will send troops", "If Harad blockades
//! the strait, Rohan will respond"): the parser hung "Rohan" on the last
//! noun of the adverbial clause as an apposition, and the main verb was
//! left without a subject. An apposition is a noun phrase set off by
//! commas that renames its head; one that a modal or finite verb follows
//! directly, that verb having no subject and the apposition's head lying
//! in an adverbial clause of that verb, is that verb's subject.

use super::{Parsed, RepairLabels};

/// Moves such appositions to the main verb as its subject.
pub(super) fn subject_after_fronted_clause(p: &mut Parsed<'_>, ids: RepairLabels) {
    for a in 1..p.n().saturating_sub(1) {
        if p.label(a) != "appos" || !matches!(p.upos[a], "NOUN" | "PROPN" | "PRON") {
            continue;
        }
        let Some(h) = p.head(a).filter(|&h| h < a) else {
            continue;
        };
        // the phrase ends at its head noun and a comma opens it (the
        // comma hung on the apposition or before its phrase)
        let mut start = a;
        while start > 0 && p.head(start - 1) == Some(a) {
            start -= 1;
        }
        let comma = if p.xpos[start] == "," {
            start
        } else if start > 0 && p.xpos[start - 1] == "," {
            start - 1
        } else {
            continue;
        };
        if p.head(a + 1) == Some(a) {
            continue;
        }
        let next = a + 1;
        let finite = |k: usize| p.upos[k] == "VERB" && matches!(p.xpos[k], "VBD" | "VBZ" | "VBP");
        let verb = if p.xpos[next] == "MD" {
            p.head(next)
        } else if finite(next) {
            Some(next)
        } else {
            None
        };
        let Some(verb) = verb.filter(|&v| v > a && p.upos[v] == "VERB") else {
            continue;
        };
        let has_subject = (0..p.n())
            .any(|k| p.head(k) == Some(verb) && matches!(p.label(k), "nsubj" | "nsubj:pass"));
        let in_adverbial =
            (0..comma).any(|c| p.head(c) == Some(verb) && p.label(c) == "advcl" && p.under(h, c));
        if has_subject || !in_adverbial {
            continue;
        }
        p.set(a, verb, ids.nsubj);
        // (the comma before it closes the adverbial clause)
        p.set(comma, verb, ids.punct);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;

    #[test]
    fn a_subject_after_a_conditional_clause_is_the_main_verbs() {
        // If Mordor attacks Dale , Rohan will send troops .
        let out = run(&[
            ("SCONJ", "IN", 3, 18),
            ("PROPN", "NNP", 3, 1),
            ("VERB", "VBZ", 8, 17),
            ("PROPN", "NNP", 3, 2),
            ("PUNCT", ",", 6, 3),
            ("PROPN", "NNP", 4, 11),
            ("AUX", "MD", 8, 19),
            ("VERB", "VB", 0, 0),
            ("NOUN", "NNS", 8, 2),
            ("PUNCT", ".", 8, 3),
        ]);
        assert_eq!(out[5], (8, "nsubj"));
        assert_eq!(out[4], (8, "punct"));
    }

    #[test]
    fn an_apposition_before_a_verb_with_a_subject_is_left_alone() {
        // If Mordor attacks Dale , its neighbour , Rohan will send troops .
        // (here: "Dale , Rohan" with "send" having its own subject "we")
        let out = run(&[
            ("SCONJ", "IN", 3, 18),
            ("PROPN", "NNP", 3, 1),
            ("VERB", "VBZ", 9, 17),
            ("PROPN", "NNP", 3, 2),
            ("PUNCT", ",", 6, 3),
            ("PROPN", "NNP", 4, 11),
            ("AUX", "MD", 9, 19),
            ("PRON", "PRP", 9, 1),
            ("VERB", "VB", 0, 0),
            ("PUNCT", ".", 9, 3),
        ]);
        assert_eq!(out[5], (4, "appos"));
    }
}
