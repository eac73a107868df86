//! `attache extract` and `attache render`: documents through the pipeline into records
//! (or pages), and the output-file handling they share.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use attache::batch::{run_batch, BatchOptions, OutputFormat};
use attache::input::{plan, InputMode, Reader};
use attache::records::RecordOptions;

use super::{cli_tables, ExtractArgs, FormatArg, RenderArgs};

/// `-j N`, or all cores.
pub(crate) fn worker_count(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// The input sources of `paths` (planning notes on stderr unless `quiet`);
/// an error when they hold no document.
pub(crate) fn planned_sources(
    paths: &[PathBuf],
    mode: InputMode,
    quiet: bool,
) -> Result<Vec<attache::input::Source>> {
    let sources = plan(paths, mode, |note| {
        if !quiet {
            eprintln!("attache: {note}");
        }
    });
    if sources.is_empty() {
        bail!("{}", no_documents_message(paths));
    }
    Ok(sources)
}

pub(crate) fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    if let Some(path) = &args.output {
        check_output_path(path)?;
    }
    let mut opts = args.input.read_options()?;
    if args.filter {
        opts.mode = InputMode::Jsonl;
    }
    let quiet = args.quiet;
    let sources = planned_sources(&args.paths, opts.mode, quiet)?;
    let pipeline = args.input.pipeline()?;
    let total = attache::input::document_count(&sources, opts.mode);
    let batch = BatchOptions {
        jobs: worker_count(args.jobs),
        format: match args.format {
            FormatArg::Jsonl => OutputFormat::Jsonl,
            FormatArg::Json => OutputFormat::Json,
            FormatArg::Pretty => OutputFormat::Pretty,
        },
        record: RecordOptions {
            include_text: args.include_text,
            models: args.input.models_id(),
        },
        progress: !quiet && !args.filter && io::stderr().is_terminal() && total != Some(1),
        total,
    };
    let mut reader = Reader::new(sources, opts);
    let summary = match (&args.tables, &args.output) {
        (Some(dir), output) => {
            cli_tables::extract_tables(dir, args.tables_format, output.as_deref(), quiet, |out| {
                Ok(run_batch(&mut reader, &pipeline, out, &batch)?)
            })?
        }
        (None, Some(path)) => write_atomically(path, |out| {
            Ok(run_batch(&mut reader, &pipeline, out, &batch)?)
        })?,
        (None, None) => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
            match run_batch(&mut reader, &pipeline, &mut out, &batch) {
                // A filter's reader never closes early on purpose: lines are lost.
                Err(e) if args.filter && e.is_broken_pipe() => {
                    bail!("{e}; the records after this point are lost")
                }
                result => result?,
            }
        }
    };
    // The models' tables are tens of megabytes in many allocations; the
    // process ends soon, so they are left to the OS rather than freed one
    // by one (a Spark task pays this per partition).
    std::mem::forget(pipeline);
    if !quiet {
        for note in reader.take_notes() {
            eprintln!("attache: warning: {note}");
        }
    }
    if let Some(why) = reader.stream_failure().filter(|_| args.filter) {
        bail!("{why}; the lines after it are lost");
    }
    if summary.records + summary.errors == 0 && !args.filter {
        bail!("{}", no_documents_message(&args.paths));
    }
    // A filter (one per Spark partition) speaks only when lines failed.
    if !quiet && (!args.filter || summary.errors > 0) {
        eprintln!(
            "{}",
            summary_line(&summary, args.output.as_deref(), started.elapsed())
        );
    }
    if summary.errors > 0 && !args.filter {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The end-of-run line on stderr: what was read, written, where, how fast.
pub(crate) fn summary_line(
    summary: &attache::batch::Summary,
    output: Option<&Path>,
    took: std::time::Duration,
) -> String {
    let to = output.map_or_else(|| "stdout".to_string(), |p| p.display().to_string());
    format!(
        "attache: {} document(s): {} record(s), {} error record(s) written to {to} in {:.1} s",
        summary.records + summary.errors,
        summary.records,
        summary.errors,
        took.as_secs_f64()
    )
}

/// Why a run found nothing to do (exit 2).
pub(crate) fn no_documents_message(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let inputs = if names.is_empty() {
        "stdin".to_string()
    } else {
        names.join(", ")
    };
    format!("no documents in {inputs} (looked for .txt, .md, .html and .jsonl files)")
}

/// Fails early, before any document is read, when `-o PATH` cannot be
/// written: a directory, or a parent directory that does not exist.
pub(crate) fn check_output_path(path: &Path) -> Result<()> {
    let named_dir = path
        .as_os_str()
        .to_string_lossy()
        .ends_with(std::path::MAIN_SEPARATOR);
    if named_dir || path.is_dir() {
        bail!(
            "-o {} is a directory; give a file name, such as {}",
            path.display(),
            path.join("records.jsonl").display()
        );
    }
    let dir = output_dir(path);
    if !dir.is_dir() {
        bail!(
            "-o {}: the directory {} does not exist",
            path.display(),
            dir.display()
        );
    }
    Ok(())
}

/// The directory an output file goes in.
pub(crate) fn output_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Runs `write` into a temporary file beside `path`, renamed over it only
/// when everything was written.
pub(crate) fn write_atomically<T>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    check_output_path(path)?;
    let dir = output_dir(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".attache-").suffix(".tmp");
    // A new file gets what `File::create` gives (0666 less the umask), not
    // tempfile's 0600.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    // An existing file keeps its mode.
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .with_context(|| format!("keeping the mode of {}", path.display()))?;
    }
    let mut out = io::BufWriter::with_capacity(1 << 16, tmp);
    let value = write(&mut out)?;
    let tmp = out.into_inner().map_err(|e| e.into_error())?;
    tmp.as_file().sync_all().ok();
    tmp.persist(path)
        .with_context(|| format!("renaming the output to {}", path.display()))?;
    Ok(value)
}

pub(crate) fn render(args: RenderArgs) -> Result<ExitCode> {
    let records =
        !args.paths.is_empty() && args.paths.iter().all(|p| cli_tables::is_records_file(p));
    if records {
        return cli_tables::render_records(&args.paths, &args.output, args.quiet);
    }
    let opts = args.input.read_options()?;
    let sources = planned_sources(&args.paths, opts.mode, args.quiet)?;
    let pipeline = args.input.pipeline()?;
    let total = attache::input::document_count(&sources, opts.mode);
    let batch = BatchOptions {
        jobs: worker_count(args.jobs),
        format: OutputFormat::Jsonl,
        record: RecordOptions {
            include_text: true,
            models: args.input.models_id(),
        },
        progress: !args.quiet && io::stderr().is_terminal() && total != Some(1),
        total,
    };
    let mut reader = Reader::new(sources, opts);
    cli_tables::render_input(&args.output, args.quiet, |out| {
        Ok(run_batch(&mut reader, &pipeline, out, &batch)?)
    })
}
