//! Integration tests: they run the built `attache` binary.

mod util;

mod contract;
mod eval;
mod extract;
mod memory;
mod offsets;
mod validate;
