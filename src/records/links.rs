//! What the analysis tables need from a record, computed when the record is
//! built: sentence spans, nested mentions, global actor keys, agreement
//! parties as actor ids and each event's date with its provenance.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::{Actor, Agreement, DateValue, Entity, Event, SentenceSpan};
use crate::doc::Doc;

/// The sentence spans of the document, in order.
pub(super) fn sentences(doc: &Doc) -> Vec<SentenceSpan> {
    doc.sentences
        .iter()
        .map(|s| SentenceSpan {
            start: s.span.char_start,
            end: s.span.char_end,
        })
        .collect()
}

/// The text of sentence `n` (0-based), empty when there is none.
pub(super) fn sentence_text(doc: &Doc, n: usize) -> String {
    doc.sentences
        .get(n)
        .map_or_else(String::new, |s| doc.span_text(s.span).to_string())
}

/// Sets each entity's `parent`: the innermost longer mention that contains
/// it ("Bali" inside "Bali Process"). Entities are in text order, longer
/// first at the same start, so a stack of open mentions finds it.
pub(super) fn nest(entities: &mut [Entity]) {
    let mut open: Vec<(usize, usize, String)> = Vec::new();
    for e in entities.iter_mut() {
        while open.last().is_some_and(|o| o.1 <= e.start) {
            open.pop();
        }
        e.parent = open
            .iter()
            .rev()
            .find(|o| o.0 <= e.start && e.end <= o.1 && o.1 - o.0 > e.end - e.start)
            .map(|o| o.2.clone());
        open.push((e.start, e.end, e.id.clone()));
    }
}

/// A name folded for comparison: NFKC, lower case, single spaces, without
/// a leading "the" and without punctuation at either end.
pub fn normalise_name(name: &str) -> String {
    let folded: String = name.nfkc().flat_map(char::to_lowercase).collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// The key that names an actor across documents: its Wikidata QID where
/// the gazetteers know one, else the ISO 3166 alpha-3 code for a state,
/// else `kind:normalised name`.
pub fn actor_key(wikidata: Option<&str>, kind: &str, country: Option<&str>, name: &str) -> String {
    if let Some(q) = wikidata.filter(|q| !q.is_empty()) {
        return q.to_string();
    }
    if kind == "state" {
        if let Some(c) = country.filter(|c| !c.is_empty()) {
            return c.to_string();
        }
    }
    format!("{kind}:{}", normalise_name(name))
}

/// Fills every actor's `key`.
pub(super) fn keys(actors: &mut [Actor]) {
    for a in actors.iter_mut() {
        a.key = actor_key(
            a.wikidata.as_deref(),
            &a.kind,
            a.country.as_deref(),
            &a.name,
        );
    }
}

/// Agreement parties and issuers as actor ids: the actor whose name, alias
/// or mention text is the party's name (folded), `null` when none is.
pub(super) fn link_agreements(agreements: &mut [Agreement], actors: &[Actor], entities: &[Entity]) {
    let mut by_name: HashMap<String, String> = HashMap::new();
    let text_of: HashMap<&str, &str> = entities
        .iter()
        .map(|e| (e.id.as_str(), e.text.as_str()))
        .collect();
    for a in actors {
        let mentions = a.mentions.iter().filter_map(|m| text_of.get(m.as_str()));
        let names = std::iter::once(a.name.as_str())
            .chain(a.aliases.iter().map(String::as_str))
            .chain(mentions.copied());
        for n in names {
            // The first actor to claim a name keeps it.
            by_name
                .entry(normalise_name(n))
                .or_insert_with(|| a.id.clone());
        }
    }
    let find = |name: &str| by_name.get(&normalise_name(name)).cloned();
    for g in agreements.iter_mut() {
        g.party_actors = g.parties.iter().map(|p| find(p)).collect();
        g.issuer_actor = g.issuer.as_deref().and_then(find);
    }
}

/// Each event's date: its own date mention's value (`mention`), else the
/// document's date (`document`), else none.
pub(super) fn event_dates(events: &mut [Event], dates: &[DateValue], doc_date: Option<&str>) {
    let value_of: HashMap<&str, Option<&str>> = dates
        .iter()
        .map(|d| (d.id.as_str(), d.value.as_deref()))
        .collect();
    for e in events.iter_mut() {
        let own = e
            .date
            .as_deref()
            .and_then(|d| value_of.get(d).copied().flatten());
        let (value, provenance) = match (own, doc_date) {
            (Some(v), _) => (Some(v), Some("mention")),
            (None, Some(d)) => (Some(d), Some("document")),
            (None, None) => (None, None),
        };
        e.date_value = value.map(str::to_string);
        e.date_provenance = provenance.map(str::to_string);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_prefer_wikidata_then_iso3_for_states_then_kind_and_name() {
        assert_eq!(
            actor_key(Some("Q399"), "state", Some("ARM"), "Armenia"),
            "Q399"
        );
        assert_eq!(actor_key(None, "state", Some("ARM"), "Armenia"), "ARM");
        assert_eq!(
            actor_key(None, "government", Some("ARM"), "Government of Armenia"),
            "government:government of armenia"
        );
        assert_eq!(
            actor_key(None, "organization", None, "  The  Council of Europe. "),
            "organization:council of europe"
        );
    }

    fn entity(id: &str, start: usize, end: usize) -> Entity {
        Entity {
            id: id.into(),
            kind: "ORG".into(),
            text: String::new(),
            start,
            end,
            sentence: 1,
            actor: None,
            score: None,
            parent: None,
        }
    }

    #[test]
    fn a_name_inside_a_longer_name_points_at_it() {
        // "Bali Process" (0..12) holds "Bali" (0..4); "Jakarta" (20..27) stands alone;
        // a mention with the same span as another is not nested in it.
        let mut es = vec![
            entity("m1", 0, 12),
            entity("m2", 0, 4),
            entity("m3", 0, 4),
            entity("m4", 20, 27),
        ];
        nest(&mut es);
        let parents: Vec<Option<&str>> = es.iter().map(|e| e.parent.as_deref()).collect();
        assert_eq!(parents, vec![None, Some("m1"), Some("m1"), None]);
    }
}
