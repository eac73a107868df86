//! attache: diplomatic texts in, structured event-data records out.
//!
//! One [`doc::Doc`] flows through a [`pipeline::Pipeline`] of stages; each
//! stage reads what earlier stages wrote and adds its own layer (masked
//! boilerplate → title and language → tokens → sentences → …). A record
//! ([`records::Record`]) is made from the finished document.
//!
//! ```
//! use attache::doc::{Doc, DocInfo};
//! use attache::pipeline::{Dicts, Pipeline};
//! use attache::records::{Record, RecordOptions};
//!
//! let pipeline = Pipeline::new(&Dicts::default()).unwrap();
//! let text = "Ministers meet in Yerevan\n\nOn 24 May, Mr. Ghazaryan met the U.S. envoy. They talked.";
//! let mut doc = Doc::new(DocInfo { id: "example".into(), ..DocInfo::default() }, text.into());
//! pipeline.process(&mut doc);
//! assert_eq!(doc.sentences.len(), 3);
//! let first = doc.tokens[0].span;
//! assert_eq!(doc.span_text(first), "Ministers");
//!
//! let record = Record::from_doc(&doc, RecordOptions::default());
//! assert_eq!(record.doc.title.as_deref(), Some("Ministers meet in Yerevan"));
//! assert_eq!(record.doc.chars, text.chars().count());
//! ```
//!
//! Batches run through [`batch::run_batch`], which reads with
//! [`input::Reader`], processes in parallel and writes records in input
//! order. The wire format is documented in [`records`].

#![deny(missing_docs)]
#![warn(clippy::unwrap_used, clippy::expect_used)]

pub mod actors;
pub mod agreements;
pub mod batch;
pub mod bench;
mod cache;
pub mod dates;
pub mod doc;
pub mod error;
pub mod eval;
pub mod events;
pub mod input;
pub mod inspect;
pub mod lexicon;
pub mod ner;
pub mod pipeline;
pub mod records;
pub mod render;
pub mod syntax;
pub mod tables;
pub mod text;

pub use error::Error;
