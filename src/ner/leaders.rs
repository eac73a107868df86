//! "The Biden administration", "the Lukashenka regime", "the Howard
//! government": a leader's name right before a government noun
//! (`actors.leader-government` in `models/words.tsv`) is the leader's name,
//! whatever type the tagger gave it ("Lukashenka" as ORG, "Ortega-Murillo"
//! as GPE). Two leaders joined by a hyphen ("Biden-Harris") are no one
//! entity: MISC, which is not scored and names no actor by itself. The
//! actors stage reads the construction as the leader's state.

use crate::doc::{Doc, EntityType, Mention};
use crate::lexicon::{WordClass, WordClasses};
use crate::ner::gazetteer::{Entry, Gazetteer};

/// The hyphens that join two names in one token.
const JOINERS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];

/// The known person a leader's word names: a gazetteer name or alias, else
/// the one person whose canonical name ends in that word ("Ortega" for
/// "Daniel Ortega"; an ambiguous surname names no one).
pub(crate) fn leader_entry<'g>(gaz: &'g Gazetteer, word: &str) -> Option<&'g Entry> {
    if let Some(e) = gaz.lookup(word).filter(|e| e.label == EntityType::Person) {
        return Some(e);
    }
    let mut found = None;
    for i in 0..gaz.len() {
        let e = gaz.entry(i);
        let last = e.name.split_whitespace().last().unwrap_or("");
        if e.label == EntityType::Person && last.eq_ignore_ascii_case(word) {
            if found.is_some() {
                return None;
            }
            found = Some(e);
        }
    }
    found
}

/// The parts of a token that joins names with hyphens ("Ortega-Murillo").
pub(crate) fn name_parts(token: &str) -> Vec<&str> {
    token.split(JOINERS).collect()
}

/// Whether token `i` is a leader's name before a government noun at `i + 1`,
/// after "the": the known person its first part names.
pub(crate) fn leader_at<'g>(
    doc: &Doc,
    words: &WordClasses,
    gaz: &'g Gazetteer,
    i: usize,
) -> Option<&'g Entry> {
    if i == 0 || i + 1 >= doc.tokens.len() {
        return None;
    }
    let noun = doc.token_text(i + 1).to_lowercase();
    if !words.has(WordClass::LeaderGovernment, &noun)
        || !doc.token_text(i - 1).eq_ignore_ascii_case("the")
    {
        return None;
    }
    let parts = name_parts(doc.token_text(i));
    let capitalised = |p: &&str| p.chars().next().is_some_and(char::is_uppercase);
    if !parts.iter().all(capitalised) {
        return None;
    }
    leader_entry(gaz, parts[0])
}

/// The mentions with each leader's name before a government noun retyped:
/// PERSON for one leader, MISC for leaders joined; a tagged span that took
/// the noun in ("Biden-Harris Administration") ends before it.
pub fn leader_names(
    doc: &Doc,
    words: &WordClasses,
    gaz: &Gazetteer,
    mut mentions: Vec<Mention>,
) -> Vec<Mention> {
    for m in &mut mentions {
        let (start, end) = (m.tokens.start, m.tokens.end);
        // the name is the span's last token, or the one before a noun it holds
        let name = match end - start {
            1 => start,
            2 if words.has(
                WordClass::LeaderGovernment,
                &doc.token_text(start + 1).to_lowercase(),
            ) =>
            {
                start
            }
            _ => continue,
        };
        let Some(entry) = leader_at(doc, words, gaz, name) else {
            continue;
        };
        let joined = name_parts(doc.token_text(name)).len() > 1;
        m.tokens = name..name + 1;
        m.span = doc.token_span(name, name);
        m.score = None;
        if joined {
            m.label = EntityType::Misc;
            m.entry = None;
        } else {
            m.label = EntityType::Person;
            m.entry = Some(entry.id.clone());
        }
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Lexical, Tokenizer};

    fn gazetteer() -> Gazetteer {
        let tokenizer = Tokenizer::new(Lexical::embedded());
        Gazetteer::with_user_files(&[], &tokenizer).unwrap()
    }

    #[test]
    fn a_leaders_surname_names_the_known_person() {
        let gaz = gazetteer();
        assert_eq!(
            leader_entry(&gaz, "Lukashenka").map(|e| e.id.as_str()),
            Some("person:alexander-lukashenko")
        );
        assert_eq!(
            leader_entry(&gaz, "Ortega").map(|e| e.id.as_str()),
            Some("person:daniel-ortega")
        );
        assert!(leader_entry(&gaz, "Kingsbridge").is_none());
        assert_eq!(name_parts("Ortega-Murillo"), vec!["Ortega", "Murillo"]);
    }
}
