//! Analysis tables: records flattened into documents, entities, actors,
//! events, dates, agreements and agreement parties, as Parquet or CSV.
//!
//! Rows are written as records arrive (Parquet in row groups of
//! [`parquet_out::ROW_GROUP`] rows), so memory stays bounded whatever the
//! batch size. Every file is written under a temporary name in the output
//! directory and renamed into place only when the whole batch succeeded.
//! Rows follow the records' order, which is input order whatever `-j`.
//! The column reference is `docs/tables.md` ([`columns::reference`]).

pub mod columns;
mod csv_out;
pub mod parquet_out;
mod read;
mod rows;

use std::path::{Path, PathBuf};

pub use read::{parse_line, read_records, Consumer, Item, RecordLines};

use crate::records::Record;
use columns::{Table, TABLES};

/// What can go wrong while writing tables.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TablesError {
    /// A file could not be created, written or renamed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Writing failed.
    #[error("writing tables: {0}")]
    Write(#[from] std::io::Error),
    /// The Parquet writer failed.
    #[error("writing Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    /// A line of the input is not a record this attache can read.
    #[error("line {line}: {message}")]
    Record {
        /// 1-based line number.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A bug.
    #[error("internal error: {0}")]
    Internal(String),
}

/// One table cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value.
    Null,
    /// Text.
    Str(String),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A boolean.
    Bool(bool),
}

impl Cell {
    fn is_null(&self) -> bool {
        matches!(self, Cell::Null)
    }
}

/// Where one table's rows go.
trait Sink {
    fn write_row(&mut self, row: Vec<Cell>) -> Result<(), TablesError>;
    fn finish(self: Box<Self>) -> Result<(), TablesError>;
}

/// The file format of the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TableFormat {
    /// Apache Parquet, Snappy-compressed.
    #[default]
    Parquet,
    /// Comma-separated values with a header line.
    Csv,
}

impl TableFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            TableFormat::Parquet => "parquet",
            TableFormat::Csv => "csv",
        }
    }
}

struct Pending {
    tmp: tempfile::TempPath,
    path: PathBuf,
    sink: Box<dyn Sink>,
}

/// Writes every table of a batch, one record at a time.
pub struct TablesWriter {
    pending: Vec<Pending>,
    rows: [u64; 7],
}

/// How many rows each table got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TablesSummary {
    /// `(table name, rows)` in [`TABLES`] order.
    pub rows: Vec<(&'static str, u64)>,
    /// Where the files are.
    pub files: Vec<PathBuf>,
}

impl TablesWriter {
    /// Starts the tables in `dir` (created when missing).
    pub fn create(dir: &Path, format: TableFormat) -> Result<Self, TablesError> {
        let io = |source| TablesError::Io {
            path: dir.to_path_buf(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let mut pending = Vec::new();
        for table in TABLES {
            pending.push(open(dir, table, format)?);
        }
        Ok(TablesWriter {
            pending,
            rows: [0; 7],
        })
    }

    /// Adds a record's rows.
    pub fn push_record(&mut self, record: &Record) -> Result<(), TablesError> {
        self.push_rows(rows::record_rows(record))
    }

    /// Adds a record or an error record.
    pub fn push(&mut self, item: &Item) -> Result<(), TablesError> {
        match item {
            Item::Record(r) => self.push_record(r),
            Item::Error(e) => self.push_rows(rows::error_rows(e)),
        }
    }

    fn push_rows(&mut self, rows: rows::Rows) -> Result<(), TablesError> {
        for (k, table_rows) in rows.into_iter().enumerate() {
            for row in table_rows {
                self.pending[k].sink.write_row(row)?;
                self.rows[k] += 1;
            }
        }
        Ok(())
    }

    /// Finishes every file and renames it into place.
    pub fn finish(self) -> Result<TablesSummary, TablesError> {
        let mut files = Vec::new();
        let mut done = Vec::new();
        for p in self.pending {
            p.sink.finish()?;
            done.push((p.tmp, p.path));
        }
        // Renamed only once every file is complete.
        for (tmp, path) in done {
            tmp.persist(&path).map_err(|e| TablesError::Io {
                path: path.clone(),
                source: e.error,
            })?;
            files.push(path);
        }
        Ok(TablesSummary {
            rows: TABLES.iter().map(|t| t.name).zip(self.rows).collect(),
            files,
        })
    }
}

/// Opens a table's temporary file in `dir`.
fn open(dir: &Path, table: Table, format: TableFormat) -> Result<Pending, TablesError> {
    let path = dir.join(format!("{}.{}", table.name, format.extension()));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".attache-").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let tmp = builder.tempfile_in(dir).map_err(|source| TablesError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let (file, tmp) = tmp.into_parts();
    let sink: Box<dyn Sink> = match format {
        TableFormat::Parquet => Box::new(parquet_out::ParquetSink::new(table, file)?),
        TableFormat::Csv => Box::new(csv_out::CsvSink::new(table, file)?),
    };
    Ok(Pending { tmp, path, sink })
}
