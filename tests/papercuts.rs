//! Issue 15, "the newcomer's papercuts": each test would have caught one.
//! Every text here is invented for these tests.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{attache, attache_path, check_record, json_lines};

fn ids(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| r["doc"]["id"].as_str().unwrap().to_string())
        .collect()
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Waits for `child` at most `limit`; kills it and fails when it hangs.
fn wait_or_kill(child: &mut std::process::Child, limit: Duration) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            panic!("attache still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn ids_are_unique_in_a_batch_whatever_the_jobs() {
    let dir = tempfile::tempdir().unwrap();
    // "d-2.txt" sorts before "d.jsonl", whose line 2 has no id: "d-2" too.
    std::fs::write(dir.path().join("d-2.txt"), "The ministers met.").unwrap();
    std::fs::write(
        dir.path().join("d.jsonl"),
        concat!(
            "{\"text\": \"Talks in Oslo.\"}\n",
            "{\"text\": \"Talks in Bern.\"}\n",
            "{\"id\": \"d\", \"text\": \"Talks in Rome.\"}\n",
            "{\"id\": \"d\", \"text\": \"Talks in Riga.\"}\n",
            "{\"id\": \"d\", \"text\": \n",
        ),
    )
    .unwrap();
    let mut runs = Vec::new();
    for jobs in ["1", "4"] {
        let out = attache()
            .args(["extract", "-q", "-j", jobs])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
        runs.push(json_lines(&out.stdout));
    }
    let got = ids(&runs[0]);
    assert_eq!(got, ["d-2", "d-1", "d-2-2", "d", "d-3", "d-4"]);
    assert_eq!(ids(&runs[1]), got, "ids depend on -j");
    // A renamed input id is said so in the record.
    let riga = &runs[0][4];
    check_record(riga);
    assert!(
        riga["doc"]["warnings"][0]
            .as_str()
            .unwrap()
            .contains("already used"),
        "{riga}"
    );
    assert_eq!(runs[0][5]["error"]["kind"], "malformed_jsonl");
}

#[test]
fn a_jsonl_source_field_goes_to_meta() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lines.jsonl");
    std::fs::write(
        &path,
        "{\"id\": \"a\", \"source\": \"https://mfa.example/1\", \"text\": \"Talks.\"}\n",
    )
    .unwrap();
    let out = attache().args(["extract"]).arg(&path).output().unwrap();
    let r = json_lines(&out.stdout);
    check_record(&r[0]);
    assert_eq!(r[0]["doc"]["source"], format!("{}:1", path.display()));
    assert_eq!(r[0]["doc"]["meta"]["source"], "https://mfa.example/1");
}

#[cfg(unix)]
#[test]
fn output_files_respect_the_umask_and_an_existing_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.jsonl");
    let old = dir.path().join("old.jsonl");
    std::fs::write(&old, "OLD\n").unwrap();
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o664)).unwrap();
    for out in [&new, &old] {
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg("umask 022 && exec \"$0\" extract -q -o \"$1\"")
            .arg(attache_path())
            .arg(out)
            .stdin(Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                c.stdin.take().unwrap().write_all(b"The ministers met.")?;
                c.wait()
            })
            .unwrap();
        assert!(status.success());
    }
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&new), 0o644, "a new file is 0666 less the umask");
    assert_eq!(mode(&old), 0o664, "an existing file keeps its mode");
    assert!(std::fs::read_to_string(&old)
        .unwrap()
        .starts_with("{\"schema\""));
}

/// `-o` is checked before the first document is read: stdin stays open
/// and unread, and the run still ends at once with a plain message.
#[test]
fn a_bad_output_path_fails_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let as_dir = format!("{}/", dir.path().display());
    let missing = dir.path().join("no-such-dir").join("out.jsonl");
    for (target, says) in [
        (as_dir.as_str(), "is a directory"),
        (missing.to_str().unwrap(), "does not exist"),
    ] {
        let mut child = std::process::Command::new(attache_path())
            .args(["extract", "-o", target])
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take();
        let status = wait_or_kill(&mut child, Duration::from_secs(30));
        drop(stdin);
        let mut stderr = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
        assert_eq!(status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert!(!stderr.contains("os error"), "{stderr}");
    }
}

#[test]
fn no_documents_is_exit_2_with_a_message() {
    let empty = tempfile::tempdir().unwrap();
    let others = tempfile::tempdir().unwrap();
    std::fs::write(others.path().join("scan.pdf"), b"%PDF-1.4").unwrap();
    let blank = tempfile::tempdir().unwrap();
    let blank_jsonl = blank.path().join("none.jsonl");
    std::fs::write(&blank_jsonl, b"").unwrap();
    for input in [empty.path(), others.path(), blank_jsonl.as_path()] {
        let out = attache()
            .args(["extract", "-q"])
            .arg(input)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", input.display());
        assert!(out.stdout.is_empty());
        let stderr = stderr_of(&out);
        assert!(stderr.contains("no documents in"), "{stderr}");
        assert!(stderr.contains(&input.display().to_string()), "{stderr}");
    }
}

#[test]
fn jsonl_on_stdin_without_input_jsonl_is_warned_about() {
    let lines = "{\"id\": \"a\", \"text\": \"Talks.\"}\n{\"id\": \"b\", \"text\": \"More.\"}\n";
    let out = attache()
        .args(["extract"])
        .write_stdin(lines)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = stderr_of(&out);
    assert!(stderr.contains("looks like JSON Lines"), "{stderr}");
    assert!(stderr.contains("--input jsonl"), "{stderr}");
    let r = json_lines(&out.stdout);
    assert!(r[0]["doc"]["warnings"][0]
        .as_str()
        .unwrap()
        .contains("JSON Lines"));
    // Plain text gets no such warning, and -q silences it.
    let plain = attache()
        .args(["extract"])
        .write_stdin("{Braces} in a plain text.\nThe ministers met.")
        .output()
        .unwrap();
    assert!(!stderr_of(&plain).contains("JSON Lines"));
    let quiet = attache()
        .args(["extract", "-q"])
        .write_stdin(lines)
        .output()
        .unwrap();
    assert!(quiet.stderr.is_empty());
}

#[test]
fn tokens_refuses_several_documents_and_lists_only_its_options() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Talks.").unwrap();
    std::fs::write(dir.path().join("b.txt"), "More talks.").unwrap();
    let lines = dir.path().join("c.jsonl");
    std::fs::write(&lines, "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n").unwrap();
    for input in [dir.path(), lines.as_path()] {
        let out = attache().arg("tokens").arg(input).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr_of(&out).contains("more than one"),
            "{}",
            stderr_of(&out)
        );
        assert!(out.stdout.is_empty());
    }
    // One JSONL line is one document.
    let one = attache()
        .args(["tokens", "--input", "jsonl"])
        .write_stdin("{\"text\": \"One.\"}\n")
        .output()
        .unwrap();
    assert_eq!(one.status.code(), Some(0));
    let help = attache().args(["tokens", "--help"]).output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    for absent in ["--model", "--doc-date", "--date-order"] {
        assert!(!help.contains(absent), "{absent} in {help}");
    }
    for present in ["--input", "--json", "--encoding", "--max-bytes"] {
        assert!(help.contains(present), "{present} not in {help}");
    }
}

#[test]
fn tokens_json_into_a_closed_pipe_ends_quietly() {
    let text = "The ministers met in Geneva and talked at length. ".repeat(4000);
    let mut child = std::process::Command::new(attache_path())
        .args(["tokens", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here, as `| head -1` does.
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    assert_eq!(first, "[\n");
    assert!(out.stderr.is_empty(), "{}", stderr_of(&out));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn bench_says_where_it_looked() {
    let dir = tempfile::tempdir().unwrap();
    let out = attache()
        .arg("bench")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = stderr_of(&out);
    assert!(stderr.contains("fixtures/press"), "{stderr}");
    assert!(stderr.contains("repository root"), "{stderr}");
}

#[test]
fn a_run_ends_with_a_summary_line_unless_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.jsonl");
    std::fs::write(dir.path().join("a.txt"), "The ministers met.").unwrap();
    std::fs::write(dir.path().join("b.txt"), b"PK\x03\x04\x00bin").unwrap();
    let out = attache()
        .args(["extract", "-o"])
        .arg(&target)
        .arg(dir.path().join("a.txt"))
        .arg(dir.path().join("b.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = stderr_of(&out);
    let summary = stderr.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("attache: 2 document(s): 1 record(s), 1 error record(s) written to ")
            && summary.contains("out.jsonl in ")
            && summary.ends_with(" s"),
        "{stderr}"
    );
    let quiet = attache()
        .args(["extract", "-q"])
        .write_stdin("The ministers met.")
        .output()
        .unwrap();
    assert!(quiet.stderr.is_empty());
    let to_stdout = attache()
        .args(["extract"])
        .write_stdin("The ministers met.")
        .output()
        .unwrap();
    assert!(stderr_of(&to_stdout).contains("written to stdout"));
}

#[test]
fn eval_on_a_missing_gold_directory_says_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-dev");
    let out = attache()
        .args(["eval", "--gold"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = stderr_of(&out);
    assert_eq!(
        stderr.trim(),
        format!("attache: --gold {}: no such directory", missing.display())
    );
}

#[test]
fn legacy_encodings_are_detected_recorded_and_can_be_forced() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(
        &latin1,
        b"The Minister met the staff of the Caf\xe9 Europa in Z\xfcrich.",
    )
    .unwrap();
    let utf8 = dir.path().join("utf8.txt");
    std::fs::write(&utf8, "Talks at the Café Europa.").unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Talks in Zürich.".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let utf16_path = dir.path().join("utf16.txt");
    std::fs::write(&utf16_path, utf16).unwrap();
    let out = attache()
        .args(["extract", "-q", "--include-text"])
        .arg(&latin1)
        .arg(&utf8)
        .arg(&utf16_path)
        .output()
        .unwrap();
    let r = json_lines(&out.stdout);
    for rec in &r {
        check_record(rec);
    }
    assert_eq!(r[0]["doc"]["encoding"], "windows-1252");
    assert!(r[0]["doc"]["text"]
        .as_str()
        .unwrap()
        .contains("Café Europa in Zürich"));
    assert!(r[0]["doc"]["warnings"][0]
        .as_str()
        .unwrap()
        .contains("decoded as windows-1252"));
    assert_eq!(r[1]["doc"]["encoding"], "UTF-8");
    assert_eq!(r[2]["doc"]["encoding"], "UTF-16LE");
    assert_eq!(r[2]["doc"]["text"], "Talks in Zürich.");
    // --encoding forces one: UTF-8 bytes read as Latin-1 give mojibake.
    let forced = attache()
        .args(["extract", "-q", "--include-text", "--encoding", "latin1"])
        .arg(&utf8)
        .output()
        .unwrap();
    let r = json_lines(&forced.stdout);
    assert_eq!(r[0]["doc"]["encoding"], "windows-1252");
    assert!(r[0]["doc"]["text"].as_str().unwrap().contains("CafÃ©"));
    let bad = attache()
        .args(["extract", "--encoding", "klingon"])
        .arg(&utf8)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr_of(&bad).contains("unknown encoding"));
}

#[test]
fn the_fixture_dates_seen_wrong_are_right() {
    let out = attache()
        .args(["extract", "-q"])
        .arg(crate::util::repo("fixtures/press/meeting-readout.txt"))
        .arg(crate::util::repo("fixtures/press/military-incident.txt"))
        .output()
        .unwrap();
    let r = json_lines(&out.stdout);
    let value_of = |rec: &Value, text: &str| -> Option<String> {
        rec["dates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["text"] == text)
            .and_then(|d| d["value"].as_str().map(str::to_string))
    };
    // Dated 24 May 2023 by its dateline: the visit is this year's.
    assert_eq!(
        value_of(&r[0], "23 to 25 May").as_deref(),
        Some("2023-05-23/2023-05-25")
    );
    // "Yerevan, 13 September 2024, 14:20" dates the document …
    assert_eq!(r[1]["doc"]["date"], "2024-09-13");
    assert_eq!(r[1]["doc"]["date_source"], "text");
    // … and so "yesterday".
    assert_eq!(value_of(&r[1], "yesterday").as_deref(), Some("2024-09-12"));
}
