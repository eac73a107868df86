//! A capitalised head that needs a modifier ("Joint Statement", not
//! "Statement") is a name by itself when a capitalised "of" complement
//! follows it (issue 13, item 4): "Declaration of Principles", "Statement
//! of Intent". Declarations and statements only: a capitalised "Program of
//! Assistance" is a government's programme (corpus firings); programmes of
//! action are heads of their own in `models/agreement_cues.tsv`. Not when
//! the complement names a state, body or person ("the Statement of Japan",
//! "Statement of President …"), nor in a heading in capitals.

use super::{Agreements, Head, View};
use crate::doc::{Doc, EntityType};
use crate::lexicon::WordClass;

impl Agreements {
    /// Whether the head ending at `hend` takes a capitalised "of"
    /// complement that is no party's name.
    pub(super) fn capital_of_complement(
        &self,
        doc: &Doc,
        v: &View,
        head: &Head,
        hend: usize,
    ) -> bool {
        let j = hend + 1;
        let kind = matches!(head.kind.as_str(), "declaration" | "statement");
        if !kind || v.w(hend) != "of" || j >= v.text.len() || !v.cap(j) {
            return false;
        }
        let capitals = |k: usize| !v.text[k].chars().any(char::is_lowercase);
        if capitals(j) || self.words.has(WordClass::RoleWord, v.w(j)) {
            return false;
        }
        let party = doc.entities.iter().any(|m| {
            m.tokens.start == j
                && matches!(
                    m.label,
                    EntityType::Gpe | EntityType::Org | EntityType::Person | EntityType::Norp
                )
        });
        !party
    }
}
