//! The syntax subcommands: `train-parser`, `eval --conllu`, `parse`.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use attache::syntax::clusters::{learn_clusters, pack_tsv};
use attache::syntax::conllu::read_conllu_file;
use attache::syntax::model::Scratch;
use attache::syntax::train::{train, TrainConfig};
use attache::syntax::SyntaxModel;
use attache::syntax::{evaluate, write_conllu};

/// `attache train-parser`.
#[derive(clap::Args)]
pub struct TrainParserArgs {
    /// CoNLL-U training file (uncompressed), e.g. en_ewt-ud-train.conllu.
    #[arg(long, value_name = "FILE")]
    train: PathBuf,
    /// CoNLL-U development file: chooses the epochs.
    #[arg(long, value_name = "FILE")]
    dev: Option<PathBuf>,
    /// CoNLL-U test file, scored at the end and recorded in the model.
    #[arg(long, value_name = "FILE")]
    test: Option<PathBuf>,
    /// Tagger epochs (the best on dev is kept).
    #[arg(long, default_value_t = 8)]
    tagger_epochs: usize,
    /// Parser epochs (the best on dev is kept).
    #[arg(long, default_value_t = 12)]
    parser_epochs: usize,
    /// Folds for jackknifed training tags (0: the tagger's own tags).
    #[arg(long, default_value_t = 0)]
    folds: usize,
    /// Probability of following the parser's own moves while training.
    #[arg(long, default_value_t = 0.9)]
    explore: f64,
    /// Random seed; training is deterministic for a seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Largest model file, in MB (tables are pruned to fit).
    #[arg(long, default_value_t = 24.0)]
    max_mb: f64,
    /// Word clusters TSV (`word \t id \t id \t id`); with `--cluster-text`
    /// it is learned and written here first.
    #[arg(long, value_name = "FILE")]
    clusters: Option<PathBuf>,
    /// Raw text (one paragraph per line) to learn clusters from, together
    /// with the training words; may be repeated.
    #[arg(long, value_name = "FILE", requires = "clusters")]
    cluster_text: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

/// Trains and writes a syntax model.
pub fn train_parser(args: TrainParserArgs) -> Result<ExitCode> {
    let read = |p: &Option<PathBuf>| -> Result<Vec<_>> {
        match p {
            Some(p) => Ok(read_conllu_file(p)?),
            None => Ok(Vec::new()),
        }
    };
    let train_set = read_conllu_file(&args.train)?;
    let (dev, test) = (read(&args.dev)?, read(&args.test)?);
    let clusters = match &args.clusters {
        Some(path) => {
            if !args.cluster_text.is_empty() {
                let mut lines = Vec::new();
                for p in &args.cluster_text {
                    let text = std::fs::read_to_string(p)
                        .with_context(|| format!("reading {}", p.display()))?;
                    lines.extend(text.lines().map(str::to_string));
                }
                let start = Instant::now();
                let tsv = learn_clusters(&lines, &train_set, &[64, 256, 1000], 3, args.seed);
                eprintln!(
                    "clusters: {} words in {:.1}s",
                    tsv.lines().count(),
                    start.elapsed().as_secs_f64()
                );
                std::fs::write(path, &tsv)
                    .with_context(|| format!("writing {}", path.display()))?;
            }
            let tsv = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            pack_tsv(&tsv)
        }
        None => Vec::new(),
    };
    let cfg = TrainConfig {
        clusters,
        tagger_epochs: args.tagger_epochs,
        parser_epochs: args.parser_epochs,
        seed: args.seed,
        explore: args.explore,
        folds: args.folds,
        max_bytes: (args.max_mb * 1e6) as usize,
    };
    let mut log = |line: &str| eprintln!("{line}");
    let (parts, model) = train(&train_set, &dev, &test, &cfg, &mut log)?;
    let bytes = parts.encode();
    std::fs::write(&args.output, &bytes)
        .with_context(|| format!("writing {}", args.output.display()))?;
    eprintln!(
        "wrote {} ({} bytes)\n{}",
        args.output.display(),
        bytes.len(),
        serde_json::to_string_pretty(&model.header().meta)?
    );
    Ok(ExitCode::SUCCESS)
}

/// The model named on the command line: `embedded` or a file.
pub fn load_model(name: &str) -> Result<SyntaxModel> {
    let start = Instant::now();
    let model = if name == "embedded" {
        SyntaxModel::embedded()?
    } else {
        SyntaxModel::load(std::path::Path::new(name))?
    };
    if std::env::var_os("ATTACHE_TIMING").is_some() {
        eprintln!(
            "syntax model loaded in {:.2} ms",
            start.elapsed().as_secs_f64() * 1e3
        );
    }
    Ok(model)
}

/// `attache eval --conllu FILE`: gold tokenisation, predicted everything.
pub fn eval_conllu(
    path: &std::path::Path,
    model: &str,
    json: bool,
    save_pred: Option<&std::path::Path>,
) -> Result<ExitCode> {
    let model = load_model(model)?;
    let gold = read_conllu_file(path)?;
    if gold.is_empty() {
        bail!("no sentences in {}", path.display());
    }
    let start = Instant::now();
    let mut scratch = Scratch::default();
    let pred: Vec<_> = gold
        .iter()
        .map(|s| model.annotate(s, &mut scratch))
        .collect();
    let secs = start.elapsed().as_secs_f64();
    let scores = evaluate(&gold, &pred);
    if let Some(out) = save_pred {
        std::fs::write(out, write_conllu(&pred))
            .with_context(|| format!("writing {}", out.display()))?;
    }
    if json {
        let mut v = scores.to_json();
        v["file"] = path.display().to_string().into();
        v["seconds"] = secs.into();
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        println!("{}", scores.to_line());
        println!(
            "{} sentences in {:.2}s ({:.0} words/s)",
            gold.len(),
            secs,
            scores.words as f64 / secs.max(1e-9)
        );
    }
    io::stdout().flush()?;
    Ok(ExitCode::SUCCESS)
}
