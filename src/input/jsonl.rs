//! JSON Lines input: one document per line.
//!
//! Each line is an object with `text` and optional `id`, `title`, `date`,
//! `language` (or `lang`); every other field, `source` included, is kept
//! under `doc.meta` (`doc.source` always names the input file and line).
//! Lines are read with a length cap, so one huge line cannot exhaust memory: its bytes are skipped and it becomes an error record.

use std::io::{self, BufRead};

use serde_json::{Map, Value};

/// One line read with a length cap.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// The line's bytes, without the line break.
    Bytes(Vec<u8>),
    /// The line was longer than the cap: its length in bytes and its first
    /// bytes (up to 4 KiB), enough to salvage an `id` near the start.
    TooLong(u64, Vec<u8>),
}

/// Bytes kept from the start of an over-long line.
const HEAD_KEPT: usize = 4096;

/// Reads lines of at most `max` bytes; longer ones are consumed and reported.
pub struct LineReader<R> {
    inner: R,
    max: u64,
}

impl<R: BufRead> LineReader<R> {
    /// A reader over `inner` with the given cap.
    pub fn new(inner: R, max: u64) -> LineReader<R> {
        LineReader { inner, max }
    }

    /// The next line, `None` at the end of input.
    pub fn next_line(&mut self) -> io::Result<Option<Line>> {
        let mut buf = Vec::new();
        let mut total: u64 = 0;
        let mut too_long = false;
        loop {
            let chunk = match self.inner.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                if total == 0 {
                    return Ok(None);
                }
                break;
            }
            let (piece, used, done) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (&chunk[..i], i + 1, true),
                None => (chunk, chunk.len(), false),
            };
            total += used as u64;
            if !too_long {
                if (buf.len() + piece.len()) as u64 > self.max {
                    too_long = true;
                    let keep = HEAD_KEPT.saturating_sub(buf.len()).min(piece.len());
                    buf.extend_from_slice(&piece[..keep]);
                    buf.truncate(HEAD_KEPT);
                    buf.shrink_to_fit();
                } else {
                    buf.extend_from_slice(piece);
                }
            }
            self.inner.consume(used);
            if done {
                break;
            }
        }
        if too_long {
            return Ok(Some(Line::TooLong(total, buf)));
        }
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        Ok(Some(Line::Bytes(buf)))
    }
}

/// The fields of a parsed JSONL document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JsonDoc {
    /// The document text.
    pub text: String,
    /// `id` (a string, or a number rendered as one).
    pub id: Option<String>,
    /// `title`.
    pub title: Option<String>,
    /// `date`, unchecked.
    pub date: Option<String>,
    /// `language` or `lang`.
    pub language: Option<String>,
    /// Everything else.
    pub meta: Map<String, Value>,
}

/// Parses one JSONL line into a document, or says why it cannot.
pub fn parse_line(bytes: &[u8]) -> Result<JsonDoc, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("blank line".to_string());
    }
    let value: Value = serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(mut map) = value else {
        return Err("not a JSON object".to_string());
    };
    let text = match map.remove("text") {
        Some(Value::String(s)) => s,
        Some(Value::Null) | None => return Err("no \"text\" field".to_string()),
        Some(_) => return Err("\"text\" is not a string".to_string()),
    };
    let mut string_field = |name: &str| -> Result<Option<String>, String> {
        match map.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(Value::Number(n)) if name == "id" => Ok(Some(n.to_string())),
            Some(_) => Err(format!("\"{name}\" is not a string")),
        }
    };
    let id = string_field("id")?;
    let title = string_field("title")?;
    let date = string_field("date")?;
    let language = match string_field("language")? {
        Some(l) => Some(l),
        None => string_field("lang")?,
    };
    Ok(JsonDoc {
        text,
        id,
        title,
        date,
        language,
        meta: map,
    })
}

/// Best-effort `id` of a line that failed to parse, so its error record can
/// still be joined to the input.
pub fn salvage_id(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let at = text.find("\"id\"")?;
    let rest = text[at + 4..].trim_start().strip_prefix(':')?.trim_start();
    if let Some(quoted) = rest.strip_prefix('"') {
        let end = quoted.find('"')?;
        return Some(quoted[..end].to_string());
    }
    let num: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    (!num.is_empty()).then_some(num)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: u64) -> Vec<Line> {
        let mut r = LineReader::new(io::BufReader::with_capacity(4, input), max);
        let mut out = Vec::new();
        while let Some(l) = r.next_line().unwrap() {
            out.push(l);
        }
        out
    }

    #[test]
    fn reads_lines_with_a_cap() {
        let got = lines(b"ab\r\n0123456789\n\nlast", 5);
        assert_eq!(
            got,
            vec![
                Line::Bytes(b"ab".to_vec()),
                Line::TooLong(11, b"01234567".to_vec()),
                Line::Bytes(Vec::new()),
                Line::Bytes(b"last".to_vec())
            ]
        );
        assert!(lines(b"", 5).is_empty());
    }

    #[test]
    fn parses_fields_and_keeps_the_rest() {
        let d = parse_line(
            br#"{"id": 7, "text": "Hi", "title": "T", "lang": "en", "institution": "MFA"}"#,
        )
        .unwrap();
        assert_eq!(d.id.as_deref(), Some("7"));
        assert_eq!(d.language.as_deref(), Some("en"));
        assert_eq!(
            d.meta.get("institution"),
            Some(&Value::String("MFA".into()))
        );
        assert!(parse_line(b"{\"id\": \"x\"}")
            .unwrap_err()
            .contains("no \"text\""));
        assert!(parse_line(b"[1,2]")
            .unwrap_err()
            .contains("not a JSON object"));
        assert!(parse_line(b"{\"text\": 5}")
            .unwrap_err()
            .contains("not a string"));
        assert!(parse_line(b"{oops")
            .unwrap_err()
            .starts_with("invalid JSON"));
        assert_eq!(parse_line(b"  ").unwrap_err(), "blank line");
    }

    #[test]
    fn a_source_field_is_metadata() {
        let d = parse_line(br#"{"text": "Hi", "source": "https://mfa.example/1"}"#).unwrap();
        assert_eq!(
            d.meta.get("source"),
            Some(&Value::String("https://mfa.example/1".into()))
        );
        // Any JSON value is kept as it is.
        let d = parse_line(br#"{"text": "Hi", "source": {"site": "mfa"}}"#).unwrap();
        assert_eq!(d.meta["source"]["site"], "mfa");
    }

    #[test]
    fn salvages_ids_from_broken_lines() {
        assert_eq!(
            salvage_id(br#"{"id": "doc-9", "text": "unterminated"#).as_deref(),
            Some("doc-9")
        );
        assert_eq!(salvage_id(br#"{"id":42,"text":}"#).as_deref(), Some("42"));
        assert_eq!(salvage_id(b"garbage"), None);
    }
}
