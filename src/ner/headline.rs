//! Title Case headings, truecased for the tagger.
//!
//! A press release's title and subheadings capitalise common words ("Further
//! Democratic Reforms and Promote Mutual Prosperity", "United States Imposes
//! Sanctions on …"). The CoNLL-trained tagger has seen few such lines and
//! reads their capitals as a long name. Before tagging, a heading's word is
//! given the case the same document's body uses for it: a word written in
//! lower case more often than capitalised in the body's running text is
//! lower-cased; names keep their capitals (the body writes them so too).

use std::borrow::Cow;
use std::collections::HashMap;

use crate::doc::Doc;
use crate::lexicon::{WordClass, WordClasses};

/// A lower-case word this short may stand in a Title Case heading ("with",
/// "from", "by"): headings leave short function words in lower case.
const SHORT_WORD: usize = 4;

/// At least this many capitalised words make a heading: shorter lines
/// ("Office of the Spokesperson", "Ministry of Foreign Affairs" as a closing
/// line, a byline) are names already.
const MIN_CAPITALISED: usize = 4;

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn starts_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

/// Whether the words of a sentence make a Title Case heading: every
/// lower-case word is a short or name-internal function word, at least
/// `MIN_CAPITALISED` words are capitalised, and not all are capitals
/// (all-caps lines have features of their own).
pub fn is_title_case(words: &[&str], classes: &WordClasses) -> bool {
    let mut capitalised = 0;
    let mut all_caps = true;
    for w in words {
        if starts_upper(w) {
            capitalised += 1;
            all_caps &= !w.chars().any(char::is_lowercase);
        } else if starts_lower(w)
            && w.chars().count() > SHORT_WORD
            && !classes.has(WordClass::NameFunctionWord, w)
        {
            return false;
        }
    }
    capitalised >= MIN_CAPITALISED && !all_caps
}

/// The sentences' words as the tagger should see them: heading words that
/// the body writes in lower case are lower-cased, all else as written.
pub fn tagger_words<'d>(doc: &'d Doc, classes: &WordClasses) -> Vec<Vec<Cow<'d, str>>> {
    let sentences: Vec<Vec<&str>> = doc
        .sentences
        .iter()
        .map(|s| s.tokens.clone().map(|i| doc.token_text(i)).collect())
        .collect();
    let heading: Vec<bool> = sentences
        .iter()
        .map(|s| is_title_case(s, classes))
        .collect();
    if !heading.contains(&true) {
        return borrowed(sentences);
    }
    // (lower-case, capitalised) counts of each word in the body's running
    // text, sentence-initial words left out
    let mut body: HashMap<String, (u32, u32)> = HashMap::new();
    for (words, _) in sentences.iter().zip(&heading).filter(|(_, &h)| !h) {
        for w in words.iter().skip(1) {
            let c = body.entry(w.to_lowercase()).or_default();
            if starts_lower(w) {
                c.0 += 1;
            } else if starts_upper(w) {
                c.1 += 1;
            }
        }
    }
    sentences
        .into_iter()
        .zip(heading)
        .map(|(words, h)| {
            words
                .into_iter()
                .map(|w| {
                    let lower = w.to_lowercase();
                    // (function words keep their capitals: they carry no
                    // evidence, and "The" opens many a name line)
                    let common = h
                        && starts_upper(w)
                        && !classes.has(WordClass::NameFunctionWord, &lower)
                        && body.get(&lower).is_some_and(|&(l, c)| l > c);
                    if common {
                        Cow::Owned(lower)
                    } else {
                        Cow::Borrowed(w)
                    }
                })
                .collect()
        })
        .collect()
}

fn borrowed(sentences: Vec<Vec<&str>>) -> Vec<Vec<Cow<'_, str>>> {
    sentences
        .into_iter()
        .map(|s| s.into_iter().map(Cow::Borrowed).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::DocInfo;
    use crate::ner::stage::ModelChoice;
    use crate::pipeline::{Dicts, Pipeline};

    fn words(text: &str) -> Vec<Vec<String>> {
        let base = Pipeline::with_model(&Dicts::default(), &ModelChoice::None).unwrap();
        let mut doc = Doc::new(DocInfo::default(), text.to_string());
        base.process(&mut doc);
        tagger_words(&doc, &WordClasses::embedded())
            .into_iter()
            .map(|s| s.into_iter().map(|w| w.into_owned()).collect())
            .collect()
    }

    #[test]
    fn title_case_lines_are_told_from_prose_and_names() {
        let c = WordClasses::embedded();
        assert!(is_title_case(
            &[
                "Ministry",
                "Announces",
                "New",
                "Measures",
                "for",
                "Fisheries"
            ],
            &c
        ));
        // prose, a short name line, an all-caps line
        assert!(!is_title_case(
            &["The", "ministry", "announced", "new", "measures"],
            &c
        ));
        assert!(!is_title_case(
            &["Ministry", "of", "Foreign", "Affairs"],
            &c
        ));
        assert!(!is_title_case(
            &["MINISTRY", "ANNOUNCES", "NEW", "MEASURES"],
            &c
        ));
    }

    #[test]
    fn heading_words_take_the_bodys_case() {
        let w = words(
            "Harbour Board Announces New Measures for Coastal Fisheries\n\n\
             The Harbour Board said on Monday that the new measures protect coastal fisheries. \
             Officials of the Harbour Board announced them.",
        );
        // "Harbour Board" is capitalised in the body, "new measures" and
        // "coastal fisheries" are not; "Announces" is unseen and stays
        assert_eq!(
            w[0],
            [
                "Harbour",
                "Board",
                "Announces",
                "new",
                "measures",
                "for",
                "coastal",
                "fisheries"
            ]
        );
        // the body is left as written
        assert_eq!(w[1][1], "Harbour");
        // no heading: nothing changes
        let plain = words("The board met. It announced new measures.");
        assert_eq!(plain[0][0], "The");
    }
}
