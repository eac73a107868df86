//! Common words as the corpus writes them (`models/name_words.tsv`,
//! derived by `scripts/name-words.py`): words that running text writes in
//! lower case at least 85% of the time away from a sentence's start. An
//! actor named only by such words is a phrase ("Regional Migration",
//! "Members", "Arms Control"), not a name; names that are also words score
//! low because the text capitalises them ("Price", "Bush", "Moon").

use std::collections::HashMap;
use std::sync::OnceLock;

/// The embedded list.
pub const EMBEDDED: &str = include_str!("../../models/name_words.tsv");

/// Word → (lower-case count, capitalised count).
fn common_words() -> &'static HashMap<String, (u32, u32)> {
    static WORDS: OnceLock<HashMap<String, (u32, u32)>> = OnceLock::new();
    WORDS.get_or_init(|| {
        EMBEDDED
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let word = cols.next()?.to_string();
                let low = cols.next()?.parse().ok()?;
                let cap = cols.next()?.parse().ok()?;
                Some((word, (low, cap)))
            })
            .collect()
    })
}

/// Whether `word` (lower case, straight apostrophes, no dots around it) is
/// a common word. A single letter is an initial, never a common word.
pub(crate) fn is_common_word(word: &str) -> bool {
    word.chars().count() > 1 && common_words().contains_key(word)
}

/// Whether a common word is also a surname often enough to stand after a
/// title ("Mr Young", "Speaker Levy"): the corpus capitalises it inside a
/// sentence at least once in 40 times ("young" 112 of 913, "foster" 9 of
/// 326), where a plain noun or verb almost never is ("students" 16 of 883,
/// "implemented" 1 of 512).
pub(crate) fn may_be_surname(word: &str) -> bool {
    common_words()
        .get(word)
        .is_none_or(|&(low, cap)| cap * 40 >= low + cap)
}

/// Whether a word as written may be a common word: not an acronym or
/// all-capital word of an organisation's name ("START", "ASEAN") and no
/// capital inside it ("al-Qaeda", "McDonald").
pub(crate) fn written_as_word(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && !letters.iter().skip(1).any(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_list_tells_words_from_names() {
        for w in ["members", "campaign", "inclusivity"] {
            assert!(is_common_word(w), "{w}");
        }
        // names the text capitalises, and initials
        for w in ["price", "bush", "moon", "howard", "a", "y"] {
            assert!(!is_common_word(w), "{w}");
        }
        assert!(may_be_surname("young"));
        assert!(!may_be_surname("students"));
        assert!(written_as_word("Campaign"));
        assert!(!written_as_word("START"));
        assert!(!written_as_word("al-Qaeda"));
    }
}
