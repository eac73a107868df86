//! `attache extract --filter`: the streaming filter that Spark runs over a
//! partition (README, "Running on Spark").

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

use crate::util::{attache, attache_path, check_record, json_lines};

fn doc_line(id: &str, text: &str) -> String {
    format!("{}\n", serde_json::json!({"id": id, "text": text}))
}

/// Many good lines, enough to fill a pipe buffer several times over.
fn many_lines(n: usize) -> String {
    (0..n)
        .map(|i| doc_line(&format!("d{i}"), "The Foreign Minister met the Ambassador."))
        .collect()
}

/// Feeds `input` to a spawned filter from a thread; the thread's result
/// says whether every byte was accepted (no broken pipe).
fn feed(child: &mut std::process::Child, input: Vec<u8>) -> std::thread::JoinHandle<bool> {
    let mut stdin = child.stdin.take().expect("piped stdin");
    std::thread::spawn(move || stdin.write_all(&input).is_ok())
}

#[test]
fn one_line_out_per_line_in_with_ids_line_numbers_and_exit_0() {
    let mut input = Vec::new();
    input
        .extend_from_slice(doc_line("a", "Armenia and Slovakia held talks in Yerevan.").as_bytes());
    input.extend_from_slice(b"{\"id\": \"b\", \"text\": \"unterminated\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"   \n");
    input.extend_from_slice(b"[1, 2]\n");
    input.extend_from_slice(b"{\"id\": \"f\", \"title\": \"no text\"}\n");
    input.extend_from_slice(b"{\"id\": \"g\", \"text\": \"Caf\xe9 talks in Z\xfcrich.\"}\n");
    input.extend_from_slice(b"{\"id\": \"h\", \"text\": \"nul\\u0000byte\"}\n");
    input.extend_from_slice(doc_line("i", &"word ".repeat(100)).as_bytes());
    input.extend_from_slice(b"{\"id\": 10, \"text\": \"Numeric id, CRLF end.\"}\r\n");
    input.extend_from_slice(b"{\"id\": \"k\", \"text\": \"No final line break.\"}");
    let out = attache()
        .args(["extract", "--filter", "--max-bytes", "300"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = json_lines(&out.stdout);
    assert_eq!(r.len(), 11);
    for rec in &r {
        check_record(rec);
    }
    let got: Vec<(&str, u64, Option<&str>)> = r
        .iter()
        .map(|rec| {
            (
                rec["doc"]["id"].as_str().unwrap(),
                rec["doc"]["line"].as_u64().unwrap(),
                rec.pointer("/error/kind").and_then(Value::as_str),
            )
        })
        .collect();
    let want = vec![
        ("a", 1, None),
        ("b", 2, Some("malformed_jsonl")),
        ("stdin-3", 3, Some("malformed_jsonl")),
        ("stdin-4", 4, Some("malformed_jsonl")),
        ("stdin-5", 5, Some("malformed_jsonl")),
        ("f", 6, Some("malformed_jsonl")),
        ("g", 7, None),
        ("h", 8, Some("binary")),
        ("i", 9, Some("too_large")),
        ("10", 10, None),
        ("k", 11, None),
    ];
    assert_eq!(got, want);
    for (rec, (_, line, kind)) in r.iter().zip(&want) {
        if kind.is_some() {
            let message = rec["error"]["message"].as_str().unwrap();
            assert!(message.starts_with(&format!("line {line}")), "{message}");
        }
    }
    // Invalid UTF-8 in a line is replaced, as in files, with a warning.
    assert!(r[6]["doc"]["warnings"][0]
        .as_str()
        .unwrap()
        .starts_with("invalid UTF-8: 2 byte sequence(s)"));
    assert_eq!(r[6]["doc"]["chars"], 21);
    // The summary note is on stderr; -q silences it.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("4 record(s), 7 error record(s)"),
        "{stderr}"
    );
}

#[test]
fn every_line_of_a_long_input_in_order_with_an_empty_environment() {
    let n = 3000;
    let out = Command::new(attache_path())
        .args(["extract", "--filter", "-q", "-j", "3"])
        .env_clear()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            let fed = feed(&mut child, many_lines(n).into_bytes());
            let out = child.wait_with_output();
            assert!(fed.join().unwrap(), "the filter stopped reading early");
            out
        })
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = json_lines(&out.stdout);
    let ids: Vec<&str> = r.iter().map(|x| x["doc"]["id"].as_str().unwrap()).collect();
    let want: Vec<String> = (0..n).map(|i| format!("d{i}")).collect();
    assert_eq!(ids, want);
}

#[test]
fn records_come_out_while_the_input_is_still_open() {
    let mut child = Command::new(attache_path())
        .args(["extract", "--filter", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    for id in ["first", "second"] {
        stdin
            .write_all(doc_line(id, "Talks in Geneva.").as_bytes())
            .unwrap();
        stdin.flush().unwrap();
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("a record before the end of input");
        let rec: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(rec["doc"]["id"], id);
    }
    drop(stdin);
    assert_eq!(child.wait().unwrap().code(), Some(0));
    reader.join().unwrap();
}

#[test]
fn fatal_errors_exit_2_after_reading_all_of_stdin() {
    // An unloadable model, a bad flag: exit 2 with the reason on stderr,
    // and the writer feeding the filter never sees a broken pipe.
    for args in [
        &["extract", "--filter", "--model", "/nonexistent/model.bin"][..],
        &["extract", "--filter", "--no-such-flag"][..],
    ] {
        let mut child = Command::new(attache_path())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let fed = feed(&mut child, many_lines(20_000).into_bytes());
        let out = child.wait_with_output().unwrap();
        assert!(
            fed.join().unwrap(),
            "{args:?}: the filter stopped reading early"
        );
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("model") || stderr.contains("no-such-flag"),
            "{stderr}"
        );
    }
}

#[test]
fn unwritable_output_is_fatal_in_a_filter() {
    // A full device.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(attache_path())
        .args(["extract", "--filter"])
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            let fed = feed(&mut child, many_lines(100).into_bytes());
            let out = child.wait_with_output();
            assert!(fed.join().unwrap());
            out
        })
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("writing output"));

    // A reader that goes away: without --filter that is `| head`, exit 0;
    // a filter's records after that point would be lost, so exit 2.
    let mut child = Command::new(attache_path())
        .args(["extract", "--filter"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let fed = feed(&mut child, many_lines(3000).into_bytes());
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    fed.join().unwrap();
    assert!(first.starts_with("{\"schema\""));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("lost"), "{stderr}");
}

#[test]
fn unreadable_input_is_fatal_in_a_filter_but_not_in_a_batch() {
    // Reading a directory fails with EISDIR: the line gets an error record;
    // a filter cannot vouch for the lines after it, so it exits 2.
    let dir = tempfile::tempdir().unwrap();
    let run = |filter: bool| {
        let mut cmd = Command::new(attache_path());
        cmd.args(["extract", "--input", "jsonl", "-q"]);
        if filter {
            cmd.arg("--filter");
        }
        cmd.stdin(std::fs::File::open(dir.path()).unwrap())
            .output()
            .unwrap()
    };
    let out = run(true);
    assert_eq!(out.status.code(), Some(2));
    let r = json_lines(&out.stdout);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["error"]["kind"], "unreadable");
    assert_eq!(r[0]["doc"]["line"], 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("failed at line 1"));
    assert_eq!(run(false).status.code(), Some(1));
}

#[test]
fn filter_reads_stdin_only_and_writes_json_lines_only() {
    for extra in [
        &["fixtures/press"][..],
        &["-o", "out.jsonl"],
        &["--format", "json"],
    ] {
        attache()
            .args(["extract", "--filter"])
            .args(extra)
            .write_stdin("")
            .assert()
            .code(2);
    }
    // An empty input is an empty output.
    let out = attache()
        .args(["extract", "--filter", "--input", "jsonl"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let mut nothing = String::new();
    out.stderr.as_slice().read_to_string(&mut nothing).unwrap();
    assert!(nothing.is_empty(), "{nothing}");
}
