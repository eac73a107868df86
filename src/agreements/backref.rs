//! Lower-case mentions that name an instrument the document already
//! named, instead of starting a record of their own (session 17, issue 13
//! item 4; corpus counts in `docs/agreements-recall.md`):
//! - a descriptive name the alias table lists as a back-reference of an
//!   entry named earlier ("the nuclear deal" after "the JCPOA");
//! - an indefinite head in apposition to a mention, or the predicate of a
//!   copula whose subject is one ("The JCPOA is a multilateral agreement
//!   endorsed by …", "the Barbados Agreement, an agreement signed by …"):
//!   the phrase describes the instrument just named;
//! - "the following joint statement" in a document whose headline names a
//!   statement of that kind: the text that follows is the document's own.

use super::join::Rec;
use super::{Agreements, Cand, Link};
use crate::doc::Doc;

/// The words that link a subject to a describing predicate ("is a …").
fn copula(w: &str) -> bool {
    matches!(w, "is" | "was" | "remains")
}

impl Agreements {
    /// The record a generic candidate names again by one of the
    /// constructions above, if any. The candidate keeps only the dates that
    /// belong to it there: a back-reference its own ("the 2015 nuclear
    /// deal"), not its sentence's; "the following joint statement" none
    /// (the record's date is its meeting's).
    pub(super) fn refers_back(&self, doc: &Doc, recs: &[Rec], c: &mut Cand) -> Option<usize> {
        if c.link != Link::Generic {
            return None;
        }
        if let Some(&e) = self.backrefs.get(&c.name.to_lowercase()) {
            if let Some(t) = recs.iter().rposition(|r| r.link == Link::Entry(e)) {
                c.dates.retain(|d| d.1 != 2);
                return Some(t);
            }
        }
        if let Some(t) = self.apposed_to(doc, recs, c) {
            return Some(t);
        }
        let t = following(doc, recs, c)?;
        c.dates.clear();
        Some(t)
    }

    /// "X, a …" or "X is a …": the record one of whose mentions ends right
    /// before the comma or copula (a parenthesised acronym may follow it).
    fn apposed_to(&self, doc: &Doc, recs: &[Rec], c: &Cand) -> Option<usize> {
        let article = |k: usize| matches!(doc.lower(k), "a" | "an");
        let at = if article(c.first) {
            c.first
        } else if c.first > 0 && article(c.first - 1) {
            c.first - 1
        } else {
            return None;
        };
        let mut j = at.checked_sub(1)?;
        let w = doc.lower(j);
        if !(w == "," || copula(w)) {
            return None;
        }
        j = j.checked_sub(1)?;
        // "The Intermediate-Range Nuclear Forces Treaty (INF Treaty) is …"
        if doc.lower(j) == ")" {
            let open = (j.saturating_sub(8)..j)
                .rev()
                .find(|&k| doc.lower(k) == "(")?;
            j = open.checked_sub(1)?;
        }
        let end = doc.tokens.get(j)?.span.char_end;
        recs.iter().rposition(|r| {
            r.r.mentions
                .iter()
                .any(|m| m.sentence == c.sentence && m.span.char_end == end)
        })
    }
}

/// "the following joint statement" (or "The following is the joint
/// statement …", "… the text of a joint statement by …") when the
/// headline named a statement of the same kind.
fn following(doc: &Doc, recs: &[Rec], c: &Cand) -> Option<usize> {
    let w = |k: Option<usize>, word: &str| k.is_some_and(|k| doc.lower(k) == word);
    // the article, if any, then the word before it
    let det = if doc.lower(c.first) == "the" {
        c.first
    } else if w(c.first.checked_sub(1), "the") {
        c.first - 1
    } else {
        c.first
    };
    // ("the following joint statement": the candidate starts at "the")
    let own = w(Some(c.first), "following")
        || w(c.first.checked_sub(1), "following")
        || (det == c.first && w(Some(c.first + 1), "following"))
        || (det.checked_sub(1).is_some_and(|k| copula(doc.lower(k)))
            && w(det.checked_sub(2), "following"));
    // "The following is the text of a joint statement by …"
    let article = c
        .first
        .checked_sub(1)
        .filter(|&k| matches!(doc.lower(k), "a" | "an" | "the"))
        .unwrap_or(c.first);
    let text_of = w(article.checked_sub(1), "of") && w(article.checked_sub(2), "text");
    let own = own || text_of;
    if !own || c.sentence > 5 {
        return None;
    }
    recs.iter().position(|r| r.title && r.r.kind == c.kind)
}
