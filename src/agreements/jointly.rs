//! Session 21 (issue 13, item 4; corpus counts in `docs/agreements-recall.md`):
//! a lower-case statement, declaration or communiqué that a modifier names
//! as the work of several parties ("joint", "trilateral", "bilateral") is
//! one instrument at its first mention, whatever its article: "the leaders
//! released a joint statement", "agreed on a joint final statement", "in
//! the spirit of our joint statement", "their September 1 joint
//! statement". One author's statement is never joint, so no verb or named
//! party is needed to pin it down; a negated one ("did not issue a joint
//! statement", "ended without a joint statement") is none, a plural
//! ("joint statements are useful") stays general, and so does a joint
//! appearance before the press ("during your joint statement", "a joint
//! statement to the media"): an event, not a text. In a headline the
//! parties must be named, as for any headline statement.
//!
//! Word lists: `models/agreement_cues.tsv`, classes `several_authors`,
//! `press_event` (a word before the head that makes it an event) and
//! `press_audience` (after "to": who the statement is spoken to).

use super::{title, Agreements, Site};
use crate::lexicon::WordSet;

/// How many words before the first modifier a negation may stand ("did
/// not issue a joint statement").
const NEGATION_REACH: usize = 4;

/// The word class these rules read.
#[derive(Debug, Clone, Default)]
pub(super) struct Cues {
    /// Modifiers that name several authors ("joint", "trilateral"), lower case.
    several_authors: WordSet<String>,
    /// Words before the head that make it an event ("during").
    press_event: WordSet<String>,
    /// Who a statement spoken "to" the press is addressed to ("media").
    press_audience: WordSet<String>,
}

impl Cues {
    /// The class names this module reads.
    // not a word list: the cue file's class names
    pub(super) const CLASSES: [&'static str; 3] =
        ["several_authors", "press_event", "press_audience"];

    /// Adds a row of class `class` (one of `CLASSES`).
    pub(super) fn add(&mut self, class: &str, phrase: &str) {
        let w = phrase.to_lowercase();
        match class {
            "several_authors" => self.several_authors.insert(w),
            "press_event" => self.press_event.insert(w),
            _ => self.press_audience.insert(w),
        };
    }
}

impl Agreements {
    /// Whether the singular statement or declaration at `i..hend`
    /// (lower-case modifiers from `a`) is named as several parties' own
    /// text: not negated, not a joint appearance before the press.
    pub(super) fn joint_instrument(&self, site: Site<'_>, a: usize) -> bool {
        let Site { at, i, hend, head } = site;
        let v = at.v;
        let spoken = matches!(head.kind.as_str(), "statement" | "declaration");
        if head.plural || !spoken || v.cap(i) {
            return false;
        }
        // a headline's joint statement names its parties ("Joint statement
        // by the Spokesperson" is one office's), as `generic.rs` asks
        let headline = at.s == 0
            && at
                .doc
                .tokens
                .get(at.lim)
                .is_some_and(|t| t.newlines_before > 0);
        if headline && !title::names_parties(at.doc, &self.formations) {
            return false;
        }
        let several = (a..i).any(|k| self.jointly.several_authors.contains(v.w(k)));
        let from = a.saturating_sub(NEGATION_REACH).max(at.first);
        let negated = (from..a).any(|k| self.negations.contains(v.w(k)));
        let event = (from..i).any(|k| self.jointly.press_event.contains(v.w(k)));
        // "a joint statement to the media", "… to reporters"
        let to = v.w(hend) == "to";
        let audience = to
            && (hend + 1..(hend + 3).min(at.lim))
                .any(|k| self.jointly.press_audience.contains(v.w(k)));
        several && !negated && !event && !audience
    }
}
