//! Session 21: the subject of a main clause after a fronted phrase (read
//! by [`super::rehung`]), a possessive in that phrase pointing forward to
//! it, a light verb's agent before a phrase stray near its noun, and a
//! joint act with a partner and no agent in the author's own voice.
//! Invented sentences, actors from the validation suite's gazetteer.

use super::super::tests::coded;

#[test]
fn the_subject_after_a_fronted_place_is_the_main_verbs() {
    assert_eq!(
        coded(
            "In Pelargir, Gondor has delivered forty tonnes of food aid to Umbar.",
            None
        ),
        ["AID 070 Gondor -> Umbar (asserted)"]
    );
}

#[test]
fn a_fronted_possessive_is_the_later_subjects_not_an_earlier_persons() {
    assert_eq!(
        coded(
            "Minister Hirgon Baranor arrived in Edoras on Monday. During his visit to \
             Annuminas, Minister Elwing Nimloth met King Aragorn Arathornson.",
            None
        ),
        [
            "CONSULT 040 Elwing Nimloth -> Aragorn Arathornson (asserted)",
            "CONSULT 042 Elwing Nimloth -> Arnor (asserted)",
            "CONSULT 042 Hirgon Baranor -> Rohan (asserted)"
        ]
    );
}

#[test]
fn a_light_verbs_agent_performs_its_noun_before_a_stray_phrase() {
    assert_eq!(
        coded(
            "The strikes on the Orc Legion were carried out by Gondor with support from Rohan.",
            None
        ),
        ["ASSAULT 195 Gondor -> Orc Legion (asserted)"]
    );
}

#[test]
fn talks_with_a_partner_and_no_agent_are_the_authors() {
    let author = Some("Ministry of Foreign Affairs of Arnor");
    assert_eq!(
        coded("Negotiations with Harad will begin next month.", author),
        ["CONSULT 046 Arnor -> Harad (hypothetical)"]
    );
    // (an agent of its own keeps the act: "Rohan's talks with Harad")
    assert_eq!(
        coded("Rohan's talks with Harad resumed on Monday.", author),
        ["CONSULT 046 Rohan -> Harad (asserted)"]
    );
}

#[test]
fn a_fronted_meeting_misread_as_a_passive_subject_sets_the_clause() {
    assert_eq!(
        coded(
            "In a meeting with King Theoden Thengel, concerns were raised by Minister \
             Ingold Targon about the blockade.",
            None
        ),
        [
            "ACCUSE 110 Ingold Targon -> - (asserted)",
            "CONSULT 040 Ingold Targon -> Theoden Thengel (asserted)"
        ]
    );
}

#[test]
fn an_adverb_between_the_fronted_subject_and_its_verb() {
    assert_eq!(
        coded(
            "While in Edoras, Minister Ingold Targon also held talks with King Theoden Thengel.",
            None
        ),
        ["CONSULT 046 Ingold Targon -> Theoden Thengel (asserted)"]
    );
}
