//! Legal guarantees sought (session 16, issue 13 item 4): "long-term,
//! legally binding security guarantees", "legal guarantees ruling out …"
//! name one instrument that states seek from others (the dev gold lists
//! them, "sought by Russia"). Without a legal premodifier "guarantees" is
//! the guarantees themselves ("security guarantees for Ukraine",
//! "guarantees of rights"), and a coordinated premodifier ("legal and
//! social guarantees for personnel") is one state's own law: no record.
//! Corpus counts in `docs/agreements-recall.md`.

use super::specific::parsed;
use super::{join_tokens, name_tokens, Agreements, Cand, InSentence};
use crate::doc::TokenKind;
use crate::lexicon::WordSet;

/// How far before the head a legal premodifier may stand ("long-term,
/// legally binding national security guarantees").
const MAX_PREMODIFIERS: usize = 4;

/// The word classes this rule reads.
#[derive(Debug, Clone, Default)]
pub(super) struct Cues {
    /// Plural nouns of a guarantee ("guarantees", "guaranties").
    heads: WordSet<String>,
    /// Words that make guarantees a legal instrument ("legal", "legally",
    /// "juridical").
    legal: WordSet<String>,
}

impl Cues {
    /// The class names this module reads.
    // not a word list: the cue file's class names
    pub(super) const CLASSES: [&'static str; 2] = ["guarantee_head", "legal_premodifier"];

    /// Adds a row of class `class` (one of `CLASSES`).
    pub(super) fn add(&mut self, class: &str, phrase: &str) {
        let w = phrase.to_lowercase();
        if class == "guarantee_head" {
            self.heads.insert(w);
        } else {
            self.legal.insert(w);
        }
    }
}

impl Agreements {
    /// A lower-case guarantee head at `i` with a legal premodifier before
    /// it: one record named from the first legal word, the head written
    /// "guarantees". Returns where the scan goes on.
    pub(super) fn legal_guarantees(
        &self,
        at: InSentence<'_>,
        i: usize,
        out: &mut Vec<Cand>,
    ) -> Option<usize> {
        let v = at.v;
        if !self.guarantees.heads.contains(v.w(i)) || v.cap(i) {
            return None;
        }
        // "the law legally guarantees their rights": a verb (by the parse,
        // or an article or determiner after it)
        let object = matches!(v.w(i + 1), "a" | "an") || self.determiners.contains(v.w(i + 1));
        if object || parsed(at.doc, i).is_some_and(|(upos, _, _)| upos == "VERB") {
            return None;
        }
        let mut start = None;
        let mut k = i;
        while k > at.first && i - k < MAX_PREMODIFIERS {
            let w = v.w(k - 1);
            let word = v.kind[k - 1] == TokenKind::Word && !v.cap(k - 1);
            // "legal and social guarantees": coordinated, so not the legal
            // instrument; nor "legally fixed commitments, guarantees" (a
            // plural noun ends the premodifiers)
            let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
            if !(word || w == ",")
                || plural
                || matches!(w, "and" | "or")
                || self.determiners.contains(w)
            {
                break;
            }
            if self.guarantees.legal.contains(w) {
                start = Some(k - 1);
            }
            k -= 1;
        }
        let start = start?;
        let before = join_tokens(at.doc, start, i);
        let name = format!("{before} guarantees");
        let mut c = self.generic_cand(&at, start, i, &name, "agreement");
        // every legal-guarantees mention of a document is one record
        // ("legally binding security guarantees" … "these legal guarantees")
        c.toks = name_tokens("legal guarantees", &self.words);
        out.push(c);
        Some(i + 1)
    }
}
