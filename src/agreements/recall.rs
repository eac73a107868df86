//! Recall rules measured on the second document sample
//! `eval/corpus-agreements-2/` (`scripts/agreement-doc-check.py score
//! --sample eval/corpus-agreements-2`), each a general construction:
//!
//! - a declaration named after the place where it was adopted ("the
//!   Copenhagen Declaration", "the Los Angeles Declaration") is a named
//!   instrument: a place is no single author, so no joint modifier is
//!   needed (a place inside a longer name, "the Texas Disaster
//!   Declaration", is not next to the head and does not count);
//! - two named instruments whose names differ in one word that is no head
//!   word are two instruments ("Istanbul Programme of Action, Vienna
//!   Programme of Action"; treaties with two different parties), however
//!   many words they share;
//! - a definite plural with a party-count adjective and a describing
//!   complement ("the trilateral agreements on the border between …") is
//!   the set those parties concluded, not a general reference.
//!
//! Word lists are in `models/agreement_cues.tsv` (classes `place_named`,
//! `party_count`).

use super::{join_tokens, Agreements, Cand, Link, Site};
use crate::doc::EntityType;
use crate::lexicon::WordSet;

/// The fewest words of a describing complement ("on" and two words).
const MIN_DESCRIBED: usize = 3;

/// The word classes these rules read.
#[derive(Debug, Clone, Default)]
pub(super) struct Cues {
    /// Heads a place name before them names ("declaration").
    place_named: WordSet<String>,
    /// Adjectives that count a head's parties ("bilateral", "trilateral").
    party_count: WordSet<String>,
}

impl Cues {
    /// The class names this module reads.
    pub(super) const CLASSES: [&'static str; 2] = ["place_named", "party_count"];

    /// Adds a row of class `class` (one of `CLASSES`).
    pub(super) fn add(&mut self, class: &str, phrase: &str) {
        let w = phrase.to_lowercase();
        match class {
            "place_named" => self.place_named.insert(w),
            _ => self.party_count.insert(w),
        };
    }
}

impl Agreements {
    /// Whether the capitalised head `i..hend` is named by the place right
    /// before it ("Copenhagen Declaration"): the head is a `place_named`
    /// one and a GPE or LOC mention ends at `i`.
    pub(super) fn place_named(&self, doc: &crate::doc::Doc, v: &super::View, i: usize) -> bool {
        self.recall.place_named.contains(v.w(i))
            && doc
                .entities
                .iter()
                .any(|m| m.tokens.end == i && matches!(m.label, EntityType::Gpe | EntityType::Loc))
    }

    /// Whether two named instruments' name words `a` and `b` differ by one
    /// word each that is no head word ("istanbul"/"vienna" in "… Programme
    /// of Action"): then they are two instruments, unless one word is the
    /// other with more glued on.
    pub(super) fn one_word_apart(&self, a: &WordSet<String>, b: &WordSet<String>) -> bool {
        let only_a: Vec<&String> = a.difference(b).collect();
        let only_b: Vec<&String> = b.difference(a).collect();
        // (a word that opens a head phrase: "accord" against "agreement")
        let head_word = |w: &str| self.heads.by_first.contains_key(w);
        // ("India"/"Indiathe": one word glued to the next is a variant)
        let variant = |x: &str, y: &str| x.starts_with(y) || y.starts_with(x);
        only_a.len() == 1
            && only_b.len() == 1
            && !head_word(only_a[0])
            && !head_word(only_b[0])
            && !variant(only_a[0], only_b[0])
    }

    /// "the trilateral agreements on Nagorno-Karabakh": a definite plural
    /// head after a party-count adjective, with a describing complement from
    /// `hend` to `b`; pushes the candidate and returns where the scan goes
    /// on, or `None`.
    pub(super) fn counted_parties_plural(
        &self,
        site: Site<'_>,
        a: usize,
        b: usize,
        out: &mut Vec<Cand>,
    ) -> Option<usize> {
        let Site { at, i, hend, head } = site;
        let v = at.v;
        let counted = (a..i).any(|k| self.recall.party_count.contains(v.w(k)));
        if !head.plural || !counted || v.w(hend) != "on" || b < hend + MIN_DESCRIBED {
            return None;
        }
        let end = self.trim_end(v, hend, b);
        let name = join_tokens(at.doc, a, end);
        let c = self.cand(
            at.doc,
            v,
            at.s,
            a,
            end - 1,
            &name,
            &head.kind,
            false,
            Link::Generic,
        );
        out.push(c);
        Some(end)
    }
}
