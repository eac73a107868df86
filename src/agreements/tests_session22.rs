//! Tests of the session 22 rules (issue 13, item 4): a ceasefire
//! coordinated under one agreement head is one package instrument
//! (`package.rs`), and a singular court head's "by" agent is its issuer
//! (`specific.rs`). Every sentence is invented for these tests.

use super::test_support::{names, run};

#[test]
fn a_ceasefire_coordinated_under_a_deal_is_one_package() {
    let got = names("The envoys pressed both sides to accept a ceasefire and prisoner swap deal.");
    assert_eq!(got, vec!["ceasefire and prisoner swap deal".to_string()]);
    let got = names(
        "Talks resumed in Veloria on the truce and hostages and detainees release agreement.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("truce and hostages"), "{got:?}");
}

#[test]
fn a_package_named_again_stays_one_record() {
    let doc = run(
        "The mediators urged the parties to conclude the ceasefire and hostage release deal. \
         This agreement would end the fighting. It is time to begin the ceasefire and implement the deal.",
    );
    assert_eq!(doc.agreements.len(), 1, "{:?}", doc.agreements);
    assert!(
        doc.agreements[0].mentions.len() >= 3,
        "{:?}",
        doc.agreements
    );
}

#[test]
fn a_ceasefire_agreement_named_again_as_the_ceasefire_is_one() {
    let got = names(
        "Arnor and Gondor signed the ceasefire agreement in May. Both armies have respected the ceasefire since then.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn a_ceasefire_beside_another_clause_is_no_package() {
    // "and" joins two clauses here, not two terms of one head
    let got = names("They agreed to a ceasefire and signed a trade agreement with Rohan.");
    assert!(!got.iter().any(|n| n.contains("ceasefire and")), "{got:?}");
    let got = names("The ceasefire and the trade deal are separate matters.");
    assert!(!got.iter().any(|n| n.contains("ceasefire and")), "{got:?}");
    let got = names("Gondor accepted the truce and rejected any deal with Mordor.");
    assert!(!got.iter().any(|n| n.contains("ceasefire and")), "{got:?}");
}

#[test]
fn a_decision_by_a_court_is_its_ruling() {
    let got = names(
        "The decision by the Supreme Court of Arcadia, to free the journalists, was welcome.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("Ruling of the Supreme Court"), "{got:?}");
    let got = names("Ministers welcomed today's ruling by the Federal Court on the visa cases.");
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn rulings_by_a_court_in_general_are_no_record() {
    let got = names("The state must comply with rulings by the European Court of Human Rights.");
    assert!(got.is_empty(), "{got:?}");
    let got = names("The decision by the government to close the border surprised Gondor.");
    assert!(got.is_empty(), "{got:?}");
}
