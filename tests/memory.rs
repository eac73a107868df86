//! Peak memory stays flat on a large JSONL batch.
//!
//! `cargo test` runs this on 8 MB; the acceptance figure uses 200 MB:
//! `ATTACHE_MEMORY_TEST_MB=200 cargo test --release --test integration memory -- --nocapture`.

use std::io::Write;

use crate::util::attache_path;

/// Runs `cmd` and returns (exit code, peak resident set in KiB) of the child.
fn run_with_peak_rss(cmd: &mut std::process::Command) -> (i32, i64) {
    let child = cmd.spawn().expect("spawn attache");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: wait4 on our own child with valid out-pointers.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(rc, pid);
    std::mem::forget(child); // already reaped
    (libc::WEXITSTATUS(status), usage.ru_maxrss)
}

#[test]
fn memory_stays_flat_on_a_large_jsonl_batch() {
    let mb: usize = std::env::var("ATTACHE_MEMORY_TEST_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("batch.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
    let paragraph =
        "The Minister of Foreign Affairs of the Republic of Armenia met with the Ambassador of \
        Mr. Smith (U.S.) on 24 May 2023 to discuss the 44-day war and regional security. ";
    let mut written = 0usize;
    let mut n = 0usize;
    while written < mb * 1_000_000 {
        let text = paragraph.repeat(4 + n % 40);
        let line = serde_json::json!({"id": format!("d{n}"), "text": text}).to_string();
        file.write_all(line.as_bytes()).unwrap();
        file.write_all(b"\n").unwrap();
        written += line.len() + 1;
        n += 1;
    }
    file.flush().unwrap();
    drop(file);
    let output = dir.path().join("out.jsonl");
    let started = std::time::Instant::now();
    let (code, peak_kib) = run_with_peak_rss(
        std::process::Command::new(attache_path())
            .args(["extract", "-q", "-j", "2", "-o"])
            .arg(&output)
            .arg(&input),
    );
    let secs = started.elapsed().as_secs_f64();
    assert_eq!(code, 0);
    let lines = std::fs::read_to_string(&output).unwrap().lines().count();
    assert_eq!(lines, n);
    let peak_mb = peak_kib as f64 / 1024.0;
    println!("{mb} MB JSONL, {n} docs: peak RSS {peak_mb:.1} MiB, {secs:.1} s");
    assert!(peak_mb < 300.0, "peak RSS {peak_mb:.1} MiB");
}
