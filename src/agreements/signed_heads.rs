//! A head that needs a modifier ("joint statement", "trilateral
//! declaration") is an instrument without one when a signing or adopting
//! verb takes it as its object ("the two presidents signed a declaration
//! on strategic partnership", "the summit adopted the declaration on food
//! security") or a defining participle follows it ("the statement agreed
//! by the ministers"): one author's statement is issued or made, not
//! signed or adopted (session 17, issue 13 item 4; verbs in
//! `models/agreement_cues.tsv`, classes `object_verb`, `object_participle`).

use super::{Agreements, Flag, Head, View};

/// Words that may stand between the verb and the head: an article and up
/// to two lower-case premodifiers ("signed a migration declaration").
const MAX_BETWEEN: usize = 3;

impl Agreements {
    /// `head` read as a plain head when it needs a modifier but stands as
    /// the object of a signing verb ("signed a declaration on …": no
    /// "joint" needed).
    pub(super) fn as_signed_object(
        &self,
        head: Head,
        v: &View,
        first: usize,
        i: usize,
        hend: usize,
    ) -> Head {
        if head.flag == Flag::Modifier && !head.plural && self.signed_object(v, first, i, hend) {
            Head {
                flag: Flag::Plain,
                ..head
            }
        } else {
            head
        }
    }

    /// Whether the singular head at `i..hend` is the object of a signing
    /// verb or is followed by a defining participle and "by", "at" or "in".
    pub(super) fn signed_object(&self, v: &View, first: usize, i: usize, hend: usize) -> bool {
        let after = self.object_participles.contains(v.w(hend))
            && matches!(v.w(hend + 1), "by" | "at" | "in");
        let article = |k: usize| matches!(v.w(k), "a" | "an" | "the");
        if after && i > first && article(i - 1) {
            return true;
        }
        // back over premodifiers to an article, then the verb
        let mut k = i;
        while k > first && i - k < MAX_BETWEEN {
            k -= 1;
            if article(k) {
                return k > first && self.object_verbs.contains(v.w(k - 1));
            }
            if v.cap(k) || !v.w(k).starts_with(char::is_alphabetic) {
                return false;
            }
        }
        false
    }
}
