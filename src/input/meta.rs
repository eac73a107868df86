//! Document metadata found in the text: headline, language; and checks on
//! metadata values (the document date).

use std::collections::HashMap;

use crate::lexicon::chars::is_terminal;
use crate::lexicon::data_lines;

const STOPWORDS: &str = include_str!("../../models/stopwords.tsv");

/// A date given as metadata or on the command line, as `YYYY-MM-DD`.
///
/// Accepts an ISO date optionally followed by a time (`2023-05-24T10:00Z`,
/// `2023-05-24 10:00`); returns `None` for anything else or an impossible
/// day.
pub fn normalise_doc_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    let date = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    let b = date.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = date.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    (d >= 1 && d <= days_in_month(y, m)?).then(|| date.to_string())
}

/// Days in month `m` of year `y` (None for a month out of range).
pub fn days_in_month(y: u32, m: u32) -> Option<u32> {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    Some(match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    })
}

/// The first line of `text` if it reads like a headline.
///
/// A headline is the first non-empty line that is not masked, is followed by
/// more text, has 2–40 words and at most 250 chars, and does not end like a
/// sentence (a final stop) — a Markdown heading's `#` marks are dropped.
pub fn headline(text: &str, is_masked: impl Fn(usize) -> bool) -> Option<String> {
    let mut offset = 0usize;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        if is_masked(start + lead) {
            continue;
        }
        let rest = &text[offset..];
        let more_follows = !rest.trim().is_empty();
        let line = line.trim_start_matches('#').trim();
        let words = line.split_whitespace().count();
        // A short line standing alone as a paragraph is a headline even
        // with a final stop ("Burma: attacks on refugee camps.").
        let own_paragraph = rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n');
        let ends_like_sentence =
            line.ends_with('.') && !line.ends_with("...") && !(own_paragraph && words <= 15);
        let ok = more_follows
            && (2..=40).contains(&words)
            && line.chars().count() <= 250
            && !ends_like_sentence
            && !line.chars().last().is_some_and(|c| c == ',' || c == ';');
        return ok.then(|| line.to_string());
    }
    None
}

/// Guesses the language of a text (ISO 639-1), `und` when it cannot tell.
#[derive(Debug, Clone)]
pub struct LanguageGuesser {
    words: HashMap<String, Vec<usize>>,
    codes: Vec<String>,
}

impl Default for LanguageGuesser {
    fn default() -> Self {
        LanguageGuesser::embedded()
    }
}

impl LanguageGuesser {
    /// The stopword lists shipped in `models/stopwords.tsv`.
    pub fn embedded() -> LanguageGuesser {
        let mut words: HashMap<String, Vec<usize>> = HashMap::new();
        let mut codes = Vec::new();
        for line in data_lines(STOPWORDS) {
            let (Some(code), Some(list)) = (line.fields.first(), line.fields.get(1)) else {
                continue;
            };
            let index = codes.len();
            codes.push(code.to_string());
            for w in list.split_whitespace() {
                words.entry(w.to_string()).or_default().push(index);
            }
        }
        LanguageGuesser { words, codes }
    }

    /// The language of `text`, looking at up to its first 300 words (enough
    /// to tell these languages apart, and cheap on long documents).
    pub fn guess(&self, text: &str) -> String {
        let mut scripts = [0usize; 6]; // latin, cyrillic, arabic, cjk, armenian, georgian
        let mut counts = vec![0usize; self.codes.len()];
        let mut seen = 0usize;
        let mut lower = String::new();
        for word in text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .take(300)
        {
            seen += 1;
            if let Some(c) = word.chars().next() {
                let script = match c {
                    'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => 0,
                    '\u{0400}'..='\u{04FF}' => 1,
                    '\u{0600}'..='\u{06FF}' => 2,
                    '\u{4E00}'..='\u{9FFF}' | '\u{3040}'..='\u{30FF}' => 3,
                    '\u{0530}'..='\u{058F}' => 4,
                    '\u{10A0}'..='\u{10FF}' => 5,
                    _ => continue,
                };
                scripts[script] += 1;
            }
            if word.len() > 8 {
                continue; // no stopword is this long
            }
            lower.clear();
            if word.is_ascii() {
                lower.push_str(word);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(word.chars().flat_map(char::to_lowercase));
            }
            if let Some(langs) = self.words.get(lower.as_str()) {
                for &l in langs {
                    counts[l] += 1;
                }
            }
        }
        if seen == 0 {
            return "und".to_string();
        }
        let (script, _) = scripts
            .iter()
            .enumerate()
            .max_by_key(|&(_, n)| *n)
            .unwrap_or((0, &0));
        match script {
            2 => return "ar".to_string(),
            3 => return "zh".to_string(),
            4 => return "hy".to_string(),
            5 => return "ka".to_string(),
            _ => {}
        }
        let best = counts
            .iter()
            .enumerate()
            .filter(|&(l, _)| {
                let cyrillic = matches!(self.codes[l].as_str(), "ru" | "uk");
                cyrillic == (script == 1)
            })
            // Ties go to the language listed first (English).
            .min_by_key(|&(l, n)| (std::cmp::Reverse(*n), l));
        match best {
            // Too little evidence: short texts and headline-only documents.
            Some((l, &n)) if n >= 2 || (n >= 1 && seen < 6) => self.codes[l].clone(),
            _ => "und".to_string(),
        }
    }
}

/// Whether a line ends with sentence-final punctuation.
pub fn ends_with_terminal(line: &str) -> bool {
    line.trim_end().chars().last().is_some_and(is_terminal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_dates_are_checked() {
        assert_eq!(
            normalise_doc_date("2023-05-24").as_deref(),
            Some("2023-05-24")
        );
        assert_eq!(
            normalise_doc_date(" 2024-02-29T10:00:00Z").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(
            normalise_doc_date("2023-05-24 10:00").as_deref(),
            Some("2023-05-24")
        );
        for bad in [
            "2023-02-29",
            "2023-13-01",
            "24.05.2023",
            "2023-5-24",
            "",
            "2023-05-240",
            "２０２３-05-24",
        ] {
            assert_eq!(normalise_doc_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn headlines() {
        let none = |_| false;
        assert_eq!(
            headline("Artsakh FM sends letters\n\nOn 24 May, ...", none).as_deref(),
            Some("Artsakh FM sends letters")
        );
        assert_eq!(
            headline("\n## Readout of the call\nText.", none).as_deref(),
            Some("Readout of the call")
        );
        assert_eq!(
            headline("The Minister met the Ambassador.\nMore.", none),
            None
        );
        assert_eq!(headline("Only one line", none), None);
        let text = "Show More\nPresident receives credentials\nBody.";
        assert_eq!(
            headline(text, |b| b == 0).as_deref(),
            Some("President receives credentials")
        );
    }

    #[test]
    fn languages() {
        let g = LanguageGuesser::embedded();
        assert_eq!(
            g.guess("The Minister of Foreign Affairs met with the Ambassador of France in Paris."),
            "en"
        );
        assert_eq!(g.guess("Le ministre des Affaires étrangères a rencontré les ambassadeurs dans la capitale."), "fr");
        assert_eq!(g.guess("Министр иностранных дел провёл переговоры с послом и обсудил вопросы сотрудничества."), "ru");
        assert_eq!(g.guess("Հայաստանի արտաքին գործերի նախարարը"), "hy");
        assert_eq!(g.guess(""), "und");
        assert_eq!(g.guess("12345 --- !!!"), "und");
    }
}
