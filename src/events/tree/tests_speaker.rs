//! The named official who states their own side's position in a readout:
//! invented readouts, actors from the validation suite's gazetteer.

use super::super::tests::coded;

fn has(got: &[String], want: &str) -> bool {
    got.iter().any(|e| e == want)
}

const CALL: &str = "Readout of Minister Ingold Targon's Call with Minister Hirgon Baranor\n\n\
     Minister Ingold Targon spoke today with Minister Hirgon Baranor of Gondor.";

#[test]
fn an_official_reiterating_the_states_commitment_is_its_source() {
    let text =
        format!("{CALL} Minister Targon reiterated that Arnor will continue to support Gondor.");
    let got = coded(&text, None);
    assert!(
        has(&got, "AGREE 032 Ingold Targon -> Gondor (asserted)"),
        "{got:?}"
    );
}

#[test]
fn a_quotation_naming_the_state_speaks_as_the_state() {
    let text = format!("{CALL} 'Arnor will continue to support Gondor,' Minister Targon said.");
    let got = coded(&text, None);
    assert!(
        !got.iter().any(|e| e.starts_with("AGREE 032 Ingold Targon")),
        "{got:?}"
    );
}

#[test]
fn outside_a_readout_the_statement_stays_the_states() {
    let got = coded(
        "Statement on the Floods in Gondor\n\n\
         Minister Ingold Targon said that Arnor will continue to support Gondor.",
        None,
    );
    assert!(
        !got.iter().any(|e| e.starts_with("AGREE 032 Ingold Targon")),
        "{got:?}"
    );
}

#[test]
fn joint_intentions_of_the_two_officials_stay_the_states() {
    let text = format!("{CALL} The two ministers agreed to work together on border security.");
    let got = coded(&text, None);
    assert!(has(&got, "AGREE 030 Arnor -> Gondor (asserted)"), "{got:?}");
}
