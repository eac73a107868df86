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
        let start = (0..a).find(|&k| p.under(k, a)).unwrap_or(a);
        let set_off = (h + 1..start).any(|k| p.upos[k] == "PUNCT");
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
