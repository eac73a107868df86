//! The tables and their columns: one definition that the row builder,
//! both writers and the column reference (`docs/tables.md`) follow.

/// A column's value type (every column may hold nulls).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColType {
    /// UTF-8 text.
    Str,
    /// 64-bit integer.
    Int,
    /// 64-bit float.
    Float,
    /// true / false.
    Bool,
}

/// One column.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Column name.
    pub name: &'static str,
    /// Value type.
    pub ty: ColType,
    /// One line on what it holds.
    pub doc: &'static str,
}

/// One table: its file stem and its columns.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    /// File stem (`events` → `events.parquet`).
    pub name: &'static str,
    /// What one row is.
    pub row: &'static str,
    /// Columns, in order.
    pub columns: &'static [Column],
}

use ColType::{Bool, Float, Int, Str};

const fn c(name: &'static str, ty: ColType, doc: &'static str) -> Column {
    Column { name, ty, doc }
}

/// The documents table.
pub const DOCUMENTS: Table = Table {
    name: "documents",
    row: "one document (a record or an error record)",
    columns: &[
        c("doc_id", Str, "document id (`doc.id`), unique in a batch"),
        c("source", Str, "where the document came from (`doc.source`)"),
        c("line", Int, "JSONL line number, null for files"),
        c("title", Str, "title"),
        c(
            "doc_date",
            Str,
            "the document's own date (ISO 8601), null when unknown",
        ),
        c("date_source", Str, "metadata | cli | text | none"),
        c("language", Str, "ISO 639-1 code, `und` when unsure"),
        c("format", Str, "text | markdown | html"),
        c("encoding", Str, "the encoding the input was decoded from"),
        c("chars", Int, "text length in chars"),
        c("sentences", Int, "number of sentences"),
        c("entities", Int, "number of entity mentions"),
        c("actors", Int, "number of actors"),
        c("dates", Int, "number of dates"),
        c("agreements", Int, "number of agreements"),
        c("events", Int, "number of events"),
        c(
            "warnings",
            Str,
            "non-fatal reading problems, joined with ` | `",
        ),
        c(
            "error_kind",
            Str,
            "binary | too_large | unreadable | malformed_jsonl | internal; null for a record",
        ),
        c(
            "error_message",
            Str,
            "why the document has no record; null for a record",
        ),
        c(
            "attache_version",
            Str,
            "the attache version that wrote the record",
        ),
        c(
            "models",
            Str,
            "the models that wrote the record (`producer.models`)",
        ),
    ],
};

/// The entities table.
pub const ENTITIES: Table = Table {
    name: "entities",
    row: "one entity mention",
    columns: &[
        c("doc_id", Str, "document id"),
        c(
            "entity_id",
            Str,
            "mention id (`m1`, …), unique within the document",
        ),
        c(
            "type",
            Str,
            "PERSON | ORG | GPE | LOC | NORP | DATE | AGREEMENT | EVENT | MISC",
        ),
        c("text", Str, "the mention's text"),
        c("start", Int, "char offset of the first char"),
        c("end", Int, "char offset one past the last char"),
        c("sentence", Int, "1-based sentence number"),
        c(
            "actor_id",
            Str,
            "the actor the mention belongs to, null when none",
        ),
        c("actor_key", Str, "that actor's global key"),
        c(
            "score",
            Float,
            "the tagger's calibrated probability, null where none exists",
        ),
        c(
            "nested",
            Bool,
            "true when the mention lies inside a longer mention",
        ),
        c(
            "parent_id",
            Str,
            "the innermost longer mention it lies inside, null when not nested",
        ),
    ],
};

/// The actors table.
pub const ACTORS: Table = Table {
    name: "actors",
    row: "one actor of one document",
    columns: &[
        c("doc_id", Str, "document id"),
        c(
            "actor_id",
            Str,
            "actor id (`a1`, …), unique within the document",
        ),
        c(
            "actor_key",
            Str,
            "global key: Wikidata QID, else ISO3 for a state, else `kind:normalised name`",
        ),
        c("name", Str, "canonical name"),
        c(
            "kind",
            Str,
            "person | state | government | organization | group",
        ),
        c("title", Str, "role as stated (\"Foreign Minister\")"),
        c("affiliation_id", Str, "id of the actor this one belongs to"),
        c("affiliation_key", Str, "global key of that actor"),
        c("country", Str, "the actor's own ISO3 code"),
        c(
            "country_chain",
            Str,
            "ISO3 code of the actor, else of the first affiliation up the chain that has one",
        ),
        c("wikidata", Str, "Wikidata QID"),
        c(
            "aliases",
            Str,
            "other names in the document, joined with ` | `",
        ),
        c("mentions", Int, "number of mentions"),
    ],
};

/// The events table.
pub const EVENTS: Table = Table {
    name: "events",
    row: "one coded event",
    columns: &[
        c("doc_id", Str, "document id"),
        c("doc_date", Str, "the document's own date"),
        c(
            "event_id",
            Str,
            "event id (`v1`, …), unique within the document",
        ),
        c("type", Str, "PLOVER type"),
        c("cameo", Str, "CAMEO code"),
        c(
            "status",
            Str,
            "asserted | reported | negated | called_for | hypothetical",
        ),
        c("source_id", Str, "acting actor's id"),
        c("source_name", Str, "acting actor's name"),
        c("source_kind", Str, "acting actor's kind"),
        c(
            "source_country",
            Str,
            "acting actor's ISO3 code through its affiliation chain",
        ),
        c("source_key", Str, "acting actor's global key"),
        c("target_id", Str, "target actor's id, null when none"),
        c("target_name", Str, "target actor's name"),
        c("target_kind", Str, "target actor's kind"),
        c(
            "target_country",
            Str,
            "target actor's ISO3 code through its affiliation chain",
        ),
        c("target_key", Str, "target actor's global key"),
        c(
            "event_date",
            Str,
            "the event's date: its own date mention's value, else the document's date",
        ),
        c(
            "date_provenance",
            Str,
            "mention | document; null when there is no date",
        ),
        c("date_id", Str, "id of the event's own date mention"),
        c("date_text", Str, "text of that date mention"),
        c("place_id", Str, "place id"),
        c("place_name", Str, "place name"),
        c("place_country", Str, "place's ISO3 code"),
        c("trigger", Str, "trigger text"),
        c("sentence", Int, "1-based sentence number"),
        c("sentence_text", Str, "the sentence's text (the evidence)"),
        c(
            "sentence_start",
            Int,
            "char offset where the sentence starts",
        ),
        c("sentence_end", Int, "char offset where the sentence ends"),
        c("start", Int, "trigger start (chars)"),
        c("end", Int, "trigger end (chars)"),
        c("pattern", Str, "id of the trigger pattern that fired"),
        c(
            "score",
            Float,
            "event probability; null (no calibrated score yet)",
        ),
        c(
            "attache_version",
            Str,
            "the attache version that wrote the record",
        ),
        c("models", Str, "the models that wrote the record"),
    ],
};

/// The dates table.
pub const DATES: Table = Table {
    name: "dates",
    row: "one normalised date mention",
    columns: &[
        c("doc_id", Str, "document id"),
        c(
            "date_id",
            Str,
            "date id (`d1`, …), unique within the document",
        ),
        c("text", Str, "the mention's text"),
        c("value", Str, "TIMEX3 / ISO 8601 value"),
        c(
            "granularity",
            Str,
            "day | week | month | year | decade | century | time | duration | range",
        ),
        c(
            "resolved",
            Str,
            "explicit | doc_date | context | unresolved",
        ),
        c("start", Int, "char offset of the first char"),
        c("end", Int, "char offset one past the last char"),
        c(
            "sentence",
            Int,
            "1-based sentence number, null when outside every sentence",
        ),
    ],
};

/// The agreements table.
pub const AGREEMENTS: Table = Table {
    name: "agreements",
    row: "one referenced agreement, statement, resolution or ruling",
    columns: &[
        c("doc_id", Str, "document id"),
        c(
            "agreement_id",
            Str,
            "agreement id (`g1`, …), unique within the document",
        ),
        c("name", Str, "canonical name"),
        c(
            "kind",
            Str,
            "treaty | agreement | statement | declaration | resolution | court_order | …",
        ),
        c("date", Str, "signing or adoption date"),
        c("party_names", Str, "parties' names, joined with ` | `"),
        c(
            "party_keys",
            Str,
            "parties' global keys in the same order, joined with ` | `",
        ),
        c("issuer_name", Str, "issuing court or body"),
        c(
            "issuer_id",
            Str,
            "the issuer's actor id, null when no actor has its name",
        ),
        c("issuer_key", Str, "the issuer's global key"),
        c("mentions", Int, "number of mentions"),
        c("start", Int, "first mention's start (chars)"),
        c("end", Int, "first mention's end (chars)"),
    ],
};

/// The agreement parties table: agreements' parties and issuers, one per
/// row, for joins with actors.
pub const AGREEMENT_PARTIES: Table = Table {
    name: "agreement_parties",
    row: "one party or issuer of one agreement",
    columns: &[
        c("doc_id", Str, "document id"),
        c("agreement_id", Str, "agreement id"),
        c("role", Str, "party | issuer"),
        c("name", Str, "the party's name as the agreement gives it"),
        c("actor_id", Str, "the actor with that name, null when none"),
        c(
            "actor_key",
            Str,
            "global key: the actor's, else `unknown:normalised name`",
        ),
    ],
};

/// Every table, in the order they are written.
pub const TABLES: [Table; 7] = [
    DOCUMENTS,
    ENTITIES,
    ACTORS,
    EVENTS,
    DATES,
    AGREEMENTS,
    AGREEMENT_PARTIES,
];

/// The column reference as Markdown: a section per table, a line per column.
pub fn reference() -> String {
    let mut out = String::new();
    for t in TABLES {
        out.push_str(&format!("### `{}`\n\nOne row: {}.\n\n", t.name, t.row));
        for col in t.columns {
            let ty = match col.ty {
                Str => "string",
                Int => "int64",
                Float => "double",
                Bool => "boolean",
            };
            out.push_str(&format!("- `{}` ({ty}): {}\n", col.name, col.doc));
        }
        out.push('\n');
    }
    out
}
