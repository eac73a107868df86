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
    /// Lemma (when the syntax stage ran).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lemma: Option<&'a str>,
    /// Universal part of speech.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upos: Option<&'static str>,
    /// Penn Treebank tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub xpos: Option<&'static str>,
    /// The head's 1-based token number in the sentence; 0 for the root.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub head: Option<usize>,
    /// Universal dependency relation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deprel: Option<&'static str>,
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
            tokens: s
                .tokens
                .clone()
                .map(|i| {
                    let t = &doc.tokens[i];
                    let syn = doc.syntax.get(i);
                    TokenView {
                        text: doc.span_text(t.span),
                        kind: t.kind.as_str(),
                        start: t.span.char_start,
                        end: t.span.char_end,
                        lemma: syn.map(|x| x.lemma.as_str()),
                        upos: syn.map(|x| x.upos),
                        xpos: syn.map(|x| x.xpos),
                        head: syn.map(|x| x.head.map_or(0, |h| h + 1 - s.tokens.start)),
                        deprel: syn.map(|x| x.deprel),
                    }
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
