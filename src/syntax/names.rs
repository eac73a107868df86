//! Which words of a sentence the parser does not see: the inner words of
//! a person's name and the title chain before it.
//!
//! Press releases name people as "President of Arnor Ingold Targon" or
//! "Minister of Foreign Affairs of the Republic of Gondor Hirgon Baranor".
//! A treebank parser has seen few such chains and breaks the sentence's
//! tree on them, so the verb loses its subject. The stage parses the
//! sentence with the name reduced to its last word, and the title chain
//! as a phrase of its own hung on that word (`nmod:desc`, as UD English
//! attaches "President" in "President Bush").

use std::ops::Range;

use crate::doc::{Doc, EntityType, FormKind, Origin, Words};
use crate::text::titles::{TitleKind, Titles};

/// A title chain before a person's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TitlePrefix {
    /// Its tokens, ending where the name begins.
    pub tokens: Range<usize>,
    /// The name's last word, which the chain's own root hangs on.
    pub name_head: usize,
}

/// The reductions of one document.
#[derive(Debug, Clone, Default)]
pub(super) struct NamePlan {
    /// Token → the last word of the multi-word name it is an inner word of
    /// (hung on it as `flat`), or of the appositive name whose closing
    /// comma it is (as `punct`).
    pub flat_head: Vec<Option<usize>>,
    /// The title chains, in text order.
    pub prefixes: Vec<TitlePrefix>,
    /// Token → left out of the sentence's parse (a name's inner word or in
    /// a title chain).
    pub hidden: Vec<bool>,
    /// Token → the last word of a name of several words, which stands for
    /// the name in the parse (tagged a proper noun).
    pub name_head: Vec<bool>,
}

/// How far before a name a title chain may begin, in tokens.
const MAX_PREFIX: usize = 14;

impl NamePlan {
    /// The plan for `doc`: names from its entities layer, chains from
    /// `titles` (none without).
    pub(super) fn new(doc: &Doc, titles: Option<&Titles>) -> NamePlan {
        let n = doc.tokens.len();
        let mut plan = NamePlan {
            flat_head: vec![None; n],
            prefixes: Vec::new(),
            hidden: vec![false; n],
            name_head: vec![false; n],
        };
        let mut in_person = vec![false; n];
        for m in doc
            .entities
            .iter()
            .filter(|m| m.label == EntityType::Person)
        {
            for k in m.tokens.clone().filter(|&k| k < n) {
                in_person[k] = true;
            }
        }
        let names = doc
            .entities
            .iter()
            .filter(|m| m.tokens.end <= n && reducible(doc, m));
        for m in names {
            let Some(last) = m.tokens.end.checked_sub(1) else {
                continue;
            };
            if doc.sentence_of_token(m.tokens.start) != doc.sentence_of_token(last) {
                // a name across a sentence break: heads stay in sentences
                continue;
            }
            for i in m.tokens.start..last {
                plan.flat_head[i] = Some(last);
                plan.hidden[i] = true;
            }
            // (a one-word place or organisation too, when a gazetteer
            // knows it: "Umbar extended its thanks", "Rohan cut ties" read
            // as an adverb and an adjective before their verb; not a
            // people's name, an adjective as often as a noun, nor the
            // tagger's one-word names, common words as often: "General
            // (Retired)", "the General Staff"; nor an acronym's plural,
            // "MEPs", no singular proper noun)
            let one_word_name =
                matches!(m.label, EntityType::Gpe | EntityType::Org | EntityType::Loc)
                    && m.origin == Origin::Gazetteer
                    && !acronym_plural(doc.raw(last));
            if last > m.tokens.start || one_word_name {
                plan.name_head[last] = true;
            }
            if m.label != EntityType::Person {
                continue;
            }
            let Some(titles) = titles else { continue };
            if let Some(start) = title_chain_start(doc, titles, &in_person, m.tokens.start) {
                for h in &mut plan.hidden[start..m.tokens.start] {
                    *h = true;
                }
                plan.prefixes.push(TitlePrefix {
                    tokens: start..m.tokens.start,
                    name_head: last,
                });
                // "The Foreign Minister, X, said": the appositive's closing
                // comma goes with the name, or "X ," reads as no subject
                let appositive = m.tokens.start > start && doc.norm(m.tokens.start - 1) == ",";
                let close = m.tokens.end;
                if appositive
                    && close < n
                    && doc.norm(close) == ","
                    && doc.sentence_of_token(close) == doc.sentence_of_token(last)
                {
                    plan.flat_head[close] = Some(last);
                    plan.hidden[close] = true;
                }
            }
        }
        plan
    }
}

/// Whether a name is parsed as its last word: a person's name, or a
/// place's, organisation's or group's name of capitalised words only
/// ("United States", "New Zealand", "Hamas Political Bureau"), whose
/// inner words a treebank model mistakes for adjectives and verbs. Names
/// with inner function words ("Ministry of Foreign Affairs") keep their
/// own structure: their head is their first word.
fn reducible(doc: &Doc, m: &crate::doc::Mention) -> bool {
    match m.label {
        EntityType::Person => true,
        EntityType::Gpe | EntityType::Org | EntityType::Loc | EntityType::Norp => m
            .tokens
            .clone()
            .all(|i| doc.raw(i).chars().next().is_some_and(char::is_uppercase)),
        _ => false,
    }
}

/// Whether `word` is an acronym's plural ("MEPs", "NGOs"): a plural noun.
fn acronym_plural(word: &str) -> bool {
    let mut rev = word.chars().rev();
    rev.next() == Some('s') && rev.next().is_some_and(char::is_uppercase)
}

/// The first token of the longest title chain that ends right before the
/// name starting at `name`, within its sentence.
fn title_chain_start(doc: &Doc, titles: &Titles, in_person: &[bool], name: usize) -> Option<usize> {
    let sentence = doc.sentences.get(doc.sentence_of_token(name))?;
    let floor = sentence.tokens.start.max(name.saturating_sub(MAX_PREFIX));
    let chain = Chain {
        doc,
        titles,
        in_person,
        lower: doc.words(FormKind::Norm),
        raw: doc.words(FormKind::Raw),
        name,
    };
    // a chain never holds another person's name ("President A B Jr. of
    // Gondor and Prime Minister C D": "Jr." ends A B's name, it is no
    // title of C D's)
    let free_from = (floor..name)
        .rev()
        .find(|&k| in_person.get(k).copied().unwrap_or(false))
        .map_or(floor, |k| k + 1);
    (free_from..name).find(|&s| chain.reaches_name(s))
}

/// The words before one name.
struct Chain<'a> {
    doc: &'a Doc,
    titles: &'a Titles,
    /// Token → inside a PERSON mention (a field never crosses a name).
    in_person: &'a [bool],
    lower: crate::doc::DocWords<'a>,
    raw: crate::doc::DocWords<'a>,
    name: usize,
}

impl Chain<'_> {
    /// Whether a chain starting at `s` runs up to the name:
    /// `[AFFILIATION ['s]] TITLE ((of|for) [the] WHAT | [and] TITLE)*`,
    /// where WHAT is an entity or a run of capitalised words.
    fn reaches_name(&self, s: usize) -> bool {
        let mut pos = s;
        if let Some(end) = self.affiliation_end(pos) {
            pos = if self.lower.word(end) == "'s" {
                end + 1
            } else {
                end
            };
        }
        let Some(end) = self.title_end(pos) else {
            return false;
        };
        pos = end;
        while pos < self.name {
            let next = match self.lower.word(pos) {
                // "The Foreign Minister, Hirgon Baranor, said": an
                // appositive name after its title
                "," if pos + 1 == self.name => Some(self.name),
                "of" | "for" => self.what_end(pos + 1),
                // "Minister for Foreign Affairs and Trade": a title, else
                // more of the field
                "and" | "&" => self.title_end(pos + 1).or_else(|| self.what_end(pos + 1)),
                _ => self.title_end(pos),
            };
            match next {
                Some(e) if e > pos && e <= self.name => pos = e,
                _ => return false,
            }
        }
        pos == self.name
    }

    /// The end of a person's title or form of address at `i`.
    fn title_end(&self, i: usize) -> Option<usize> {
        let m = self
            .titles
            .longest_at(&self.lower, &self.raw, i, self.name)?;
        let kind = self.titles.get(m.title).kind;
        matches!(kind, TitleKind::Person | TitleKind::Honorific).then_some(m.end)
    }

    /// The end of a state, organisation or people named at `i`.
    fn affiliation_end(&self, i: usize) -> Option<usize> {
        self.doc
            .entities
            .iter()
            .find(|m| m.tokens.start == i && m.label != EntityType::Person)
            .map(|m| m.tokens.end)
            .filter(|&e| e < self.name)
    }

    /// The end of what an "of" names at `i`: "[the] ENTITY" or "[the]
    /// Capitalised Words [(, | and) Capitalised Words]…".
    fn what_end(&self, i: usize) -> Option<usize> {
        let i = if self.lower.word(i) == "the" {
            i + 1
        } else {
            i
        };
        if let Some(e) = self.affiliation_end(i) {
            return Some(e);
        }
        let capitalised = |k: usize| {
            self.raw
                .word(k)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        let person_at = |k: usize| self.in_person.get(k).copied().unwrap_or(false);
        let mut end = i;
        // (a field never runs over another person's name: "with French
        // Minister A B, German Minister C D")
        while end < self.name && !person_at(end) {
            let listed = |k: usize| {
                capitalised(k) || matches!(self.lower.word(k), "and" | "&") && capitalised(k + 1)
            };
            if capitalised(end) {
                end += 1;
            } else if matches!(self.lower.word(end), "and" | "&") && capitalised(end + 1) {
                end += 2;
            } else if self.lower.word(end) == "," && end > i && listed(end + 1) {
                // a field's list ("Immigration, Refugees and Citizenship"),
                // or the comma before an appositive name
                end += 1;
            } else {
                break;
            }
        }
        (end > i).then_some(end.min(self.name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{DocInfo, Mention, Origin};
    use crate::text::{split_sentences, Lexical, Tokenizer};

    /// A document of `text` with entities of `(label, first, end)` tokens.
    fn doc_with(text: &str, entities: &[(EntityType, usize, usize)]) -> Doc {
        let lexical = Lexical::embedded();
        let mut doc = Doc::new(DocInfo::default(), text.to_string());
        let tokens = Tokenizer::new(lexical.clone()).tokenize(doc.text(), &[]);
        doc.set_tokens(tokens);
        doc.sentences = split_sentences(doc.text(), &doc.tokens, &lexical);
        for &(label, a, b) in entities {
            doc.entities.push(Mention {
                span: doc.token_span(a, b - 1),
                tokens: a..b,
                sentence: doc.sentence_of_token(a),
                label,
                score: None,
                origin: Origin::Gazetteer,
                entry: None,
            });
        }
        doc
    }

    fn titles() -> Titles {
        Titles::with_user_files(&[], &Tokenizer::new(Lexical::embedded())).unwrap()
    }

    #[test]
    fn a_title_chain_with_of_phrases_is_reduced_up_to_the_name() {
        // 0 Foreign 1 Minister 2 of 3 the 4 Republic 5 of 6 Gondor
        // 7 Hirgon 8 Baranor 9 met 10 the 11 envoy 12 .
        let text = "Foreign Minister of the Republic of Gondor Hirgon Baranor met the envoy.";
        let doc = doc_with(text, &[(EntityType::Gpe, 4, 7), (EntityType::Person, 7, 9)]);
        let plan = NamePlan::new(&doc, Some(&titles()));
        assert_eq!(
            plan.prefixes,
            vec![TitlePrefix {
                tokens: 0..7,
                name_head: 8
            }]
        );
        assert_eq!(plan.flat_head[7], Some(8));
        assert!(!plan.hidden[8] && !plan.hidden[9]);
    }

    #[test]
    fn an_affiliation_before_the_title_belongs_to_the_chain() {
        // 0 Gondor 1 's 2 Defence 3 Minister 4 Hirgon 5 Baranor 6 arrived
        let text = "Gondor's Defence Minister Hirgon Baranor arrived.";
        let doc = doc_with(text, &[(EntityType::Gpe, 0, 1), (EntityType::Person, 4, 6)]);
        let plan = NamePlan::new(&doc, Some(&titles()));
        assert_eq!(plan.prefixes.first().map(|p| p.tokens.clone()), Some(0..4));
    }

    #[test]
    fn a_field_list_and_an_appositive_name_end_the_chain() {
        // 0 Minister 1 for 2 Immigration 3 , 4 Refugees 5 and
        // 6 Citizenship 7 Hirgon 8 Baranor 9 spoke 10 .
        let text = "Minister for Immigration, Refugees and Citizenship Hirgon Baranor spoke.";
        let doc = doc_with(text, &[(EntityType::Person, 7, 9)]);
        let plan = NamePlan::new(&doc, Some(&titles()));
        assert_eq!(plan.prefixes.first().map(|p| p.tokens.clone()), Some(0..7));
        // 0 The 1 Minister 2 for 3 Foreign 4 Affairs 5 and 6 Trade 7 ,
        // 8 Hirgon 9 Baranor 10 , 11 spoke 12 .
        let text = "The Minister for Foreign Affairs and Trade, Hirgon Baranor, spoke.";
        let doc = doc_with(text, &[(EntityType::Person, 8, 10)]);
        let plan = NamePlan::new(&doc, Some(&titles()));
        assert_eq!(plan.prefixes.first().map(|p| p.tokens.clone()), Some(1..8));
    }

    #[test]
    fn a_field_never_runs_over_another_persons_name() {
        // 0 Minister 1 for 2 Trade 3 Ann 4 Lee 5 , 6 Minister 7 for
        // 8 Health 9 Hirgon 10 Baranor 11 spoke 12 .
        let text = "Minister for Trade Ann Lee, Minister for Health Hirgon Baranor spoke.";
        let doc = doc_with(
            text,
            &[(EntityType::Person, 3, 5), (EntityType::Person, 9, 11)],
        );
        let plan = NamePlan::new(&doc, Some(&titles()));
        let chains: Vec<_> = plan.prefixes.iter().map(|p| p.tokens.clone()).collect();
        assert_eq!(chains, vec![0..3, 6..9]);
    }

    #[test]
    fn a_chain_never_starts_inside_another_persons_name() {
        // 0 President 1 Ann 2 Lee 3 Jr. 4 of 5 Gondor 6 and 7 Prime
        // 8 Minister 9 Hirgon 10 Baranor 11 met 12 . — "Jr." ends Ann
        // Lee's name; Hirgon Baranor's chain is "Prime Minister" only
        let text = "President Ann Lee Jr. of Gondor and Prime Minister Hirgon Baranor met.";
        let doc = doc_with(
            text,
            &[
                (EntityType::Person, 1, 4),
                (EntityType::Gpe, 5, 6),
                (EntityType::Person, 9, 11),
            ],
        );
        let plan = NamePlan::new(&doc, Some(&titles()));
        let chains: Vec<_> = plan.prefixes.iter().map(|p| p.tokens.clone()).collect();
        assert_eq!(chains, vec![0..1, 7..9]);
    }

    #[test]
    fn words_that_are_no_title_leave_the_name_alone() {
        // "the envoy of" is no title chain: only the name is reduced
        let text = "Yesterday Hirgon Baranor met the envoy.";
        let doc = doc_with(text, &[(EntityType::Person, 1, 3)]);
        let plan = NamePlan::new(&doc, Some(&titles()));
        assert!(plan.prefixes.is_empty());
        assert!(!plan.hidden[0]);
    }
}
