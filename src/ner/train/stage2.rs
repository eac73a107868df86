//! Stage 2: non-local features from stage-1 predictions over the whole document. On the
//! training set the stage-1 predictions come from jackknifed models (each fold tagged by
//! a model that never saw it), so stage 2 learns from predictions as noisy as at test time.

use super::instances::{Folds, InstSet};
use super::perceptron::{eval_insts, run_perceptron, Perceptron, PerceptronRun};
use super::{EpochReport, TrainConfig, TrainSummary};
use crate::ner::features::{bucket, NonLocal};
use crate::ner::model::{viterbi, LabelSet, Model, Table, Weights};

/// Stage-1 emissions and labels per training instance, each from the model trained
/// without the instance's fold.
fn jackknife(
    set: &InstSet,
    folds: &Folds,
    run: &PerceptronRun,
    summary: &mut TrainSummary,
    log: &mut dyn FnMut(EpochReport),
) -> (Vec<Vec<f32>>, Vec<Vec<u8>>) {
    let insts = &set.insts;
    let fold_of = |i: usize| folds.fold_of[set.inst_doc[i]];
    let mut base: Vec<Vec<f32>> = vec![Vec::new(); insts.len()];
    let mut s1: Vec<Vec<u8>> = vec![Vec::new(); insts.len()];
    for k in 0..folds.count {
        let idx: Vec<usize> = (0..insts.len()).filter(|&i| fold_of(i) != k).collect();
        let fold_run = PerceptronRun {
            seed: run.seed.wrapping_add(17 * (k as u64 + 1)),
            ..*run
        };
        let (wk, _, _) = run_perceptron(
            &format!("jackknife{k}"),
            insts,
            &idx,
            None,
            &fold_run,
            log,
            &mut summary.epochs,
        );
        let tr = wk.trans.clone();
        let pk = Perceptron {
            n: run.ls.n,
            w: wk,
            u: Vec::new(),
            ut: Vec::new(),
            c: 1.0,
        };
        for i in (0..insts.len()).filter(|&i| fold_of(i) == k) {
            let (mut e, mut y) = (Vec::new(), Vec::new());
            pk.emissions(&insts[i], &mut e);
            viterbi(&e, &tr, run.ls, &mut y);
            base[i] = e;
            s1[i] = y;
        }
    }
    (base, s1)
}

/// How stage-2 features join the instances: appended to the local ones (`full`, one
/// weight table) or replacing them, with stage 1's emissions kept as a base.
#[derive(Clone, Copy)]
struct Stage2Shape {
    full: bool,
    bits: u32,
}

/// Replace (or extend) every instance's features with its stage-2 features, computed
/// from the stage-1 labels `s1`; `base` holds the stage-1 emissions.
fn add_stage2_features(
    set: &mut InstSet,
    base: Vec<Vec<f32>>,
    s1: &[Vec<u8>],
    ls: &LabelSet,
    shape: Stage2Shape,
) {
    let mut hs = Vec::new();
    for (di, a) in set.attrs.iter().enumerate() {
        let f0 = set.doc_first[di];
        let ns = a.sents.len();
        let flat: Vec<u8> = s1[f0..f0 + ns].iter().flatten().copied().collect();
        let nl = NonLocal::new(a, &flat, ls.n);
        let mut k = 0;
        for si in 0..ns {
            let inst = &mut set.insts[f0 + si];
            let mut offs = vec![0u32];
            let mut feats = Vec::new();
            for i in 0..a.sents[si].1 {
                hs.clear();
                nl.features(a, &flat, si, i, k, &ls.label_type, &mut hs);
                feats.extend(hs.iter().map(|&h| bucket(h, shape.bits)));
                offs.push(feats.len() as u32);
                k += 1;
            }
            if shape.full {
                append_token_features(&mut inst.offs, &mut inst.feats, &offs, &feats);
            } else {
                inst.offs = offs;
                inst.feats = feats;
            }
        }
    }
    if !shape.full {
        for (inst, b) in set.insts.iter_mut().zip(base) {
            inst.base = b;
        }
    }
}

/// Append each token's `extra` buckets after its own ones.
fn append_token_features(
    offs: &mut Vec<u32>,
    feats: &mut Vec<u32>,
    extra_offs: &[u32],
    extra: &[u32],
) {
    let mut no = vec![0u32];
    let mut nf = Vec::with_capacity(feats.len() + extra.len());
    for t in 0..extra_offs.len() - 1 {
        nf.extend_from_slice(&feats[offs[t] as usize..offs[t + 1] as usize]);
        nf.extend_from_slice(&extra[extra_offs[t] as usize..extra_offs[t + 1] as usize]);
        no.push(nf.len() as u32);
    }
    *offs = no;
    *feats = nf;
}

/// What stage 2 starts from.
pub(super) struct Stage2Input<'a> {
    pub train: InstSet,
    pub dev: InstSet,
    pub folds: &'a Folds,
    /// Stage 1's run settings, its averaged weights and best epoch.
    pub run1: PerceptronRun<'a>,
    pub w1: &'a Weights,
    pub best1: usize,
    pub f1_1: Option<f64>,
}

/// Train stage 2 and keep it in `model` when it beats stage 1 on dev (or without dev).
pub(super) fn train_stage2(
    model: &mut Model,
    input: Stage2Input,
    cfg: &TrainConfig,
    summary: &mut TrainSummary,
    log: &mut dyn FnMut(EpochReport),
) {
    let Stage2Input {
        mut train,
        mut dev,
        folds,
        run1,
        w1,
        best1,
        f1_1,
    } = input;
    let jack_run = PerceptronRun {
        epochs: best1,
        ..run1
    };
    let (base, s1) = jackknife(&train, folds, &jack_run, summary, log);
    let fcfg = &model.cfg;
    let shape = Stage2Shape {
        full: fcfg.stage2_full,
        bits: if fcfg.stage2_full {
            fcfg.bits
        } else {
            fcfg.bits2
        },
    };
    add_stage2_features(&mut train, base, &s1, run1.ls, shape);
    if !dev.insts.is_empty() {
        let (_, dl, de) = eval_insts(w1, run1.base_trans, &dev.insts, run1.ls);
        add_stage2_features(&mut dev, de, &dl, run1.ls, shape);
    }
    let dev_opt = (!dev.insts.is_empty()).then_some(&dev.insts[..]);
    let w1t = if shape.full {
        run1.base_trans.to_vec()
    } else {
        model.w1.trans.clone()
    };
    let all_idx: Vec<usize> = (0..train.insts.len()).collect();
    let run2 = PerceptronRun {
        epochs: cfg.epochs2,
        seed: cfg.seed.wrapping_add(99),
        bits: shape.bits,
        base_trans: &w1t,
        ..run1
    };
    let (w2, best2, f1_2) = run_perceptron(
        "stage2",
        &train.insts,
        &all_idx,
        dev_opt,
        &run2,
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
