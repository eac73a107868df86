//! Session 21 (issue 13, item 4; corpus counts in `docs/agreements-recall.md`):
//! a lower-case statement, declaration or communiqué that a modifier names
//! as the work of several parties ("joint", "trilateral", "bilateral") is
//! one instrument at its first mention, whatever its article: "the leaders
//! released a joint statement", "agreed on a joint final statement", "in
//! the spirit of our joint statement", "their September 1 joint
//! statement". One author's statement is never joint, so no verb or named
//! party is needed to pin it down; a negated one ("did not issue a joint
//! statement", "ended without a joint statement") is none, and a plural
//! ("joint statements are useful") stays general.
//!
//! Word list: `models/agreement_cues.tsv`, class `several_authors`.

use super::{Agreements, Head, View};
use crate::lexicon::WordSet;

/// How many words before the first modifier a negation may stand ("did
/// not issue a joint statement").
const NEGATION_REACH: usize = 4;

/// The word class these rules read.
#[derive(Debug, Clone, Default)]
pub(super) struct Cues {
    /// Modifiers that name several authors ("joint", "trilateral"), lower case.
    several_authors: WordSet<String>,
}

impl Cues {
    /// The class names this module reads.
    // not a word list: the cue file's class names
    pub(super) const CLASSES: [&'static str; 1] = ["several_authors"];

    /// Adds a row of class `class` (one of `CLASSES`).
    pub(super) fn add(&mut self, _class: &str, phrase: &str) {
        self.several_authors.insert(phrase.to_lowercase());
    }
}

impl Agreements {
    /// Whether the singular statement or declaration at `i` (lower-case
    /// modifiers from `a`) is named as several parties' own, and not negated.
    pub(super) fn joint_instrument(&self, v: &View, first: usize, a: usize, i: usize, head: &Head) -> bool {
        let spoken = matches!(head.kind.as_str(), "statement" | "declaration");
        if head.plural || !spoken || v.cap(i) {
            return false;
        }
        let several = (a..i).any(|k| self.jointly.several_authors.contains(v.w(k)));
        let from = a.saturating_sub(NEGATION_REACH).max(first);
        let negated = (from..a).any(|k| self.negations.contains(v.w(k)));
        several && !negated
    }
}
