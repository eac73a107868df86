//! Reading the project's plain-text data files.
//!
//! Every knowledge file under `models/` is UTF-8 text: `#` starts a comment
//! line, blank lines are ignored, and fields are separated by tabs. This
//! module only splits lines; each consumer gives the fields their meaning.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::Error;

pub mod chars;
pub mod classes;
pub mod formations;
pub mod name_words;

pub use classes::{WordClass, WordClasses};

/// A small, fast, non-cryptographic hasher (FxHash) for word tables that
/// are compiled once from trusted data files.
#[derive(Debug, Clone, Copy, Default)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
        }
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by words, with [`FxHasher`].
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set of words, with [`FxHasher`].
pub type WordSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// Whether `s` has letters and none of them lower case ("OSCE", "ALEXANDER
/// DOWNER"): headings and acronyms.
pub fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// `s` in lower case, borrowed when it already is (the common case).
#[inline]
pub fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// One data line: its 1-based line number and its tab-separated fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataLine<'a> {
    /// 1-based line number in the file.
    pub line: usize,
    /// Tab-separated fields, each trimmed of surrounding spaces.
    pub fields: Vec<&'a str>,
}

/// The data lines of a file's contents (comments and blank lines skipped).
pub fn data_lines(contents: &str) -> impl Iterator<Item = DataLine<'_>> {
    contents.lines().enumerate().filter_map(|(index, raw)| {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            return None;
        }
        Some(DataLine {
            line: index + 1,
            fields: line.split('\t').map(str::trim).collect(),
        })
    })
}

/// The field at `index`, or an error naming the file and line.
pub fn field<'a>(line: &DataLine<'a>, index: usize, file: &str) -> Result<&'a str, Error> {
    line.fields
        .get(index)
        .copied()
        .filter(|f| !f.is_empty())
        .ok_or_else(|| Error::Data {
            file: file.to_string(),
            line: line.line,
            message: format!("expected at least {} tab-separated fields", index + 1),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_and_blank_lines() {
        let text = "# header\n\nMr.\tprefix\r\n  # indented comment\netc.\tany\n";
        let lines: Vec<_> = data_lines(text).collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].line, 3);
        assert_eq!(lines[0].fields, vec!["Mr.", "prefix"]);
        assert_eq!(lines[1].fields, vec!["etc.", "any"]);
    }

    #[test]
    fn missing_field_is_an_error_with_line_number() {
        let text = "only-one\n";
        let line = data_lines(text).next().unwrap();
        let err = field(&line, 1, "x.txt").unwrap_err();
        assert!(err.to_string().contains("x.txt:1"), "{err}");
    }
}
