//! Training: two-stage averaged structured perceptron.
//!
//! Stage 1 uses local + document-casing + cluster + gazetteer features. Stage 2 adds
//! non-local features computed from stage-1 predictions over the whole document; its
//! weights are added to stage-1 scores. To avoid train/test mismatch, stage-1 outputs on
//! the training set (and the learned gazetteer's matches) come from k-fold jackknifing.

use super::conll::Document;
use super::features::{
    bucket, local_features, lower_hash, Clusters, DocAttrs, Extractor, FeatureConfig,
    LearnedGazetteer, NonLocal,
};
use super::hash::{IdMap, SplitMix64};
use super::model::{quantize, viterbi, LabelSet, Model, Posterior, Table, Weights};
use super::{GazetteerLookup, NerError};
use serde::Serialize;
use std::time::Instant;

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

/// One training / dev sentence with precomputed feature buckets.
struct Inst {
    offs: Vec<u32>,
    feats: Vec<u32>,
    gold: Vec<u8>,
    /// stage-2: base emissions from stage 1
    base: Vec<f32>,
    gold_chunks: Vec<(usize, usize, usize)>,
}

struct Perceptron {
    n: usize,
    w: Weights,
    u: Vec<f64>,
    ut: Vec<f64>,
    c: f64,
}

impl Perceptron {
    fn new(bits: u32, n: usize) -> Self {
        Perceptron {
            n,
            w: Weights::zeros(bits, n),
            u: vec![0.0; (1usize << bits) * n],
            ut: vec![0.0; (n + 1) * n],
            c: 1.0,
        }
    }
    fn emissions(&self, inst: &Inst, out: &mut Vec<f32>) {
        let n = self.n;
        let t = inst.gold.len();
        out.clear();
        if inst.base.is_empty() {
            out.resize(t * n, 0.0);
        } else {
            out.extend_from_slice(&inst.base);
        }
        for i in 0..t {
            let f = &inst.feats[inst.offs[i] as usize..inst.offs[i + 1] as usize];
            self.w.add_rows(f, &mut out[i * n..i * n + n]);
        }
    }
    /// Returns number of token errors.
    #[allow(clippy::too_many_arguments)]
    fn step(
        &mut self,
        inst0: &Inst,
        dropout: f32,
        rng: &mut SplitMix64,
        ls: &LabelSet,
        base_trans: &[f32],
        e: &mut Vec<f32>,
        y: &mut Vec<u8>,
    ) -> usize {
        let n = self.n;
        let dropped;
        let inst = if dropout > 0.0 {
            let thr = (dropout as f64 * u64::MAX as f64) as u64;
            let mut offs = vec![0u32];
            let mut feats = Vec::with_capacity(inst0.feats.len());
            for i in 0..inst0.gold.len() {
                for &f in &inst0.feats[inst0.offs[i] as usize..inst0.offs[i + 1] as usize] {
                    if rng.next_u64() >= thr {
                        feats.push(f);
                    }
                }
                offs.push(feats.len() as u32);
            }
            dropped = Inst {
                offs,
                feats,
                gold: inst0.gold.clone(),
                base: inst0.base.clone(),
                gold_chunks: Vec::new(),
            };
            &dropped
        } else {
            inst0
        };
        self.emissions(inst, e);
        let tr: Vec<f32> = self
            .w
            .trans
            .iter()
            .zip(base_trans)
            .map(|(a, b)| a + b)
            .collect();
        viterbi(e, &tr, ls, y);
        let mut errs = 0;
        let c = self.c;
        if y[..] != inst.gold[..] {
            for i in 0..inst.gold.len() {
                let (g, p) = (inst.gold[i] as usize, y[i] as usize);
                if g != p {
                    errs += 1;
                    for &f in &inst.feats[inst.offs[i] as usize..inst.offs[i + 1] as usize] {
                        let k = f as usize * n;
                        self.w.emit[k + g] += 1.0;
                        self.u[k + g] += c;
                        self.w.emit[k + p] -= 1.0;
                        self.u[k + p] -= c;
                    }
                }
                let pg = if i == 0 { n } else { inst.gold[i - 1] as usize };
                let pp = if i == 0 { n } else { y[i - 1] as usize };
                if pg != pp || g != p {
                    self.w.trans[pg * n + g] += 1.0;
                    self.ut[pg * n + g] += c;
                    self.w.trans[pp * n + p] -= 1.0;
                    self.ut[pp * n + p] -= c;
                }
            }
        }
        self.c += 1.0;
        errs
    }
    fn averaged(&self) -> Weights {
        let c = self.c;
        let mut w = self.w.clone();
        for (x, &u) in w.emit.iter_mut().zip(&self.u) {
            if *x != 0.0 || u != 0.0 {
                *x = (*x as f64 - u / c) as f32;
            }
        }
        for (x, &u) in w.trans.iter_mut().zip(&self.ut) {
            *x = (*x as f64 - u / c) as f32;
        }
        quantize(&mut w);
        w
    }
}

fn chunk_f1(
    gold: &[(usize, usize, usize)],
    pred: &[(usize, usize, usize)],
    acc: &mut (usize, usize, usize),
) {
    acc.1 += pred.len();
    acc.2 += gold.len();
    acc.0 += pred.iter().filter(|p| gold.contains(p)).count();
}

fn f1_of(acc: (usize, usize, usize)) -> f64 {
    crate::eval::ratios(acc.0, acc.1, acc.2).2
}

/// Decode instances with weights `w` (+ base); returns F1 and per-instance labels / emissions.
fn eval_insts(
    w: &Weights,
    base_trans: &[f32],
    insts: &[Inst],
    ls: &LabelSet,
) -> (f64, Vec<Vec<u8>>, Vec<Vec<f32>>) {
    let p = Perceptron {
        n: ls.n,
        w: w.clone(),
        u: Vec::new(),
        ut: Vec::new(),
        c: 1.0,
    };
    let tr: Vec<f32> = w.trans.iter().zip(base_trans).map(|(a, b)| a + b).collect();
    let mut acc = (0, 0, 0);
    let mut labels = Vec::with_capacity(insts.len());
    let mut emits = Vec::with_capacity(insts.len());
    for inst in insts {
        let mut e = Vec::new();
        let mut y = Vec::new();
        p.emissions(inst, &mut e);
        viterbi(&e, &tr, ls, &mut y);
        chunk_f1(&inst.gold_chunks, &ls.chunks(&y), &mut acc);
        labels.push(y);
        emits.push(e);
    }
    (f1_of(acc), labels, emits)
}

/// Train perceptron on `train` instance indices; optional dev selection.
#[allow(clippy::too_many_arguments)]
fn run_perceptron(
    stage: &str,
    insts: &[Inst],
    idx: &[usize],
    dev: Option<&[Inst]>,
    epochs: usize,
    seed: u64,
    bits: u32,
    ls: &LabelSet,
    base_trans: &[f32],
    dropout: f32,
    log: &mut dyn FnMut(EpochReport),
    reports: &mut Vec<EpochReport>,
) -> (Weights, usize, Option<f64>) {
    let mut p = Perceptron::new(bits, ls.n);
    let mut order = idx.to_vec();
    let mut rng = SplitMix64(seed);
    let mut drng = SplitMix64(seed ^ 0xD409);
    let mut best: Option<(f64, usize, Weights)> = None;
    let (mut e, mut y) = (Vec::new(), Vec::new());
    for ep in 1..=epochs {
        let t0 = Instant::now();
        rng.shuffle(&mut order);
        let mut errs = 0;
        for &i in &order {
            errs += p.step(
                &insts[i], dropout, &mut drng, ls, base_trans, &mut e, &mut y,
            );
        }
        let mut dev_f1 = None;
        if let Some(d) = dev {
            let w = p.averaged();
            let (f, _, _) = eval_insts(&w, base_trans, d, ls);
            dev_f1 = Some(f);
            if best.as_ref().is_none_or(|b| f > b.0) {
                best = Some((f, ep, w));
            }
        }
        let r = EpochReport {
            stage: stage.to_string(),
            epoch: ep,
            dev_f1,
            train_errors: errs,
            seconds: t0.elapsed().as_secs_f64(),
        };
        log(r.clone());
        reports.push(r);
    }
    match best {
        Some((f, ep, w)) => (w, ep, Some(f)),
        None => (p.averaged(), epochs, None),
    }
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
    let mut fcfg = cfg.features.clone();
    fcfg.ext_gazetteer = ext.is_some();
    fcfg.clusters = fcfg.clusters && cfg.clusters.is_some();
    fcfg.aux = cfg.aux.is_some();
    let bits = fcfg.bits;
    if !(10..=26).contains(&bits) {
        return Err(NerError::Train("bits must be in 10..=26".into()));
    }
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
    let ls = LabelSet::new(types.clone());
    let n = ls.n;
    let folds = cfg.folds.max(2).min(train.len().max(2));
    // fold assignment (seeded)
    let mut doc_order: Vec<usize> = (0..train.len()).collect();
    SplitMix64(cfg.seed ^ 0xF01D).shuffle(&mut doc_order);
    let mut fold_of = vec![0usize; train.len()];
    for (k, &d) in doc_order.iter().enumerate() {
        fold_of[d] = k % folds;
    }
    let all_refs: Vec<&Document> = train.iter().collect();
    let gaz_full = build_gazetteer(&all_refs, &types, &cfg.gazetteer_extra);
    let fold_gaz: Vec<LearnedGazetteer> = (0..folds)
        .map(|k| {
            let ds: Vec<&Document> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| fold_of[*i] != k)
                .map(|x| x.1)
                .collect();
            build_gazetteer(&ds, &types, &cfg.gazetteer_extra)
        })
        .collect();
    let empty_clusters = Clusters::default();
    let clusters = cfg.clusters.as_ref().unwrap_or(&empty_clusters);

    // --- stage-1 features for training docs
    let mut train_attrs = Vec::with_capacity(train.len());
    let mut train_hashes = Vec::with_capacity(train.len());
    for (di, d) in train.iter().enumerate() {
        let ex = Extractor {
            cfg: &fcfg,
            gaz: Some(&fold_gaz[fold_of[di]]),
            clusters: Some(clusters),
            ext,
            aux: cfg.aux.as_ref(),
        };
        let a = ex.doc_attrs(&doc_refs(d));
        train_hashes.push(doc_hashes(&a));
        train_attrs.push(a);
    }
    let mut counts: IdMap<u32> = IdMap::default();
    for dh in &train_hashes {
        for (_, hs) in dh {
            for &h in hs {
                *counts.entry(h).or_insert(0) += 1;
            }
        }
    }
    let keep = |h: &u64| counts.get(h).copied().unwrap_or(0) >= cfg.min_count;
    let mut insts: Vec<Inst> = Vec::new();
    let mut inst_doc: Vec<usize> = Vec::new();
    let mut doc_first_inst = Vec::with_capacity(train.len());
    for (di, d) in train.iter().enumerate() {
        doc_first_inst.push(insts.len());
        let gc = gold_chunks(d, &types);
        for (si, (offs, hs)) in train_hashes[di].iter().enumerate() {
            let mut noffs = vec![0u32];
            let mut feats = Vec::with_capacity(hs.len());
            for i in 0..offs.len() - 1 {
                feats.extend(
                    hs[offs[i] as usize..offs[i + 1] as usize]
                        .iter()
                        .filter(|h| keep(h))
                        .map(|&h| bucket(h, bits)),
                );
                noffs.push(feats.len() as u32);
            }
            let ntok = offs.len() - 1;
            insts.push(Inst {
                offs: noffs,
                feats,
                gold: ls.encode(ntok, &gc[si]),
                base: Vec::new(),
                gold_chunks: gc[si].clone(),
            });
            inst_doc.push(di);
        }
    }
    drop(train_hashes);
    drop(counts);
    // --- dev features (full gazetteer)
    let ex_full = Extractor {
        cfg: &fcfg,
        gaz: Some(&gaz_full),
        clusters: Some(clusters),
        ext,
        aux: cfg.aux.as_ref(),
    };
    let mut dev_insts: Vec<Inst> = Vec::new();
    let mut dev_attrs = Vec::new();
    let mut dev_doc_first = Vec::new();
    if let Some(dv) = dev {
        for d in dv {
            dev_doc_first.push(dev_insts.len());
            let a = ex_full.doc_attrs(&doc_refs(d));
            let gc = gold_chunks(d, &types);
            for (si, (offs, hs)) in doc_hashes(&a).into_iter().enumerate() {
                let ntok = offs.len() - 1;
                dev_insts.push(Inst {
                    offs,
                    feats: hs.iter().map(|&h| bucket(h, bits)).collect(),
                    gold: ls.encode(ntok, &gc[si]),
                    base: Vec::new(),
                    gold_chunks: gc[si].clone(),
                });
            }
            dev_attrs.push(a);
        }
    }
    let dev_opt = if dev_insts.is_empty() {
        None
    } else {
        Some(&dev_insts[..])
    };
    let mut summary = TrainSummary::default();
    let zero_trans = vec![0f32; (n + 1) * n];
    let all_idx: Vec<usize> = (0..insts.len()).collect();
    let (w1, best1, f1_1) = run_perceptron(
        "stage1",
        &insts,
        &all_idx,
        dev_opt,
        cfg.epochs,
        cfg.seed,
        bits,
        &ls,
        &zero_trans,
        cfg.dropout,
        log,
        &mut summary.epochs,
    );
    summary.best_epoch1 = best1;
    summary.best_dev_f1_stage1 = f1_1;
    let mut model = Model {
        labels: ls.clone(),
        cfg: fcfg.clone(),
        gaz: gaz_full.clone(),
        clusters: clusters.clone(),
        w1: Table::from_dense(&w1),
        w2: None,
        temperature: 1.0,
        fused: Default::default(),
        aux: cfg.aux.clone().map(Box::new),
    };
    if fcfg.stage2 && cfg.epochs2 > 0 {
        // jackknife stage-1 outputs on training data
        let mut base: Vec<Vec<f32>> = vec![Vec::new(); insts.len()];
        let mut s1: Vec<Vec<u8>> = vec![Vec::new(); insts.len()];
        for k in 0..folds {
            let idx: Vec<usize> = (0..insts.len())
                .filter(|&i| fold_of[inst_doc[i]] != k)
                .collect();
            let (wk, _, _) = run_perceptron(
                &format!("jackknife{k}"),
                &insts,
                &idx,
                None,
                best1,
                cfg.seed.wrapping_add(17 * (k as u64 + 1)),
                bits,
                &ls,
                &zero_trans,
                cfg.dropout,
                log,
                &mut summary.epochs,
            );
            let held: Vec<usize> = (0..insts.len())
                .filter(|&i| fold_of[inst_doc[i]] == k)
                .collect();
            let tr = wk.trans.clone();
            let pk = Perceptron {
                n,
                w: wk,
                u: Vec::new(),
                ut: Vec::new(),
                c: 1.0,
            };
            for &i in &held {
                let (mut e, mut y) = (Vec::new(), Vec::new());
                pk.emissions(&insts[i], &mut e);
                viterbi(&e, &tr, &ls, &mut y);
                base[i] = e;
                s1[i] = y;
            }
        }
        let full = fcfg.stage2_full;
        let b2 = if full { bits } else { fcfg.bits2 };
        let mk_stage2 = |insts: &mut [Inst],
                         attrs: &[DocAttrs],
                         first: &[usize],
                         base: Vec<Vec<f32>>,
                         s1: &[Vec<u8>]| {
            let mut hs = Vec::new();
            for (di, a) in attrs.iter().enumerate() {
                let f0 = first[di];
                let ns = a.sents.len();
                let flat: Vec<u8> = s1[f0..f0 + ns].iter().flatten().copied().collect();
                let nl = NonLocal::new(a, &flat, n);
                let mut k = 0;
                for si in 0..ns {
                    let inst = &mut insts[f0 + si];
                    let mut offs = vec![0u32];
                    let mut feats = Vec::new();
                    for i in 0..a.sents[si].1 {
                        hs.clear();
                        nl.features(a, &flat, si, i, k, &ls.label_type, &mut hs);
                        feats.extend(hs.iter().map(|&h| bucket(h, b2)));
                        offs.push(feats.len() as u32);
                        k += 1;
                    }
                    if full {
                        // append non-local buckets to each token's local buckets
                        let mut no = vec![0u32];
                        let mut nf = Vec::with_capacity(inst.feats.len() + feats.len());
                        for t in 0..offs.len() - 1 {
                            nf.extend_from_slice(
                                &inst.feats[inst.offs[t] as usize..inst.offs[t + 1] as usize],
                            );
                            nf.extend_from_slice(&feats[offs[t] as usize..offs[t + 1] as usize]);
                            no.push(nf.len() as u32);
                        }
                        inst.offs = no;
                        inst.feats = nf;
                    } else {
                        inst.offs = offs;
                        inst.feats = feats;
                    }
                }
            }
            if !full {
                for (inst, b) in insts.iter_mut().zip(base) {
                    inst.base = b;
                }
            }
        };
        mk_stage2(&mut insts, &train_attrs, &doc_first_inst, base, &s1);
        if !dev_insts.is_empty() {
            let (_, dl, de) = eval_insts(&w1, &zero_trans, &dev_insts, &ls);
            mk_stage2(&mut dev_insts, &dev_attrs, &dev_doc_first, de, &dl);
        }
        let dev_opt = if dev_insts.is_empty() {
            None
        } else {
            Some(&dev_insts[..])
        };
        let w1t = if full {
            zero_trans.clone()
        } else {
            model.w1.trans.clone()
        };
        let (w2, best2, f1_2) = run_perceptron(
            "stage2",
            &insts,
            &all_idx,
            dev_opt,
            cfg.epochs2,
            cfg.seed.wrapping_add(99),
            b2,
            &ls,
            &w1t,
            cfg.dropout,
            log,
            &mut summary.epochs,
        );
        summary.best_epoch2 = best2;
        summary.best_dev_f1_stage2 = f1_2;
        let keep2 = match (f1_1, f1_2) {
            (Some(a), Some(b)) => b > a,
            _ => true,
        };
        summary.stage2_kept = keep2;
        if keep2 {
            model.w2 = Some(Table::from_dense(&w2));
        }
    }
    // calibration on dev
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

/// Span confidences (at temperature `t`) and correctness for every predicted span.
pub fn span_confidences(model: &Model, docs: &[Document], temps: &[f32]) -> Vec<(Vec<f32>, bool)> {
    let tr = model.combined_trans();
    let mut out = Vec::new();
    for d in docs {
        let refs = d.token_refs();
        let dec = model.decode(&refs, None);
        let gc = gold_chunks(d, model.types());
        for (si, (e, y)) in dec.emit.iter().zip(&dec.labels).enumerate() {
            let posts: Vec<Posterior> = temps
                .iter()
                .map(|&t| Posterior::compute(e, &tr, &model.labels, t))
                .collect();
            for c in model.labels.chunks(y) {
                let ok = gc[si].contains(&c);
                let ps = posts
                    .iter()
                    .map(|p| p.path_prob(c.0, &y[c.0..c.1]).clamp(0.0, 1.0) as f32)
                    .collect();
                out.push((ps, ok));
            }
        }
    }
    out
}

/// Expected calibration error with 10 equal-width bins.
pub fn ece(conf: &[(f32, bool)]) -> f64 {
    let mut bins = [(0f64, 0f64, 0usize); 10];
    for &(c, ok) in conf {
        let b = ((c * 10.0) as usize).min(9);
        bins[b].0 += c as f64;
        bins[b].1 += ok as u8 as f64;
        bins[b].2 += 1;
    }
    let n = conf.len().max(1) as f64;
    bins.iter()
        .filter(|b| b.2 > 0)
        .map(|b| (b.0 - b.1).abs() / n)
        .sum()
}

/// Fit the temperature on dev by minimising span-level NLL of "span is correct".
/// Returns (T, ECE at T=1, ECE at T, NLL at T, number of spans).
pub fn calibrate(model: &Model, dev: &[Document]) -> (f32, f64, f64, f64, usize) {
    let temps: Vec<f32> = (0..90)
        .map(|k| 0.1 * (1.1f32).powi(k))
        .chain(std::iter::once(1.0))
        .collect();
    let sc = span_confidences(model, dev, &temps);
    let nll = |ti: usize| -> f64 {
        sc.iter()
            .map(|(ps, ok)| {
                let p = (ps[ti] as f64).clamp(1e-6, 1.0 - 1e-6);
                if *ok {
                    -p.ln()
                } else {
                    -(1.0 - p).ln()
                }
            })
            .sum::<f64>()
            / sc.len().max(1) as f64
    };
    let mut best = (f64::INFINITY, temps.len() - 1);
    for ti in 0..temps.len() {
        let v = nll(ti);
        if v < best.0 {
            best = (v, ti);
        }
    }
    let at = |ti: usize| -> Vec<(f32, bool)> { sc.iter().map(|(ps, ok)| (ps[ti], *ok)).collect() };
    let e1 = ece(&at(temps.len() - 1));
    let e2 = ece(&at(best.1));
    (temps[best.1], e1, e2, best.0, sc.len())
}
