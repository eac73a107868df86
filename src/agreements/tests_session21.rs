//! Tests of the session 21 rules (issue 13, item 4, `jointly.rs`): a
//! lower-case statement or declaration of several parties is one
//! instrument at its first mention. Every sentence is invented for these
//! tests.

use super::test_support::names;

#[test]
fn an_indefinite_joint_statement_is_an_instrument() {
    let got = names(
        "After the talks the two presidents are expected to adopt a joint statement on Arcadia.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("joint statement"), "{got:?}");
    let got = names("For the first time, all four parties have agreed on a joint final statement.");
    assert_eq!(got, vec!["joint final statement".to_string()]);
    let got = names("The envoys of the three states finally issued a trilateral declaration.");
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn a_possessed_joint_statement_starts_a_record() {
    let got = names("We urge Rohan to act in the spirit of our joint statement.");
    assert_eq!(got, vec!["joint statement".to_string()]);
}

#[test]
fn a_joint_statement_named_again_joins_the_first() {
    let got = names(
        "The ministers issued the Joint Statement on Fisheries Cooperation. \
         In a joint statement, they also thanked the hosts.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn negated_plural_and_single_author_statements_stay_out() {
    assert!(names("The meeting in Veloria ended without a joint statement.").is_empty());
    assert!(names("The two ministers did not issue a joint statement.").is_empty());
    assert!(names("Joint statements are a useful tool of diplomacy, she said.").is_empty());
    assert!(names("The spokesman made a final statement to the press.").is_empty());
}

#[test]
fn a_joint_appearance_before_the_press_is_no_instrument() {
    assert!(names("Today during your joint statement, the premier spoke of Arcadia.").is_empty());
    let got = names(
        "The president spoke during a joint statement to the media after the talks in Edoras.",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn the_text_of_a_joint_statement_is_the_documents_own() {
    let text = "Joint Communiqué on the Gondor-Rohan Strategic Dialogue\n\n\
                The following is the text of a joint statement by the Governments of Gondor and Rohan. \
                The two sides reaffirmed their partnership.";
    let got = names(text);
    assert_eq!(got.len(), 1, "{got:?}");
}
