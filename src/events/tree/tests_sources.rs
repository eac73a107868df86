//! Sources found where the tree's subject named no actor: a body's short
//! name, a state's own "Government", and the pair of a readout's meeting
//! that a later "they" continues. Invented sentences, actors from the
//! validation suite's gazetteer.

use super::super::tests::coded;

#[test]
fn a_bodys_short_name_after_its_full_name_is_that_body() {
    let text = "The White Council opened its annual session in Fornost. \
                The Council condemned the Orc Legion.";
    let got = coded(text, None);
    assert!(
        got.contains(&"ACCUSE 111 White Council -> Orc Legion (asserted)".to_string()),
        "{got:?}"
    );
}

#[test]
fn the_government_in_a_states_release_is_that_state() {
    let got = coded(
        "The Government condemns the Orc Legion.",
        Some("Ministry of Foreign Affairs of Arnor"),
    );
    assert!(
        got.contains(&"ACCUSE 111 Arnor -> Orc Legion (asserted)".to_string()),
        "{got:?}"
    );
}

#[test]
fn they_continues_a_meeting_pair_three_sentences_back() {
    let text = "Faramir Hurin met with Eomer Eorling in Edoras. \
                Hurin praised the reforms in Rohan. \
                Eorling described the situation on the border. \
                They condemned the Orc Legion.";
    let got = coded(text, None);
    assert!(
        got.contains(&"ACCUSE 111 Faramir Hurin -> Orc Legion (asserted)".to_string())
            && got.contains(&"ACCUSE 111 Eomer Eorling -> Orc Legion (asserted)".to_string()),
        "{got:?}"
    );
}

#[test]
fn a_later_coordination_is_no_meeting_pair() {
    let text = "Faramir Hurin met with Eomer Eorling in Edoras. \
                Dale and Lindon sent observers. \
                The observers stayed a week. \
                Nothing else happened. \
                They condemned the Orc Legion.";
    let got = coded(text, None);
    assert!(
        !got.iter()
            .any(|e| e.contains("Faramir Hurin -> Orc Legion")),
        "{got:?}"
    );
}

#[test]
fn a_spokespersons_own_voice_is_the_state_even_where_the_text_says_i() {
    let text = "Foreign Ministry Spokesperson Hirgon Baranor's Remarks on the Border Incident\n\n\
                The Gondorian side firmly opposes the deployment of troops by Mordor along the \
                border. I have nothing further to add.";
    let got = coded(text, Some("Ministry of Foreign Affairs of Gondor"));
    assert!(
        got.contains(&"ACCUSE 110 Gondor -> Mordor (asserted)".to_string())
            && !got.iter().any(|e| e.contains("Hirgon Baranor ->")),
        "{got:?}"
    );
}

#[test]
fn a_ministers_remarks_in_the_first_person_stay_the_ministers() {
    let text = "Remarks by Foreign Minister Hirgon Baranor\n\n\
                I visited Arnor last week. Mordor must withdraw its forces from the border.";
    let got = coded(text, Some("Ministry of Foreign Affairs of Gondor"));
    assert!(
        got.contains(&"CONSULT 042 Hirgon Baranor -> Arnor (asserted)".to_string())
            && got.contains(&"REQUEST 100 Hirgon Baranor -> Mordor (asserted)".to_string()),
        "{got:?}"
    );
}

#[test]
fn a_title_chain_of_two_offices_names_its_holder_not_its_bodies() {
    let text = "Member of the Standing Committee of the White Council and Secretary of the \
                Commission for Border Affairs Faramir Hurin condemned the Orc Legion.";
    let got = coded(text, None);
    assert!(
        got.contains(&"ACCUSE 111 Faramir Hurin -> Orc Legion (asserted)".to_string()),
        "{got:?}"
    );
}

#[test]
fn the_government_stays_the_authors_where_another_government_is_named_far_back() {
    let text = "The Government of Rohan closed its border crossings on Monday. \
                Trade between the two countries has fallen since the spring. \
                Officials expect a hard winter in the valleys. \
                The Government condemns the Orc Legion.";
    let got = coded(text, Some("Ministry of Foreign Affairs of Arnor"));
    assert!(
        got.contains(&"ACCUSE 111 Arnor -> Orc Legion (asserted)".to_string()),
        "{got:?}"
    );
}

#[test]
fn the_administration_and_our_government_are_the_authors() {
    let got = coded(
        "The Administration condemns the Orc Legion. Our Government will work with Rohan.",
        Some("Ministry of Foreign Affairs of Arnor"),
    );
    assert!(
        got.contains(&"ACCUSE 111 Arnor -> Orc Legion (asserted)".to_string())
            && got.iter().any(|e| e.contains(" Arnor -> Rohan ")),
        "{got:?}"
    );
}

#[test]
fn the_government_and_people_of_a_state_are_that_states() {
    let got = coded(
        "We thank the Government and people of Rohan for their support.",
        Some("Ministry of Foreign Affairs of Arnor"),
    );
    assert!(!got.iter().any(|e| e.contains("-> Arnor")), "{got:?}");
}

#[test]
fn the_government_right_after_another_states_government_continues_it() {
    let text = "The Government of Fiji condemned the Orc Legion on Monday. \
                The Government also thanked Japan for its assistance.";
    let got = coded(
        text,
        Some("Australian Government: Minister for Foreign Affairs"),
    );
    assert!(
        got.iter()
            .any(|e| e.starts_with("SUPPORT") && e.contains("Fiji -> Japan")),
        "{got:?}"
    );
}
