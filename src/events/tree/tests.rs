//! The tree coder's argument and status rules, one invented sentence
//! each (actors from the validation suite's gazetteer of invented names).

use std::path::Path;
use std::sync::OnceLock;

use crate::events::validate::code_doc;
use crate::pipeline::{Dicts, Pipeline};

/// The default pipeline with the suite's invented actors, built once.
fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        let actors = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/validation/actors.tsv");
        let dicts = Dicts::load(&[actors]).expect("the suite's actors load");
        Pipeline::new(&dicts).expect("the pipeline builds")
    })
}

/// "TYPE CAMEO source -> target (status)" of each event, sorted.
pub(super) fn coded(text: &str, author: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = code_doc(pipeline(), "t", text, (author, None))
        .into_iter()
        .map(|c| {
            let e = c.event;
            let target = e.target.unwrap_or_else(|| "-".to_string());
            format!(
                "{} {} {} -> {target} ({})",
                e.kind, e.cameo, e.source, e.status
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_hearsay_adverb_makes_the_event_reported() {
    assert_eq!(
        coded("Khand reportedly expelled two diplomats of Rhun.", None),
        ["SANCTION 166 Khand -> Rhun (reported)"]
    );
}

#[test]
fn according_to_another_makes_the_event_reported() {
    assert_eq!(
        coded("According to Dale, Umbar shelled Pelargir.", None),
        ["ASSAULT 194 Umbar -> Gondor (reported)"]
    );
}

#[test]
fn a_things_maker_by_a_participle_is_the_target() {
    assert_eq!(
        coded("Lindon rejected the proposal submitted by Khand.", None),
        ["REJECT 120 Lindon -> Khand (asserted)"]
    );
}

#[test]
fn a_title_apposition_names_the_person_before_the_titles_state() {
    assert_eq!(
        coded(
            "Gondor rejected the claims made by the envoy of Harad, Suladan Mirkan.",
            None
        ),
        ["REJECT 120 Gondor -> Suladan Mirkan (asserted)"]
    );
}

#[test]
fn coordinated_states_in_a_phrase_are_all_its_actors() {
    assert_eq!(
        coded("The envoys of Rhun and Dale met in Esgaroth.", None),
        // (one CONSULT for a pair named together: first named → other)
        ["CONSULT 040 Rhun -> Dale (asserted)"]
    );
}

#[test]
fn a_by_phrase_hung_on_an_active_verb_is_its_objects_agent() {
    assert_eq!(
        coded("Dale denounced the raids by Khand.", None),
        ["ACCUSE 111 Dale -> Khand (asserted)"]
    );
}

#[test]
fn a_further_words_phrase_fills_the_target() {
    assert_eq!(
        coded("Lindon granted a loan of ten million crowns to Rhun.", None),
        ["AID 071 Lindon -> Rhun (asserted)"]
    );
}

#[test]
fn anothers_future_action_is_planned_and_ones_own_continued_one_a_commitment() {
    assert_eq!(
        coded("Khand will hold talks with Rhun in June.", None),
        ["CONSULT 046 Khand -> Rhun (hypothetical)"]
    );
    assert_eq!(
        coded(
            "We will continue our assistance to Dale.",
            Some("Ministry of Foreign Affairs of Arnor")
        ),
        ["AGREE 033 Arnor -> Dale (asserted)"]
    );
}

#[test]
fn named_signers_sign_one_way() {
    assert_eq!(
        coded("Bard Girion signed an agreement with Suladan Mirkan.", None),
        ["SUPPORT 057 Bard Girion -> Suladan Mirkan (asserted)"]
    );
}

#[test]
fn a_person_expressing_their_states_stance_is_the_source() {
    assert_eq!(
        coded(
            "The Foreign Minister of Dale, Bard Girion, expressed Dale's gratitude to Lindon.",
            None
        ),
        ["SUPPORT 051 Bard Girion -> Lindon (asserted)"]
    );
}

#[test]
fn agreeing_to_withdraw_is_a_concession() {
    assert_eq!(
        coded("Khand agreed to withdraw its troops from Dale.", None),
        ["CONCEDE 080 Khand -> Dale (asserted)"]
    );
}

#[test]
fn a_plan_to_act_is_hypothetical() {
    assert_eq!(
        coded("Umbar plans to send aid to Harad.", None),
        ["AID 070 Umbar -> Harad (hypothetical)"]
    );
}

#[test]
fn an_unattached_relative_pronoun_stands_for_the_noun_before_it() {
    assert_eq!(
        coded(
            "Arnor condemned Umbar, which had seized two ships of Gondor.",
            None
        ),
        [
            "ACCUSE 111 Arnor -> Umbar (asserted)",
            "COERCE 171 Umbar -> Gondor (asserted)"
        ]
    );
}

#[test]
fn a_participle_in_en_is_parsed_and_coded() {
    assert_eq!(
        coded("Khand has not withdrawn its troops from Dale.", None),
        ["RETREAT 0874 Khand -> Dale (negated)"]
    );
}

#[test]
fn the_receiver_of_a_nominal_action_is_its_target() {
    assert_eq!(
        coded("Rhun received humanitarian aid from Lindon.", None),
        ["AID 073 Lindon -> Rhun (asserted)"]
    );
    assert_eq!(
        coded("Rohan has not received any aid from Lindon.", None),
        ["AID 070 Lindon -> Rohan (negated)"]
    );
}

#[test]
fn no_plans_to_act_deny_the_action() {
    assert_eq!(
        coded("Umbar has no plans to send aid to Harad.", None),
        ["AID 070 Umbar -> Harad (negated)"]
    );
}

#[test]
fn refraining_from_an_action_denies_it() {
    assert_eq!(
        coded("Lindon refrained from criticising Khand.", None),
        ["ACCUSE 111 Lindon -> Khand (negated)"]
    );
}

#[test]
fn a_possible_attack_is_hypothetical() {
    assert_eq!(
        coded(
            "Dale warned of a possible attack by Khand on Esgaroth.",
            None
        ),
        [
            "ASSAULT 190 Khand -> Dale (hypothetical)",
            "THREATEN 130 Dale -> - (asserted)"
        ]
    );
}

#[test]
fn claiming_that_another_attacked_accuses_it() {
    assert_eq!(
        coded("Dale claimed that Khand had shelled Esgaroth.", None),
        [
            "ACCUSE 112 Dale -> Khand (asserted)",
            "ASSAULT 194 Khand -> Dale (reported)"
        ]
    );
}

#[test]
fn a_called_actions_object_is_its_own_argument() {
    assert_eq!(
        coded("Arnor called on Rhun to condemn the raids by Khand.", None),
        [
            "ACCUSE 111 Rhun -> Khand (called_for)",
            "REQUEST 020 Arnor -> Rhun (asserted)"
        ]
    );
}

#[test]
fn an_infinitive_hung_on_the_addressee_is_called_for() {
    assert_eq!(
        coded(
            "Rohan appealed to Lindon to impose sanctions on Khand.",
            None
        ),
        [
            "REQUEST 020 Rohan -> Lindon (asserted)",
            "SANCTION 163 Lindon -> Khand (called_for)"
        ]
    );
}

#[test]
fn in_a_transcript_the_speakers_own_plan_is_a_statement_of_intent() {
    // the document is Arnor's; in Gondor's turn "we will" is Gondor's
    // intent, not another party's plan
    let text = "Talks with the Foreign Minister of Gondor\n\n\
        Ingold Targon: I welcome our guest.\n\n\
        Hirgon Baranor: Thank you. We will send aid to Dale next month.";
    let events = coded(text, Some("Ministry of Foreign Affairs of Arnor"));
    assert!(
        events
            .iter()
            .any(|e| e.starts_with("AGREE") && e.contains("Gondor")),
        "{events:?}"
    );
}

#[test]
fn a_person_row_needs_a_person_as_source() {
    assert!(coded(
        "Thousands of Haradric migrants arrived in Gondor last year.",
        None
    )
    .is_empty());
    assert_eq!(
        coded("Eomer Eorling arrived in Dale on an official visit.", None),
        ["CONSULT 042 Eomer Eorling -> Dale (asserted)"]
    );
}

#[test]
fn two_parties_are_each_others_target_for_a_row_that_needs_one() {
    assert!(coded(
        "The annual meeting of the Northern Concord took place in Pelargir.",
        None
    )
    .is_empty());
    assert_eq!(
        coded(
            "The meeting between Denethor Ecthelion and Theoden Thengel lasted two hours.",
            None
        ),
        ["CONSULT 040 Denethor Ecthelion -> Theoden Thengel (asserted)"]
    );
}

#[test]
fn an_adjectival_passive_is_the_adjective_row_with_its_stimulus_as_target() {
    // tagged VBN with aux:pass: the passive subject is concerned, the
    // "by" phrase is what it is concerned by, not an agent
    assert_eq!(
        coded("Rhun is deeply concerned by the decision of Khand.", None),
        ["ACCUSE 110 Rhun -> Khand (asserted)"]
    );
    assert_eq!(
        coded("Rohan remains troubled by the conduct of Harad.", None),
        ["ACCUSE 110 Rohan -> Harad (asserted)"]
    );
}

#[test]
fn an_act_that_hits_something_is_done_to_its_owner() {
    assert_eq!(
        coded(
            "A missile strike by Harad hit a depot of the Corsair Brotherhood.",
            None
        ),
        ["ASSAULT 195 Harad -> Corsair Brotherhood (asserted)"]
    );
}

#[test]
fn the_subject_after_a_conditional_clause_is_the_main_verbs() {
    assert_eq!(
        coded(
            "If Umbar attacks Harad, Khand will send troops to Harad.",
            None
        ),
        [
            "ASSAULT 190 Umbar -> Harad (hypothetical)",
            "MOBILIZE 154 Khand -> Harad (hypothetical)"
        ]
    );
}

#[test]
fn a_rows_modifier_may_hang_on_its_object_under_a_measure_noun() {
    assert_eq!(
        coded(
            "Lindon delivered ten tonnes of humanitarian aid to Dale.",
            None
        ),
        ["AID 073 Lindon -> Dale (asserted)"]
    );
}

#[test]
fn a_rows_object_word_is_not_read_in_the_subject() {
    assert_eq!(
        coded("The aid agencies of Lindon delivered food to Dale.", None),
        ["AID 073 Lindon -> Dale (asserted)"]
    );
}

#[test]
fn a_plural_head_before_of_is_no_verb() {
    assert_eq!(
        coded("Arnor occupied the border districts of Rhun.", None),
        ["COERCE 192 Arnor -> Rhun (asserted)"]
    );
}

#[test]
fn welcoming_a_person_is_hosting_a_visit() {
    assert_eq!(
        coded(
            "President Ingold Targon welcomed Foreign Minister Hirgon Baranor to Fornost.",
            None
        ),
        ["CONSULT 043 Hirgon Baranor -> Ingold Targon (asserted)"]
    );
    assert_eq!(
        coded(
            "Elwing Nimloth was welcomed by Brand Bainson in Dale.",
            None
        ),
        ["CONSULT 043 Elwing Nimloth -> Brand Bainson (asserted)"]
    );
}

#[test]
fn welcoming_a_step_or_an_appointee_is_praise() {
    assert_eq!(
        coded(
            "Herumor Fuinur welcomed the statement by Suladan Mirkan.",
            None
        ),
        ["SUPPORT 051 Herumor Fuinur -> Suladan Mirkan (asserted)"]
    );
    assert_eq!(
        coded(
            "Herumor Fuinur welcomed Suladan Mirkan as the new Envoy of the White Council.",
            None
        )
        .iter()
        .filter(|e| e.starts_with("CONSULT"))
        .count(),
        0
    );
}

#[test]
fn requesting_an_amount_of_money_is_no_request() {
    assert!(coded(
        "The Government of Gondor requested $40 million from its parliament for new embassies.",
        None
    )
    .is_empty());
    assert_eq!(
        coded("Rohan requested assistance from the White Council.", None),
        [
            "AID 070 White Council -> Rohan (called_for)",
            "REQUEST 020 Rohan -> White Council (asserted)"
        ]
    );
}
