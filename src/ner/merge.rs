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
//!   entities too;
//! - elsewhere: is kept.

use crate::doc::Mention;

/// Merges model mentions into gazetteer mentions; both in token order, each
/// list free of overlaps. Returns all mentions in token order.
pub fn merge(gazetteer: Vec<Mention>, model: Vec<Mention>) -> Vec<Mention> {
    let mut out = gazetteer;
    let preset = out.len();
    for m in model {
        let mut keep = true;
        for g in out[..preset].iter_mut() {
            let (a, b) = (&m.tokens, &g.tokens);
            if a.end <= b.start || b.end <= a.start {
                continue;
            }
            if a == b {
                g.score = g.score.max(m.score);
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

    fn m(start: usize, end: usize, label: EntityType, origin: Origin, score: f32) -> Mention {
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
    fn merge_policy() {
        let gaz = vec![
            m(0, 1, EntityType::Org, Origin::Gazetteer, 0.9), // OSCE
            m(5, 6, EntityType::Gpe, Origin::Gazetteer, 0.9), // Armenia
            m(10, 12, EntityType::Loc, Origin::Gazetteer, 0.9), // Black Sea
        ];
        let model = vec![
            m(0, 3, EntityType::Org, Origin::Model, 0.8), // OSCE Minsk Group: contains → kept
            m(5, 6, EntityType::Gpe, Origin::Model, 0.95), // equal → merged, score raised
            m(9, 11, EntityType::Person, Origin::Model, 0.6), // crosses → dropped
            m(11, 12, EntityType::Gpe, Origin::Model, 0.7), // inside → dropped
            m(14, 16, EntityType::Person, Origin::Model, 0.99), // elsewhere → kept
        ];
        let got: Vec<(usize, usize, Origin, f32)> = merge(gaz, model)
            .iter()
            .map(|x| (x.tokens.start, x.tokens.end, x.origin, x.score))
            .collect();
        assert_eq!(
            got,
            vec![
                (0, 3, Origin::Model, 0.8),
                (0, 1, Origin::Gazetteer, 0.9),
                (5, 6, Origin::Gazetteer, 0.95),
                (10, 12, Origin::Gazetteer, 0.9),
                (14, 16, Origin::Model, 0.99),
            ]
        );
    }
}
