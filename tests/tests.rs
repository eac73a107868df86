//! Integration tests: they run the built `attache` binary.

mod util;

mod contract;
mod extract;
mod memory;
mod offsets;
