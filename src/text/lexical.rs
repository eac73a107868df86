//! Character classes and word lists shared by the tokenizer and the
//! sentence splitter.

use std::sync::Arc;

use crate::lexicon::{data_lines, field, WordClasses, WordMap, WordSet};

/// How an abbreviation behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Stands before a name or number ("Mr.", "No."): never ends a sentence.
    Prefix,
    /// May end a sentence ("etc.", "Inc.", "U.S.").
    Any,
}

/// Abbreviations and sentence starters, compiled once and shared.
#[derive(Debug, Clone)]
pub struct Lexical {
    abbreviations: WordMap<String, AbbrevClass>,
    sentence_starters: WordSet<String>,
    words: Arc<WordClasses>,
}

const ABBREVIATIONS: &str = include_str!("../../models/abbreviations.txt");
const SENTENCE_STARTERS: &str = include_str!("../../models/sentence_starters.txt");

impl Lexical {
    /// The lists shipped in `models/`.
    pub fn embedded() -> Lexical {
        let mut abbreviations = WordMap::default();
        for line in data_lines(ABBREVIATIONS) {
            // The embedded file is checked by a unit test; a malformed line
            // is skipped rather than aborting start-up.
            let Ok(abbrev) = field(&line, 0, "abbreviations.txt") else {
                continue;
            };
            let class = match line.fields.get(1).copied() {
                Some("prefix") => AbbrevClass::Prefix,
                _ => AbbrevClass::Any,
            };
            abbreviations.insert(abbrev.to_string(), class);
        }
        let sentence_starters = data_lines(SENTENCE_STARTERS)
            .filter_map(|l| l.fields.first().map(|w| w.to_string()))
            .collect();
        Lexical {
            abbreviations,
            sentence_starters,
            words: WordClasses::embedded(),
        }
    }

    /// The same lists with these word classes (the embedded ones extended
    /// by `--dict` files).
    pub fn with_words(mut self, words: Arc<WordClasses>) -> Lexical {
        self.words = words;
        self
    }

    /// The word classes (`models/words.tsv`).
    pub fn words(&self) -> &WordClasses {
        &self.words
    }

    /// The class of an abbreviation written with its final stop.
    pub fn abbreviation(&self, token: &str) -> Option<AbbrevClass> {
        self.abbreviations.get(token).copied()
    }

    /// Whether `word` typically opens a sentence.
    pub fn is_sentence_starter(&self, word: &str) -> bool {
        self.sentence_starters.contains(word)
    }
}

/// Letters, digits and combining marks: the stuff words are made of.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining(c) || c == '\u{200C}' || c == '\u{200D}'
}

/// Combining marks (general category M) of the common scripts.
#[inline]
pub fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{05BF}'..='\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}'
        | '\u{0951}'..='\u{0957}'
        | '\u{0962}'..='\u{0963}'
        | '\u{0E31}'
        | '\u{0E34}'..='\u{0E3A}'
        | '\u{0E47}'..='\u{0E4E}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Whitespace, including the zero-width space and the BOM scraped pages carry.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' || c == '\u{2060}'
}

/// Line breaks: LF, a CR not followed by LF, NEL, LS and PS.
#[inline]
pub fn is_newline(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

/// Hyphens that join the parts of a compound ("44-day", "five‑month‑long").
#[inline]
pub fn is_joining_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Apostrophes: straight and typographic.
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Punctuation that closes a sentence.
#[inline]
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '\u{2026}' | '\u{203C}' | '\u{2047}' | '\u{2048}' | '\u{2049}'
    )
}

/// Quotes and brackets that may close a sentence after its final stop.
#[inline]
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '\u{2019}' | '\u{201D}' | '\u{00BB}' | '\u{203A}'
    )
}

/// Quotes and brackets that may open a sentence.
#[inline]
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '\u{2018}' | '\u{201C}' | '\u{00AB}' | '\u{2039}'
    )
}

/// Punctuation (as opposed to other symbols).
#[inline]
pub fn is_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '\''
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '-'
            | '/'
            | '\\'
    ) || matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{00AB}' | '\u{00BB}' | '\u{00A1}' | '\u{00BF}' | '\u{3001}' | '\u{3002}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_load_every_line() {
        let lex = Lexical::embedded();
        let listed = data_lines(ABBREVIATIONS).count();
        assert_eq!(
            lex.abbreviations.len(),
            listed,
            "duplicate abbreviation entries"
        );
        assert_eq!(lex.abbreviation("Mr."), Some(AbbrevClass::Prefix));
        assert_eq!(lex.abbreviation("etc."), Some(AbbrevClass::Any));
        assert_eq!(lex.abbreviation("said."), None);
        assert!(lex.is_sentence_starter("The"));
        assert!(!lex.is_sentence_starter("the"));
    }

    #[test]
    fn character_classes() {
        assert!(is_word_char('é'));
        assert!(is_word_char('\u{0301}'));
        assert!(is_word_char('Ա'));
        assert!(!is_word_char('-'));
        assert!(is_space('\u{00A0}'));
        assert!(is_space('\u{200B}'));
        assert!(is_newline('\u{2029}'));
        assert!(is_terminal('…'));
        assert!(is_closing('”'));
        assert!(is_punct('—'));
        assert!(!is_punct('$'));
    }
}
