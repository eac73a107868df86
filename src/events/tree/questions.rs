//! Sentences that ask a question report no event ("Is Gondor ready to
//! send aid?"), nor do the questions of a briefing transcript.

use crate::doc::Doc;
use crate::lexicon::{WordClass, WordClasses};

/// Sentence → whether it asks a question: it ends with "?", or its line
/// opens with a questioner's label ("Q:", "QUESTION:", in
/// `events.question-label`) as in briefing transcripts. A question reports
/// no event ("Is Gondor ready to send aid?").
pub(super) fn question_sentences(doc: &Doc, classes: &WordClasses) -> Vec<bool> {
    let text = doc.text();
    // Line starts are found by one forward pass over the sentences (a
    // search back from each would read a one-line document again per
    // sentence).
    let (mut line_start, mut scanned) = (0, 0);
    doc.sentences
        .iter()
        .map(|s| {
            let asks = (s.tokens.start..s.tokens.end)
                .rev()
                .find(|&i| !matches!(doc.norm(i), "\"" | "”" | "’" | "'" | ")"))
                .is_some_and(|i| doc.norm(i) == "?");
            let at = s.span.byte_start;
            if at >= scanned {
                if let Some(k) = text.get(scanned..at).and_then(|t| t.rfind('\n')) {
                    line_start = scanned + k + 1;
                }
                scanned = at;
            } else {
                let head = text.get(..at).unwrap_or("");
                line_start = head.rfind('\n').map_or(0, |k| k + 1);
                scanned = at;
            }
            asks || in_question_line(text, line_start, classes)
        })
        .collect()
}

/// Whether the line starting at byte `line_start` opens with a questioner's
/// label.
fn in_question_line(text: &str, line_start: usize, classes: &WordClasses) -> bool {
    let line = text.get(line_start..).unwrap_or("").trim_start();
    // The label is what precedes the first colon, trailing space trimmed;
    // stop reading once it is longer than a label can be.
    let mut label_end = 0;
    let mut colon = None;
    for (k, c) in line.char_indices() {
        if c == ':' {
            colon = Some(k);
            break;
        }
        if !c.is_whitespace() {
            label_end = k + c.len_utf8();
            if label_end > MAX_LABEL_LEN {
                return false;
            }
        }
    }
    let Some(colon) = colon else {
        return false;
    };
    let label = line[..colon].trim_end();
    debug_assert_eq!(label.len(), label_end);
    classes.has(WordClass::QuestionLabel, &label.to_lowercase())
}

/// The longest questioner's label, in bytes.
const MAX_LABEL_LEN: usize = 12;
