//! A definite head that its complement defines (session 15, issue 13
//! item 4): "the protocol on upgrading the China–ASEAN Free Trade Area",
//! "the agreement establishing the University", "the political
//! declaration on the future relationship between the EU and the UK".
//! Without the complement "the agreement" refers back; with a describing
//! complement of two words or more the article points forward to the
//! complement, which says which instrument is meant, so it is a specific
//! instrument even at its first mention. Plans, programmes and roadmaps
//! (kind `other`) are left out: "the roadmap for recognition", "the
//! arrangements for the Scheme" are one side's own terms far more often
//! (corpus counts in `docs/agreements-recall.md`).

use super::specific::parsed;
use super::{join_tokens, Agreements, Cand, Flag, Site, View};
use crate::doc::Doc;

/// The fewest tokens of a defining complement: its opener and two words.
const MIN_DEFINING: usize = 3;

impl Agreements {
    /// A record for "the <head> <opener> <complement>" where the
    /// complement (`hend..b`) defines the instrument; the end of what it
    /// read, or `None` when the construction does not hold.
    pub(super) fn defined_by_complement(
        &self,
        site: Site<'_>,
        a: usize,
        b: usize,
        out: &mut Vec<Cand>,
    ) -> Option<usize> {
        let Site { at, hend, head, .. } = site;
        let v = at.v;
        let kind = head.kind.as_str();
        if head.plural
            || matches!(head.flag, Flag::Capital | Flag::CapitalOnly)
            || matches!(kind, "other" | "resolution" | "ceasefire")
            || !matches!(
                v.w(hend),
                "on" | "establishing" | "concerning" | "regarding" | "for"
            )
            || b < hend + MIN_DEFINING
            || self.spec.manner.longest(v, hend, at.lim).is_some()
        {
            return None;
        }
        let end = self.complement_end(at.doc, v, hend, b);
        // an instrument named inside the complement is read on its own
        let inner = (hend + 1..end).find(|&k| {
            self.heads.longest(v, k, at.lim).is_some()
                || self.aliases.longest(v, k, at.lim).is_some()
        });
        // ("the agreement on the Joint Comprehensive Plan of Action", "the
        // agreement on the text of the Protocol": consent about the named
        // one; "the protocol on upgrading the FTA", "the protocol amending
        // the Treaty": a verbal complement makes an instrument of its own)
        let verbal = |k: usize| v.w(k).len() > 5 && v.w(k).ends_with("ing");
        if end < hend + MIN_DEFINING || inner.is_some() && !(verbal(hend) || verbal(hend + 1)) {
            return None;
        }
        let name = join_tokens(at.doc, a, end);
        out.push(self.generic_cand(&at, a, end - 1, &name, kind));
        Some(inner.unwrap_or(end))
    }

    /// Where a defining complement's name ends: at the first verb the
    /// parse does not hang below the head ("the agreement on free trade
    /// comes into force") or an auxiliary, and without a dangling
    /// preposition, article, conjunction or adverb ("the agreement for an
    /// extension over", "the teaming agreement on the aircraft recently").
    fn complement_end(&self, doc: &Doc, v: &View, hend: usize, b: usize) -> usize {
        let root = hend - 1;
        // (the complement's own first word is kept however the parse
        // attaches it: "on upgrading …" often hangs on the verb)
        let stop = (hend + 2..b)
            .find(|&k| match parsed(doc, k) {
                Some(("AUX", _, _)) => true,
                Some(("VERB", _, _)) => !below(doc, k, root),
                _ => false,
            })
            .unwrap_or(b);
        let mut end = self.trim_end(v, hend, stop);
        while end > hend + 1
            && parsed(doc, end - 1).is_some_and(|(upos, _, _)| {
                matches!(upos, "ADP" | "DET" | "CCONJ" | "SCONJ" | "ADV")
            })
        {
            end -= 1;
        }
        end
    }
}

/// Whether the parse hangs token `t` below token `root` (true where the
/// sentence has no parse: the complement's own end then decides).
fn below(doc: &Doc, t: usize, root: usize) -> bool {
    let mut k = t;
    for _ in 0..32 {
        if k == root {
            return true;
        }
        match parsed(doc, k) {
            Some((_, Some(h), _)) => k = h,
            Some((_, None, _)) => return false,
            None => return true,
        }
    }
    false
}
