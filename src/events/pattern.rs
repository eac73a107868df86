//! Token patterns: the small matching language of `models/events/*.tsv`.
//!
//! A pattern is a sequence of elements separated by spaces: `word` (that
//! token), `stem*` (a token starting with `stem`), `a|b*|c` (any of them)
//! and `..` (a gap of 0-4 tokens that crosses no clause punctuation).
//! Tokens are compared lower-cased, with typographic apostrophes read as
//! straight ones (see [`norm_token`]).

use crate::doc::Words;
use std::borrow::Cow;

use crate::lexicon::WordMap;

/// Longest gap `..` may skip.
pub const MAX_GAP: usize = 4;

/// The most tokens a long gap (`...`) skips.
pub const LONG_GAP: usize = 8;

/// One alternative of an element.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Alt {
    text: String,
    prefix: bool,
}

impl Alt {
    fn matches(&self, token: &str) -> bool {
        if self.prefix {
            token.starts_with(self.text.as_str())
        } else {
            token == self.text
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Elem {
    Alts(Vec<Alt>),
    /// Skips 0 to this many tokens.
    Gap(usize),
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokPattern {
    elems: Vec<Elem>,
}

/// A token as patterns see it: lower-cased, `’` read as `'`.
pub fn norm_token(token: &str) -> Cow<'_, str> {
    let needs = if token.is_ascii() {
        token.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        token
            .chars()
            .any(|c| c.is_uppercase() || c == '\u{2019}' || c == '\u{2018}')
    };
    if needs {
        Cow::Owned(token.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'"))
    } else {
        Cow::Borrowed(token)
    }
}

/// Whether a token ends a clause for gaps and argument search.
pub fn is_clause_punct(token: &str) -> bool {
    // not a word list: punctuation
    matches!(
        token,
        "." | ";" | ":" | "!" | "?" | "(" | ")" | "\"" | "“" | "”"
    )
}

impl TokPattern {
    /// Parses a pattern; `None` when it is empty or made only of gaps.
    pub fn parse(text: &str) -> Option<TokPattern> {
        let mut elems = Vec::new();
        for word in text.split_whitespace() {
            if word == ".." || word == "..." {
                elems.push(Elem::Gap(if word == ".." { MAX_GAP } else { LONG_GAP }));
                continue;
            }
            let alts: Vec<Alt> = word
                .split('|')
                .filter(|a| !a.is_empty())
                .map(|a| {
                    let a = norm_token(a).into_owned();
                    match a.strip_suffix('*') {
                        Some(stem) if !stem.is_empty() => Alt {
                            text: stem.to_string(),
                            prefix: true,
                        },
                        _ => Alt {
                            text: a,
                            prefix: false,
                        },
                    }
                })
                .collect();
            if alts.is_empty() {
                return None;
            }
            elems.push(Elem::Alts(alts));
        }
        while matches!(elems.last(), Some(Elem::Gap(_))) {
            elems.pop();
        }
        while matches!(elems.first(), Some(Elem::Gap(_))) {
            elems.remove(0);
        }
        (!elems.is_empty()).then_some(TokPattern { elems })
    }

    /// Keys under which the pattern is indexed: its first element's
    /// alternatives (exact text, or a stem for prefixes).
    pub fn first_keys(&self) -> Vec<(String, bool)> {
        match self.elems.first() {
            Some(Elem::Alts(alts)) => alts.iter().map(|a| (a.text.clone(), a.prefix)).collect(),
            _ => Vec::new(),
        }
    }

    /// Number of non-gap elements (longer patterns win ties).
    pub fn weight(&self) -> usize {
        self.elems
            .iter()
            .filter(|e| matches!(e, Elem::Alts(_)))
            .count()
    }

    /// Matches at token `i` of `toks` (normalised) without passing `end`;
    /// returns one past the last matched token.
    pub fn match_at<W: Words + ?Sized>(&self, toks: &W, i: usize, end: usize) -> Option<usize> {
        self.match_from(0, toks, i, end.min(toks.len()))
    }

    fn match_from<W: Words + ?Sized>(
        &self,
        e: usize,
        toks: &W,
        i: usize,
        end: usize,
    ) -> Option<usize> {
        match self.elems.get(e) {
            None => Some(i),
            Some(Elem::Alts(alts)) => {
                let t = (i < end).then(|| toks.word(i))?;
                if alts.iter().any(|a| a.matches(t)) {
                    self.match_from(e + 1, toks, i + 1, end)
                } else {
                    None
                }
            }
            Some(Elem::Gap(max)) => {
                for skip in 0..=*max {
                    if skip > 0 {
                        let t = (i + skip - 1 < end).then(|| toks.word(i + skip - 1))?;
                        if is_clause_punct(t) || t == "," {
                            return None;
                        }
                    }
                    if let Some(j) = self.match_from(e + 1, toks, i + skip, end) {
                        return Some(j);
                    }
                }
                None
            }
        }
    }
}

/// Patterns indexed by their first token for fast scanning.
#[derive(Debug, Clone)]
pub struct PatternIndex {
    exact: WordMap<String, Vec<usize>>,
    /// Prefix stems, keyed by their first three chars (or the whole stem).
    prefix: WordMap<String, Vec<(String, usize)>>,
    /// Whether some stem is shorter than three chars.
    short_stems: bool,
    /// First bytes of all keys (ASCII only; a non-ASCII first byte always passes).
    first_bytes: [bool; 128],
}

fn head3(s: &str) -> &str {
    head_n(s, 3)
}

impl Default for PatternIndex {
    fn default() -> Self {
        PatternIndex {
            exact: WordMap::default(),
            prefix: WordMap::default(),
            short_stems: false,
            first_bytes: [false; 128],
        }
    }
}

impl PatternIndex {
    /// Adds pattern number `id`.
    pub fn add(&mut self, id: usize, pattern: &TokPattern) {
        for (text, prefix) in pattern.first_keys() {
            if let Some(&b) = text.as_bytes().first() {
                if b < 128 {
                    self.first_bytes[b as usize] = true;
                }
            }
            if prefix {
                self.short_stems |= text.chars().count() < 3;
                self.prefix
                    .entry(head3(&text).to_string())
                    .or_default()
                    .push((text, id));
            } else {
                self.exact.entry(text).or_default().push(id);
            }
        }
    }

    /// The patterns that may start at a token (with duplicates removed).
    pub fn candidates(&self, token: &str, out: &mut Vec<usize>) {
        out.clear();
        match token.as_bytes().first() {
            None => return,
            Some(&b) if b < 128 && !self.first_bytes[b as usize] => return,
            _ => {}
        }
        if let Some(list) = self.exact.get(token) {
            out.extend_from_slice(list);
        }
        if !self.prefix.is_empty() {
            // A stem is keyed by its first three chars (or all of them when
            // shorter): one lookup, plus shorter keys only when such stems exist.
            let lo = if self.short_stems { 1 } else { 3 };
            for n in lo..=3 {
                let k = head_n(token, n);
                if n > lo && k.len() == head_n(token, n - 1).len() {
                    break;
                }
                if let Some(list) = self.prefix.get(k) {
                    out.extend(
                        list.iter()
                            .filter(|(stem, _)| token.starts_with(stem.as_str()))
                            .map(|(_, id)| *id),
                    );
                }
            }
        }
        if out.len() > 1 {
            out.sort_unstable();
            out.dedup();
        }
    }
}
/// The first `n` chars of `s` (all of it when shorter).
fn head_n(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((b, _)) => &s[..b],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        s.split_whitespace()
            .map(|t| norm_token(t).into_owned())
            .collect()
    }

    #[test]
    fn words_stems_alternatives_and_gaps() {
        let p = TokPattern::parse("held|hold .. talks").unwrap();
        let t = toks("They held constructive bilateral talks today");
        assert_eq!(p.match_at(&t, 1, t.len()), Some(5));
        assert_eq!(p.match_at(&t, 0, t.len()), None);
        let p = TokPattern::parse("condemn*").unwrap();
        let t = toks("The Ministry Condemns it");
        assert_eq!(p.match_at(&t, 2, t.len()), Some(3));
        let p = TokPattern::parse("held .. talks").unwrap();
        let t = toks("held , talks");
        assert_eq!(p.match_at(&t, 0, t.len()), None);
    }

    #[test]
    fn long_gaps_and_one_token_per_position() {
        let p = TokPattern::parse("designating ... for sanctions").unwrap();
        let t = toks("is designating five Iranian individuals and entities for sanctions");
        assert_eq!(p.match_at(&t, 1, t.len()), Some(9));
        let short = TokPattern::parse("designating .. for sanctions").unwrap();
        assert_eq!(short.match_at(&t, 1, t.len()), None);
        // "a b|c" is a then b-or-c, never "a b" or "c" alone
        let p = TokPattern::parse("air strikes|raids").unwrap();
        assert_eq!(p.match_at(&toks("air raids"), 0, 2), Some(2));
        assert_eq!(p.match_at(&toks("raids"), 0, 1), None);
    }

    #[test]
    fn index_finds_exact_and_prefix_patterns() {
        let mut idx = PatternIndex::default();
        idx.add(0, &TokPattern::parse("condemn*").unwrap());
        idx.add(1, &TokPattern::parse("met|meets with").unwrap());
        idx.add(2, &TokPattern::parse("de* x").unwrap());
        let mut out = Vec::new();
        idx.candidates("condemnation", &mut out);
        assert_eq!(out, vec![0]);
        idx.candidates("met", &mut out);
        assert_eq!(out, vec![1]);
        idx.candidates("deploy", &mut out);
        assert_eq!(out, vec![2]);
        idx.candidates("other", &mut out);
        assert!(out.is_empty());
    }
}
