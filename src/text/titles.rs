//! Titles, roles and referring words (`models/titles.tsv`, format
//! `attache-titles/1`).

use crate::doc::Words;
use crate::error::Error;

use crate::lexicon::{data_lines, field, is_all_caps, WordMap, WordSet};
use crate::text::Tokenizer;

/// The embedded titles file.
pub const EMBEDDED: &str = include_str!("../../models/titles.tsv");

/// What a phrase of the titles file does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// A role held by a person.
    Person,
    /// A form of address before a name.
    Honorific,
    /// A body acting for a state or organisation.
    Government,
    /// An unnamed collective after a demonym.
    Group,
    /// A first-person pronoun.
    Author,
    /// A third-person pronoun.
    Pronoun,
    /// "the latter", "the former": the last or the one before the last
    /// actor named.
    Latter,
    /// "the former".
    Former,
    /// "the two sides", "both parties": the two parties the document is
    /// about.
    Pair,
    /// People of a nationality, not its state ("Burmese refugees"): the
    /// demonym before it refers to no actor.
    People,
}

impl TitleKind {
    fn parse(s: &str) -> Option<TitleKind> {
        Some(match s {
            "person" => TitleKind::Person,
            "honorific" => TitleKind::Honorific,
            "government" => TitleKind::Government,
            "group" => TitleKind::Group,
            "author" => TitleKind::Author,
            "pronoun" => TitleKind::Pronoun,
            "latter" => TitleKind::Latter,
            "former" => TitleKind::Former,
            "people" => TitleKind::People,
            "pair" => TitleKind::Pair,
            _ => return None,
        })
    }
}

/// One phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// Lower-cased tokens.
    tokens: Vec<String>,
    /// Tokens as written, for phrases matched exactly (all capitals).
    exact: Option<Vec<String>>,
    /// What it does.
    pub kind: TitleKind,
    /// Canonical title (the phrase when the file leaves it empty).
    pub title: String,
}

/// A match of a phrase over tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleMatch {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index of the phrase (see [`Titles::get`]).
    pub title: usize,
}

/// The compiled titles file(s).
#[derive(Debug, Clone, Default)]
pub struct Titles {
    titles: Vec<Title>,
    by_first: WordMap<String, Vec<usize>>,
    /// Lower-cased last tokens of all phrases.
    last_words: WordSet<String>,
    /// Words that make a longer role of the role after them ("Acting",
    /// "Principal": "Principal Deputy National Security Advisor").
    modifiers: WordSet<String>,
}

impl Titles {
    /// Reads titles files (name, contents); later files add phrases.
    pub fn from_sources(sources: &[(&str, &str)], tokenizer: &Tokenizer) -> Result<Titles, Error> {
        let mut t = Titles::default();
        for (file, contents) in sources {
            for line in data_lines(contents) {
                if line.fields.first() == Some(&"phrase") {
                    continue;
                }
                let phrase = field(&line, 0, file)?;
                let kind_text = field(&line, 1, file)?;
                if kind_text == "modifier" {
                    t.modifiers.insert(phrase.to_lowercase());
                    continue;
                }
                let kind = TitleKind::parse(kind_text).ok_or_else(|| Error::Data {
                    file: file.to_string(),
                    line: line.line,
                    message: format!("unknown kind {kind_text:?}"),
                })?;
                let title = line
                    .fields
                    .get(2)
                    .filter(|s| !s.is_empty())
                    .map_or(phrase, |s| s)
                    .to_string();
                let raw: Vec<String> = tokenizer
                    .tokenize(phrase, &[])
                    .iter()
                    .filter_map(|tok| phrase.get(tok.span.bytes()))
                    .map(|s| s.replace('\u{2019}', "'"))
                    .collect();
                if raw.is_empty() {
                    continue;
                }
                let tokens: Vec<String> = raw.iter().map(|s| s.to_lowercase()).collect();
                let exact = is_all_caps(phrase).then_some(raw);
                let index = t.titles.len();
                t.by_first.entry(tokens[0].clone()).or_default().push(index);
                if let Some(last) = tokens.last() {
                    t.last_words.insert(last.clone());
                }
                t.titles.push(Title {
                    tokens,
                    exact,
                    kind,
                    title,
                });
            }
        }
        Ok(t)
    }

    /// The embedded file plus user files.
    pub fn with_user_files(
        user: &[(String, String)],
        tokenizer: &Tokenizer,
    ) -> Result<Titles, Error> {
        let mut sources: Vec<(&str, &str)> = vec![("titles.tsv", EMBEDDED)];
        sources.extend(user.iter().map(|(n, c)| (n.as_str(), c.as_str())));
        Titles::from_sources(&sources, tokenizer)
    }

    /// Phrase `i`.
    pub fn get(&self, i: usize) -> &Title {
        &self.titles[i]
    }

    /// Whether some phrase starts with this (lower-case) token: a cheap test
    /// before a full match.
    pub fn may_start(&self, lower: &str) -> bool {
        self.by_first.contains_key(lower) || self.modifiers.contains(lower)
    }

    /// Whether some phrase ends with this (lower-case) token.
    pub fn may_end(&self, lower: &str) -> bool {
        self.last_words.contains(lower)
    }

    /// The canonical title of a phrase as written ("Minister of Foreign
    /// Affairs" → "Foreign Minister"), so that "the Minister of Foreign
    /// Affairs" refers back to "Foreign Minister Sergey Ghazaryan"; the
    /// phrase itself when the file does not list it.
    pub fn canonical(&self, phrase: &str) -> String {
        let key: Vec<String> = phrase
            .split_whitespace()
            .map(|w| w.replace('\u{2019}', "'").to_lowercase())
            .collect();
        let first = key.first().map(String::as_str).unwrap_or("");
        self.by_first
            .get(first)
            .and_then(|list| {
                list.iter()
                    .map(|&i| &self.titles[i])
                    .find(|t| t.tokens.join(" ") == key.join(" "))
            })
            .map_or_else(|| phrase.to_string(), |t| t.title.clone())
    }

    /// The longest phrase at token `i` (`lower`: lower-cased tokens, `raw`:
    /// as written, both with straight apostrophes), not passing `end`. An
    /// all-capital phrase matches only exactly; a phrase with lower-case
    /// letters matches any case, but loses a tie to an exact one. A person's
    /// role after capitalised modifiers ("Acting Deputy Foreign Minister")
    /// matches with them, as the role of that phrase.
    pub fn longest_at<S: Words + ?Sized, R: Words + ?Sized>(
        &self,
        lower: &S,
        raw: &R,
        i: usize,
        end: usize,
    ) -> Option<TitleMatch> {
        let direct = self.phrase_at(lower, raw, i, end);
        let mut j = i;
        while j < end.min(lower.len())
            && self.modifiers.contains(lower.word(j))
            && raw.word(j).starts_with(char::is_uppercase)
        {
            j += 1;
        }
        let modified = (j > i)
            .then(|| self.phrase_at(lower, raw, j, end))
            .flatten()
            .filter(|m| self.titles[m.title].kind == TitleKind::Person)
            .map(|m| TitleMatch { start: i, ..m });
        match (direct, modified) {
            (Some(d), Some(m)) if m.end > d.end => Some(m),
            (None, m) => m,
            (d, _) => d,
        }
    }

    /// The longest phrase of the file at token `i` (see [`Titles::longest_at`]).
    fn phrase_at<S: Words + ?Sized, R: Words + ?Sized>(
        &self,
        lower: &S,
        raw: &R,
        i: usize,
        end: usize,
    ) -> Option<TitleMatch> {
        if i >= lower.len() {
            return None;
        }
        let first = lower.word(i);
        let list = self.by_first.get(first)?;
        let mut best: Option<(usize, bool, usize)> = None; // (len, exact, index)
        for &ti in list {
            let t = &self.titles[ti];
            let n = t.tokens.len();
            if i + n > end.min(lower.len()) {
                continue;
            }
            let ok = match &t.exact {
                Some(ex) => ex.iter().zip(i..i + n).all(|(a, k)| a == raw.word(k)),
                None => t
                    .tokens
                    .iter()
                    .zip(i..i + n)
                    .all(|(a, k)| a == lower.word(k)),
            };
            if !ok {
                continue;
            }
            let exact = t.exact.is_some();
            let better = match best {
                None => true,
                Some((bn, be, _)) => n > bn || (n == bn && exact && !be),
            };
            if better {
                best = Some((n, exact, ti));
            }
        }
        best.map(|(n, _, ti)| TitleMatch {
            start: i,
            end: i + n,
            title: ti,
        })
    }
}
