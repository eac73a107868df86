//! What follows a head: the complements of a named instrument ("… of
//! Cooperation", "… between A and B", "… of 9 November 2020"), with the
//! asides that interrupt them ("(MOU)", "with Nauru's President"), and the
//! coordinated complements of a plural head ("memorandums on A, and on B").

use super::{split_parties, Agreements, InSentence, View};
use crate::doc::{Doc, EntityType};
use crate::lexicon::WordClass;

/// The right side of a named instrument.
pub(super) struct Complements {
    /// One past the last token of the mention (contiguous with the head).
    pub end: usize,
    /// One past the last token of the name's contiguous part.
    pub name_end: usize,
    /// Name parts after an aside, kept out of the mention.
    pub extra: Vec<(usize, usize)>,
    /// Parties named by "between …" or "with …".
    pub parties: Vec<String>,
}

impl Agreements {
    /// Complements from token `hend` of the head that starts at `i`.
    pub(super) fn complements(&self, at: InSentence<'_>, i: usize, hend: usize) -> Complements {
        let InSentence {
            doc,
            v,
            date_at,
            lim,
            ..
        } = at;
        let mut r = Complements {
            end: hend,
            name_end: hend,
            extra: Vec::new(),
            parties: Vec::new(),
        };
        let mut scan = hend;
        let mut asides = 0;
        loop {
            // an aside: "(MOU)" or "with <party>"; at most two, and what
            // follows one joins the name but not the mention
            if asides < 2 {
                if let Some(e) = acronym_in_brackets(v, scan) {
                    scan = e;
                    asides += 1;
                    continue;
                }
                if v.w(scan) == "with" {
                    let j = scan + 1 + usize::from(v.w(scan + 1) == "the");
                    // the party ends where a complement of the instrument starts
                    let e = (j..self.cap_run(v, j, lim, date_at))
                        .find(|&k| {
                            v.w(k) != "of"
                                && self.words.has(WordClass::CapitalisedComplement, v.w(k))
                        })
                        .unwrap_or_else(|| self.cap_run(v, j, lim, date_at));
                    if e > j {
                        r.parties.extend(entity_names(
                            doc,
                            j,
                            e,
                            &[EntityType::Gpe, EntityType::Org],
                        ));
                        scan = e;
                        asides += 1;
                        continue;
                    }
                }
            }
            let w = v.w(scan);
            if !self.words.has(WordClass::CapitalisedComplement, w) {
                break;
            }
            let mut j = scan + 1;
            if matches!(v.w(j), "the" | "a" | "an") {
                j += 1;
            }
            if let Some(&k) = date_at.get(&j) {
                if w == "of" && asides == 0 {
                    scan = doc.dates[k].tokens.end;
                    r.end = scan;
                    continue;
                }
                break;
            }
            let e = self.cap_run(v, j, lim, date_at);
            let e = self.second_instrument(v, j, e);
            let e = if e > j {
                self.serial_list_end(at, j, e, w == "between")
            } else {
                e
            };
            if e == j || e - i > 40 {
                break;
            }
            if w == "between" {
                r.parties = split_parties(&v.text[j..e]);
            }
            if asides == 0 {
                r.end = e;
                r.name_end = e;
            } else {
                r.extra.push((scan, e));
            }
            scan = e;
        }
        r
    }

    /// "on A, and on B" from token `k`: the token ranges of A and B (two or
    /// more), each up to punctuation, a clause word or 14 tokens.
    pub(super) fn repeated_on(&self, v: &View, mut k: usize, lim: usize) -> Vec<(usize, usize)> {
        let mut parts = Vec::new();
        let next_on = |mut n: usize| {
            while n < lim && matches!(v.w(n), "," | "and") {
                n += 1;
            }
            (v.w(n) == "on").then_some(n)
        };
        while v.w(k) == "on" {
            let start = k + 1;
            let mut e = start;
            while e < lim && e - start < 14 {
                let w = v.w(e);
                if (w == "," || w == "and") && next_on(e).is_some() {
                    break;
                }
                if v.kind[e] == crate::doc::TokenKind::Punct
                    || self.words.has(WordClass::ComplementEnd, w)
                {
                    break;
                }
                e += 1;
            }
            if e == start {
                break;
            }
            parts.push((start, e));
            match next_on(e) {
                Some(n) => k = n,
                None => break,
            }
        }
        if parts.len() < 2 {
            parts.clear();
        }
        parts
    }
}

impl Agreements {
    /// "between Gondor and Rohan and the Treaty of Amity": a capitalised run
    /// `j..e` that coordinates a second instrument ends before its "and"
    /// (a head inside the run without "and", "the Implementation of the
    /// Paris Agreement", stays in it).
    fn second_instrument(&self, v: &View, j: usize, e: usize) -> usize {
        (j + 1..e)
            .find(|&t| {
                let and_before = v.w(t - 1) == "and"
                    || (v.w(t - 1) == "the" && t >= j + 2 && v.w(t - 2) == "and");
                and_before && v.cap(t) && self.heads.longest(v, t, e).is_some()
            })
            .map_or(e, |t| if v.w(t - 1) == "and" { t - 1 } else { t - 2 })
    }

    /// "Treaty of Friendship, Cooperation and Mutual Assistance": a
    /// capitalised run that a comma continues into a serial list of
    /// capitalised items closed by "and" or "or" is one complement. The end
    /// of the list, or `e` when no closed list follows. An item is at most
    /// six tokens, holds no head word ("Pact of the Future, Declaration on
    /// …" are two instruments) and, outside "between", no place (a list of
    /// parties after a name is no part of it; the tagger's persons are left
    /// alone: it tags capitalised nouns of a name, "Trade", as persons).
    fn serial_list_end(&self, at: InSentence<'_>, j: usize, e: usize, parties: bool) -> usize {
        let v = at.v;
        let holds_head = |a: usize, b: usize| (a..b).any(|t| self.heads.longest(v, t, b).is_some());
        // a run that already holds a second instrument ("between A and B and
        // the Treaty of …") is continued by nothing
        if holds_head(j, e) {
            return e;
        }
        let mut k = e;
        for _ in 0..6 {
            if v.text.get(k) != Some(&",") {
                return e;
            }
            let mut j = k + 1;
            let mut closed = matches!(v.w(j), "and" | "or");
            j += usize::from(closed);
            // (an upper-case heading's "…, AND SHOULD" is no list of name words)
            let shouting = !v
                .text
                .get(j)
                .is_some_and(|t| t.chars().any(char::is_lowercase));
            if !v.cap(j) || shouting || at.date_at.contains_key(&j) {
                return e;
            }
            let end = self.cap_run(v, j, at.lim, at.date_at);
            let named = |t: usize| {
                at.doc
                    .entities
                    .iter()
                    .any(|m| m.label == EntityType::Gpe && m.tokens.contains(&t))
            };
            if end == j || end - j > 6 || holds_head(j, end) || (!parties && (j..end).any(named)) {
                return e;
            }
            closed |= (j..end).any(|t| matches!(v.w(t), "and" | "or"));
            if closed {
                return end;
            }
            k = end;
        }
        e
    }
}

/// "(MOU)" at token `k`: the token after the closing bracket.
fn acronym_in_brackets(v: &View, k: usize) -> Option<usize> {
    let inner = v.text.get(k + 1)?;
    let acronym = inner.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !inner.chars().any(char::is_lowercase);
    (v.w(k) == "(" && acronym && v.w(k + 2) == ")").then_some(k + 3)
}

/// The distinct names of entities of these types inside tokens a..b.
pub(super) fn entity_names(doc: &Doc, a: usize, b: usize, types: &[EntityType]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in &doc.entities {
        if m.tokens.start >= a && m.tokens.end <= b && types.contains(&m.label) {
            let name = doc.span_text(m.span).to_string();
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

impl Agreements {
    /// "an agreement with Gondor": the parties after "with", when an
    /// article or determiner makes the head specific (not "reached
    /// agreement with").
    pub(super) fn with_party(&self, at: InSentence<'_>, a: usize, hend: usize) -> Vec<String> {
        let v = at.v;
        // the article may stand before capitalised modifiers ("the EU visa
        // facilitation agreement with …")
        let mut k = a;
        while k > at.first && a - k < 3 && v.cap(k - 1) {
            k -= 1;
        }
        let det = k > at.first
            && (matches!(v.w(k - 1), "a" | "an") || self.determiners.contains(v.w(k - 1)));
        if v.w(hend) != "with" || !det {
            return Vec::new();
        }
        let j = hend + 1 + usize::from(v.w(hend + 1) == "the");
        let e = self.cap_run(v, j, at.lim, at.date_at);
        entity_names(at.doc, j, e, &[EntityType::Gpe, EntityType::Org])
    }
}
