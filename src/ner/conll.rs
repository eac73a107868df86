//! CoNLL reader: whitespace-separated columns, token first, NER tag last; blank lines
//! separate sentences, `-DOCSTART-` lines separate documents.

use super::scheme::{self, TagScheme};
use super::NerError;

/// An entity chunk inside a sentence: tokens `start..end` (end exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// First token of the chunk.
    pub start: usize,
    /// One past the last token of the chunk.
    pub end: usize,
    /// Entity type, without the scheme prefix (e.g. `PER`).
    pub typ: String,
}

/// One sentence of a CoNLL file: its tokens, their tags and the chunks they encode.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    /// The tokens (first column).
    pub tokens: Vec<String>,
    /// The tags exactly as read from the file (used for conlleval scoring).
    pub raw_tags: Vec<String>,
    /// Chunks decoded from the tags (scheme-independent).
    pub chunks: Vec<Chunk>,
}

/// A document: the sentences between two `-DOCSTART-` lines (or one sentence, or the
/// whole file; see [`read_conll`]).
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The sentences, in file order.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Number of tokens over all sentences.
    pub fn n_tokens(&self) -> usize {
        self.sentences.iter().map(|s| s.tokens.len()).sum()
    }
    /// Token views usable with [`crate::ner::Model::tag_document`].
    pub fn token_refs(&self) -> Vec<Vec<&str>> {
        self.sentences
            .iter()
            .map(|s| s.tokens.iter().map(|t| t.as_str()).collect())
            .collect()
    }
}

/// Build a sentence from tokens and tags in any scheme.
pub fn sentence_from_tags(tokens: Vec<String>, tags: Vec<String>) -> Sentence {
    let chunks = scheme::decode(&tags)
        .into_iter()
        .map(|(start, end, typ)| Chunk { start, end, typ })
        .collect();
    Sentence {
        tokens,
        raw_tags: tags,
        chunks,
    }
}

/// Parse CoNLL text. If the text has no `-DOCSTART-` lines, every sentence becomes its
/// own document when `sentence_docs` is true, otherwise the whole text is one document.
pub fn read_conll(text: &str, sentence_docs: bool) -> Result<(Vec<Document>, TagScheme), NerError> {
    let mut docs: Vec<Document> = Vec::new();
    let mut cur_doc = Document::default();
    let mut toks: Vec<String> = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let mut saw_docstart = false;
    let flush_sent = |toks: &mut Vec<String>, tags: &mut Vec<String>, doc: &mut Document| {
        if !toks.is_empty() {
            doc.sentences.push(Sentence {
                tokens: std::mem::take(toks),
                raw_tags: std::mem::take(tags),
                chunks: Vec::new(),
            });
        }
    };
    for (ln, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush_sent(&mut toks, &mut tags, &mut cur_doc);
            continue;
        }
        let mut cols = line.split_whitespace();
        let tok = cols.next().unwrap_or("");
        if tok == "-DOCSTART-" {
            saw_docstart = true;
            flush_sent(&mut toks, &mut tags, &mut cur_doc);
            if !cur_doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut cur_doc));
            }
            continue;
        }
        let tag = cols.last().ok_or_else(|| NerError::Format {
            line: ln + 1,
            msg: format!("expected at least 2 columns, got {line:?}"),
        })?;
        toks.push(tok.to_string());
        tags.push(tag.to_string());
    }
    flush_sent(&mut toks, &mut tags, &mut cur_doc);
    if !cur_doc.sentences.is_empty() {
        docs.push(cur_doc);
    }
    if !saw_docstart && sentence_docs {
        docs = docs
            .into_iter()
            .flat_map(|d| {
                d.sentences
                    .into_iter()
                    .map(|s| Document { sentences: vec![s] })
            })
            .collect();
    }
    let scheme = scheme::detect(
        docs.iter()
            .flat_map(|d| d.sentences.iter().map(|s| &s.raw_tags)),
    );
    for d in &mut docs {
        for s in &mut d.sentences {
            s.chunks = scheme::decode(&s.raw_tags)
                .into_iter()
                .map(|(start, end, typ)| Chunk { start, end, typ })
                .collect();
        }
    }
    Ok((docs, scheme))
}

/// Read and parse a CoNLL file; see [`read_conll`]. I/O errors carry the path.
pub fn read_conll_file(
    path: &str,
    sentence_docs: bool,
) -> Result<(Vec<Document>, TagScheme), NerError> {
    let text = std::fs::read_to_string(path).map_err(|source| NerError::Io {
        path: path.to_string(),
        source,
    })?;
    read_conll(&text, sentence_docs)
}

/// Split one CSV line (RFC-4180 quoting).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut inq = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if inq {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    cur.push('"');
                    chars.next();
                } else {
                    inq = false;
                }
            } else {
                cur.push(c);
            }
        } else if c == '"' {
            inq = true;
        } else if c == ',' {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out
}

/// Read the GMB `ner_dataset.csv` (Latin-1, `Sentence #,Word,POS,Tag`); one document per
/// sentence; the last (truncated) sentence is dropped.
pub fn read_gmb_csv(path: &str) -> Result<Vec<Document>, NerError> {
    let bytes = std::fs::read(path).map_err(|source| NerError::Io {
        path: path.to_string(),
        source,
    })?;
    let text: String = bytes.iter().map(|&b| b as char).collect();
    let mut docs = Vec::new();
    let (mut toks, mut tags) = (Vec::new(), Vec::new());
    for (ln, line) in text.lines().enumerate().skip(1) {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        let f = csv_fields(line);
        if f.len() < 4 {
            return Err(NerError::Format {
                line: ln + 1,
                msg: "expected 4 CSV fields".into(),
            });
        }
        if !f[0].is_empty() && !toks.is_empty() {
            docs.push(Document {
                sentences: vec![sentence_from_tags(
                    std::mem::take(&mut toks),
                    std::mem::take(&mut tags),
                )],
            });
        }
        toks.push(f[1].clone());
        tags.push(f[f.len() - 1].clone());
    }
    Ok(docs)
}
