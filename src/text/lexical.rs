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

// The character classes live below the stages (the input's headline
// finder uses them too); re-exported here for the tokenizer and splitter.
pub use crate::lexicon::chars::*;

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
