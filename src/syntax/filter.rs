//! Which sentences are worth parsing: those holding a word that may be an
//! inflection of a lemma of interest (the event triggers). Parsing is two
//! thirds of the pipeline's time; most sentences of a press release hold
//! no trigger at all.
//!
//! A word may inflect a lemma when it is one of the lemma's regular
//! English inflections ("agree": agrees, agreed, agreeing; "apply":
//! applies, applied; "ban": banned, banning; the "-e" dropped, the "-y"
//! turned to "-ie", the final consonant doubled) or when the lemmatiser's
//! exception table maps it to the lemma ("met" → "meet"). The forms are
//! generated generously (a few are not words), so that no regular
//! inflection is missed.

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// The regular and irregular forms of a set of lemmas.
#[derive(Debug, Clone, Default)]
pub struct LemmaFilter {
    forms: Set,
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
            for form in regular_forms(l) {
                filter.forms.insert(form);
            }
        }
        // Irregular forms: the lemmatiser's suffix rules run backwards
        // ("held" → "hold" by the rule "-eld" → "-old"), then its
        // exceptions (one pass over the text, which is read at start-up).
        let mut by_add: std::collections::HashMap<&str, Vec<(&str, usize)>> =
            std::collections::HashMap::new();
        for line in lemmatizer_text.lines() {
            let mut cols = line.split('\t');
            match (
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next(),
            ) {
                // (strip-only rules give the regular forms made above; run
                // backwards they would make thousands per lemma)
                (Some("R"), Some(upos), Some(suffix), Some(strip), Some(add))
                    if matches!(upos, "VERB" | "NOUN" | "ADJ" | "AUX") && !add.is_empty() =>
                {
                    if let Ok(strip) = strip.parse::<usize>() {
                        by_add.entry(add).or_default().push((suffix, strip));
                    }
                }
                (Some("E"), Some(_), Some(form), Some(lemma), None) => {
                    // (lower-cased only when it is not: most lemmas are)
                    let known = if lemma
                        .chars()
                        .any(|c| !c.is_lowercase() && c.is_alphabetic())
                    {
                        lemmas.contains(&lemma.to_lowercase())
                    } else {
                        lemmas.contains(lemma)
                    };
                    if known {
                        filter.forms.insert(form.to_lowercase());
                    }
                }
                _ => {}
            }
        }
        for l in &lemmas {
            for form in inverse_rule_forms(l, &by_add) {
                filter.forms.insert(form);
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
        self.forms.contains(&*lower)
    }

    /// Whether a sentence of these words holds a possible inflection.
    pub fn admits(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.may_inflect(w))
    }
}

/// The forms a suffix rule (form ending in `suffix`: strip `strip` chars,
/// add `add`) maps to `lemma`, for every rule whose `add` ends the lemma.
fn inverse_rule_forms(
    lemma: &str,
    by_add: &std::collections::HashMap<&str, Vec<(&str, usize)>>,
) -> Vec<String> {
    let mut out = Vec::new();
    let ends: Vec<usize> = lemma
        .char_indices()
        .map(|(i, _)| i)
        .chain([lemma.len()])
        .collect();
    for &cut in ends.iter().rev().take(6) {
        let (stem, add) = lemma.split_at(cut);
        let Some(rules) = by_add.get(add) else {
            continue;
        };
        for &(suffix, strip) in rules {
            let Some(removed) = suffix
                .char_indices()
                .rev()
                .nth(strip.saturating_sub(1))
                .map(|(i, _)| &suffix[i..])
                .filter(|_| strip > 0)
                .or((strip == 0).then_some(""))
            else {
                continue;
            };
            let form = format!("{stem}{removed}");
            if form.ends_with(suffix) && form != lemma {
                out.push(form);
            }
        }
    }
    out
}

/// The lemma and its regular inflections (nouns' plurals, verbs' third
/// person, past and gerund).
fn regular_forms(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let suffixes = ["s", "es", "d", "ed", "ing"];
    out.extend(suffixes.iter().map(|s| format!("{lemma}{s}")));
    let vowel = |c: char| "aeiou".contains(c);
    let chars: Vec<char> = lemma.chars().collect();
    if let Some(stem) = lemma.strip_suffix('e') {
        out.push(format!("{stem}ing"));
    }
    if let Some(stem) = lemma.strip_suffix('y') {
        if chars.len() >= 2 && !vowel(chars[chars.len() - 2]) {
            out.extend(["ies", "ied"].iter().map(|s| format!("{stem}{s}")));
        }
    }
    if let [.., a, b, c] = chars.as_slice() {
        // "ban" → "banned": consonant, vowel, consonant doubles
        if !vowel(*a) && vowel(*b) && !vowel(*c) && !"wxy".contains(*c) {
            out.extend(["ed", "ing", "s"].iter().map(|s| format!("{lemma}{c}{s}")));
        }
    }
    out
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
        for w in ["said", "the", "mat", "ap", "agreement"] {
            assert!(!f.may_inflect(w), "{w}");
        }
        // Upper case and non-ASCII words take the slow path.
        assert!(f.may_inflect("AGREED"));
        assert!(!f.may_inflect("Ägreed") && !f.may_inflect("significant"));
        let g = LemmaFilter::new(["go", "ban", "make"], "");
        for w in ["goes", "banned", "banning", "making", "makes"] {
            assert!(g.may_inflect(w), "{w}");
        }
        assert!(!g.may_inflect("g") && !g.may_inflect("bank"));
        // an irregular form by a suffix rule run backwards
        let h = LemmaFilter::new(["hold"], "R\tVERB\teld\t3\told\n");
        assert!(h.may_inflect("held"));
        assert!(f.admits(&["Gondor", "met", "Arnor"]));
        assert!(!f.admits(&["Gondor", "said", "so"]));
    }
}
