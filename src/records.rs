//! The record contract: serde types and the wire format.
//!
//! # Wire format
//!
//! One JSON object per input document; with `--format jsonl` (the default)
//! one object per line, in input order. An object is either a **record** or
//! an **error record**, told apart by the presence of `error`.
//!
//! ## Record
//!
//! ```json
//! {"schema": "attache.records/1",
//!  "doc": {"id": "meeting-readout", "source": "fixtures/press/meeting-readout.txt",
//!          "line": null, "title": "…", "date": "2023-05-24", "date_source": "metadata",
//!          "language": "en", "format": "text", "encoding": "UTF-8", "chars": 2223,
//!          "boilerplate_removed": ["Show More"], "warnings": [], "meta": {}},
//!  "entities": [], "actors": [], "places": [], "dates": [], "agreements": [], "events": []}
//! ```
//!
//! Every field is always present (`null` or empty when nothing was found),
//! except `doc.text`, present only with `--include-text` or HTML input: the
//! exact text that offsets refer to. Offsets (`start`, `end`) are half-open
//! **char** offsets (Unicode scalar values) into that text.
//!
//! - `doc.id`: the input's `id`, else the file stem; JSONL lines without an
//!   id get `<stem>-<line>`. Ids are unique in a batch: an id already used
//!   (by a file, a line, or an error record) gets `-2`, `-3`, … appended,
//!   in input order whatever `-j`, with a warning when it was the input's own.
//! - `doc.source`: the path; `-` for stdin; `path:line` for JSONL lines
//!   (a line's own `source` field is kept in `doc.meta.source`).
//! - `doc.line`: 1-based JSONL line number, else `null`.
//! - `doc.date` / `doc.date_source`: ISO date and how it was found
//!   (`metadata` | `cli` | `text` | `none`).
//! - `doc.language`: ISO 639-1 from metadata, else guessed; `und` when unsure.
//! - `doc.format`: `text` | `markdown` | `html`.
//! - `doc.encoding`: the encoding the input bytes were decoded from, by its
//!   WHATWG name: `UTF-8`, `UTF-16LE`, `UTF-16BE`, or a legacy one such as
//!   `windows-1252` (which is also what `latin1`/`ISO-8859-1` mean on the
//!   web) or `ISO-8859-2`. A byte-order mark decides first, then
//!   `--encoding`, then a page's `charset`, then detection; a detected
//!   legacy encoding also adds a warning. JSON Lines input is `UTF-8`
//!   unless `--encoding` says otherwise.
//! - `doc.chars`: length of the text in chars.
//! - `doc.boilerplate_removed`: masked web-chrome lines and dropped HTML
//!   navigation/footers, in order, without repeats.
//! - `doc.warnings`: non-fatal problems (lossy decoding, a bad metadata date).
//! - `doc.meta`: input metadata fields the record has no place for.
//!
//! The layers (`entities`, `actors`, `places`, `dates`, `agreements`,
//! `events`) are described on their types below and in
//! `schema/records.schema.json`.
//!
//! ## Error record
//!
//! ```json
//! {"schema": "attache.records/1",
//!  "doc": {"id": "scan", "source": "in/scan.txt", "line": null},
//!  "error": {"kind": "binary", "message": "binary file (NUL byte at offset 4)"}}
//! ```
//!
//! `error.kind` is one of `binary`, `too_large`, `unreadable`,
//! `malformed_jsonl`, `internal`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::doc::{Doc, EntityType, Span};
use crate::input::Unread;

mod links;
pub use links::{actor_key, normalise_name};

/// The schema tag of every record.
pub const SCHEMA: &str = "attache.records/1";

/// One document's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Which attache and which models wrote the record.
    pub producer: Producer,
    /// About the document.
    pub doc: DocHeader,
    /// Sentence spans, in order: sentence `n` (1-based) is `sentences[n - 1]`.
    pub sentences: Vec<SentenceSpan>,
    /// Every mention, in text order.
    pub entities: Vec<Entity>,
    /// Mentions grouped into participants.
    pub actors: Vec<Actor>,
    /// Places where things happen.
    pub places: Vec<Place>,
    /// Normalised dates.
    pub dates: Vec<DateValue>,
    /// Referenced treaties, statements, resolutions, rulings.
    pub agreements: Vec<Agreement>,
    /// Coded political events.
    pub events: Vec<Event>,
}

/// Which attache and which models wrote a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Producer {
    /// The attache version (`CARGO_PKG_VERSION`).
    pub attache: String,
    /// The models and user data files: `ner:fast`, `ner:none` or
    /// `ner:file:NAME`, then `;dicts:NAME,…` when `--dict` was given.
    pub models: String,
}

/// A sentence's char span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceSpan {
    /// Char offset of the first token's first char.
    pub start: usize,
    /// Char offset one past the last token's last char.
    pub end: usize,
}

/// The `doc` object of a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocHeader {
    /// Document id.
    pub id: String,
    /// Where the document came from.
    pub source: String,
    /// JSONL line number.
    pub line: Option<u64>,
    /// Title.
    pub title: Option<String>,
    /// The document's own date.
    pub date: Option<String>,
    /// How `date` was found.
    pub date_source: String,
    /// Language code.
    pub language: String,
    /// Input markup.
    pub format: String,
    /// The encoding the input was decoded from (WHATWG name).
    pub encoding: String,
    /// Text length in chars.
    pub chars: usize,
    /// Masked web chrome.
    pub boilerplate_removed: Vec<String>,
    /// Non-fatal reading problems.
    pub warnings: Vec<String>,
    /// Other input metadata.
    pub meta: Map<String, Value>,
    /// The text offsets refer to (with `--include-text`, and for HTML).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// An entity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `m1`, `m2`, … in text order.
    pub id: String,
    /// PERSON | ORG | GPE | LOC | NORP | DATE | AGREEMENT | EVENT | MISC.
    #[serde(rename = "type")]
    pub kind: String,
    /// The mention's text.
    pub text: String,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// 1-based sentence number.
    pub sentence: usize,
    /// The actor this mention belongs to.
    pub actor: Option<String>,
    /// The entity tagger's calibrated probability that exactly this span
    /// (with the tagger's type) is an entity, where the tagger proposed it
    /// (temperature-scaled CRF marginals; temperature cross-fitted on
    /// CoNLL-2003 dev; 10-bin ECE 0.028 on CoNLL-2003 test, see
    /// `models/ner/README.md`). `null` for gazetteer matches, DATE and
    /// AGREEMENT mentions and trimmed pieces of a tagged span: no
    /// calibrated probability exists for them.
    pub score: Option<f32>,
    /// The innermost longer mention this one lies inside ("Bali" in
    /// "Bali Process"), else `null`.
    pub parent: Option<String>,
}

/// A participant: a person, state, government, organisation or group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// `a1`, `a2`, …
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// person | state | government | organization | group.
    pub kind: String,
    /// Role as stated ("Foreign Minister").
    pub title: Option<String>,
    /// Id of the actor this one belongs to.
    pub affiliation: Option<String>,
    /// ISO 3166 alpha-3 code.
    pub country: Option<String>,
    /// Other names used in the document.
    pub aliases: Vec<String>,
    /// Wikidata QID.
    pub wikidata: Option<String>,
    /// Mention ids.
    pub mentions: Vec<String>,
    /// A formation's members (ISO 3166 alpha-3 of states, gazetteer ids of
    /// organisations); absent for other actors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// The key naming this actor across documents: the Wikidata QID, else
    /// the ISO3 code of a state, else `kind:normalised name`.
    pub key: String,
}

/// A place where something happens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// `p1`, `p2`, …
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// location | city | country | region …
    pub kind: String,
    /// ISO 3166 alpha-3 code.
    pub country: Option<String>,
    /// Mention ids.
    pub mentions: Vec<String>,
}

/// A normalised date mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateValue {
    /// `d1`, `d2`, …
    pub id: String,
    /// The mention's text.
    pub text: String,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// TIMEX3 / ISO 8601 value, `null` when vague.
    pub value: Option<String>,
    /// day | week | month | year | decade | century | time | duration | range.
    pub granularity: String,
    /// explicit | doc_date | context | unresolved.
    pub resolved: String,
}

/// A span of text (used for agreement mentions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextSpan {
    /// The text.
    pub text: String,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
}

/// A referenced agreement, statement, resolution or ruling.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    /// `g1`, `g2`, …
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// treaty | agreement | statement | declaration | resolution |
    /// court_order | judgment | memorandum | convention | charter | other.
    pub kind: String,
    /// Signing or adoption date.
    pub date: Option<String>,
    /// Parties' actor names.
    pub parties: Vec<String>,
    /// Issuing court or body.
    pub issuer: Option<String>,
    /// For each of `parties`, the actor id of that party, `null` where no
    /// actor of the record has that name.
    pub party_actors: Vec<Option<String>>,
    /// The actor id of `issuer`, `null` where none has that name.
    pub issuer_actor: Option<String>,
    /// Every mention.
    pub mentions: Vec<TextSpan>,
}

/// A coded political event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `v1`, `v2`, …
    pub id: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// CAMEO code.
    pub cameo: String,
    /// Trigger text (the matched tokens, `text[start..end]`).
    pub trigger: String,
    /// Acting actor id.
    pub source: Option<String>,
    /// Target actor id.
    pub target: Option<String>,
    /// Date id.
    pub date: Option<String>,
    /// Place id.
    pub place: Option<String>,
    /// asserted | reported | negated | called_for | hypothetical.
    pub status: String,
    /// 1-based sentence number.
    pub sentence: usize,
    /// Trigger start (chars).
    pub start: usize,
    /// Trigger end (chars).
    pub end: usize,
    /// Always `null`: the event coder has no calibrated probability yet
    /// (a constant would pass for one).
    pub score: Option<f32>,
    /// Id of the trigger row that fired (`models/events/triggers.tsv`).
    pub pattern: String,
    /// The event's date: the value of `date`, else the document's date.
    pub date_value: Option<String>,
    /// Where `date_value` came from: `mention` | `document`; `null` with it.
    pub date_provenance: Option<String>,
    /// The text of the event's sentence (the evidence).
    pub evidence: String,
}

/// Why a document has an error record instead of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// NUL bytes: not text.
    Binary,
    /// Over `--max-bytes`.
    TooLarge,
    /// Could not be read (missing, permissions, I/O error).
    Unreadable,
    /// A JSONL line that is not a JSON object with a string `text`.
    MalformedJsonl,
    /// A bug: a stage failed on this document. Please report it.
    Internal,
}

/// The record emitted in place of an unreadable document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Which document.
    pub doc: ErrorDoc,
    /// What went wrong.
    pub error: ErrorInfo,
}

/// The `doc` object of an error record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorDoc {
    /// Document id.
    pub id: String,
    /// Where it came from.
    pub source: String,
    /// JSONL line number.
    pub line: Option<u64>,
}

/// The `error` object of an error record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorInfo {
    /// Machine-readable reason.
    pub kind: ErrorKind,
    /// Human-readable reason.
    pub message: String,
}

impl ErrorRecord {
    /// The error record for an unreadable document.
    pub fn from_unread(u: &Unread) -> ErrorRecord {
        ErrorRecord {
            schema: SCHEMA.to_string(),
            doc: ErrorDoc {
                id: u.id.clone(),
                source: u.source.clone(),
                line: u.line,
            },
            error: ErrorInfo {
                kind: u.kind,
                message: u.message.clone(),
            },
        }
    }
}

/// Options that shape the record.
#[derive(Debug, Clone, Copy)]
pub struct RecordOptions {
    /// Put the text in `doc.text` (always done for HTML input).
    pub include_text: bool,
    /// `producer.models`: the models the pipeline was built with.
    pub models: &'static str,
}

impl Default for RecordOptions {
    fn default() -> RecordOptions {
        RecordOptions {
            include_text: false,
            models: "ner:fast",
        }
    }
}

impl Record {
    /// The record of a processed document.
    pub fn from_doc(doc: &Doc, opts: RecordOptions) -> Record {
        let info = &doc.info;
        let mut removed: Vec<String> = Vec::new();
        for text in info
            .removed_markup
            .iter()
            .map(String::as_str)
            .chain(doc.boilerplate.iter().map(|m| doc.span_text(m.span)))
        {
            if !removed.iter().any(|r| r == text) {
                removed.push(text.to_string());
            }
        }
        let include = opts.include_text || info.format == crate::doc::InputFormat::Html;
        Record {
            schema: SCHEMA.to_string(),
            producer: Producer {
                attache: env!("CARGO_PKG_VERSION").to_string(),
                models: opts.models.to_string(),
            },
            doc: DocHeader {
                id: info.id.clone(),
                source: info.source.clone(),
                line: info.line,
                title: info.title.clone(),
                date: info.date.clone(),
                date_source: info.date_source.as_str().to_string(),
                language: info.language.clone(),
                format: info.format.as_str().to_string(),
                encoding: info.encoding.unwrap_or("UTF-8").to_string(),
                chars: doc.char_len(),
                boilerplate_removed: removed,
                warnings: info.warnings.clone(),
                meta: info.meta.clone(),
                text: include.then(|| doc.text().to_string()),
            },
            sentences: links::sentences(doc),
            entities: Vec::new(),
            actors: Vec::new(),
            places: Vec::new(),
            dates: dates(doc),
            agreements: agreements(doc),
            events: Vec::new(),
        }
        .with_layers(doc)
    }

    /// Adds entities, actors, places and events, linked by their ids.
    fn with_layers(mut self, doc: &Doc) -> Record {
        let (mut entities, mention_ids) = entities(doc);
        let order = listed_actor_order(doc);
        let mut actor_id: Vec<Option<String>> = vec![None; doc.actors.len()];
        for (n, &i) in order.iter().enumerate() {
            actor_id[i] = Some(format!("a{}", n + 1));
        }
        let id_of = |i: Option<usize>| i.and_then(|i| actor_id.get(i).cloned().flatten());
        self.actors = order
            .iter()
            .map(|&i| actor_record(doc, i, &id_of, &mention_ids))
            .collect();
        links::keys(&mut self.actors);
        link_entities_to_actors(doc, &order, &id_of, &mention_ids, &mut entities);
        links::nest(&mut entities);
        links::link_agreements(&mut self.agreements, &self.actors, &entities);
        self.entities = entities;
        self.places = place_records(doc, &mention_ids);
        self.events = event_records(doc, &id_of);
        links::event_dates(&mut self.events, &self.dates, self.doc.date.as_deref());
        self
    }
}

/// The listed actors, in order of first mention (which numbers them).
fn listed_actor_order(doc: &Doc) -> Vec<usize> {
    let mut order: Vec<usize> = (0..doc.actors.len())
        .filter(|&i| doc.actors[i].listed && doc.actors[i].kind.is_some())
        .collect();
    // Each actor's first appearance, in one pass over the spans (a
    // search per actor would be quadratic on long documents).
    let mut span_first = vec![usize::MAX; doc.actors.len()];
    for s in &doc.actor_spans {
        if let Some(slot) = span_first.get_mut(s.actor) {
            let at = doc.token_span(s.tokens.start, s.tokens.start).char_start;
            *slot = (*slot).min(at);
        }
    }
    let first = |i: usize| {
        let by_mention = doc.actors[i]
            .mentions
            .iter()
            .map(|&m| doc.entities[m].span.char_start)
            .min()
            .unwrap_or(usize::MAX);
        by_mention.min(span_first[i])
    };
    order.sort_by_cached_key(|&i| (first(i), i));
    order
}

/// The record of actor `i`, its links given as record ids.
fn actor_record(
    doc: &Doc,
    i: usize,
    id_of: &dyn Fn(Option<usize>) -> Option<String>,
    mention_ids: &[Option<String>],
) -> Actor {
    let a = &doc.actors[i];
    let kind = a.kind.map_or("group", |k| k.as_str());
    Actor {
        id: id_of(Some(i)).unwrap_or_default(),
        name: a.name.clone(),
        kind: kind.to_string(),
        title: a.title.clone(),
        affiliation: id_of(a.affiliation),
        country: a.country.clone(),
        aliases: a.aliases.clone(),
        wikidata: a.wikidata.clone(),
        mentions: a
            .mentions
            .iter()
            .filter_map(|&m| mention_ids.get(m).cloned().flatten())
            .collect(),
        members: a.members.clone(),
        key: String::new(),
    }
}

/// Marks each entity that mentions a listed actor with the actor's id (the
/// first actor in order wins).
fn link_entities_to_actors(
    doc: &Doc,
    order: &[usize],
    id_of: &dyn Fn(Option<usize>) -> Option<String>,
    mention_ids: &[Option<String>],
    entities: &mut [Entity],
) {
    let entity_at: std::collections::HashMap<String, usize> = entities
        .iter()
        .enumerate()
        .map(|(k, e)| (e.id.clone(), k))
        .collect();
    for &i in order {
        for &m in &doc.actors[i].mentions {
            let found = mention_ids
                .get(m)
                .cloned()
                .flatten()
                .and_then(|id| entity_at.get(&id).copied());
            if let Some(e) = found.and_then(|k| entities.get_mut(k)) {
                if e.actor.is_none() {
                    e.actor = id_of(Some(i));
                }
            }
        }
    }
}

fn place_records(doc: &Doc, mention_ids: &[Option<String>]) -> Vec<Place> {
    doc.places
        .iter()
        .enumerate()
        .map(|(i, p)| Place {
            id: format!("p{}", i + 1),
            name: p.name.clone(),
            kind: p.kind.clone(),
            country: p.country.clone(),
            mentions: p
                .mentions
                .iter()
                .filter_map(|&m| mention_ids.get(m).cloned().flatten())
                .collect(),
        })
        .collect()
}

/// The events with a listed source, numbered in order.
fn event_records(doc: &Doc, id_of: &dyn Fn(Option<usize>) -> Option<String>) -> Vec<Event> {
    // Date ids count only the dates with a value, as `dates` does.
    let mut date_id: Vec<Option<String>> = vec![None; doc.dates.len()];
    let mut n = 0;
    for (i, d) in doc.dates.iter().enumerate() {
        if d.value.is_some() {
            n += 1;
            date_id[i] = Some(format!("d{n}"));
        }
    }
    doc.events
        .iter()
        .filter(|e| id_of(e.source).is_some())
        .enumerate()
        .map(|(k, e)| Event {
            id: format!("v{}", k + 1),
            kind: e.kind.to_string(),
            cameo: e.cameo.clone(),
            trigger: doc.span_text(e.span).to_string(),
            source: id_of(e.source),
            target: id_of(e.target),
            date: e.date.and_then(|d| date_id.get(d).cloned().flatten()),
            place: e.place.map(|p| format!("p{}", p + 1)),
            status: e.status.as_str().to_string(),
            sentence: e.sentence + 1,
            start: e.span.char_start,
            end: e.span.char_end,
            score: None,
            pattern: e.pattern.clone(),
            date_value: None,
            date_provenance: None,
            evidence: links::sentence_text(doc, e.sentence),
        })
        .collect()
}

/// One mention on its way into `entities`: span, sentence, type, score and
/// the index into `Doc::entities` (none for DATE and AGREEMENT mentions).
type MentionRow = (Span, usize, EntityType, Option<f32>, Option<usize>);

/// All mentions of the document in text order (longer first at the same
/// start): entity mentions, DATE mentions and named AGREEMENT references.
/// Also returns, for each of `doc.entities`, its entity id.
fn entities(doc: &Doc) -> (Vec<Entity>, Vec<Option<String>>) {
    let mut all: Vec<MentionRow> = Vec::new();
    all.extend(
        doc.entities
            .iter()
            .enumerate()
            .map(|(i, m)| (m.span, m.sentence, m.label, m.score, Some(i))),
    );
    all.extend(
        doc.dates
            .iter()
            .map(|d| (d.span, d.sentence, EntityType::Date, None, None)),
    );
    for a in &doc.agreements {
        all.extend(
            a.mentions
                .iter()
                .filter(|m| m.named)
                .map(|m| (m.span, m.sentence, EntityType::Agreement, None, None)),
        );
    }
    all.sort_by(|a, b| {
        (a.0.char_start, std::cmp::Reverse(a.0.char_end), a.2).cmp(&(
            b.0.char_start,
            std::cmp::Reverse(b.0.char_end),
            b.2,
        ))
    });
    let mut ids: Vec<Option<String>> = vec![None; doc.entities.len()];
    let mut out: Vec<Entity> = Vec::with_capacity(all.len());
    let mut last: Option<(Span, EntityType)> = None;
    for (span, sentence, label, score, source) in all {
        if last == Some((span, label)) {
            // a duplicate: its mention shares the kept entity's id
            if let (Some(i), Some(e)) = (source, out.last()) {
                ids[i] = Some(e.id.clone());
            }
            continue;
        }
        last = Some((span, label));
        let id = format!("m{}", out.len() + 1);
        if let Some(i) = source {
            ids[i] = Some(id.clone());
        }
        out.push(Entity {
            id,
            kind: label.as_str().to_string(),
            text: doc.span_text(span).to_string(),
            start: span.char_start,
            end: span.char_end,
            sentence: sentence + 1,
            actor: None,
            score: score.map(round_score),
            parent: None,
        });
    }
    (out, ids)
}

fn dates(doc: &Doc) -> Vec<DateValue> {
    doc.dates
        .iter()
        .filter(|d| d.value.is_some())
        .enumerate()
        .map(|(i, d)| DateValue {
            id: format!("d{}", i + 1),
            text: doc.span_text(d.span).to_string(),
            start: d.span.char_start,
            end: d.span.char_end,
            value: d.value.clone(),
            granularity: d.granularity.clone(),
            resolved: d.resolved.as_str().to_string(),
        })
        .collect()
}

fn agreements(doc: &Doc) -> Vec<Agreement> {
    doc.agreements
        .iter()
        .enumerate()
        .map(|(i, a)| Agreement {
            id: format!("g{}", i + 1),
            name: a.name.clone(),
            kind: a.kind.clone(),
            date: a.date.clone(),
            parties: a.parties.clone(),
            issuer: a.issuer.clone(),
            party_actors: Vec::new(),
            issuer_actor: None,
            mentions: a
                .mentions
                .iter()
                .map(|m| TextSpan {
                    text: doc.span_text(m.span).to_string(),
                    start: m.span.char_start,
                    end: m.span.char_end,
                })
                .collect(),
        })
        .collect()
}

/// Scores with three decimals: enough for calibration, stable in output.
fn round_score(score: f32) -> f32 {
    ((score.clamp(0.0, 1.0) * 1000.0).round() / 1000.0).clamp(0.0, 1.0)
}
