//! Lower-case heads read from the words around them (issue 13, agreements
//! item; corpus sample in `tests/data/agreements-standoff.tsv`):
//! - a passive predicate makes one specific ("agreements were reached in
//!   trade", "a memorandum was signed on …"), as a defining participle
//!   does; not after a definite determiner, where the head refers back;
//! - "between" inside a complement names the parties ("the agreement on
//!   fisheries between A and B" is specific, not a refer-back);
//! - a verb the head hangs on is no pre-modifier: "reach" in "to reach
//!   agreement on …" governs it, so the head stays a bare mass use.

use super::specific::parsed;
use super::{Agreements, InSentence, View};

impl Agreements {
    /// "agreements were reached …", "an accord was signed …": an auxiliary
    /// and a defining participle right after the head at `i..hend`, the
    /// head the participle's passive subject (by the parse, where there is
    /// one). Not after a determiner: "the agreement was signed" refers back.
    pub(super) fn passive_predicate(
        &self,
        at: InSentence<'_>,
        a: usize,
        i: usize,
        hend: usize,
    ) -> bool {
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
        // a plural needs the clause to place it ("agreements were reached
        // in trade", not "good agreements have been reached.": general)
        let placed = self.spec.placing.contains(v.w(p + 1));
        if v.w(hend - 1).ends_with('s') && !placed {
            return false;
        }
        let _ = i;
        parsed(at.doc, hend - 1).is_none_or(|(_, h, rel)| h == Some(p) && rel.starts_with("nsubj"))
    }

    /// Whether token `k` may be a lower-case pre-modifier of the head
    /// ending at `hend`: not a verb the parse hangs the head on ("reach" in
    /// "to reach agreement": the verb of its object), unless an article
    /// before it makes it a gerund ("a historic implementing arrangement").
    /// No parse: any word.
    pub(super) fn modifier_word(&self, at: InSentence<'_>, k: usize, hend: usize) -> bool {
        let governs = parsed(at.doc, hend - 1).is_some_and(|(_, h, _)| h == Some(k))
            && parsed(at.doc, k).is_some_and(|(upos, _, _)| matches!(upos, "VERB" | "AUX"));
        // ("the signed agreement", "a historic implementing arrangement":
        // the article opens the participle's own phrase; not "The minister
        // expressed agreement", where it opens the verb's subject)
        let subject_before = k > at.first
            && parsed(at.doc, k - 1).is_some_and(|(_, _, rel)| rel.starts_with("nsubj"));
        let article = !subject_before
            && (k.saturating_sub(2).max(at.first)..k)
                .any(|j| matches!(at.v.w(j), "a" | "an") || self.determiners.contains(at.v.w(j)));
        !governs || article
    }

    /// "between" inside the complement hend..b ("the agreement on
    /// fisheries between A and B"), followed by a capitalised party.
    pub(super) fn between_in(&self, v: &View, hend: usize, b: usize) -> Option<usize> {
        (hend..b).find(|&k| v.w(k) == "between" && v.cap(k + 1 + usize::from(v.w(k + 1) == "the")))
    }
}
