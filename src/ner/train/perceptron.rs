//! The averaged structured perceptron both stages train, over precomputed instances.

use super::EpochReport;
use crate::ner::hash::SplitMix64;
use crate::ner::model::{quantize, viterbi, LabelSet, Weights};
use std::time::Instant;

/// One training / dev sentence with precomputed feature buckets.
pub(super) struct Inst {
    pub offs: Vec<u32>,
    pub feats: Vec<u32>,
    pub gold: Vec<u8>,
    /// stage-2: base emissions from stage 1
    pub base: Vec<f32>,
    pub gold_chunks: Vec<(usize, usize, usize)>,
}

pub(super) struct Perceptron {
    pub n: usize,
    pub w: Weights,
    pub u: Vec<f64>,
    pub ut: Vec<f64>,
    pub c: f64,
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
    pub fn emissions(&self, inst: &Inst, out: &mut Vec<f32>) {
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
pub(super) fn eval_insts(
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

/// The settings of one perceptron training run.
#[derive(Clone, Copy)]
pub(super) struct PerceptronRun<'a> {
    pub epochs: usize,
    pub seed: u64,
    pub bits: u32,
    pub ls: &'a LabelSet,
    /// Transition scores added to the learned ones (stage 1's, for stage 2).
    pub base_trans: &'a [f32],
    pub dropout: f32,
}

/// Train a perceptron on the instances `idx`; with `dev`, the best epoch's averaged
/// weights are kept. Returns the weights, the epoch and its dev F1.
pub(super) fn run_perceptron(
    stage: &str,
    insts: &[Inst],
    idx: &[usize],
    dev: Option<&[Inst]>,
    run: &PerceptronRun,
    log: &mut dyn FnMut(EpochReport),
    reports: &mut Vec<EpochReport>,
) -> (Weights, usize, Option<f64>) {
    let PerceptronRun {
        epochs,
        seed,
        bits,
        ls,
        base_trans,
        dropout,
    } = *run;
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
