//! The dates of agreement records: a date mention as a point value, the
//! date nearest a signing verb, a joint statement's meeting date and the
//! best of a record's candidates (moved out of `mod.rs` unchanged).

use crate::dates::calendar::Ymd;
use crate::doc::Doc;
use crate::lexicon::WordMap;

/// The value of date mention `k` when it is a point (not a duration or range).
pub(super) fn point_value(doc: &Doc, k: usize) -> Option<String> {
    let d = doc.dates.get(k)?;
    let v = d.value.as_ref()?;
    (matches!(d.granularity.as_str(), "day" | "month" | "year" | "time") && !v.contains('X'))
        .then(|| v.get(..10).unwrap_or(v).to_string())
}

/// The point date in tokens first..lim closest to token `at`.
pub(super) fn nearest_date(
    doc: &Doc,
    date_at: &WordMap<usize, usize>,
    first: usize,
    lim: usize,
    at: usize,
) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for t in first..lim {
        if let Some(&k) = date_at.get(&t) {
            if doc.dates[k].tokens.start != t {
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
