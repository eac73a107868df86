//! `attache render`: a self-contained HTML page per document (inline CSS
//! and script, nothing fetched) and an index page with a filter and pages.
//!
//! Pages are written as records arrive, each under a temporary name renamed
//! into place; the index's rows are streamed into a temporary file that
//! becomes `index.html` at the end. Memory holds one record at a time.

mod markup;
mod page;

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::tables::Item;
use markup::esc;

const STYLE: &str = include_str!("style.css");
const INDEX_SCRIPT: &str = include_str!("index.js");

/// What can go wrong while rendering.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// A file could not be written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A record without its text.
    #[error(
        "record {0} has no doc.text: render the input documents, or records \
         written by `attache extract --include-text`"
    )]
    NoText(String),
}

/// Writes pages and the index of a batch.
pub struct RenderWriter {
    dir: PathBuf,
    index: BufWriter<tempfile::NamedTempFile>,
    pages: u64,
    errors: u64,
}

/// What a render wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderSummary {
    /// Document pages.
    pub pages: u64,
    /// Error records (listed in the index, no page).
    pub errors: u64,
}

fn temp_in(dir: &Path) -> Result<tempfile::NamedTempFile, RenderError> {
    let mut b = tempfile::Builder::new();
    b.prefix(".attache-").suffix(".tmp");
    #[cfg(unix)]
    b.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    b.tempfile_in(dir).map_err(|source| RenderError::Io {
        path: dir.to_path_buf(),
        source,
    })
}

/// A page's file name: its position and a tame copy of its id.
fn page_name(n: u64, id: &str) -> String {
    let tame: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    format!("{n:05}-{tame}.html")
}

impl RenderWriter {
    /// Starts a render into `dir` (created when missing; pages go in
    /// `dir/docs/`).
    pub fn create(dir: &Path) -> Result<Self, RenderError> {
        let docs = dir.join("docs");
        std::fs::create_dir_all(&docs).map_err(|source| RenderError::Io {
            path: docs.clone(),
            source,
        })?;
        let mut w = RenderWriter {
            dir: dir.to_path_buf(),
            index: BufWriter::with_capacity(1 << 16, temp_in(dir)?),
            pages: 0,
            errors: 0,
        };
        let head = format!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <title>attache: documents</title><style>{STYLE}</style></head><body>\n\
             <header><h1>Documents</h1><input id=\"filter\" type=\"search\" \
             placeholder=\"filter: id, title, date, event type …\">\
             <div id=\"pager\"><button id=\"prev\">‹ previous</button>\
             <span id=\"info\"></span><button id=\"next\">next ›</button></div></header>\n\
             <main><table id=\"docs\"><thead><tr><th>document</th><th>title</th><th>date</th>\
             <th>entities</th><th>events</th><th>event types</th></tr></thead><tbody>\n"
        );
        w.index_write(head.as_bytes())?;
        Ok(w)
    }

    fn index_write(&mut self, bytes: &[u8]) -> Result<(), RenderError> {
        let path = self.dir.join("index.html");
        self.index
            .write_all(bytes)
            .map_err(|source| RenderError::Io { path, source })
    }

    /// Adds one record's page and index row (an error record: a row only).
    pub fn push(&mut self, item: &Item) -> Result<(), RenderError> {
        let row = match item {
            Item::Error(e) => {
                self.errors += 1;
                format!(
                    "<tr class=\"err\"><td>{}</td><td colspan=\"5\">{}</td></tr>\n",
                    esc(&e.doc.id),
                    esc(&e.error.message)
                )
            }
            Item::Record(r) => {
                let text = r
                    .doc
                    .text
                    .as_deref()
                    .ok_or_else(|| RenderError::NoText(r.doc.id.clone()))?;
                self.pages += 1;
                let name = page_name(self.pages, &r.doc.id);
                let path = self.dir.join("docs").join(&name);
                let mut tmp = temp_in(&self.dir.join("docs"))?;
                let io = |source| RenderError::Io {
                    path: path.clone(),
                    source,
                };
                tmp.write_all(page::page(r, text).as_bytes()).map_err(io)?;
                tmp.persist(&path).map_err(|e| io(e.error))?;
                let mut types: Vec<&str> = r.events.iter().map(|v| v.kind.as_str()).collect();
                types.sort_unstable();
                types.dedup();
                format!(
                    "<tr><td><a href=\"docs/{}\">{}</a></td><td>{}</td><td>{}</td>\
                     <td>{}</td><td>{}</td><td>{}</td></tr>\n",
                    esc(&name),
                    esc(&r.doc.id),
                    esc(r.doc.title.as_deref().unwrap_or("")),
                    esc(r.doc.date.as_deref().unwrap_or("")),
                    r.entities.len(),
                    r.events.len(),
                    esc(&types.join(" "))
                )
            }
        };
        self.index_write(row.as_bytes())
    }

    /// Ends the index and renames it into place.
    pub fn finish(mut self) -> Result<RenderSummary, RenderError> {
        let tail =
            format!("</tbody></table></main>\n<script>{INDEX_SCRIPT}</script></body></html>\n");
        self.index_write(tail.as_bytes())?;
        let path = self.dir.join("index.html");
        let io = |source| RenderError::Io {
            path: path.clone(),
            source,
        };
        let tmp = self.index.into_inner().map_err(|e| io(e.into_error()))?;
        tmp.persist(&path).map_err(|e| io(e.error))?;
        Ok(RenderSummary {
            pages: self.pages,
            errors: self.errors,
        })
    }
}
