//! Which sentences are worth parsing: those holding a word that may be an
//! inflection of a lemma of interest (an event trigger) together with a
//! possible inflection of each further word its phrase requires ("take
//! part": a sentence with "took" but no "part" cannot hold that trigger).
//! Parsing is two thirds of the syntax stage's time, and most sentences of
//! a press release hold some common verb or noun that heads a trigger
//! phrase ("take", "hold", "call"): without the further words about nine
//! tokens in ten were parsed on `fixtures/press`, with them about three in
//! four.
//!
//! A word may inflect a lemma when it is one of the lemma's regular
//! English inflections ("agree": agrees, agreed, agreeing; "apply":
//! applies, applied; "ban": banned, banning; the "-e" dropped, the "-y"
//! turned to "-ie", the final consonant doubled) or when the lemmatiser's
//! exception table or its table of irregular verbs maps it to the lemma
//! ("met" → "meet", "froze" → "freeze"). The forms are
//! generated generously (a few are not words), so that no regular
//! inflection is missed.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The regular and irregular forms of a set of phrases' words, and which
/// words a sentence must hold for one of the phrases to be there.
#[derive(Debug, Clone, Default)]
pub struct LemmaFilter {
    /// Form → the lemmas (ids) it may inflect.
    forms: Map,
    /// Per lemma id: the further words (ids) of each phrase it heads; an
    /// empty list when the lemma alone is a phrase.
    phrases: Vec<Vec<Box<[u32]>>>,
    /// Per lemma id: whether it is a phrase alone (a word that may inflect
    /// it admits its sentence at once).
    alone: Vec<bool>,
}

/// Short strings with a cheap hash (FNV-1a): every word of every sentence
/// is looked up.
type Map = HashMap<String, Vec<u32>, BuildHasherDefault<Fnv>>;
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
    /// The filter for `lemmas`, each a phrase of its own (see
    /// [`LemmaFilter::with_phrases`]).
    pub fn new<'a>(
        lemmas: impl IntoIterator<Item = &'a str>,
        lemmatizer_text: &str,
    ) -> LemmaFilter {
        let phrases: Vec<Vec<&str>> = lemmas.into_iter().map(|l| vec![l]).collect();
        LemmaFilter::with_phrases(&phrases, lemmatizer_text)
    }

    /// The filter for `phrases` (each a lemma and the further words that
    /// must stand in the same sentence, as a trigger row's "call on"),
    /// with irregular forms read from the lemmatiser's text form (`E upos
    /// form lemma` lines and `R` suffix rules).
    pub fn with_phrases<S: AsRef<str>>(phrases: &[Vec<S>], lemmatizer_text: &str) -> LemmaFilter {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut id_of = |w: &str| {
            let next = ids.len() as u32;
            *ids.entry(w.to_lowercase()).or_insert(next)
        };
        let mut listed: Vec<(u32, Vec<u32>)> = phrases
            .iter()
            .filter_map(|p| {
                let (head, rest) = p.split_first()?;
                let head = id_of(head.as_ref());
                let mut rest: Vec<u32> = rest.iter().map(|w| id_of(w.as_ref())).collect();
                rest.sort_unstable();
                rest.dedup();
                Some((head, rest))
            })
            .collect();
        listed.sort();
        listed.dedup();
        let mut filter = LemmaFilter {
            forms: Map::default(),
            phrases: vec![Vec::new(); ids.len()],
            alone: Vec::new(),
        };
        filter.alone = vec![false; ids.len()];
        for (head, rest) in listed {
            filter.alone[head as usize] |= rest.is_empty();
            filter.phrases[head as usize].push(rest.into_boxed_slice());
        }
        for (l, &id) in &ids {
            for form in regular_forms(l) {
                filter.add(form, id);
            }
        }
        // Irregular forms: the lemmatiser's suffix rules run backwards
        // ("held" → "hold" by the rule "-eld" → "-old"), then its
        // exceptions (one pass over the text, which is read at start-up).
        let mut by_add: HashMap<&str, Vec<(&str, usize)>> = HashMap::new();
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
                        ids.get(&lemma.to_lowercase())
                    } else {
                        ids.get(lemma)
                    };
                    if let Some(&id) = known {
                        filter.add(form.to_lowercase(), id);
                    }
                }
                _ => {}
            }
        }
        for (l, &id) in &ids {
            for form in inverse_rule_forms(l, &by_add) {
                filter.add(form, id);
            }
        }
        // (and the irregular verbs' table the lemmatiser reads: "froze")
        for (form, lemma) in super::lemma::irregular_verbs() {
            if let Some(&id) = ids.get(lemma) {
                filter.add(form.clone(), id);
            }
        }
        filter
    }

    /// Records that `form` may inflect lemma `id`.
    fn add(&mut self, form: String, id: u32) {
        let list = self.forms.entry(form).or_default();
        if !list.contains(&id) {
            list.push(id);
        }
    }

    /// The lemmas `word` may inflect (ids; empty when none).
    fn lemmas_of(&self, word: &str) -> &[u32] {
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
        self.forms.get(&*lower).map_or(&[], Vec::as_slice)
    }

    /// Whether `word` may be an inflection of one of the lemmas.
    pub fn may_inflect(&self, word: &str) -> bool {
        !self.lemmas_of(word).is_empty()
    }

    /// Whether a sentence of these words may hold one of the phrases: a
    /// possible inflection of its lemma and of each of its further words.
    pub fn admits(&self, words: &[&str]) -> bool {
        let mut present: Vec<u32> = Vec::new();
        for w in words {
            let ids = self.lemmas_of(w);
            if ids
                .iter()
                .any(|&id| self.alone.get(id as usize) == Some(&true))
            {
                return true;
            }
            present.extend_from_slice(ids);
        }
        present.sort_unstable();
        present.dedup();
        present.iter().any(|&id| {
            self.phrases.get(id as usize).is_some_and(|list| {
                list.iter()
                    .any(|rest| rest.iter().all(|r| present.binary_search(r).is_ok()))
            })
        })
    }
}

/// The forms a suffix rule (form ending in `suffix`: strip `strip` chars,
/// add `add`) maps to `lemma`, for every rule whose `add` ends the lemma.
fn inverse_rule_forms(lemma: &str, by_add: &HashMap<&str, Vec<(&str, usize)>>) -> Vec<String> {
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

    #[test]
    fn a_phrase_needs_its_further_words_in_the_sentence() {
        let phrases = vec![vec!["take", "part"], vec!["call", "on"], vec!["condemn"]];
        let f = LemmaFilter::with_phrases(&phrases, "E\tVERB\ttook\ttake\n");
        assert!(f.admits(&["Gondor", "took", "part", "in", "talks"]));
        assert!(f.admits(&["Rohan", "Calls", "ON", "Gondor"]));
        assert!(f.admits(&["They", "condemned", "it"]));
        // the head without its further word, the further word alone
        assert!(!f.admits(&["Gondor", "took", "a", "decision"]));
        assert!(!f.admits(&["the", "part", "on", "the", "left"]));
        assert!(!f.admits(&[]));
        assert!(f.may_inflect("part") && f.may_inflect("took"));
    }
}
