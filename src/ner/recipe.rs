//! The training command behind `attache train`: reads the data, trains,
//! optionally retrains on train+dev, writes the model and its meta file
//! (labels, feature and training configuration, data description, per-epoch
//! dev F1, dev/test scores, sha256, the command).

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::ner::eval::format_report;
use crate::ner::train::{foreign_class, gazetteer_entries, train_with_gazetteer, TrainSummary};
use crate::ner::{
    clusters, conlleval, read_conll_file, ChunkScores, Document, EpochReport, Model, NerError,
    TrainConfig,
};

/// What `attache train` was asked to do.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// CoNLL training files (IOB1/IOB2/BILOU auto-detected).
    pub train: Vec<PathBuf>,
    /// CoNLL development file: epoch selection and calibration.
    pub dev: Option<PathBuf>,
    /// CoNLL test file, scored at the end and recorded in the meta file.
    pub test: Option<PathBuf>,
    /// Stage-1 epochs (the best on dev is kept).
    pub epochs: usize,
    /// Stage-2 epochs.
    pub epochs2: usize,
    /// Random seed (training is deterministic for a seed).
    pub seed: u64,
    /// Features seen fewer times are never updated.
    pub min_count: u32,
    /// Feature dropout probability.
    pub dropout: f32,
    /// Word-cluster file (`word<TAB>id<TAB>id<TAB>id`), learned from raw text.
    pub clusters: Option<PathBuf>,
    /// GMB `ner_dataset.csv` whose entity strings become gazetteer features.
    pub gaz_gmb: Option<PathBuf>,
    /// CoNLL files whose entity strings become gazetteer features.
    pub gaz_conll: Vec<PathBuf>,
    /// Retrain on train+dev with the epochs chosen on dev.
    pub train_plus_dev: bool,
    /// Press-release features: titles, bodies and common words from the embedded data
    /// files (see [`crate::ner::press`]).
    pub press_features: bool,
    /// Where to write the model (`<output>.meta.json` beside it).
    pub output: PathBuf,
    /// The command line, recorded in the meta file.
    pub command: String,
}

/// What training produced.
#[derive(Debug)]
pub struct TrainReport {
    /// Model size in bytes.
    pub model_bytes: usize,
    /// Dev scores of the model trained on train only.
    pub dev: Option<ChunkScores>,
    /// Test scores of the written model.
    pub test: Option<ChunkScores>,
    /// Seconds spent.
    pub seconds: f64,
    /// Path of the meta file.
    pub meta_path: PathBuf,
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> NerError + '_ {
    move |source| NerError::Io {
        path: path.display().to_string(),
        source,
    }
}

fn read_docs(path: &Path) -> Result<Vec<Document>, NerError> {
    let p = path
        .to_str()
        .ok_or_else(|| NerError::Train(format!("non-UTF-8 path {}", path.display())))?;
    Ok(read_conll_file(p, true)?.0)
}

/// Tags every sentence of `docs` (their own tokens) and scores against
/// their tags, conlleval-style.
pub fn score(model: &Model, docs: &[Document]) -> ChunkScores {
    let mut gold = Vec::new();
    let mut guess = Vec::new();
    for d in docs {
        let refs = d.token_refs();
        let labels = model.labels_document(&refs);
        for (s, y) in d.sentences.iter().zip(labels) {
            gold.push(s.raw_tags.clone());
            guess.push(model.iob2(&y));
        }
    }
    conlleval(gold.iter().zip(guess.iter()).map(|(g, p)| (&g[..], &p[..])))
}

/// Scores of a CoNLL file with a model.
pub fn score_file(model: &Model, path: &Path) -> Result<ChunkScores, NerError> {
    Ok(score(model, &read_docs(path)?))
}

/// `{"overall": {precision, recall, f1, …}, "per_type": {TYPE: {…}}}`,
/// fractions in [0, 1].
pub fn scores_json(s: &ChunkScores) -> Value {
    let per_type: serde_json::Map<String, Value> = s
        .per_type
        .iter()
        .map(|(t, p)| {
            (
                t.clone(),
                json!({"precision": p.precision, "recall": p.recall, "f1": p.f1,
                    "correct": p.correct, "guessed": p.guessed, "gold": p.gold}),
            )
        })
        .collect();
    json!({
        "overall": {"precision": s.overall.precision, "recall": s.overall.recall, "f1": s.overall.f1,
            "correct": s.overall.correct, "guessed": s.overall.guessed, "gold": s.overall.gold},
        "per_type": per_type,
    })
}

/// conlleval's text report.
pub fn scores_text(s: &ChunkScores) -> String {
    format_report(s)
}

/// Hex sha256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Trains a model as `opts` says, writes it and its meta file.
pub fn train_command(
    opts: &TrainOptions,
    mut log: impl FnMut(&EpochReport),
) -> Result<TrainReport, NerError> {
    let t0 = Instant::now();
    let mut train = Vec::new();
    for p in &opts.train {
        train.extend(read_docs(p)?);
    }
    if train.is_empty() {
        return Err(NerError::Train("no training documents".into()));
    }
    let dev = opts.dev.as_deref().map(read_docs).transpose()?;
    let (cfg, gaz_desc) = train_config(opts)?;
    let mut log_ref = |r: EpochReport| log(&r);
    let (mut model, summary): (Model, TrainSummary) =
        train_with_gazetteer(&train, dev.as_deref(), &cfg, None, &mut log_ref)?;
    let dev_scores = dev.as_ref().map(|d| score(&model, d));
    let mut final_summary = None;
    if opts.train_plus_dev {
        let Some(dv) = dev.as_ref() else {
            return Err(NerError::Train("--train-plus-dev needs --dev".into()));
        };
        let (m2, s2) = retrain_with_dev(&train, dv, &cfg, &summary, &mut log_ref)?;
        model = Model {
            temperature: model.temperature,
            ..m2
        };
        final_summary = Some(s2);
    }
    let seconds = t0.elapsed().as_secs_f64();
    let bytes = model.to_bytes();
    std::fs::write(&opts.output, &bytes).map_err(io_err(&opts.output))?;
    let test_scores = opts
        .test
        .as_deref()
        .map(|p| score_file(&model, p))
        .transpose()?;
    let run = TrainRun {
        model: &model,
        bytes: &bytes,
        cfg: &cfg,
        gaz_desc,
        summary,
        final_summary,
        dev_scores: dev_scores.as_ref(),
        test_scores: test_scores.as_ref(),
        seconds,
    };
    let meta_path = write_meta(opts, &run)?;
    Ok(TrainReport {
        model_bytes: bytes.len(),
        dev: dev_scores,
        test: test_scores,
        seconds,
        meta_path,
    })
}

/// The training settings of `opts`, with its clusters and extra gazetteers loaded; also
/// a line per extra gazetteer for the meta file.
fn train_config(opts: &TrainOptions) -> Result<(TrainConfig, Vec<String>), NerError> {
    let mut cfg = TrainConfig {
        epochs: opts.epochs,
        epochs2: opts.epochs2,
        seed: opts.seed,
        min_count: opts.min_count,
        dropout: opts.dropout,
        ..Default::default()
    };
    match &opts.clusters {
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(io_err(p))?;
            cfg.clusters = Some(clusters::parse_clusters(&text));
        }
        None => cfg.features.clusters = false,
    }
    cfg.features.ext_gazetteer = opts.press_features;
    let mut gaz_desc = Vec::new();
    if let Some(p) = &opts.gaz_gmb {
        let path = p
            .to_str()
            .ok_or_else(|| NerError::Train("non-UTF-8 path".into()))?;
        let docs = crate::ner::conll::read_gmb_csv(path)?;
        let gmb_class = |t: &str| match t {
            "gpe" => Some(7),
            t => foreign_class(t),
        };
        let e = gazetteer_entries(&docs, gmb_class);
        gaz_desc.push(format!(
            "{} GMB entity strings from {}",
            e.len(),
            p.display()
        ));
        cfg.gazetteer_extra.extend(e);
    }
    for p in &opts.gaz_conll {
        let docs = read_docs(p)?;
        let e = gazetteer_entries(&docs, foreign_class);
        gaz_desc.push(format!("{} entity strings from {}", e.len(), p.display()));
        cfg.gazetteer_extra.extend(e);
    }
    Ok((cfg, gaz_desc))
}

/// Retrain on train+dev with the epochs (and the stage-2 decision) chosen on dev.
fn retrain_with_dev(
    train: &[Document],
    dev: &[Document],
    cfg: &TrainConfig,
    summary: &TrainSummary,
    log: &mut dyn FnMut(EpochReport),
) -> Result<(Model, TrainSummary), NerError> {
    let mut cfg2 = cfg.clone();
    cfg2.epochs = summary.best_epoch1.max(1);
    cfg2.epochs2 = if summary.stage2_kept {
        summary.best_epoch2
    } else {
        0
    };
    cfg2.features.stage2 = summary.stage2_kept;
    let mut all = train.to_vec();
    all.extend(dev.iter().cloned());
    train_with_gazetteer(&all, None, &cfg2, None, log)
}

/// What a finished training run reports in its meta file.
struct TrainRun<'a> {
    model: &'a Model,
    bytes: &'a [u8],
    cfg: &'a TrainConfig,
    gaz_desc: Vec<String>,
    summary: TrainSummary,
    final_summary: Option<TrainSummary>,
    dev_scores: Option<&'a ChunkScores>,
    test_scores: Option<&'a ChunkScores>,
    seconds: f64,
}

/// Write `OUTPUT.meta.json`: the model's format, settings, data, scores and command.
fn write_meta(opts: &TrainOptions, run: &TrainRun) -> Result<PathBuf, NerError> {
    let (model, cfg) = (run.model, run.cfg);
    let show = |p: &Option<PathBuf>| p.as_ref().map(|p| p.display().to_string());
    let meta = json!({
        "model_file": opts.output.display().to_string(),
        "model_bytes": run.bytes.len(),
        "sha256": sha256_hex(run.bytes),
        "format": {"magic": "ATTNER\\0\\x01", "version": crate::ner::model::VERSION},
        "labels": model.types(),
        "internal_scheme": "BILOU",
        "feature_config": model.cfg,
        "temperature": model.temperature,
        "train_config": {"epochs": cfg.epochs, "epochs2": cfg.epochs2, "seed": cfg.seed, "folds": cfg.folds,
            "min_count": cfg.min_count, "dropout": cfg.dropout, "clusters_file": show(&opts.clusters),
            "extra_gazetteer": run.gaz_desc},
        "training_data": {
            "train": opts.train.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            "dev": show(&opts.dev),
            "train_plus_dev": opts.train_plus_dev,
            "description": if opts.train_plus_dev {
                "CoNLL train; dev used for epoch selection and temperature fitting, then the final model is retrained on train+dev with those epochs"
            } else {
                "CoNLL train; dev used for epoch selection and temperature fitting"
            }},
        "summary": run.summary,
        "final_retrain_on_train_plus_dev": run.final_summary,
        "dev_scores": run.dev_scores.map(scores_json),
        "test_scores": run.test_scores.map(scores_json),
        "train_seconds": run.seconds,
        "command": opts.command,
    });
    let meta_path = PathBuf::from(format!("{}.meta.json", opts.output.display()));
    let text = serde_json::to_string_pretty(&meta).map_err(|e| NerError::Train(e.to_string()))?;
    std::fs::write(&meta_path, text).map_err(io_err(&meta_path))?;
    Ok(meta_path)
}
