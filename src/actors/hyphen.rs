//! Two parties named in one hyphenated word: "the U.S.-China talks", "the
//! Russian-American summit", "EU-Japan cooperation". The tokenizer keeps
//! such a word whole and the tagger reads it as one NORP or MISC mention
//! (or none), which names no actor; each part that is a country, the
//! demonym of one or an organisation of the gazetteer names a party. Each
//! party gets a span over the whole word (as "the two sides" has two spans
//! of one range); a party the text names nowhere else is listed only if an
//! event uses it. Which events may read such a word is the event coder's
//! business (a summit's parties, not "China-US relations" as a target).

use super::names::is_state_kind;
use super::Builder;
use crate::doc::{EntityType, RefKind};
use crate::ner::gazetteer::Entry;

/// The most parts a hyphenated name of parties has ("U.S.-Japan-ROK").
const MAX_PARTS: usize = 4;

impl<'a> Builder<'a> {
    /// The parties the hyphenated word at token `i` names, when every part
    /// names one and at least two distinct parties result; their spans are
    /// pushed. A word the gazetteer knows whole ("Guinea-Bissau",
    /// "Nagorno-Karabakh") is no pair.
    pub(super) fn hyphen_parties(&mut self, i: usize) -> Option<Vec<usize>> {
        let word = self.doc.raw(i);
        if !word.contains(['-', '\u{2013}']) || self.gaz.lookup(word).is_some() {
            return None;
        }
        let parts: Vec<&str> = word.split(['-', '\u{2013}']).collect();
        if parts.len() < 2 || parts.len() > MAX_PARTS {
            return None;
        }
        // (every part resolved before any actor is made)
        let mut entries: Vec<&'a Entry> = Vec::new();
        for (k, part) in parts.iter().enumerate() {
            let e = self.party_entry(part, k + 1 == parts.len())?;
            if !entries.iter().any(|x| x.id == e.id) {
                entries.push(e);
            }
        }
        if entries.len() < 2 {
            return None;
        }
        let parties: Vec<usize> = entries.iter().map(|e| self.actor_for_entry(e)).collect();
        for &a in &parties {
            self.push_span(i..i + 1, a, RefKind::Name);
        }
        Some(parties)
    }

    /// The state or organisation one part of a hyphenated word names: a
    /// capitalised country, demonym (its state) or organisation name. A
    /// people's plural as the last part is an ethnic identity, not a pair
    /// ("Cuban-Americans", "Greek-Cypriots").
    fn party_entry(&self, part: &str, last: bool) -> Option<&'a Entry> {
        if !part.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let gaz = self.gaz;
        let e = gaz.lookup(part)?;
        match e.label {
            EntityType::Gpe if is_state_kind(&e.kind) => Some(e),
            EntityType::Org if e.kind != "government" => Some(e),
            EntityType::Norp if e.kind == "demonym" => {
                let people = !e.name.eq_ignore_ascii_case(part);
                if last && people {
                    return None;
                }
                self.state_entry(e)
            }
            _ => None,
        }
    }

    /// The state entry a demonym belongs to (its parent chain, else its
    /// country code), without making an actor.
    fn state_entry(&self, e: &'a Entry) -> Option<&'a Entry> {
        let gaz = self.gaz;
        let mut parent = e.parent.as_deref().and_then(|p| gaz.by_id(p));
        for _ in 0..4 {
            match parent {
                Some(p) if p.label == EntityType::Gpe && is_state_kind(&p.kind) => return Some(p),
                Some(p) => parent = p.parent.as_deref().and_then(|q| gaz.by_id(q)),
                None => break,
            }
        }
        let iso = e.country.as_deref()?;
        gaz.by_id(&format!("country:{}", iso.to_lowercase()))
    }
}

#[cfg(test)]
mod tests {
    use crate::dates::DateOrder;
    use crate::doc::Doc;
    use crate::pipeline::testing::run;

    /// The actors of the spans over the token whose text is `word`.
    fn parties(doc: &Doc, word: &str) -> Vec<String> {
        let Some(i) = (0..doc.tokens.len()).find(|&i| doc.raw(i) == word) else {
            return Vec::new();
        };
        doc.actor_spans
            .iter()
            .filter(|s| s.tokens == (i..i + 1))
            .map(|s| doc.actors[s.actor].name.clone())
            .collect()
    }

    #[test]
    fn a_hyphenated_pair_of_states_names_both() {
        let doc = run(
            DateOrder::Dmy,
            None,
            "The U.S.-Japan talks and the Russian-Chinese summit ended on Friday.",
        );
        assert_eq!(parties(&doc, "U.S.-Japan"), ["United States", "Japan"]);
        assert_eq!(parties(&doc, "Russian-Chinese"), ["Russia", "China"]);
    }

    #[test]
    fn a_state_an_ethnic_identity_or_a_compound_word_is_no_pair() {
        let doc = run(
            DateOrder::Dmy,
            None,
            "Guinea-Bissau thanked the Cuban-Americans of Miami for the state-owned ships.",
        );
        assert!(parties(&doc, "Cuban-Americans").is_empty());
        assert!(parties(&doc, "state-owned").is_empty());
        assert!(parties(&doc, "Guinea-Bissau").len() <= 1);
    }
}
