//! Hostile nominals whose target is who withstands them, or what the
//! document said of the same act before: invented sentences, actors from
//! the validation suite's gazetteer.

use super::super::tests::coded;

fn has(got: &[String], want: &str) -> bool {
    got.iter().any(|e| e == want)
}

#[test]
fn the_party_named_before_an_as_clause_defends_itself() {
    let got = coded(
        "Arnor stands with Gondor as it defends itself against Mordor's aggression.",
        None,
    );
    assert!(
        has(&got, "ASSAULT 190 Mordor -> Gondor (asserted)"),
        "{got:?}"
    );
}

#[test]
fn the_one_supported_in_the_face_of_an_invasion_is_its_target() {
    let got = coded("Dale supports Rohan in the face of Harad's invasion.", None);
    assert!(
        has(&got, "ASSAULT 190 Harad -> Rohan (asserted)"),
        "{got:?}"
    );
}

#[test]
fn the_possessor_of_a_defence_is_the_target_of_what_it_is_against() {
    let got = coded(
        "Lindon praised Gondor's defence against Mordor's war.",
        None,
    );
    assert!(
        has(&got, "ASSAULT 190 Mordor -> Gondor (asserted)"),
        "{got:?}"
    );
}

#[test]
fn a_third_partys_opposition_names_no_victim() {
    let got = coded("Gondor opposes Mordor's aggression.", None);
    assert!(has(&got, "ASSAULT 190 Mordor -> - (asserted)"), "{got:?}");
    let got = coded(
        "The unity of Arnor in the face of Mordor's aggression is remarkable.",
        None,
    );
    assert!(has(&got, "ASSAULT 190 Mordor -> - (asserted)"), "{got:?}");
}

#[test]
fn a_later_mention_of_the_war_takes_the_target_told_before() {
    let got = coded(
        "Mordor launched a war against Rohan in May. Mordor's war has displaced thousands of people.",
        None,
    );
    let assaults: Vec<&String> = got.iter().filter(|e| e.starts_with("ASSAULT")).collect();
    assert_eq!(
        assaults,
        ["ASSAULT 190 Mordor -> Rohan (asserted)"],
        "{got:?}"
    );
}

#[test]
fn another_actors_war_takes_no_target_from_an_attack() {
    let got = coded(
        "Harad attacked Khand in April. Rhun's war has caused hunger.",
        None,
    );
    assert!(has(&got, "ASSAULT 190 Rhun -> - (asserted)"), "{got:?}");
}

#[test]
fn an_arrest_lends_no_target_to_a_war() {
    let got = coded(
        "Harad arrested three journalists from Khand. Harad's aggression has caused hunger.",
        None,
    );
    assert!(has(&got, "ASSAULT 190 Harad -> - (asserted)"), "{got:?}");
}
