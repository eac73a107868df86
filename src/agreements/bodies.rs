//! Session 20 (issue 13, item 4; corpus counts in `docs/agreements-recall.md`):
//! who a statement, declaration or memorandum belongs to decides whether
//! it is an instrument between parties.
//!
//! - A lower-case statement or declaration whose pre-modifier is a body of
//!   several states is that body's joint instrument: a UN organ from the
//!   issuer list ("the UN Security Council statement"), a formation of
//!   `models/formations.tsv` ("the G7 statement") or a grouping of the
//!   `joint_body` class ("the NAM statement"); a plural possessive names
//!   joint authors as a capitalised one does ("the G7 leaders' statement").
//! - A declaration after "the" named by a capitalised run that is no
//!   person and no nationality is named after its place or occasion even
//!   when the tagger does not know the place ("the Biketawa Declaration").
//! - A memorandum with an executive pre-modifier ("Presidential
//!   Memorandum", "National Security Memorandum") is a government's own
//!   directive, which the conventions leave out with executive orders.
//! - A statement whose only modifier names a single author ("Ministerial
//!   Statement") is one minister's statement unless it names two or more
//!   parties ("Ministerial Statement of A, B and C").
//!
//! - A plural head after "the" and a capitalised name ("the Camp David
//!   agreements", "the Normandy format accords") is the set concluded
//!   there or in that format: one record, as a year before it makes one
//!   ("the 2015 agreements"); a head the parse reads as a verb ("the
//!   Commission deals with …") is none, and neither is a set an adjective
//!   describes ("the UN multilateral agreements").
//!
//! Word lists are in `models/agreement_cues.tsv` (classes `joint_body`,
//! `executive_premodifier`, `single_author`).

use super::{Agreements, InSentence, View};
use crate::doc::{Doc, EntityType, TokenKind};
use crate::lexicon::WordSet;

/// How many words a body's name before the head may have ("United Nations
/// Security Council").
const MAX_BODY_WORDS: usize = 4;

/// The word classes these rules read.
#[derive(Debug, Clone, Default)]
pub(super) struct Cues {
    /// Groupings of states whose statements their members adopt together
    /// ("nam", "sco"), lower case.
    joint_body: WordSet<String>,
    /// Pre-modifiers that make a memorandum a government's own directive
    /// ("presidential", "national security"), lower case.
    executive: WordSet<String>,
    /// Modifiers that name a single author ("ministerial").
    single_author: WordSet<String>,
}

impl Cues {
    /// The class names this module reads.
    // not a word list: the cue file's class names
    pub(super) const CLASSES: [&'static str; 3] =
        ["joint_body", "executive_premodifier", "single_author"];

    /// Adds a row of class `class` (one of `CLASSES`).
    pub(super) fn add(&mut self, class: &str, phrase: &str) {
        let w = phrase.to_lowercase();
        match class {
            "joint_body" => self.joint_body.insert(w),
            "executive_premodifier" => self.executive.insert(w),
            _ => self.single_author.insert(w),
        };
    }

    /// Whether `w` is a modifier that names a single author.
    pub(super) fn single_author(&self, w: &str) -> bool {
        self.single_author.contains(w)
    }
}

/// Whether token `k` is the apostrophe of a plural possessive ("leaders'",
/// "Ministers’"), after a word of more than three letters ending in "s".
pub(super) fn plural_possessive(v: &View, k: usize, first: usize) -> bool {
    k > first
        && matches!(v.text[k], "\u{2019}" | "'")
        && v.kind[k - 1] == TokenKind::Word
        && v.text[k - 1].len() > 3
        && v.text[k - 1].ends_with('s')
        && !v.text[k - 1].ends_with("ss")
}

impl Agreements {
    /// "the UN Security Council statement", "the G7 statement": where the
    /// name of a body of several states ending right before `a` starts.
    pub(super) fn joint_body_before(&self, at: InSentence<'_>, a: usize) -> Option<usize> {
        let v = at.v;
        let lo = a.saturating_sub(MAX_BODY_WORDS).max(at.first + 1);
        (lo..a).find(|&k| {
            let issuer = self
                .issuers
                .longest(v, k, at.lim)
                .is_some_and(|(e, _)| e == a);
            let words: Vec<&str> = (k..a).map(|j| v.w(j)).collect();
            let name = words.join(" ");
            let listed = a == k + 1 && self.bodies.joint_body.contains(name.as_str());
            let formation = v.cap(k) && self.formations.lookup(&v.text[k..a].join(" ")).is_some();
            issuer || listed || formation
        })
    }

    /// "the Camp David agreements": whether the plural head at `i..hend`,
    /// named by the capitalised run from `run`, is one set of instruments.
    pub(super) fn named_set(
        &self,
        at: InSentence<'_>,
        run: usize,
        (i, hend): (usize, usize),
        head_kind: &str,
    ) -> bool {
        let v = at.v;
        let verb = super::specific::parsed(at.doc, i).is_some_and(|(upos, _, _)| upos == "VERB")
            || v.w(hend) == "with";
        // ("the UN multilateral agreements": an adjective makes a kind, not a set)
        // (only nouns between the name and the head: "the State Department
        // regarding agreements" is no name of them)
        let kind_word = (run..i).any(|k| {
            !v.cap(k)
                && super::specific::parsed(at.doc, k)
                    .is_none_or(|(upos, _, _)| !matches!(upos, "NOUN" | "PROPN"))
        });
        // ("the COVID protocols": only agreements and accords are sets here)
        let agreements = head_kind == "agreement";
        agreements && run > at.first && v.w(run - 1) == "the" && v.cap(run) && !verb && !kind_word
    }

    /// Whether a pre-modifier in `a..i` makes a memorandum head a
    /// government's own directive ("Presidential Memorandum").
    pub(super) fn executive_memorandum(&self, v: &View, a: usize, i: usize, kind: &str) -> bool {
        kind == "memorandum"
            && (a..i).any(|k| {
                self.bodies.executive.contains(v.w(k))
                    || (k + 1 < i
                        && self
                            .bodies
                            .executive
                            .contains(format!("{} {}", v.w(k), v.w(k + 1)).as_str()))
            })
    }

    /// "the Biketawa Declaration": a capitalised run `a..i` after "the"
    /// that is no person's or nationality's name, before a place-named head.
    pub(super) fn run_named(&self, doc: &Doc, v: &View, first: usize, a: usize, i: usize) -> bool {
        let person = doc.entities.iter().any(|m| {
            matches!(m.label, EntityType::Person | EntityType::Norp)
                && m.tokens.start < i
                && a < m.tokens.end
        });
        // (an upper-case heading capitalises every word)
        let shouting = (a..=i).all(|k| !v.text[k].chars().any(char::is_lowercase));
        a > first
            && a < i
            && v.w(a - 1) == "the"
            && (a..i)
                .all(|k| v.kind[k] == TokenKind::Word && v.text[k].starts_with(char::is_uppercase))
            && !person
            && !shouting
    }
}
