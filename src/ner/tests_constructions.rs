//! Tests of the constructions read after the tagger: leaders' governments,
//! names joined before an event or border, places with their "Province",
//! transcript asides. Sentences written for these tests.

use crate::doc::EntityType;
use crate::ner::stage::tests::{owned, reshaped as tagged};
use EntityType::{Event, Gpe, Loc, Misc, Norp, Person};

#[test]
fn a_leaders_name_before_a_government_noun_is_the_leader() {
    // the tagger's type gives way; joined leaders are no one entity
    assert_eq!(
        tagged(
            "Observers said the Lukashenka regime jailed more critics.",
            &[("Lukashenka", "ORG")]
        ),
        owned(&[("Lukashenka", Person)])
    );
    assert_eq!(
        tagged(
            "Donors met as the Ortega-Murillo regime closed more schools.",
            &[("Ortega-Murillo", "LOC")]
        ),
        owned(&[("Ortega-Murillo", Misc)])
    );
    assert_eq!(
        tagged(
            "Funds came from the Biden-Harris Administration last year.",
            &[("Biden-Harris Administration", "ORG")]
        ),
        owned(&[("Biden-Harris", Misc)])
    );
    // an unknown name is left as the tagger had it
    assert_eq!(
        tagged(
            "Critics of the Vantorra regime met abroad.",
            &[("Vantorra", "ORG")]
        ),
        owned(&[("Vantorra", EntityType::Org)])
    );
}

#[test]
fn joined_names_before_an_event_or_border_head_are_one_name() {
    assert_eq!(
        tagged(
            "The ministers met at the Chile-Peru Summit in May.",
            &[("Chile-Peru", "MISC")]
        ),
        owned(&[("Chile-Peru Summit", Event)])
    );
    assert_eq!(
        tagged(
            "Patrols grew along the Chile-Peru border this week.",
            &[("Chile-Peru", "LOC")]
        ),
        owned(&[("Chile-Peru border", Loc)])
    );
    // the party before a spaced dash belongs to the event; it is also a name
    assert_eq!(
        tagged(
            "They spoke at the Chile – ASEAN Summit on trade.",
            &[("Chile", "LOC"), ("ASEAN Summit", "MISC")]
        ),
        owned(&[("Chile – ASEAN Summit", Event), ("Chile", Gpe)])
    );
    // joined names alone are a modifier, joined demonyms a NORP
    assert_eq!(
        tagged(
            "Chile-Peru relations improved after Chilean-Peruvian talks.",
            &[("Chile-Peru", "LOC"), ("Chilean-Peruvian", "LOC")]
        ),
        owned(&[("Chile-Peru", Misc), ("Chilean-Peruvian", Norp)])
    );
}

#[test]
fn a_capitalised_province_is_part_of_the_places_name() {
    let found = tagged(
        "Aid convoys left for Darfur Region on Monday.",
        &[("Darfur Region", "LOC")],
    );
    assert_eq!(found, owned(&[("Darfur Region", Gpe)]));
}

#[test]
fn a_transcripts_bracketed_aside_is_no_name() {
    assert_eq!(
        tagged(
            "We will be there on time. (Laughter.) Thank you, Marta.",
            &[("Laughter", "PER"), ("Marta", "PER")]
        ),
        owned(&[("Marta", Person)])
    );
}

#[test]
fn the_last_field_of_a_titles_chain_is_no_name_but_the_name_after_it_is() {
    assert_eq!(
        tagged(
            "Under Secretary for Civilian Security, Democracy, and Human Rights Mara Lind met them.",
            &[
                ("Civilian Security, Democracy", "ORG"),
                ("Human Rights Mara Lind", "ORG")
            ]
        ),
        owned(&[("Mara Lind", Person)])
    );
}

#[test]
fn a_sanctions_programme_named_after_a_law_is_no_name() {
    assert_eq!(
        tagged(
            "The officials were already under Global Magnitsky sanctions.",
            &[("Global Magnitsky", "PER")]
        ),
        vec![]
    );
}

#[test]
fn a_bodys_name_runs_on_over_its_field() {
    use EntityType::Org;
    // "on|for <field>" after a body's head noun
    assert_eq!(
        tagged(
            "The Northern Advisory Commission on Coastal Fisheries met in spring.",
            &[("Northern Advisory Commission", "ORG")]
        ),
        owned(&[("Northern Advisory Commission on Coastal Fisheries", Org)])
    );
    assert_eq!(
        tagged(
            "She chairs the Harbour Council for Coastal Shipping today.",
            &[("Harbour Council", "ORG")]
        ),
        owned(&[("Harbour Council for Coastal Shipping", Org)])
    );
    // a meeting's topic, a day, a person: no run
    assert_eq!(
        tagged(
            "The Harbour Council on Wednesday praised the plan.",
            &[("Harbour Council", "ORG")]
        ),
        owned(&[("Harbour Council", Org)])
    );
    // a ministry named by its portfolios, cut at "and" by the tagger
    assert_eq!(
        tagged(
            "Officials of the Department of Immigration and Ethnic Affairs said so.",
            &[("Department of Immigration", "ORG")]
        ),
        owned(&[("Department of Immigration and Ethnic Affairs", Org)])
    );
    // a second body after "and" stays apart
    assert_eq!(
        tagged(
            "The Ministry of Defence and the Harbour Board agreed.",
            &[("Ministry of Defence", "ORG"), ("Harbour Board", "ORG")]
        ),
        owned(&[("Ministry of Defence", Org), ("Harbour Board", Org)])
    );
}

#[test]
fn a_title_line_in_capitals_keeps_its_field_out_of_names() {
    // "FOR"/"OF" in capitals end the field as "for"/"of" do
    assert_eq!(
        tagged("MINISTER FOR TRADE AND CITIZENSHIP", &[("TRADE", "ORG")]),
        vec![]
    );
    assert_eq!(
        tagged(
            "MINISTER FOR HOME AFFAIRS MINISTER FOR JUSTICE",
            &[("JUSTICE", "ORG")]
        ),
        vec![]
    );
    assert_eq!(
        tagged(
            "PAULA GRENVILLE, MINISTER FOR FOREIGN AFFAIRS",
            &[("PAULA GRENVILLE", "PER"), ("FOREIGN AFFAIRS", "ORG")]
        ),
        owned(&[("PAULA GRENVILLE", Person)])
    );
    // the same line in title case, as before
    assert_eq!(
        tagged("Minister for Trade and Citizenship", &[("Trade", "ORG")]),
        vec![]
    );
}
