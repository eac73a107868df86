//! Heads that are names only when capitalised ("Wassenaar Arrangement",
//! "Framework for …") still make a record in lower case when the
//! reference is specific (issue 13, item 4): it names its parties ("an
//! arrangement between Chile and Peru", "a framework with the EU") or its
//! sentence signs or adopts it with an indefinite article ("signed an
//! arrangement on the exchange of information"). A definite or bare
//! reference ("the security arrangements", "within the framework of")
//! stays none.

use super::{Agreements, Cand, Site};

/// How many lower-case modifiers may stand between the article and the head
/// ("a new bilateral arrangement").
const MAX_MODIFIERS: usize = 3;

impl Agreements {
    /// A lower-case capital-only head at `i..hend`; returns where the scan
    /// goes on.
    pub(super) fn lower_capital_head(&self, site: Site<'_>, out: &mut Vec<Cand>) -> usize {
        let Site { at, i, hend, head } = site;
        let v = at.v;
        // the article before the head and its lower-case modifiers
        let mut k = i;
        while k > at.first && i - k < MAX_MODIFIERS && !v.cap(k - 1) {
            if matches!(v.w(k - 1), "a" | "an") || self.determiners.contains(v.w(k - 1)) {
                break;
            }
            k -= 1;
        }
        let article = if k > at.first { v.w(k - 1) } else { "" };
        let indefinite = matches!(article, "a" | "an");
        let between = v.w(hend) == "between";
        let with = v.w(hend) == "with" && (indefinite || self.determiners.contains(article));
        let signed = indefinite && self.signing(v, at.first, at.lim).is_some();
        // "the two presidents' consensus", "the consensus reached by the
        // two leaders" (`refine.rs`)
        if v.w(i) == "consensus" {
            if let Some(end) = self.possessed_consensus(Site { at, i, hend, head }, out) {
                return end;
            }
        }
        // "the Malaysia arrangement" (`refine.rs`)
        if v.w(i).starts_with("arrangement") {
            if let Some(end) = self.state_arrangement(Site { at, i, hend, head }, out) {
                return end;
            }
        }
        let defined = v.w(i) == "consensus" && self.defining_clause(at, i, hend).is_some();
        if !(between || with || signed || defined) {
            return hend;
        }
        let mut found = Vec::new();
        let end = self.generic(Site { at, i, hend, head }, &mut found);
        // (a party named, or signed: never a refer-back)
        let keep = |c: &Cand| !c.parties.is_empty() || (signed && !between && !with) || defined;
        if found.is_empty() || !found.iter().all(keep) {
            return hend;
        }
        out.extend(found);
        end
    }
}
