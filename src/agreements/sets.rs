//! Signed sets (session 18, issue 13 item 4; corpus counts in
//! `docs/agreements-recall.md`): a plural head that a signing or
//! concluding verb in the past takes as its object is the set of
//! instruments made then when something pins the set down — a number
//! ("signed 15 cooperation agreements"), named parties after "with"
//! ("concluded two free trade agreements with Japan and Korea") or a
//! describing complement ("signed intergovernmental agreements on
//! preventing money laundering", "agreements in the fields of energy and
//! transport"). Without one ("have signed agreements", "the signing of
//! agreements") the plural stays general, and a set sought ("to sign
//! agreements", "will conclude") or negated is no set made
//! (`governing_signer`).
//!
//! A count equal to the number of parties after "with" gives one record
//! per party ("two free trade agreements with Japan and Korea" → two), as
//! the conventions list "two joint action plans on A and B" as two.

use super::complements::entity_names;
use super::specific::{parsed, phrase_end};
use super::{count_word, join_tokens, singular, Agreements, Cand, Site};
use crate::doc::{EntityType, TokenKind};

/// The longest describing complement kept in a set's name (tokens).
const MAX_SET_COMPLEMENT: usize = 14;

/// "15", "30", "two": a number of two or more that counts a set.
fn set_count(w: &str) -> Option<usize> {
    if !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok().filter(|n| *n >= 2);
    }
    count_word(w).filter(|n| *n >= 2)
}

impl Agreements {
    /// A signed set at `i..hend` (modifiers from `a`): pushes its record(s)
    /// and returns where the scan goes on.
    pub(super) fn signed_set(
        &self,
        site: Site<'_>,
        a: usize,
        out: &mut Vec<Cand>,
    ) -> Option<usize> {
        let Site { at, i, hend, head } = site;
        let v = at.v;
        if !head.plural || v.cap(i) {
            return None;
        }
        let verb = self.governing_signer(at, hend - 1)?;
        // a verb in the past: the set was made ("signed", "concluded"),
        // not "sign"/"conclude" in a wish or a habit
        if verb > i || !v.w(verb).ends_with("ed") {
            return None;
        }
        // the number the parse hangs on the head, before its modifiers
        // ("two significant free trade agreements"; "both" counts sides)
        let count = (at.first.max(a.saturating_sub(3))..a)
            .filter(|&k| v.w(k) != "both")
            .find(|&k| {
                parsed(at.doc, k).is_some_and(|(_, h, r)| h == Some(hend - 1) && r == "nummod")
            })
            .and_then(|k| set_count(v.w(k)));
        let with = if v.w(hend) == "with" {
            let j = hend + 1 + usize::from(v.w(hend + 1) == "the");
            let e = self.cap_run(v, j, at.lim, at.date_at);
            entity_names(at.doc, j, e, &[EntityType::Gpe, EntityType::Org]).then_some_nonempty()
        } else {
            None
        };
        // "memorandums on A, and on B", "two joint action plans on A and
        // B": one record each (`generic.rs`)
        if v.w(hend) == "on" && (count.is_some() || self.repeated_on(v, hend, at.lim).len() > 1) {
            return None;
        }
        // "37 countries have signed cooperation agreements with China",
        // "treaties with 61 countries": a tally, not a set made at once
        if self.population_in(v, at.first, at.lim) {
            return None;
        }
        let described = self.set_complement(site);
        if count.is_none() && with.is_none() && described.is_none() {
            return None;
        }
        let stem = join_tokens(at.doc, a, hend);
        let parties = with.clone().unwrap_or_default();
        if let (Some(n), Some(ps)) = (count, &with) {
            if ps.len() == n {
                for p in ps {
                    let name = format!("{} with {p}", singular(&stem));
                    let mut c = self.generic_cand(&at, a, hend - 1, &name, &head.kind);
                    c.parties = vec![p.clone()];
                    out.push(c);
                }
                return Some(hend);
            }
        }
        let end = match (&with, described) {
            (Some(_), _) => {
                let j = hend + 1 + usize::from(v.w(hend + 1) == "the");
                self.cap_run(v, j, at.lim, at.date_at)
            }
            (None, Some(e)) => e,
            (None, None) => hend,
        };
        let name = join_tokens(at.doc, a, end);
        let mut c = self.generic_cand(&at, a, end - 1, &name, &head.kind);
        c.parties = parties;
        out.push(c);
        Some(end)
    }

    /// Whether the clause names its parties as a population ("countries",
    /// "nations") not counted as two to six ("the two countries" are parties).
    fn population_in(&self, v: &super::View, first: usize, lim: usize) -> bool {
        (first..lim).any(|k| {
            // (lower case: "the United States" is one party)
            self.occasion.set_population(v.w(k))
                && !v.cap(k)
                && !(k > first && count_word(v.w(k - 1)).is_some())
        })
    }

    /// A describing complement after a set's head: "on …", "covering …",
    /// "in the field(s) of …" of two words or more, as far as the parse
    /// hangs it on the head. One past its end.
    fn set_complement(&self, site: Site<'_>) -> Option<usize> {
        let Site { at, i, hend, .. } = site;
        let v = at.v;
        let w = v.w(hend);
        let opens = matches!(w, "on" | "covering" | "concerning" | "regarding")
            || (w == "in" && self.occasion.set_field(v.w(hend + 2)) && v.w(hend + 3) == "of");
        if !opens {
            return None;
        }
        let upto = at.lim.min(hend + 1 + MAX_SET_COMPLEMENT);
        let stop = (hend + 1..upto)
            .find(|&k| {
                let w = v.w(k);
                (v.kind[k] == TokenKind::Punct && w != ",")
                    || matches!(w, "that" | "which" | "who" | "to" | "worth")
                    || (w == "and" && self.head_follows(v, k + 1, at.lim))
            })
            .unwrap_or(upto);
        let end = self.trim_end(v, hend, phrase_end(at.doc, (i, hend), stop));
        (end >= hend + 3).then_some(end)
    }
}

/// `Some(v)` when `v` is not empty.
trait NonEmpty: Sized {
    fn then_some_nonempty(self) -> Option<Self>;
}

impl NonEmpty for Vec<String> {
    fn then_some_nonempty(self) -> Option<Self> {
        (!self.is_empty()).then_some(self)
    }
}
