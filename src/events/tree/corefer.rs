//! Event nominals that refer back: "the war", "Russia's aggression" name
//! no target of their own when the document has already said whom the
//! act is against ("Mordor's war against Gondor … Mordor's war has
//! displaced millions": Gondor). A definite or possessed nominal of an
//! ongoing act (`events.target-coreferent-nominal`) without a target takes
//! the target of the nearest earlier event of the same type by the same
//! actor, else of the nearest later one: the discourse's one conflict, told once in full.

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
        if t >= tree.len() || !words.has(WordClass::TargetCoreferentNominal, &tree.lemma(t).to_lowercase()) {
            continue;
        }
        if !matches!(tree.upos(t), "NOUN") {
            continue;
        }
        // (the same source only: a person's act next to the state's makes
        // the state's redundant, `refine`, and "Putin's war" may be told
        // apart from "Russia's war against Ukraine")
        let donor = |o: &EventRef| o.kind == e.kind && o.source == Some(source);
        let targets = |o: &EventRef| o.target.filter(|&g| !same_party(doc, g, source));
        let earlier = events
            .iter()
            .filter(|o| o.tokens.start < t && donor(o))
            .filter_map(|o| targets(o).map(|g| (o.tokens.start, g)))
            .max_by_key(|&(at, _)| at);
        let later = || {
            events
                .iter()
                .filter(|o| o.tokens.start > t && donor(o))
                .filter_map(|o| targets(o).map(|g| (o.tokens.start, g)))
                .min_by_key(|&(at, _)| at)
        };
        if let Some((_, g)) = earlier.or_else(later) {
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
