//! Library errors.

use std::path::PathBuf;

/// Everything that can go wrong in the library.
///
/// Per-document problems (a binary file, a malformed JSONL line) are not
/// errors of this type: they become error records (see
/// [`crate::records::ErrorKind`]) so that a batch never stops for one bad
/// document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A data file under `models/` (or given with `--dict`) is malformed.
    #[error("{file}:{line}: {message}")]
    Data {
        /// The file's name or path.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Writing output failed (the reader went away, the disk is full).
    #[error("writing output: {0}")]
    Output(#[source] std::io::Error),
    /// A command-line value is not valid.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// Whether this is a closed pipe on output, which ends a run quietly.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
