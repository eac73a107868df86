//! The inspection and development commands: `tokens`, `parse`, `bench`, `eval`, `train`
//! and `validate`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use attache::bench::{bench, BenchOptions};
use attache::input::{plan, Input, Reader};
use attache::ner::stage::ModelChoice;
use attache::pipeline::{Dicts, Pipeline};

use super::cli_extract::write_atomically;
use super::{
    cli_syntax, BenchArgs, EvalArgs, ParseArgs, ParseFormat, TokensArgs, TrainArgs, ValidateArgs,
};

/// `tokens` shows one document: a second one is an error, not silently
/// dropped.
pub(crate) fn read_one(args: &TokensArgs) -> Result<attache::doc::Doc> {
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

pub(crate) fn tokens(args: TokensArgs) -> Result<ExitCode> {
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

pub(crate) fn parse(args: ParseArgs) -> Result<ExitCode> {
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

pub(crate) fn run_bench(args: BenchArgs) -> Result<ExitCode> {
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

pub(crate) fn eval(args: EvalArgs) -> Result<ExitCode> {
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

pub(crate) fn eval_conll(path: &Path, args: &EvalArgs) -> Result<ExitCode> {
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

pub(crate) fn train(args: TrainArgs) -> Result<ExitCode> {
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
        press_features: args.press_features,
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

pub(crate) fn validate(args: ValidateArgs) -> Result<ExitCode> {
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
