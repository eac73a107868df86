//! CoNLL-U reading and writing.
//!
//! Reading keeps what the models and the scorer need: the basic words with
//! form, lemma, UPOS, XPOS, head and relation. Multiword-token ranges
//! (`1-2`) and empty nodes (`8.1`) are skipped, as the CoNLL 2018 scorer
//! does for words. Comments `# sent_id` and `# text` are kept.

use std::fmt::Write as _;
use std::path::Path;

use super::SyntaxError;

/// One basic word of a CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluWord {
    /// FORM.
    pub form: String,
    /// LEMMA.
    pub lemma: String,
    /// UPOS.
    pub upos: String,
    /// XPOS (`_` when absent).
    pub xpos: String,
    /// HEAD: 0 for the root, else the 1-based index of the head word.
    pub head: usize,
    /// DEPREL, with its subtype.
    pub deprel: String,
    /// MISC (`_` when absent).
    pub misc: String,
}

/// One sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluSentence {
    /// The `# sent_id` comment.
    pub id: Option<String>,
    /// The `# text` comment.
    pub text: Option<String>,
    /// The basic words, in order.
    pub words: Vec<ConlluWord>,
}

/// Parses CoNLL-U text. Heads must point at a word of the sentence.
pub fn read_conllu(text: &str) -> Result<Vec<ConlluSentence>, SyntaxError> {
    let mut out = Vec::new();
    let mut cur = ConlluSentence::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            finish(&mut cur, &mut out, i + 1)?;
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(v) = c.strip_prefix("sent_id =") {
                cur.id = Some(v.trim().to_string());
            } else if let Some(v) = c.strip_prefix("text =") {
                cur.text = Some(v.trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format_err(
                i + 1,
                "a word line needs 10 tab-separated columns",
            ));
        }
        if cols[0].contains(['-', '.']) {
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| format_err(i + 1, "bad word id"))?;
        if id != cur.words.len() + 1 {
            return Err(format_err(i + 1, "word ids must run 1, 2, 3, …"));
        }
        let head = match cols[6] {
            "_" => 0,
            h => h.parse().map_err(|_| format_err(i + 1, "bad head"))?,
        };
        cur.words.push(ConlluWord {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head,
            deprel: cols[7].to_string(),
            misc: cols[9].to_string(),
        });
    }
    finish(&mut cur, &mut out, text.lines().count())?;
    Ok(out)
}

fn format_err(line: usize, msg: &str) -> SyntaxError {
    SyntaxError::Format {
        line,
        msg: msg.to_string(),
    }
}

fn finish(
    cur: &mut ConlluSentence,
    out: &mut Vec<ConlluSentence>,
    line: usize,
) -> Result<(), SyntaxError> {
    let s = std::mem::take(cur);
    if s.words.is_empty() {
        return Ok(());
    }
    if s.words.iter().any(|w| w.head > s.words.len()) {
        return Err(format_err(line, "a head points outside its sentence"));
    }
    out.push(s);
    Ok(())
}

/// Reads a CoNLL-U file (uncompressed).
pub fn read_conllu_file(path: &Path) -> Result<Vec<ConlluSentence>, SyntaxError> {
    let text = std::fs::read_to_string(path).map_err(|source| SyntaxError::Io {
        path: path.display().to_string(),
        source,
    })?;
    read_conllu(&text)
}

/// Writes sentences as CoNLL-U (FEATS and DEPS empty).
pub fn write_conllu(sentences: &[ConlluSentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        if let Some(id) = &s.id {
            let _ = writeln!(out, "# sent_id = {}", one_line(id));
        }
        if let Some(t) = &s.text {
            let _ = writeln!(out, "# text = {}", one_line(t));
        }
        for (i, w) in s.words.iter().enumerate() {
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                i + 1,
                field(&w.form),
                field(&w.lemma),
                field(&w.upos),
                field(&w.xpos),
                w.head,
                field(&w.deprel),
                field(&w.misc)
            );
        }
        out.push('\n');
    }
    out
}

/// A comment value on one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A column value: no tabs or line breaks, never empty. CoNLL-U allows
/// spaces in FORM and LEMMA.
fn field(s: &str) -> String {
    if s.is_empty() {
        return "_".to_string();
    }
    s.replace(['\t', '\n', '\r'], " ")
}

/// The sentences of a processed document as CoNLL-U sentences: ids
/// `<doc id>-<n>`, the sentence text, and in MISC the token's char offsets
/// in the document (`TokenRange=start:end`) plus `SpaceAfter=No` where no
/// space follows. Tokens without an analysis get `_` columns.
pub fn doc_sentences(doc: &crate::doc::Doc) -> Vec<ConlluSentence> {
    doc.sentences
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let words = s
                .tokens
                .clone()
                .map(|i| {
                    let t = &doc.tokens[i];
                    let syn = doc.syntax.get(i);
                    let mut misc = format!("TokenRange={}:{}", t.span.char_start, t.span.char_end);
                    let glued = doc
                        .tokens
                        .get(i + 1)
                        .is_some_and(|next| i + 1 < s.tokens.end && !next.space_before);
                    if glued {
                        misc.push_str("|SpaceAfter=No");
                    }
                    ConlluWord {
                        form: doc.token_text(i).to_string(),
                        lemma: syn.map_or("_".into(), |x| x.lemma.clone()),
                        upos: syn.map_or("_", |x| x.upos).to_string(),
                        xpos: syn.map_or("_", |x| x.xpos).to_string(),
                        head: syn
                            .and_then(|x| x.head)
                            .map_or(0, |h| h.saturating_sub(s.tokens.start) + 1),
                        deprel: syn.map_or("_", |x| x.deprel).to_string(),
                        misc,
                    }
                })
                .collect();
            ConlluSentence {
                id: Some(format!("{}-{}", doc.info.id, n + 1)),
                text: Some(doc.span_text(s.span).to_string()),
                words,
            }
        })
        .collect()
}
