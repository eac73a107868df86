//! One long document is processed in time linear in its length: the stages
//! index or window their look-backs (a search over all earlier mentions per
//! mention made a 2 MB release take 14 s and an 8 MB one minutes).

use std::io::Write;
use std::time::{Duration, Instant};

use crate::util::attache_path;

/// A release-like text of about `bytes` bytes that exercises every look-up
/// that used to scan the whole document: repeated actors and places,
/// quotations, "the two sides", bare titles, pronouns and events.
fn long_release(bytes: usize) -> String {
    let sentences = [
        "Armenia condemned the attacks by Azerbaijan on villages near Goris.",
        "The two sides met in Yerevan and exchanged views on regional security.",
        "Foreign Minister Ararat Mirzoyan visited France and held talks with the French side.",
        "The Minister welcomed the decision of Russia to resume the talks.",
        "\"We reject the claims,\" the Foreign Minister said.",
        "He also called on Azerbaijan to withdraw its troops.",
    ];
    let mut text = String::with_capacity(bytes + 200);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(sentences[i % sentences.len()]);
        text.push(' ');
        i += 1;
    }
    text
}

fn seconds_for(bytes: usize, dir: &std::path::Path) -> Duration {
    let path = dir.join(format!("long-{bytes}.txt"));
    std::fs::File::create(&path)
        .unwrap()
        .write_all(long_release(bytes).as_bytes())
        .unwrap();
    let start = Instant::now();
    let out = std::process::Command::new(attache_path())
        .args(["extract", "-q", "-j", "1"])
        .arg(&path)
        .output()
        .unwrap();
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!record["events"].as_array().unwrap().is_empty());
    took
}

#[test]
fn a_long_document_takes_time_linear_in_its_length() {
    let dir = tempfile::tempdir().unwrap();
    // warm the binary and the page cache, then compare 4x the text
    let _ = seconds_for(100_000, dir.path());
    let small = seconds_for(500_000, dir.path());
    let large = seconds_for(2_000_000, dir.path());
    // linear: about 4x; quadratic: about 16x. The margin absorbs start-up
    // costs and a busy machine.
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(0.01);
    assert!(
        ratio < 8.0,
        "4x the text took {ratio:.1}x the time ({small:?} → {large:?})"
    );
}
