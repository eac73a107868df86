//! Reading input: files, directories, stdin, JSON Lines; HTML stripping and
//! decoding. Produces one [`Input`] per document, in input order.

pub mod boilerplate;
pub mod decode;
pub mod html;
pub mod jsonl;
pub mod meta;

use std::collections::{HashSet, VecDeque};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::Map;

use crate::doc::{DateSource, Doc, DocInfo, InputFormat};
use crate::records::ErrorKind;
use decode::{decode, utf8_lossy, Undecodable};
use jsonl::{parse_line, salvage_id, JsonDoc, Line, LineReader};

/// How to read inputs (`--input`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputMode {
    /// By extension: `.jsonl`/`.ndjson` are JSON Lines, `.html`/`.htm` HTML,
    /// `.md` Markdown, anything else text; stdin is one text document.
    #[default]
    Auto,
    /// Every input is one plain-text document.
    Text,
    /// Every input is HTML.
    Html,
    /// Every input (stdin included) is JSON Lines, one document per line.
    Jsonl,
}

/// Options for reading.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// How to read inputs.
    pub mode: InputMode,
    /// Documents (files, stdin, JSONL lines) larger than this are refused.
    pub max_bytes: u64,
    /// `--doc-date`, already checked (YYYY-MM-DD).
    pub doc_date: Option<String>,
    /// `--encoding`: decode every input with this encoding (a byte-order
    /// mark still wins) instead of detecting it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            mode: InputMode::Auto,
            max_bytes: 10 * 1024 * 1024,
            doc_date: None,
            encoding: None,
        }
    }
}

/// A document that could not be read, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    /// Document id (salvaged where possible).
    pub id: String,
    /// Where it came from.
    pub source: String,
    /// JSONL line number, when it came from one.
    pub line: Option<u64>,
    /// Why it could not be read.
    pub kind: ErrorKind,
    /// A sentence saying what is wrong.
    pub message: String,
}

/// One input document: ready for the pipeline, or unreadable.
#[derive(Debug)]
pub enum Input {
    /// A document to process.
    Doc(Box<Doc>),
    /// An error record to emit in its place.
    Unread(Unread),
}

/// One thing to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file, read as the given format.
    File(PathBuf, FileFormat),
    /// A path that could not be listed (a missing file, an unreadable
    /// directory): becomes an error record.
    Failed(PathBuf, String),
}

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// One document of this markup.
    Single(InputFormat),
    /// JSON Lines.
    Jsonl,
}

fn format_for(path: &Path, mode: InputMode) -> Option<FileFormat> {
    match mode {
        InputMode::Text => return Some(FileFormat::Single(InputFormat::Text)),
        InputMode::Html => return Some(FileFormat::Single(InputFormat::Html)),
        InputMode::Jsonl => return Some(FileFormat::Jsonl),
        InputMode::Auto => {}
    }
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "text" => FileFormat::Single(InputFormat::Text),
        "md" | "markdown" => FileFormat::Single(InputFormat::Markdown),
        "html" | "htm" | "xhtml" => FileFormat::Single(InputFormat::Html),
        "jsonl" | "ndjson" => FileFormat::Jsonl,
        _ => return None,
    })
}

/// Expands the command-line paths into sources, in order.
///
/// Directories are walked recursively in file-name order; hidden entries are
/// ignored and files of other types are skipped with a note. A path named
/// explicitly is always read (as text when its extension says nothing).
/// No paths, or `-`, mean stdin.
pub fn plan(paths: &[PathBuf], mode: InputMode, mut note: impl FnMut(String)) -> Vec<Source> {
    if paths.is_empty() {
        return vec![Source::Stdin];
    }
    let mut sources = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        if !path.is_dir() {
            let format = format_for(path, mode).unwrap_or(FileFormat::Single(InputFormat::Text));
            sources.push(Source::File(path.clone(), format));
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) => match format_for(e.path(), mode) {
                    Some(format) => sources.push(Source::File(e.into_path(), format)),
                    None => note(format!(
                        "skipping {} (not .txt, .md, .html or .jsonl)",
                        e.path().display()
                    )),
                },
                Err(err) => {
                    let at = err.path().unwrap_or(path).to_path_buf();
                    let message = err
                        .io_error()
                        .map_or_else(|| err.to_string(), |e| e.to_string());
                    sources.push(Source::Failed(at, message));
                }
            }
        }
    }
    sources
}

/// Reads stdin to its end and discards it; returns the bytes read.
///
/// A streaming filter that has to stop (an unloadable model, a bad flag)
/// calls this before it exits, so the writer on the other end sees the
/// exit status and the message on stderr rather than a broken pipe.
pub fn drain_stdin() -> io::Result<u64> {
    io::copy(&mut io::stdin().lock(), &mut io::sink())
}

/// How many documents the sources hold, when that is known without
/// reading them (no JSON Lines among them).
pub fn document_count(sources: &[Source], mode: InputMode) -> Option<u64> {
    let streams = sources.iter().any(|s| match s {
        Source::File(_, FileFormat::Jsonl) => true,
        Source::Stdin => mode == InputMode::Jsonl,
        _ => false,
    });
    (!streams).then_some(sources.len() as u64)
}

/// Reads sources one document at a time.
pub struct Reader {
    sources: VecDeque<Source>,
    opts: ReadOptions,
    used_ids: HashSet<String>,
    jsonl: Option<JsonlState>,
    stream_failure: Option<String>,
    notes: Vec<String>,
}

struct JsonlState {
    lines: LineReader<Box<dyn BufRead + Send>>,
    stem: String,
    display: String,
    line: u64,
}

impl Reader {
    /// A reader over `sources`.
    pub fn new(sources: Vec<Source>, opts: ReadOptions) -> Reader {
        Reader {
            sources: sources.into(),
            opts,
            used_ids: HashSet::new(),
            jsonl: None,
            stream_failure: None,
            notes: Vec::new(),
        }
    }

    /// Why reading a JSON Lines stream stopped early, if it did: an I/O
    /// error after which the rest of that input could not be read. The
    /// failed line still gets an error record; a streaming filter treats
    /// this as fatal, since the lines after it are lost.
    pub fn stream_failure(&self) -> Option<&str> {
        self.stream_failure.as_deref()
    }

    /// Notes for the user gathered while reading (stdin that looks like
    /// JSON Lines but is read as text), each once; `take_notes` empties them.
    pub fn take_notes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notes)
    }

    /// Makes the id of a JSONL line's document or error record unique in
    /// the batch. The reader runs on one thread in input order, so the
    /// renaming does not depend on `-j`.
    fn claim_jsonl_id(&mut self, input: Input) -> Input {
        match input {
            Input::Doc(mut doc) => {
                let id = self.unique_id(&doc.info.id);
                if id != doc.info.id {
                    doc.info.warnings.push(format!(
                        "id {:?} is already used in this batch; this document is {id:?}",
                        doc.info.id
                    ));
                    doc.info.id = id;
                }
                Input::Doc(doc)
            }
            Input::Unread(mut u) => {
                u.id = self.unique_id(&u.id);
                Input::Unread(u)
            }
        }
    }

    /// An id made unique within the batch: `a`, then `a-2`, `a-3`, ….
    fn unique_id(&mut self, stem: &str) -> String {
        let mut id = stem.to_string();
        let mut n = 1;
        while !self.used_ids.insert(id.clone()) {
            n += 1;
            id = format!("{stem}-{n}");
        }
        id
    }

    fn next_jsonl(&mut self) -> Option<Input> {
        let state = self.jsonl.as_mut()?;
        let line = match state.lines.next_line() {
            Ok(Some(line)) => line,
            Ok(None) => {
                self.jsonl = None;
                return None;
            }
            Err(e) => {
                state.line += 1;
                self.stream_failure = Some(format!(
                    "reading {} failed at line {}: {e}",
                    state.display, state.line
                ));
                let unread = Unread {
                    id: format!("{}-{}", state.stem, state.line),
                    source: format!("{}:{}", state.display, state.line),
                    line: Some(state.line),
                    kind: ErrorKind::Unreadable,
                    message: format!(
                        "reading line {}: {e}; the rest of this input is skipped",
                        state.line
                    ),
                };
                self.jsonl = None;
                return Some(Input::Unread(unread));
            }
        };
        state.line += 1;
        let n = state.line;
        let fallback_id = format!("{}-{n}", state.stem);
        let at = format!("{}:{n}", state.display);
        let bytes = match line {
            Line::TooLong(len, head) => {
                return Some(Input::Unread(Unread {
                    id: salvage_id(&head).unwrap_or(fallback_id),
                    source: at,
                    line: Some(n),
                    kind: ErrorKind::TooLarge,
                    message: format!(
                        "line {n} is {len} bytes, over --max-bytes {}",
                        self.opts.max_bytes
                    ),
                }))
            }
            Line::Bytes(b) => b,
        };
        // JSON is UTF-8: invalid bytes are replaced with a warning, as Spark
        // does to the lines it hands a filter; only `--encoding` overrides.
        let (text, encoding, utf8_warning) = decode_line(&bytes, self.opts.encoding);
        let parsed = parse_line(text.as_bytes());
        let doc = match parsed {
            Ok(doc) => doc,
            Err(why) => {
                return Some(Input::Unread(Unread {
                    id: salvage_id(&bytes).unwrap_or(fallback_id),
                    source: at,
                    line: Some(n),
                    kind: ErrorKind::MalformedJsonl,
                    message: format!("line {n}: {why}"),
                }))
            }
        };
        if doc.text.contains('\0') {
            return Some(Input::Unread(Unread {
                id: doc.id.unwrap_or(fallback_id),
                source: at,
                line: Some(n),
                kind: ErrorKind::Binary,
                message: format!("line {n}: text contains NUL characters"),
            }));
        }
        let warnings = utf8_warning.into_iter().collect();
        let mut doc = self.jsonl_doc(doc, fallback_id, at, n, warnings);
        doc.info.encoding = Some(encoding);
        Some(Input::Doc(Box::new(doc)))
    }

    fn jsonl_doc(
        &self,
        d: JsonDoc,
        fallback_id: String,
        at: String,
        line: u64,
        warnings: Vec<String>,
    ) -> Doc {
        let mut info = DocInfo {
            id: d.id.unwrap_or(fallback_id),
            source: at,
            line: Some(line),
            title: d.title,
            language: d.language.unwrap_or_default(),
            meta: d.meta,
            warnings,
            ..DocInfo::default()
        };
        set_date(&mut info, d.date.as_deref(), &self.opts);
        Doc::new(info, d.text)
    }

    fn read_single(&mut self, path: Option<&Path>, format: InputFormat) -> Input {
        let (id, source) = match path {
            Some(p) => {
                let stem = p
                    .file_stem()
                    .map_or_else(|| "doc".to_string(), |s| s.to_string_lossy().into_owned());
                (self.unique_id(&stem), p.display().to_string())
            }
            None => (self.unique_id("stdin"), "-".to_string()),
        };
        let unread = |kind, message: String| {
            Input::Unread(Unread {
                id: id.clone(),
                source: source.clone(),
                line: None,
                kind,
                message,
            })
        };
        let max = self.opts.max_bytes;
        let bytes = match read_capped(path, max) {
            Ok(Capped::Bytes(b)) => b,
            Ok(Capped::TooLarge(len)) => {
                return unread(
                    ErrorKind::TooLarge,
                    format!("{len} bytes, over --max-bytes {max}"),
                )
            }
            Err(e) => return unread(ErrorKind::Unreadable, e.to_string()),
        };
        let decoded = match decode(&bytes, self.opts.encoding, format == InputFormat::Html) {
            Ok(d) => d,
            Err(Undecodable::Binary { offset }) => {
                return unread(
                    ErrorKind::Binary,
                    format!("binary file (NUL byte at offset {offset})"),
                )
            }
        };
        let mut info = DocInfo {
            id,
            source,
            format,
            encoding: Some(decoded.encoding),
            warnings: decoded.warnings,
            meta: Map::new(),
            ..DocInfo::default()
        };
        set_date(&mut info, None, &self.opts);
        if path.is_none() && self.opts.mode == InputMode::Auto && looks_like_jsonl(&decoded.text) {
            let note = "stdin looks like JSON Lines but is read as one text document; \
                        use --input jsonl to read one document per line"
                .to_string();
            info.warnings.push(note.clone());
            self.notes.push(note);
        }
        let text = if format == InputFormat::Html {
            let page = html::html_to_text(&decoded.text);
            info.title = page.title;
            info.removed_markup = page.removed;
            page.text
        } else {
            decoded.text
        };
        Input::Doc(Box::new(Doc::new(info, text)))
    }
}

/// A JSONL line as text: UTF-8 (lossy, with a warning), or the forced
/// encoding.
fn decode_line<'a>(
    bytes: &'a [u8],
    forced: Option<&'static encoding_rs::Encoding>,
) -> (std::borrow::Cow<'a, str>, &'static str, Option<String>) {
    match forced {
        Some(encoding) => {
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            let warning = had_errors.then(|| {
                format!(
                    "invalid {}: sequences replaced with U+FFFD",
                    encoding.name()
                )
            });
            (text, encoding.name(), warning)
        }
        None => {
            let (text, warning) = utf8_lossy(bytes);
            (text, "UTF-8", warning)
        }
    }
}

/// Whether text starts like JSON Lines: its first non-blank line is a JSON
/// object with a `text` field.
pub fn looks_like_jsonl(text: &str) -> bool {
    let Some(first) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return false;
    };
    first.starts_with('{')
        && serde_json::from_str::<serde_json::Value>(first)
            .is_ok_and(|v| v.get("text").is_some_and(serde_json::Value::is_string))
}

/// Sets the document date from metadata, else `--doc-date`.
fn set_date(info: &mut DocInfo, meta_date: Option<&str>, opts: &ReadOptions) {
    if let Some(raw) = meta_date {
        match meta::normalise_doc_date(raw) {
            Some(d) => {
                info.date = Some(d);
                info.date_source = DateSource::Metadata;
                return;
            }
            None => info.warnings.push(format!(
                "metadata date {raw:?} is not an ISO 8601 date; ignored"
            )),
        }
    }
    if let Some(d) = &opts.doc_date {
        info.date = Some(d.clone());
        info.date_source = DateSource::Cli;
    }
}

enum Capped {
    Bytes(Vec<u8>),
    TooLarge(u64),
}

/// Reads a file (or stdin) unless it is over `max` bytes. Stdin is always
/// drained, so a writer on the other end never sees a broken pipe.
fn read_capped(path: Option<&Path>, max: u64) -> io::Result<Capped> {
    let mut reader: Box<dyn Read> = match path {
        Some(p) => {
            let file = File::open(p)?;
            let len = file.metadata()?.len();
            if len > max {
                return Ok(Capped::TooLarge(len));
            }
            Box::new(file)
        }
        None => Box::new(io::stdin().lock()),
    };
    let mut bytes = Vec::new();
    (&mut reader).take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        let rest = io::copy(&mut reader, &mut io::sink())?;
        return Ok(Capped::TooLarge(bytes.len() as u64 + rest));
    }
    Ok(Capped::Bytes(bytes))
}

impl Iterator for Reader {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if self.jsonl.is_some() {
                if let Some(item) = self.next_jsonl() {
                    return Some(self.claim_jsonl_id(item));
                }
                continue;
            }
            let source = self.sources.pop_front()?;
            match source {
                Source::Failed(path, message) => {
                    let stem = path
                        .file_stem()
                        .map_or_else(|| "doc".to_string(), |s| s.to_string_lossy().into_owned());
                    return Some(Input::Unread(Unread {
                        id: self.unique_id(&stem),
                        source: path.display().to_string(),
                        line: None,
                        kind: ErrorKind::Unreadable,
                        message,
                    }));
                }
                Source::Stdin if self.opts.mode == InputMode::Jsonl => {
                    let stdin: Box<dyn BufRead + Send> =
                        Box::new(BufReader::with_capacity(1 << 16, io::stdin()));
                    self.jsonl = Some(JsonlState {
                        lines: LineReader::new(stdin, self.opts.max_bytes),
                        stem: "stdin".to_string(),
                        display: "-".to_string(),
                        line: 0,
                    });
                }
                Source::Stdin => {
                    let format = match self.opts.mode {
                        InputMode::Html => InputFormat::Html,
                        _ => InputFormat::Text,
                    };
                    return Some(self.read_single(None, format));
                }
                Source::File(path, FileFormat::Jsonl) => match File::open(&path) {
                    Ok(file) => {
                        let stem = path.file_stem().map_or_else(
                            || "doc".to_string(),
                            |s| s.to_string_lossy().into_owned(),
                        );
                        let reader: Box<dyn BufRead + Send> =
                            Box::new(BufReader::with_capacity(1 << 16, file));
                        self.jsonl = Some(JsonlState {
                            lines: LineReader::new(reader, self.opts.max_bytes),
                            stem,
                            display: path.display().to_string(),
                            line: 0,
                        });
                    }
                    Err(e) => {
                        self.sources.push_front(Source::Failed(path, e.to_string()));
                    }
                },
                Source::File(path, FileFormat::Single(format)) => {
                    return Some(self.read_single(Some(&path), format));
                }
            }
        }
    }
}
