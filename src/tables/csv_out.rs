//! CSV output (RFC 4180): a header line, then one line per row; a null is
//! an empty field, text is quoted when it holds a comma, quote or line break.

use std::fs::File;
use std::io::{BufWriter, Write};

use super::columns::Table;
use super::{Cell, Sink, TablesError};

/// One table's CSV file being written.
pub struct CsvSink {
    out: BufWriter<File>,
}

impl CsvSink {
    /// A sink writing `table` into `file`, header first.
    pub fn new(table: Table, file: File) -> Result<Self, TablesError> {
        let mut out = BufWriter::with_capacity(1 << 16, file);
        let names: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
        writeln!(out, "{}", names.join(","))?;
        Ok(CsvSink { out })
    }
}

/// Appends one field.
fn field(line: &mut String, cell: &Cell) {
    match cell {
        Cell::Null => {}
        Cell::Str(s) => {
            if s.contains([',', '"', '\n', '\r']) {
                line.push('"');
                line.push_str(&s.replace('"', "\"\""));
                line.push('"');
            } else {
                line.push_str(s);
            }
        }
        Cell::Int(n) => line.push_str(&n.to_string()),
        Cell::Float(x) => line.push_str(&x.to_string()),
        Cell::Bool(b) => line.push_str(if *b { "true" } else { "false" }),
    }
}

impl Sink for CsvSink {
    fn write_row(&mut self, row: Vec<Cell>) -> Result<(), TablesError> {
        let mut line = String::new();
        for (k, cell) in row.iter().enumerate() {
            if k > 0 {
                line.push(',');
            }
            field(&mut line, cell);
        }
        line.push('\n');
        self.out.write_all(line.as_bytes())?;
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<(), TablesError> {
        let file = self.out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all().ok();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut line = String::new();
        for c in [
            Cell::Str("plain".into()),
            Cell::Str("a, \"b\"\nc".into()),
            Cell::Null,
            Cell::Int(-3),
            Cell::Bool(true),
        ] {
            field(&mut line, &c);
            line.push(',');
        }
        assert_eq!(line, "plain,\"a, \"\"b\"\"\nc\",,-3,true,");
    }
}
