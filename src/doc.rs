//! The document that flows through the pipeline.
//!
//! A [`Doc`] keeps the text exactly as read (after decoding) and never
//! mutates it. Every later layer points into that text with [`Span`]s that
//! carry both byte and char coordinates: bytes for slicing in Rust, chars
//! (Unicode scalar values) for the record contract.

use serde_json::{Map, Value};

/// A half-open range of the document text in both byte and char coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// First byte of the span.
    pub byte_start: usize,
    /// One past the last byte.
    pub byte_end: usize,
    /// First char (Unicode scalar value) of the span.
    pub char_start: usize,
    /// One past the last char.
    pub char_end: usize,
}

impl Span {
    /// The byte range, for slicing `&str`.
    pub fn bytes(&self) -> std::ops::Range<usize> {
        self.byte_start..self.byte_end
    }

    /// Length in chars.
    pub fn char_len(&self) -> usize {
        self.char_end - self.char_start
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.byte_start == self.byte_end
    }
}

/// What a token is, as far as the tokenizer can tell from its characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (and digits mixed with letters: "24th", "44-day").
    Word,
    /// Digits with optional internal separators ("1,000.5", "24.05.2023").
    Number,
    /// Punctuation: . , ; : ! ? quotes, brackets, dashes.
    Punct,
    /// Any other symbol ($, %, •, ©).
    Symbol,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle (@name).
    Handle,
    /// A hashtag (#tag).
    Hashtag,
}

impl TokenKind {
    /// Lower-case name used in `attache tokens` output.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Handle => "handle",
            TokenKind::Hashtag => "hashtag",
        }
    }
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
    /// Line breaks in the whitespace before this token (capped at 255);
    /// a masked boilerplate line counts as a paragraph break (2).
    pub newlines_before: u8,
    /// Whether whitespace separates this token from the previous one.
    pub space_before: bool,
}

/// A sentence: a run of tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Index range into [`Doc::tokens`].
    pub tokens: std::ops::Range<usize>,
}

/// How the document's date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateSource {
    /// Input metadata (`date` in JSONL or a meta file).
    Metadata,
    /// The `--doc-date` command-line option.
    Cli,
    /// A dateline or publication line in the text.
    Text,
    /// Not known.
    #[default]
    None,
}

impl DateSource {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Metadata => "metadata",
            DateSource::Cli => "cli",
            DateSource::Text => "text",
            DateSource::None => "none",
        }
    }
}

/// The markup the text was extracted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Plain text.
    #[default]
    Text,
    /// Markdown, kept as text.
    Markdown,
    /// HTML, stripped to text (offsets refer to the stripped text).
    Html,
}

impl InputFormat {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Html => "html",
        }
    }
}

/// A masked line of web chrome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masked {
    /// The whole line, without its line break.
    pub span: Span,
    /// The id of the cue that matched (from `models/boilerplate.txt`).
    pub cue: String,
}

/// Everything known about a document besides its text.
#[derive(Debug, Clone, Default)]
pub struct DocInfo {
    /// Document id: metadata id, else the file stem.
    pub id: String,
    /// Path, `-` for stdin, or `path:line` for JSONL input (unless the
    /// line gives its own `source`).
    pub source: String,
    /// 1-based line number for JSONL input.
    pub line: Option<u64>,
    /// Metadata title, else a headline found in the text.
    pub title: Option<String>,
    /// The document's own date, ISO 8601 (YYYY-MM-DD).
    pub date: Option<String>,
    /// How `date` was found.
    pub date_source: DateSource,
    /// ISO 639-1 code, or `und` when undetermined.
    pub language: String,
    /// What the text was extracted from.
    pub format: InputFormat,
    /// Input metadata fields that the record has no place for.
    pub meta: Map<String, Value>,
    /// Non-fatal problems met while reading (lossy decoding, bad metadata).
    pub warnings: Vec<String>,
    /// Boilerplate removed before the text was made (HTML navigation and
    /// footers), listed in the record next to the masked lines.
    pub removed_markup: Vec<String>,
}

/// The document: text as read plus the layers each stage adds.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// Metadata and reading notes.
    pub info: DocInfo,
    text: String,
    /// Masked boilerplate lines, in text order.
    pub boilerplate: Vec<Masked>,
    /// Tokens in text order (masked lines have none).
    pub tokens: Vec<Token>,
    /// Sentences in text order; each token belongs to exactly one.
    pub sentences: Vec<Sentence>,
}

impl Doc {
    /// A document over `text`, with no layers yet.
    pub fn new(info: DocInfo, text: String) -> Doc {
        Doc {
            info,
            text,
            ..Doc::default()
        }
    }

    /// The text exactly as read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of a span.
    ///
    /// Spans are made by the pipeline from this text, so slicing cannot
    /// fail for them; a foreign span yields "".
    pub fn span_text(&self, span: Span) -> &str {
        self.text.get(span.bytes()).unwrap_or("")
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| self.span_text(t.span))
    }

    /// Length of the text in chars.
    pub fn char_len(&self) -> usize {
        if self.tokens.is_empty() && self.boilerplate.is_empty() {
            return self.text.chars().count();
        }
        // Cheap when layers exist: count from the last known position.
        let (byte, chr) = self
            .tokens
            .last()
            .map(|t| (t.span.byte_end, t.span.char_end))
            .into_iter()
            .chain(
                self.boilerplate
                    .last()
                    .map(|m| (m.span.byte_end, m.span.char_end)),
            )
            .max()
            .unwrap_or((0, 0));
        chr + self.text.get(byte..).map_or(0, |rest| rest.chars().count())
    }
}
