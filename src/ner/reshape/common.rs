//! The tagger's PERSON spans that the document itself shows are not a
//! person's name (issue 13, item 1: junk persons on unseen documents).
//! (A heading's name that runs into its next word is cut to the shorter
//! name the text or the gazetteer gives as a person's: "Joe Biden
//! [Celebrating] …".)
//!
//! A capitalised word is a name when the text never writes it otherwise;
//! words the same document also writes in lower case inside a sentence
//! ("policy", "law", "call", "review") are common words. So a PERSON span
//! made only of such words is no name ("Humanitarian Law", "Independent
//! Review", "Cynicism"), a headline's noun after a name is cut ("Kamala
//! Harris [Call] with …"), and a span that opens with a preposition or a
//! determiner is a heading's phrase, never a name ("Via Teleconference",
//! "Near Kharkiv"). A role word before the name is trimmed
//! ("Vice-Chairman Ulanfu" → "Ulanfu"). A common word that is a person's
//! surname stays a name when the document gives the full name elsewhere
//! ("Samantha Power" … "Power said") or a title or form of address stands
//! before it ("Mr Price", "President Bush"). A name after "Member for" is
//! an electorate, a GPE (dev README).

use std::collections::HashSet;

use super::in_heading;
use crate::doc::{Doc, EntityType, Mention, Origin};
use crate::lexicon::{WordClass, WordClasses};
use crate::ner::gazetteer::Gazetteer;

/// The fewest words a name keeps when a common word is cut from its end.
const MIN_NAME_WORDS: usize = 2;

/// The document's evidence: the words it writes in lower case inside a
/// sentence, and the words of its multi-word person names.
struct Evidence<'a> {
    /// (token texts of the document: no copies)
    lower: HashSet<&'a str>,
    name_words: HashSet<String>,
    /// The texts of the multi-word person names.
    names: HashSet<String>,
    /// Per token, whether its line is a heading (computed once per line: a
    /// test per mention would read a long one-line document again for each).
    heading: Vec<bool>,
}

impl<'a> Evidence<'a> {
    fn new(doc: &'a Doc, mentions: &[Mention]) -> Evidence<'a> {
        let mut lower = HashSet::new();
        for s in &doc.sentences {
            for i in s.tokens.clone().skip(1) {
                let w = doc.token_text(i);
                let word = w.chars().any(char::is_alphabetic)
                    && w.chars().all(|c| c.is_lowercase() || c == '-');
                if word {
                    lower.insert(w);
                }
            }
        }
        let persons = || {
            mentions
                .iter()
                .filter(|m| m.label == EntityType::Person && m.tokens.len() >= 2)
        };
        let name_words = persons()
            .flat_map(|m| m.tokens.clone())
            .map(|i| doc.token_text(i).to_lowercase())
            .collect();
        let names = persons()
            .map(|m| doc.span_text(m.span).to_string())
            .collect();
        Evidence {
            lower,
            name_words,
            names,
            heading: heading_tokens(doc),
        }
    }

    /// The end of the longest shorter name that the document gives as a
    /// person's on its own and that opens `start..end` (a Title Case
    /// headline runs a name into its next word: "Kim Dalsgaard Call with
    /// …" where the text says "Kim Dalsgaard").
    fn known_name_end(
        &self,
        doc: &Doc,
        gazetteer: &Gazetteer,
        start: usize,
        end: usize,
    ) -> Option<usize> {
        (start + MIN_NAME_WORDS..end).rev().find(|&e| {
            let name = doc.span_text(doc.token_span(start, e - 1));
            self.names.contains(name)
                || gazetteer
                    .lookup(name)
                    .is_some_and(|g| g.label == EntityType::Person)
        })
    }

    /// Whether the document writes the word in lower case (an all-capital
    /// word of a heading counts as well: "PRICE" for "price") and no other
    /// person's name of several words (than `own`, the span's text) holds it.
    fn common(&self, word: &str, own: &str) -> bool {
        let w = word.to_lowercase();
        if !self.lower.contains(w.as_str()) {
            return false;
        }
        !self.name_words.contains(&w)
            || !self
                .names
                .iter()
                .any(|n| n != own && n.split_whitespace().any(|x| x.to_lowercase() == w))
    }
}

/// Per token, whether it stands in a heading line ([`in_heading`], asked
/// once per line).
fn heading_tokens(doc: &Doc) -> Vec<bool> {
    let n = doc.tokens.len();
    let mut heading = vec![false; n];
    let mut a = 0;
    while a < n {
        let mut b = a + 1;
        while b < n && doc.tokens[b].newlines_before == 0 {
            b += 1;
        }
        if in_heading(doc, a) {
            heading[a..b].fill(true);
        }
        a = b;
    }
    heading
}

/// Whether a word is a role, rank or form of address, a hyphenated one
/// included when each of its parts is one or a function word
/// ("Vice-Chairman", "Editor-in-Chief").
pub(crate) fn is_role_word(words: &WordClasses, word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    if words.has(WordClass::RoleWord, &w) {
        return true;
    }
    let parts: Vec<&str> = w.split('-').collect();
    parts.len() > 1
        && parts.iter().any(|p| words.has(WordClass::RoleWord, p))
        && parts
            .iter()
            .all(|p| words.has(WordClass::RoleWord, p) || words.has(WordClass::NameFunctionWord, p))
}

/// The tagger's PERSON spans without the words the document shows are
/// not a name's; spans with no name left go.
pub(crate) fn persons_the_text_confirms(
    doc: &Doc,
    words: &WordClasses,
    gazetteer: &Gazetteer,
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    if !mentions.iter().any(|m| m.label == EntityType::Person) {
        return mentions;
    }
    let evidence = Evidence::new(doc, &mentions);
    mentions
        .into_iter()
        .filter_map(|m| {
            if m.label != EntityType::Person || m.origin != Origin::Model {
                return Some(m);
            }
            confirmed(doc, (words, gazetteer), &evidence, m)
        })
        .collect()
}

/// One PERSON span, trimmed, or `None` when no name is left.
fn confirmed(
    doc: &Doc,
    (words, gazetteer): (&WordClasses, &Gazetteer),
    ev: &Evidence,
    m: Mention,
) -> Option<Mention> {
    let (mut start, mut end) = (m.tokens.start, m.tokens.end);
    // "Member for Kooyong": an electorate, a GPE (dev README)
    let member_for = start >= 2
        && doc.token_text(start - 1) == "for"
        && doc.token_text(start - 2).eq_ignore_ascii_case("member");
    if member_for {
        return Some(Mention {
            label: EntityType::Gpe,
            ..m
        });
    }
    if words.is_phrase_opener(doc.token_text(start)) {
        return None;
    }
    // "… Jaishankar Before Their Meeting": a function word ends a name
    if let Some(f) = (start + 1..end).find(|&i| words.is_phrase_opener(doc.token_text(i))) {
        end = f;
    }
    if ev.heading.get(start).copied().unwrap_or(false) {
        if let Some(e) = ev.known_name_end(doc, gazetteer, start, end) {
            end = e;
        }
    }
    while start < end && is_role_word(words, doc.token_text(start)) {
        start += 1;
    }
    if start == end {
        // titles only ("Vice Premier")
        return None;
    }
    let own = doc.span_text(m.span);
    while end - start > MIN_NAME_WORDS && ev.common(doc.token_text(end - 1), own) {
        end -= 1;
    }
    let titled = start
        .checked_sub(1)
        .is_some_and(|p| is_role_word(words, doc.token_text(p)));
    if !titled && (start..end).all(|i| ev.common(doc.token_text(i), own)) {
        return None;
    }
    if (start, end) == (m.tokens.start, m.tokens.end) {
        return Some(m);
    }
    Some(Mention {
        span: doc.token_span(start, end - 1),
        tokens: start..end,
        score: None,
        ..m
    })
}

#[cfg(test)]
mod tests {
    use crate::doc::EntityType::{Misc, Person};
    use crate::ner::stage::tests::{owned, reshaped as tagged};

    #[test]
    fn a_heading_phrase_is_no_person() {
        // a preposition or determiner opens a phrase, never a name
        assert_eq!(
            tagged(
                "Press Call on Trade\n\nVia Teleconference\n\nThe talks began.",
                &[("Via Teleconference", "PER")]
            ),
            vec![]
        );
        // an initial is no determiner
        assert_eq!(
            tagged(
                "A. Ruiz Torvald spoke today.",
                &[("A. Ruiz Torvald", "PER")]
            ),
            owned(&[("A. Ruiz Torvald", Person)])
        );
    }

    #[test]
    fn words_the_text_writes_in_lower_case_are_no_name() {
        // "review" and "independent" are written in lower case as well
        assert_eq!(
            tagged(
                "The Independent Review reported. An independent review is due, the minister said.",
                &[("Independent Review", "PER")]
            ),
            vec![]
        );
        // a headline's noun after a name is cut
        assert_eq!(
            tagged(
                "Kim Dalsgaard Call with Traders\n\nThe call lasted an hour.",
                &[("Kim Dalsgaard Call", "PER")]
            ),
            owned(&[("Kim Dalsgaard", Person)])
        );
    }

    #[test]
    fn a_headline_word_after_a_name_is_cut() {
        // the text gives the shorter name on its own
        assert_eq!(
            tagged(
                "Readout of Lena Dahl Meeting with Traders\n\nMinister Lena Dahl met traders today.",
                &[("Lena Dahl Meeting", "PER"), (">Lena Dahl", "PER")]
            ),
            owned(&[("Lena Dahl", Person), ("Lena Dahl", Person)])
        );
        // a preposition ends a name
        assert_eq!(
            tagged(
                "Remarks by Sara Moe Before Their Meeting\n\nShe spoke first.",
                &[("Sara Moe Before Their Meeting", "PER")]
            ),
            owned(&[("Sara Moe", Person)])
        );
    }

    #[test]
    fn a_common_word_that_is_a_surname_stays_a_name() {
        // the full name elsewhere, or a title before it, keeps it
        assert_eq!(
            tagged(
                "Mara Power arrived. Later Power said the power cuts had ended.",
                &[("Mara Power", "PER"), ("Power", "PER")]
            ),
            owned(&[("Mara Power", Person), ("Power", Person)])
        );
        assert_eq!(
            tagged("Mr Hall thanked the staff of the hall.", &[("Hall", "PER")]),
            owned(&[("Hall", Person)])
        );
    }

    #[test]
    fn titles_before_a_name_go_and_titles_alone_are_no_person() {
        assert_eq!(
            tagged(
                "Vice-Chairman Teodor Lanz arrived.",
                &[("Vice-Chairman Teodor Lanz", "PER")]
            ),
            owned(&[("Teodor Lanz", Person)])
        );
        assert_eq!(
            tagged("The Vice Premier arrived.", &[("Vice Premier", "PER")]),
            vec![]
        );
    }

    #[test]
    fn a_members_electorate_is_a_place() {
        use crate::doc::EntityType::Gpe;
        assert_eq!(
            tagged(
                "Ana Ruiz, Member for Tarrow, said so.",
                &[("Ana Ruiz", "PER"), ("Tarrow", "PER")]
            ),
            owned(&[("Ana Ruiz", Person), ("Tarrow", Gpe)])
        );
    }

    #[test]
    fn a_ship_is_no_person() {
        assert_eq!(
            tagged(
                "The crew of HMAS Warrego returned.",
                &[("HMAS Warrego", "PER")]
            ),
            owned(&[("HMAS Warrego", Misc)])
        );
    }
}
