//! Persons named after a title that the tagger left untagged: "Vice
//! President Harris", "Director-General Tedros", "MR PRICE:" (issue 13,
//! item 1: every actor name is an entity). A run of capitalised words right
//! after a person title or honorific is a PERSON mention when no mention
//! covers it and it reads as a name: no title starts inside it, no digit,
//! not only initials, no role, portfolio, body, document or function word,
//! no body noun after it ("Emirates [Armed] Forces"), and not in a heading,
//! where every word is capitalised ("Minister Announces New Grants"),
//! unless a colon makes it a speaker's label.

use crate::doc::{Coverage, Doc, EntityType, FormKind, Mention, Origin, Words};
use crate::lexicon::{WordClass, WordClasses};
use crate::text::titles::{TitleKind, Titles};

/// The most words of a name after a title ("Miguel Diaz-Canel Bermudez").
const MAX_RUN: usize = 4;

/// The longest lower-case word a heading may hold ("with", "about"): a
/// line with a longer one is running text.
const HEADING_SHORT_WORD: usize = 5;

/// The most tokens a line may have and still be read as a heading.
const HEADING_MAX_TOKENS: usize = 40;

/// The token range of the line holding token `i`.
fn line_of(doc: &Doc, i: usize) -> std::ops::Range<usize> {
    let toks = &doc.tokens;
    let mut a = i.min(toks.len());
    while a > 0 && toks.get(a).is_some_and(|t| t.newlines_before == 0) {
        a -= 1;
    }
    let mut b = i + 1;
    while b < toks.len() && toks[b].newlines_before == 0 {
        b += 1;
    }
    a..b
}

/// Whether token `i` stands in a heading: a line whose words are all
/// capitalised but for short function words ("Minister Calls for Media
/// Restraint", "MINISTER ANNOUNCES GRANTS").
pub(crate) fn in_heading(doc: &Doc, i: usize) -> bool {
    let line = line_of(doc, i);
    let long = line.len() > HEADING_MAX_TOKENS;
    let mut words = 0;
    for k in line {
        let w = doc.token_text(k);
        let Some(first) = w.chars().next() else {
            continue;
        };
        if !first.is_alphabetic() {
            continue;
        }
        words += 1;
        // (a long line is a heading only in capitals throughout: an OCR
        // text in capitals)
        let lower = first.is_lowercase();
        if lower && (long || w.chars().count() > HEADING_SHORT_WORD) {
            return false;
        }
    }
    words >= 2
}

/// What the scan reads.
struct Scan<'a> {
    doc: &'a Doc,
    titles: &'a Titles,
    words: &'a WordClasses,
    lower: crate::doc::DocWords<'a>,
    raw: crate::doc::DocWords<'a>,
    covered: Coverage,
}

impl Scan<'_> {
    fn sentence_end(&self, i: usize) -> usize {
        self.doc
            .sentences
            .get(self.doc.sentence_of_token(i))
            .map_or(self.doc.tokens.len(), |s| s.tokens.end)
    }

    fn title_kind_at(&self, i: usize, end: usize) -> Option<(TitleKind, usize)> {
        let t = self.titles.longest_at(&self.lower, &self.raw, i, end)?;
        Some((self.titles.get(t.title).kind, t.end))
    }

    /// Whether token `i` may be a word of a name.
    fn name_word(&self, i: usize, end: usize) -> bool {
        let w = self.raw.word(i);
        let mut chars = w.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        let rest: String = chars.collect();
        let shaped = rest.chars().any(char::is_lowercase)
            || rest == "."
            || rest.is_empty()
            || (rest.chars().count() >= 2 && rest.chars().all(char::is_alphabetic));
        let lower = self.lower.word(i).trim_end_matches('.');
        let classed = [
            WordClass::RoleWord,
            WordClass::PortfolioWord,
            WordClass::BodyWord,
            WordClass::DocumentWord,
            WordClass::NameFunctionWord,
        ]
        .iter()
        .any(|&c| self.words.has(c, lower));
        first.is_uppercase()
            && shaped
            && !w.chars().any(|c| c.is_ascii_digit())
            && !classed
            && !self.covered.covers(i, true)
            && self.title_kind_at(i, end).is_none()
    }

    fn is_initial(&self, i: usize) -> bool {
        let t = self.raw.word(i).trim_end_matches('.');
        t.chars().count() == 1 && t.chars().all(char::is_uppercase)
    }

    /// A hyphen joining two words of a name ("Diaz-Canel").
    fn joining_hyphen(&self, i: usize) -> bool {
        let toks = &self.doc.tokens;
        self.raw.word(i) == "-"
            && toks.get(i).is_some_and(|t| !t.space_before)
            && toks.get(i + 1).is_some_and(|t| !t.space_before)
    }

    /// The end of a name run at `j`, if one starts there.
    fn run_at(&self, j: usize, end: usize) -> Option<usize> {
        let (mut k, mut words) = (j, 0);
        while k < end && words < MAX_RUN {
            if self.name_word(k, end) {
                k += 1;
                words += 1;
            } else if k > j && self.joining_hyphen(k) && self.name_word(k + 1, end) {
                k += 2;
            } else {
                break;
            }
        }
        if k == j || (j..k).all(|t| self.is_initial(t)) {
            return None;
        }
        let body_after = self
            .title_kind_at(k, end)
            .is_some_and(|(kind, _)| matches!(kind, TitleKind::Government | TitleKind::Group));
        let speaker = self.raw.word(k) == ":";
        (!body_after && (speaker || !in_heading(self.doc, j))).then_some(k)
    }
}

/// `mentions` with a PERSON mention for each untagged name after a person
/// title or honorific, in token order.
pub(crate) fn with_names_after_titles(
    doc: &Doc,
    titles: &Titles,
    words: &WordClasses,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    let n = doc.tokens.len();
    let scan = Scan {
        doc,
        titles,
        words,
        lower: doc.words(FormKind::Norm),
        raw: doc.words(FormKind::Raw),
        covered: Coverage::new(n, mentions.iter().map(|m| m.tokens.clone())),
    };
    let mut added = Vec::new();
    let mut i = 0;
    while i < n {
        if scan.covered.covers(i, true) || !titles.may_start(scan.lower.word(i)) {
            i += 1;
            continue;
        }
        let end = scan.sentence_end(i);
        let Some((kind, mut j)) = scan.title_kind_at(i, end) else {
            i += 1;
            continue;
        };
        if !matches!(kind, TitleKind::Person | TitleKind::Honorific) {
            i = j;
            continue;
        }
        // "President of [the] Cuba Miguel Díaz-Canel": past the affiliation
        if kind == TitleKind::Person && scan.lower.word(j) == "of" {
            let at = j + 1 + usize::from(scan.lower.word(j + 1) == "the");
            if let Some(m) = scan.covered.starting_at(at).and_then(|k| mentions.get(k)) {
                j = m.tokens.end;
            }
        }
        while let Some((TitleKind::Honorific, e)) = scan.title_kind_at(j, end) {
            j = e;
        }
        match scan.run_at(j, end) {
            Some(e) => {
                added.push(Mention {
                    span: doc.token_span(j, e - 1),
                    tokens: j..e,
                    sentence: doc.sentence_of_token(j),
                    label: EntityType::Person,
                    score: None,
                    origin: Origin::Model,
                    entry: None,
                });
                i = e;
            }
            None => i = j.max(i + 1),
        }
    }
    if added.is_empty() {
        return mentions;
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    mentions
}
