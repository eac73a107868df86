//! Event nominals that refer back: "the war", "Russia's aggression" name
//! no target of their own when the document has already said whom the
//! act is against ("Mordor's war against Gondor … Mordor's war has
//! displaced millions": Gondor). A definite or possessed nominal of an
//! ongoing act (`events.target-coreferent-nominal`) without a target takes
//! the target of the nearest earlier act of the class by the same actor
//! (the same lemma first), else of the nearest later one: the discourse's
//! one conflict, told once in full.

use super::view::TreeView;
use crate::doc::{Doc, EventRef, PloverType};
use crate::lexicon::{WordClass, WordClasses};

/// Fills the targets of `events` whose nominal refers to an act the
/// document tells elsewhere with its target.
pub(super) fn carry_targets(
    doc: &Doc,
    tree: &TreeView<'_>,
    words: &WordClasses,
    events: &mut Vec<EventRef>,
) {
    let mut filled: Vec<(usize, usize)> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        if e.target.is_some() || !matches!(e.kind, PloverType::Assault | PloverType::Coerce) {
            continue;
        }
        let Some(source) = e.source else { continue };
        let t = e.tokens.start;
        if t >= tree.len()
            || !words.has(
                WordClass::TargetCoreferentNominal,
                &tree.lemma(t).to_lowercase(),
            )
        {
            continue;
        }
        if !matches!(tree.upos(t), "NOUN") {
            continue;
        }
        let lemma = tree.lemma(t).to_lowercase();
        // (an act of the class by the same actor: "Mordor invaded Rohan",
        // "Mordor's war against Rohan"; not a person's for the state's: a
        // person's act next to the state's makes the state's redundant,
        // `refine`, and "Putin's war" may be told apart)
        let donor = |o: &EventRef| {
            o.source == Some(source)
                && matches!(o.kind, PloverType::Assault | PloverType::Coerce)
                && o.tokens.start < tree.len()
                && words.has(
                    WordClass::TargetCoreferentNominal,
                    &tree.lemma(o.tokens.start).to_lowercase(),
                )
        };
        let targets = |o: &EventRef| o.target.filter(|&g| !same_party(doc, g, source));
        let candidates: Vec<(usize, usize, bool, bool)> = events
            .iter()
            .filter(|o| donor(o))
            .filter_map(|o| {
                let same_lemma = tree.lemma(o.tokens.start).eq_ignore_ascii_case(&lemma);
                targets(o).map(|g| (o.tokens.start, g, same_lemma, o.kind == e.kind))
            })
            .collect();
        // (an act of the same type, the same lemma first, the nearest
        // earlier before the nearest later; else an earlier act of the
        // other type: an occupation may continue an invasion)
        let pick = |want_lemma: bool, before: bool, same_kind: bool| {
            let near = candidates.iter().filter(|c| {
                (c.0 < t) == before && c.0 != t && (!want_lemma || c.2) && c.3 == same_kind
            });
            if before {
                near.max_by_key(|c| c.0).copied()
            } else {
                near.min_by_key(|c| c.0).copied()
            }
        };
        let found = pick(true, true, true)
            .or_else(|| pick(false, true, true))
            .or_else(|| pick(true, false, true))
            .or_else(|| pick(false, false, true))
            .or_else(|| pick(false, true, false));
        if let Some((_, g, _, _)) = found {
            filled.push((i, g));
        }
    }
    let mut drop = vec![false; events.len()];
    for &(i, g) in &filled {
        let e = &events[i];
        // (the same act told again adds nothing: the mention that names
        // the target stays the record's)
        drop[i] = events.iter().any(|o| {
            o.kind == e.kind && o.source == e.source && o.target == Some(g) && o.status == e.status
        });
    }
    for (i, g) in filled {
        events[i].target = Some(g);
    }
    let mut drop = drop.into_iter();
    events.retain(|_| !drop.next().unwrap_or(false));
}

/// Whether actors `a` and `b` are one party: the same actor, or a person
/// and the state or body the person belongs to.
fn same_party(doc: &Doc, a: usize, b: usize) -> bool {
    let of = |x: usize| doc.actors.get(x).and_then(|r| r.affiliation);
    a == b || of(a) == Some(b) || of(b) == Some(a)
}

#[cfg(test)]
#[path = "tests_withstand.rs"]
mod tests_withstand;
