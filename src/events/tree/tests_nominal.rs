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

#[test]
fn a_hyphenated_pair_names_the_parties_of_a_mutual_act() {
    assert_eq!(
        coded("The Gondor-Rohan talks ended in Edoras.", None),
        // (one CONSULT for a pair named together: first named → other)
        ["CONSULT 046 Gondor -> Rohan (asserted)"]
    );
    // (a pair of demonyms, on the trigger's own modifier)
    assert_eq!(
        coded(
            "Delegates praised the outcome of the Arnorian-Dalish summit.",
            None
        ),
        ["CONSULT 040 Arnor -> Dale (asserted)"]
    );
}

#[test]
fn a_hyphenated_pair_on_no_act_or_a_directed_act_names_no_one() {
    assert!(coded("Gondor-Rohan relations have a long history.", None).is_empty());
    // (a visit has a direction the word does not give)
    assert!(coded("The Gondor-Rohan visit was postponed.", None).is_empty());
}

#[test]
fn one_partys_official_at_a_pairs_act_meets_the_other() {
    assert_eq!(
        coded("Ingold Targon took part in the Arnor-Khand talks.", None),
        ["CONSULT 046 Ingold Targon -> Khand (asserted)"]
    );
}

#[test]
fn a_target_phrase_hung_inside_the_of_phrase_is_the_acts() {
    assert_eq!(
        coded(
            "The withdrawal of the armed forces of Mordor from Rohan was completed.",
            None
        ),
        ["RETREAT 0874 Mordor -> Rohan (asserted)"]
    );
}

#[test]
fn talks_of_the_documents_own_side_go_from_it_to_the_other() {
    assert_eq!(
        coded(
            "The Gondor-Harad talks ended on Monday.",
            Some("Ministry of Foreign Affairs of Gondor")
        ),
        ["CONSULT 046 Gondor -> Harad (asserted)"]
    );
}

#[test]
fn an_amount_in_an_action_noun_stands_for_it() {
    assert_eq!(
        coded(
            "Gondor announced $12 million in new assistance for Rohan.",
            None
        ),
        ["AID 070 Gondor -> Rohan (asserted)"]
    );
}

#[test]
fn an_amounts_unjoined_relative_clause_gives_the_source() {
    assert_eq!(
        coded(
            "The envoy noted the $3 million in assistance Gondor has provided since May.",
            None
        ),
        ["AID 070 Gondor -> - (asserted)"]
    );
}

#[test]
fn a_nouns_own_agent_controls_its_infinitive() {
    assert_eq!(
        coded(
            "The ministers discussed Rohan's efforts to provide humanitarian aid to Dale.",
            None
        ),
        ["AID 073 Rohan -> Dale (hypothetical)"]
    );
}
