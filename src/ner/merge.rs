//! How gazetteer matches and model spans combine into one entity layer.
//!
//! The ruler runs first and its matches are kept (as spaCy's entity ruler
//! placed before the NER). A model span then
//! - equal to a match: merges with it (the gazetteer's type and entry; the
//!   higher score);
//! - inside a match, or crossing a match's boundary: is dropped;
//! - strictly containing matches ("OSCE" inside the model's "OSCE Minsk
//!   Group" when the gazetteer lacked the longer name): is kept, and so are
//!   the nested matches, since nested names that refer on their own are
//!   entities too — but only when the words outside the matches make a name
//!   of their own ([`adds_a_name`]): "Government of Rohan", "Australian
//!   Government", "Gondor attacks Arnor" and two adjacent matches are
//!   dropped, leaving the matches;
//! - elsewhere: is kept.

use crate::doc::Mention;
use crate::lexicon::{WordClass, WordClasses};

/// Whether a span's words outside the gazetteer matches it contains make a
/// name of their own: at least one word, none of them a lower-case content
/// word ("attacks"), and not all of them generic ("Government") or
/// function words and punctuation.
pub fn adds_a_name(
    outside: &[&str],
    words: &WordClasses,
    is_generic: impl Fn(&str) -> bool,
) -> bool {
    let function = |w: &str| {
        words.has(WordClass::NameFunctionWord, w)
            || !w.chars().any(char::is_alphanumeric)
            || w == "'s"
            || w == "’s"
    };
    if outside.is_empty() {
        return false;
    }
    if outside
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_lowercase) && !function(w))
    {
        return false;
    }
    !outside.iter().all(|w| function(w) || is_generic(w))
}

/// Merges model mentions into gazetteer mentions; both in token order, each
/// list free of overlaps. `adds_name` decides, for a model mention that
/// strictly contains matches, whether it is kept (given the token indices
/// outside the matches). Returns all mentions in token order.
pub fn merge(
    gazetteer: Vec<Mention>,
    model: Vec<Mention>,
    adds_name: impl Fn(&[usize]) -> bool,
) -> Vec<Mention> {
    let mut out = gazetteer;
    let preset = out.len();
    for m in model {
        let mut keep = true;
        // The matches are in token order without overlaps, so their ends
        // are sorted too: only those from the first ending after `m`'s
        // start can overlap it (no scan of them all per model span).
        let from = out[..preset].partition_point(|g| g.tokens.end <= m.tokens.start);
        let upto = from + out[from..preset].partition_point(|g| g.tokens.start < m.tokens.end);
        for g in out[from..upto].iter_mut() {
            let (a, b) = (&m.tokens, &g.tokens);
            if a.end <= b.start || b.end <= a.start {
                continue;
            }
            if a == b {
                // The tagger proposed exactly this span: its calibrated
                // confidence applies when it also gave the same type.
                if g.label == m.label {
                    g.score = m.score;
                }
                keep = false;
                break;
            }
            let contains = a.start <= b.start && b.end <= a.end;
            if !contains {
                keep = false; // inside or crossing
                break;
            }
        }
        if keep {
            let outside: Vec<usize> = m
                .tokens
                .clone()
                .filter(|&t| !out[from..upto].iter().any(|g| g.tokens.contains(&t)))
                .collect();
            if outside.len() < m.tokens.len() && !adds_name(&outside) {
                continue;
            }
            out.push(m);
        }
    }
    out.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{EntityType, Origin, Span};

    fn m(
        start: usize,
        end: usize,
        label: EntityType,
        origin: Origin,
        score: Option<f32>,
    ) -> Mention {
        Mention {
            span: Span::default(),
            tokens: start..end,
            sentence: 0,
            label,
            score,
            origin,
            entry: None,
        }
    }

    #[test]
    fn containing_spans_must_add_a_name() {
        let generic = |w: &str| w == "Government";
        assert!(adds_a_name(
            &["Minsk", "Group"],
            &WordClasses::default(),
            generic
        ));
        assert!(adds_a_name(
            &["Embassy", "of"],
            &WordClasses::default(),
            generic
        ));
        assert!(!adds_a_name(
            &["Government", "of"],
            &WordClasses::default(),
            generic
        ));
        assert!(!adds_a_name(
            &["Government"],
            &WordClasses::default(),
            generic
        ));
        assert!(!adds_a_name(&["attacks"], &WordClasses::default(), generic));
        assert!(!adds_a_name(&[], &WordClasses::default(), generic));
        assert!(!adds_a_name(&["-", "'s"], &WordClasses::default(), generic));
        let gaz = vec![m(1, 2, EntityType::Gpe, Origin::Gazetteer, None)];
        let model = vec![m(0, 2, EntityType::Org, Origin::Model, Some(0.8))];
        assert_eq!(merge(gaz.clone(), model.clone(), |_| false).len(), 1);
        assert_eq!(merge(gaz, model, |outside| outside == [0]).len(), 2);
    }

    #[test]
    fn merge_policy() {
        let gaz = vec![
            m(0, 1, EntityType::Org, Origin::Gazetteer, None), // OSCE
            m(5, 6, EntityType::Gpe, Origin::Gazetteer, None), // Armenia
            m(10, 12, EntityType::Loc, Origin::Gazetteer, None), // Black Sea
        ];
        let model = vec![
            m(0, 3, EntityType::Org, Origin::Model, Some(0.8)), // OSCE Minsk Group: contains → kept
            m(5, 6, EntityType::Gpe, Origin::Model, Some(0.95)), // equal → merged: the tagger's probability
            m(9, 11, EntityType::Person, Origin::Model, Some(0.6)), // crosses → dropped
            m(11, 12, EntityType::Gpe, Origin::Model, Some(0.7)), // inside → dropped
            m(14, 16, EntityType::Person, Origin::Model, Some(0.99)), // elsewhere → kept
        ];
        let got: Vec<(usize, usize, Origin, Option<f32>)> = merge(gaz, model, |_| true)
            .iter()
            .map(|x| (x.tokens.start, x.tokens.end, x.origin, x.score))
            .collect();
        assert_eq!(
            got,
            vec![
                (0, 3, Origin::Model, Some(0.8)),
                (0, 1, Origin::Gazetteer, None),
                (5, 6, Origin::Gazetteer, Some(0.95)),
                (10, 12, Origin::Gazetteer, None),
                (14, 16, Origin::Model, Some(0.99)),
            ]
        );
    }
}
