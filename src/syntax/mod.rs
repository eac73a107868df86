//! Syntax: part-of-speech tags, lemmas and dependency trees.
//!
//! A greedy pipeline of three models over one sentence at a time, all in
//! one embedded model file ([`model::SyntaxModel`]):
//!
//! 1. [`tagger`]: an averaged-perceptron tagger over joint `UPOS|XPOS`
//!    classes (left to right, the two previous predictions and the tag
//!    dictionary's classes of the next two words as features);
//! 2. [`lemma`]: an exception table plus suffix rules keyed by UPOS, both
//!    learned from the treebank;
//! 3. [`parser`]: an arc-hybrid transition parser with a single root,
//!    trained with a dynamic oracle ([`oracle`]); the transition (3 classes)
//!    and the label (only on arcs) are scored by two separate weight tables.
//!
//! Training is in [`train`], CoNLL-U reading and writing in [`conllu`], the
//! CoNLL 2018 scorer in [`eval`], the pipeline stage in [`stage`].

pub mod clusters;
pub mod conllu;
pub mod eval;
pub mod filter;
pub mod lemma;
mod lone_words;
pub mod model;
mod names;
pub mod oracle;
pub mod parser;
mod pfeatures;
mod repair;
pub mod stage;
pub mod table;
pub mod tagger;
pub mod train;
mod verb_need;

pub use conllu::{read_conllu, write_conllu, ConlluSentence, ConlluWord};
pub use eval::{evaluate, SyntaxScores};
pub use model::SyntaxModel;
pub use stage::SyntaxStage;

/// Errors of the syntax module.
#[derive(Debug, thiserror::Error)]
pub enum SyntaxError {
    /// A file could not be read or written.
    #[error("I/O error on {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A CoNLL-U file is malformed.
    #[error("CoNLL-U format error at line {line}: {msg}")]
    Format {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        msg: String,
    },
    /// A model file is corrupt or of another version.
    #[error("bad syntax model: {0}")]
    BadModel(String),
    /// Training could not proceed.
    #[error("training error: {0}")]
    Train(String),
}

/// The analysis of one token: what the syntax stage adds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TokenSyntax {
    /// Dictionary form ("met" → "meet").
    pub lemma: String,
    /// Universal part of speech (`NOUN`, `VERB`, …).
    pub upos: &'static str,
    /// Penn Treebank tag (`NN`, `VBD`, …).
    pub xpos: &'static str,
    /// Index of the head in `Doc::tokens`, or `None` for the sentence root.
    pub head: Option<usize>,
    /// Universal dependency relation, with its subtype (`nsubj:pass`).
    pub deprel: &'static str,
}

#[cfg(test)]
mod tests;
