//! Decoding over the label lattice: Viterbi and forward-backward posteriors.

use super::*;

/// Reusable buffers for [`viterbi_with`].
#[derive(Debug, Default)]
pub struct ViterbiScratch {
    prev: Vec<f32>,
    cur: Vec<f32>,
    back: Vec<u8>,
    /// Each label's allowed predecessors and their transition weights.
    cand: Vec<(u32, f32)>,
    /// Where each label's predecessors start in `cand` (`n + 1` bounds).
    start: Vec<usize>,
}

/// Viterbi over emissions (`n_tok * n`), with hard BILOU constraints.
pub fn viterbi(emit: &[f32], trans: &[f32], ls: &LabelSet, out: &mut Vec<u8>) {
    viterbi_with(emit, trans, ls, out, &mut ViterbiScratch::default());
}

/// [`viterbi`] reusing the buffers of `scratch` (identical result).
pub fn viterbi_with(
    emit: &[f32],
    trans: &[f32],
    ls: &LabelSet,
    out: &mut Vec<u8>,
    scratch: &mut ViterbiScratch,
) {
    let n = ls.n;
    let t = emit.len() / n;
    out.clear();
    if t == 0 {
        return;
    }
    let neg = f32::NEG_INFINITY;
    let ViterbiScratch {
        prev,
        cur,
        back,
        cand,
        start,
    } = scratch;
    predecessors(ls, |p, y| trans[p * n + y], cand, start);
    prev.clear();
    prev.resize(n, neg);
    cur.clear();
    cur.resize(n, neg);
    back.clear();
    back.resize(t * n, 0);
    for y in 0..n {
        if ls.allowed[n * n + y] {
            prev[y] = emit[y] + trans[n * n + y];
        }
    }
    for i in 1..t {
        let em = &emit[i * n..i * n + n];
        let bk = &mut back[i * n..i * n + n];
        for y in 0..n {
            let mut best = neg;
            let mut arg = 0u8;
            // (a predecessor at -inf scores -inf, which never beats `best`:
            // no need to skip it)
            for &(p, w) in &cand[start[y]..start[y + 1]] {
                let s = prev[p as usize] + w;
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            cur[y] = best + em[y];
            bk[y] = arg;
        }
        std::mem::swap(prev, cur);
    }
    let last = &prev[..];
    let mut best = neg;
    let mut arg = 0usize;
    for (y, &v) in last.iter().enumerate() {
        if ls.end_ok[y] && v > best {
            best = v;
            arg = y;
        }
    }
    out.resize(t, 0);
    out[t - 1] = arg as u8;
    for i in (1..t).rev() {
        arg = back[i * n + arg] as usize;
        out[i - 1] = arg as u8;
    }
}

/// Each label `y`'s allowed predecessors `p` (in `ls.prevs` order) with
/// `weight(p, y)`, flat: `cand[start[y]..start[y + 1]]`. The decoders' inner
/// loops then read one short array per label, not a vector per label and a
/// column of the transition matrix; they visit the same pairs in the same
/// order, so their sums are unchanged bit for bit.
fn predecessors<T>(
    ls: &LabelSet,
    weight: impl Fn(usize, usize) -> T,
    cand: &mut Vec<(u32, T)>,
    start: &mut Vec<usize>,
) {
    flatten(&ls.prevs, ls.n, |y, p| weight(p, y), cand, start);
}

/// `lists[a]` (for `a < n`) with `weight(a, b)` for each `b` of it, flat, as
/// in [`predecessors`].
fn flatten<T>(
    lists: &[Vec<u8>],
    n: usize,
    weight: impl Fn(usize, usize) -> T,
    cand: &mut Vec<(u32, T)>,
    start: &mut Vec<usize>,
) {
    cand.clear();
    start.clear();
    start.push(0);
    for a in 0..n {
        let list = lists.get(a).map_or(&[][..], Vec::as_slice);
        cand.extend(list.iter().map(|&b| (b as u32, weight(a, b as usize))));
        start.push(cand.len());
    }
}

/// Forward-backward with scores divided by `temp`, in scaled probability space.
/// Returns per-token label marginals (`t * n`) and, through `span_prob`, lets callers
/// compute the probability of an exact labelled sub-path.
pub struct Posterior {
    /// Number of labels.
    pub n: usize,
    /// Scaled forward probabilities, `t * n`, normalised per token by `scale`.
    pub alpha: Vec<f64>,
    /// Scaled backward probabilities, `t * n`; with `alpha` the product is the marginal.
    pub beta: Vec<f64>,
    /// Emission factors `exp((emit - row max) / temp)`, `t * n`.
    pub psi: Vec<f64>,
    /// Per-token scaling factors of the forward pass.
    pub scale: Vec<f64>,
    /// Transition factors ([`Posterior::trans_factors`]), `(n + 1) * n`.
    pub tr: Vec<f64>,
}

impl Posterior {
    /// Forward-backward over one sentence's emissions `emit` (`t * n`) and transitions
    /// `trans` (`(n + 1) * n`, last row = start) at temperature `temp`.
    pub fn compute(emit: &[f32], trans: &[f32], ls: &LabelSet, temp: f32) -> Posterior {
        Self::compute_with(emit, Self::trans_factors(trans, ls, temp), ls, temp, 0)
    }

    /// `exp(trans / temp)` for allowed transitions, 0 otherwise (depends only on the
    /// model, so callers may compute it once and reuse it for every sentence).
    pub fn trans_factors(trans: &[f32], ls: &LabelSet, temp: f32) -> Vec<f64> {
        let n = ls.n;
        let inv = 1.0 / temp.max(1e-3) as f64;
        (0..(n + 1) * n)
            .map(|k| {
                if ls.allowed[k] {
                    ((trans[k] as f64) * inv).exp()
                } else {
                    0.0
                }
            })
            .collect()
    }

    /// As [`Posterior::compute`], with precomputed [`Posterior::trans_factors`].
    /// `beta` is only computed for tokens `beta_from..` (earlier rows stay 0), which is
    /// enough for [`Posterior::path_prob`] of sub-paths ending at or after `beta_from`;
    /// pass 0 for full marginals. Values that are computed are identical either way.
    pub fn compute_with(
        emit: &[f32],
        tr: Vec<f64>,
        ls: &LabelSet,
        temp: f32,
        beta_from: usize,
    ) -> Posterior {
        let n = ls.n;
        let t = emit.len() / n;
        let inv = 1.0 / temp.max(1e-3) as f64;
        let mut psi = vec![0.0f64; t * n];
        for i in 0..t {
            let row = &emit[i * n..i * n + n];
            let m = row.iter().cloned().fold(f32::NEG_INFINITY, f32::max) as f64;
            for y in 0..n {
                psi[i * n + y] = ((row[y] as f64 - m) * inv).exp();
            }
        }
        let mut alpha = vec![0.0f64; t * n];
        let mut scale = vec![1.0f64; t];
        let mut beta = vec![0.0f64; t * n];
        if t == 0 {
            return Posterior {
                n,
                alpha,
                beta,
                psi,
                scale,
                tr,
            };
        }
        for y in 0..n {
            alpha[y] = tr[n * n + y] * psi[y];
        }
        let s: f64 = alpha[..n].iter().sum();
        scale[0] = if s > 0.0 { s } else { 1.0 };
        for v in &mut alpha[..n] {
            *v /= scale[0];
        }
        // (the same products summed in the same order as over `ls.prevs`
        // and `ls.nexts` with the matrix, see `predecessors`)
        let (mut cand, mut start) = (Vec::new(), Vec::new());
        predecessors(ls, |p, y| tr[p * n + y], &mut cand, &mut start);
        for i in 1..t {
            for y in 0..n {
                let mut acc = 0.0;
                for &(p, w) in &cand[start[y]..start[y + 1]] {
                    acc += alpha[(i - 1) * n + p as usize] * w;
                }
                alpha[i * n + y] = acc * psi[i * n + y];
            }
            let s: f64 = alpha[i * n..i * n + n].iter().sum();
            scale[i] = if s > 0.0 { s } else { 1.0 };
            for v in &mut alpha[i * n..i * n + n] {
                *v /= scale[i];
            }
        }
        // end constraint: beta at last = end_ok, normalised by Z_end
        let zend: f64 = (0..n)
            .filter(|&y| ls.end_ok[y])
            .map(|y| alpha[(t - 1) * n + y])
            .sum();
        let zend = if zend > 0.0 { zend } else { 1.0 };
        for y in 0..n {
            beta[(t - 1) * n + y] = if ls.end_ok[y] { 1.0 / zend } else { 0.0 };
        }
        flatten(&ls.nexts, n, |p, y| tr[p * n + y], &mut cand, &mut start);
        for i in (beta_from.min(t - 1)..t - 1).rev() {
            let psi1 = &psi[(i + 1) * n..];
            let (here, beta1) = beta.split_at_mut((i + 1) * n);
            for p in 0..n {
                let mut acc = 0.0;
                for &(y, w) in &cand[start[p]..start[p + 1]] {
                    acc += w * psi1[y as usize] * beta1[y as usize];
                }
                here[i * n + p] = acc / scale[i + 1];
            }
        }
        Posterior {
            n,
            alpha,
            beta,
            psi,
            scale,
            tr,
        }
    }

    /// Marginal probability of label `y` at token `i`.
    pub fn marginal(&self, i: usize, y: usize) -> f64 {
        self.alpha[i * self.n + y] * self.beta[i * self.n + y]
    }

    /// Probability that tokens s..e carry exactly labels `ys` (a contiguous sub-path).
    pub fn path_prob(&self, s: usize, ys: &[u8]) -> f64 {
        let n = self.n;
        if ys.is_empty() || (s + ys.len()) * n > self.alpha.len() {
            return 0.0;
        }
        let mut p = self.alpha[s * n + ys[0] as usize];
        for k in 1..ys.len() {
            let i = s + k;
            p *= self.tr[ys[k - 1] as usize * n + ys[k] as usize]
                * self.psi[i * n + ys[k] as usize]
                / self.scale[i];
        }
        p * self.beta[(s + ys.len() - 1) * n + *ys.last().unwrap_or(&0) as usize]
    }
}
