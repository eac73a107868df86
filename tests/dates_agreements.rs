//! The dates and agreements stages on arbitrary input: no panic, every
//! DATE and agreement span valid and inside one sentence, date mentions
//! ordered and disjoint; and end to end through the binary.

use proptest::prelude::*;

use attache::doc::{Doc, DocInfo, Span};
use attache::pipeline::{Dicts, Pipeline};

use crate::util::{attache, check_record, json_lines};

fn pipeline() -> &'static Pipeline {
    static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    P.get_or_init(|| Pipeline::new(&Dicts::default()).expect("embedded data loads"))
}

fn check(text: &str, date: Option<&str>) {
    let info = DocInfo {
        date: date.map(str::to_string),
        ..DocInfo::default()
    };
    let mut doc = Doc::new(info, text.to_string());
    pipeline().process(&mut doc);
    let chars: Vec<char> = text.chars().collect();
    let valid = |s: Span| {
        assert!(s.byte_start < s.byte_end && s.byte_end <= text.len());
        assert!(text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end));
        let c: String = chars[s.char_start..s.char_end].iter().collect();
        assert_eq!(c, &text[s.bytes()]);
    };
    let mut last = 0;
    for d in &doc.dates {
        valid(d.span);
        assert!(d.span.byte_start >= last, "date mentions overlap");
        last = d.span.byte_end;
        let s = &doc.sentences[d.sentence];
        assert!(s.tokens.start <= d.tokens.start && d.tokens.end <= s.tokens.end);
        if let Some(v) = &d.value {
            assert!(!v.is_empty());
        }
    }
    for a in &doc.agreements {
        assert!(!a.name.is_empty());
        assert!(!a.mentions.is_empty());
        for m in &a.mentions {
            valid(m.span);
            assert!(m.sentence < doc.sentences.len());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(text in "\\PC{0,200}") {
        check(&text, None);
        check(&text, Some("2023-05-24"));
    }

    #[test]
    fn date_and_treaty_like_text(parts in proptest::collection::vec(prop_oneof![
        Just("24 May 2023"), Just("May 24, 2023"), Just("24.05.2023"), Just("05/24/2023"),
        Just("10–12 May"), Just("June 23–24"), Just("1997/98"), Just("mid-2022"), Just("the"),
        Just("last"), Just("week"), Just("yesterday"), Just("two"), Just("days"), Just("ago"),
        Just("44-day"), Just("five-month-long"), Just("the 30th anniversary"), Just("between"),
        Just("and"), Just("from"), Just("to"), Just("at 10:00"), Just("Monday"), Just(","),
        Just("."), Just("—"), Just("\n"), Just("\n\n"), Just("Agreement"), Just("agreement"),
        Just("Joint Statement"), Just("of"), Just("resolution"), Just("2334"), Just("(2016)"),
        Just("Security Council"), Just("order of the International Court of Justice"),
        Just("signed"), Just("MOU"), Just("JCPOA"), Just("two joint action plans on"),
        Just("Ünïcödé"), Just("Արցախ"), Just("9"), Just("31"), Just("2020"), Just("-"),
    ], 0..40)) {
        let text = parts.join(" ");
        check(&text, None);
        check(&text, Some("2024-01-11"));
    }
}

#[test]
fn dates_and_agreements_end_to_end() {
    let text = "Ministers sign agreement\n\nYEREVAN, 24 May 2023 — The ministers yesterday signed \
                the Agreement on Visa Facilitation between Arnor and Gondor. The Agreement \
                follows the Trilateral Statement of 9 November 2020 and the 44-day war.";
    let out = attache()
        .args(["extract", "--include-text", "-"])
        .write_stdin(text)
        .assert()
        .success();
    let recs = json_lines(&out.get_output().stdout);
    let r = &recs[0];
    check_record(r);
    assert_eq!(r["doc"]["date"], "2023-05-24");
    assert_eq!(r["doc"]["date_source"], "text");
    let values: Vec<&str> = r["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        values,
        vec!["2023-05-24", "2023-05-23", "2020-11-09", "P44D"]
    );
    let ags = r["agreements"].as_array().unwrap();
    assert_eq!(ags.len(), 2);
    assert_eq!(
        ags[0]["name"],
        "Agreement on Visa Facilitation between Arnor and Gondor"
    );
    assert_eq!(ags[0]["date"], "2023-05-23");
    assert_eq!(ags[0]["parties"], serde_json::json!(["Arnor", "Gondor"]));
    // the headline's "agreement", the named mention, "The Agreement"
    assert_eq!(ags[0]["mentions"].as_array().unwrap().len(), 3);
    assert_eq!(ags[1]["name"], "Trilateral Statement");
    assert_eq!(ags[1]["date"], "2020-11-09");
    let types: Vec<&str> = r["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert!(types.contains(&"AGREEMENT") && types.contains(&"DATE"));
}

#[test]
fn date_order_option() {
    for (order, value) in [("dmy", "2023-04-05"), ("mdy", "2023-05-04")] {
        let out = attache()
            .args([
                "extract",
                "--doc-date",
                "2023-06-01",
                "--date-order",
                order,
                "-",
            ])
            .write_stdin("Talks\n\nThe talks opened on 05/04/2023.")
            .assert()
            .success();
        let r = &json_lines(&out.get_output().stdout)[0];
        assert_eq!(r["dates"][0]["value"], value, "{order}");
    }
}

#[test]
fn unknown_dict_format_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.tsv");
    std::fs::write(&path, "# format: attache-nothing/1\na\tb\n").unwrap();
    attache()
        .args(["extract", "--dict"])
        .arg(&path)
        .arg("-")
        .write_stdin("x")
        .assert()
        .code(2);
}
