//! Prints who speaks in each document: the author (state, organisation or
//! formation), the author as a person and a joint statement's co-authors,
//! which the record contract does not carry. `scripts/author-check.py`
//! scores them against hand labels of corpus documents.
//!
//! ```sh
//! cargo run --release --example authors -- docs.jsonl > authors.jsonl
//! ```
//!
//! Input is read as `attache extract --input jsonl` reads it, and the
//! documents go through the same pipeline.

use std::path::PathBuf;

use anyhow::Result;
use serde_json::{json, Value};

use attache::doc::Doc;
use attache::input::{plan, Input, InputMode, ReadOptions, Reader};
use attache::pipeline::{Dicts, Pipeline};

fn actor(doc: &Doc, i: Option<usize>) -> Value {
    let Some(a) = i.and_then(|i| doc.actors.get(i)) else {
        return Value::Null;
    };
    json!({
        "name": a.name,
        "kind": a.kind.map(|k| format!("{k:?}").to_lowercase()),
        "country": a.country,
        "aliases": a.aliases,
        "members": a.members,
    })
}

fn main() -> Result<()> {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let sources = plan(&paths, InputMode::Jsonl, |note| eprintln!("{note}"));
    let reader = Reader::new(
        sources,
        ReadOptions {
            mode: InputMode::Jsonl,
            ..ReadOptions::default()
        },
    );
    let pipeline = Pipeline::new(&Dicts::load(&[] as &[PathBuf])?)?;
    for input in reader {
        let Input::Doc(mut doc) = input else {
            continue;
        };
        pipeline.process(&mut doc);
        let co: Vec<Value> = doc
            .co_authors
            .iter()
            .map(|&c| actor(&doc, Some(c)))
            .collect();
        let line = json!({
            "id": doc.info.id,
            "author": actor(&doc, doc.author),
            "person": actor(&doc, doc.author_person),
            "co_authors": co,
        });
        println!("{line}");
    }
    Ok(())
}
