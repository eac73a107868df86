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
    /// Learns rules and exceptions from (form, UPOS, XPOS, lemma) words.
    pub fn learn<'a>(
        words: impl Iterator<Item = (&'a str, &'a str, &'a str, &'a str)> + Clone,
    ) -> Self {
        // (upos, suffix) → rule → count
        let mut counts: HashMap<(String, String), HashMap<Rule, usize>> = HashMap::new();
        for (form, upos, _, lemma) in words.clone() {
            let lower: Vec<char> = form.chars().flat_map(char::to_lowercase).collect();
            let rule = rule_for(&lower, &lemma.to_lowercase());
            // A rule is keyed only by suffixes that cover what it strips.
            for k in rule.strip.min(MAX_SUFFIX + 1)..=MAX_SUFFIX.min(lower.len()) {
                let suffix: String = lower[lower.len() - k..].iter().collect();
                *counts
                    .entry((upos.to_string(), suffix))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
        }
        let mut text = String::new();
        let mut rules: Vec<_> = counts
            .into_iter()
            .filter_map(|((upos, suffix), rs)| {
                let total: usize = rs.values().sum();
                let (rule, n) = rs.into_iter().max_by(|a, b| {
                    a.1.cmp(&b.1)
                        .then(b.0.add.cmp(&a.0.add))
                        .then(b.0.strip.cmp(&a.0.strip))
                })?;
                (suffix.is_empty() || (total >= 2 && n * 2 > total)).then_some((upos, suffix, rule))
            })
            .collect();
        rules.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        for (upos, suffix, rule) in &rules {
            let _ = writeln!(
                text,
                "R\t{upos}\t{suffix}\t{rule_strip}\t{rule_add}",
                rule_strip = rule.strip,
                rule_add = rule.add
            );
        }
        // Exceptions by UPOS first, then by UPOS|XPOS where those differ.
        for full in [false, true] {
            let lem = Lemmatizer::from_text(&text).unwrap_or_default();
            let mut lemmas: HashMap<(String, String, String), HashMap<String, usize>> =
                HashMap::new();
            for (form, upos, xpos, lemma) in words.clone() {
                let x = if full { xpos } else { "" };
                *lemmas
                    .entry((form.to_string(), upos.to_string(), x.to_string()))
                    .or_default()
                    .entry(lemma.to_string())
                    .or_default() += 1;
            }
            let mut exc: Vec<_> = lemmas
                .into_iter()
                .filter_map(|((form, upos, xpos), ls)| {
                    let (lemma, _) = ls
                        .into_iter()
                        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
                    let tag = if full {
                        format!("{upos}|{xpos}")
                    } else {
                        upos.clone()
                    };
                    (lem.lemma(&form, &upos, &xpos) != lemma).then_some((form, tag, lemma))
                })
                .collect();
            exc.sort();
            for (form, tag, lemma) in exc {
                let line = format!("E\t{tag}\t{form}\t{lemma}");
                if !line.contains('\n') {
                    text.push_str(&line);
                    text.push('\n');
                }
            }
        }
        Lemmatizer::from_text(&text).unwrap_or_default()
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

    /// The lemma of `form` with part of speech `upos` (and Penn tag
    /// `xpos`): an exception for the exact form, else the form itself for
    /// proper nouns, else an exception for the lower-cased form, else the
    /// rule of the longest known suffix.
    pub fn lemma(&self, form: &str, upos: &str, xpos: &str) -> String {
        let mut full = String::with_capacity(upos.len() + xpos.len() + 1);
        full.push_str(upos);
        full.push('|');
        full.push_str(xpos);
        let exception = |f: &str| {
            self.exceptions
                .get(&key(f, &full))
                .or_else(|| self.exceptions.get(&key(f, upos)))
        };
        if let Some(l) = exception(form) {
            return l.clone();
        }
        if upos == "PROPN" {
            return form.to_string();
        }
        let lower: Vec<char> = form.chars().flat_map(char::to_lowercase).collect();
        let lower_form: String = lower.iter().collect();
        if lower_form != form {
            if let Some(l) = exception(&lower_form) {
                return l.clone();
            }
        }
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
        lower_form
    }
}
