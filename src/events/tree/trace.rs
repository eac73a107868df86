//! A diagnostic trace of candidates dropped for want of a source, on
//! stderr when `ATTACHE_TRACE` is set: one tab-separated line per drop
//! with the construction the trigger stands in.

use super::args::Args;
use crate::doc::Doc;
use crate::events::triggers::{TriggerPos, TriggerRow};

/// Writes one drop line for trigger `t` when tracing is on.
pub(super) fn dropped(doc: &Doc, args: &Args<'_>, row: &TriggerRow, t: usize, tag: &str) {
    if std::env::var_os("ATTACHE_TRACE").is_none() {
        return;
    }
    let tree = args.tree;
    let head = tree.head(t);
    let hl = head.map_or("-", |h| tree.lemma(h));
    let hu = head.map_or("-", |h| tree.upos(h));
    let marker = tree.case_of(t).unwrap_or("-");
    let (s, text) = sentence_line(doc, t);
    eprintln!(
        "{tag}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        doc.info.id,
        row.id,
        doc.token_text(t),
        doc.tokens[t].span.char_start,
        construction(args, row, t),
        tree.deprel(t),
        marker,
        hl,
        hu,
        s,
        text
    );
}

/// A coarse name for the construction a sourceless trigger stands in.
fn construction(args: &Args<'_>, row: &TriggerRow, t: usize) -> String {
    let tree = args.tree;
    let rel = tree.deprel(t);
    let pos = if row.pos == TriggerPos::Verb {
        "V"
    } else {
        "N"
    };
    let passive = tree.is_passive(t);
    let to = tree
        .children(t)
        .iter()
        .any(|&c| tree.rel(c) == "mark" && tree.lemma(c) == "to");
    let form = if row.pos == TriggerPos::Verb {
        match (passive, to, tree.xpos(t)) {
            (true, _, _) => "passive",
            (_, true, _) => "infinitive",
            (_, _, "VBG") => "gerund",
            (_, _, "VBN") => "participle",
            _ => "finite",
        }
    } else {
        "noun"
    };
    format!("{pos}:{form}:{rel}")
}

/// Writes one line when a resolver of session 23 fires at token `t`
/// (`ATTACHE_TRACE`): the tag, the document, the token, the actors found
/// and the sentence, to count and read the firings on corpus samples.
pub(super) fn fired(doc: &Doc, tag: &str, t: usize, actors: &[usize]) {
    if std::env::var_os("ATTACHE_TRACE").is_none() || actors.is_empty() {
        return;
    }
    let (s, text) = sentence_line(doc, t);
    let names: Vec<&str> = actors
        .iter()
        .map(|&a| doc.actors.get(a).map_or("?", |r| r.name.as_str()))
        .collect();
    eprintln!(
        "{tag}\t{}\t{}\t{}\t{}\t{text}",
        doc.info.id,
        doc.token_text(t),
        s,
        names.join(" | ")
    );
}

/// The index of token `t`'s sentence and its text on one line (tabs and
/// line breaks as spaces), for a trace line.
fn sentence_line(doc: &Doc, t: usize) -> (usize, String) {
    let s = doc.sentence_of_token(t);
    let text = doc
        .sentences
        .get(s)
        .map_or("", |x| doc.span_text(x.span))
        .replace(['\n', '\t'], " ");
    (s, text)
}
