//! Training: two-stage averaged structured perceptron.
//!
//! Stage 1 uses local + document-casing + cluster + gazetteer features. Stage 2 adds
//! non-local features computed from stage-1 predictions over the whole document; its
//! weights are added to stage-1 scores. To avoid train/test mismatch, stage-1 outputs on
//! the training set (and the learned gazetteer's matches) come from k-fold jackknifing.

mod calibration;
mod instances;
mod perceptron;
mod stage2;

use super::conll::Document;
use super::features::{
    local_features, lower_hash, Clusters, DocAttrs, FeatureConfig, LearnedGazetteer,
};
use super::model::{LabelSet, Model, Table};
use super::{GazetteerLookup, NerError};
pub use calibration::{calibrate, ece, span_confidences};
use instances::{dev_instances, training_instances, FeatureSources, Folds};
use perceptron::{run_perceptron, PerceptronRun};
use serde::Serialize;
use stage2::{train_stage2, Stage2Input};

/// Training settings. The default is 12 + 12 epochs, 5 folds, `min_count` 2 and dropout
/// 0.1; the `attache train` recipe is in [`crate::ner::recipe`].
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Stage-1 epochs; with dev data the best epoch's averaged weights are kept.
    pub epochs: usize,
    /// Stage-2 epochs (0 = no stage 2); with dev data the best epoch is kept.
    pub epochs2: usize,
    /// Seed of all randomness (shuffles, fold assignment, feature dropout): same seed, same
    /// model.
    pub seed: u64,
    /// Feature switches and table sizes (stored with the model).
    pub features: FeatureConfig,
    /// jackknife folds for stage-2 training data (>= 2)
    pub folds: usize,
    /// features seen fewer times than this in training are never updated
    pub min_count: u32,
    /// Word clusters for the cluster features (without them the features are off).
    pub clusters: Option<Clusters>,
    /// extra gazetteer entries (tokens, gazetteer class 0..8) added to every gazetteer;
    /// classes below the number of model types share bits with the learned types.
    pub gazetteer_extra: Vec<(Vec<String>, u8)>,
    /// auxiliary tagger whose labels become features (embedded in the model)
    pub aux: Option<Model>,
    /// probability of dropping each feature occurrence during a training step
    pub dropout: f32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 12,
            epochs2: 12,
            seed: 1,
            features: FeatureConfig::default(),
            folds: 5,
            min_count: 2,
            clusters: None,
            gazetteer_extra: Vec::new(),
            aux: None,
            dropout: 0.1,
        }
    }
}

/// Progress of one training epoch, passed to the log callback as it ends.
#[derive(Debug, Clone, Serialize)]
pub struct EpochReport {
    /// `stage1`, `jackknife<k>` or `stage2`.
    pub stage: String,
    /// 1-based epoch number within the stage.
    pub epoch: usize,
    /// F1 (fraction) of the averaged weights on dev after this epoch, when there is dev data.
    pub dev_f1: Option<f64>,
    /// Training tokens whose predicted label was wrong in this epoch.
    pub train_errors: usize,
    /// Wall time of the epoch, in seconds.
    pub seconds: f64,
}

/// What training did: per-epoch reports, chosen epochs, calibration results.
#[derive(Debug, Clone, Serialize, Default)]
pub struct TrainSummary {
    /// Every epoch of every stage, in order.
    pub epochs: Vec<EpochReport>,
    /// Stage-1 epoch kept (best on dev, else the last).
    pub best_epoch1: usize,
    /// Dev F1 (fraction) of the kept stage-1 epoch, when there is dev data.
    pub best_dev_f1_stage1: Option<f64>,
    /// Stage-2 epoch kept (best on dev, else the last); 0 without stage 2.
    pub best_epoch2: usize,
    /// Dev F1 (fraction) of the kept stage-2 epoch, when there is dev data.
    pub best_dev_f1_stage2: Option<f64>,
    /// Whether stage 2 is in the model (dropped when it does not beat stage 1 on dev).
    pub stage2_kept: bool,
    /// Calibration temperature fitted on dev (0 without dev data; the model then keeps 1).
    pub temperature: f32,
    /// Expected calibration error of span confidences on dev at temperature 1.
    pub dev_ece_before: Option<f64>,
    /// Expected calibration error of span confidences on dev at the fitted temperature.
    pub dev_ece_after: Option<f64>,
    /// Mean negative log-likelihood of span correctness on dev at the fitted temperature.
    pub dev_nll_after: Option<f64>,
    /// Number of predicted dev spans the calibration used.
    pub dev_spans: usize,
}

fn doc_refs(d: &Document) -> Vec<Vec<&str>> {
    d.token_refs()
}

fn gold_chunks(d: &Document, types: &[String]) -> Vec<Vec<(usize, usize, usize)>> {
    d.sentences
        .iter()
        .map(|s| {
            s.chunks
                .iter()
                .filter_map(|c| {
                    types
                        .iter()
                        .position(|t| *t == c.typ)
                        .map(|t| (c.start, c.end, t))
                })
                .collect()
        })
        .collect()
}

fn build_gazetteer(
    docs: &[&Document],
    types: &[String],
    extra: &[(Vec<String>, u8)],
) -> LearnedGazetteer {
    let mut g = LearnedGazetteer::default();
    let mut buf = String::new();
    for d in docs {
        for s in &d.sentences {
            for c in &s.chunks {
                if let Some(t) = types.iter().position(|x| *x == c.typ) {
                    let lws: Vec<u64> = s.tokens[c.start..c.end]
                        .iter()
                        .map(|w| lower_hash(w, &mut buf))
                        .collect();
                    g.insert(&lws, t);
                }
            }
        }
    }
    for (toks, class) in extra {
        let lws: Vec<u64> = toks.iter().map(|w| lower_hash(w, &mut buf)).collect();
        g.insert(&lws, *class as usize);
    }
    g
}

/// Hashed stage-1 features of a document: per sentence (offs, hashes).
fn doc_hashes(attrs: &DocAttrs) -> Vec<(Vec<u32>, Vec<u64>)> {
    let mut out = Vec::with_capacity(attrs.sents.len());
    for (si, &(_, n)) in attrs.sents.iter().enumerate() {
        let mut offs = vec![0u32];
        let mut hs = Vec::with_capacity(n * 80);
        for i in 0..n {
            local_features(attrs, si, i, &mut hs);
            offs.push(hs.len() as u32);
        }
        out.push((offs, hs));
    }
    out
}

/// Train with the default (no external gazetteer) setup.
pub fn train(
    train: &[Document],
    dev: Option<&[Document]>,
    cfg: &TrainConfig,
    mut log: impl FnMut(EpochReport),
) -> Result<Model, NerError> {
    train_with_gazetteer(train, dev, cfg, None, &mut log).map(|x| x.0)
}

/// Train a model on `train`, with optional `dev` data for epoch selection, the stage-2
/// decision and calibration, and an optional external gazetteer `ext` (tagging must then
/// use the same one). `log` gets every [`EpochReport`]. Errors when the training set is
/// empty, `bits` is outside 10..=26, or it does not have 1 to 8 entity types.
pub fn train_with_gazetteer(
    train: &[Document],
    dev: Option<&[Document]>,
    cfg: &TrainConfig,
    ext: Option<&dyn GazetteerLookup>,
    log: &mut dyn FnMut(EpochReport),
) -> Result<(Model, TrainSummary), NerError> {
    if train.is_empty() {
        return Err(NerError::Train("empty training set".into()));
    }
    let fcfg = feature_config(cfg, ext.is_some())?;
    let types = entity_types(train)?;
    let ls = LabelSet::new(types.clone());
    let folds = Folds::new(train.len(), cfg.folds, cfg.seed);
    let all_refs: Vec<&Document> = train.iter().collect();
    let gaz_full = build_gazetteer(&all_refs, &types, &cfg.gazetteer_extra);
    let fold_gaz = folds.gazetteers(train, &types, &cfg.gazetteer_extra);
    let empty_clusters = Clusters::default();
    let sources = FeatureSources {
        cfg: &fcfg,
        clusters: cfg.clusters.as_ref().unwrap_or(&empty_clusters),
        ext,
        train_cfg: cfg,
    };
    let train_set = training_instances(train, &sources, &folds, &fold_gaz, &types, &ls);
    let dev_set = dev
        .map(|dv| dev_instances(dv, &sources.extractor(&gaz_full), &types, &ls))
        .unwrap_or_default();
    let mut summary = TrainSummary::default();
    let zero_trans = vec![0f32; (ls.n + 1) * ls.n];
    let run1 = PerceptronRun {
        epochs: cfg.epochs,
        seed: cfg.seed,
        bits: fcfg.bits,
        ls: &ls,
        base_trans: &zero_trans,
        dropout: cfg.dropout,
    };
    let all_idx: Vec<usize> = (0..train_set.insts.len()).collect();
    let dev_opt = (!dev_set.insts.is_empty()).then_some(&dev_set.insts[..]);
    let (w1, best1, f1_1) = run_perceptron(
        "stage1",
        &train_set.insts,
        &all_idx,
        dev_opt,
        &run1,
        log,
        &mut summary.epochs,
    );
    summary.best_epoch1 = best1;
    summary.best_dev_f1_stage1 = f1_1;
    let mut model = Model {
        labels: ls.clone(),
        cfg: fcfg.clone(),
        gaz: gaz_full.clone(),
        clusters: sources.clusters.clone(),
        w1: Table::from_dense(&w1),
        w2: None,
        temperature: 1.0,
        fused: Default::default(),
        aux: cfg.aux.clone().map(Box::new),
    };
    if fcfg.stage2 && cfg.epochs2 > 0 {
        let input = Stage2Input {
            train: train_set,
            dev: dev_set,
            folds: &folds,
            run1,
            w1: &w1,
            best1,
            f1_1,
        };
        train_stage2(&mut model, input, cfg, &mut summary, log);
    }
    if let Some(dv) = dev {
        let cal = calibrate(&model, dv);
        model.temperature = cal.0;
        summary.temperature = cal.0;
        summary.dev_ece_before = Some(cal.1);
        summary.dev_ece_after = Some(cal.2);
        summary.dev_nll_after = Some(cal.3);
        summary.dev_spans = cal.4;
    }
    Ok((model, summary))
}

/// The model's feature switches: the configured ones, with the features whose data is
/// missing switched off.
fn feature_config(cfg: &TrainConfig, has_ext: bool) -> Result<FeatureConfig, NerError> {
    let mut fcfg = cfg.features.clone();
    // press features (`TrainConfig::features.ext_gazetteer`) need no lookup passed in
    fcfg.ext_gazetteer = has_ext || cfg.features.ext_gazetteer;
    fcfg.clusters = fcfg.clusters && cfg.clusters.is_some();
    fcfg.aux = cfg.aux.is_some();
    if !(10..=26).contains(&fcfg.bits) {
        return Err(NerError::Train("bits must be in 10..=26".into()));
    }
    Ok(fcfg)
}

/// The sorted entity types of the training set (1 to 8 of them).
fn entity_types(train: &[Document]) -> Result<Vec<String>, NerError> {
    let mut types: Vec<String> = train
        .iter()
        .flat_map(|d| {
            d.sentences
                .iter()
                .flat_map(|s| s.chunks.iter().map(|c| c.typ.clone()))
        })
        .collect();
    types.sort();
    types.dedup();
    if types.is_empty() || types.len() > 8 {
        return Err(NerError::Train(format!(
            "need 1..=8 entity types, found {}",
            types.len()
        )));
    }
    Ok(types)
}

/// Map a foreign entity type (GMB, CrossNER, CoNLL) to an extra gazetteer class 4..=7
/// (PER-like, ORG-like, LOC-like, MISC-like); `None` for types to ignore (e.g. time).
pub fn foreign_class(typ: &str) -> Option<u8> {
    // not a word list: the entity labels of the GMB, CrossNER and CoNLL corpora
    match typ.to_ascii_lowercase().as_str() {
        "per" | "person" | "politician" | "scientist" | "writer" | "musicalartist" => Some(4),
        "org" | "organisation" | "organization" | "politicalparty" | "university" | "band" => {
            Some(5)
        }
        "geo" | "loc" | "location" | "country" | "gpe" => Some(6),
        // not a word list: the corpora's MISC-like labels
        "misc" | "event" | "election" | "eve" | "art" | "nat" | "norp" => Some(7),
        _ => None,
    }
}

/// Collect gazetteer entries from annotated documents of another corpus.
pub fn gazetteer_entries(
    docs: &[Document],
    class_of: impl Fn(&str) -> Option<u8>,
) -> Vec<(Vec<String>, u8)> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for d in docs {
        for s in &d.sentences {
            for c in &s.chunks {
                if let Some(cl) = class_of(&c.typ) {
                    let toks: Vec<String> = s.tokens[c.start..c.end].to_vec();
                    if seen.insert((toks.clone(), cl)) {
                        out.push((toks, cl));
                    }
                }
            }
        }
    }
    out
}
