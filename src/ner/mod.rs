//! Named entities: the gazetteer ruler, the statistical tagger, and how the
//! two are merged into the `entities` layer.
//!
//! The tagger is a two-stage linear-chain averaged perceptron over BILOU
//! tags with hashed features, document-level (non-local) features, word
//! clusters and a gazetteer learned from the training data. [`conll`] reads
//! CoNLL files (IOB1 / IOB2 / BILOU / IOBES auto-detected), [`features`]
//! builds hashed features, [`model`] holds weights, decoding, calibrated
//! confidences and the binary format, [`train`](mod@train) runs training, [`eval`] is a
//! `conlleval`-equivalent scorer, [`clusters`] learns word clusters from raw
//! text, [`recipe`] is the training command with its meta file.
//!
//! [`offices`] holds known persons' dated offices, keyed by gazetteer ids.
//!
//! The ruler ([`gazetteer`]) runs first; [`merge`] documents how its matches
//! and the tagger's spans combine; [`types`] maps the tagger's CoNLL types
//! onto the record's; [`stage`] is the pipeline stage.

mod acronym;
mod asides;
mod byline;
mod closing_person;
pub mod clusters;
pub mod conll;
mod contact;
pub mod eval;
pub mod features;
pub mod gazetteer;
pub mod hash;
pub mod headline;
mod joined;
pub(crate) mod leaders;
pub mod merge;
pub mod model;
pub mod offices;
pub mod press;
mod province;
pub mod recipe;
pub(crate) mod reshape;
mod runon;
pub mod scheme;
pub mod stage;
pub mod train;
pub mod types;

pub use conll::{read_conll, read_conll_file, Chunk, Document, Sentence};
pub use eval::{conlleval, ChunkScores, Prf};
pub use model::{tags_to_spans, Bio, Model, Span, TokenTag};
pub use scheme::TagScheme;
pub use train::{train, train_with_gazetteer, EpochReport, TrainConfig};

/// Errors of the NER module.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    /// A file could not be read or written.
    #[error("I/O error on {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A CoNLL file is malformed.
    #[error("CoNLL format error at line {line}: {msg}")]
    Format {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        msg: String,
    },
    /// A model file is corrupt or of another version.
    #[error("bad model file: {0}")]
    BadModel(String),
    /// Training could not proceed.
    #[error("training error: {0}")]
    Train(String),
}

/// Optional gazetteer hook. `lookup` receives the tokens of one sentence and
/// must return one bitmask (of gazetteer classes) per token. Training and
/// tagging must use the same lookup for the features to mean the same thing.
pub trait GazetteerLookup {
    /// One bitmask per token.
    fn lookup(&self, tokens: &[&str]) -> Vec<u32>;
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod tests_constructions;

#[cfg(test)]
mod tests_decode;
