//! A capitalised head that needs a modifier ("Joint Statement", not
//! "Statement") is a name by itself when a capitalised "of" complement
//! follows it (issue 13, item 4): "Declaration of Principles", "Statement
//! of Intent". Declarations and statements only: a capitalised "Program of
//! Assistance" is a government's programme (corpus firings); programmes of
//! action are heads of their own in `models/agreement_cues.tsv`. Not when
//! the complement names a state, body or person ("the Statement of Japan",
//! "Statement of President …"), nor in a heading in capitals; a plural
//! role after "of the" is a collective author, so a joint text ("Declaration
//! of the Heads of State and Government of …"). A declaration also takes a
//! capitalised "on"/"to" complement ("Declaration on the Formation of …",
//! "Declaration to Triple …"; corpus sample, issue 13).

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
        let declaration = head.kind == "declaration";
        let kind = declaration || head.kind == "statement";
        let prep = v.w(hend);
        let opens = prep == "of" || declaration && matches!(prep, "on" | "to");
        // "of the Heads of State", "on the Formation of"
        let j = hend + 1 + usize::from(v.w(hend + 1) == "the");
        if !kind || !opens || j >= v.text.len() || !v.cap(j) {
            return false;
        }
        let capitals = |k: usize| !v.text[k].chars().any(char::is_lowercase);
        let role = self.words.has(WordClass::RoleWord, v.w(j));
        let plural_role = role && v.w(j).ends_with('s') && j > hend + 1;
        if capitals(j) || role && !plural_role {
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
