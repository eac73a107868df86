//! The dates of agreement records: a date mention as a point value, the
//! date nearest a signing verb, a joint statement's meeting date and the
//! best of a record's candidates.
//!
//! A sentence's date is a signing date only when it can be one (issue 13,
//! item 4; dev README: the date is the signing or adoption date the text
//! gives): not the end of a period ("an agreement … for the period to
//! 2027"), not the day of a commemoration ("on May 29 we will mark eight
//! years since the signing of …", "the second anniversary of the signing
//! of …"), and not a date that names another instrument in the sentence
//! ("… the signing of the Abraham Accords, along with the October 2022
//! maritime boundary agreement").

use super::View;
use crate::dates::calendar::Ymd;
use crate::doc::Doc;
use crate::lexicon::{WordMap, WordSet};

/// The word classes of `models/agreement_cues.tsv` that dating reads.
#[derive(Debug, Clone, Default)]
pub(super) struct Cues {
    /// Words before a date that make it a period's end ("to", "until").
    period_end: WordSet<String>,
    /// Words shortly before a signing word that make the sentence's date
    /// a commemoration's ("anniversary", "since").
    commemoration: WordSet<String>,
}

impl Cues {
    /// The class names this module reads.
    // not a word list: the cue file's class names
    pub(super) const CLASSES: [&'static str; 2] = ["period_end", "commemoration"];

    /// Adds a row of class `class` (one of `CLASSES`).
    pub(super) fn add(&mut self, class: &str, phrase: &str) {
        let w = phrase.to_lowercase();
        if class == "period_end" {
            self.period_end.insert(w);
        } else {
            self.commemoration.insert(w);
        }
    }

    /// Whether the signing word at `verb_at` is what a commemoration
    /// counts from ("anniversary of the signing", "years since the
    /// signing"): then the sentence's date is the commemoration's, unless
    /// it follows the signing word in the same phrase ("the anniversary of
    /// the signing of the Statement on … on November 9, 2020"), which
    /// `usable_after` tells.
    pub(super) fn commemorated(&self, v: &View, first: usize, verb_at: usize) -> bool {
        (verb_at.saturating_sub(3).max(first)..verb_at).any(|k| self.commemoration.contains(v.w(k)))
    }

    /// Under a commemoration: whether the date at `t` follows the signing
    /// word at `verb_at` with no punctuation between them.
    pub(super) fn usable_after(v: &View, verb_at: usize, t: usize) -> bool {
        t > verb_at && (verb_at..t).all(|k| v.kind[k] != crate::doc::TokenKind::Punct)
    }

    /// Whether the date mention starting at token `t` ends a period ("to
    /// 2027", "until 2030").
    pub(super) fn period_end(&self, v: &View, first: usize, t: usize) -> bool {
        t > first && self.period_end.contains(v.w(t - 1))
    }
}

/// The value of date mention `k` when it is a point (not a duration or range).
pub(super) fn point_value(doc: &Doc, k: usize) -> Option<String> {
    let d = doc.dates.get(k)?;
    let v = d.value.as_ref()?;
    (matches!(d.granularity.as_str(), "day" | "month" | "year" | "time") && !v.contains('X'))
        .then(|| v.get(..10).unwrap_or(v).to_string())
}

/// The point date in tokens first..lim closest to token `at`, among the
/// date mentions (by index) that `usable` accepts.
pub(super) fn nearest_date(
    doc: &Doc,
    date_at: &WordMap<usize, usize>,
    (first, lim): (usize, usize),
    at: usize,
    usable: impl Fn(usize) -> bool,
) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for t in first..lim {
        if let Some(&k) = date_at.get(&t) {
            if doc.dates[k].tokens.start != t || !usable(k) {
                continue;
            }
            if let Some(v) = point_value(doc, k) {
                let dist = t.abs_diff(at);
                if best.as_ref().is_none_or(|(d, _)| dist < *d) {
                    best = Some((dist, v));
                }
            }
        }
    }
    best.map(|(_, v)| v)
}

/// A joint statement's own date: a day within two weeks before the
/// document date in the body, else the document date.
pub(super) fn meeting_date(doc: &Doc, doc_date: Option<Ymd>) -> Option<String> {
    let dd = doc_date?;
    doc.dates
        .iter()
        .filter(|d| d.sentence > 0 && d.granularity == "day")
        .filter_map(|d| d.value.as_deref().and_then(Ymd::parse))
        .find(|d| {
            let diff = dd.day_number() - d.day_number();
            (0..=14).contains(&diff)
        })
        .or(Some(dd))
        .map(Ymd::iso)
}

/// The most precise date, then the highest priority, then the first.
pub(super) fn best_date(dates: &[(String, u8)]) -> Option<String> {
    let mut best: Option<&(String, u8)> = None;
    for d in dates {
        let better = match best {
            None => true,
            Some(b) => (d.0.len(), d.1) > (b.0.len(), b.1),
        };
        if better {
            best = Some(d);
        }
    }
    best.map(|d| d.0.clone())
}
