//! `attache extract`: inputs, outputs, errors, exit codes, ordering.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use serde_json::Value;

use crate::util::{attache, attache_path, check_record, json_lines, records_of, repo};

fn ids(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| {
            r.pointer("/doc/id")
                .and_then(Value::as_str)
                .unwrap_or("?")
                .to_string()
        })
        .collect()
}

fn error_kind(r: &Value) -> Option<&str> {
    r.pointer("/error/kind").and_then(Value::as_str)
}

#[test]
fn fixtures_directory_gives_one_valid_record_per_file_in_name_order() {
    let records = records_of(
        attache()
            .args(["extract", "--include-text"])
            .arg(repo("fixtures/press")),
    );
    let mut names: Vec<String> = std::fs::read_dir(repo("fixtures/press"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt" | "md" | "html")
            )
        })
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 8);
    assert_eq!(ids(&records), names);
    for r in &records {
        check_record(r);
        assert!(r.get("error").is_none());
        assert!(
            r.pointer("/doc/title")
                .and_then(Value::as_str)
                .is_some_and(|t| !t.is_empty()),
            "{r}"
        );
        assert_eq!(
            r.pointer("/doc/language").and_then(Value::as_str),
            Some("en")
        );
    }
}

#[test]
fn web_chrome_lines_are_listed_and_masked() {
    let out = attache()
        .args(["extract"])
        .arg(repo("fixtures/press/web-chrome.txt"))
        .output()
        .unwrap();
    let r = &json_lines(&out.stdout)[0];
    let removed: Vec<&str> = r["doc"]["boilerplate_removed"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for cue in ["Show More", "Back to top button", "Share", "Print"] {
        assert!(removed.contains(&cue), "{cue} not in {removed:?}");
    }
    let tokens = attache()
        .args(["tokens"])
        .arg(repo("fixtures/press/web-chrome.txt"))
        .output()
        .unwrap();
    let tsv = String::from_utf8(tokens.stdout).unwrap();
    assert!(
        !tsv.lines()
            .any(|l| l.ends_with("\tShow") || l.ends_with("\tTweet")),
        "masked lines were tokenised"
    );
}

#[test]
fn html_input_is_stripped_with_title_and_text() {
    let out = attache()
        .args(["extract"])
        .arg(repo("fixtures/press/joint-statement.html"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let r = &json_lines(&out.stdout)[0];
    check_record(r);
    assert_eq!(r["doc"]["format"], "html");
    let text = r["doc"]["text"]
        .as_str()
        .expect("HTML records always carry their text");
    assert!(
        !text.contains('<') || !text.contains("</"),
        "markup left in text"
    );
    assert!(!text.contains("&amp;") && !text.contains("&nbsp;"));
    assert!(r["doc"]["title"]
        .as_str()
        .unwrap()
        .starts_with("Joint Statement"));
    assert!(!r["doc"]["boilerplate_removed"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn stdin_is_one_document() {
    for args in [vec!["extract"], vec!["extract", "-"]] {
        let out = attache()
            .args(&args)
            .write_stdin("Ministers meet in Baku\n\nThe Ministers met on Monday.\n")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let r = json_lines(&out.stdout);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0]["doc"]["id"], "stdin");
        assert_eq!(r[0]["doc"]["source"], "-");
        assert_eq!(r[0]["doc"]["title"], "Ministers meet in Baku");
        check_record(&r[0]);
    }
}

#[test]
fn jsonl_input_keeps_ids_and_metadata() {
    let path = repo("fixtures/jsonl/press.jsonl");
    let records = records_of(attache().args(["extract", "--include-text"]).arg(&path));
    let input: Vec<Value> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), input.len());
    for (n, (rec, inp)) in records.iter().zip(&input).enumerate() {
        check_record(rec);
        assert_eq!(rec["doc"]["line"], (n + 1) as u64);
        match inp.get("id") {
            Some(id) => assert_eq!(&rec["doc"]["id"], id),
            None => assert_eq!(rec["doc"]["id"], format!("press-{}", n + 1)),
        }
        match inp.get("date") {
            Some(d) => {
                assert_eq!(&rec["doc"]["date"], d);
                assert_eq!(rec["doc"]["date_source"], "metadata");
            }
            None => assert_eq!(rec["doc"]["date_source"], "none"),
        }
        assert_eq!(rec["doc"]["text"], inp["text"]);
        for (k, v) in inp.as_object().unwrap() {
            if !["id", "text", "title", "date", "lang", "language"].contains(&k.as_str()) {
                assert_eq!(&rec["doc"]["meta"][k], v, "meta field {k}");
            }
        }
    }
}

#[test]
fn jsonl_from_stdin_with_errors_keeps_one_line_per_input_line() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"The Ministers met.\", \"date\": \"2023-05-24\"}\n",
        "{\"id\": \"b\", \"text\": \"unterminated\n",
        "\n",
        "[1, 2]\n",
        "{\"id\": \"e\", \"title\": \"no text\"}\n",
        "{\"text\": \"Talks in Geneva.\", \"date\": \"24 May\"}\n",
        "{\"id\": 7, \"text\": \"\"}\n",
    );
    let out = attache()
        .args(["extract", "--input", "jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let r = json_lines(&out.stdout);
    assert_eq!(r.len(), 7);
    for rec in &r {
        check_record(rec);
    }
    assert_eq!(
        ids(&r),
        vec!["a", "b", "stdin-3", "stdin-4", "e", "stdin-6", "7"]
    );
    let kinds: Vec<Option<&str>> = r.iter().map(error_kind).collect();
    assert_eq!(
        kinds,
        vec![
            None,
            Some("malformed_jsonl"),
            Some("malformed_jsonl"),
            Some("malformed_jsonl"),
            Some("malformed_jsonl"),
            None,
            None
        ]
    );
    assert!(r[1]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("line 2"));
    assert_eq!(r[1]["doc"]["line"], 2);
    assert_eq!(r[1]["doc"]["source"], "-:2");
    // A bad metadata date is a warning, not an error.
    assert_eq!(r[5]["doc"]["date"], Value::Null);
    assert!(r[5]["doc"]["warnings"][0]
        .as_str()
        .unwrap()
        .contains("24 May"));
    // Empty text: a record with empty lists.
    assert_eq!(r[6]["doc"]["chars"], 0);
    assert_eq!(r[6]["entities"], Value::Array(vec![]));
}

#[test]
fn each_error_kind_has_an_error_record_and_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("a-binary.txt"), b"PK\x03\x04\x00\x01binary").unwrap();
    std::fs::write(p.join("b-big.txt"), "word ".repeat(100)).unwrap();
    std::fs::write(p.join("c-fine.txt"), "Talks held\n\nThe sides met.").unwrap();
    std::fs::write(
        p.join("d-lines.jsonl"),
        format!(
            "{{\"id\":\"ok\",\"text\":\"Hi.\"}}\n{{\"id\":\"long\",\"text\":\"{}\"}}\nnot json\n",
            "x".repeat(400)
        ),
    )
    .unwrap();
    std::fs::write(p.join("e-latin1.txt"), b"Caf\xe9 talks in Z\xfcrich.").unwrap();
    std::fs::write(p.join("f-empty.txt"), b"").unwrap();
    let missing = p.join("nowhere.txt");
    let out = attache()
        .args(["extract", "--max-bytes", "300"])
        .arg(p)
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let r = json_lines(&out.stdout);
    for rec in &r {
        check_record(rec);
    }
    let got: Vec<(String, Option<&str>)> =
        ids(&r).into_iter().zip(r.iter().map(error_kind)).collect();
    let want = vec![
        ("a-binary".to_string(), Some("binary")),
        ("b-big".to_string(), Some("too_large")),
        ("c-fine".to_string(), None),
        ("ok".to_string(), None),
        ("long".to_string(), Some("too_large")),
        ("d-lines-3".to_string(), Some("malformed_jsonl")),
        ("e-latin1".to_string(), None),
        ("f-empty".to_string(), None),
        ("nowhere".to_string(), Some("unreadable")),
    ];
    assert_eq!(got, want);
    let latin1 = &r[6];
    assert_eq!(latin1["doc"]["encoding"], "windows-1252");
    assert!(latin1["doc"]["warnings"][0]
        .as_str()
        .unwrap()
        .contains("decoded as windows-1252"));
    assert_eq!(r[7]["doc"]["chars"], 0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("7 record(s), 5 error record(s)") || stderr.contains("error record"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn usage_and_output_errors_exit_2() {
    attache()
        .args(["extract", "--format", "xml"])
        .assert()
        .code(2);
    attache()
        .args(["extract", "--doc-date", "24 May 2023"])
        .write_stdin("x")
        .assert()
        .code(2);
    attache()
        .args(["extract", "--doc-date", "2023-02-30"])
        .write_stdin("x")
        .assert()
        .code(2);
    attache()
        .args(["extract", "-o", "/nonexistent-dir/out.jsonl"])
        .write_stdin("x")
        .assert()
        .code(2);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, "no header\tline\tx\n").unwrap();
    attache()
        .args(["extract", "--dict"])
        .arg(&bad)
        .write_stdin("x")
        .assert()
        .code(2);
}

#[test]
fn doc_date_from_cli_unless_metadata_has_one() {
    let out = attache()
        .args(["extract", "--doc-date", "2023-06-03"])
        .write_stdin("Talks.")
        .output()
        .unwrap();
    let r = &json_lines(&out.stdout)[0];
    assert_eq!(r["doc"]["date"], "2023-06-03");
    assert_eq!(r["doc"]["date_source"], "cli");
    let out = attache()
        .args(["extract", "--input", "jsonl", "--doc-date", "2023-06-03"])
        .write_stdin("{\"text\":\"Talks.\",\"date\":\"2022-01-02T10:00:00Z\"}\n")
        .output()
        .unwrap();
    let r = &json_lines(&out.stdout)[0];
    assert_eq!(r["doc"]["date"], "2022-01-02");
    assert_eq!(r["doc"]["date_source"], "metadata");
}

#[test]
fn skipped_files_are_noted_unless_quiet_and_stems_are_unique() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("x")).unwrap();
    std::fs::create_dir_all(p.join("y")).unwrap();
    std::fs::write(p.join("x/note.txt"), "One.").unwrap();
    std::fs::write(p.join("y/note.txt"), "Two.").unwrap();
    std::fs::write(p.join("y/photo.jpg"), b"\xff\xd8\xff").unwrap();
    std::fs::write(p.join(".hidden.txt"), "Hidden.").unwrap();
    let out = attache().arg("extract").arg(p).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(ids(&json_lines(&out.stdout)), vec!["note", "note-2"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("photo.jpg"));
    let quiet = attache()
        .args(["extract", "--quiet"])
        .arg(p)
        .output()
        .unwrap();
    assert!(quiet.stderr.is_empty());
}

#[test]
fn utf16_files_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Заявление МИД\n\nThe Ministry condemns the attack.".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let path = dir.path().join("utf16.txt");
    std::fs::write(&path, bytes).unwrap();
    let out = attache()
        .args(["extract", "--include-text"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let r = &json_lines(&out.stdout)[0];
    check_record(r);
    assert_eq!(r["doc"]["title"], "Заявление МИД");
}

#[test]
fn output_formats() {
    let path = repo("fixtures/jsonl/press.jsonl");
    let json = attache()
        .args(["extract", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let array: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(array.as_array().unwrap().len(), 6);
    let pretty = attache()
        .args(["extract", "--format", "pretty"])
        .arg(&path)
        .output()
        .unwrap();
    let stream: Vec<Value> = serde_json::Deserializer::from_slice(&pretty.stdout)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(stream, *array.as_array().unwrap());
    let empty = attache()
        .args(["extract", "--format", "json", "--input", "jsonl"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<Value>(&empty.stdout).unwrap(),
        Value::Array(vec![])
    );
}

fn corpus_jsonl(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        // Uneven sizes so that workers finish out of order.
        let body =
            "The Minister met the Ambassador in Geneva on 24 May. ".repeat(1 + (i * 37) % 200);
        s.push_str(&serde_json::json!({"id": format!("doc{i:05}"), "text": body}).to_string());
        s.push('\n');
    }
    s
}

#[test]
fn order_is_preserved_whatever_the_parallelism() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.jsonl");
    std::fs::write(&path, corpus_jsonl(400)).unwrap();
    let want: Vec<String> = (0..400).map(|i| format!("doc{i:05}")).collect();
    let mut outputs = Vec::new();
    for jobs in ["1", "8"] {
        let out = attache()
            .args(["extract", "-j", jobs])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(ids(&json_lines(&out.stdout)), want, "-j {jobs}");
        outputs.push(out.stdout);
    }
    assert_eq!(outputs[0], outputs[1]);
}

#[test]
fn output_file_is_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("records.jsonl");
    attache()
        .args(["extract", "-q", "-o"])
        .arg(&out_path)
        .arg(repo("fixtures/jsonl/press.jsonl"))
        .assert()
        .code(0);
    let written = std::fs::read(&out_path).unwrap();
    let direct = attache()
        .args(["extract"])
        .arg(repo("fixtures/jsonl/press.jsonl"))
        .output()
        .unwrap()
        .stdout;
    assert_eq!(written, direct);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "temporary files left: {leftovers:?}");

    // A run killed half-way leaves the previous file untouched.
    std::fs::write(&out_path, "OLD\n").unwrap();
    let input = dir.path().join("big.jsonl");
    std::fs::write(&input, corpus_jsonl(6000)).unwrap();
    let mut child = std::process::Command::new(attache_path())
        .args(["extract", "-q", "-j", "1", "-o"])
        .arg(&out_path)
        .arg(&input)
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(150));
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(std::fs::read_to_string(&out_path).unwrap(), "OLD\n");
}

#[test]
fn closed_stdout_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("many.jsonl");
    std::fs::write(&input, corpus_jsonl(3000)).unwrap();
    let mut child = std::process::Command::new(attache_path())
        .arg("extract")
        .arg(&input)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // Dropping the reader closes the pipe, as `| head -1` does.
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with("{\"schema\""));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn tokens_command_prints_tsv_and_json() {
    let out = attache()
        .args(["tokens"])
        .write_stdin("Mr. Smith met H.E. the Ambassador. They talked.")
        .output()
        .unwrap();
    let tsv = String::from_utf8(out.stdout).unwrap();
    assert!(tsv.starts_with("sentence\ttoken\tstart\tend\tkind\ttext\n"));
    assert!(tsv.contains("1\t1\t0\t3\tword\tMr.\n"));
    assert!(tsv.contains("2\t1\t35\t39\tword\tThey\n"));
    let out = attache()
        .args(["tokens", "--json"])
        .write_stdin("Talks. Ended.")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[1]["tokens"][0]["text"], "Ended");
    let mut stdin = std::process::Command::new(attache_path())
        .args(["tokens", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    stdin.stdin.take().unwrap().write_all(b"").unwrap();
    assert!(stdin.wait().unwrap().success());
}
