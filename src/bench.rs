//! `attache bench`: throughput of the whole pipeline over a corpus.
//!
//! The corpus is read once, repeated until it holds at least `min_bytes`
//! of text (so small corpora still give stable timings), then processed
//! single-threaded `warmup + runs` times; each run covers every stage and
//! the serialisation of each record. Figures are medians over the timed
//! runs, per core. Stage timings give each stage's share of the time.

use std::time::{Duration, Instant};

use serde::Serialize;

use crate::doc::Doc;
use crate::pipeline::Pipeline;
use crate::records::{Record, RecordOptions};

/// What to measure.
#[derive(Debug, Clone, Copy)]
pub struct BenchOptions {
    /// Timed runs (the median is reported).
    pub runs: usize,
    /// Untimed runs first.
    pub warmup: usize,
    /// Repeat the corpus until it holds this many bytes of text.
    pub min_bytes: u64,
}

/// One stage's time share.
#[derive(Debug, Clone, Serialize)]
pub struct StageShare {
    /// Stage name.
    pub stage: &'static str,
    /// Median seconds per run.
    pub seconds: f64,
    /// Share of the whole pipeline's time (serialisation included).
    pub share: f64,
}

/// The benchmark's result.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    /// Documents per run.
    pub docs: usize,
    /// Bytes of text per run.
    pub bytes: u64,
    /// Whitespace-separated words per run.
    pub words: u64,
    /// Timed runs.
    pub runs: usize,
    /// Median wall time of a run, seconds.
    pub median_seconds: f64,
    /// Fastest and slowest run, seconds.
    pub min_seconds: f64,
    /// Slowest run, seconds.
    pub max_seconds: f64,
    /// Documents per second (median run, one core).
    pub docs_per_second: f64,
    /// Megabytes (10^6 bytes) of text per second.
    pub mb_per_second: f64,
    /// Words per second.
    pub words_per_second: f64,
    /// Tokenisation + sentence splitting alone, MB/s.
    pub tokenize_mb_per_second: f64,
    /// Median CPU time of a run, seconds (the thread's time on a core, from
    /// `/proc/thread-self/schedstat`; `None` where that is not readable).
    /// On a machine shared with other work, wall time counts the time the
    /// thread waited for a core; CPU time does not.
    pub cpu_seconds: Option<f64>,
    /// Megabytes of text per CPU second (median run).
    pub mb_per_cpu_second: Option<f64>,
    /// Tokens per run, and how many of them the syntax stage analysed (it
    /// parses only the sentences that may hold an event trigger).
    pub tokens: usize,
    /// Tokens per run with a part of speech (see `tokens`).
    pub parsed_tokens: usize,
    /// Each stage's time.
    pub stages: Vec<StageShare>,
}

/// Measures `pipeline` over `corpus` (unprocessed documents).
pub fn bench(corpus: &[Doc], pipeline: &Pipeline, opts: BenchOptions) -> BenchReport {
    let one_pass: u64 = corpus.iter().map(|d| d.text().len() as u64).sum();
    let repeats = if one_pass == 0 {
        1
    } else {
        opts.min_bytes.div_ceil(one_pass).max(1) as usize
    };
    let docs: Vec<&Doc> = std::iter::repeat_n(corpus, repeats).flatten().collect();
    let bytes = one_pass * repeats as u64;
    let words: u64 = docs
        .iter()
        .map(|d| d.text().split_whitespace().count() as u64)
        .sum();
    let names = pipeline.stage_names();
    let mut totals: Vec<f64> = Vec::new();
    let mut stage_runs: Vec<Vec<Duration>> = Vec::new();
    let mut cpu_totals: Vec<f64> = Vec::new();
    let (mut tokens, mut parsed_tokens) = (0, 0);
    for run in 0..opts.warmup + opts.runs.max(1) {
        let mut fresh: Vec<Doc> = docs.iter().map(|d| (*d).clone()).collect();
        let mut stages = vec![Duration::ZERO; names.len()];
        let cpu_start = thread_cpu_seconds();
        let start = Instant::now();
        let mut out_bytes = 0usize;
        (tokens, parsed_tokens) = (0, 0);
        for doc in &mut fresh {
            pipeline.process_timed(doc, &mut stages);
            tokens += doc.tokens.len();
            parsed_tokens += doc.syntax.iter().filter(|t| !t.upos.is_empty()).count();
            let record = Record::from_doc(doc, RecordOptions::default());
            out_bytes += serde_json::to_string(&record).map_or(0, |s| s.len());
        }
        let elapsed = start.elapsed();
        let cpu = thread_cpu_seconds().zip(cpu_start).map(|(b, a)| b - a);
        std::hint::black_box(out_bytes);
        if run >= opts.warmup {
            totals.push(elapsed.as_secs_f64());
            cpu_totals.extend(cpu);
            stage_runs.push(stages);
        }
    }
    let median_seconds = median(&totals);
    let stages: Vec<StageShare> = names
        .iter()
        .enumerate()
        .map(|(i, &stage)| {
            let seconds = median(
                &stage_runs
                    .iter()
                    .map(|r| r[i].as_secs_f64())
                    .collect::<Vec<_>>(),
            );
            StageShare {
                stage,
                seconds,
                share: if median_seconds > 0.0 {
                    seconds / median_seconds
                } else {
                    0.0
                },
            }
        })
        .collect();
    let tokenize_seconds: f64 = stages
        .iter()
        .filter(|s| matches!(s.stage, "tokens" | "sentences"))
        .map(|s| s.seconds)
        .sum();
    let per_second = |n: f64, secs: f64| if secs > 0.0 { n / secs } else { 0.0 };
    let cpu_seconds = (cpu_totals.len() == totals.len()).then(|| median(&cpu_totals));
    BenchReport {
        docs: docs.len(),
        bytes,
        words,
        runs: totals.len(),
        median_seconds,
        min_seconds: totals.iter().copied().fold(f64::INFINITY, f64::min),
        max_seconds: totals.iter().copied().fold(0.0, f64::max),
        docs_per_second: per_second(docs.len() as f64, median_seconds),
        mb_per_second: per_second(bytes as f64 / 1e6, median_seconds),
        words_per_second: per_second(words as f64, median_seconds),
        tokenize_mb_per_second: per_second(bytes as f64 / 1e6, tokenize_seconds),
        cpu_seconds,
        mb_per_cpu_second: cpu_seconds.map(|c| per_second(bytes as f64 / 1e6, c)),
        tokens,
        parsed_tokens,
        stages,
    }
}

/// The calling thread's time on a core so far, in seconds (Linux: the
/// first field of `/proc/thread-self/schedstat`, in nanoseconds).
fn thread_cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

fn median(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    }
}

impl BenchReport {
    /// A human-readable summary.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "corpus: {} docs, {:.2} MB, {} words per run; {} timed runs (one core)\n\
             pipeline: {:.0} docs/s, {:.2} MB/s, {:.0} words/s (median {:.3} s, min {:.3} s, max {:.3} s)\n\
             tokenise + sentences: {:.1} MB/s\n",
            self.docs,
            self.bytes as f64 / 1e6,
            self.words,
            self.runs,
            self.docs_per_second,
            self.mb_per_second,
            self.words_per_second,
            self.median_seconds,
            self.min_seconds,
            self.max_seconds,
            self.tokenize_mb_per_second,
        );
        if let (Some(cpu), Some(rate)) = (self.cpu_seconds, self.mb_per_cpu_second) {
            s.push_str(&format!(
                "cpu time: {rate:.2} MB per CPU second (median {cpu:.3} s on a core; \
                 wall time above also counts waits for a core)\n"
            ));
        }
        s.push_str(&format!(
            "syntax: {} of {} tokens analysed ({:.1}%)\n",
            self.parsed_tokens,
            self.tokens,
            100.0 * self.parsed_tokens as f64 / self.tokens.max(1) as f64
        ));
        s.push_str("stage            seconds   share\n");
        for st in &self.stages {
            s.push_str(&format!(
                "{:<16} {:>7.3}  {:>5.1}%\n",
                st.stage,
                st.seconds,
                st.share * 100.0
            ));
        }
        let rest = self.median_seconds - self.stages.iter().map(|s| s.seconds).sum::<f64>();
        s.push_str(&format!(
            "{:<16} {:>7.3}  {:>5.1}%\n",
            "record+json",
            rest.max(0.0),
            if self.median_seconds > 0.0 {
                rest.max(0.0) / self.median_seconds * 100.0
            } else {
                0.0
            }
        ));
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::DocInfo;
    use crate::pipeline::Dicts;

    #[test]
    fn reports_positive_rates_for_a_small_corpus() {
        let p = Pipeline::new(&Dicts::default()).unwrap();
        let doc = Doc::new(
            DocInfo::default(),
            "The Ministers met in Geneva. They agreed.\n".into(),
        );
        let r = bench(
            &[doc],
            &p,
            BenchOptions {
                runs: 3,
                warmup: 1,
                min_bytes: 10_000,
            },
        );
        assert_eq!(r.runs, 3);
        assert!(r.docs >= 10_000 / 43);
        assert!(r.mb_per_second > 0.0 && r.words_per_second > 0.0);
        assert_eq!(r.stages.len(), p.stage_names().len());
        assert!(r.to_text().contains("tokenise + sentences"));
        assert!(r.parsed_tokens > 0 && r.parsed_tokens <= r.tokens);
        if cfg!(target_os = "linux") {
            let cpu = r.cpu_seconds.expect("Linux reports thread CPU time");
            assert!(cpu > 0.0 && r.mb_per_cpu_second.is_some_and(|m| m > 0.0));
            assert!(r.to_text().contains("MB per CPU second"));
        }
    }

    #[test]
    fn median_of_even_and_odd() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert_eq!(median(&[]), 0.0);
    }
}
