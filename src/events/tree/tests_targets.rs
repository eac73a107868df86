//! Targets the slots miss or mistake, and the official who states a
//! possessor's act: invented sentences, actors from the validation
//! suite's gazetteer.

use super::super::tests::coded;

fn has(got: &[String], want: &str) -> bool {
    got.iter().any(|e| e == want)
}

#[test]
fn the_subject_of_a_requests_for_infinitive_is_the_one_asked() {
    let got = coded(
        "Gondor continues to call for Mordor to withdraw its troops from Ithilien.",
        None,
    );
    assert!(
        has(&got, "REQUEST 020 Gondor -> Mordor (asserted)"),
        "{got:?}"
    );
    assert!(
        got.iter().any(|e| e.starts_with("RETREAT")
            && e.contains(" Mordor -> ")
            && e.ends_with("(called_for)")),
        "{got:?}"
    );
}

#[test]
fn a_for_phrase_without_an_infinitive_is_what_is_asked_for() {
    let got = coded("Gondor called for the release of the prisoners.", None);
    assert!(!got.iter().any(|e| e.contains("-> Mordor")), "{got:?}");
}

#[test]
fn a_town_that_locates_the_objects_phrase_is_no_target() {
    let got = coded(
        "Gondor commended the results of the summit in Edoras.",
        None,
    );
    assert!(!got.iter().any(|e| e.contains("-> Rohan")), "{got:?}");
}

#[test]
fn a_town_the_slot_names_itself_is_a_destination() {
    let got = coded("Hirgon Baranor travelled to Edoras.", None);
    assert!(
        got.iter()
            .any(|e| e.starts_with("CONSULT") && e.contains("Hirgon Baranor -> Rohan")),
        "{got:?}"
    );
}

#[test]
fn the_official_who_states_his_states_support_is_its_source() {
    let got = coded(
        "Hirgon Baranor underscored Gondor's support for Rohan.",
        None,
    );
    assert_eq!(got, ["SUPPORT 052 Hirgon Baranor -> Rohan (asserted)"]);
}

#[test]
fn another_states_support_welcomed_stays_that_states() {
    let got = coded("Hirgon Baranor welcomed Dale's support for Rohan.", None);
    assert!(
        got.iter()
            .any(|e| e.starts_with("SUPPORT") && e.contains("Dale -> Rohan")),
        "{got:?}"
    );
}

#[test]
fn a_coordinated_verb_with_its_own_addressee_shares_no_object() {
    let got = coded(
        "Rohan called on all parties to show restraint and thanked Dale for its aid.",
        None,
    );
    assert!(
        !got.iter()
            .any(|e| e.starts_with("REQUEST") && e.contains("-> Dale")),
        "{got:?}"
    );
}

#[test]
fn a_deed_of_the_officials_state_stays_the_states() {
    let got = coded(
        "Herumor Fuinur highlighted Umbar's assistance to the people of Harad.",
        None,
    );
    assert!(
        got.iter()
            .any(|e| e.starts_with("AID") && e.contains("Umbar -> Harad")),
        "{got:?}"
    );
}

#[test]
fn a_town_inside_a_further_words_phrase_is_no_target() {
    let got = coded(
        "Dale expressed concern about the situation in Pelargir.",
        None,
    );
    assert!(!got.iter().any(|e| e.contains("-> Gondor")), "{got:?}");
}

#[test]
fn a_named_official_after_a_states_title_is_the_partner() {
    let got = coded(
        "Hirgon Baranor met with Rohan Foreign Minister Erkenbrand Westfold in Edoras today.",
        None,
    );
    assert_eq!(
        got,
        ["CONSULT 040 Hirgon Baranor -> Erkenbrand Westfold (asserted)"]
    );
}

#[test]
fn a_title_before_a_name_keeps_the_names_preposition() {
    let got = coded(
        "Ingold Targon held a telephone call with King Theoden Thengel of Rohan.",
        None,
    );
    assert_eq!(
        got,
        ["CONSULT 041 Ingold Targon -> Theoden Thengel (asserted)"]
    );
}

#[test]
fn a_gathering_is_no_target_and_its_place_hosts_it() {
    let got = coded(
        "Elwing Nimloth will attend the Northern Summit in Edoras next week.",
        None,
    );
    assert_eq!(got, ["CONSULT 040 Elwing Nimloth -> Rohan (hypothetical)"]);
}

#[test]
fn the_one_provided_with_aid_is_its_recipient() {
    let got = coded("Lindon provided Dale with weapons and fuel.", None);
    assert!(
        got.iter()
            .any(|e| e.starts_with("AID") && e.contains("Lindon -> Dale")),
        "{got:?}"
    );
}

#[test]
fn one_who_arrives_on_a_visit_visits_the_place() {
    let got = coded(
        "Suladan Mirkan arrived in Edoras on an official visit.",
        None,
    );
    assert!(
        got.iter()
            .any(|e| e.starts_with("CONSULT") && e.contains("Suladan Mirkan -> Rohan")),
        "{got:?}"
    );
}

#[test]
fn the_one_defending_against_an_attack_is_its_target() {
    let got = coded(
        "Dale continues to defend itself against Rhun's aggression.",
        None,
    );
    assert!(
        got.iter()
            .any(|e| e.starts_with("ASSAULT") && e.contains("Rhun -> Dale")),
        "{got:?}"
    );
}

#[test]
fn a_visit_without_destination_goes_to_the_state_whose_release_tells_it() {
    let got = coded(
        "The visit of Prime Minister Hirgon Baranor of Gondor took place from 3 to 5 May.",
        Some("Ministry of Foreign Affairs of Arnor"),
    );
    assert!(
        got.contains(&"CONSULT 042 Hirgon Baranor -> Arnor (asserted)".to_string()),
        "{got:?}"
    );
}

#[test]
fn a_visit_told_beside_third_states_keeps_no_host() {
    let got = coded(
        "The visit of Rohan's Foreign Minister coincided with the talks between Harad and Umbar.",
        Some("Ministry of Foreign Affairs of Arnor"),
    );
    assert!(
        got.contains(&"CONSULT 042 Rohan -> - (asserted)".to_string()),
        "{got:?}"
    );
}

#[test]
fn the_authors_own_visitor_has_no_host_at_home() {
    let got = coded(
        "The President of Arnor paid a state visit last week.",
        Some("Ministry of Foreign Affairs of Arnor"),
    );
    assert!(
        got.contains(&"CONSULT 042 Arnor -> - (asserted)".to_string()),
        "{got:?}"
    );
}

#[test]
fn a_press_release_is_a_publication_not_a_release() {
    let got = coded(
        "For more details, see the Ministry of Finance's press release on the new measures.",
        Some("Ministry of Foreign Affairs of Gondor"),
    );
    assert!(got.is_empty(), "{got:?}");
    let got = coded(
        "Gondor welcomed the release of Faramir Hurin by Mordor.",
        None,
    );
    assert!(
        has(&got, "RETREAT 0841 Mordor -> Faramir Hurin (asserted)"),
        "{got:?}"
    );
}

#[test]
fn a_talk_that_is_the_purpose_of_a_meeting_is_with_the_meetings_partner() {
    let got = coded(
        "Hirgon Baranor met with Ingold Targon in Minas Tirith to discuss trade.",
        None,
    );
    assert!(
        got.iter()
            .any(|e| e.starts_with("CONSULT") && e.contains("Hirgon Baranor -> Ingold Targon")),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|e| e.contains("Hirgon Baranor -> -")),
        "{got:?}"
    );
}

#[test]
fn a_talk_after_a_call_is_with_the_one_called() {
    let got = coded(
        "Hirgon Baranor spoke by telephone with Ingold Targon and discussed the harvest.",
        None,
    );
    assert!(
        !got.iter()
            .any(|e| e.starts_with("CONSULT") && e.contains("-> -")),
        "{got:?}"
    );
}

#[test]
fn views_exchanged_on_a_state_do_not_make_it_a_partner() {
    let got = coded(
        "Gondor and Rohan exchanged views on Mordor's troop movements.",
        None,
    );
    assert!(
        !got.iter()
            .any(|e| e.starts_with("CONSULT") && e.contains("-> Mordor")),
        "{got:?}"
    );
}

#[test]
fn a_visit_received_and_talked_over_stays_one_meeting() {
    let got = coded(
        "Hirgon Baranor received Ingold Targon and discussed the harvest.",
        None,
    );
    assert_eq!(
        got,
        ["CONSULT 043 Ingold Targon -> Hirgon Baranor (asserted)"]
    );
}

#[test]
fn you_in_a_two_person_exchange_is_the_other_person() {
    let got = coded(
        "Prime Minister Hirgon Baranor and Foreign Minister Ingold Targon Before Their Meeting\n\nFOREIGN MINISTER TARGON: Good morning. I congratulate you on your election.",
        None,
    );
    assert!(
        has(
            &got,
            "SUPPORT 051 Ingold Targon -> Hirgon Baranor (asserted)"
        ),
        "{got:?}"
    );
}

#[test]
fn you_all_is_an_audience() {
    let got = coded(
        "Remarks by Prime Minister Hirgon Baranor at the Harvest Conference\n\nPRIME MINISTER BARANOR: I am grateful to you all for coming to Minas Tirith.",
        None,
    );
    assert_eq!(got, ["SUPPORT 051 Hirgon Baranor -> - (asserted)"]);
}

#[test]
fn a_bare_thank_you_is_a_courtesy() {
    let got = coded(
        "Prime Minister Hirgon Baranor and Foreign Minister Ingold Targon Before Their Meeting\n\nFOREIGN MINISTER TARGON: Thank you very much.",
        None,
    );
    assert!(!got.iter().any(|e| e.starts_with("SUPPORT")), "{got:?}");
}

#[test]
fn an_event_as_agent_of_a_participle_makes_no_target() {
    let got = coded(
        "Arnor is sending food to support the refugees affected by Mordor's war in Rohan.",
        None,
    );
    assert!(
        !got.iter()
            .any(|e| e.starts_with("SUPPORT") && e.contains("-> Mordor")),
        "{got:?}"
    );
}
