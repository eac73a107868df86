//! Which sentences are worth parsing: those holding a word that may be an
//! inflection of a lemma of interest (the event triggers). Parsing is two
//! thirds of the pipeline's time; most sentences of a press release hold
//! no trigger at all.
//!
//! A word may inflect a lemma when it starts with the lemma's stem (the
//! lemma without a final "e" or "y": "agre" covers "agreed", "agreeing";
//! "appl" covers "applied") or when the lemmatiser's exception table maps
//! it to the lemma ("met" → "meet"). The test over-accepts, never misses a
//! regular inflection.

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// The stems and irregular forms of a set of lemmas.
#[derive(Debug, Clone, Default)]
pub struct LemmaFilter {
    stems: Set,
    forms: Set,
    longest: usize,
    /// Chars of the shortest stem: shorter prefixes are not looked up.
    shortest: usize,
}

/// A set of short strings with a cheap hash (FNV-1a): every word of every
/// sentence is looked up several times.
type Set = HashSet<String, BuildHasherDefault<Fnv>>;

/// FNV-1a, as a [`std::hash::Hasher`].
#[derive(Debug, Clone, Copy)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl LemmaFilter {
    /// The filter for `lemmas`, with irregular forms read from the
    /// lemmatiser's text form (`E upos form lemma` lines).
    pub fn new<'a>(
        lemmas: impl IntoIterator<Item = &'a str>,
        lemmatizer_text: &str,
    ) -> LemmaFilter {
        let lemmas: HashSet<String> = lemmas.into_iter().map(str::to_lowercase).collect();
        let mut filter = LemmaFilter::default();
        for l in &lemmas {
            let stem = l
                .strip_suffix('e')
                .or_else(|| l.strip_suffix('y'))
                .filter(|s| s.chars().count() >= 3)
                .unwrap_or(l);
            let chars = stem.chars().count();
            filter.longest = filter.longest.max(chars);
            filter.shortest = if filter.stems.is_empty() {
                chars
            } else {
                filter.shortest.min(chars)
            };
            filter.stems.insert(stem.to_string());
        }
        for line in lemmatizer_text.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if let ["E", _, form, lemma] = cols.as_slice() {
                if lemmas.contains(&lemma.to_lowercase()) {
                    filter.forms.insert(form.to_lowercase());
                }
            }
        }
        filter
    }

    /// Whether `word` may be an inflection of one of the lemmas.
    pub fn may_inflect(&self, word: &str) -> bool {
        // Short ASCII words (most of them) are lower-cased on the stack.
        let mut buf = [0u8; 32];
        let lower: Cow<str> = match buf.get_mut(..word.len()) {
            Some(b) if word.is_ascii() => {
                b.copy_from_slice(word.as_bytes());
                b.make_ascii_lowercase();
                Cow::Borrowed(std::str::from_utf8(b).unwrap_or_default())
            }
            _ => Cow::Owned(word.to_lowercase()),
        };
        let lower: &str = &lower;
        if self.forms.contains(lower) {
            return true;
        }
        lower
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take(self.longest)
            .skip(self.shortest.saturating_sub(1))
            .any(|end| self.stems.contains(&lower[..end]))
    }

    /// Whether a sentence of these words holds a possible inflection.
    pub fn admits(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.may_inflect(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_irregular_forms() {
        let f = LemmaFilter::new(
            ["agree", "meet", "apply", "condemn"],
            "E\tVERB\tmet\tmeet\n",
        );
        for w in ["agreed", "Agreeing", "met", "meets", "applied", "condemns"] {
            assert!(f.may_inflect(w), "{w}");
        }
        for w in ["said", "the", "mat", "ap"] {
            assert!(!f.may_inflect(w), "{w}");
        }
        // Upper case, non-ASCII and long words take the slow path.
        for w in [
            "AGREED",
            "Condemnés",
            "condemnationsofallkindsandsortsandmore",
        ] {
            assert!(f.may_inflect(w), "{w}");
        }
        assert!(!f.may_inflect("Ägreed"));
        // A two-letter lemma is its own stem: two-char prefixes count.
        let g = LemmaFilter::new(["go", "agree"], "");
        assert!(g.may_inflect("goes") && g.may_inflect("agreeing"));
        assert!(!g.may_inflect("g") && !g.may_inflect("ag"));
        assert!(f.admits(&["Gondor", "met", "Arnor"]));
        assert!(!f.admits(&["Gondor", "said", "so"]));
    }
}
