//! `attache tokens`: sentences and tokens of a document, for inspection.

use serde::Serialize;

use crate::doc::Doc;

/// One token as shown by `attache tokens`.
#[derive(Debug, Serialize)]
pub struct TokenView<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Token kind (word, number, punct, …).
    pub kind: &'static str,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
}

/// One sentence as shown by `attache tokens`.
#[derive(Debug, Serialize)]
pub struct SentenceView<'a> {
    /// 1-based sentence number.
    pub sentence: usize,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// The sentence's text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: Vec<TokenView<'a>>,
}

/// The sentences of a processed document.
pub fn sentences(doc: &Doc) -> Vec<SentenceView<'_>> {
    doc.sentences
        .iter()
        .enumerate()
        .map(|(i, s)| SentenceView {
            sentence: i + 1,
            start: s.span.char_start,
            end: s.span.char_end,
            text: doc.span_text(s.span),
            tokens: doc.tokens[s.tokens.clone()]
                .iter()
                .map(|t| TokenView {
                    text: doc.span_text(t.span),
                    kind: t.kind.as_str(),
                    start: t.span.char_start,
                    end: t.span.char_end,
                })
                .collect(),
        })
        .collect()
}

/// TSV: `sentence  token  start  end  kind  text`, a header line first.
pub fn to_tsv(doc: &Doc) -> String {
    let mut out = String::from("sentence\ttoken\tstart\tend\tkind\ttext\n");
    for s in sentences(doc) {
        for (j, t) in s.tokens.iter().enumerate() {
            let text = t.text.replace(['\t', '\n', '\r'], " ");
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\n",
                s.sentence,
                j + 1,
                t.start,
                t.end,
                t.kind,
                text
            ));
        }
    }
    out
}
