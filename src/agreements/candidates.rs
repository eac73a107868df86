//! Candidate building: at each token, an alias-table name or a head
//! word, handed to the rule for its head's flag (resolution, ruling,
//! named, capital-only or generic), and the shared pieces every rule
//! builds with (a candidate, its inner dates, a capitalised run).

use super::{
    join_tokens, name_tokens, point_value, Agreements, Cand, Flag, Head, InSentence, Link, Site,
    View,
};
use crate::doc::{Doc, TokenKind};
use crate::lexicon::{WordClass, WordMap, WordSet};

/// The alias table's kind for a name that is no instrument (`models/agreements.tsv`).
const NO_INSTRUMENT: &str = "none";

impl Agreements {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn candidates_at(
        &self,
        doc: &Doc,
        v: &View,
        date_at: &WordMap<usize, usize>,
        s: usize,
        first: usize,
        i: usize,
        lim: usize,
        out: &mut Vec<Cand>,
    ) -> usize {
        // 1. alias table
        if let Some((end, &e)) = self
            .aliases
            .longest(v, i, lim)
            .filter(|&(end, _)| !self.longer_name_after(v, i, end, lim))
        {
            // a longer named instrument may still contain the alias ("… Agreement between …")
            let entry = &self.entries[e];
            // ("Olympic Charter": a name the table lists as no instrument)
            if entry.kind == NO_INSTRUMENT {
                return end;
            }
            let mut c = self.cand(
                doc,
                v,
                s,
                i,
                end - 1,
                &entry.name,
                &entry.kind,
                true,
                Link::Entry(e),
            );
            c.issuer = entry.issuer.clone();
            out.push(c);
            return end;
        }
        let at = InSentence {
            doc,
            v,
            date_at,
            s,
            first,
            lim,
        };
        // "legally binding security guarantees" (`guarantees.rs`)
        if let Some(end) = self.legal_guarantees(at, i, out) {
            return end;
        }
        let Some((hend, head)) = self.heads.longest(v, i, lim) else {
            return i + 1;
        };
        let head = head.clone();
        // "a great deal of", "GOOD DEAL FOR …": no instrument
        if self.idiom_at(doc, v, i, first, lim) {
            return hend;
        }
        // "a national action plan": one state's own plan (`recall.rs`)
        if self.domestic_plan(v, i, first, &head.kind) {
            return hend;
        }
        let capital = v.cap(i);
        // "Energy Charter Protocol": the last of adjacent capitalised heads is the head
        if capital
            && head.flag != Flag::Court
            && v.cap(hend)
            && self.heads.longest(v, hend, lim).is_some()
        {
            return i + 1;
        }
        let head = self.as_signed_object(head, v, first, i, hend);
        // "the ceasefire and hostage release deal": one package (`package.rs`)
        if head.kind == "ceasefire" && !capital {
            if let Some((pend, phead)) = self.ceasefire_package(doc, v, hend, lim) {
                let site = Site {
                    at,
                    i,
                    hend: pend,
                    head: &phead,
                };
                return self.generic(site, out).max(pend);
            }
        }
        let site = Site {
            at,
            i,
            hend,
            head: &head,
        };
        match head.flag {
            Flag::Numbered => self.resolution(site, out),
            Flag::Court => self.ruling(site, out),
            // in an upper-case heading a capitalised-only head is no name;
            // followed by a capitalised word it is inside a longer name
            // ("Economic Framework Supply Chain Agreement")
            Flag::Capital | Flag::CapitalOnly if !v.text[i].chars().any(char::is_lowercase) => hend,
            Flag::Capital | Flag::CapitalOnly
                if v.cap(hend) && v.kind.get(hend) == Some(&TokenKind::Word) =>
            {
                i + 1
            }
            _ if capital => self.named(site, out),
            Flag::Capital => self.lower_capital_head(site, out),
            Flag::CapitalOnly => hend,
            Flag::Short => hend,
            _ => self.generic(site, out),
        }
    }

    /// A descriptive (unnamed) candidate of `head`'s kind over tokens
    /// `start..end` of the sentence, named by its words.
    pub(super) fn described(
        &self,
        at: InSentence<'_>,
        start: usize,
        end: usize,
        head: &Head,
    ) -> Cand {
        let name = join_tokens(at.doc, start, end);
        let (kind, link) = (&head.kind, Link::Generic);
        self.cand(at.doc, at.v, at.s, start, end - 1, &name, kind, false, link)
    }
    /// A candidate of a generic head (no name) over tokens `a..=b` of the
    /// sentence `at`.
    pub(super) fn generic_cand(
        &self,
        at: &super::InSentence,
        a: usize,
        b: usize,
        name: &str,
        kind: &str,
    ) -> Cand {
        self.cand(at.doc, at.v, at.s, a, b, name, kind, false, Link::Generic)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn cand(
        &self,
        doc: &Doc,
        v: &View,
        s: usize,
        a: usize,
        b: usize,
        name: &str,
        kind: &str,
        named: bool,
        link: Link,
    ) -> Cand {
        let _ = v;
        // a descriptive name without "historic" or "that was" (`refine.rs`)
        // and without a relative date ("on Sunday", `occasion.rs`)
        let name = if named {
            name.to_string()
        } else {
            super::occasion::without_relative_dates(
                &self.occasion,
                doc,
                a,
                b,
                &self.plain_name(name),
            )
        };
        Cand {
            first: a,
            last: b,
            sentence: s,
            toks: name_tokens(&name, &self.words),
            name,
            kind: kind.to_string(),
            named,
            issuer: None,
            link,
            dates: Vec::new(),
            parties: Vec::new(),
            signed: false,
        }
    }

    /// Dates inside tokens a..b (after the head they are the instrument's date).
    pub(super) fn inner_dates(
        &self,
        doc: &Doc,
        date_at: &WordMap<usize, usize>,
        a: usize,
        b: usize,
        c: &mut Cand,
    ) {
        let mut seen = WordSet::default();
        for t in a..b {
            if let Some(&k) = date_at.get(&t) {
                if seen.insert(k) {
                    if let Some(val) = point_value(doc, k) {
                        c.dates.push((val, if t == a { 1 } else { 3 }));
                    }
                }
            }
        }
    }

    /// A capitalised run from `k`: capitalised tokens joined by inner words.
    pub(super) fn cap_run(
        &self,
        v: &View,
        k: usize,
        lim: usize,
        date_at: &WordMap<usize, usize>,
    ) -> usize {
        let mut end = k;
        let mut j = k;
        while j < lim {
            // a signing verb ends it (upper-case headings: "MOU … SIGNED WITH …")
            if v.cap(j)
                && v.kind[j] != TokenKind::Punct
                && !date_at.contains_key(&j)
                && !self.verbs.contains(v.w(j))
            {
                j += 1;
                end = j;
            } else if (self.words.has(WordClass::NameInner, v.w(j))
                || v.text[j] == "\u{2019}s"
                || v.text[j] == "'s")
                && end > k
            {
                j += 1;
            } else {
                break;
            }
        }
        end
    }
}
