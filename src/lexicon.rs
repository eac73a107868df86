//! Reading the project's plain-text data files.
//!
//! Every knowledge file under `models/` is UTF-8 text: `#` starts a comment
//! line, blank lines are ignored, and fields are separated by tabs. This
//! module only splits lines; each consumer gives the fields their meaning.

use crate::error::Error;

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
