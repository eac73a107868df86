//! When and where an event happens: the dates and places of its sentence,
//! and the one date that governs a trigger.

use crate::doc::{DateMention, Doc, PloverType};
use crate::lexicon::{WordClass, WordClasses};

/// Per sentence: the dates with a value that places them in time (not
/// durations: "for 44 days" is no event's date). A date right after an
/// agreement's name is the agreement's ("the Vienna Convention … of 18
/// April 1961"), not an event's.
pub(super) fn sentence_dates(doc: &Doc, classes: &WordClasses) -> Vec<Vec<usize>> {
    let agreement_spans: Vec<(usize, usize)> = doc
        .agreements
        .iter()
        .flat_map(|a| a.mentions.iter())
        .map(|m| (m.span.byte_start, m.span.byte_end))
        .collect();
    let agreements_date = |d: &DateMention| {
        agreement_spans.iter().any(|&(s, e)| {
            let at = d.span.byte_start;
            (s..=e).contains(&at)
                || at > e
                    && at - e <= 16
                    && doc
                        .text()
                        .get(e..at)
                        .map(str::trim)
                        .is_some_and(|link| classes.has(WordClass::AgreementDateLink, link))
        })
    };
    let mut dates_in: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
    for (i, d) in doc.dates.iter().enumerate() {
        if d.value.as_deref().is_some_and(|v| !v.starts_with('P')) && !agreements_date(d) {
            if let Some(v) = dates_in.get_mut(d.sentence) {
                v.push(i);
            }
        }
    }
    dates_in
}

/// Per sentence: the first place named after "in" or "at" (the article
/// skipped).
pub(super) fn sentence_places(doc: &Doc) -> Vec<Option<usize>> {
    let word_before = |i: usize| {
        if i == 0 {
            return "";
        }
        let w = doc.norm(i - 1);
        if matches!(w, "the" | "a" | "an") && i >= 2 {
            doc.norm(i - 2)
        } else {
            w
        }
    };
    let mut place_in: Vec<Option<usize>> = vec![None; doc.sentences.len()];
    for (pi, p) in doc.places.iter().enumerate() {
        for &mi in &p.mentions {
            let Some(m) = doc.entities.get(mi) else {
                continue;
            };
            if matches!(word_before(m.tokens.start), "in" | "at") {
                if let Some(slot) = place_in.get_mut(m.sentence) {
                    if slot.is_none_or(|q| pi < q) {
                        *slot = Some(pi);
                    }
                }
            }
        }
    }
    place_in
}

/// The date of a trigger among its sentence's dates (`dates`, indices into
/// `doc.dates`): the nearest one with no other trigger between them ("…
/// thanked Kenya, and invited Ruto to visit South Africa in 2024": 2024 is
/// the visit's, not the thanks'), else one fronted before every trigger of
/// the sentence ("On 3 June, X met Y and signed …"). A date inside a
/// non-restrictive relative clause after the trigger belongs to that
/// clause ("welcomed the growth of trade, which doubled last year"), and
/// a date after "of" modifies the noun before it ("the Declaration of 11
/// May 2023", "the decision of 5 May"): it dates that noun's event only.
pub(super) fn governing_date(
    dates: &[usize],
    doc: &Doc,
    trigger: std::ops::Range<usize>,
    in_trigger: &[bool],
    classes: &WordClasses,
) -> Option<usize> {
    let between = |d: &std::ops::Range<usize>| {
        if d.end <= trigger.start {
            d.end..trigger.start
        } else {
            trigger.end..d.start.max(trigger.end)
        }
    };
    let relative_clause_at =
        |i: usize| doc.norm(i) == "," && classes.has(WordClass::RelativePronoun, doc.norm(i + 1));
    let blocked = |r: std::ops::Range<usize>| {
        r.into_iter()
            .any(|i| in_trigger.get(i) == Some(&true) || relative_clause_at(i))
    };
    let noun_modifier = |d: &std::ops::Range<usize>| {
        d.start > 0 && doc.norm(d.start - 1) == "of" && trigger.end + 1 != d.start
    };
    let own = dates
        .iter()
        .copied()
        .filter(|&i| !noun_modifier(&doc.dates[i].tokens))
        .filter(|&i| !blocked(between(&doc.dates[i].tokens)))
        .min_by_key(|&i| doc.dates[i].tokens.start.abs_diff(trigger.start));
    own.or_else(|| {
        let first = doc
            .sentences
            .get(doc.sentence_of_token(trigger.start))?
            .tokens
            .start;
        dates.iter().copied().find(|&i| {
            let d = &doc.dates[i].tokens;
            d.end <= trigger.start && !noun_modifier(d) && !blocked(first..d.start)
        })
    })
}

/// Whether date mention `date` starts after the document's own date: an
/// act dated later than the text that tells it has not happened yet ("On
/// June 8, the Deputy Secretary will participate in a trilateral meeting",
/// "her trip to Panama on June 12", in a release of June 7). Compared at
/// the coarser of the two granularities ("2023-06" is not after
/// "2023-06-07").
pub(super) fn after_document(doc: &Doc, date: Option<usize>) -> bool {
    let (Some(own), Some(i)) = (doc.info.date.as_deref(), date) else {
        return false;
    };
    let Some(value) = doc.dates.get(i).and_then(|d| d.value.as_deref()) else {
        return false;
    };
    let start = value.split('/').next().unwrap_or(value);
    let calendar = |s: &str| s.chars().all(|c| c.is_ascii_digit() || c == '-');
    if !calendar(start) || !calendar(own) || start.len() < 4 {
        return false;
    }
    let n = start.len().min(own.len());
    start.get(..n) > own.get(..n)
}

/// Whether an event of `kind` happens on its date, as a meeting, a
/// delivery or a strike does; a stance (agreeing, asking, threatening,
/// welcoming, rejecting, accusing) is taken when it is stated, whatever
/// later date it speaks of ("agreed to meet on June 12").
pub(super) fn happens_on_its_date(kind: PloverType) -> bool {
    !matches!(
        kind,
        PloverType::Agree
            | PloverType::Request
            | PloverType::Threaten
            | PloverType::Support
            | PloverType::Reject
            | PloverType::Accuse
    )
}
