//! Plural descriptions of a meeting's parties as a clause's subject
//! ([`super::participants`]) and subjects joined by "and" that the
//! parser hung apart (syntax repair 7); one invented text each.

use super::tests::coded;

#[test]
fn the_leaders_of_a_meeting_of_three_are_its_three_parties() {
    assert_eq!(
        coded(
            "Denethor Ecthelion met with Bard Girion and Celeborn Galadhon in Dale. \
             The leaders condemned the blockade of Esgaroth.",
            None
        ),
        [
            "ACCUSE 111 Bard Girion -> - (asserted)",
            "ACCUSE 111 Celeborn Galadhon -> - (asserted)",
            "ACCUSE 111 Denethor Ecthelion -> - (asserted)",
            "CONSULT 040 Denethor Ecthelion -> Bard Girion (asserted)",
            "CONSULT 040 Denethor Ecthelion -> Celeborn Galadhon (asserted)",
        ]
    );
}

#[test]
fn a_number_picks_the_run_of_that_many_actors() {
    assert_eq!(
        coded(
            "Harad, Umbar and Khand held talks in Umbar. \
             The three governments agreed to reduce tariffs.",
            None
        ),
        // not a word list: the events expected
        [
            "AGREE 030 Harad -> - (asserted)",
            "AGREE 030 Khand -> - (asserted)",
            "AGREE 030 Umbar -> - (asserted)",
            "CONSULT 046 Harad -> - (asserted)",
            "CONSULT 046 Khand -> - (asserted)",
            "CONSULT 046 Umbar -> - (asserted)",
        ]
    );
}

#[test]
fn a_quantified_plural_is_not_the_meetings_parties() {
    assert_eq!(
        coded(
            "Aragorn Arathornson spoke with Imrahil Adrahil on Friday. \
             Some countries later praised Rohan.",
            None
        ),
        ["CONSULT 041 Aragorn Arathornson -> Imrahil Adrahil (asserted)"]
    );
}

#[test]
fn the_leaders_and_their_teams_are_the_leaders() {
    assert_eq!(
        coded(
            "Ingold Targon met with Hirgon Baranor in Edoras. \
             The two leaders and their teams welcomed the new trade agreement.",
            None
        ),
        [
            "CONSULT 040 Ingold Targon -> Hirgon Baranor (asserted)",
            "SUPPORT 051 Hirgon Baranor -> - (asserted)",
            "SUPPORT 051 Ingold Targon -> - (asserted)",
        ]
    );
}
