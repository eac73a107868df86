use super::*;
use crate::text::Tokenizer;

const HEAD: &str = "# format: attache-offices/1\nperson\ttitle\tbody\tfrom\tto\n";

/// A made-up career: foreign minister of one state, then head of an
/// organisation with a gap between, then (open-ended) envoy.
fn career() -> Offices {
    let text = format!(
        "{HEAD}\
         person:a\tMinister for Foreign Affairs\tcountry:one\t1996-03-11\t2001-06\n\
         person:a\tSecretary-General\torg:two\t2003\t2009-12-31\n\
         person:a\tSpecial Envoy\torg:three\t2021-07-01\t\n\
         person:b\tPrime Minister\tcountry:one\t2019\n"
    );
    Offices::from_sources(&[("t.tsv", &text)]).unwrap()
}

fn body_at(o: &Offices, person: &str, date: Option<&str>) -> Option<String> {
    o.held_at(person, date).map(|o| o.body.clone())
}

#[test]
fn successive_offices_give_the_body_of_the_date() {
    let o = career();
    assert_eq!(
        body_at(&o, "person:a", Some("1998-05-04")).as_deref(),
        Some("country:one")
    );
    assert_eq!(
        body_at(&o, "person:a", Some("2005-01")).as_deref(),
        Some("org:two")
    );
    assert_eq!(
        body_at(&o, "person:a", Some("2024-02-29")).as_deref(),
        Some("org:three")
    );
    assert_eq!(o.len(), 4);
    assert_eq!(o.persons(), 2);
}

#[test]
fn before_the_first_term_and_in_gaps_no_office_is_held() {
    let o = career();
    assert_eq!(body_at(&o, "person:a", Some("1990-01-01")), None);
    assert_eq!(body_at(&o, "person:a", Some("2002-05-05")), None);
    assert_eq!(body_at(&o, "person:a", Some("2015")), None);
    assert_eq!(body_at(&o, "person:unknown", Some("2015")), None);
}

#[test]
fn partial_dates_stand_for_their_whole_period() {
    let o = career();
    // The term ends "2001-06": every day of June 2001 is still in office.
    assert_eq!(
        body_at(&o, "person:a", Some("2001-06-30")).as_deref(),
        Some("country:one")
    );
    assert_eq!(body_at(&o, "person:a", Some("2001-07-01")), None);
    // The term starts "2003": a text of 1 January 2003 overlaps it.
    assert_eq!(
        body_at(&o, "person:a", Some("2003-01-01")).as_deref(),
        Some("org:two")
    );
    // A year-only document date matches a term that only touches the year.
    assert_eq!(
        body_at(&o, "person:a", Some("2021")).as_deref(),
        Some("org:three")
    );
    assert_eq!(
        body_at(&o, "person:a", Some("2001")).as_deref(),
        Some("country:one")
    );
    // Open-ended term: in office at any later date.
    assert_eq!(
        body_at(&o, "person:b", Some("2031-12")).as_deref(),
        Some("country:one")
    );
}

#[test]
fn a_term_covering_the_whole_period_wins_over_one_touching_it() {
    let text = format!(
        "{HEAD}\
         person:c\tMinister of Defence\tcountry:one\t2010-02-01\t2014-03-31\n\
         person:c\tMinister for Foreign Affairs\tcountry:one\t2014-04-01\t2014-11-30\n\
         person:c\tHigh Representative\torg:two\t2014-12-01\t2019-11-30\n"
    );
    let o = Offices::from_sources(&[("t.tsv", &text)]).unwrap();
    // Three terms touch 2014; none covers it: the most recent start wins.
    assert_eq!(
        o.held_at("person:c", Some("2014")).unwrap().title,
        "High Representative"
    );
    // May 2014 lies inside the foreign-minister term only.
    let may = o.held_at("person:c", Some("2014-05")).unwrap();
    assert_eq!(may.title, "Minister for Foreign Affairs");
    // 2012 is covered by the defence term.
    assert_eq!(
        o.held_at("person:c", Some("2012")).unwrap().title,
        "Minister of Defence"
    );
}

#[test]
fn simultaneous_offices_prefer_the_most_recent_start() {
    let text = format!(
        "{HEAD}\
         person:d\tDeputy Prime Minister\tcountry:one\t2015-01-01\t\n\
         person:d\tMinister for Foreign Affairs\tcountry:one\t2018-06-01\t2020-01-01\n"
    );
    let o = Offices::from_sources(&[("t.tsv", &text)]).unwrap();
    let at = |d| o.held_at("person:d", Some(d)).unwrap().title.clone();
    assert_eq!(at("2019-03-03"), "Minister for Foreign Affairs");
    assert_eq!(at("2016-03-03"), "Deputy Prime Minister");
    assert_eq!(at("2021-03-03"), "Deputy Prime Minister");
}

#[test]
fn without_a_date_the_latest_office_is_given() {
    let o = career();
    assert_eq!(o.latest("person:a").unwrap().body, "org:three");
    assert_eq!(body_at(&o, "person:a", None).as_deref(), Some("org:three"));
    // A document date that does not parse counts as no date.
    assert_eq!(
        body_at(&o, "person:a", Some("sometime")).as_deref(),
        Some("org:three")
    );
    assert_eq!(o.terms("person:a").count(), 3);
}

#[test]
fn dates_parse_at_three_precisions_and_refuse_impossible_days() {
    let d = PartialDate::parse("2024-02-29").unwrap();
    assert_eq!((d.year, d.month, d.day), (2024, Some(2), Some(29)));
    assert_eq!(d.to_string(), "2024-02-29");
    assert_eq!(PartialDate::parse("1998").unwrap().to_string(), "1998");
    assert_eq!(PartialDate::parse("1998-07").unwrap().month, Some(7));
    for bad in [
        "2023-02-29",
        "1998-13",
        "98",
        "1998-7-01",
        "1998/07/01",
        "",
        "1998-07-01-01",
    ] {
        assert_eq!(PartialDate::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn malformed_rows_are_errors_with_line_numbers() {
    let cases = [
        (
            "person:x\tTitle\tcountry:one\t1999-14-01\n",
            "the from date \"1999-14-01\"",
        ),
        (
            "person:x\tTitle\tcountry:one\t1999\tnow\n",
            "the to date \"now\"",
        ),
        ("person:x\tTitle\tcountry:one\n", "found 3"),
        (
            "person:x\t\tcountry:one\t1999\n",
            "the title field is empty",
        ),
        (
            "person:x\tTitle\tcountry:one\t2005\t2001\n",
            "ends (2001) before it starts (2005)",
        ),
        ("person\tname\tbody\tfrom\tto\n", "the header row must be"),
    ];
    for (row, want) in cases {
        let text = format!("{HEAD}{row}");
        let err = Offices::from_sources(&[("bad.tsv", &text)]).unwrap_err();
        assert_eq!(err.line, 3, "{row:?}");
        let msg = err.to_string();
        assert!(
            msg.starts_with("bad.tsv:3: ") && msg.contains(want),
            "{msg}"
        );
    }
    let no_format = "person\ttitle\tbody\tfrom\tto\nperson:x\tT\tcountry:one\t1999\n";
    let err = Offices::from_sources(&[("nf.tsv", no_format)]).unwrap_err();
    assert_eq!(err.problem, OfficeProblem::NoFormatLine);
    // The library error keeps file and line.
    let lib: Error = err.into();
    assert!(lib.to_string().starts_with("nf.tsv:0:"), "{lib}");
}

#[test]
fn a_later_file_replaces_a_persons_terms() {
    let first = format!("{HEAD}person:a\tMinister\tcountry:one\t1990\t1995\n");
    let second = format!("{HEAD}person:a\tAmbassador\tcountry:two\t1996\t\n");
    let o = Offices::from_sources(&[("1.tsv", &first), ("2.tsv", &second)]).unwrap();
    assert_eq!(o.terms("person:a").count(), 1);
    assert_eq!(body_at(&o, "person:a", Some("1992")), None);
    assert_eq!(
        body_at(&o, "person:a", Some("1997")).as_deref(),
        Some("country:two")
    );
}

fn gazetteer() -> Gazetteer {
    Gazetteer::with_user_files(&[], &Tokenizer::default()).unwrap()
}

#[test]
fn the_embedded_file_is_clean_and_its_ids_exist() {
    let o = Offices::from_sources(&[("offices.tsv", EMBEDDED)]).unwrap();
    o.validate(&gazetteer()).unwrap();
    assert!(o.len() >= 300, "{}", o.len());
    assert_eq!(Offices::embedded().len(), o.len());
}

#[test]
fn every_person_of_the_gazetteer_has_an_office() {
    let g = gazetteer();
    let o = Offices::embedded();
    let missing: Vec<&str> = (0..g.len())
        .map(|i| g.entry(i))
        .filter(|e| e.label == crate::doc::EntityType::Person)
        .filter(|e| o.terms(&e.id).next().is_none())
        .map(|e| e.id.as_str())
        .collect();
    assert!(missing.is_empty(), "persons without offices: {missing:?}");
}

#[test]
fn user_files_are_validated_against_the_gazetteer() {
    let g = gazetteer();
    let good = format!("{HEAD}person:sergey-lavrov\tAmbassador to the UN\torg:un\t1994\t2004-03\n");
    let o = Offices::with_user_files(&[("mine.tsv".into(), good)], &g).unwrap();
    let body = o
        .held_at("person:sergey-lavrov", Some("2000"))
        .unwrap()
        .body
        .clone();
    assert_eq!(body, "org:un");
    let unknown_person = format!("{HEAD}\nperson:nobody\tMinister\tcountry:usa\t2000\n");
    let err = Offices::with_user_files(&[("p.tsv".into(), unknown_person)], &g).unwrap_err();
    assert!(
        err.to_string().contains("p.tsv:4: unknown person id"),
        "{err}"
    );
    let unknown_body = format!("{HEAD}person:sergey-lavrov\tMinister\tcountry:nowhere\t2000\n");
    let err = Offices::with_user_files(&[("b.tsv".into(), unknown_body)], &g).unwrap_err();
    assert!(
        err.to_string().contains("b.tsv:3: unknown body id"),
        "{err}"
    );
    // A body that is not a PERSON cannot be a person.
    let not_person = format!("{HEAD}country:usa\tMinister\tcountry:usa\t2000\n");
    assert!(Offices::with_user_files(&[("c.tsv".into(), not_person)], &g).is_err());
}

#[test]
fn the_embedded_file_dates_careers_across_bodies() {
    let o = Offices::embedded();
    let body = |p: &str, d: &str| o.held_at(p, Some(d)).map(|t| t.body.clone());
    // Foreign minister of Spain, NATO Secretary General, EU High Representative.
    assert_eq!(
        body("person:javier-solana", "1994").as_deref(),
        Some("country:esp")
    );
    assert_eq!(
        body("person:javier-solana", "1998-06-01").as_deref(),
        Some("org:nato")
    );
    assert_eq!(
        body("person:javier-solana", "2005").as_deref(),
        Some("org:eu")
    );
    // Prime minister, President of the European Council, prime minister again.
    assert_eq!(
        body("person:donald-tusk", "2010").as_deref(),
        Some("country:pol")
    );
    assert_eq!(
        body("person:donald-tusk", "2017").as_deref(),
        Some("org:european-council")
    );
    assert_eq!(
        body("person:donald-tusk", "2024").as_deref(),
        Some("country:pol")
    );
    // Between Kallas's two offices she held neither.
    assert_eq!(body("person:kaja-kallas", "2024-09"), None);
    assert_eq!(
        body("person:kaja-kallas", "2025").as_deref(),
        Some("org:eu")
    );
}

#[test]
fn dict_files_are_routed_by_their_format_line_and_checked_at_build() {
    use crate::pipeline::{Dicts, Pipeline};
    let dir = std::env::temp_dir().join(format!("attache-offices-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.tsv");
    let bad = dir.join("bad.tsv");
    std::fs::write(
        &good,
        format!("{HEAD}person:sergey-lavrov\tMinister\tcountry:rus\t2004\n"),
    )
    .unwrap();
    std::fs::write(
        &bad,
        format!("{HEAD}person:sergey-lavrov\tMinister\tcountry:nowhere\t2004\n"),
    )
    .unwrap();
    let dicts = Dicts::load(&[&good]).unwrap();
    assert_eq!(dicts.offices.len(), 1);
    assert!(dicts.gazetteers.is_empty());
    assert!(Pipeline::new(&dicts).is_ok());
    let err = Pipeline::new(&Dicts::load(&[&bad]).unwrap()).err().unwrap();
    assert!(err.to_string().contains("unknown body id"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
