//! Sentences and tokens with char offsets, and the lexical helpers they share.

pub mod lexical;
pub mod numbers;
pub mod sentences;
pub mod titles;
pub mod tokenize;

pub use lexical::Lexical;
pub use sentences::split_sentences;
pub use tokenize::Tokenizer;

#[cfg(test)]
mod tests;
