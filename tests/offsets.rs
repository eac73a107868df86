//! Offsets on arbitrary input: every span slices back to its text, in chars
//! and bytes; tokens are ordered and disjoint; sentences partition the
//! tokens; masked lines have no tokens.

use proptest::prelude::*;

use attache::doc::{Doc, DocInfo, Span};
use attache::pipeline::{Dicts, Pipeline};
use attache::records::{Record, RecordOptions};

use crate::util::{attache, check_record, json_lines};

fn pipeline() -> &'static Pipeline {
    static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    P.get_or_init(|| Pipeline::new(&Dicts::default()).expect("embedded data loads"))
}

fn char_slice(chars: &[char], s: Span) -> String {
    chars[s.char_start..s.char_end].iter().collect()
}

fn check_doc(text: &str) {
    let mut doc = Doc::new(DocInfo::default(), text.to_string());
    pipeline().process(&mut doc);
    let chars: Vec<char> = text.chars().collect();
    let check = |s: Span| {
        assert!(s.byte_start <= s.byte_end && s.byte_end <= text.len());
        assert!(text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end));
        assert_eq!(char_slice(&chars, s), &text[s.bytes()]);
    };
    let mut last_end = 0;
    for t in &doc.tokens {
        check(t.span);
        assert!(!t.span.is_empty());
        assert!(t.span.byte_start >= last_end, "tokens overlap");
        last_end = t.span.byte_end;
        assert!(!text[t.span.bytes()].chars().all(char::is_whitespace));
    }
    let mut next_token = 0;
    for s in &doc.sentences {
        check(s.span);
        assert_eq!(
            s.tokens.start, next_token,
            "sentences skip or repeat tokens"
        );
        assert!(s.tokens.end > s.tokens.start);
        next_token = s.tokens.end;
    }
    assert_eq!(next_token, doc.tokens.len());
    for m in &doc.boilerplate {
        check(m.span);
        assert!(doc
            .tokens
            .iter()
            .all(|t| t.span.byte_end <= m.span.byte_start || t.span.byte_start >= m.span.byte_end));
    }
    let record = Record::from_doc(
        &doc,
        RecordOptions {
            include_text: true,
            ..RecordOptions::default()
        },
    );
    assert_eq!(record.doc.chars, chars.len());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,300}") {
        check_doc(&text);
    }

    #[test]
    fn arbitrary_bytes_and_markup(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(decoded) = attache::input::decode::decode(&bytes, None, false) {
            check_doc(&decoded.text);
        }
        let lossy = String::from_utf8_lossy(&bytes).replace('\0', "");
        let page = format!("<p>{lossy}</p><nav>{lossy}<script>{lossy}");
        check_doc(&attache::input::html::html_to_text(&page).text);
    }

    #[test]
    fn press_like_text(parts in proptest::collection::vec(prop_oneof![
        Just("Mr. "), Just("U.S. "), Just("H.E."), Just("Artsakh’s "), Just("don't "), Just("44-day "),
        Just("1,000.5 "), Just("24.05.2023"), Just(". "), Just("? "), Just("\" "), Just("“"), Just("”"),
        Just("\r\n"), Just("\n\n"), Just("Show More\n"), Just("Share\r\n"), Just("e\u{301}"), Just("🇦🇲 "),
        Just("👩‍👩‍👧 "), Just("שלום "), Just("مرحبا "), Just("\u{200F}"), Just("https://a.b/c. "), Just("x@y.am "),
        Just("@h "), Just("#t "), Just("n't"), Just("’"), Just("'"), Just("-"), Just("…"), Just("\u{FEFF}"),
        Just("\t"), Just("\u{0}"), Just("A"), Just("z"), Just("9"), Just(" "),
    ], 0..60)) {
        check_doc(&parts.concat());
    }
}

#[test]
fn binary_output_spans_check_out_on_hard_text() {
    let texts = [
        "Cafe\u{301} talks\r\nin Ереван\r\n\r\nשלום and مرحبا 🇦🇲👩‍👩‍👧.\n",
        "Show More\nBack to top button\n",
        "\u{FEFF}e\u{301}\u{301}\u{301} ",
        "",
        // proptest's find in issue 15: a token ran past the text's end.
        "N'T",
    ];
    for text in texts {
        let out = attache()
            .args(["extract", "--include-text"])
            .write_stdin(text)
            .output()
            .unwrap();
        assert!(out.status.success());
        let r = &json_lines(&out.stdout)[0];
        check_record(r);
    }
}
