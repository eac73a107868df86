//! Integration tests: they run the built `attache` binary.

mod util;

mod agreements_standoff;
mod architecture;
mod contract;
mod dates_agreements;
mod eval;
mod extract;
mod filter;
mod golden;
mod long_document;
mod memory;
mod offsets;
mod papercuts;
mod tables;
mod train;
mod validate;
