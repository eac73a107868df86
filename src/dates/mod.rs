//! The `dates` stage: DATE mentions with TIMEX3 / ISO 8601 values.
//!
//! 1. [`grammar`] finds date expressions over the tokens of each sentence.
//! 2. When the document has no date (metadata or `--doc-date`), a dateline
//!    or publication line near the top or at the very end of the text
//!    ("YEREVAN, 24 May 2023 —", "Published: 24.05.2023", "Kathmandu May
//!    30, 2016") gives it (`date_source: text`).
//! 3. Each expression is resolved ([`resolve`]): fully specified ones are
//!    `explicit`; partial and relative ones are completed from the document
//!    date (`doc_date`), using the tense of the sentence for partial dates
//!    (past → the latest occurrence not after the document date, future →
//!    the next one not before it, otherwise the nearest); without a document
//!    date, partial dates take the year of the latest fully specified date
//!    in the text (`context`), deictic ones ("yesterday") stay without a
//!    value, and anything else keeps its known parts (`XXXX-05-24`,
//!    `unresolved`).
//!
//! Values follow the gold conventions of `data/dev/README.md`: "N years
//! ago" is a year, "N weeks ago" a month, "last week" the previous ISO
//! week, anniversaries and spans are durations (`P30Y`), ranges
//! `start/end`; vague expressions ("weeks of delays", holidays) are DATE
//! mentions with no value.

pub mod calendar;
pub mod grammar;
pub mod lexicon;
pub mod resolve;

#[cfg(test)]
mod tests;

use crate::doc::{DateMention, DateSource, Doc};
use crate::error::Error;

pub use grammar::DateOrder;
use grammar::{Expr, Grammar, Match, View};
use lexicon::{DateLexicon, Word};
use resolve::{Anchor, Tense};

/// The embedded date lexicon.
pub const EMBEDDED: &str = include_str!("../../models/dates.tsv");

/// The compiled date stage.
#[derive(Debug, Clone)]
pub struct Dates {
    lex: DateLexicon,
    order: DateOrder,
}

impl Dates {
    /// The stage with the embedded lexicon plus user files (name, contents).
    pub fn new(extra: &[(&str, &str)], order: DateOrder) -> Result<Dates, Error> {
        let mut sources = vec![("dates.tsv", EMBEDDED)];
        sources.extend_from_slice(extra);
        Ok(Dates {
            lex: DateLexicon::from_sources(&sources)?,
            order,
        })
    }

    /// Finds, resolves and stores the document's DATE mentions.
    pub fn process(&self, doc: &mut Doc) {
        let view = View {
            text: doc.tokens.iter().map(|t| doc.span_text(t.span)).collect(),
            lower: (0..doc.tokens.len()).map(|i| doc.lower(i).into()).collect(),
            kind: doc.tokens.iter().map(|t| t.kind).collect(),
            space: doc.tokens.iter().map(|t| t.space_before).collect(),
        };
        let grammar = Grammar {
            lex: &self.lex,
            order: self.order,
        };
        let mut matches: Vec<(Match, usize)> = Vec::new();
        let mut buf = Vec::new();
        for (s, sent) in doc.sentences.iter().enumerate() {
            buf.clear();
            grammar.scan(&view, sent.tokens.clone(), &mut buf);
            matches.extend(buf.iter().map(|m| (*m, s)));
        }
        // A standalone clock time leaves "at" outside its span.
        for (m, _) in &mut matches {
            if matches!(m.expr, Expr::Time(..)) && view.lower[m.start] == "at" {
                m.start += 1;
            }
        }
        let found = if doc.info.date.is_none() {
            self.dateline(doc, &view, &matches)
        } else {
            None
        };
        let doc_date = doc
            .info
            .date
            .as_deref()
            .or(found.as_deref())
            .and_then(calendar::Ymd::parse);
        let context = matches
            .iter()
            .filter_map(|(m, _)| match m.expr {
                Expr::Point(p) => resolve::full(p),
                _ => None,
            })
            .max();
        let mut tenses: Vec<Option<Tense>> = vec![None; doc.sentences.len()];
        let mut previous: Option<calendar::Ymd> = None;
        let mut out = Vec::with_capacity(matches.len());
        for (m, s) in matches {
            let tense = *tenses[s].get_or_insert_with(|| {
                let r = doc.sentences[s].tokens.clone();
                self.tense(&view.lower[r])
            });
            let anchor = Anchor {
                doc: doc_date,
                context,
                previous,
            };
            let r = resolve::resolve(m.expr, &anchor, tense);
            if let Some(day) = r.day {
                previous = Some(day);
            }
            out.push(DateMention {
                span: doc.token_span(m.start, m.end - 1),
                tokens: m.start..m.end,
                sentence: s,
                value: r.value,
                granularity: r.granularity.to_string(),
                resolved: r.resolved,
            });
        }
        drop(view);
        if let Some(date) = found {
            doc.info.date = Some(date);
            doc.info.date_source = DateSource::Text;
        }
        doc.dates = out;
    }

    fn tense(&self, lower: &[std::borrow::Cow<'_, str>]) -> Tense {
        let mut future = false;
        let mut past = false;
        for w in lower {
            let w = w.as_ref();
            for x in self.lex.lookup(w) {
                match x {
                    Word::Future => future = true,
                    Word::Past => past = true,
                    _ => {}
                }
            }
            if w.len() > 4 && w.ends_with("ed") {
                past = true;
            }
        }
        match (past, future) {
            (true, false) => Tense::Past,
            (false, true) => Tense::Future,
            _ => Tense::Unknown,
        }
    }

    /// The document date from a dateline: a full date that opens a line
    /// among the first lines (after a place name or a label such as
    /// "Published:") and ends it or is followed by a dash, or the last line.
    fn dateline(&self, doc: &Doc, view: &View, matches: &[(Match, usize)]) -> Option<String> {
        const FIRST_LINES: usize = 8;
        let mut line = 0usize;
        let mut line_of = Vec::with_capacity(doc.tokens.len());
        for t in &doc.tokens {
            line += usize::from(t.newlines_before.min(1));
            line_of.push(line);
        }
        let last_line = line;
        let is_ok = |m: &Match| -> Option<String> {
            let Expr::Point(p) = m.expr else { return None };
            let day = resolve::full(p)?;
            let l = line_of[m.start];
            if l > FIRST_LINES && l != last_line {
                return None;
            }
            // before the date on its line: place names, commas, labels
            let mut k = m.start;
            while k > 0 && line_of[k - 1] == l {
                k -= 1;
                let w = view.text[k];
                let lower = view.lower[k].as_ref();
                let capital = w.chars().next().is_some_and(char::is_uppercase);
                if !(capital
                    || matches!(w, "," | ":" | "-" | "(" | ".")
                    || self.lex.is(lower, Word::Dateline))
                {
                    return None;
                }
            }
            // after it: a clock time ("13 September 2024, 14:20"), then the
            // end of the line or a dash
            let on_line = |k: usize| k < view.text.len() && line_of[k] == l;
            let mut after = m.end;
            if on_line(after + 1)
                && view.text[after] == ","
                && grammar::is_clock(view.text[after + 1])
            {
                after += 2;
            } else if on_line(after) && grammar::is_clock(view.text[after]) {
                after += 1;
            }
            if on_line(after) {
                let nx = view.text[after];
                // not a word list: punctuation
                if !matches!(nx, "-" | "\u{2013}" | "\u{2014}" | "--" | "." | ")") {
                    return None;
                }
            }
            Some(day.iso())
        };
        matches
            .iter()
            .filter(|(m, _)| line_of[m.start] <= FIRST_LINES)
            .chain(matches.iter().rev().take(1))
            .find_map(|(m, _)| is_ok(m))
    }
}
