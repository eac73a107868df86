//! Targets from the meeting a readout's title tells: invented readouts,
//! actors from the validation suite's gazetteer.

use super::super::tests::coded;

fn has(got: &[String], want: &str) -> bool {
    got.iter().any(|e| e == want)
}

const CALL: &str = "Readout of Minister Ingold Targon's Call with Minister Hirgon Baranor\n\n\
     Minister Ingold Targon spoke today with Minister Hirgon Baranor of Gondor.";

#[test]
fn condolences_in_a_call_readout_go_to_the_other_party() {
    let text = format!("{CALL} Minister Targon offered his condolences on the loss of life.");
    let got = coded(&text, None);
    assert!(
        has(
            &got,
            "SUPPORT 051 Ingold Targon -> Hirgon Baranor (asserted)"
        ),
        "{got:?}"
    );
}

#[test]
fn a_thing_welcomed_is_no_gap_to_fill() {
    let text = format!("{CALL} Minister Targon welcomed the announcement of new elections.");
    let got = coded(&text, None);
    assert!(
        has(&got, "SUPPORT 051 Ingold Targon -> - (asserted)"),
        "{got:?}"
    );
}

#[test]
fn a_speakers_i_is_not_the_readouts_party() {
    let text = format!("{CALL} Ingold Targon: I congratulate the graduates.");
    let got = coded(&text, None);
    assert!(
        !has(
            &got,
            "SUPPORT 051 Ingold Targon -> Hirgon Baranor (asserted)"
        ),
        "{got:?}"
    );
}

#[test]
fn a_visit_to_two_states_lends_no_one_partner() {
    let got = coded(
        "Minister Erkenbrand Westfold to Visit Arnor and Gondor\n\n\
         Minister Erkenbrand Westfold will visit Arnor and Gondor next week. \
         Minister Westfold will discuss energy security.",
        None,
    );
    assert!(
        has(&got, "CONSULT 040 Erkenbrand Westfold -> - (hypothetical)"),
        "{got:?}"
    );
}

#[test]
fn a_briefing_title_names_no_meeting() {
    let got = coded(
        "Spokesperson's Regular Press Briefing\n\n\
         Minister Hirgon Baranor met Minister Brand Bainson on Friday. \
         Minister Baranor expressed his appreciation.",
        None,
    );
    assert!(
        !got.iter()
            .any(|e| e.starts_with("SUPPORT") && e.contains("-> Brand Bainson")),
        "{got:?}"
    );
}

#[test]
fn an_act_far_past_the_lead_is_another_scene() {
    let filler = " The weather was mild.".repeat(12);
    let text = format!("{CALL}{filler} Minister Targon expressed his appreciation.");
    let got = coded(&text, None);
    assert!(
        !got.iter()
            .any(|e| e.starts_with("SUPPORT") && e.contains("-> Hirgon Baranor")),
        "{got:?}"
    );
}
