//! The verb that performs a nominal trigger: a participle with a "by"
//! agent, a relative clause without a pronoun, coordinated nouns and a
//! verb of justifying. Invented sentences, actors from the validation
//! suite's gazetteer.

use super::super::tests::coded;

#[test]
fn a_performing_participle_with_a_by_agent_gives_the_source() {
    assert_eq!(
        coded(
            "The emergency aid provided by Arnor to Umbar arrived.",
            None
        ),
        ["AID 070 Arnor -> Umbar (asserted)"]
    );
    // (without an agent the participle names no performer)
    assert!(coded("The emergency aid provided to Umbar arrived.", None).is_empty());
}

#[test]
fn a_relative_clause_without_a_pronoun_gives_the_source() {
    assert_eq!(
        coded(
            "Umbar praised the humanitarian assistance Arnor has delivered to Dale.",
            None
        ),
        [
            "AID 073 Arnor -> Dale (asserted)",
            "SUPPORT 051 Umbar -> Arnor (asserted)"
        ]
    );
}

#[test]
fn coordinated_action_nouns_share_their_verb_and_phrase() {
    assert_eq!(
        coded(
            "Khand launched new strikes and a blockade against Umbar.",
            None
        ),
        [
            "ASSAULT 195 Khand -> Umbar (asserted)",
            "COERCE 191 Khand -> Umbar (asserted)"
        ]
    );
    assert!(coded(
        "Gondor has an interest in trade rather than war with Harad.",
        None
    )
    .is_empty());
}

#[test]
fn one_who_justifies_an_act_performs_it() {
    assert_eq!(
        coded("Mordor tried to justify further attacks on Rohan.", None),
        ["ASSAULT 190 Mordor -> Rohan (hypothetical)"]
    );
}
