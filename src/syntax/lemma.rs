//! The lemmatiser: an exception table plus suffix rules, both learned from
//! a treebank and keyed by UPOS.
//!
//! A rule says "strip N chars, append S" and is chosen by the longest
//! suffix (up to [`MAX_SUFFIX`] chars) of the lower-cased form seen in
//! training with that UPOS. Proper nouns keep their form. Words whose
//! treebank lemma the rules get wrong go to the exception table, keyed by
//! exact form and UPOS.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::ner::hash::{comb, fnv, IdMap};

use super::SyntaxError;

/// Longest suffix a rule is keyed by.
pub const MAX_SUFFIX: usize = 5;

/// A rewrite of a word's end.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Rule {
    strip: usize,
    add: String,
}

/// Lemmas from form and UPOS.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    exceptions: IdMap<String>,
    rules: IdMap<Rule>,
    text: String,
}

fn key(s: &str, upos: &str) -> u64 {
    comb(fnv(s.as_bytes()), fnv(upos.as_bytes()))
}

/// The rule that turns `lower` into `lemma` (both lower-cased).
fn rule_for(lower: &[char], lemma: &str) -> Rule {
    let lemma: Vec<char> = lemma.chars().collect();
    let cp = lower.iter().zip(&lemma).take_while(|(a, b)| a == b).count();
    Rule {
        strip: lower.len() - cp,
        add: lemma[cp..].iter().collect(),
    }
}

impl Lemmatizer {
    /// Learns rules and exceptions from (form, UPOS, lemma) triples.
    pub fn learn<'a>(words: impl Iterator<Item = (&'a str, &'a str, &'a str)> + Clone) -> Self {
        // (upos, suffix) → rule → count
        let mut counts: HashMap<(String, String), HashMap<Rule, usize>> = HashMap::new();
        let mut lemmas: HashMap<(String, String), HashMap<String, usize>> = HashMap::new();
        for (form, upos, lemma) in words.clone() {
            let lower: Vec<char> = form.chars().flat_map(char::to_lowercase).collect();
            let rule = rule_for(&lower, &lemma.to_lowercase());
            for k in 0..=MAX_SUFFIX.min(lower.len()) {
                let suffix: String = lower[lower.len() - k..].iter().collect();
                *counts
                    .entry((upos.to_string(), suffix))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
            *lemmas
                .entry((form.to_string(), upos.to_string()))
                .or_default()
                .entry(lemma.to_string())
                .or_default() += 1;
        }
        let mut text = String::new();
        let mut rules: Vec<_> = counts
            .into_iter()
            .filter_map(|((upos, suffix), rs)| {
                let total: usize = rs.values().sum();
                let (rule, n) = rs
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.add.cmp(&a.0.add)))?;
                (suffix.is_empty() || (total >= 2 && n * 2 > total)).then_some((upos, suffix, rule))
            })
            .collect();
        rules.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        for (upos, suffix, rule) in &rules {
            let _ = writeln!(text, "R\t{upos}\t{suffix}\t{}\t{}", rule.strip, rule.add);
        }
        let mut lem = Lemmatizer::from_text(&text).unwrap_or_default();
        let mut exc: Vec<_> = lemmas
            .into_iter()
            .filter_map(|((form, upos), ls)| {
                let (lemma, _) = ls
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
                (lem.lemma(&form, &upos) != lemma).then_some((form, upos, lemma))
            })
            .collect();
        exc.sort();
        for (form, upos, lemma) in exc {
            let line = format!("E\t{upos}\t{form}\t{lemma}");
            if !line.contains('\n') {
                text.push_str(&line);
                text.push('\n');
            }
        }
        lem = Lemmatizer::from_text(&text).unwrap_or_default();
        lem
    }

    /// Reads the text form (`R upos suffix strip add` and
    /// `E upos form lemma` lines).
    pub fn from_text(text: &str) -> Result<Lemmatizer, SyntaxError> {
        let mut lem = Lemmatizer {
            text: text.to_string(),
            ..Lemmatizer::default()
        };
        for (i, line) in text.lines().enumerate() {
            let bad = || SyntaxError::BadModel(format!("lemma line {}", i + 1));
            let cols: Vec<&str> = line.split('\t').collect();
            match cols.as_slice() {
                ["R", upos, suffix, strip, add] => {
                    let strip = strip.parse().map_err(|_| bad())?;
                    let add = add.to_string();
                    lem.rules.insert(key(suffix, upos), Rule { strip, add });
                }
                ["E", upos, form, lemma] => {
                    lem.exceptions.insert(key(form, upos), lemma.to_string());
                }
                _ => return Err(bad()),
            }
        }
        Ok(lem)
    }

    /// The text form, as stored in the model file.
    pub fn as_text(&self) -> &str {
        &self.text
    }

    /// The lemma of `form` with part of speech `upos`.
    pub fn lemma(&self, form: &str, upos: &str) -> String {
        if let Some(l) = self.exceptions.get(&key(form, upos)) {
            return l.clone();
        }
        if upos == "PROPN" {
            return form.to_string();
        }
        let lower: Vec<char> = form.chars().flat_map(char::to_lowercase).collect();
        let mut suffix = String::new();
        for k in (0..=MAX_SUFFIX.min(lower.len())).rev() {
            suffix.clear();
            suffix.extend(&lower[lower.len() - k..]);
            if let Some(r) = self.rules.get(&key(&suffix, upos)) {
                if r.strip <= lower.len() {
                    let mut out: String = lower[..lower.len() - r.strip].iter().collect();
                    out.push_str(&r.add);
                    return out;
                }
            }
        }
        lower.into_iter().collect()
    }
}
