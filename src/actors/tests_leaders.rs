//! Leaders' governments and executive offices as their states, on
//! sentences written for the project.

use crate::dates::DateOrder;
use crate::doc::{ActorKind, Doc};
use crate::pipeline::testing::run;

/// The actor (kind, name) of the span that starts at the first token
/// written `word`.
fn actor_at(doc: &Doc, word: &str) -> Option<(ActorKind, String)> {
    let t = (0..doc.tokens.len()).find(|&i| doc.token_text(i) == word)?;
    let s = doc.actor_spans.iter().find(|s| s.tokens.start == t)?;
    let a = &doc.actors[s.actor];
    Some((a.kind?, a.name.clone()))
}

fn has_actor(doc: &Doc, kind: ActorKind, name: &str) -> bool {
    doc.actors
        .iter()
        .any(|a| a.kind == Some(kind) && a.name == name)
}

#[test]
fn a_leaders_regime_or_administration_is_the_leaders_state() {
    let d = run(
        DateOrder::Dmy,
        Some("2023-03-01"),
        "Exiled journalists said the Lukashenka regime had seized their offices.",
    );
    assert_eq!(
        actor_at(&d, "Lukashenka"),
        Some((ActorKind::State, "Belarus".into()))
    );
    // the leader is still a person of the record
    assert!(has_actor(&d, ActorKind::Person, "Lukashenka"));
    let d = run(
        DateOrder::Dmy,
        Some("2022-08-10"),
        "Farmers welcomed the grants that the Biden administration announced on Monday.",
    );
    assert_eq!(
        actor_at(&d, "Biden"),
        Some((ActorKind::State, "United States".into()))
    );
}

#[test]
fn an_executive_office_speaks_for_its_state() {
    let d = run(
        DateOrder::Dmy,
        Some("2022-08-10"),
        "The proposal was rejected by the Kremlin within hours.",
    );
    assert!(has_actor(&d, ActorKind::State, "Russia"));
    assert!(!has_actor(&d, ActorKind::Organization, "Kremlin"));
}
