//! Press-release knowledge as entity-tagger features (the [`GazetteerLookup`]
//! hook, issue 13 item 5): where a person's role or form of address stands
//! ("Federal Minister of the Interior", "H.E."), where a government body's
//! name stands ("Ministry of Foreign Affairs", "Embassy"), both from
//! `models/titles.tsv`, and which capitalised words running text writes in
//! lower case (`models/name_words.tsv`, counted on the corpus). The tagger
//! learns from them how much to trust a capital letter next to a title; a
//! model trained with them (`attache train --press-features`) reads them
//! from the embedded files at training and at tagging time alike, so the
//! features mean the same in both.

use std::sync::OnceLock;

use super::GazetteerLookup;
use crate::text::titles::{TitleKind, Titles};
use crate::text::{Lexical, Tokenizer};

/// First BILOU bit of a person's role or form of address (B, I, L, U).
const ROLE_BITS: u32 = 0;
/// First BILOU bit of a government body's name.
const BODY_BITS: u32 = 4;
/// A capitalised word that the corpus writes in lower case.
const COMMON_CAPITALISED: u32 = 1 << 8;

/// The lookup over the embedded titles and common-words files.
pub struct PressLookup {
    titles: Titles,
}

impl PressLookup {
    /// Built from the embedded data files (user `--dict` files never change
    /// the features a model was trained with).
    fn embedded() -> PressLookup {
        let tokenizer = Tokenizer::new(Lexical::embedded());
        PressLookup {
            // the embedded file is checked by the test suite; an error leaves the
            // lookup without titles rather than failing every document
            titles: Titles::with_user_files(&[], &tokenizer).unwrap_or_default(),
        }
    }

    /// The bits of each token's title match (longest phrase first, left to right).
    fn title_bits(&self, lower: &[String], raw: &[String], out: &mut [u32]) {
        let n = lower.len();
        let mut i = 0;
        while i < n {
            let found = self
                .titles
                .may_start(&lower[i])
                .then(|| self.titles.longest_at(lower, raw, i, n))
                .flatten();
            let Some(m) = found.filter(|m| m.end > i) else {
                i += 1;
                continue;
            };
            // "Office of the Spokesperson", "Executive Office of the President": a
            // role after "of" names its office's holder inside a body's name
            let after_of = lower[..i].ends_with(&["of".to_string()])
                || lower[..i].ends_with(&["of".to_string(), "the".to_string()]);
            let base = match self.titles.get(m.title).kind {
                TitleKind::Person | TitleKind::Honorific if !after_of => Some(ROLE_BITS),
                TitleKind::Government => Some(BODY_BITS),
                _ => None,
            };
            if let Some(base) = base {
                mark_bilou(&mut out[i..m.end], base);
            }
            i = m.end;
        }
    }
}

/// Set the B/I/L/U bit (`base`, `base + 1`, `base + 2`, `base + 3`) of each
/// token of a match.
fn mark_bilou(span: &mut [u32], base: u32) {
    let len = span.len();
    if len == 1 {
        span[0] |= 1 << (base + 3);
        return;
    }
    for (k, bits) in span.iter_mut().enumerate() {
        let position = if k == 0 {
            0
        } else if k + 1 == len {
            2
        } else {
            1
        };
        *bits |= 1 << (base + position);
    }
}

impl GazetteerLookup for PressLookup {
    fn lookup(&self, tokens: &[&str]) -> Vec<u32> {
        let raw: Vec<String> = tokens.iter().map(|t| t.replace('\u{2019}', "'")).collect();
        let lower: Vec<String> = raw.iter().map(|t| t.to_lowercase()).collect();
        let mut out = vec![0u32; tokens.len()];
        self.title_bits(&lower, &raw, &mut out);
        for ((bits, word), low) in out.iter_mut().zip(&raw).zip(&lower) {
            if word.starts_with(char::is_uppercase)
                && crate::lexicon::name_words::written_as_word(word)
                && crate::lexicon::name_words::is_common_word(low)
            {
                *bits |= COMMON_CAPITALISED;
            }
        }
        out
    }
}

/// The lookup a model trained with press features uses when the caller gives
/// none (training, evaluation and the pipeline alike).
pub fn embedded() -> &'static PressLookup {
    static LOOKUP: OnceLock<PressLookup> = OnceLock::new();
    LOOKUP.get_or_init(PressLookup::embedded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_before_a_name_is_marked_and_the_name_is_not() {
        let bits = embedded().lookup(&["Foreign", "Minister", "Ana", "Lopez", "said"]);
        assert_eq!(bits[0] & 0xF, 1 << ROLE_BITS, "B of the role");
        assert_eq!(bits[1] & 0xF, 1 << (ROLE_BITS + 2), "L of the role");
        assert_eq!(bits[2] & 0xFF, 0);
        assert_eq!(bits[3] & 0xFF, 0);
    }

    #[test]
    fn a_role_after_of_inside_a_body_name_is_not_marked() {
        let bits = embedded().lookup(&["the", "Office", "of", "the", "Spokesperson"]);
        assert_eq!(bits[4] & 0xF, 0, "{bits:?}");
    }

    #[test]
    fn a_body_is_marked_apart_from_roles() {
        let bits = embedded().lookup(&["the", "Ministry", "of", "Foreign", "Affairs"]);
        assert!(bits[1..].iter().all(|b| b & 0xF0 != 0), "{bits:?}");
        assert!(bits[1..].iter().all(|b| b & 0xF == 0), "{bits:?}");
    }

    #[test]
    fn a_model_with_press_features_reads_the_embedded_lookup_by_itself() {
        let cfg = crate::ner::features::FeatureConfig {
            ext_gazetteer: true,
            ..Default::default()
        };
        let extractor = crate::ner::features::Extractor {
            cfg: &cfg,
            gaz: None,
            clusters: None,
            ext: None,
            aux: None,
        };
        let d = extractor.doc_attrs(&[vec!["Foreign", "Minister", "Ana", "Lopez"]]);
        let first = d.sents[0].0;
        assert_ne!(d.attrs[first].ext, 0);
        assert_eq!(d.attrs[first + 2].ext, 0);
    }

    #[test]
    fn capitalised_common_words_are_marked_and_acronyms_are_not() {
        let bits = embedded().lookup(&["Peace", "talks", "ASEAN", "Members"]);
        assert_ne!(bits[0] & COMMON_CAPITALISED, 0);
        assert_eq!(bits[1] & COMMON_CAPITALISED, 0, "lower case as written");
        assert_eq!(bits[2] & COMMON_CAPITALISED, 0);
        assert_ne!(bits[3] & COMMON_CAPITALISED, 0);
    }
}
