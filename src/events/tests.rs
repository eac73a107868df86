//! Event stage behaviour that the validation suite does not see: the
//! event's date.

use crate::dates::DateOrder;
use crate::pipeline::testing::run;

/// (trigger text, date value or None) of each event.
fn event_dates(text: &str) -> Vec<(String, Option<String>)> {
    let doc = run(DateOrder::Dmy, Some("2023-11-12"), text);
    doc.events
        .iter()
        .map(|e| {
            let date = e.date.and_then(|d| doc.dates[d].value.clone());
            (doc.span_text(e.span).to_string(), date)
        })
        .collect()
}

fn owned(list: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    list.iter()
        .map(|(t, d)| (t.to_string(), d.map(str::to_string)))
        .collect()
}

#[test]
fn a_date_belongs_to_the_nearest_trigger_with_none_between() {
    assert_eq!(
        event_dates("President Ramaphosa thanked Kenya and met President Ruto in Nairobi in 2024."),
        owned(&[("thanked", None), ("met", Some("2024"))])
    );
}

#[test]
fn a_fronted_date_governs_the_whole_sentence() {
    assert_eq!(
        event_dates("On 3 June 2024, Kenya condemned the attack and called on Sudan to agree to a ceasefire."),
        owned(&[
            ("condemned", Some("2024-06-03")),
            ("called", Some("2024-06-03")),
            ("agree", Some("2024-06-03")),
        ])
    );
}

#[test]
fn durations_date_no_event() {
    assert_eq!(
        event_dates("Kenya deployed troops for 44 days."),
        owned(&[("deployed", None)])
    );
}

#[test]
fn an_agreements_date_dates_no_event() {
    assert_eq!(
        event_dates("Palau and Morocco agree to act on the basis of the Vienna Convention on Diplomatic Relations of 18 April 1961."),
        owned(&[("agree", None), ("agree", None)])
    );
}

#[test]
fn a_title_event_takes_the_date_of_its_later_mention() {
    assert_eq!(
        event_dates("Statement on the Azerbaijani attack on Armenia\n\nOn 3 June 2024, Azerbaijan launched an attack on Armenia."),
        owned(&[("attack", Some("2024-06-03"))])
    );
}

#[test]
fn a_date_in_a_relative_clause_after_the_trigger_is_the_clauses() {
    assert_eq!(
        event_dates("Chile welcomed the growth of trade, which doubled last year."),
        owned(&[("welcomed", None)])
    );
    assert_eq!(
        event_dates("Chile welcomed the growth of trade last year."),
        owned(&[("welcomed", Some("2022"))])
    );
}

#[test]
fn a_date_after_of_dates_the_noun_before_it() {
    assert_eq!(
        event_dates("Chile condemned the decision of 5 May 2023."),
        owned(&[("condemned", None)])
    );
    assert_eq!(
        event_dates("Chile urged Peru to respect the Edoras Accord of 11 May 2023."),
        event_dates("Chile urged Peru to respect the Edoras Accord.")
    );
}
