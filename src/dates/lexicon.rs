//! The words of the date grammar, read from `models/dates.tsv`
//! (format `attache-dates/1`) and user files of the same format.

use crate::error::Error;
use crate::lexicon::{data_lines, field, WordMap, WordSet};
use crate::text::Tokenizer;

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

impl Unit {
    /// The ISO 8601 duration designator.
    pub fn designator(self) -> char {
        match self {
            Unit::Hour => 'H',
            Unit::Day => 'D',
            Unit::Week => 'W',
            Unit::Month => 'M',
            Unit::Year => 'Y',
        }
    }
}

/// What a word means to the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// Month 1–12.
    Month(u32),
    /// ISO weekday 1–7.
    Weekday(u32),
    /// Spelled-out cardinal.
    Number(u32),
    /// Spelled-out ordinal.
    Ordinal(u32),
    /// A calendar unit times a multiplier (decade = 10 years).
    Unit(u32, Unit),
    /// Day offset from the document date.
    Deictic(i64),
    /// last (-1), this (0), next (+1).
    Shift(i64),
    /// early / mid / late.
    Part,
    /// Years per anniversary unit.
    Anniversary(u32),
    /// morning, night …
    Daypart,
    /// Plural unit that can make a vague DATE.
    Vague(u32, Unit),
    /// Future-tense cue.
    Future,
    /// Past-tense cue.
    Past,
    /// A counted noun (a year-like number before it is a quantity).
    Counted,
    /// A label before an identifier number.
    Label,
    /// A word allowed before the date on a dateline.
    Dateline,
}

/// A multi-token phrase class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    /// Approximator kept in a duration's span ("more than").
    Approx,
    /// A holiday (DATE without value).
    Holiday,
}

/// The compiled word lists.
#[derive(Debug, Clone, Default)]
pub struct DateLexicon {
    words: WordMap<String, Vec<Word>>,
    /// Phrases by their first lower-case token.
    phrases: WordMap<String, Vec<(Vec<String>, PhraseKind)>>,
    /// Words before a bare month name that make it a month ("in May").
    month_cues: WordSet<String>,
}

fn parse_unit(v: &str) -> Option<(u32, Unit)> {
    let (num, last) = v.split_at(v.len().checked_sub(1)?);
    let mult = if num.is_empty() { 1 } else { num.parse().ok()? };
    let unit = match last {
        "H" => Unit::Hour,
        "D" => Unit::Day,
        "W" => Unit::Week,
        "M" => Unit::Month,
        "Y" => Unit::Year,
        _ => return None,
    };
    Some((mult, unit))
}

impl DateLexicon {
    /// Reads the embedded file plus user files (name, contents).
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<DateLexicon, Error> {
        let tokenizer = Tokenizer::default();
        let mut lex = DateLexicon::default();
        for (file, contents) in sources {
            for line in data_lines(contents) {
                let word = field(&line, 0, file)?;
                let class = field(&line, 1, file)?;
                let value = line.fields.get(2).copied().unwrap_or("-");
                let bad = |m: &str| Error::Data {
                    file: file.to_string(),
                    line: line.line,
                    message: m.to_string(),
                };
                let num = || value.parse::<i64>().map_err(|_| bad("expected a number"));
                let w = match class {
                    "month" => Word::Month(num()?.clamp(1, 12) as u32),
                    "weekday" => Word::Weekday(num()?.clamp(1, 7) as u32),
                    "number" => Word::Number(num()?.clamp(0, 1_000_000) as u32),
                    "ordinal" => Word::Ordinal(num()?.clamp(0, 1_000_000) as u32),
                    "unit" | "vague" => {
                        let (m, u) = parse_unit(value).ok_or_else(|| bad("expected a unit"))?;
                        if class == "unit" {
                            Word::Unit(m, u)
                        } else {
                            Word::Vague(m, u)
                        }
                    }
                    "deictic" => Word::Deictic(num()?),
                    "shift" => Word::Shift(num()?.clamp(-1, 1)),
                    "part" => Word::Part,
                    "anniversary" => Word::Anniversary(num()?.clamp(1, 10_000) as u32),
                    "daypart" => Word::Daypart,
                    "future" => Word::Future,
                    "past" => Word::Past,
                    "counted" => Word::Counted,
                    "label" => Word::Label,
                    "dateline" => Word::Dateline,
                    "month-cue" => {
                        lex.month_cues.insert(word.to_lowercase());
                        continue;
                    }
                    "approx" | "holiday" => {
                        let kind = if class == "approx" {
                            PhraseKind::Approx
                        } else {
                            PhraseKind::Holiday
                        };
                        let toks: Vec<String> = tokenizer
                            .tokenize(word, &[])
                            .iter()
                            .map(|t| word[t.span.bytes()].to_lowercase())
                            .collect();
                        if let Some(first) = toks.first().cloned() {
                            lex.phrases.entry(first).or_default().push((toks, kind));
                        }
                        continue;
                    }
                    other => return Err(bad(&format!("unknown class {other:?}"))),
                };
                lex.words.entry(word.to_lowercase()).or_default().push(w);
            }
        }
        for list in lex.phrases.values_mut() {
            list.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        }
        Ok(lex)
    }

    /// Everything `lower` (a lower-case token) means.
    pub fn lookup(&self, lower: &str) -> &[Word] {
        self.words.get(lower).map_or(&[], Vec::as_slice)
    }

    /// The first meaning matching `f`.
    pub fn find<T>(&self, lower: &str, f: impl Fn(Word) -> Option<T>) -> Option<T> {
        self.lookup(lower).iter().find_map(|w| f(*w))
    }

    /// Whether `lower` has meaning `w`.
    pub fn is(&self, lower: &str, w: Word) -> bool {
        self.lookup(lower).contains(&w)
    }

    /// Whether `lower` before a bare month name makes it a month ("in May").
    pub fn is_month_cue(&self, lower: &str) -> bool {
        self.month_cues.contains(lower)
    }

    /// Whether some phrase starts with the lower-case token `first`.
    pub fn starts_phrase(&self, first: &str) -> bool {
        self.phrases.contains_key(first)
    }

    /// The longest phrase of `kind` starting at `lower[0]`: its length.
    pub fn phrase(&self, lower: &[&str], kind: PhraseKind) -> Option<usize> {
        let first = lower.first()?;
        self.phrases.get(*first)?.iter().find_map(|(toks, k)| {
            (*k == kind && toks.len() <= lower.len() && toks.iter().zip(lower).all(|(a, b)| a == b))
                .then_some(toks.len())
        })
    }
}
