//! `attache tables` and `attache render`: the events table joins back to the
//! records with no orphan keys (fixtures, and the dev texts when
//! `../shared` is there), Parquet and CSV agree, and old records fail clearly.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use serde_json::Value;

use crate::util::{attache, repo, skip};

/// The rows of a Parquet table as column name → text (nulls absent).
fn parquet_rows(path: &Path) -> Vec<HashMap<String, String>> {
    let file = std::fs::File::open(path).expect("table written");
    let reader = SerializedFileReader::new(file).expect("a Parquet file");
    reader
        .get_row_iter(None)
        .expect("rows")
        .map(|row| {
            row.expect("a row")
                .get_column_iter()
                .filter_map(|(name, field)| {
                    let text = match field {
                        Field::Null => return None,
                        Field::Str(s) => s.clone(),
                        other => other.to_string(),
                    };
                    Some((name.clone(), text))
                })
                .collect()
        })
        .collect()
}

/// Extracts `inputs` with `--tables`, and checks every event row against
/// the records: each (doc, event) once on both sides, and every id column
/// naming something in that document's record.
fn events_join_back(inputs: &[&Path]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let records_path = dir.path().join("records.jsonl");
    let tables = dir.path().join("tables");
    let out = attache()
        .args(["extract", "-q", "-o"])
        .arg(&records_path)
        .arg("--tables")
        .arg(&tables)
        .args(inputs)
        .output()
        .unwrap();
    // 1: some inputs gave error records, which have no events.
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&records_path).unwrap();
    let records: HashMap<String, Value> = text
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r.get("error").is_none())
        .map(|r| (r["doc"]["id"].as_str().unwrap().to_string(), r))
        .collect();
    let ids = |r: &Value, layer: &str| -> HashSet<String> {
        r[layer]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["id"].as_str().unwrap().to_string())
            .collect()
    };
    let rows = parquet_rows(&tables.join("events.parquet"));
    let mut seen = HashSet::new();
    for row in &rows {
        let doc = &row["doc_id"];
        let r = records
            .get(doc)
            .unwrap_or_else(|| panic!("orphan doc_id {doc}"));
        assert!(
            seen.insert((doc.clone(), row["event_id"].clone())),
            "{row:?} twice"
        );
        assert!(
            ids(r, "events").contains(&row["event_id"]),
            "orphan event {row:?}"
        );
        for (col, layer) in [
            ("source_id", "actors"),
            ("target_id", "actors"),
            ("date_id", "dates"),
            ("place_id", "places"),
        ] {
            if let Some(id) = row.get(col) {
                assert!(ids(r, layer).contains(id), "orphan {col} in {row:?}");
            }
        }
        assert!(row.contains_key("source_key") && row.contains_key("sentence_text"));
    }
    let events: usize = records
        .values()
        .map(|r| r["events"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows.len(), events, "one row per record event");
    rows.len()
}

#[test]
fn the_fixture_events_table_joins_back_to_the_records() {
    let n = events_join_back(&[&repo("fixtures/press"), &repo("fixtures/jsonl/press.jsonl")]);
    assert!(n > 50, "only {n} events");
}

#[test]
fn the_dev_events_table_joins_back_to_the_records() {
    let dev = repo("../shared/data/dev");
    if !dev.is_dir() {
        skip(
            "the_dev_events_table_joins_back_to_the_records",
            "no ../shared/data/dev",
        );
        return;
    }
    let n = events_join_back(&[&dev]);
    assert!(n > 0);
}

#[test]
fn csv_and_parquet_tables_have_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("r.jsonl");
    attache()
        .args(["extract", "-q", "fixtures/press", "-o"])
        .arg(&records)
        .current_dir(repo(""))
        .assert()
        .success();
    for format in ["parquet", "csv"] {
        attache()
            .args(["tables", "-q", "--format", format, "-o"])
            .arg(dir.path().join(format))
            .arg(&records)
            .assert()
            .success();
    }
    for table in [
        "documents",
        "entities",
        "actors",
        "events",
        "dates",
        "agreements",
    ] {
        let pq = parquet_rows(&dir.path().join(format!("parquet/{table}.parquet")));
        let csv = std::fs::read_to_string(dir.path().join(format!("csv/{table}.csv"))).unwrap();
        // Records hold no line breaks outside sentence texts; count CSV
        // records by their doc id column instead of by lines.
        let ids: HashSet<&str> = pq.iter().map(|r| r["doc_id"].as_str()).collect();
        let csv_rows = csv
            .lines()
            .skip(1)
            .filter(|l| ids.iter().any(|id| l.starts_with(&format!("{id},"))))
            .count();
        assert_eq!(pq.len(), csv_rows, "{table}");
    }
}

#[test]
fn records_without_the_new_fields_fail_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.jsonl");
    std::fs::write(
        &old,
        "{\"schema\":\"attache.records/1\",\"doc\":{\"id\":\"x\"},\"entities\":[]}\n",
    )
    .unwrap();
    let tables_of = |records: &std::path::Path| {
        attache()
            .args(["tables", "-o"])
            .arg(dir.path().join("t"))
            .arg(records)
            .output()
            .unwrap()
    };
    let out = tables_of(&old);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 1") && err.contains("re-run `attache extract`"),
        "{err}"
    );
    assert!(
        !dir.path().join("t/events.parquet").exists(),
        "no partial tables"
    );
    std::fs::write(&old, "{\"schema\":\"attache.records/9\"}\n").unwrap();
    let out = tables_of(&old);
    assert!(String::from_utf8_lossy(&out.stderr).contains("attache.records/9"));
}

#[test]
fn render_writes_a_page_per_document_and_an_index() {
    let dir = tempfile::tempdir().unwrap();
    attache()
        .args(["render", "-q", "fixtures/press", "-o"])
        .arg(dir.path())
        .current_dir(repo(""))
        .assert()
        .success();
    let pages: Vec<_> = std::fs::read_dir(dir.path().join("docs"))
        .unwrap()
        .collect();
    let fixtures = std::fs::read_dir(repo("fixtures/press")).unwrap().count();
    assert_eq!(pages.len(), fixtures);
    let index = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert_eq!(index.matches("<a href=\"docs/").count(), fixtures);
    // Self-contained: nothing is fetched.
    for page in pages {
        let html = std::fs::read_to_string(page.unwrap().path()).unwrap();
        // (a URL in the document's text is text, not a fetch)
        for fetch in [" src=", "<link", "href=\"http", "url(", "@import"] {
            assert!(!html.contains(fetch), "{fetch} in a page");
        }
        assert!(html.contains("class=\"ent t-"));
    }
}

/// The generated part of `docs/tables.md` lies between these lines.
const BEGIN: &str = "<!-- columns: generated from src/tables/columns.rs -->\n";
const END: &str = "<!-- end of columns -->";

#[test]
fn the_column_reference_lists_every_column() {
    let path = repo("docs/tables.md");
    let mut doc = std::fs::read_to_string(&path).unwrap();
    if std::env::var_os("ATTACHE_UPDATE_GOLDEN").is_some() {
        let (a, b) = (doc.find(BEGIN).unwrap(), doc.find(END).unwrap());
        doc = format!(
            "{}{BEGIN}\n{}{}",
            &doc[..a],
            attache::tables::columns::reference(),
            &doc[b..]
        );
        std::fs::write(&path, &doc).unwrap();
    }
    assert!(
        doc.contains(&attache::tables::columns::reference()),
        "docs/tables.md lacks the current column reference; rewrite it with \
         ATTACHE_UPDATE_GOLDEN=1 cargo test --test integration column_reference"
    );
}

#[test]
fn the_tables_are_the_same_files_whatever_the_jobs() {
    let dir = tempfile::tempdir().unwrap();
    for jobs in ["1", "4"] {
        attache()
            .args(["extract", "-q", "fixtures/press", "-j", jobs, "--tables"])
            .arg(dir.path().join(jobs))
            .current_dir(repo(""))
            .assert()
            .success();
    }
    for table in ["documents", "entities", "events", "agreement_parties"] {
        let name = format!("{table}.parquet");
        let one = std::fs::read(dir.path().join("1").join(&name)).unwrap();
        let four = std::fs::read(dir.path().join("4").join(&name)).unwrap();
        assert!(one == four, "{name} differs between -j 1 and -j 4");
    }
}
