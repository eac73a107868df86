//! Masking web chrome ("Show More", "Back to top button", cookie banners).
//!
//! Cues are data (`models/boilerplate.txt`, format in its header). A masked
//! line stays in the text, so offsets are unchanged, but no stage sees it.

use std::collections::HashMap;

use regex::RegexSet;

use crate::doc::{Masked, Span};
use crate::error::Error;
use crate::lexicon::{data_lines, field};

const EMBEDDED: &str = include_str!("../../models/boilerplate.txt");
/// Longest line a prefix or regex cue applies to.
const MAX_CUE_LINE: usize = 200;

/// Compiled boilerplate cues.
#[derive(Debug, Clone)]
pub struct Boilerplate {
    lines: HashMap<String, String>,
    prefixes: Vec<(String, String)>,
    regex_ids: Vec<String>,
    regexes: RegexSet,
}

impl Boilerplate {
    /// The cues shipped in `models/boilerplate.txt`.
    pub fn embedded() -> Result<Boilerplate, Error> {
        Boilerplate::from_sources(&[("boilerplate.txt", EMBEDDED)])
    }

    /// Cues from several files' contents (name, contents), later ones added.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Boilerplate, Error> {
        let mut lines = HashMap::new();
        let mut prefixes = Vec::new();
        let mut regex_ids = Vec::new();
        let mut patterns = Vec::new();
        for (name, contents) in sources {
            for line in data_lines(contents) {
                let id = field(&line, 0, name)?.to_string();
                let kind = field(&line, 1, name)?;
                let pattern = field(&line, 2, name)?;
                match kind {
                    "line" => {
                        lines.insert(normalise(pattern), id);
                    }
                    "prefix" => prefixes.push((pattern.to_lowercase(), id)),
                    "regex" => {
                        let full = format!("(?i){pattern}");
                        regex::Regex::new(&full).map_err(|e| Error::Data {
                            file: name.to_string(),
                            line: line.line,
                            message: format!("bad regex: {e}"),
                        })?;
                        patterns.push(full);
                        regex_ids.push(id);
                    }
                    other => {
                        return Err(Error::Data {
                            file: name.to_string(),
                            line: line.line,
                            message: format!("unknown match kind {other:?} (line, prefix, regex)"),
                        })
                    }
                }
            }
        }
        let regexes = RegexSet::new(&patterns).map_err(|e| Error::Data {
            file: "boilerplate".to_string(),
            line: 0,
            message: e.to_string(),
        })?;
        Ok(Boilerplate {
            lines,
            prefixes,
            regex_ids,
            regexes,
        })
    }

    /// The cue id matching a (trimmed) line, if any.
    pub fn matches(&self, line: &str) -> Option<&str> {
        if line.len() > MAX_CUE_LINE {
            return None;
        }
        let norm = normalise(line);
        if let Some(id) = self.lines.get(&norm) {
            return Some(id);
        }
        if let Some((_, id)) = self
            .prefixes
            .iter()
            .find(|(p, _)| norm.starts_with(p.as_str()))
        {
            return Some(id);
        }
        self.regexes
            .matches(&norm)
            .iter()
            .next()
            .and_then(|i| self.regex_ids.get(i))
            .map(String::as_str)
    }

    /// The masked lines of `text`, in order.
    pub fn mask(&self, text: &str) -> Vec<Masked> {
        let mut masked = Vec::new();
        let mut byte = 0usize;
        let mut chr = 0usize;
        for raw in text.split_inclusive('\n') {
            let line_chars = |s: &str| {
                if s.is_ascii() {
                    s.len()
                } else {
                    s.chars().count()
                }
            };
            let content = raw.trim_end_matches(['\n', '\r']);
            let trimmed = content.trim();
            if !trimmed.is_empty() && trimmed.len() <= MAX_CUE_LINE {
                if let Some(cue) = self.matches(trimmed) {
                    let lead = content.len() - content.trim_start().len();
                    let byte_start = byte + lead;
                    let char_start = chr + line_chars(&content[..lead]);
                    masked.push(Masked {
                        span: Span {
                            byte_start,
                            byte_end: byte_start + trimmed.len(),
                            char_start,
                            char_end: char_start + line_chars(trimmed),
                        },
                        cue: cue.to_string(),
                    });
                }
            }
            byte += raw.len();
            chr += line_chars(raw);
        }
        masked
    }
}

/// Lower case, inner whitespace collapsed.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues() -> Boilerplate {
        Boilerplate::embedded().unwrap()
    }

    #[test]
    fn masks_chrome_lines_with_exact_spans() {
        let text = "Home > Press Centre > News\nTalks held\n\nThe sides met.\n  Show More \r\nBack to top button";
        let masked = cues().mask(text);
        let got: Vec<&str> = masked.iter().map(|m| &text[m.span.bytes()]).collect();
        assert_eq!(
            got,
            vec![
                "Home > Press Centre > News",
                "Show More",
                "Back to top button"
            ]
        );
        assert_eq!(masked[0].cue, "breadcrumbs");
        let chars: Vec<char> = text.chars().collect();
        for m in &masked {
            let s: String = chars[m.span.char_start..m.span.char_end].iter().collect();
            assert_eq!(s, &text[m.span.bytes()]);
        }
    }

    #[test]
    fn content_lines_are_not_masked() {
        let c = cues();
        for line in [
            "The Minister shared his views on the situation.",
            "Print media representatives attended the briefing.",
            "Home Affairs Minister visits Yerevan",
            "We use cookies as an example of a sentence that is far too long to be a cookie banner because it goes on and on about the diplomatic relations between the two states and their cooperation in many fields of mutual interest",
        ] {
            assert_eq!(c.matches(line), None, "{line}");
        }
        assert_eq!(
            c.matches("We use cookies to improve your experience. Accept"),
            Some("cookies-use")
        );
        assert_eq!(c.matches("Tags: Armenia, diplomacy"), Some("tags"));
        assert_eq!(c.matches("SHARE"), Some("share"));
        assert_eq!(
            c.matches("| Home | About us | Contact | Sitemap |"),
            Some("nav-menu")
        );
        // pipes inside prose or a table row of long cells are not a menu
        assert_eq!(
            c.matches("Exports rose | imports fell sharply over the last quarter of the year"),
            None
        );
        assert_eq!(
            c.matches("© 2024 Ministry of Foreign Affairs"),
            Some("copyright")
        );
    }

    #[test]
    fn user_cues_extend_and_bad_ones_are_reported() {
        let extra = "mine\tline\tPress contacts only\n";
        let c = Boilerplate::from_sources(&[("a", EMBEDDED), ("mine.txt", extra)]).unwrap();
        assert_eq!(c.matches("press contacts  only"), Some("mine"));
        let bad = Boilerplate::from_sources(&[("bad.txt", "x\tregex\t(unclosed\n")]).unwrap_err();
        assert!(bad.to_string().starts_with("bad.txt:1"), "{bad}");
    }
}
