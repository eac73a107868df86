//! A body's name that swallowed the person after it.
//!
//! The tagger sometimes runs an organisation's name on into the name of
//! the person who holds an office in it: "Director of the Office of the
//! Foreign Affairs Commission Wang Yi", "National Security Advisors
//! Sullivan". When the last words of an ORG or MISC mention are the full
//! name of a person the document names elsewhere (two or more words),
//! those words are that person and the body ends before them (one sense
//! per document, as in `persons_in_any_case`). A surname alone is not
//! enough ("Street", "Corridor" or "Minh" end too many names), and neither
//! is a "person" whose last word names a body ("National Council": the
//! tagger's error elsewhere).

use crate::doc::{Doc, EntityType, Mention, Origin};
use crate::lexicon::{WordClass, WordClasses};

/// Splits the person off the end of the tagger's body names.
pub(super) fn persons_closing_bodies(
    doc: &Doc,
    classes: &WordClasses,
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let words = |r: std::ops::Range<usize>| -> Vec<String> {
        r.map(|i| doc.token_text(i).to_lowercase()).collect()
    };
    let mut names: Vec<Vec<String>> = Vec::new();
    for m in mentions
        .iter()
        .filter(|m| m.label == EntityType::Person && m.tokens.len() >= 2)
        .filter(|m| {
            let last = doc.token_text(m.tokens.end - 1).to_lowercase();
            !classes.has(WordClass::BodyWord, &last)
        })
    {
        names.push(words(m.tokens.clone()));
    }
    if names.is_empty() {
        return mentions;
    }
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions {
        let body = matches!(m.label, EntityType::Org | EntityType::Misc);
        let n = m.tokens.len();
        let tail = (body && m.origin == Origin::Model && n >= 2)
            .then(|| {
                (1..n)
                    .rev()
                    .find(|&k| names.contains(&words(m.tokens.end - k..m.tokens.end)))
            })
            .flatten();
        let Some(k) = tail else {
            out.push(m);
            continue;
        };
        let cut = m.tokens.end - k;
        let person = Mention {
            span: doc.token_span(cut, m.tokens.end - 1),
            tokens: cut..m.tokens.end,
            label: EntityType::Person,
            ..m.clone()
        };
        out.push(Mention {
            span: doc.token_span(m.tokens.start, cut - 1),
            tokens: m.tokens.start..cut,
            ..m
        });
        out.push(person);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::testing::split_doc as doc;

    fn mention(doc: &Doc, tokens: std::ops::Range<usize>, label: EntityType) -> Mention {
        Mention {
            span: doc.token_span(tokens.start, tokens.end - 1),
            sentence: doc.sentence_of_token(tokens.start),
            tokens,
            label,
            score: None,
            origin: Origin::Model,
            entry: None,
        }
    }

    #[test]
    fn a_person_named_elsewhere_is_cut_off_the_body_before_it() {
        // Hirgon(0) Tarvel(1) spoke(2) .(3) Harbour(4) Council(5) Hirgon(6) Tarvel(7)
        // agreed(8) .(9) Harbour(10) Council(11) Tarvel(12) met(13) .(14)
        let d = doc(
            "Hirgon Tarvel spoke. Harbour Council Hirgon Tarvel agreed. Harbour Council Tarvel met.",
        );
        let mentions = vec![
            mention(&d, 0..2, EntityType::Person),
            mention(&d, 4..8, EntityType::Org),
            mention(&d, 10..13, EntityType::Org),
        ];
        let out = persons_closing_bodies(&d, &WordClasses::embedded(), mentions);
        let got: Vec<(&str, EntityType)> =
            out.iter().map(|m| (d.span_text(m.span), m.label)).collect();
        assert_eq!(
            got,
            [
                ("Hirgon Tarvel", EntityType::Person),
                ("Harbour Council", EntityType::Org),
                ("Hirgon Tarvel", EntityType::Person),
                ("Harbour Council Tarvel", EntityType::Org),
            ]
        );
    }
}
