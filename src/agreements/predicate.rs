//! Lower-case heads read from the words around them (issue 13, agreements
//! item; corpus sample in `tests/data/agreements-standoff.tsv`):
//! - a goal is no instrument yet: an indefinite head after a verb of
//!   seeking ("called for an immediate ceasefire in Gaza", "strive for a
//!   mutually beneficial agreement on …"; `goal` rows of
//!   `models/agreement_cues.tsv`);
//! - a passive predicate makes one specific ("agreements were reached in
//!   trade", "a memorandum was signed on …"), as a defining participle
//!   does; not after a definite determiner, where the head refers back;
//! - a pre-modifier is a noun or adjective: "reach" in "to reach agreement
//!   on …" is a verb, so the head stays a bare mass use.

use super::specific::parsed;
use super::{Agreements, InSentence};

impl Agreements {
    /// Whether the indefinite head whose modifiers start at `a` follows a
    /// goal phrase ("call for a …", "bring about a …").
    pub(super) fn goal_before(&self, at: InSentence<'_>, a: usize) -> bool {
        let v = at.v;
        // the article, over adverbs the modifiers left out ("a mutually …")
        let Some(art) = (a.saturating_sub(3).max(at.first)..a)
            .rev()
            .take_while(|&k| !v.cap(k))
            .find(|&k| matches!(v.w(k), "a" | "an"))
        else {
            return false;
        };
        art > at.first && self.spec.goals.ending_at(v, art, at.first).is_some()
    }

    /// "agreements were reached …", "an accord was signed …": an auxiliary
    /// and a defining participle right after the head at `i..hend`, the
    /// head the participle's passive subject (by the parse, where there is
    /// one). Not after a determiner: "the agreement was signed" refers back.
    pub(super) fn passive_predicate(&self, at: InSentence<'_>, a: usize, i: usize, hend: usize) -> bool {
        let v = at.v;
        if a > at.first && self.determiners.contains(v.w(a - 1)) {
            return false;
        }
        let aux = (hend..at.lim.min(hend + 2))
            .take_while(|&k| self.spec.auxiliaries.contains(v.w(k)))
            .count();
        let p = hend + aux;
        if aux == 0 || p >= at.lim || !self.spec.participles.contains(v.w(p)) {
            return false;
        }
        let _ = i;
        parsed(at.doc, hend - 1).is_none_or(|(_, h, rel)| h == Some(p) && rel.starts_with("nsubj"))
    }

    /// Whether token `k` may be a lower-case pre-modifier of a head: not a
    /// verb, adverb or function word by the parse (no parse: any word).
    pub(super) fn modifier_word(&self, at: InSentence<'_>, k: usize) -> bool {
        // ("the proposed deal": a participle used as an adjective stays)
        parsed(at.doc, k).is_none_or(|(upos, _, rel)| {
            matches!(upos, "NOUN" | "ADJ" | "PROPN" | "NUM" | "X") || rel == "amod"
        })
    }
}
