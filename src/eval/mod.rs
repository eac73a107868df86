//! Evaluation: scoring records against document-level gold sets.

pub mod gold;
