//! The `attache` command line: argument parsing and calls into the library.

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};

mod cli_actors;
mod cli_extract;
mod cli_inspect;
mod cli_syntax;
mod cli_tables;
use clap::{Parser, Subcommand, ValueEnum};

use attache::dates::DateOrder;
use attache::input::{meta::normalise_doc_date, InputMode, ReadOptions};
use attache::ner::stage::ModelChoice;
use attache::pipeline::{Dicts, Pipeline};

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
    /// Features from the embedded titles and common-words files (press releases).
    #[arg(long)]
    press_features: bool,
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
        Command::Extract(args) => cli_extract::extract(args),
        Command::Tokens(args) => cli_inspect::tokens(args),
        Command::Bench(args) => cli_inspect::run_bench(args),
        Command::Eval(args) => cli_inspect::eval(args),
        Command::Train(args) => cli_inspect::train(args),
        Command::Validate(args) => cli_inspect::validate(args),
        Command::TrainParser(args) => cli_syntax::train_parser(args),
        Command::Parse(args) => cli_inspect::parse(args),
        Command::AuditActors(args) => cli_actors::audit_actors(args),
        Command::Tables(args) => cli_tables::tables(args),
        Command::Render(args) => cli_extract::render(args),
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
