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
//! - a calendar date between "the" and a lower-case head ("the October
//!   23rd ceasefire agreement", "the 9 May statement") picks out one
//!   instrument, as a year does ("the 2015 agreement"); a duration ("the
//!   two-year deal") is no date of the instrument;
//! - "the" with a count and a plural head and no complement to split
//!   ("the three China-US joint communiqués", "the four political
//!   documents") is one closed set of instruments: one record;
//! - a plan or programme that a "national" or "domestic" premodifier
//!   makes one state's own ("a national action plan on disability
//!   policy", "the National Plan of Action") is a domestic plan, which the
//!   conventions leave out: no instrument between parties.
//!
//! Word lists are in `models/agreement_cues.tsv` (classes `place_named`,
//! `party_count`, `domestic`).

use super::{join_tokens, Agreements, Cand, Site};
use crate::doc::{EntityType, TokenKind};
use crate::lexicon::WordSet;

/// The fewest words of a describing complement ("on" and two words).
const MIN_DESCRIBED: usize = 3;

/// How far before a plan's head a domestic premodifier may stand ("national
/// climate action plan").
const DOMESTIC_REACH: usize = 2;

/// How many capitalised party words may stand between a count and its
/// head's modifiers ("the three China-US joint communiqués").
const MAX_PARTY_WORDS: usize = 2;

/// The kind of plans, programmes and roadmaps (`models/agreement_cues.tsv`).
pub(super) const PLAN_KIND: &str = "other";

/// The word classes these rules read.
#[derive(Debug, Clone, Default)]
pub(super) struct Cues {
    /// Heads a place name before them names ("declaration").
    place_named: WordSet<String>,
    /// Adjectives that count a head's parties ("bilateral", "trilateral").
    party_count: WordSet<String>,
    /// Adjectives that make a plan one state's own ("national").
    domestic: WordSet<String>,
}

impl Cues {
    /// The class names this module reads.
    pub(super) const CLASSES: [&'static str; 3] = ["place_named", "party_count", "domestic"];

    /// Adds a row of class `class` (one of `CLASSES`).
    pub(super) fn add(&mut self, class: &str, phrase: &str) {
        let w = phrase.to_lowercase();
        match class {
            "place_named" => self.place_named.insert(w),
            "party_count" => self.party_count.insert(w),
            _ => self.domestic.insert(w),
        };
    }
}

impl Agreements {
    /// Whether the plan or programme head at `i` is a domestic one: a
    /// `domestic` word stands among the two words before it ("national
    /// action plan", "National Plan of Action"), with no punctuation between.
    pub(super) fn domestic_plan(
        &self,
        v: &super::View,
        i: usize,
        first: usize,
        kind: &str,
    ) -> bool {
        if kind != PLAN_KIND {
            return false;
        }
        (i.saturating_sub(DOMESTIC_REACH).max(first)..i)
            .rev()
            .take_while(|&k| v.kind[k] == crate::doc::TokenKind::Word)
            .any(|k| self.recall.domestic.contains(v.w(k)))
    }

    /// The first token of a calendar date that ends at `a` and follows
    /// "the" ("the October 23rd ceasefire agreement"), when there is one.
    pub(super) fn dated_before(&self, at: super::InSentence<'_>, a: usize) -> Option<usize> {
        let d = &at.doc.dates[*at.date_at.get(&a.checked_sub(1)?)?];
        let calendar = matches!(d.granularity.as_str(), "day" | "month");
        let start = d.tokens.start;
        (calendar && d.tokens.end == a && start > at.first && at.v.w(start - 1) == "the")
            .then_some(start)
    }

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

    /// Whether `w` is a head a place before it names ("declaration").
    pub(super) fn place_named_head(&self, w: &str) -> bool {
        self.recall.place_named.contains(w)
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
        let c = self.generic_cand(&at, a, end - 1, &name, &head.kind);
        out.push(c);
        Some(end)
    }

    /// "the three China-US joint communiqués": a definite count before the
    /// plural head at `i` (capitalised party words may stand between the
    /// count and the lower-case modifiers from `a`) names one closed set;
    /// pushes its candidate and returns where the scan goes on, or `None`.
    pub(super) fn counted_set(
        &self,
        site: Site<'_>,
        a: usize,
        out: &mut Vec<Cand>,
    ) -> Option<usize> {
        let Site { at, i, hend, head } = site;
        let v = at.v;
        if !head.plural || v.w(hend) == "on" {
            return None;
        }
        let mut k = a;
        while k > at.first
            && a - k < MAX_PARTY_WORDS
            && v.cap(k - 1)
            && v.kind[k - 1] == TokenKind::Word
        {
            k -= 1;
        }
        let count = k.checked_sub(1).filter(|&c| c > at.first)?;
        if super::count_word(v.w(count)).is_none_or(|n| n < 2) || v.w(count - 1) != "the" {
            return None;
        }
        let name = join_tokens(at.doc, count, hend);
        let mut c = self.generic_cand(&at, count, hend - 1, &name, &head.kind);
        c.parties = super::complements::entity_names(at.doc, k, i, &[EntityType::Gpe]);
        out.push(c);
        Some(hend)
    }
}
