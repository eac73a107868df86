//! Document-level recall and plainer names, measured on the hand-annotated
//! document sample `eval/corpus-agreements/` (`scripts/agreement-doc-check.py`):
//!
//! - a hyphenated mediator or duration compound before a head makes it one
//!   instrument ("the UN-mediated truce", "a US-brokered deal", "a 60-day
//!   truce"): the mediator or the term picks out a single one;
//! - "consensus" in lower case is one instrument when a defining clause
//!   follows ("the consensus reached by the two heads of state") or its
//!   possessors are the leaders who reached it ("the two presidents'
//!   consensus"); bare "consensus" stays none ("to build consensus");
//! - a descriptive name leaves out evaluative adjectives ("historic",
//!   "substantial", "current") and a relative pronoun with its auxiliary
//!   ("the deal that was reached in Vienna" → "deal reached in Vienna"):
//!   they say nothing about which instrument it is;
//! - a well-known name is not cut short by its alias when a capitalised
//!   complement follows ("WTO Agreement on Fisheries Subsidies" is not the
//!   "WTO Agreement").
//!
//! Word lists are in `models/agreement_cues.tsv` (classes `evaluative`,
//! `compound_participle`, `duration`, `number`, `possessor`).

use super::{count_word, join_tokens, Agreements, Cand, Link, Site, View};
use crate::doc::TokenKind;
use crate::lexicon::WordSet;

/// How many adjectives may stand between a possessor and its head ("the
/// leaders' important political consensus").
const MAX_POSSESSED_ADJECTIVES: usize = 2;

/// The longest alias a capitalised complement may extend ("WTO Agreement").
const MAX_SHORT_ALIAS: usize = 3;

/// The word classes these rules read.
#[derive(Debug, Clone, Default)]
pub(super) struct Cues {
    /// Adjectives that evaluate rather than identify ("historic").
    evaluative: WordSet<String>,
    /// Last parts of mediator compounds ("UN-mediated", "US-brokered").
    compound_participles: WordSet<String>,
    /// Time units of a term compound ("60-day", "two-week").
    duration: WordSet<String>,
    /// Number words of a term compound beyond "two" … "six" ("ten-day").
    numbers: WordSet<String>,
    /// Plural nouns whose possessive names who reached a consensus ("leaders'").
    possessors: WordSet<String>,
}

impl Cues {
    /// The class names this module reads.
    pub(super) const CLASSES: [&'static str; 5] = [
        "evaluative",
        "compound_participle",
        "duration",
        "number",
        "possessor",
    ];

    /// Adds a row of class `class` (one of `CLASSES`).
    pub(super) fn add(&mut self, class: &str, phrase: &str) {
        let w = phrase.to_lowercase();
        let set = match class {
            "evaluative" => &mut self.evaluative,
            "compound_participle" => &mut self.compound_participles,
            "duration" => &mut self.duration,
            "number" => &mut self.numbers,
            _ => &mut self.possessors,
        };
        set.insert(w);
    }
}

impl Agreements {
    /// Whether the lower-case token `w` is a compound that picks out one
    /// instrument of `kind`: a mediator ("un-mediated") for any head, a
    /// term ("60-day", "three-month") for a ceasefire.
    pub(super) fn specific_compound(&self, w: &str, kind: &str) -> bool {
        let Some((left, right)) = w.rsplit_once('-') else {
            return false;
        };
        if left.is_empty() {
            return false;
        }
        if self.refine.compound_participles.contains(right) {
            return true;
        }
        let number = left.chars().all(|c| c.is_ascii_digit())
            || count_word(left).is_some()
            || self.refine.numbers.contains(left);
        kind == "ceasefire" && number && self.refine.duration.contains(right)
    }

    /// Whether `w` (lower case) evaluates rather than identifies ("historic"):
    /// no modifier that makes a head specific, and no part of a name.
    pub(super) fn evaluative(&self, w: &str) -> bool {
        self.refine.evaluative.contains(w)
    }

    /// A descriptive name without evaluative adjectives and without a
    /// relative pronoun's auxiliaries ("that was reached" → "reached").
    pub(super) fn plain_name(&self, name: &str) -> String {
        let words: Vec<&str> = name.split(' ').collect();
        let mut out: Vec<&str> = Vec::with_capacity(words.len());
        let mut k = 0;
        while k < words.len() {
            let w = words[k];
            let lower = w.to_lowercase();
            // (lower case only: "Historic" may open a name)
            if w == lower && self.refine.evaluative.contains(&lower) && words.len() > 1 {
                k += 1;
                continue;
            }
            if matches!(lower.as_str(), "that" | "which") {
                let mut j = k + 1;
                while j < words.len() && self.spec.auxiliaries.contains(&words[j].to_lowercase()) {
                    j += 1;
                }
                let participle = words
                    .get(j)
                    .is_some_and(|p| self.spec.participles.contains(&p.to_lowercase()));
                if j > k + 1 && participle {
                    k = j;
                    continue;
                }
            }
            out.push(w);
            k += 1;
        }
        if out.is_empty() {
            return name.to_string();
        }
        out.join(" ")
    }

    /// "the two presidents' important consensus", "our leaders' consensus":
    /// the first token of the possessor phrase before the head at `i`.
    fn possessor_before(&self, v: &View, i: usize, first: usize) -> Option<usize> {
        let mut k = i;
        while k > first
            && i - k < MAX_POSSESSED_ADJECTIVES
            && v.kind[k - 1] == TokenKind::Word
            && !v.cap(k - 1)
            && !self.determiners.contains(v.w(k - 1))
            && !self.refine.possessors.contains(v.w(k - 1))
        {
            k -= 1;
        }
        // the apostrophe, then the plural possessor
        if k < first + 2 || !matches!(v.text[k - 1], "\u{2019}" | "'") {
            return None;
        }
        let owner = k - 2;
        if !self.refine.possessors.contains(v.w(owner)) {
            return None;
        }
        // "the two presidents'": a count word stays in the name
        let start = if owner > first && count_word(v.w(owner - 1)).is_some() {
            owner - 1
        } else {
            owner
        };
        Some(start)
    }

    /// A lower-case "consensus" made specific by its possessors or by a
    /// defining clause; pushes its candidate and returns where the scan goes
    /// on, or `None`.
    pub(super) fn possessed_consensus(&self, site: Site<'_>, out: &mut Vec<Cand>) -> Option<usize> {
        let Site { at, i, hend, head } = site;
        let v = at.v;
        let start = self.possessor_before(v, i, at.first)?;
        let end = self.defining_clause(at, i, hend).unwrap_or(hend);
        out.push(self.described(at, start, end, head));
        Some(end)
    }

    /// Whether the alias ending at `end` is the start of a longer name: its
    /// last token is a head and a capitalised complement follows ("WTO
    /// Agreement on Fisheries Subsidies").
    pub(super) fn longer_name_after(
        &self,
        v: &View,
        alias_start: usize,
        end: usize,
        lim: usize,
    ) -> bool {
        // (a full name is complete: "Joint Comprehensive Plan of Action on
        // the Iranian nuclear programme" says what it is about)
        if end >= lim || end > alias_start + MAX_SHORT_ALIAS || !matches!(v.w(end), "on" | "for") {
            return false;
        }
        let head_last = (alias_start..end)
            .any(|k| self.heads.longest(v, k, lim).is_some_and(|(e, _)| e == end));
        let j = end + 1;
        head_last && j < lim && v.cap(j) && v.kind[j] == TokenKind::Word
    }
}

impl Agreements {
    /// "the Malaysia arrangement": a state's name between a determiner and a
    /// lower-case capital-only head picks out the arrangement made with it;
    /// pushes the candidate and returns where the scan goes on. ("the Quad
    /// framework", "the United Nations framework" name no state: none.)
    pub(super) fn state_arrangement(&self, site: Site<'_>, out: &mut Vec<Cand>) -> Option<usize> {
        let Site { at, i, hend, head } = site;
        let m = at.doc.entities.iter().find(|m| {
            m.tokens.end == i && m.tokens.start > at.first && m.label == crate::doc::EntityType::Gpe
        })?;
        let start = m.tokens.start;
        if !self.determiners.contains(at.v.w(start - 1)) {
            return None;
        }
        let name = join_tokens(at.doc, start, hend);
        let mut c = self.cand(
            at.doc,
            at.v,
            at.s,
            start,
            hend - 1,
            &name,
            &head.kind,
            false,
            Link::Generic,
        );
        c.parties = vec![at.doc.span_text(m.span).to_string()];
        out.push(c);
        Some(hend)
    }
}
