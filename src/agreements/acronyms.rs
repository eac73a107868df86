//! An acronym a document defines for the instrument it has just named
//! ("the Comprehensive Economic Partnership Agreement (CEPA)") stands for
//! that instrument in the document, even when the alias table lists the
//! same letters for another one (issue 13, item 4): the bracketed acronym
//! and its later mentions join the named record instead of starting the
//! table entry's. An acronym of an instrument inside the name ("Optional
//! Protocol to the Convention on … (CEDAW)") or of the same instrument
//! under the table's fuller name keeps the table entry.

use super::{name_tokens, Agreements, Cand, Link};
use crate::doc::Doc;
use crate::lexicon::WordSet;

impl Agreements {
    /// Rewrites the table-entry candidates that stand for an acronym the
    /// document defined for another candidate's instrument.
    pub(super) fn local_acronyms(&self, doc: &Doc, cands: &mut [Cand]) {
        // acronym (lower case) -> index of the candidate it was defined for
        let mut defined: Vec<(String, usize)> = Vec::new();
        for i in 0..cands.len() {
            let Link::Entry(e) = cands[i].link else {
                continue;
            };
            let text = acronym_text(doc, &cands[i]);
            let owner = defined
                .iter()
                .find(|(a, _)| *a == text)
                .map(|&(_, j)| j)
                .or_else(|| {
                    let j = self.defined_for(doc, cands, i)?;
                    let entry = name_tokens(&self.entries[e].name, &self.words);
                    (!same_or_inside(&entry, &cands[j].toks)).then(|| {
                        defined.push((text.clone(), j));
                        j
                    })
                });
            if let Some(j) = owner {
                let p = cands[j].clone();
                let c = &mut cands[i];
                c.link = p.link;
                c.name = p.name;
                c.toks = p.toks;
                c.kind = p.kind;
                c.named = p.named;
            }
        }
    }

    /// The candidate that the bracketed candidate `i` ("( CEPA )") follows
    /// directly, when it is no table entry itself.
    fn defined_for(&self, doc: &Doc, cands: &[Cand], i: usize) -> Option<usize> {
        let c = &cands[i];
        if c.first == 0 || doc.lower(c.first - 1) != "(" || doc.lower(c.last + 1) != ")" {
            return None;
        }
        let j = cands[..i]
            .iter()
            .rposition(|p| p.sentence == c.sentence && p.last + 2 == c.first)?;
        let named = matches!(cands[j].link, Link::Named | Link::Generic);
        named.then_some(j)
    }
}

/// The candidate's text in lower case, its tokens joined by spaces.
fn acronym_text(doc: &Doc, c: &Cand) -> String {
    (c.first..=c.last)
        .map(|k| doc.lower(k))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the table entry's name words are the named instrument's own
/// (half of them shared) or lie inside its name (an inner instrument).
fn same_or_inside(entry: &WordSet<String>, named: &WordSet<String>) -> bool {
    let inter = entry.intersection(named).count();
    let union = entry.union(named).count();
    entry.is_subset(named) || (union > 0 && inter * 2 >= union)
}
