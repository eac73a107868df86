//! Token and name text helpers shared by the candidate builders: a span's
//! text, a name's comparison words, count words, singular heads, and the
//! conjuncts and party names of a coordination.

use super::View;
use crate::doc::Doc;
use crate::lexicon::{WordClass, WordClasses, WordSet};

pub(super) fn name_tokens(name: &str, words: &WordClasses) -> WordSet<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .filter(|t| {
            !(words.has(WordClass::NameStop, t)
                || t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
        })
        .collect()
}

/// The text from token a to token b (exclusive), as written.
pub(super) fn join_tokens(doc: &Doc, a: usize, b: usize) -> String {
    if b <= a {
        return String::new();
    }
    doc.span_text(doc.token_span(a, b - 1))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The size a group word gives ("both", "three", "4"), two to six.
pub(super) fn count_word(w: &str) -> Option<usize> {
    if w == "both" {
        return Some(2);
    }
    crate::text::numbers::small_count(w).filter(|n| (2..=6).contains(n))
}

pub(super) fn singular(s: &str) -> String {
    // "memorandums of understanding": the word before "of" is the head
    if let Some((h, rest)) = s.split_once(" of ") {
        return format!("{} of {rest}", singular(h));
    }
    if let Some(stem) = s.strip_suffix("memoranda") {
        return format!("{stem}memorandum");
    }
    s.strip_suffix('s').unwrap_or(s).to_string()
}

/// "A, B and C" between tokens a..b: token ranges of the conjuncts.
pub(super) fn split_conjuncts(v: &View, a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut start = a;
    for k in a..b {
        if matches!(v.w(k), "and" | ",") {
            if k > start {
                parts.push((start, k));
            }
            start = k + 1;
        }
    }
    if b > start {
        parts.push((start, b));
    }
    parts
}

/// "Ukraine and Turkey", "the Government of Ukraine and the Government of
/// the Republic of Turkey": the party names.
pub(super) fn split_parties(toks: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for part in toks.split(|t| *t == "and" || *t == ",") {
        let mut words: Vec<&str> = part.to_vec();
        while let Some(w) = words.first() {
            let lw = w.to_lowercase();
            if matches!(lw.as_str(), "the" | "of")
                || (matches!(lw.as_str(), "government" | "governments")
                    && words.get(1) == Some(&"of"))
            {
                words.remove(0);
            } else {
                break;
            }
        }
        if !words.is_empty() {
            out.push(words.join(" "));
        }
    }
    out
}
