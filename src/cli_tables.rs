//! The analysis subcommands: `tables`, `render`, and `extract --tables`.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::ValueEnum;

use attache::batch::Summary;
use attache::render::RenderWriter;
use attache::tables::{read_records, Item, RecordLines, TableFormat, TablesError, TablesWriter};

/// `--format` of the tables.
#[derive(Clone, Copy, ValueEnum)]
pub enum TableFormatArg {
    /// Apache Parquet (Snappy).
    Parquet,
    /// CSV with a header line.
    Csv,
}

impl TableFormatArg {
    pub fn format(self) -> TableFormat {
        match self {
            TableFormatArg::Parquet => TableFormat::Parquet,
            TableFormatArg::Csv => TableFormat::Csv,
        }
    }
}

/// `attache tables`.
#[derive(clap::Args)]
pub struct TablesArgs {
    /// Records (JSON Lines written by `attache extract`); `-` or nothing
    /// reads stdin.
    records: Vec<PathBuf>,
    /// The directory to write the tables into (created when missing).
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    /// Table file format.
    #[arg(long, value_enum, default_value_t = TableFormatArg::Parquet)]
    format: TableFormatArg,
    /// No summary on stderr.
    #[arg(short, long)]
    quiet: bool,
}

/// Opens each records file (or stdin) in turn for `each`.
fn each_records_file(
    paths: &[PathBuf],
    mut each: impl FnMut(&mut dyn BufRead, &Path) -> Result<()>,
) -> Result<()> {
    let stdin = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin[..] } else { paths };
    for path in paths {
        if path.as_os_str() == "-" {
            each(&mut io::stdin().lock(), path)?;
        } else {
            let file =
                std::fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
            each(&mut io::BufReader::with_capacity(1 << 16, file), path)?;
        }
    }
    Ok(())
}

/// The table summary line on stderr.
fn tables_note(dir: &Path, rows: &[(&'static str, u64)]) -> String {
    let counts: Vec<String> = rows.iter().map(|(t, n)| format!("{n} {t}")).collect();
    format!(
        "attache: tables in {}: {}",
        dir.display(),
        counts.join(", ")
    )
}

/// `attache tables RECORDS -o DIR`.
pub fn tables(args: TablesArgs) -> Result<ExitCode> {
    let mut writer = TablesWriter::create(&args.output, args.format.format())?;
    each_records_file(&args.records, |input, path| {
        read_records(input, &mut |item: &Item| writer.push(item))
            .with_context(|| format!("reading records from {}", path.display()))?;
        Ok(())
    })?;
    let summary = writer.finish()?;
    if !args.quiet {
        eprintln!("{}", tables_note(&args.output, &summary.rows));
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs a batch whose JSON Lines records go to `consume` and, with
/// `output`, to that file (atomically).
pub fn run_into(
    output: Option<&Path>,
    consume: &mut dyn FnMut(&Item) -> Result<(), TablesError>,
    run: impl FnOnce(&mut dyn Write) -> Result<Summary>,
) -> Result<Summary> {
    match output {
        Some(path) => super::cli_extract::write_atomically(path, |out| {
            let mut lines = RecordLines::new(consume, Some(out));
            let summary = run(&mut lines)?;
            lines.flush()?;
            Ok(summary)
        }),
        None => {
            let mut lines = RecordLines::new(consume, None);
            run(&mut lines)
        }
    }
}

/// `extract --tables DIR`: the tables of the batch, and its records to
/// `-o FILE` when given.
pub fn extract_tables(
    dir: &Path,
    format: TableFormatArg,
    output: Option<&Path>,
    quiet: bool,
    run: impl FnOnce(&mut dyn Write) -> Result<Summary>,
) -> Result<Summary> {
    let mut writer = TablesWriter::create(dir, format.format())?;
    let summary = run_into(output, &mut |item| writer.push(item), run)?;
    let tables = writer.finish()?;
    if !quiet {
        eprintln!("{}", tables_note(dir, &tables.rows));
    }
    Ok(summary)
}

/// Whether `path` is a file of attache records (its first line says so).
pub fn is_records_file(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut first = String::new();
    let mut reader = io::BufReader::new(file);
    while first.trim().is_empty() {
        first.clear();
        match reader.read_line(&mut first) {
            Ok(0) | Err(_) => return false,
            Ok(_) => {}
        }
    }
    first
        .trim_start()
        .starts_with("{\"schema\":\"attache.records/")
}

/// `attache render RECORDS -o DIR`: pages from saved records.
pub fn render_records(paths: &[PathBuf], dir: &Path, quiet: bool) -> Result<ExitCode> {
    let mut writer = RenderWriter::create(dir)?;
    each_records_file(paths, |input, path| {
        read_records(input, &mut |item: &Item| {
            writer
                .push(item)
                .map_err(|e| TablesError::Write(io::Error::other(e)))
        })
        .with_context(|| format!("rendering records from {}", path.display()))?;
        Ok(())
    })?;
    let summary = writer.finish()?;
    if !quiet {
        eprintln!(
            "attache: {} page(s) and {} written",
            summary.pages,
            dir.join("index.html").display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `attache render INPUT -o DIR`: pages from documents, through the
/// pipeline (`run` runs the batch with the text in each record).
pub fn render_input(
    dir: &Path,
    quiet: bool,
    run: impl FnOnce(&mut dyn Write) -> Result<Summary>,
) -> Result<ExitCode> {
    let mut writer = RenderWriter::create(dir)?;
    let summary = run_into(
        None,
        &mut |item| {
            writer
                .push(item)
                .map_err(|e| TablesError::Write(io::Error::other(e)))
        },
        run,
    )?;
    let pages = writer.finish()?;
    if summary.records + summary.errors == 0 {
        bail!("no documents to render");
    }
    if !quiet {
        eprintln!(
            "attache: {} page(s) and {} written",
            pages.pages,
            dir.join("index.html").display()
        );
    }
    Ok(if summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
