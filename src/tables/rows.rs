//! A record's rows, table by table, in the column order of `columns.rs`.

use std::collections::HashMap;

use super::Cell;
use crate::records::{normalise_name, Actor, ErrorRecord, Record};

/// The rows one record adds to each table, in `TABLES` order.
pub type Rows = [Vec<Vec<Cell>>; 7];

fn s(v: &str) -> Cell {
    Cell::Str(v.to_string())
}

fn opt(v: Option<&str>) -> Cell {
    v.map_or(Cell::Null, s)
}

fn int(v: usize) -> Cell {
    Cell::Int(i64::try_from(v).unwrap_or(i64::MAX))
}

/// Joins list values into one cell (` | ` cannot occur in a name we split).
fn joined<'a>(values: impl Iterator<Item = &'a str>) -> Cell {
    Cell::Str(values.collect::<Vec<_>>().join(" | "))
}

/// The actors of a record by id, with each one's country through its
/// affiliation chain.
struct ActorIndex<'a> {
    by_id: HashMap<&'a str, &'a Actor>,
}

impl<'a> ActorIndex<'a> {
    fn new(r: &'a Record) -> Self {
        ActorIndex {
            by_id: r.actors.iter().map(|a| (a.id.as_str(), a)).collect(),
        }
    }

    fn get(&self, id: Option<&str>) -> Option<&'a Actor> {
        id.and_then(|i| self.by_id.get(i).copied())
    }

    /// The first ISO3 code up the affiliation chain (a cycle ends it).
    fn country(&self, a: &'a Actor) -> Option<&'a str> {
        let mut at = Some(a);
        for _ in 0..=self.by_id.len() {
            let cur = at?;
            if let Some(c) = cur.country.as_deref() {
                return Some(c);
            }
            at = self.get(cur.affiliation.as_deref());
        }
        None
    }

    /// name, kind, chain country and key of an actor.
    fn cells(&self, id: Option<&str>) -> [Cell; 5] {
        match self.get(id) {
            Some(a) => [
                s(&a.id),
                s(&a.name),
                s(&a.kind),
                opt(self.country(a)),
                s(&a.key),
            ],
            None => [Cell::Null, Cell::Null, Cell::Null, Cell::Null, Cell::Null],
        }
    }
}

/// The rows of a record.
pub fn record_rows(r: &Record) -> Rows {
    let idx = ActorIndex::new(r);
    [
        vec![document_row(r)],
        entity_rows(r, &idx),
        actor_rows(r, &idx),
        event_rows(r, &idx),
        date_rows(r),
        agreement_rows(r, &idx),
        party_rows(r, &idx),
    ]
}

/// The rows of an error record: its document row only.
pub fn error_rows(e: &ErrorRecord) -> Rows {
    let kind = serde_json::to_value(e.error.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string));
    let columns = super::columns::DOCUMENTS.columns;
    let mut row = vec![Cell::Null; columns.len()];
    let mut set = |name: &str, cell: Cell| {
        if let Some(k) = columns.iter().position(|c| c.name == name) {
            row[k] = cell;
        }
    };
    set("doc_id", s(&e.doc.id));
    set("source", s(&e.doc.source));
    set(
        "line",
        e.doc.line.map_or(Cell::Null, |l| Cell::Int(l as i64)),
    );
    set("error_kind", kind.map_or(Cell::Null, Cell::Str));
    set("error_message", s(&e.error.message));
    [vec![row], vec![], vec![], vec![], vec![], vec![], vec![]]
}

fn document_row(r: &Record) -> Vec<Cell> {
    let d = &r.doc;
    vec![
        s(&d.id),
        s(&d.source),
        d.line.map_or(Cell::Null, |l| Cell::Int(l as i64)),
        opt(d.title.as_deref()),
        opt(d.date.as_deref()),
        s(&d.date_source),
        s(&d.language),
        s(&d.format),
        s(&d.encoding),
        int(d.chars),
        int(r.sentences.len()),
        int(r.entities.len()),
        int(r.actors.len()),
        int(r.dates.len()),
        int(r.agreements.len()),
        int(r.events.len()),
        joined(d.warnings.iter().map(String::as_str)),
        Cell::Null,
        Cell::Null,
        s(&r.producer.attache),
        s(&r.producer.models),
    ]
}

fn entity_rows(r: &Record, idx: &ActorIndex) -> Vec<Vec<Cell>> {
    r.entities
        .iter()
        .map(|e| {
            let actor = idx.get(e.actor.as_deref());
            vec![
                s(&r.doc.id),
                s(&e.id),
                s(&e.kind),
                s(&e.text),
                int(e.start),
                int(e.end),
                int(e.sentence),
                opt(e.actor.as_deref()),
                opt(actor.map(|a| a.key.as_str())),
                e.score.map_or(Cell::Null, |v| Cell::Float(f64::from(v))),
                Cell::Bool(e.parent.is_some()),
                opt(e.parent.as_deref()),
            ]
        })
        .collect()
}

fn actor_rows(r: &Record, idx: &ActorIndex) -> Vec<Vec<Cell>> {
    r.actors
        .iter()
        .map(|a| {
            let aff = idx.get(a.affiliation.as_deref());
            vec![
                s(&r.doc.id),
                s(&a.id),
                s(&a.key),
                s(&a.name),
                s(&a.kind),
                opt(a.title.as_deref()),
                opt(a.affiliation.as_deref()),
                opt(aff.map(|x| x.key.as_str())),
                opt(a.country.as_deref()),
                opt(idx.country(a)),
                opt(a.wikidata.as_deref()),
                joined(a.aliases.iter().map(String::as_str)),
                int(a.mentions.len()),
            ]
        })
        .collect()
}

fn event_rows(r: &Record, idx: &ActorIndex) -> Vec<Vec<Cell>> {
    let dates: HashMap<&str, &str> = r
        .dates
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    r.events
        .iter()
        .map(|e| {
            let place = e
                .place
                .as_deref()
                .and_then(|p| r.places.iter().find(|x| x.id == p));
            let sentence = e.sentence.checked_sub(1).and_then(|n| r.sentences.get(n));
            let mut row = vec![
                s(&r.doc.id),
                opt(r.doc.date.as_deref()),
                s(&e.id),
                s(&e.kind),
                s(&e.cameo),
                s(&e.status),
            ];
            row.extend(idx.cells(e.source.as_deref()));
            row.extend(idx.cells(e.target.as_deref()));
            row.extend([
                opt(e.date_value.as_deref()),
                opt(e.date_provenance.as_deref()),
                opt(e.date.as_deref()),
                opt(e.date.as_deref().and_then(|d| dates.get(d).copied())),
                opt(e.place.as_deref()),
                opt(place.map(|p| p.name.as_str())),
                opt(place.and_then(|p| p.country.as_deref())),
                s(&e.trigger),
                int(e.sentence),
                s(&e.evidence),
                sentence.map_or(Cell::Null, |x| int(x.start)),
                sentence.map_or(Cell::Null, |x| int(x.end)),
                int(e.start),
                int(e.end),
                s(&e.pattern),
                e.score.map_or(Cell::Null, |v| Cell::Float(f64::from(v))),
                s(&r.producer.attache),
                s(&r.producer.models),
            ]);
            row
        })
        .collect()
}

fn date_rows(r: &Record) -> Vec<Vec<Cell>> {
    r.dates
        .iter()
        .map(|d| {
            // Sentences are in text order: the last one starting at or
            // before the date holds it, if it reaches that far.
            let at = r.sentences.partition_point(|x| x.start <= d.start);
            let sentence = at
                .checked_sub(1)
                .filter(|&k| r.sentences.get(k).is_some_and(|x| d.start < x.end));
            vec![
                s(&r.doc.id),
                s(&d.id),
                s(&d.text),
                opt(d.value.as_deref()),
                s(&d.granularity),
                s(&d.resolved),
                int(d.start),
                int(d.end),
                sentence.map_or(Cell::Null, |k| int(k + 1)),
            ]
        })
        .collect()
}

/// A party's key: its actor's, else one made from its name alone.
fn party_key(idx: &ActorIndex, id: Option<&str>, name: &str) -> String {
    idx.get(id).map_or_else(
        || format!("unknown:{}", normalise_name(name)),
        |a| a.key.clone(),
    )
}

fn agreement_rows(r: &Record, idx: &ActorIndex) -> Vec<Vec<Cell>> {
    r.agreements
        .iter()
        .map(|g| {
            let ids = |k: usize| g.party_actors.get(k).cloned().flatten();
            let keys: Vec<String> = (0..g.parties.len())
                .map(|k| party_key(idx, ids(k).as_deref(), &g.parties[k]))
                .collect();
            let first = g.mentions.first();
            vec![
                s(&r.doc.id),
                s(&g.id),
                s(&g.name),
                s(&g.kind),
                opt(g.date.as_deref()),
                joined(g.parties.iter().map(String::as_str)),
                joined(keys.iter().map(String::as_str)),
                opt(g.issuer.as_deref()),
                opt(g.issuer_actor.as_deref()),
                g.issuer.as_deref().map_or(Cell::Null, |n| {
                    Cell::Str(party_key(idx, g.issuer_actor.as_deref(), n))
                }),
                int(g.mentions.len()),
                first.map_or(Cell::Null, |m| int(m.start)),
                first.map_or(Cell::Null, |m| int(m.end)),
            ]
        })
        .collect()
}

fn party_rows(r: &Record, idx: &ActorIndex) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for g in &r.agreements {
        let parties = g
            .parties
            .iter()
            .enumerate()
            .map(|(k, p)| ("party", p, g.party_actors.get(k).cloned().flatten()));
        let issuer = g
            .issuer
            .iter()
            .map(|p| ("issuer", p, g.issuer_actor.clone()));
        for (role, name, id) in parties.chain(issuer) {
            rows.push(vec![
                s(&r.doc.id),
                s(&g.id),
                s(role),
                s(name),
                opt(id.as_deref()),
                s(&party_key(idx, id.as_deref(), name)),
            ]);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::DateOrder;
    use crate::doc::{Doc, DocInfo};
    use crate::pipeline::testing::pipeline;
    use crate::records::RecordOptions;
    use crate::tables::columns::TABLES;

    #[test]
    fn every_row_has_its_table_s_columns_and_countries_follow_affiliations() {
        let text = "Ministers meet\n\nForeign Minister Ana Lopez of Chile met the \
                    Secretary-General of the United Nations in Geneva on 3 May 2024. \
                    Chile and Peru signed an agreement between Chile and Peru.";
        let info = DocInfo {
            id: "t".into(),
            date: Some("2024-05-04".into()),
            ..DocInfo::default()
        };
        let doc = Doc::new(info, text.into());
        let record = pipeline(DateOrder::Dmy).record(doc, RecordOptions::default());
        let rows = record_rows(&record);
        for (table, rows) in TABLES.iter().zip(&rows) {
            for row in rows {
                assert_eq!(row.len(), table.columns.len(), "{}", table.name);
            }
        }
        assert!(!rows[3].is_empty(), "an event: {:?}", record.events);
        // Every event has a date: its own, or the document's.
        let at = |name: &str| EVENTS_COLUMNS.iter().position(|c| c.name == name).unwrap();
        for row in &rows[3] {
            assert!(matches!(&row[at("event_date")], Cell::Str(_)), "{row:?}");
        }
        // A minister's country is her government's state's, two hops up;
        // a cycle of affiliations ends the walk.
        let mut chain = record.clone();
        let actor = |id: &str, affiliation: Option<&str>, country: Option<&str>| Actor {
            id: id.into(),
            name: id.into(),
            kind: "person".into(),
            title: None,
            affiliation: affiliation.map(Into::into),
            country: country.map(Into::into),
            aliases: vec![],
            wikidata: None,
            mentions: vec![],
            members: vec![],
            key: id.into(),
        };
        chain.actors = vec![
            actor("a1", Some("a2"), None),
            actor("a2", Some("a3"), None),
            actor("a3", None, Some("CHL")),
            actor("a4", Some("a5"), None),
            actor("a5", Some("a4"), None),
        ];
        let idx = ActorIndex::new(&chain);
        assert_eq!(idx.country(&chain.actors[0]), Some("CHL"));
        assert_eq!(idx.country(&chain.actors[3]), None);
        let error = error_rows(&ErrorRecord {
            schema: String::new(),
            doc: crate::records::ErrorDoc {
                id: "e".into(),
                source: "e.txt".into(),
                line: None,
            },
            error: crate::records::ErrorInfo {
                kind: crate::records::ErrorKind::Binary,
                message: "binary".into(),
            },
        });
        assert_eq!(error[0][0].len(), TABLES[0].columns.len());
        assert!(error[0][0].contains(&Cell::Str("binary".into())));
    }

    const EVENTS_COLUMNS: &[crate::tables::columns::Column] =
        crate::tables::columns::EVENTS.columns;
}
