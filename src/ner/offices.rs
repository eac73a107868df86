//! Dated offices of known persons: who held which office, for which state or
//! organisation, from when to when (`models/gazetteers/offices.tsv`, format
//! `attache-offices/1`, extendable with `--dict`).
//!
//! It sits next to the gazetteer because its ids are gazetteer ids: every
//! `person` is a `persons.tsv` entry and every `body` a country or
//! organisation entry, checked by [`Offices::validate`]. The actors stage
//! asks [`Offices::held_at`] which body a person acted for at a document's
//! date, so that a 1998 text and a 2024 text naming the same person can give
//! different affiliations.
//!
//! Dates are ISO `yyyy`, `yyyy-mm` or `yyyy-mm-dd`; a partial date stands for
//! its whole period (`2021` is 1 January to 31 December 2021), so a term
//! `from 2021` overlaps a document dated `2021-01-01`, and a document dated
//! `2021` overlaps every term touching that year.

use std::sync::{Arc, OnceLock};

use crate::error::Error;
use crate::lexicon::{data_lines, WordMap};
use crate::ner::gazetteer::Gazetteer;

/// The format line every offices file declares.
pub const FORMAT: &str = "attache-offices/1";

/// The embedded offices file.
pub const EMBEDDED: &str = include_str!("../../models/gazetteers/offices.tsv");

/// The column names of the header row.
const HEADER: [&str; 5] = ["person", "title", "body", "from", "to"];

/// A calendar date at year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// Year.
    pub year: u16,
    /// Month 1–12, if known.
    pub month: Option<u8>,
    /// Day 1–31, if known (only with a month).
    pub day: Option<u8>,
}

/// A day as (year, month, day), ordered.
type Day = (u16, u8, u8);

impl PartialDate {
    /// Parses `yyyy`, `yyyy-mm` or `yyyy-mm-dd`; `None` for anything else,
    /// including impossible months and days (`2023-02-30`).
    pub fn parse(text: &str) -> Option<PartialDate> {
        let mut parts = text.trim().split('-');
        let year = digits(parts.next()?, 4)?;
        // A part that is present must be two digits.
        let month = match parts.next() {
            Some(m) => Some(u8::try_from(digits(m, 2)?).ok()?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(u8::try_from(digits(d, 2)?).ok()?),
            None => None,
        };
        if parts.next().is_some() || year == 0 {
            return None;
        }
        if month.is_some_and(|m| !(1..=12).contains(&m)) {
            return None;
        }
        if let (Some(m), Some(d)) = (month, day) {
            if d == 0 || d > days_in_month(year, m) {
                return None;
            }
        }
        Some(PartialDate { year, month, day })
    }

    /// The first day the date can mean.
    fn first_day(self) -> Day {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date can mean.
    fn last_day(self) -> Day {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// Exactly `len` ASCII digits.
fn digits(text: &str, len: usize) -> Option<u16> {
    if text.len() != len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// One term of office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    /// Gazetteer id of the person (`person:sergey-lavrov`).
    pub person: String,
    /// The office as usually written in English ("Minister for Foreign Affairs").
    pub title: String,
    /// Gazetteer id of the state or organisation the office acts for.
    pub body: String,
    /// First day in office (at the precision known).
    pub from: PartialDate,
    /// Last day in office; `None` while still in office as far as known.
    pub to: Option<PartialDate>,
}

impl Office {
    /// Whether the term overlaps the period the date `at` stands for.
    fn overlaps(&self, at: PartialDate) -> bool {
        self.from.first_day() <= at.last_day()
            && self.to.is_none_or(|to| at.first_day() <= to.last_day())
    }

    /// Whether the term covers the whole period the date `at` stands for.
    fn covers(&self, at: PartialDate) -> bool {
        self.from.first_day() <= at.first_day()
            && self.to.is_none_or(|to| at.last_day() <= to.last_day())
    }
}

/// A malformed or inconsistent offices file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct OfficeError {
    /// The file's name or path.
    pub file: String,
    /// 1-based line number (0 where the problem is the whole file).
    pub line: usize,
    /// What is wrong.
    pub problem: OfficeProblem,
}

/// What is wrong with a line of an offices file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OfficeProblem {
    /// The header has no `# format: attache-offices/1` line.
    #[error("no '# format: attache-offices/1' line in the header")]
    NoFormatLine,
    /// A row starting with `person` that is not the header row.
    #[error("the header row must be: person, title, body, from, to (tab-separated)")]
    BadHeader,
    /// Fewer than four fields, or more than five.
    #[error("expected 4 or 5 tab-separated fields (person, title, body, from[, to]), found {0}")]
    FieldCount(usize),
    /// A required field is empty.
    #[error("the {0} field is empty")]
    Empty(&'static str),
    /// A date that is not `yyyy`, `yyyy-mm` or `yyyy-mm-dd`.
    #[error("the {field} date {value:?} is not yyyy, yyyy-mm or yyyy-mm-dd")]
    BadDate {
        /// `from` or `to`.
        field: &'static str,
        /// The text found.
        value: String,
    },
    /// The term ends before it starts.
    #[error("the term ends ({to}) before it starts ({from})")]
    EndsBeforeStart {
        /// The start.
        from: PartialDate,
        /// The end.
        to: PartialDate,
    },
    /// The person id is not a PERSON entry of the gazetteer.
    #[error("unknown person id {0:?} (not a PERSON entry of the gazetteer)")]
    UnknownPerson(String),
    /// The body id is not in the gazetteer.
    #[error("unknown body id {0:?} (not in the gazetteer)")]
    UnknownBody(String),
}

impl From<OfficeError> for Error {
    fn from(e: OfficeError) -> Error {
        Error::Data {
            file: e.file,
            line: e.line,
            message: e.problem.to_string(),
        }
    }
}

/// Where a row came from, for validation messages.
#[derive(Debug, Clone)]
struct Origin {
    file: String,
    line: usize,
}

/// The terms of office of every known person.
#[derive(Debug, Clone, Default)]
pub struct Offices {
    /// Person id → terms, in file order.
    terms: WordMap<String, Vec<(Office, Origin)>>,
}

impl Offices {
    /// Parses files' contents (name, contents), in order. A file that gives
    /// terms for a person replaces that person's terms from earlier files,
    /// so a user file corrects a person by listing all their offices.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Offices, OfficeError> {
        let mut offices = Offices::default();
        for (file, contents) in sources {
            let mut file_terms: WordMap<String, Vec<(Office, Origin)>> = WordMap::default();
            for (office, origin) in parse_file(file, contents)? {
                file_terms
                    .entry(office.person.clone())
                    .or_default()
                    .push((office, origin));
            }
            offices.terms.extend(file_terms);
        }
        Ok(offices)
    }

    /// The embedded file. It is checked by a unit test, so it cannot fail;
    /// if it did, the result would be empty rather than abort.
    pub fn embedded() -> Arc<Offices> {
        static CACHE: OnceLock<Arc<Offices>> = OnceLock::new();
        CACHE
            .get_or_init(|| {
                Arc::new(Offices::from_sources(&[("offices.tsv", EMBEDDED)]).unwrap_or_default())
            })
            .clone()
    }

    /// The embedded file plus user files (name, contents), validated
    /// against `gazetteer` (which holds the user's gazetteer files too).
    pub fn with_user_files(
        files: &[(String, String)],
        gazetteer: &Gazetteer,
    ) -> Result<Arc<Offices>, Error> {
        if files.is_empty() {
            return Ok(Offices::embedded());
        }
        let mut sources = vec![("offices.tsv", EMBEDDED)];
        sources.extend(files.iter().map(|(n, c)| (n.as_str(), c.as_str())));
        let offices = Offices::from_sources(&sources)?;
        offices.validate(gazetteer)?;
        Ok(Arc::new(offices))
    }

    /// Checks that every person is a PERSON entry and every body an entry
    /// of `gazetteer`; the first problem in file order is reported.
    pub fn validate(&self, gazetteer: &Gazetteer) -> Result<(), OfficeError> {
        let mut problems: Vec<OfficeError> = Vec::new();
        for (office, origin) in self.terms.values().flatten() {
            let person_ok = gazetteer
                .by_id(&office.person)
                .is_some_and(|e| e.label == crate::doc::EntityType::Person);
            let problem = if !person_ok {
                OfficeProblem::UnknownPerson(office.person.clone())
            } else if gazetteer.by_id(&office.body).is_none() {
                OfficeProblem::UnknownBody(office.body.clone())
            } else {
                continue;
            };
            problems.push(OfficeError {
                file: origin.file.clone(),
                line: origin.line,
                problem,
            });
        }
        problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        match problems.into_iter().next() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Number of terms.
    pub fn len(&self) -> usize {
        self.terms.values().map(Vec::len).sum()
    }

    /// Whether there are no terms.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Number of persons with at least one term.
    pub fn persons(&self) -> usize {
        self.terms.len()
    }

    /// A person's terms, in file order.
    pub fn terms(&self, person_id: &str) -> impl Iterator<Item = &Office> {
        self.terms
            .get(person_id)
            .into_iter()
            .flatten()
            .map(|(o, _)| o)
    }

    /// The office `person_id` held at `date` (ISO `yyyy[-mm[-dd]]`).
    ///
    /// * With a date: among the terms overlapping the period the date
    ///   stands for, one covering the whole period wins over one that only
    ///   touches it (a year-only date in a year of a change of office), then
    ///   the most recent start, then the later row. A date before the first
    ///   term, after the last one or in a gap between terms gives `None`:
    ///   the person held no known office then, and the caller falls back to
    ///   the gazetteer's `parent` (or to the text).
    /// * With no date, or one that does not parse: the latest office (the
    ///   most recent start), since an undated text is most likely recent.
    pub fn held_at(&self, person_id: &str, date: Option<&str>) -> Option<&Office> {
        let terms = self.terms.get(person_id)?;
        let rank = |(i, (o, _)): &(usize, &(Office, Origin))| (o.from.first_day(), *i);
        let Some(at) = date.and_then(PartialDate::parse) else {
            return terms.iter().enumerate().max_by_key(rank).map(|(_, t)| &t.0);
        };
        terms
            .iter()
            .enumerate()
            .filter(|(_, (o, _))| o.overlaps(at))
            .max_by_key(|t| (t.1 .0.covers(at), rank(t)))
            .map(|(_, t)| &t.0)
    }

    /// The one person who held an office of `body` whose title the phrase
    /// `text` names (the longest such title, as whole words, any case) at
    /// `date`: "Office of the President of Ukraine" in 2023 → Zelenskyy.
    /// `None` without a date, when no title matches, or when the date
    /// falls on two holders.
    pub fn holder_named_in(&self, body: &str, text: &str, date: Option<&str>) -> Option<&str> {
        let at = date.and_then(PartialDate::parse)?;
        let text = text.to_lowercase();
        let offices = self.terms.values().flatten().map(|(o, _)| o);
        let of_body: Vec<&Office> = offices.filter(|o| o.body == body).collect();
        let title = of_body
            .iter()
            .map(|o| o.title.to_lowercase())
            .filter(|t| contains_phrase(&text, t))
            .max_by_key(String::len)?;
        let mut holders: Vec<&str> = of_body
            .iter()
            .filter(|o| o.title.to_lowercase() == title && o.covers(at))
            .map(|o| o.person.as_str())
            .collect();
        holders.sort_unstable();
        holders.dedup();
        match holders.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// The latest office of `person_id` (see [`Offices::held_at`]).
    pub fn latest(&self, person_id: &str) -> Option<&Office> {
        self.held_at(person_id, None)
    }
}

/// The rows of one file, with their origins.
fn parse_file(file: &str, contents: &str) -> Result<Vec<(Office, Origin)>, OfficeError> {
    let err = |line: usize, problem: OfficeProblem| OfficeError {
        file: file.to_string(),
        line,
        problem,
    };
    if !has_format_line(contents) {
        return Err(err(0, OfficeProblem::NoFormatLine));
    }
    let mut out = Vec::new();
    for line in data_lines(contents) {
        let f = &line.fields;
        if f.first() == Some(&"person") {
            if f.as_slice() != HEADER && f.as_slice() != &HEADER[..4] {
                return Err(err(line.line, OfficeProblem::BadHeader));
            }
            continue;
        }
        let office = parse_row(f).map_err(|p| err(line.line, p))?;
        out.push((
            office,
            Origin {
                file: file.to_string(),
                line: line.line,
            },
        ));
    }
    Ok(out)
}

/// Whether the leading comment block declares this format.
fn has_format_line(contents: &str) -> bool {
    contents
        .lines()
        .take_while(|l| l.trim_start().starts_with('#') || l.trim().is_empty())
        .filter_map(|l| {
            l.trim_start()
                .trim_start_matches('#')
                .trim()
                .strip_prefix("format:")
        })
        .any(|f| f.trim() == FORMAT)
}

/// One data row: person, title, body, from[, to].
fn parse_row(f: &[&str]) -> Result<Office, OfficeProblem> {
    if !(4..=5).contains(&f.len()) {
        return Err(OfficeProblem::FieldCount(f.len()));
    }
    let required = |i: usize| {
        Some(f[i])
            .filter(|s| !s.is_empty())
            .ok_or(OfficeProblem::Empty(HEADER[i]))
    };
    let date = |field: &'static str, value: &str| {
        PartialDate::parse(value).ok_or_else(|| OfficeProblem::BadDate {
            field,
            value: value.to_string(),
        })
    };
    let from = date("from", required(3)?)?;
    let to = match f.get(4).filter(|s| !s.is_empty()) {
        Some(text) => Some(date("to", text)?),
        None => None,
    };
    if let Some(to) = to {
        if to.last_day() < from.first_day() {
            return Err(OfficeProblem::EndsBeforeStart { from, to });
        }
    }
    Ok(Office {
        person: required(0)?.to_string(),
        title: required(1)?.to_string(),
        body: required(2)?.to_string(),
        from,
        to,
    })
}

#[cfg(test)]
mod tests;

/// Whether `phrase` occurs in `text` as whole words.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
