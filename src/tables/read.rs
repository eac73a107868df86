//! Reading saved records back, and the `Write` adapter that turns the
//! record stream of `extract --tables` into table rows.

use std::io::Write;

use serde_json::Value;

use super::TablesError;
use crate::records::{ErrorRecord, Record, SCHEMA};

/// A line of a records file.
#[derive(Debug, Clone)]
pub enum Item {
    /// A record.
    Record(Box<Record>),
    /// An error record.
    Error(ErrorRecord),
}

/// Parses line `n` (1-based) of a records file. Records of another schema
/// version, or written before the fields the tables need, fail with a
/// message that says so rather than giving empty columns.
pub fn parse_line(line: &str, n: u64) -> Result<Item, TablesError> {
    let fail = |message: String| TablesError::Record { line: n, message };
    let value: Value = serde_json::from_str(line).map_err(|e| fail(format!("not JSON ({e})")))?;
    let schema = value.get("schema").and_then(Value::as_str);
    match schema {
        Some(s) if s == SCHEMA => {}
        Some(s) if s.starts_with("attache.records/") => {
            return Err(fail(format!(
                "a record of schema {s}, and this attache reads {SCHEMA}; \
                 re-run `attache extract` with this version"
            )))
        }
        _ => return Err(fail("not an attache record (no \"schema\" field)".into())),
    }
    if value.get("error").is_some() {
        return serde_json::from_value(value)
            .map(Item::Error)
            .map_err(|e| fail(format!("a malformed error record ({e})")));
    }
    serde_json::from_value(value)
        .map(|r| Item::Record(Box::new(r)))
        .map_err(|e| {
            fail(format!(
                "{e}: written by an older attache without the fields the tables \
                 need (sentences, actor keys, event dates); re-run `attache extract`"
            ))
        })
}

/// What [`RecordLines`] hands each record to.
pub type Consumer<'a> = dyn FnMut(&Item) -> Result<(), TablesError> + 'a;

/// A writer of JSON Lines records (as `run_batch` writes them) that hands
/// each record to a consumer (the tables, the pages), and copies the bytes
/// on to `copy` when set.
pub struct RecordLines<'a> {
    consumer: &'a mut Consumer<'a>,
    copy: Option<&'a mut dyn Write>,
    pending: Vec<u8>,
    line: u64,
}

impl<'a> RecordLines<'a> {
    /// Records written here go to `consumer` (and to `copy`).
    pub fn new(consumer: &'a mut Consumer<'a>, copy: Option<&'a mut dyn Write>) -> Self {
        RecordLines {
            consumer,
            copy,
            pending: Vec::new(),
            line: 0,
        }
    }

    fn take_lines(&mut self) -> Result<(), TablesError> {
        let mut from = 0;
        while let Some(at) = memchr::memchr(b'\n', &self.pending[from..]) {
            let line = String::from_utf8_lossy(&self.pending[from..from + at]).into_owned();
            from += at + 1;
            self.line += 1;
            if !line.trim().is_empty() {
                let item = parse_line(line.trim_end(), self.line)?;
                (self.consumer)(&item)?;
            }
        }
        self.pending.drain(..from);
        Ok(())
    }
}

impl Write for RecordLines<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Some(c) = self.copy.as_mut() {
            c.write_all(buf)?;
        }
        self.pending.extend_from_slice(buf);
        self.take_lines().map_err(std::io::Error::other)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.copy.as_mut() {
            Some(c) => c.flush(),
            None => Ok(()),
        }
    }
}

/// Reads a records file (JSON Lines) line by line into `consumer`; blank
/// lines are skipped. Returns the number of items read.
pub fn read_records(
    input: impl std::io::BufRead,
    consumer: &mut Consumer<'_>,
) -> Result<u64, TablesError> {
    let mut n = 0;
    for (k, line) in (1u64..).zip(input.lines()) {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        consumer(&parse_line(&line, k)?)?;
        n += 1;
    }
    Ok(n)
}
