//! Batch processing: documents in parallel through a bounded pipeline, with
//! records written in input order.
//!
//! A reader thread pulls documents from the input, worker threads run the
//! pipeline and serialise records, and the calling thread writes them in
//! input order. At most `4 × jobs + 4` documents are in flight (read but
//! not yet written), so memory stays flat whatever the batch size.
//!
//! Output is flushed whenever the writer has to wait for the next record,
//! so a reader on the other end of a pipe (a streaming filter under Spark,
//! say) gets each record as soon as order allows, not at the end of input;
//! while records arrive faster than they can be written, the buffer keeps
//! writes large.

use std::collections::BTreeMap;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

use crate::error::Error;
use crate::input::{Input, Unread};
use crate::pipeline::Pipeline;
use crate::records::{ErrorKind, ErrorRecord, RecordOptions};

/// How records are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    /// One compact JSON object per line.
    #[default]
    Jsonl,
    /// One JSON array of records.
    Json,
    /// Indented JSON objects, one after another.
    Pretty,
}

/// Options for a batch run.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Worker threads (at least 1).
    pub jobs: usize,
    /// Output layout.
    pub format: OutputFormat,
    /// Record shape.
    pub record: RecordOptions,
    /// Show a progress bar on stderr.
    pub progress: bool,
    /// Number of documents, when known in advance (for the progress bar).
    pub total: Option<u64>,
}

/// What a batch produced.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Records written.
    pub records: u64,
    /// Error records written.
    pub errors: u64,
}

struct Output {
    json: String,
    is_error: bool,
}

/// Counts documents in flight; the reader waits when the window is full.
struct Window {
    in_flight: Mutex<usize>,
    freed: Condvar,
    limit: usize,
}

impl Window {
    /// Waits for room; false when the run was cancelled.
    fn acquire(&self, cancel: &AtomicBool) -> bool {
        let mut n = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        while *n >= self.limit && !cancel.load(Ordering::Relaxed) {
            n = self.freed.wait(n).unwrap_or_else(|e| e.into_inner());
        }
        *n += 1;
        !cancel.load(Ordering::Relaxed)
    }

    fn release(&self) {
        let mut n = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        *n = n.saturating_sub(1);
        self.freed.notify_one();
    }

    fn wake_all(&self) {
        let _guard = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        self.freed.notify_all();
    }
}

/// Processes every input into one record or error record on `out`.
pub fn run_batch<I>(
    inputs: I,
    pipeline: &Pipeline,
    out: &mut dyn Write,
    opts: &BatchOptions,
) -> Result<Summary, Error>
where
    I: Iterator<Item = Input> + Send,
{
    let jobs = opts.jobs.max(1);
    let window = Window {
        in_flight: Mutex::new(0),
        freed: Condvar::new(),
        limit: 4 * jobs + 4,
    };
    let cancel = AtomicBool::new(false);
    let (work_tx, work_rx) = mpsc::sync_channel::<(u64, Input)>(2 * jobs);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<(u64, Output)>();
    let progress = progress_bar(opts);

    std::thread::scope(|scope| {
        let window = &window;
        let cancel = &cancel;
        scope.spawn(move || {
            for (seq, input) in (0u64..).zip(inputs) {
                if !window.acquire(cancel) || work_tx.send((seq, input)).is_err() {
                    break;
                }
            }
        });
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || loop {
                let next = work_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                let Ok((seq, input)) = next else { break };
                // After a cancel, keep draining so the reader never blocks
                // on a full queue; it stops at its next window check.
                if cancel.load(Ordering::Relaxed) {
                    continue;
                }
                if done_tx.send((seq, render(input, pipeline, opts))).is_err() {
                    cancel.store(true, Ordering::Relaxed);
                }
            });
        }
        drop(done_tx);
        let result = write_in_order(done_rx, out, opts.format, window, &progress);
        if result.is_err() {
            cancel.store(true, Ordering::Relaxed);
            window.wake_all();
        }
        progress.finish_and_clear();
        result
    })
}

fn write_in_order(
    done: mpsc::Receiver<(u64, Output)>,
    out: &mut dyn Write,
    format: OutputFormat,
    window: &Window,
    progress: &indicatif::ProgressBar,
) -> Result<Summary, Error> {
    let mut summary = Summary::default();
    let mut pending: BTreeMap<u64, Output> = BTreeMap::new();
    let mut next = 0u64;
    if format == OutputFormat::Json {
        out.write_all(b"[").map_err(Error::Output)?;
    }
    let mut unflushed = false;
    loop {
        let (seq, output) = match done.try_recv() {
            Ok(item) => item,
            Err(mpsc::TryRecvError::Disconnected) => break,
            Err(mpsc::TryRecvError::Empty) => {
                if unflushed {
                    out.flush().map_err(Error::Output)?;
                    unflushed = false;
                }
                match done.recv() {
                    Ok(item) => item,
                    Err(_) => break,
                }
            }
        };
        pending.insert(seq, output);
        while let Some(output) = pending.remove(&next) {
            let sep: &[u8] = match (format, next) {
                (OutputFormat::Json, 0) => b"\n",
                (OutputFormat::Json, _) => b",\n",
                _ => b"",
            };
            out.write_all(sep).map_err(Error::Output)?;
            out.write_all(output.json.as_bytes())
                .map_err(Error::Output)?;
            if format != OutputFormat::Json {
                out.write_all(b"\n").map_err(Error::Output)?;
            }
            if output.is_error {
                summary.errors += 1;
            } else {
                summary.records += 1;
            }
            next += 1;
            unflushed = true;
            window.release();
            progress.inc(1);
        }
    }
    if format == OutputFormat::Json {
        out.write_all(if next == 0 { b"]\n" } else { b"\n]\n" })
            .map_err(Error::Output)?;
    }
    out.flush().map_err(Error::Output)?;
    Ok(summary)
}

/// Runs the pipeline on one input and serialises the result; a panic in a
/// stage becomes an `internal` error record instead of ending the batch.
fn render(input: Input, pipeline: &Pipeline, opts: &BatchOptions) -> Output {
    let unread = match input {
        Input::Unread(u) => u,
        Input::Doc(doc) => {
            let (id, source, line) = (doc.info.id.clone(), doc.info.source.clone(), doc.info.line);
            let rendered = catch_unwind(AssertUnwindSafe(|| {
                let record = pipeline.record(*doc, opts.record);
                to_json(&record, opts.format)
            }));
            match rendered {
                Ok(Ok(json)) => {
                    return Output {
                        json,
                        is_error: false,
                    }
                }
                Ok(Err(e)) => Unread {
                    id,
                    source,
                    line,
                    kind: ErrorKind::Internal,
                    message: format!("serialising the record failed: {e}"),
                },
                Err(panic) => Unread {
                    id,
                    source,
                    line,
                    kind: ErrorKind::Internal,
                    message: format!("internal error while processing: {}", panic_message(&panic)),
                },
            }
        }
    };
    let record = ErrorRecord::from_unread(&unread);
    let json = to_json(&record, opts.format).unwrap_or_else(|_| {
        // An error record is plain strings; this cannot fail, but never lose it.
        format!(
            "{{\"schema\":\"{}\",\"error\":{{\"kind\":\"internal\"}}}}",
            crate::records::SCHEMA
        )
    });
    Output {
        json,
        is_error: true,
    }
}

fn to_json<T: serde::Serialize>(value: &T, format: OutputFormat) -> serde_json::Result<String> {
    match format {
        OutputFormat::Pretty => serde_json::to_string_pretty(value),
        _ => serde_json::to_string(value),
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

fn progress_bar(opts: &BatchOptions) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    if !opts.progress {
        return ProgressBar::hidden();
    }
    let bar = match opts.total {
        Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} docs  {rate}  eta {eta}")
                .map(with_rate)
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{spinner} {pos} docs  {rate}")
                .map(with_rate)
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    bar
}

/// Adds `{rate}`: documents per second without indicatif's four decimals.
fn with_rate(style: indicatif::ProgressStyle) -> indicatif::ProgressStyle {
    style.with_key(
        "rate",
        |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{}", rate_text(state.per_sec()));
        },
    )
}

/// `12.3 docs/s` below 100 a second, `1234 docs/s` above.
fn rate_text(per_sec: f64) -> String {
    if per_sec < 100.0 {
        format!("{per_sec:.1} docs/s")
    } else {
        format!("{per_sec:.0} docs/s")
    }
}

#[cfg(test)]
mod tests {
    use super::rate_text;

    #[test]
    fn the_rate_has_at_most_one_decimal() {
        assert_eq!(rate_text(12.345_678), "12.3 docs/s");
        assert_eq!(rate_text(1234.5678), "1235 docs/s");
        assert_eq!(rate_text(0.0), "0.0 docs/s");
    }
}
