//! Stage directions of transcripts: "(Laughter.)", "(Applause.)",
//! "(Inaudible.)". A single capitalised word with its own full stop inside
//! brackets is a note on the event, not a name; the tagger takes it for a
//! person or a place. (Corpus: 520 bracketed one-to-four-word sentences with
//! a stop inside; Applause 207, Laughter 192, Inaudible 29, Laughs 9, Cheers
//! 7, Break 6, Interruption 5 — none a name but the rank "Ret.".) A name in
//! brackets carries no stop of its own: "(Kyiv)", "(USASD)".

use crate::doc::Doc;

/// Whether tokens `start..end` are one word alone in brackets before a
/// full stop: "( Laughter . )".
pub fn is_aside(doc: &Doc, start: usize, end: usize) -> bool {
    end == start + 1
        && start > 0
        && end + 1 < doc.tokens.len()
        && doc.token_text(start - 1) == "("
        && doc.token_text(end) == "."
        && doc.token_text(end + 1) == ")"
}
