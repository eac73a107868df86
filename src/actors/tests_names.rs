//! Names that are names (issue 13, item 1), on sentences written for the
//! project: headings, titles inside runs, speaker labels, post-nominals,
//! a title's field before a name, appositions after a comma.

use crate::dates::DateOrder;
use crate::doc::{ActorKind, Doc, EntityType};
use crate::pipeline::testing::run;

fn doc(text: &str) -> Doc {
    run(DateOrder::Dmy, Some("2024-05-02"), text)
}

fn persons(doc: &Doc) -> Vec<String> {
    doc.actors
        .iter()
        .filter(|a| a.kind == Some(ActorKind::Person))
        .map(|a| a.name.clone())
        .collect()
}

fn person_mentions(doc: &Doc) -> Vec<String> {
    doc.entities
        .iter()
        .filter(|m| m.label == EntityType::Person)
        .map(|m| doc.span_text(m.span).to_string())
        .collect()
}

#[test]
fn a_headline_verb_after_a_title_is_no_person() {
    for text in [
        "Minister Announces New Grants for Settlement Services\n\nThe grants open next month, the department said.",
        "MINISTER ANNOUNCES GRANTS FUNDING PROCESS\n\nThe grants open next month, the department said.",
        "Minister Calls for Calm at the Border\n\nThe statement was issued in the capital.",
    ] {
        let d = doc(text);
        let p = persons(&d);
        assert!(
            !p.iter()
                .any(|n| n.to_lowercase().contains("announces") || n.contains("Calls")),
            "{text}: {p:?}"
        );
    }
}

#[test]
fn a_title_that_starts_inside_a_run_ends_it() {
    let d = doc("Statement by Rt. Hon. Prime Minister of Nepal at the Summit on Oceans\n\nThe Prime Minister spoke on coastal resilience.");
    assert!(
        !persons(&d).iter().any(|n| n == "Prime"),
        "{:?}",
        persons(&d)
    );
}

#[test]
fn a_speaker_label_and_a_surname_after_a_title_are_persons() {
    let d = doc("MR OKONKWO: Good afternoon, everyone, and welcome to today's briefing on the new visa rules.");
    assert!(
        person_mentions(&d).iter().any(|n| n == "OKONKWO"),
        "{:?}",
        person_mentions(&d)
    );
    assert!(persons(&d)
        .iter()
        .any(|n| n.eq_ignore_ascii_case("Okonkwo")));
}

#[test]
fn post_nominals_and_a_second_form_stay_outside_names() {
    let d = doc("The Minister welcomed the review by Dr Alina Broadbent AC and Ms Petra Vollan AO and accepted all of its findings.");
    let m = person_mentions(&d);
    assert!(m.iter().any(|n| n == "Alina Broadbent"), "{m:?}");
    assert!(m.iter().any(|n| n == "Petra Vollan"), "{m:?}");
    assert!(
        !m.iter().any(|n| n.ends_with(" AC") || n.ends_with(" AO")),
        "{m:?}"
    );
    let d =
        doc("Ms Tove Lindqvist Ms Lindqvist is the Assistant Secretary of the Settlement Branch.");
    let m = person_mentions(&d);
    assert!(!m.iter().any(|n| n.contains("Ms")), "{m:?}");
}

#[test]
fn a_post_nominal_names_no_one_after_it() {
    let d = doc("TRANSCRIPT OF THE PRIME MINISTER THE HON. IMARA OKAFOR MP ADDRESS TO THE DEFENCE CONFERENCE");
    let p = persons(&d);
    assert!(
        !p.iter().any(|n| n.eq_ignore_ascii_case("address")),
        "{p:?}"
    );
}

#[test]
fn a_single_word_after_a_comma_is_no_apposition() {
    let d = doc("Mr President, Let me thank you for the warm welcome in the capital.");
    let p = persons(&d);
    assert!(!p.iter().any(|n| n == "Let"), "{p:?}");
}

#[test]
fn a_field_before_a_name_is_the_title_s() {
    let d = doc("She met the Minister of Environment Jarek Novakowski in the capital on Tuesday.");
    let m = person_mentions(&d);
    assert!(!m.iter().any(|n| n.starts_with("Environment")), "{m:?}");
}

#[test]
fn a_body_modifier_after_a_title_is_no_name() {
    let d = doc("The Commander-in-Chief of the Emirates Armed Forces attended the parade.");
    let p = persons(&d);
    assert!(!p.iter().any(|n| n == "Armed"), "{p:?}");
}

#[test]
fn a_generational_suffix_and_a_possessive_noun_are_no_names() {
    let d = doc("President Tomas R. Halvorsen, Jr. met today with the delegation.\n\nSecretary Okafor's Meeting with the Minister was productive.");
    let p = persons(&d);
    assert!(!p.iter().any(|n| n == "Jr."), "{p:?}");
    assert!(!p.iter().any(|n| n.contains("Meeting")), "{p:?}");
}

#[test]
fn a_surname_spelt_with_a_hyphen_or_a_space_is_the_fuller_name() {
    let d = doc("Call with Foreign Minister Al-Hamdani\n\nThe Minister spoke today with Foreign Minister Rashid bin Saeed Alhamdani of Qatar. Al Hamdani thanked the Minister for the invitation.");
    let p = persons(&d);
    assert!(
        p.iter().any(|n| n == "Rashid bin Saeed Alhamdani"),
        "persons: {p:?}"
    );
    assert!(
        !p.iter().any(|n| n == "Al-Hamdani" || n == "Al Hamdani"),
        "persons: {p:?}"
    );
}
