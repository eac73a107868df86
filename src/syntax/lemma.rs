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
use std::sync::OnceLock;

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

/// "'s" is "has" when it is the auxiliary of a past participle ("she's gone", the
/// perfect) and "is" everywhere else (copula, progressive, passive `aux:pass`). The
/// tagger gives both VBZ, so the choice waits for the tree: on EWT train every `'s`
/// that is `aux` of a VBN is "have" (11 of 11).
pub fn is_perfect_s(form: &str, upos: &str, deprel: &str, head_xpos: &str) -> bool {
    matches!(form, "'s" | "\u{2019}s" | "'S" | "\u{2019}S")
        && upos == "AUX"
        && deprel == "aux"
        && head_xpos == "VBN"
}

/// Lemmas from form and UPOS.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    exceptions: IdMap<String>,
    /// Hashes of the (lower-cased) lemmas seen in training: among the
    /// rules of a word's suffixes, the longest one that yields a known
    /// lemma wins ("smelled" → "smell", not "smel").
    vocab: IdMap<()>,
    rules: IdMap<Rule>,
    text: String,
}

fn key(s: &str, upos: &str) -> u64 {
    comb(fnv(s.as_bytes()), fnv(upos.as_bytes()))
}

/// [`fnv`] of the concatenated parts (no allocation).
fn fnv_parts(parts: &[&str]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &b in parts.iter().flat_map(|p| p.as_bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The tag that keys a word's suffix rules: the UPOS, except for proper
/// nouns, whose rules depend on number (EWT lemmatises plural `NNPS`
/// "Democrats" to "Democrat" but keeps singular `NNP` forms).
fn rule_tag(upos: &str, xpos: &str) -> String {
    if upos == "PROPN" {
        format!("{upos}|{xpos}")
    } else {
        upos.to_string()
    }
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
        // Per proper-noun tag: (words whose lemma differs, words).
        let mut proper: HashMap<String, (usize, usize)> = HashMap::new();
        for (form, upos, xpos, lemma) in words.clone() {
            let lower: Vec<char> = form.chars().flat_map(char::to_lowercase).collect();
            let rule = rule_for(&lower, &lemma.to_lowercase());
            let tag = rule_tag(upos, xpos);
            if upos == "PROPN" {
                let e = proper.entry(tag.clone()).or_default();
                e.0 += usize::from(form != lemma);
                e.1 += 1;
            }
            // A rule is keyed only by suffixes that cover what it strips.
            for k in rule.strip.min(MAX_SUFFIX + 1)..=MAX_SUFFIX.min(lower.len()) {
                let suffix: String = lower[lower.len() - k..].iter().collect();
                *counts
                    .entry((tag.clone(), suffix))
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
                // Proper nouns get rules only where most of them inflect;
                // elsewhere rules would only memorise abbreviations.
                let inflects = proper.get(&upos).is_none_or(|&(d, t)| d * 2 > t);
                (inflects && (suffix.is_empty() || (total >= 2 && n * 2 > total)))
                    .then_some((upos, suffix, rule))
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
        let mut vocab: Vec<String> = words.clone().map(|w| w.3.to_lowercase()).collect();
        vocab.sort_unstable();
        vocab.dedup();
        for v in vocab.iter().filter(|v| !v.contains(['\t', '\n'])) {
            let _ = writeln!(text, "V\t{v}");
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
                ["V", lemma] => {
                    lem.vocab.insert(fnv(lemma.as_bytes()), ());
                }
                ["E", upos, form, lemma] => {
                    lem.exceptions.insert(key(form, upos), lemma.to_string());
                }
                _ => return Err(bad()),
            }
        }
        Ok(lem)
    }

    /// Adds lemmas to the known vocabulary (lower-cased; multi-word
    /// entries are split): the event lexicon's lemmas, so that "waged"
    /// finds "wage" though the treebank has no "wage" to learn from.
    pub fn add_known<'a>(&mut self, lemmas: impl IntoIterator<Item = &'a str>) {
        for l in lemmas.into_iter().flat_map(|l| l.split([' ', '_'])) {
            if !l.is_empty() {
                self.vocab.insert(fnv(l.to_lowercase().as_bytes()), ());
            }
        }
    }

    /// The text form, as stored in the model file.
    pub fn as_text(&self) -> &str {
        &self.text
    }

    /// The lemma of `form` with part of speech `upos` (and Penn tag
    /// `xpos`): an exception for the exact form, else for proper nouns the
    /// rule of their tag applied to the form as written, else an exception
    /// for the lower-cased form, else the rule of the longest known suffix.
    pub fn lemma(&self, form: &str, upos: &str, xpos: &str) -> String {
        let full = fnv_parts(&[upos, "|", xpos]);
        let exception = |f: &str| {
            let h = fnv(f.as_bytes());
            self.exceptions
                .get(&comb(h, full))
                .or_else(|| self.exceptions.get(&comb(h, fnv(upos.as_bytes()))))
        };
        if let Some(l) = exception(form) {
            return l.clone();
        }
        if upos == "PROPN" {
            // Proper nouns keep their form unless their tag inflects (only
            // such tags have rules, see `learn`; EWT's plural NNPS does).
            // Rules strip chars of the lower-cased form; applied to the form
            // as written, they keep its capitals ("Democrats" → "Democrat").
            let lower = form.to_lowercase();
            if lower.chars().count() == form.chars().count() {
                return self.apply_rule(form, &lower, full);
            }
            return form.to_string();
        }
        // (most words are lower-case ASCII already: no copy for those)
        let lower: std::borrow::Cow<str> =
            if form.is_ascii() && !form.bytes().any(|b| b.is_ascii_uppercase()) {
                form.into()
            } else {
                form.to_lowercase().into()
            };
        if lower != form {
            if let Some(l) = exception(&lower) {
                return l.clone();
            }
        }
        // (a past form the tagger took for a base form, "Gondor froze/VB
        // the assets", is still a past form unless it is itself a verb's
        // base: "lay")
        if matches!(upos, "VERB" | "AUX") {
            if let Some(l) = irregular_verbs().get(lower.as_ref()) {
                let past = matches!(xpos, "VBD" | "VBN");
                if past || !irregular_lemmas().contains(lower.as_ref()) {
                    return l.clone();
                }
            }
        }
        self.apply_rule(&lower, &lower, fnv(upos.as_bytes()))
    }

    /// Applies the rule of the longest suffix of `lower` known under the
    /// tag hash `tag` to `form` (which has as many chars as `lower`).
    fn apply_rule(&self, form: &str, lower: &str, tag: u64) -> String {
        // Byte offsets of the last MAX_SUFFIX + 1 char boundaries of both.
        // Fixed arrays (no allocation per word): the end, then the starts
        // of the last MAX_SUFFIX chars, last first.
        let ends = |s: &str| -> ([usize; MAX_SUFFIX + 1], usize) {
            let mut v = [s.len(); MAX_SUFFIX + 1];
            let mut len = 1;
            for (i, _) in s.char_indices().rev().take(MAX_SUFFIX) {
                v[len] = i;
                len += 1;
            }
            (v, len)
        };
        let ((lb, ll), (fb, fl)) = (ends(lower), ends(form));
        let (lb, fb) = (&lb[..ll], &fb[..fl]);
        let n = lower.chars().count();
        let mut first: Option<(usize, &str)> = None;
        let mut hit = false;
        for k in (0..lb.len()).rev() {
            let suffix = &lower[lb[k]..];
            let Some(r) = self.rules.get(&comb(fnv(suffix.as_bytes()), tag)) else {
                continue;
            };
            if r.strip > n {
                continue;
            }
            let keep = match fb.get(r.strip) {
                Some(&b) => b,
                None => form
                    .char_indices()
                    .nth(n - r.strip)
                    .map_or(form.len(), |(i, _)| i),
            };
            // The vocabulary holds lower-cased lemmas: checked only when
            // the form is lower-cased already.
            if form == lower
                && self
                    .vocab
                    .contains_key(&fnv_parts(&[&form[..keep], &r.add]))
            {
                first = Some((keep, &r.add));
                hit = true;
                break;
            }
            first.get_or_insert((keep, &r.add));
            if self.vocab.is_empty() || form != lower {
                break;
            }
        }
        let known_form = form == lower && self.vocab.contains_key(&fnv(form.as_bytes()));
        if known_form && !hit {
            // no rule yields a known lemma, but the form is one ("concede"
            // would otherwise take the "made" → "make" rule)
            return form.to_string();
        }
        if let Some((keep, add)) = first {
            let mut out = String::with_capacity(keep + add.len() + 1);
            out.push_str(&form[..keep]);
            out.push_str(add);
            if !hit && form == lower && add.is_empty() {
                // a silent "e" the stripped ending took ("conceding" →
                // "conced" → "concede"), when that is a known lemma
                out.push('e');
                if self.vocab.contains_key(&fnv(out.as_bytes())) {
                    return out;
                }
                out.pop();
            }
            return out;
        }
        form.to_string()
    }
}

/// Past forms of English irregular verbs → their lemma, from
/// `models/syntax/irregular_verbs.tsv`: read for a past-tense or participle
/// verb the treebank's exceptions do not know ("fled" would otherwise go
/// through the suffix rules to "fl").
pub(super) fn irregular_verbs() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| parse_irregular(include_str!("../../models/syntax/irregular_verbs.tsv")))
}

/// The lemmas of the irregular-verb table ("lay" is one, and also the
/// past of "lie").
fn irregular_lemmas() -> &'static std::collections::HashSet<String> {
    static LEMMAS: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    LEMMAS.get_or_init(|| irregular_verbs().values().cloned().collect())
}

/// The form → lemma map of an irregular-verb table (lemma, past,
/// participle; alternatives '|'-separated); the first lemma of a form
/// wins ("lay": past of "lie").
fn parse_irregular(text: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .skip(1)
    {
        let mut cols = line.split('\t');
        let Some(lemma) = cols.next() else { continue };
        for form in cols.flat_map(|c| c.split('|')) {
            if form != lemma {
                out.entry(form.to_string())
                    .or_insert_with(|| lemma.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{is_perfect_s, parse_irregular, Lemmatizer};
    use crate::syntax::model::SyntaxModel;

    fn embedded() -> Lemmatizer {
        let model = SyntaxModel::embedded().unwrap();
        Lemmatizer::from_text(model.lemma_table()).unwrap()
    }

    #[test]
    fn contracted_s_is_have_only_as_the_perfect_auxiliary() {
        assert!(is_perfect_s("'s", "AUX", "aux", "VBN"));
        assert!(is_perfect_s("\u{2019}s", "AUX", "aux", "VBN"));
        assert!(!is_perfect_s("'s", "AUX", "aux:pass", "VBN"), "passive: is");
        assert!(!is_perfect_s("'s", "AUX", "aux", "VBG"), "progressive: is");
        assert!(!is_perfect_s("'s", "AUX", "cop", "JJ"), "copula: is");
        assert!(!is_perfect_s("'s", "PART", "case", "NNP"), "possessive");
    }

    #[test]
    fn known_lemmas_added_at_run_time_are_reached_by_the_rules() {
        let mut lem = embedded();
        lem.add_known(["wage war", "concede", "flout"]);
        assert_eq!(lem.lemma("waged", "VERB", "VBD"), "wage");
        assert_eq!(lem.lemma("flouted", "VERB", "VBD"), "flout");
        // a base form that is a known lemma stays as it is
        assert_eq!(lem.lemma("concede", "VERB", "VB"), "concede");
        // the silent "e" an "-ing" ending took comes back
        assert_eq!(lem.lemma("conceding", "VERB", "VBG"), "concede");
        // training words are unchanged
        assert_eq!(lem.lemma("walked", "VERB", "VBD"), "walk");
    }

    #[test]
    fn irregular_past_forms_the_treebank_lacks_get_their_verb() {
        let lem = embedded();
        assert_eq!(lem.lemma("froze", "VERB", "VBD"), "freeze");
        assert_eq!(lem.lemma("fled", "VERB", "VBD"), "flee");
        assert_eq!(lem.lemma("forbidden", "VERB", "VBN"), "forbid");
        assert_eq!(lem.lemma("Unfroze", "VERB", "VBD"), "unfreeze");
        assert_eq!(lem.lemma("froze", "VERB", "VB"), "freeze", "mistagged past");
        // a base form that also spells a past ("lay", past of "lie") stays
        assert_eq!(lem.lemma("lay", "VERB", "VB"), "lay");
    }

    #[test]
    fn the_embedded_irregular_verb_table_is_well_formed() {
        let text = include_str!("../../models/syntax/irregular_verbs.tsv");
        let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(rows.len() > 150);
        assert!(
            rows.iter().all(|l| l.split('\t').count() == 3),
            "three columns"
        );
        assert_eq!(
            parse_irregular(text).get("slain").map(String::as_str),
            Some("slay")
        );
    }
}
