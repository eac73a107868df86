//! Contact lines: a press release's "Media enquiries: Ana Petrova 02 6277
//! 7500" or "Ana Petrova (Ministerial) 0400 510 802" names a person right
//! before a telephone number. The CoNLL-trained tagger, which has not seen
//! such lines, often calls the unfamiliar name an ORG; the construction
//! says it is a person.

use crate::doc::{Doc, EntityType, Mention, Origin};
use crate::lexicon::{WordClass as Lexicon, WordClasses};
use crate::ner::types::{TypeMap, WordClass};

/// A contact's name has this many words.
const NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=3;

/// The most words of a parenthesised label between name and number
/// ("(Departmental)", "(Minister's Office)").
const LABEL_WORDS: usize = 3;

/// A telephone number has at least this many digits (local numbers with
/// an area code: "02 6277 7500", "(06) 277 7800").
const PHONE_DIGITS: usize = 8;

/// The most tokens a telephone number spans ("(", "06", ")", "277", "7800").
const PHONE_TOKENS: usize = 6;

/// Whether a word can be part of a person's name as written: capitalised,
/// letters (and inner hyphens or apostrophes) only.
fn name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// Whether a telephone number starts at token `i`, perhaps after a
/// parenthesised label.
fn phone_at(doc: &Doc, mut i: usize) -> bool {
    let n = doc.tokens.len();
    if doc.token_text(i) == "(" {
        let close = (i + 1..n.min(i + 2 + LABEL_WORDS)).find(|&k| doc.token_text(k) == ")");
        let label = close.is_some_and(|c| {
            c > i + 1
                && (i + 1..c).all(|k| !doc.token_text(k).chars().any(|ch| ch.is_ascii_digit()))
        });
        if let (true, Some(c)) = (label, close) {
            i = c + 1;
        }
    }
    let mut digits = 0;
    for k in i..n.min(i + PHONE_TOKENS) {
        let w = doc.token_text(k);
        if w.is_empty() || !w.chars().all(|c| c.is_ascii_digit() || "()+-.".contains(c)) {
            break;
        }
        if k == i && !w.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '+') {
            return false;
        }
        digits += w.chars().filter(char::is_ascii_digit).count();
    }
    digits >= PHONE_DIGITS
}

/// The tagger's non-person spans that name a contact before a telephone
/// number become persons; a body's name ("Harbour Authority") stays.
pub(super) fn with_contacts(
    doc: &Doc,
    types: &TypeMap,
    words: &WordClasses,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    for m in &mut mentions {
        let (start, end) = (m.tokens.start, m.tokens.end);
        let plain = m.origin == Origin::Model
            && matches!(m.label, EntityType::Org | EntityType::Misc)
            && NAME_WORDS.contains(&(end - start))
            && (start..end).all(|i| {
                let w = doc.token_text(i);
                name_word(w)
                    && !types.is_generic(w)
                    && !types.is(WordClass::Portfolio, w)
                    && !words.has(Lexicon::BodyWord, &w.to_lowercase())
            });
        if plain && phone_at(doc, end) {
            m.label = EntityType::Person;
        }
    }
    mentions
}
