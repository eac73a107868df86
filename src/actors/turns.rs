//! Speaker turns in transcripts: who "I" and "we" are in a turn.
//!
//! Briefings, press conferences and meeting transcripts give each turn a
//! label line: "Vladimir Putin: …", "Prime Minister Hirgon Baranor
//! (retranslated): …", "SECRETARY HURIN: …". In 8,600 corpus documents,
//! 1,896 have such lines (a regular-expression count of labels of up to six
//! capitalised words before a colon at a line start; the commonest are
//! questioners, spokespersons and ministers). Inside a turn, "I" is the
//! speaker and "we" the speaker's state or organisation — not the
//! document's author, who may be the other party of the meeting.

use crate::doc::{ActorKind, ActorRef, ActorSpan, Doc, RefKind};

/// The longest label, in bytes ("Minister of Foreign Affairs of the Republic
/// of Gondor Hirgon Baranor (retranslated)").
const MAX_LABEL_BYTES: usize = 120;
/// The most words a label has.
const MAX_LABEL_WORDS: usize = 14;

/// The turns of one document: (first token of the turn, its speaker when
/// the label names a person), in text order.
#[derive(Debug, Clone, Default)]
pub(super) struct Turns {
    turns: Vec<(usize, Option<usize>)>,
}

impl Turns {
    /// Finds the turn labels of `doc` and their speakers among `actors`
    /// (through `spans`, or an all-capital label's last word read as a
    /// person's surname: "SECRETARY HURIN").
    pub(super) fn find(doc: &Doc, spans: &[ActorSpan], actors: &[ActorRef]) -> Turns {
        let text = doc.text();
        let mut turns = Vec::new();
        // a label opens a sentence: at a line start, or after the last
        // sentence of a turn in texts whose line breaks were lost
        for sentence in &doc.sentences {
            let start = sentence.span.byte_start;
            let line = text.get(start..sentence.span.byte_end).unwrap_or("");
            let Some(colon) = label_end(line) else {
                continue;
            };
            let (a, b) = (start, start + colon);
            let first = doc.tokens.partition_point(|t| t.span.byte_start < a);
            let end = doc.tokens.partition_point(|t| t.span.byte_start < b);
            if first >= end {
                continue;
            }
            if end - first > MAX_LABEL_WORDS {
                // a garbled label still ends the turn before it
                turns.push((end, None));
                continue;
            }
            let speaker = spans
                .iter()
                .filter(|s| s.tokens.start >= first && s.tokens.end <= end)
                .filter(|s| s.how != RefKind::Pronoun)
                .map(|s| s.actor)
                .rfind(|&x| is_person(actors, x))
                .or_else(|| capital_surname(doc, actors, first..end));
            turns.push((end, speaker));
        }
        Turns { turns }
    }

    /// The speaker of the turn holding token `i`, if it is a known person.
    pub(super) fn speaker(&self, i: usize) -> Option<usize> {
        let k = self.turns.partition_point(|&(start, _)| start <= i);
        k.checked_sub(1).and_then(|k| self.turns[k].1)
    }
}

/// The byte offset of the colon ending a label at the start of `line`: a
/// few words, capitalised, before ": ", with no sentence punctuation.
fn label_end(line: &str) -> Option<usize> {
    let head = line.get(..line.len().min(MAX_LABEL_BYTES + 2))?;
    let colon = head.find(':')?;
    let label = line[..colon].trim();
    let after = line[colon + 1..].chars().next();
    let opens = label.chars().next().is_some_and(char::is_uppercase);
    let clean = !label.contains(['.', '!', '?', ';', '"', '“', '”']);
    // a name with its title, not a clause ("Baranor said: …"): every word
    // outside brackets is capitalised or a title's function word (a name
    // with a lower-case particle, "von der", is missed: no turn, the
    // author's voice stays)
    let bare = label.split('(').next().unwrap_or("");
    let named = bare.split_whitespace().all(|w| {
        w.chars().next().is_some_and(|c| !c.is_lowercase())
            || matches!(w, "of" | "the" | "for" | "and")
    });
    let spaced = after.is_none_or(char::is_whitespace);
    (opens && clean && named && spaced && !label.is_empty()).then_some(colon)
}

fn is_person(actors: &[ActorRef], a: usize) -> bool {
    actors
        .get(a)
        .is_some_and(|x| x.kind == Some(ActorKind::Person))
}

/// An all-capital label whose last word is the surname of a person actor.
fn capital_surname(doc: &Doc, actors: &[ActorRef], label: std::ops::Range<usize>) -> Option<usize> {
    let last = doc.raw(label.end.checked_sub(1)?);
    let letters = last.chars().any(char::is_alphabetic);
    if !letters || last.chars().any(char::is_lowercase) {
        return None;
    }
    let surname = last.to_lowercase();
    let found: Vec<usize> = (0..actors.len())
        .filter(|&a| is_person(actors, a))
        .filter(|&a| {
            actors[a]
                .name
                .split_whitespace()
                .last()
                .is_some_and(|w| w.to_lowercase() == surname)
        })
        .collect();
    // two persons of one surname: the label does not say which
    (found.len() == 1).then(|| found[0])
}

#[cfg(test)]
mod tests {
    use crate::dates::DateOrder;
    use crate::doc::Doc;
    use crate::pipeline::testing::run;

    /// The actor the first-person pronoun `word` (n-th, from 1) refers to.
    fn referent(doc: &Doc, word: &str, nth: usize) -> Option<String> {
        let i = (0..doc.tokens.len())
            .filter(|&i| doc.token_text(i) == word)
            .nth(nth - 1)?;
        doc.actor_spans
            .iter()
            .find(|s| s.tokens.contains(&i))
            .map(|s| doc.actors[s.actor].name.clone())
    }

    const TRANSCRIPT: &str = "Talks with the President of Chile\n\n\
        President Tomas Varga: Madam President, I am glad to see you again. We value our partnership.\n\n\
        President of Chile Gabriela Rojas: Thank you. I share that view, and we will keep working together.\n";

    #[test]
    fn in_a_turn_i_is_the_speaker_and_we_the_speakers_state() {
        let doc = run(DateOrder::Dmy, Some("2024-05-02"), TRANSCRIPT);
        assert_eq!(referent(&doc, "I", 1).as_deref(), Some("Tomas Varga"));
        assert_eq!(referent(&doc, "I", 2).as_deref(), Some("Gabriela Rojas"));
        assert_eq!(referent(&doc, "we", 1).as_deref(), Some("Chile"));
    }

    #[test]
    fn a_label_that_names_no_person_leaves_the_author_voice() {
        assert_eq!(super::label_end("Note: we will update this page."), Some(4));
        assert_eq!(super::label_end("Hirgon Baranor said: we will."), None);
        assert_eq!(
            super::label_end("Minister of Defence Hirgon Baranor (retranslated): We will."),
            Some(49)
        );
        assert_eq!(super::label_end("at 10:30 the talks began"), None);
        assert_eq!(super::label_end("Q. What is it: a plan?"), None);
    }
}
