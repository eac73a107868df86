//! Tests of the syntax module.
