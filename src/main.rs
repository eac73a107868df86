//! The `attache` command line: argument parsing and calls into the library.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

mod cli_actors;
mod cli_syntax;
mod cli_tables;
use clap::{Parser, Subcommand, ValueEnum};

use attache::batch::{run_batch, BatchOptions, OutputFormat};
use attache::bench::{bench, BenchOptions};
use attache::dates::DateOrder;
use attache::input::{meta::normalise_doc_date, plan, Input, InputMode, ReadOptions, Reader};
use attache::ner::stage::ModelChoice;
use attache::pipeline::{Dicts, Pipeline};
use attache::records::RecordOptions;

/// Diplomatic texts in, structured event-data records out.
#[derive(Parser)]
#[command(name = "attache", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract one JSON record per document.
    Extract(ExtractArgs),
    /// Print the sentences and tokens of a document, with char offsets.
    Tokens(TokensArgs),
    /// Measure pipeline throughput on a corpus (one core).
    Bench(BenchArgs),
    /// Score against a gold set (`--gold DIR`) or a CoNLL file (`--conll FILE`).
    Eval(EvalArgs),
    /// Train an entity tagger on CoNLL data.
    Train(TrainArgs),
    /// Run the event coder's validation suite and print its failures.
    Validate(ValidateArgs),
    /// Train the syntax model (tagger, lemmatiser, parser) on CoNLL-U data.
    TrainParser(cli_syntax::TrainParserArgs),
    /// Tag and parse documents; write CoNLL-U.
    Parse(ParseArgs),
    /// Count the actor names in saved records that are not names.
    AuditActors(cli_actors::AuditActorsArgs),
    /// Flatten records into analysis tables (Parquet or CSV).
    Tables(cli_tables::TablesArgs),
    /// Write an HTML page per document and an index, from records or input.
    Render(RenderArgs),
}

#[derive(clap::Args)]
struct RenderArgs {
    /// Records written by `attache extract --include-text`, or documents
    /// (files or directories) to run through the pipeline; `-` or nothing
    /// reads documents from stdin.
    paths: Vec<PathBuf>,
    /// The directory to write `index.html` and `docs/` into.
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    #[command(flatten)]
    input: InputArgs,
    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// No progress bar and no notes on stderr.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(clap::Args)]
struct ValidateArgs {
    /// The suite directory (`*.jsonl` cases plus their data files).
    #[arg(long, value_name = "DIR")]
    suite: Option<PathBuf>,
    /// Extra data file (its header names its format); may be repeated.
    #[arg(long = "dict", value_name = "FILE")]
    dicts: Vec<PathBuf>,
    /// Print the totals only, not every failure.
    #[arg(long)]
    summary: bool,
}

#[derive(clap::Args)]
struct TrainArgs {
    /// CoNLL training file(s) (IOB1, IOB2 or BILOU, detected); may be repeated.
    #[arg(long, required = true, value_name = "FILE")]
    train: Vec<PathBuf>,
    /// CoNLL development file: epoch selection and confidence calibration.
    #[arg(long, value_name = "FILE")]
    dev: Option<PathBuf>,
    /// CoNLL test file, scored at the end and recorded in the meta file.
    #[arg(long, value_name = "FILE")]
    test: Option<PathBuf>,
    /// Stage-1 epochs (the best on dev is kept).
    #[arg(long, default_value_t = 12)]
    epochs: usize,
    /// Stage-2 (document-level) epochs.
    #[arg(long, default_value_t = 12)]
    epochs2: usize,
    /// Random seed; training is deterministic for a seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Features seen fewer times than this are never updated.
    #[arg(long, default_value_t = 1)]
    min_count: u32,
    /// Feature dropout probability.
    #[arg(long, default_value_t = 0.1)]
    dropout: f32,
    /// Word clusters learned from raw text (`cargo run --release --example ner -- clusters`).
    #[arg(long, value_name = "FILE")]
    clusters: Option<PathBuf>,
    /// GMB ner_dataset.csv whose entity strings become gazetteer features.
    #[arg(long, value_name = "CSV")]
    gaz_gmb: Option<PathBuf>,
    /// CoNLL file whose entity strings become gazetteer features; may be repeated.
    #[arg(long, value_name = "FILE")]
    gaz_conll: Vec<PathBuf>,
    /// Retrain on train+dev with the epochs chosen on dev.
    #[arg(long)]
    train_plus_dev: bool,
    /// Where to write the model (`FILE.meta.json` is written beside it).
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("set").required(true).args(["gold", "conll", "conllu"])))]
struct EvalArgs {
    /// A directory of `<id>.txt`, `<id>.meta.json` and `<id>.gold.json`.
    #[arg(long, value_name = "DIR")]
    gold: Option<PathBuf>,
    /// A CoNLL file: tag its own tokens and score like conlleval.
    #[arg(long, value_name = "FILE")]
    conll: Option<PathBuf>,
    /// A CoNLL-U file: tag, lemmatise and parse its words (gold
    /// tokenisation); UPOS, lemma, UAS and LAS as in CoNLL 2018.
    #[arg(long, value_name = "FILE")]
    conllu: Option<PathBuf>,
    /// Syntax model for `--conllu`: `embedded` or a model file.
    #[arg(long, default_value = "embedded", value_name = "MODEL")]
    syntax_model: String,
    /// Score these records (JSONL) instead of running the pipeline.
    #[arg(long, value_name = "FILE")]
    pred: Option<PathBuf>,
    /// Also write the predicted records (JSONL) to FILE; with `--conllu`,
    /// the predicted CoNLL-U.
    #[arg(long, value_name = "FILE")]
    save_pred: Option<PathBuf>,
    /// List each document's missed and spurious items.
    #[arg(long)]
    misses: bool,
    /// Measure the actors layer instead: the share of gold event sources
    /// that an actor span of the trigger's sentence (or the author) resolves.
    #[arg(long, requires = "gold")]
    sources: bool,
    /// Machine-readable output (the reference scorer's JSON layout).
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    input: InputArgs,
}

/// How inputs are read: shared by every command that reads documents.
#[derive(clap::Args)]
struct ReadArgs {
    /// How to read inputs: by extension (auto), or force one format.
    #[arg(long = "input", value_enum, default_value_t = InputArg::Auto)]
    input: InputArg,
    /// Refuse documents (files, stdin, JSONL lines) larger than this many bytes.
    #[arg(long, default_value_t = 10 * 1024 * 1024, value_name = "BYTES")]
    max_bytes: u64,
    /// Decode inputs with this encoding (a WHATWG label such as `utf-8`,
    /// `windows-1252`, `latin1`, `iso-8859-2`, `utf-16le`) instead of
    /// detecting it; a byte-order mark still wins.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    encoding: Option<&'static encoding_rs::Encoding>,
}

impl ReadArgs {
    /// The read options these flags give, with no anchor date.
    fn options(&self) -> ReadOptions {
        ReadOptions {
            mode: self.input.mode(),
            max_bytes: self.max_bytes,
            encoding: self.encoding,
            ..ReadOptions::default()
        }
    }
}

#[derive(clap::Args)]
struct InputArgs {
    #[command(flatten)]
    read: ReadArgs,
    /// Anchor date for documents without one in their metadata (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    doc_date: Option<String>,
    /// Extra data file (its header names its format); may be repeated.
    #[arg(long = "dict", value_name = "FILE")]
    dicts: Vec<PathBuf>,
    /// Entity tagger: `fast` (embedded), `none` (gazetteer only), or a model file.
    #[arg(long, default_value = "fast", value_name = "MODEL")]
    model: String,
    /// Day/month order of all-numeric dates such as 05/04/2023 when both
    /// parts are 12 or less (a part over 12 always decides).
    #[arg(long, value_enum, default_value_t = DateOrderArg::Dmy)]
    date_order: DateOrderArg,
}

/// `--encoding LABEL`: any WHATWG label encoding_rs knows.
fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        format!(
            "unknown encoding {label:?} (try utf-8, windows-1252, latin1, iso-8859-2, utf-16le)"
        )
    })
}

#[derive(Clone, Copy, ValueEnum)]
enum DateOrderArg {
    /// Day first: 05/04/2023 is 5 April 2023.
    Dmy,
    /// Month first: 05/04/2023 is May 4, 2023.
    Mdy,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files or directories (walked recursively); `-` or nothing reads stdin.
    paths: Vec<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
    /// Output layout.
    #[arg(long, value_enum, default_value_t = FormatArg::Jsonl)]
    format: FormatArg,
    /// Write to FILE atomically (a temporary file renamed on success).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Add `doc.text`, the exact text the offsets refer to.
    #[arg(long)]
    include_text: bool,
    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// No progress bar and no notes on stderr.
    #[arg(short, long)]
    quiet: bool,
    /// Streaming filter (for Spark and other pipes): JSON Lines from stdin,
    /// one line out per line in, in order; exit 0 whatever the documents,
    /// 2 only when the run itself fails.
    #[arg(long, conflicts_with_all = ["paths", "output", "format"])]
    filter: bool,
    /// Also write analysis tables (documents, entities, actors, events,
    /// dates, agreements) into DIR; records then go only to `-o FILE`.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["filter", "format"])]
    tables: Option<PathBuf>,
    /// File format of `--tables`.
    #[arg(long, value_enum, default_value_t = cli_tables::TableFormatArg::Parquet, requires = "tables")]
    tables_format: cli_tables::TableFormatArg,
}

#[derive(clap::Args)]
struct TokensArgs {
    /// One document: a file, or `-` or nothing for stdin (a JSONL input
    /// must hold a single line).
    path: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    /// Extra data file (its header names its format); may be repeated.
    #[arg(long = "dict", value_name = "FILE")]
    dicts: Vec<PathBuf>,
    /// JSON (sentences with their tokens) instead of TSV.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct ParseArgs {
    /// Files or directories (walked recursively); `-` or nothing reads stdin.
    paths: Vec<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ParseFormat::Conllu)]
    format: ParseFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum ParseFormat {
    /// CoNLL-U, one sentence per block, char offsets in MISC.
    Conllu,
}

#[derive(clap::Args)]
struct BenchArgs {
    /// Corpus files or directories (default: fixtures/press).
    paths: Vec<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
    /// Timed runs; the median is reported.
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Untimed warm-up runs.
    #[arg(long, default_value_t = 1)]
    warmup: usize,
    /// Repeat the corpus until it holds this many MB of text.
    #[arg(long, default_value_t = 20.0, value_name = "MB")]
    min_mb: f64,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputArg {
    Auto,
    Text,
    Html,
    Jsonl,
}

impl InputArg {
    fn mode(self) -> InputMode {
        match self {
            InputArg::Auto => InputMode::Auto,
            InputArg::Text => InputMode::Text,
            InputArg::Html => InputMode::Html,
            InputArg::Jsonl => InputMode::Jsonl,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Jsonl,
    Json,
    Pretty,
}

fn main() -> ExitCode {
    // A filter that fails says why on stderr, then still reads all of stdin
    // before it exits, so that the program feeding it sees the exit status
    // and the message, not a broken pipe.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            e.print().ok();
            if e.use_stderr() && std::env::args_os().any(|a| a == "--filter") {
                attache::input::drain_stdin().ok();
            }
            std::process::exit(e.exit_code());
        }
    };
    let filter = matches!(&cli.command, Command::Extract(args) if args.filter);
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Tokens(args) => tokens(args),
        Command::Bench(args) => run_bench(args),
        Command::Eval(args) => eval(args),
        Command::Train(args) => train(args),
        Command::Validate(args) => validate(args),
        Command::TrainParser(args) => cli_syntax::train_parser(args),
        Command::Parse(args) => parse(args),
        Command::AuditActors(args) => cli_actors::audit_actors(args),
        Command::Tables(args) => cli_tables::tables(args),
        Command::Render(args) => render(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("attache: {}", error_text(&err));
            if filter {
                attache::input::drain_stdin().ok();
            }
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line, each said once: a library error
/// that shows its I/O cause would otherwise repeat it ("…: No such file or
/// directory (os error 2): No such file or directory (os error 2)").
fn error_text(err: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in err.chain() {
        let part = cause.to_string();
        if text.ends_with(&part) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&part);
    }
    text
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<attache::Error>()
            .is_some_and(attache::Error::is_broken_pipe)
            || e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            // serde_json wraps the write error of `tokens --json | head`.
            || e.downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
    })
}

impl InputArgs {
    fn read_options(&self) -> Result<ReadOptions> {
        let doc_date = match &self.doc_date {
            Some(raw) => match normalise_doc_date(raw) {
                Some(d) if raw.trim().len() == 10 => Some(d),
                _ => bail!("--doc-date {raw:?} is not a date of the form YYYY-MM-DD"),
            },
            None => None,
        };
        Ok(ReadOptions {
            doc_date,
            ..self.read.options()
        })
    }

    /// `producer.models` of the records: the tagger and the user files.
    fn models_id(&self) -> &'static str {
        let ner = match ModelChoice::parse(&self.model) {
            ModelChoice::Fast => "fast".to_string(),
            ModelChoice::None => "none".to_string(),
            ModelChoice::File(p) => format!(
                "file:{}",
                p.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            ),
        };
        let mut id = format!("ner:{ner}");
        if !self.dicts.is_empty() {
            let names: Vec<String> = self
                .dicts
                .iter()
                .map(|d| {
                    d.file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
                })
                .collect();
            id.push_str(&format!(";dicts:{}", names.join(",")));
        }
        // Once per run: the records borrow it for the whole batch.
        Box::leak(id.into_boxed_str())
    }

    fn pipeline(&self) -> Result<Pipeline> {
        self.pipeline_with(false)
    }

    /// The pipeline, with the syntax stage when `syntax`.
    fn pipeline_with(&self, syntax: bool) -> Result<Pipeline> {
        let order = match self.date_order {
            DateOrderArg::Dmy => DateOrder::Dmy,
            DateOrderArg::Mdy => DateOrder::Mdy,
        };
        let dicts = Dicts::load(&self.dicts)?.with_date_order(order);
        Ok(Pipeline::with_options(
            &dicts,
            &ModelChoice::parse(&self.model),
            syntax,
        )?)
    }
}

/// `-j N`, or all cores.
fn worker_count(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// The input sources of `paths` (planning notes on stderr unless `quiet`);
/// an error when they hold no document.
fn planned_sources(
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

fn extract(args: ExtractArgs) -> Result<ExitCode> {
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
fn summary_line(
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
fn no_documents_message(paths: &[PathBuf]) -> String {
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
fn check_output_path(path: &Path) -> Result<()> {
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
fn output_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Runs `write` into a temporary file beside `path`, renamed over it only
/// when everything was written.
fn write_atomically<T>(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<T>) -> Result<T> {
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

/// `tokens` shows one document: a second one is an error, not silently
/// dropped.
fn read_one(args: &TokensArgs) -> Result<attache::doc::Doc> {
    let opts = args.read.options();
    let paths: Vec<PathBuf> = args.path.iter().cloned().collect();
    let sources = plan(&paths, opts.mode, |_| {});
    let from = args
        .path
        .as_ref()
        .map_or_else(|| "stdin".to_string(), |p| p.display().to_string());
    let mut reader = Reader::new(sources, opts);
    let doc = match reader.next() {
        Some(Input::Doc(doc)) => *doc,
        Some(Input::Unread(u)) => bail!("{}: {}", u.source, u.message),
        None => bail!("no document in {from}"),
    };
    if reader.next().is_some() {
        bail!(
            "tokens shows one document, and {from} holds more than one; \
             name one file, or pipe one JSONL line with --input jsonl"
        );
    }
    Ok(doc)
}

fn tokens(args: TokensArgs) -> Result<ExitCode> {
    let mut doc = read_one(&args)?;
    // The syntax layer, with no entity model: tokens, sentences and parses do not need one.
    let dicts = Dicts::load(&args.dicts)?;
    let pipeline = Pipeline::with_options(&dicts, &ModelChoice::None, true)?;
    pipeline.process(&mut doc);
    let mut out = io::BufWriter::new(io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &attache::inspect::sentences(&doc))?;
        writeln!(out)?;
    } else {
        out.write_all(attache::inspect::to_tsv(&doc).as_bytes())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn parse(args: ParseArgs) -> Result<ExitCode> {
    use attache::syntax::conllu::{doc_sentences, write_conllu};
    let ParseFormat::Conllu = args.format;
    let opts = args.input.read_options()?;
    let pipeline = args.input.pipeline_with(true)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    for input in Reader::new(plan(&args.paths, opts.mode, |_| {}), opts) {
        match input {
            Input::Doc(doc) => {
                let mut doc = *doc;
                pipeline.process(&mut doc);
                writeln!(
                    out,
                    "# newdoc id = {}",
                    doc.info.id.replace(['\n', '\r'], " ")
                )?;
                out.write_all(write_conllu(&doc_sentences(&doc)).as_bytes())?;
            }
            Input::Unread(u) => eprintln!("attache: {}: {}", u.source, u.message),
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn run_bench(args: BenchArgs) -> Result<ExitCode> {
    let opts = args.input.read_options()?;
    let pipeline = args.input.pipeline()?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("fixtures/press")]
    } else {
        args.paths.clone()
    };
    let corpus: Vec<_> = Reader::new(plan(&paths, opts.mode, |_| {}), opts)
        .filter_map(|i| match i {
            Input::Doc(d) => Some(*d),
            Input::Unread(_) => None,
        })
        .collect();
    if corpus.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        let hint = if args.paths.is_empty() {
            " (the default corpus, relative to the current directory: \
             run from the repository root, or name a corpus)"
        } else {
            ""
        };
        bail!("no readable documents in {}{hint}", names.join(", "));
    }
    let report = bench(
        &corpus,
        &pipeline,
        BenchOptions {
            runs: args.runs,
            warmup: args.warmup,
            min_bytes: (args.min_mb.max(0.0) * 1e6) as u64,
        },
    );
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.to_text());
    }
    Ok(ExitCode::SUCCESS)
}

fn eval(args: EvalArgs) -> Result<ExitCode> {
    use attache::eval::gold;
    if let Some(conllu) = &args.conllu {
        return cli_syntax::eval_conllu(
            conllu,
            &args.syntax_model,
            args.json,
            args.save_pred.as_deref(),
        );
    }
    if let Some(conll) = &args.conll {
        return eval_conll(conll, &args);
    }
    let Some(dir) = &args.gold else {
        bail!("--gold DIR or --conll FILE is required");
    };
    if !dir.is_dir() {
        bail!("--gold {}: no such directory", dir.display());
    }
    let docs = gold::load_gold_dir(dir)?;
    if docs.is_empty() {
        bail!("no <id>.gold.json files in {}", dir.display());
    }
    if args.sources {
        let report = attache::eval::sources::source_resolution(&args.input.pipeline()?, &docs);
        if args.json {
            println!("{}", serde_json::to_string_pretty(&report)?);
        } else {
            print!("{}", report.to_text(args.misses));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let records: Vec<serde_json::Value> = match &args.pred {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(serde_json::from_str)
                .collect::<Result<_, _>>()
                .with_context(|| format!("parsing {}", path.display()))?
        }
        None => gold::predict(&args.input.pipeline()?, &docs),
    };
    if let Some(path) = &args.save_pred {
        write_atomically(path, |out| {
            for r in &records {
                serde_json::to_writer(&mut *out, r)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        })?;
    }
    let scores = gold::score(&docs, &gold::by_id(records));
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&scores.to_json(args.misses))?
        );
    } else {
        print!("{}", scores.to_text(args.misses));
    }
    Ok(ExitCode::SUCCESS)
}

fn eval_conll(path: &Path, args: &EvalArgs) -> Result<ExitCode> {
    use attache::ner::recipe;
    let Some(model) = ModelChoice::parse(&args.input.model).load()? else {
        bail!("--conll needs a model (fast or a file), not none");
    };
    let scores = recipe::score_file(&model, path)?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&recipe::scores_json(&scores))?
        );
    } else {
        print!("{}", recipe::scores_text(&scores));
    }
    Ok(ExitCode::SUCCESS)
}

fn train(args: TrainArgs) -> Result<ExitCode> {
    use attache::ner::recipe::{self, TrainOptions};
    let opts = TrainOptions {
        train: args.train,
        dev: args.dev,
        test: args.test,
        epochs: args.epochs,
        epochs2: args.epochs2,
        seed: args.seed,
        min_count: args.min_count,
        dropout: args.dropout,
        clusters: args.clusters,
        gaz_gmb: args.gaz_gmb,
        gaz_conll: args.gaz_conll,
        train_plus_dev: args.train_plus_dev,
        output: args.output,
        command: std::env::args().collect::<Vec<_>>().join(" "),
    };
    let report = recipe::train_command(&opts, |r| {
        let f1 = r
            .dev_f1
            .map_or_else(|| "-".to_string(), |f| format!("{:.2}", 100.0 * f));
        eprintln!(
            "{:>10} epoch {:>2}  errors {:>6}  dev F1 {f1}  ({:.1}s)",
            r.stage, r.epoch, r.train_errors, r.seconds
        );
    })?;
    if let Some(s) = &report.dev {
        println!(
            "DEV (model trained on the training files only)\n{}",
            recipe::scores_text(s)
        );
    }
    if let Some(s) = &report.test {
        println!("TEST\n{}", recipe::scores_text(s));
    }
    eprintln!(
        "wrote {} ({} bytes) and {} in {:.1} s",
        opts.output.display(),
        report.model_bytes,
        report.meta_path.display(),
        report.seconds
    );
    Ok(ExitCode::SUCCESS)
}

fn validate(args: ValidateArgs) -> Result<ExitCode> {
    let dir = args
        .suite
        .unwrap_or_else(attache::events::validate::default_suite);
    let report = attache::events::validate::run_suite(&dir, &args.dicts)
        .with_context(|| format!("validation suite {}", dir.display()))?;
    if !args.summary {
        print!("{}", report.failures_text());
    }
    print!("{}", report.summary_text());
    Ok(if report.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn render(args: RenderArgs) -> Result<ExitCode> {
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
