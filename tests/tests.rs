//! Integration tests: they run the built `attache` binary.

mod util;

mod contract;
mod dates_agreements;
mod eval;
mod extract;
mod filter;
mod long_document;
mod memory;
mod offsets;
mod papercuts;
mod train;
mod validate;
