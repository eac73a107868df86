//! Session 23's referring expressions: the agentless passive of a
//! readout, "his counterpart" with nothing naming whom, and "the
//! Minister" after two ministers. Invented sentences, actors from the
//! validation suite's gazetteer.

use super::super::tests::coded;

#[test]
fn an_agentless_agreement_in_a_readout_binds_both_states() {
    let text = "Foreign Minister of Arnor Ingold Targon met with Foreign Minister of Dale \
                Brand Bainson in Annuminas. It was agreed to hold the next meeting of the joint \
                commission in Dale next year.";
    let got = coded(text, None);
    assert!(
        got.contains(&"AGREE 030 Arnor -> Dale (asserted)".to_string())
            && got.contains(&"AGREE 030 Dale -> Arnor (asserted)".to_string()),
        "{got:?}"
    );
}

#[test]
fn an_agentless_agreement_without_a_meeting_has_no_source() {
    let got = coded(
        "It was agreed to convene the council again in the spring.",
        None,
    );
    assert!(!got.iter().any(|e| e.starts_with("AGREE")), "{got:?}");
}

#[test]
fn a_noted_fact_is_no_joint_act() {
    let text = "Hirgon Baranor of Gondor met with Ulfang Ulfast of Rhun. \
                It was noted that trade had grown.";
    let got = coded(text, None);
    assert!(!got.iter().any(|e| e.starts_with("AGREE")), "{got:?}");
}

#[test]
fn a_passive_with_another_partner_is_another_meeting() {
    let text = "Hirgon Baranor of Gondor met with Ulfang Ulfast of Rhun. \
                Trade was discussed with Suladan Mirkan of Harad.";
    let got = coded(text, None);
    assert!(
        !got.iter().any(|e| e.starts_with("CONSULT")
            && e.contains("-> Ulfang Ulfast")
            && e.contains("Suladan")),
        "{got:?}"
    );
}

#[test]
fn his_counterpart_is_the_other_party_of_the_meeting() {
    let text = "Minister Erkenbrand Westfold of Rohan received Minister Herumor Fuinur of Umbar \
                in Edoras. Erkenbrand Westfold briefed his counterpart on the reform of the \
                customs service.";
    let got = coded(text, None);
    assert!(
        got.iter().any(
            |e| e.starts_with("CONSULT") && e.contains("Erkenbrand Westfold -> Herumor Fuinur")
        ),
        "{got:?}"
    );
}

#[test]
fn a_counterpart_met_is_no_earlier_party() {
    let text = "Hirgon Baranor of Gondor met with Ulfang Ulfast of Rhun. \
                Later, Bard Girion of Dale met with his counterpart.";
    let got = coded(text, None);
    assert!(
        !got.iter()
            .any(|e| e.contains("Bard Girion -> Ulfang") || e.contains("Bard Girion -> Hirgon")),
        "{got:?}"
    );
}

#[test]
fn the_minister_after_two_ministers_is_the_authors() {
    let text = "Foreign Minister of Gondor Hirgon Baranor held talks with Foreign Minister of \
                Rohan Erkenbrand Westfold\n\nForeign Minister Hirgon Baranor met with Foreign \
                Minister of Rohan Erkenbrand Westfold in Minas Tirith.\n\nThe Minister thanked \
                his counterpart for the warm hospitality.";
    let got = coded(text, Some("Ministry of Foreign Affairs of Gondor"));
    assert!(
        got.iter().any(
            |e| e.starts_with("SUPPORT") && e.contains("Hirgon Baranor -> Erkenbrand Westfold")
        ),
        "{got:?}"
    );
}
