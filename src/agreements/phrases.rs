//! Phrase tables: multi-word phrases (aliases, heads, issuers, idioms)
//! indexed by their first word, matched longest first at a token or
//! ending just before one.

use super::View;
use crate::lexicon::WordMap;
use crate::text::Tokenizer;

/// A phrase: lower-case tokens, and whether it must match case-sensitively
/// (then `exact` holds the tokens as written).
#[derive(Debug, Clone)]
pub(super) struct Phrase<T> {
    pub(super) lower: Vec<String>,
    pub(super) exact: Option<Vec<String>>,
    pub(super) value: T,
}

#[derive(Debug, Clone)]
pub(super) struct PhraseTable<T> {
    pub(super) by_first: WordMap<String, Vec<Phrase<T>>>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            by_first: WordMap::default(),
        }
    }
}

impl<T> PhraseTable<T> {
    pub(super) fn add(&mut self, tokenizer: &Tokenizer, phrase: &str, value: T, case_rule: bool) {
        let toks: Vec<&str> = tokenizer
            .tokenize(phrase, &[])
            .iter()
            .map(|t| &phrase[t.span.bytes()])
            .collect();
        let Some(first) = toks.first() else { return };
        let exact = (case_rule && !phrase.chars().any(char::is_lowercase))
            .then(|| toks.iter().map(|s| s.to_string()).collect());
        self.by_first
            .entry(first.to_lowercase())
            .or_default()
            .push(Phrase {
                lower: toks.iter().map(|s| s.to_lowercase()).collect(),
                exact,
                value,
            });
    }

    pub(super) fn finish(&mut self) {
        for list in self.by_first.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.lower.len()));
        }
    }

    /// The longest phrase starting at token `i` (ending before `lim`).
    pub(super) fn longest(&self, v: &View, i: usize, lim: usize) -> Option<(usize, &T)> {
        let list = self.by_first.get(v.lower.get(i)?.as_ref())?;
        list.iter().find_map(|p| {
            let n = p.lower.len();
            if i + n > lim {
                return None;
            }
            let ok = match &p.exact {
                Some(ex) => ex.iter().enumerate().all(|(k, t)| v.text[i + k] == t),
                None => p
                    .lower
                    .iter()
                    .enumerate()
                    .all(|(k, t)| v.lower[i + k] == *t),
            };
            ok.then_some((i + n, &p.value))
        })
    }

    /// The longest phrase ending just before token `end` (starting at or after `first`).
    pub(super) fn ending_at(&self, v: &View, end: usize, first: usize) -> Option<(usize, &T)> {
        let mut best: Option<(usize, &T)> = None;
        for start in end.saturating_sub(6).max(first)..end {
            if let Some((e, val)) = self.longest(v, start, end) {
                if e == end && best.is_none_or(|(s, _)| start < s) {
                    best = Some((start, val));
                }
            }
        }
        best
    }
}
