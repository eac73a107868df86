//! A ceasefire coordinated with another term under one agreement head ("the
//! ceasefire and hostage release deal", "a truce and prisoner exchange
//! agreement"): one package instrument whose head is the last noun. The
//! coordination inside the noun phrase names what the package covers, so it
//! is specific even after an indefinite article (session 22, issue 13 item
//! 4; corpus counts in `eval/corpus-agreements-6/README.md`). A later bare "the
//! ceasefire" names the package's ceasefire part, not a new instrument
//! (`join.rs`).

use super::specific::parsed;
use super::{Agreements, Head, View};
use crate::doc::Doc;
use crate::doc::TokenKind;
use crate::lexicon::WordClass;

/// The most words between "and" and the package head ("hostages and
/// detainees release": 4).
const MAX_INNER: usize = 5;

impl Agreements {
    /// The end and head of a package whose ceasefire head spans `i..hend`:
    /// "and", one to five lower-case words with no head among them, then a
    /// singular head of kind agreement. A word the parse reads as a verb
    /// before the head's modifier makes it two clauses ("accepted the truce
    /// and rejected any deal").
    pub(super) fn ceasefire_package(
        &self,
        doc: &Doc,
        v: &View,
        hend: usize,
        lim: usize,
    ) -> Option<(usize, Head)> {
        if v.w(hend) != "and" {
            return None;
        }
        let mut k = hend + 1;
        while k < lim && k <= hend + MAX_INNER + 1 {
            if let Some((end, head)) = self.heads.longest(v, k, lim) {
                // (the word right before the head is its noun modifier even
                // when the tagger reads a verb: "release deal")
                let clause = (hend + 1..k - 1)
                    .any(|j| parsed(doc, j).is_some_and(|p| matches!(p.0, "VERB" | "AUX")));
                let ok = k > hend + 1
                    && !clause
                    && head.kind == "agreement"
                    && !head.plural
                    && !v.cap(k);
                return ok.then(|| (end, head.clone()));
            }
            let plain = v.kind[k] == TokenKind::Word
                && !v.cap(k)
                && !self.determiners.contains(v.w(k))
                && !self.verbs.contains(v.w(k))
                && (v.w(k) == "and" || !self.words.has(WordClass::NameStop, v.w(k)))
                && !matches!(v.w(k), "with" | "that");
            if !plain {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Whether the head phrase `i..hend` is such a package ("ceasefire and
    /// … deal").
    pub(super) fn is_package(&self, v: &View, i: usize, hend: usize) -> bool {
        (i + 1..hend).any(|k| v.w(k) == "and")
            && self
                .heads
                .longest(v, i, hend)
                .is_some_and(|(_, h)| h.kind == "ceasefire")
    }
}
