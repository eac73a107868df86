//! Token coverage: which span of a layer starts at or covers each token.
//! The actors and events stages index entity mentions, date mentions and
//! actor spans this way; one implementation serves them all.

use std::ops::Range;

/// For each token: the first span (in the order given) that starts there,
/// and the first that covers it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    first_at: Vec<Option<usize>>,
    covering: Vec<Option<usize>>,
}

impl Coverage {
    /// Indexes `spans` (token ranges, numbered in iteration order) over `n`
    /// tokens; parts of spans past `n` are ignored.
    pub fn new(n: usize, spans: impl IntoIterator<Item = Range<usize>>) -> Coverage {
        let mut first_at = vec![None; n];
        let mut covering = vec![None; n];
        for (k, r) in spans.into_iter().enumerate() {
            if let Some(slot @ None) = first_at.get_mut(r.start) {
                *slot = Some(k);
            }
            for slot in covering.iter_mut().take(r.end.min(n)).skip(r.start) {
                slot.get_or_insert(k);
            }
        }
        Coverage { first_at, covering }
    }

    /// The first span starting at token `i`.
    pub fn starting_at(&self, i: usize) -> Option<usize> {
        self.first_at.get(i).copied().flatten()
    }

    /// The first span covering token `i`.
    pub fn covering(&self, i: usize) -> Option<usize> {
        self.covering.get(i).copied().flatten()
    }

    /// Whether a span covers token `i` (`past_end` for `i` past the tokens).
    pub fn covers(&self, i: usize, past_end: bool) -> bool {
        self.covering.get(i).map_or(past_end, Option::is_some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_span_wins_at_a_start_and_under_a_token() {
        let c = Coverage::new(6, [1..3, 1..2, 2..5, 5..9]);
        assert_eq!(c.starting_at(1), Some(0));
        assert_eq!(c.starting_at(2), Some(2));
        assert_eq!(c.starting_at(0), None);
        assert_eq!(c.covering(2), Some(0));
        assert_eq!(c.covering(4), Some(2));
        assert_eq!(c.covering(5), Some(3));
        assert!(!c.covers(0, true));
        assert!(c.covers(6, true));
        assert!(!c.covers(6, false));
    }
}
