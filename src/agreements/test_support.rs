//! What the agreements tests share: the whole pipeline on an invented
//! sentence, dated 3 June 2023, and the names of its agreement records.

use crate::doc::Doc;

pub(super) fn run(text: &str) -> Doc {
    crate::pipeline::testing::run(crate::dates::DateOrder::Dmy, Some("2023-06-03"), text)
}

pub(super) fn names(text: &str) -> Vec<String> {
    run(text)
        .agreements
        .iter()
        .map(|a| a.name.clone())
        .collect()
}
