//! Bylines: a line "`<Name>, <title>`" ("Ana Petrova, Department
//! Spokesperson") names its author. The CoNLL-trained tagger, which has not
//! seen such lines, often takes the title for the name and leaves the name
//! out; the construction says which is which.

use crate::doc::{Doc, EntityType, Mention, Origin};
use crate::text::titles::{TitleKind, Titles};

/// The most words before a person title in a byline ("Department
/// Spokesperson", "Deputy Department Spokesperson").
const TITLE_LEAD: usize = 3;

/// A byline's name has this many words (initials included).
const NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=4;

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The byline of sentence `s`, if it is one: (name tokens, title tokens).
fn byline(
    doc: &Doc,
    titles: &Titles,
    s: std::ops::Range<usize>,
) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let comma = s.clone().find(|&i| doc.token_text(i) == ",")?;
    if !NAME_WORDS.contains(&(comma - s.start))
        || !(s.start..comma).all(|i| capitalised(doc.token_text(i)))
    {
        return None;
    }
    let raw: Vec<&str> = (comma + 1..s.end).map(|i| doc.token_text(i)).collect();
    let lower: Vec<String> = raw.iter().map(|w| w.to_lowercase()).collect();
    let n = raw.len();
    (0..=TITLE_LEAD.min(n)).find_map(|k| {
        if !raw[..k].iter().all(|w| capitalised(w)) {
            return None;
        }
        let m = titles.longest_at(&lower, &raw, k, n)?;
        (m.end == n && titles.get(m.title).kind == TitleKind::Person)
            .then_some((s.start..comma, comma + 1..s.end))
    })
}

/// `mentions` (the tagger's, reshaped, in token order) with each byline's
/// name as a PERSON and no PERSON inside its title.
pub(super) fn with_bylines(doc: &Doc, titles: &Titles, mut mentions: Vec<Mention>) -> Vec<Mention> {
    for (si, s) in doc.sentences.iter().enumerate() {
        let Some((name, title)) = byline(doc, titles, s.tokens.clone()) else {
            continue;
        };
        mentions.retain(|m| {
            !(m.label == EntityType::Person
                && title.start <= m.tokens.start
                && m.tokens.end <= title.end)
        });
        let taken = mentions
            .iter()
            .any(|m| m.tokens.start < name.end && name.start < m.tokens.end);
        if !taken {
            mentions.push(Mention {
                span: doc.token_span(name.start, name.end - 1),
                tokens: name,
                sentence: si,
                label: EntityType::Person,
                score: None,
                origin: Origin::Model,
                entry: None,
            });
        }
    }
    mentions.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    mentions
}
