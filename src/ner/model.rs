//! Model: weights, Viterbi / forward-backward decoding, calibrated confidences, the
//! tagging API and the binary format.

use super::features::{
    bucket, local_features, Clusters, DocAttrs, Extractor, FeatureConfig, LearnedGazetteer,
    NonLocal,
};
use super::hash::IdMap;
use super::{GazetteerLookup, NerError};
use crate::cache::prefetch;
use serde::{Deserialize, Serialize};

/// First 8 bytes of a model file.
pub const MAGIC: &[u8; 8] = b"ATTNER\0\x01";
/// Model file format version; [`Model::from_bytes`] accepts only this one.
pub const VERSION: u32 = 1;

/// Label layout: 0 = O, then for type t: 1 + 4t + {B=0, I=1, L=2, U=3}.
#[derive(Debug, Clone)]
pub struct LabelSet {
    /// Entity types, in type-index order (e.g. the CoNLL types).
    pub types: Vec<String>,
    /// Number of labels: `1 + 4 * types.len()`.
    pub n: usize,
    /// allowed[(prev)*n + y], prev == n is the sentence start
    pub allowed: Vec<bool>,
    /// `end_ok[y]`: a sentence may end with label `y` (O, L or U).
    pub end_ok: Vec<bool>,
    /// 0 for O, 1 + type index otherwise
    pub label_type: Vec<u8>,
    /// for each label, the allowed previous labels (excluding the start state)
    pub prevs: Vec<Vec<u8>>,
    /// for each label, the allowed next labels
    pub nexts: Vec<Vec<u8>>,
}

impl LabelSet {
    /// Label set for `types`, with the BILOU transition constraints: inside a chunk (after B
    /// or I) only I or L of the same type may follow; elsewhere only O, B or U.
    pub fn new(types: Vec<String>) -> LabelSet {
        let n = 1 + 4 * types.len();
        let mut allowed = vec![false; (n + 1) * n];
        let pos = |y: usize| if y == 0 { 4 } else { (y - 1) % 4 };
        let ty = |y: usize| if y == 0 { usize::MAX } else { (y - 1) / 4 };
        for prev in 0..=n {
            for y in 0..n {
                let open = prev < n && matches!(pos(prev), 0 | 1); // B or I
                allowed[prev * n + y] = if open {
                    matches!(pos(y), 1 | 2) && ty(y) == ty(prev)
                } else {
                    matches!(pos(y), 4 | 0 | 3)
                };
            }
        }
        let end_ok = (0..n).map(|y| matches!(pos(y), 2..=4)).collect();
        let label_type = (0..n)
            .map(|y| if y == 0 { 0 } else { (1 + (y - 1) / 4) as u8 })
            .collect();
        let prevs = (0..n)
            .map(|y| {
                (0..n)
                    .filter(|&p| allowed[p * n + y])
                    .map(|p| p as u8)
                    .collect()
            })
            .collect();
        let nexts = (0..n)
            .map(|p| {
                (0..n)
                    .filter(|&y| allowed[p * n + y])
                    .map(|y| y as u8)
                    .collect()
            })
            .collect();
        LabelSet {
            types,
            n,
            allowed,
            end_ok,
            label_type,
            prevs,
            nexts,
        }
    }
    /// Encode chunks `(start, end, type index)` (end exclusive) of a sentence of `n_tokens`
    /// tokens as BILOU labels. Empty or out-of-range chunks are skipped; chunks are assumed
    /// not to overlap.
    pub fn encode(&self, n_tokens: usize, chunks: &[(usize, usize, usize)]) -> Vec<u8> {
        let mut y = vec![0u8; n_tokens];
        for &(s, e, t) in chunks {
            if e <= s || e > n_tokens {
                continue;
            }
            let base = 1 + 4 * t;
            if e - s == 1 {
                y[s] = (base + 3) as u8;
            } else {
                y[s] = base as u8;
                for v in &mut y[s + 1..e - 1] {
                    *v = (base + 1) as u8;
                }
                y[e - 1] = (base + 2) as u8;
            }
        }
        y
    }
    /// Decode a (valid) BILOU label sequence into chunks (start, end, type index).
    pub fn chunks(&self, y: &[u8]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, &l) in y.iter().enumerate() {
            let l = l as usize;
            if l == 0 {
                start = None;
                continue;
            }
            let (p, t) = ((l - 1) % 4, (l - 1) / 4);
            match p {
                0 => start = Some(i),
                2 => {
                    if let Some(s) = start.take() {
                        out.push((s, i + 1, t));
                    }
                }
                3 => {
                    start = None;
                    out.push((i, i + 1, t));
                }
                _ => {}
            }
        }
        out
    }
}

/// One weight table: emission rows per hash bucket plus transitions.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    /// log2 of the number of hash buckets.
    pub bits: u32,
    /// Number of labels (row width).
    pub n: usize,
    /// Emission weights, `2^bits` rows of `n` (row = feature bucket).
    pub emit: Vec<f32>,
    /// (n + 1) * n, row n = start
    pub trans: Vec<f32>,
}

impl Weights {
    /// All-zero table of `2^bits` buckets for `n` labels.
    pub fn zeros(bits: u32, n: usize) -> Weights {
        Weights {
            bits,
            n,
            emit: vec![0.0; (1usize << bits) * n],
            trans: vec![0.0; (n + 1) * n],
        }
    }
    /// Add the emission rows of the feature buckets `feats` to the label scores `out`.
    #[inline]
    pub fn add_rows(&self, feats: &[u32], out: &mut [f32]) {
        let n = self.n;
        for &f in feats {
            let row = &self.emit[f as usize * n..f as usize * n + n];
            for (o, w) in out.iter_mut().zip(row) {
                *o += *w;
            }
        }
    }
}

/// Compact inference table. A bitmap marks the non-zero buckets; a per-word rank array
/// turns a bucket into its row number (succinct rank: ~0.19 bytes per bucket, so the
/// lookup structure stays cache-resident). Rows are quantised exactly as in the file:
/// an f32 scale (LE) then `n` i8 values, in bucket order.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// log2 of the number of hash buckets.
    pub bits: u32,
    /// Number of labels (row width).
    pub n: usize,
    /// Bit `b` set when bucket `b` has a stored (non-zero) row; one bit per bucket.
    pub bitmap: Vec<u64>,
    /// Per bitmap word: number of stored rows before it (prefix popcount).
    pub rank: Vec<u32>,
    /// rows of `4 + n` bytes
    pub data: Vec<u8>,
    /// (n + 1) * n, row n = start
    pub trans: Vec<f32>,
}

impl Table {
    /// Bytes per stored row: the f32 scale and `n` i8 weights.
    pub fn stride(&self) -> usize {
        4 + self.n
    }
    fn build_rank(bitmap: &[u64]) -> Vec<u32> {
        let mut acc = 0u32;
        bitmap
            .iter()
            .map(|w| {
                let r = acc;
                acc += w.count_ones();
                r
            })
            .collect()
    }
    /// Number of stored rows.
    pub fn rows(&self) -> usize {
        self.data.len() / self.stride()
    }
    /// Quantise a dense table: each non-zero row is stored as scale = max |w| / 127 and
    /// `round(w / scale)` as i8; all-zero rows are dropped. Transitions are kept as f32.
    pub fn from_dense(w: &Weights) -> Table {
        let n = w.n;
        let mut bitmap = vec![0u64; (1usize << w.bits).div_ceil(64)];
        let mut data = Vec::new();
        for (b, row) in w.emit.chunks(n).enumerate() {
            let m = row.iter().fold(0f32, |a, &x| a.max(x.abs()));
            if m > 0.0 {
                bitmap[b / 64] |= 1 << (b % 64);
                let scale = m / 127.0;
                data.extend_from_slice(&scale.to_le_bytes());
                data.extend(
                    row.iter()
                        .map(|&x| (x / scale).round().clamp(-127.0, 127.0) as i8 as u8),
                );
            }
        }
        let rank = Self::build_rank(&bitmap);
        Table {
            bits: w.bits,
            n,
            bitmap,
            rank,
            data,
            trans: w.trans.clone(),
        }
    }
    /// Dense (de-quantised) copy, e.g. for averaging models.
    pub fn to_dense(&self) -> Weights {
        let mut w = Weights::zeros(self.bits, self.n);
        w.trans.clone_from(&self.trans);
        let st = self.stride();
        let mut r = 0usize;
        for (wi, &word) in self.bitmap.iter().enumerate() {
            let mut u = word;
            while u != 0 {
                let b = u.trailing_zeros() as usize;
                u &= u - 1;
                let row = &self.data[r * st..(r + 1) * st];
                r += 1;
                let scale = f32::from_le_bytes([row[0], row[1], row[2], row[3]]);
                let bucket = wi * 64 + b;
                for (o, &q) in w.emit[bucket * self.n..(bucket + 1) * self.n]
                    .iter_mut()
                    .zip(&row[4..])
                {
                    *o = scale * (q as i8) as f32;
                }
            }
        }
        w
    }
    #[inline]
    fn row_of(&self, f: u32) -> Option<usize> {
        let (wi, b) = ((f >> 6) as usize, f & 63);
        let word = *self.bitmap.get(wi)?;
        if (word >> b) & 1 == 0 {
            return None;
        }
        Some(self.rank[wi] as usize + (word & ((1u64 << b) - 1)).count_ones() as usize)
    }
    /// Drop rows whose largest |weight| is below `thr`; returns the number dropped.
    pub fn prune(&mut self, thr: f32) -> usize {
        let st = self.stride();
        let mut data = Vec::with_capacity(self.data.len());
        let mut dropped = 0;
        let mut r = 0usize;
        for wi in 0..self.bitmap.len() {
            let mut word = self.bitmap[wi];
            let mut keep = word;
            while word != 0 {
                let b = word.trailing_zeros();
                word &= word - 1;
                let row = &self.data[r * st..(r + 1) * st];
                r += 1;
                let scale = f32::from_le_bytes([row[0], row[1], row[2], row[3]]);
                if scale * 127.0 < thr {
                    keep &= !(1u64 << b);
                    dropped += 1;
                } else {
                    data.extend_from_slice(row);
                }
            }
            self.bitmap[wi] = keep;
        }
        self.data = data;
        self.rank = Self::build_rank(&self.bitmap);
        dropped
    }
    /// Add the de-quantised emission rows of the feature buckets `feats` to the label scores
    /// `out`. Buckets without a row are skipped; at most 256 rows are added.
    #[inline]
    pub fn add_rows(&self, feats: &[u32], out: &mut [f32]) {
        let st = self.stride();
        // pass 1: resolve rows and prefetch them (the rows are the cache misses)
        // (independent loads of each row's first byte: the CPU overlaps the misses)
        let mut rows = [0u32; 256];
        let mut k = 0;
        let mut touch = 0u8;
        for &f in feats {
            match self.row_of(f) {
                Some(r) if k < rows.len() => {
                    rows[k] = r as u32;
                    k += 1;
                    touch ^= self.data[r * st];
                }
                _ => {}
            }
        }
        std::hint::black_box(touch);
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2 (checked just above).
            unsafe { self.add_resolved_avx2(&rows[..k], out) };
            return;
        }
        self.add_resolved(&rows[..k], out);
    }

    /// [`Table::add_resolved`] compiled for AVX2 (see
    /// [`Fused::accumulate`]: the same sums, bit for bit).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn add_resolved_avx2(&self, rows: &[u32], out: &mut [f32]) {
        self.add_resolved(rows, out);
    }

    /// Adds the stored rows `rows` (row numbers), in order, to `out`.
    #[inline(always)]
    fn add_resolved(&self, rows: &[u32], out: &mut [f32]) {
        let st = self.stride();
        for &r in rows {
            let r = r as usize;
            let row = &self.data[r * st..(r + 1) * st];
            let scale = f32::from_le_bytes([row[0], row[1], row[2], row[3]]);
            for (acc, &q) in out.iter_mut().zip(&row[4..]) {
                *acc += scale * (q as i8) as f32;
            }
        }
    }
}

/// Stage-1 and full-stage-2 rows of the same bucket side by side (built at load time,
/// not stored): one lookup and one cache line serve both stages' local features.
#[derive(Debug, Clone)]
pub struct Fused {
    n: usize,
    bitmap: Vec<u64>,
    rank: Vec<u32>,
    /// rows: scale1, scale2 (f32 LE), n i8, n i8
    data: Vec<u8>,
}

impl Fused {
    /// Fuse the stage-1 table `w1` and the full stage-2 table `w2` (same label count); a
    /// bucket present in only one table gets a zero row for the other.
    pub fn new(w1: &Table, w2: &Table) -> Fused {
        let n = w1.n;
        let words = w1.bitmap.len().max(w2.bitmap.len());
        let mut bitmap = vec![0u64; words];
        let mut data = Vec::new();
        let (s1, s2) = (w1.stride(), w2.stride());
        for (wi, word) in bitmap.iter_mut().enumerate() {
            let a = w1.bitmap.get(wi).copied().unwrap_or(0);
            let b = w2.bitmap.get(wi).copied().unwrap_or(0);
            *word = a | b;
            let mut u = a | b;
            while u != 0 {
                let bit = u.trailing_zeros();
                u &= u - 1;
                let f = (wi as u32) << 6 | bit;
                let r1 = w1.row_of(f).map(|r| &w1.data[r * s1..(r + 1) * s1]);
                let r2 = w2.row_of(f).map(|r| &w2.data[r * s2..(r + 1) * s2]);
                data.extend_from_slice(r1.map(|r| &r[..4]).unwrap_or(&[0; 4]));
                data.extend_from_slice(r2.map(|r| &r[..4]).unwrap_or(&[0; 4]));
                match r1 {
                    Some(r) => data.extend_from_slice(&r[4..]),
                    None => data.extend(std::iter::repeat_n(0u8, n)),
                }
                match r2 {
                    Some(r) => data.extend_from_slice(&r[4..]),
                    None => data.extend(std::iter::repeat_n(0u8, n)),
                }
            }
        }
        let rank = Table::build_rank(&bitmap);
        Fused {
            n,
            bitmap,
            rank,
            data,
        }
    }

    /// Add the rows of `feats` to the stage-1 (`out1`) and stage-2 (`out2`) label scores:
    /// [`Fused::resolve`] then [`Fused::accumulate`] in one go (so at most 256 rows).
    #[inline]
    pub fn add_rows(&self, feats: &[u32], out1: &mut [f32], out2: &mut [f32]) {
        let mut rows = Vec::with_capacity(feats.len());
        self.resolve(feats, &mut rows);
        self.accumulate(&rows, out1, out2);
    }

    /// Appends the row numbers of `feats` (in order, absent buckets skipped, at most
    /// 256) to `rows` and prefetches those rows, so that a later
    /// [`Fused::accumulate`] finds them in cache. Decoding resolves a few tokens
    /// ahead of the one it accumulates, which overlaps the (L3) misses.
    #[inline]
    pub fn resolve(&self, feats: &[u32], rows: &mut Vec<u32>) {
        let st = 8 + 2 * self.n;
        let mut k = 0;
        for &f in feats {
            let (wi, b) = ((f >> 6) as usize, f & 63);
            let Some(&word) = self.bitmap.get(wi) else {
                continue;
            };
            if (word >> b) & 1 == 0 || k >= 256 {
                continue;
            }
            let r = self.rank[wi] as usize + (word & ((1u64 << b) - 1)).count_ones() as usize;
            rows.push(r as u32);
            k += 1;
            if let Some(row) = self.data.get(r * st..(r + 1) * st) {
                prefetch(&row[0]);
                prefetch(&row[st - 1]);
            }
        }
    }

    /// Adds the rows (from [`Fused::resolve`]) in order to both stages' scores.
    #[inline]
    pub fn accumulate(&self, rows: &[u32], out1: &mut [f32], out2: &mut [f32]) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2 (checked just above).
            unsafe { self.accumulate_avx2(rows, out1, out2) };
            return;
        }
        self.accumulate_plain(rows, out1, out2);
    }

    /// [`Fused::accumulate_plain`] compiled for AVX2: eight classes per
    /// instruction instead of four. Multiplies and adds stay separate (no
    /// fused multiply-add), in the same order, so the sums are identical.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn accumulate_avx2(&self, rows: &[u32], out1: &mut [f32], out2: &mut [f32]) {
        self.accumulate_plain(rows, out1, out2);
    }

    #[inline(always)]
    fn accumulate_plain(&self, rows: &[u32], out1: &mut [f32], out2: &mut [f32]) {
        let n = self.n;
        let st = 8 + 2 * n;
        for &r in rows {
            let row = &self.data[r as usize * st..(r as usize + 1) * st];
            let sc1 = f32::from_le_bytes([row[0], row[1], row[2], row[3]]);
            let sc2 = f32::from_le_bytes([row[4], row[5], row[6], row[7]]);
            for (acc, &q) in out1.iter_mut().zip(&row[8..8 + n]) {
                *acc += sc1 * (q as i8) as f32;
            }
            for (acc, &q) in out2.iter_mut().zip(&row[8 + n..8 + 2 * n]) {
                *acc += sc2 * (q as i8) as f32;
            }
        }
    }
}

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

/// IOB2 prefix of a token's tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Bio {
    /// Outside any entity.
    O,
    /// First token of an entity (BILOU B or U).
    B,
    /// Inside an entity, after its first token (BILOU I or L).
    I,
}

/// Tag of one token (IOB2 view of the internal BILOU label).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TokenTag {
    /// IOB2 prefix.
    pub bio: Bio,
    /// Index into [`Model::types`]; meaningless for `Bio::O`.
    pub type_id: u8,
    /// Calibrated marginal probability of this token's label.
    pub score: f32,
    /// For entity tokens: calibrated probability of the whole span (same on all its
    /// tokens); for `O` tokens equal to `score`.
    pub span_score: f32,
}

/// An entity span: tokens `start..end` of sentence `sentence`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Entity type (one of [`Model::types`]).
    pub typ: String,
    /// Calibrated probability that exactly this labelled span is right
    /// ([`TokenTag::span_score`]).
    pub score: f32,
}

/// Turn tags (from [`Model::tag_document`]) into spans.
pub fn tags_to_spans(tags: &[Vec<TokenTag>], types: &[String]) -> Vec<Span> {
    let mut out = Vec::new();
    for (si, s) in tags.iter().enumerate() {
        let mut i = 0;
        while i < s.len() {
            if s[i].bio == Bio::O {
                i += 1;
                continue;
            }
            let t = s[i].type_id;
            let mut e = i + 1;
            while e < s.len() && s[e].bio == Bio::I && s[e].type_id == t {
                e += 1;
            }
            out.push(Span {
                sentence: si,
                start: i,
                end: e,
                typ: types.get(t as usize).cloned().unwrap_or_default(),
                score: s[i].span_score,
            });
            i = e;
        }
    }
    out
}

/// The trained tagger.
#[derive(Debug, Clone)]
pub struct Model {
    /// Entity types and the BILOU label layout.
    pub labels: LabelSet,
    /// Feature switches used in training (tagging uses the same).
    pub cfg: FeatureConfig,
    /// Gazetteer learned from the training data (hashes only).
    pub gaz: LearnedGazetteer,
    /// Word clusters (hashes only).
    pub clusters: Clusters,
    /// Stage-1 weights (local features).
    pub w1: Table,
    /// Stage-2 weights (non-local features): added on top of stage-1 scores, or a full
    /// model when `cfg.stage2_full`.
    pub w2: Option<Table>,
    /// Calibration temperature: scores are divided by it before forward-backward.
    pub temperature: f32,
    /// Inference-only fused stage-1/stage-2 table, built on first use.
    pub fused: std::sync::OnceLock<Option<Fused>>,
    /// Auxiliary tagger (trained on another corpus) whose labels are features.
    pub aux: Option<Box<Model>>,
}

/// Intermediate decoding state of a document.
pub struct Decoded {
    /// Per-token attributes of the document.
    pub attrs: DocAttrs,
    /// per-sentence final emissions (n_tok * n)
    pub emit: Vec<Vec<f32>>,
    /// Per-sentence Viterbi labels (see [`LabelSet`] for the layout).
    pub labels: Vec<Vec<u8>>,
}

impl Model {
    /// Entity types; [`TokenTag::type_id`] indexes into this.
    pub fn types(&self) -> &[String] {
        &self.labels.types
    }

    /// Feature extractor over this model's configuration, gazetteer, clusters and auxiliary
    /// tagger, with the external gazetteer `ext`.
    pub fn extractor<'a>(&'a self, ext: Option<&'a dyn GazetteerLookup>) -> Extractor<'a> {
        Extractor {
            cfg: &self.cfg,
            gaz: Some(&self.gaz),
            clusters: Some(&self.clusters),
            ext,
            aux: self.aux.as_deref(),
        }
    }

    /// Run both stages; returns emissions and Viterbi labels.
    pub fn decode(&self, sentences: &[Vec<&str>], ext: Option<&dyn GazetteerLookup>) -> Decoded {
        let attrs = self.extractor(ext).doc_attrs(sentences);
        let mut sc = DecodeScratch::new();
        let s1 = self.decode_stage1(&attrs, sentences, &mut sc);
        let (mut emit, mut labels) = (s1.emit, s1.labels);
        if let Some(w2) = &self.w2 {
            // a fused table has already scored stage 2's local features
            if self.fused().is_some() {
                emit = s1.local2;
            }
            self.decode_stage2(w2, &attrs, sentences, &mut emit, &mut labels, &mut sc);
        }
        Decoded {
            attrs,
            emit,
            labels,
        }
    }

    /// Stage 1 of [`Model::decode`].
    fn decode_stage1(
        &self,
        attrs: &DocAttrs,
        sentences: &[Vec<&str>],
        sc: &mut DecodeScratch,
    ) -> Stage1 {
        let n = self.labels.n;
        let fused = self.fused();
        let mut emit = Vec::with_capacity(sentences.len());
        let mut emit2: Vec<Vec<f32>> = Vec::new();
        let mut labels = Vec::with_capacity(sentences.len());
        for (si, s) in sentences.iter().enumerate() {
            let mut e = vec![0f32; s.len() * n];
            match fused {
                Some(f) => {
                    let mut e2 = vec![0f32; s.len() * n];
                    self.local_buckets(attrs, si, s.len(), sc);
                    score_fused(f, n, sc, &mut e, &mut e2);
                    emit2.push(e2);
                }
                None => self.score_local(attrs, si, s.len(), &mut e, sc),
            }
            viterbi_with(&e, &self.w1.trans, &self.labels, &mut sc.y, &mut sc.vs);
            labels.push(sc.y.clone());
            emit.push(e);
        }
        Stage1 {
            emit,
            local2: emit2,
            labels,
        }
    }

    /// The stage-1 feature buckets of the `len` tokens of sentence `si`, one token after
    /// another in `sc.buckets`, token `i`'s from `sc.fstart[i]` to `sc.fstart[i + 1]`.
    fn local_buckets(&self, attrs: &DocAttrs, si: usize, len: usize, sc: &mut DecodeScratch) {
        let bits = self.cfg.bits;
        sc.buckets.clear();
        sc.fstart.clear();
        sc.fstart.push(0);
        for i in 0..len {
            sc.hashes.clear();
            local_features(attrs, si, i, &mut sc.hashes);
            sc.buckets
                .extend(sc.hashes.iter().map(|&h| bucket(h, bits)));
            sc.fstart.push(sc.buckets.len());
        }
    }

    /// Stage-1 emissions `e` of the `len` tokens of sentence `si` from the stage-1 table
    /// (a model without a fused table).
    fn score_local(
        &self,
        attrs: &DocAttrs,
        si: usize,
        len: usize,
        e: &mut [f32],
        sc: &mut DecodeScratch,
    ) {
        let (n, bits) = (self.labels.n, self.cfg.bits);
        for i in 0..len {
            sc.hashes.clear();
            local_features(attrs, si, i, &mut sc.hashes);
            sc.buckets.clear();
            sc.buckets
                .extend(sc.hashes.iter().map(|&h| bucket(h, bits)));
            self.w1.add_rows(&sc.buckets, &mut e[i * n..i * n + n]);
        }
    }

    /// Stage 2 of [`Model::decode`]: adds the non-local features' scores to `emit` and
    /// decodes again with the combined transitions, replacing `labels`.
    fn decode_stage2(
        &self,
        w2: &Table,
        attrs: &DocAttrs,
        sentences: &[Vec<&str>],
        emit: &mut [Vec<f32>],
        labels: &mut [Vec<u8>],
        sc: &mut DecodeScratch,
    ) {
        let n = self.labels.n;
        let tr = self.combined_trans();
        let flat: Vec<u8> = labels.iter().flatten().copied().collect();
        let nl = NonLocal::new(attrs, &flat, n);
        let b2 = if self.cfg.stage2_full {
            self.cfg.bits
        } else {
            self.cfg.bits2
        };
        let mut k = 0;
        for (si, s) in sentences.iter().enumerate() {
            let e = &mut emit[si];
            for i in 0..s.len() {
                sc.hashes.clear();
                let lt = &self.labels.label_type;
                nl.features(attrs, &flat, si, i, k, lt, &mut sc.hashes);
                sc.buckets.clear();
                sc.buckets.extend(sc.hashes.iter().map(|&h| bucket(h, b2)));
                w2.add_rows(&sc.buckets, &mut e[i * n..i * n + n]);
                k += 1;
            }
            viterbi_with(e, &tr, &self.labels, &mut sc.y, &mut sc.vs);
            labels[si].clone_from(&sc.y);
        }
    }

    /// The transitions decoding uses: stage 2's for a full stage 2, stage 1 + stage 2 for an
    /// additive one, else stage 1's.
    pub fn combined_trans(&self) -> Vec<f32> {
        match &self.w2 {
            Some(w2) if self.cfg.stage2_full => w2.trans.clone(),
            Some(w2) => self
                .w1
                .trans
                .iter()
                .zip(&w2.trans)
                .map(|(a, b)| a + b)
                .collect(),
            None => self.w1.trans.clone(),
        }
    }

    /// Average the weights of models that share labels and feature configuration
    /// (e.g. the same recipe trained with different seeds). Gazetteer, clusters and
    /// auxiliary model are taken from the first model; temperature must be refitted.
    pub fn average(models: &[Model]) -> Result<Model, NerError> {
        let first = models
            .first()
            .ok_or_else(|| NerError::Train("no models to average".into()))?;
        for m in models {
            if m.cfg != first.cfg
                || m.labels.types != first.labels.types
                || m.w2.is_some() != first.w2.is_some()
            {
                return Err(NerError::Train(
                    "models differ in labels or feature configuration".into(),
                ));
            }
        }
        let avg = |get: &dyn Fn(&Model) -> &Table| -> Table {
            let mut acc = get(first).to_dense();
            for m in &models[1..] {
                let d = get(m).to_dense();
                acc.emit.iter_mut().zip(&d.emit).for_each(|(a, b)| *a += b);
                acc.trans
                    .iter_mut()
                    .zip(&d.trans)
                    .for_each(|(a, b)| *a += b);
            }
            let k = models.len() as f32;
            acc.emit.iter_mut().for_each(|a| *a /= k);
            acc.trans.iter_mut().for_each(|a| *a /= k);
            Table::from_dense(&acc)
        };
        let w1 = avg(&|m: &Model| &m.w1);
        let w2 = if first.w2.is_some() {
            Some(avg(&|m: &Model| m.w2.as_ref().unwrap_or(&m.w1)))
        } else {
            None
        };
        Ok(Model {
            labels: first.labels.clone(),
            cfg: first.cfg.clone(),
            gaz: first.gaz.clone(),
            clusters: first.clusters.clone(),
            w1,
            w2,
            temperature: first.temperature,
            fused: Default::default(),
            aux: first.aux.clone(),
        })
    }

    /// Tag one document (a list of tokenised sentences).
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<TokenTag>> {
        self.tag_document_with(sentences, None)
    }

    /// Tag with an external gazetteer (must be the one used in training).
    pub fn tag_document_with(
        &self,
        sentences: &[Vec<&str>],
        ext: Option<&dyn GazetteerLookup>,
    ) -> Vec<Vec<TokenTag>> {
        self.tags_of(&self.decode(sentences, ext), true)
    }

    /// Tags of decoded sentences; the transition factors are computed once per
    /// document. Without `token_scores` only what [`tags_to_spans`] reads is filled
    /// in (labels, and `span_score` of entity tokens); other scores are 0.
    fn tags_of(&self, d: &Decoded, token_scores: bool) -> Vec<Vec<TokenTag>> {
        let tr = self.combined_trans();
        let f = Posterior::trans_factors(&tr, &self.labels, self.temperature);
        d.emit
            .iter()
            .zip(&d.labels)
            .map(|(e, y)| self.sentence_tags_with(e, y, &f, self.temperature, token_scores))
            .collect()
    }

    /// Tags without confidences (fast path).
    pub fn labels_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
        self.decode(sentences, None).labels
    }

    /// Tags of one sentence from its emissions `e` (`t * n`), Viterbi labels `y`,
    /// transitions `tr` and temperature `temp`, with all scores filled in.
    pub fn sentence_tags(&self, e: &[f32], y: &[u8], tr: &[f32], temp: f32) -> Vec<TokenTag> {
        let f = Posterior::trans_factors(tr, &self.labels, temp);
        self.sentence_tags_with(e, y, &f, temp, true)
    }

    fn sentence_tags_with(
        &self,
        e: &[f32],
        y: &[u8],
        factors: &[f64],
        temp: f32,
        token_scores: bool,
    ) -> Vec<TokenTag> {
        let chunks = self.labels.chunks(y);
        // Spans only: the forward-backward pass is needed only when there are chunks,
        // and beta only from the first chunk's last token on. (Viterbi output is valid
        // BILOU, so every entity token is in a chunk; if not, compute everything.)
        let spans_only = !token_scores && {
            let mut covered = vec![false; y.len()];
            for &(s, e, _) in &chunks {
                covered[s..e].iter_mut().for_each(|c| *c = true);
            }
            y.iter().zip(&covered).all(|(&l, &c)| l == 0 || c)
        };
        let post = if spans_only && chunks.is_empty() {
            None
        } else {
            let beta_from = if spans_only {
                chunks.iter().map(|c| c.1 - 1).min().unwrap_or(0)
            } else {
                0
            };
            Some(Posterior::compute_with(
                e,
                factors.to_vec(),
                &self.labels,
                temp,
                beta_from,
            ))
        };
        let mut out: Vec<TokenTag> = y
            .iter()
            .enumerate()
            .map(|(i, &l)| {
                let m = match &post {
                    Some(p) if !spans_only => p.marginal(i, l as usize).clamp(0.0, 1.0) as f32,
                    _ => 0.0,
                };
                let (bio, t) = if l == 0 {
                    (Bio::O, 0u8)
                } else {
                    let p = (l - 1) % 4;
                    (if p == 0 || p == 3 { Bio::B } else { Bio::I }, (l - 1) / 4)
                };
                TokenTag {
                    bio,
                    type_id: t,
                    score: m,
                    span_score: m,
                }
            })
            .collect();
        if let Some(post) = &post {
            for &(s, e, _t) in &chunks {
                let p = post.path_prob(s, &y[s..e]).clamp(0.0, 1.0) as f32;
                for tag in &mut out[s..e] {
                    tag.span_score = p;
                }
            }
        }
        out
    }

    /// Tag and return spans with calibrated confidences.
    pub fn tag_spans(&self, sentences: &[Vec<&str>]) -> Vec<Span> {
        tags_to_spans(
            &self.tags_of(&self.decode(sentences, None), false),
            self.types(),
        )
    }

    /// IOB2 strings for a document's tags.
    pub fn iob2(&self, y: &[u8]) -> Vec<String> {
        y.iter()
            .map(|&l| {
                if l == 0 {
                    "O".to_string()
                } else {
                    let p = (l - 1) % 4;
                    let t = &self.labels.types[((l - 1) / 4) as usize];
                    format!("{}-{}", if p == 0 || p == 3 { "B" } else { "I" }, t)
                }
            })
            .collect()
    }

    // ----- binary format -----

    /// Serialise to the binary model format (little-endian; see `models/ner/README.md`),
    /// ending with an FNV-64 checksum.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        put_u32(&mut b, VERSION);
        let header = serde_json::json!({
            "types": self.labels.types,
            "cfg": self.cfg,
            "temperature": self.temperature,
        })
        .to_string();
        put_u32(&mut b, header.len() as u32);
        b.extend_from_slice(header.as_bytes());
        // gazetteer
        put_u32(&mut b, self.gaz.max_len as u32);
        let mut g: Vec<(u64, u8)> = self.gaz.map.iter().map(|(&k, &v)| (k, v)).collect();
        g.sort_unstable();
        put_u64(&mut b, g.len() as u64);
        for (k, v) in g {
            put_u64(&mut b, k);
            b.push(v);
        }
        // clusters
        let mut c: Vec<(u64, [u16; 3])> = self.clusters.map.iter().map(|(&k, &v)| (k, v)).collect();
        c.sort_unstable();
        put_u64(&mut b, c.len() as u64);
        for (k, v) in c {
            put_u64(&mut b, k);
            for x in v {
                b.extend_from_slice(&x.to_le_bytes());
            }
        }
        let ws: Vec<&Table> = std::iter::once(&self.w1).chain(self.w2.as_ref()).collect();
        put_u32(&mut b, ws.len() as u32);
        for w in ws {
            write_weights(&mut b, w);
        }
        match &self.aux {
            Some(a) => {
                let ab = a.to_bytes();
                put_u64(&mut b, ab.len() as u64);
                b.extend_from_slice(&ab);
            }
            None => put_u64(&mut b, 0),
        }
        let sum = super::hash::fnv(&b);
        put_u64(&mut b, sum);
        b
    }

    /// The fused stage-1/stage-2 table of a `stage2_full` model, built on
    /// first use.
    fn fused(&self) -> Option<&Fused> {
        if !self.cfg.stage2_full {
            return None;
        }
        self.fused
            .get_or_init(|| self.w2.as_ref().map(|w2| Fused::new(&self.w1, w2)))
            .as_ref()
    }

    /// The model with its inference tables built now rather than on the
    /// first document (so that loading, which may run beside other work,
    /// pays for them).
    pub fn prepared(self) -> Model {
        self.fused();
        self
    }

    /// Parse a model file. Checks magic, version, sizes, checksum and that values are
    /// finite; a bad file is an error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, NerError> {
        Model::decode_bytes(bytes, true)
    }

    /// A model compiled into the binary: as [`Model::from_bytes`] without the
    /// checksum, which would cost every process start ~10 ms and guards
    /// against corrupt files, not against a corrupt binary (a test checks the
    /// embedded model's checksum once).
    pub fn from_embedded(bytes: &'static [u8]) -> Result<Model, NerError> {
        Model::decode_bytes(bytes, false)
    }

    fn decode_bytes(bytes: &[u8], check_sum: bool) -> Result<Model, NerError> {
        let body = checked_body(bytes, check_sum)?;
        let mut r = Reader { b: body, p: 8 };
        let (labels, cfg, temperature) = read_header(&mut r)?;
        let gaz = read_gazetteer(&mut r)?;
        let clusters = read_clusters(&mut r)?;
        let (w1, w2) = read_tables(&mut r, labels.n, &cfg)?;
        let aux = read_aux(&mut r)?;
        if r.remaining() != 0 {
            return Err(bad_model("trailing bytes"));
        }
        if cfg.aux && aux.is_none() {
            return Err(bad_model("model expects an auxiliary tagger"));
        }
        Ok(Model {
            labels,
            cfg,
            gaz,
            clusters,
            w1,
            w2,
            temperature,
            fused: Default::default(),
            aux,
        })
    }
}

/// What stage 1 of [`Model::decode`] leaves, per sentence.
struct Stage1 {
    /// Stage-1 emissions.
    emit: Vec<Vec<f32>>,
    /// Stage 2's scores of the local features: only with a fused table, else empty.
    local2: Vec<Vec<f32>>,
    /// Viterbi labels of stage 1.
    labels: Vec<Vec<u8>>,
}

/// Scratch buffers of [`Model::decode`], reused from token to token and from sentence to
/// sentence so that tagging allocates per sentence, not per token.
struct DecodeScratch {
    /// Feature hashes of one token.
    hashes: Vec<u64>,
    /// Their buckets: of one token, or of a whole sentence for a fused table.
    buckets: Vec<u32>,
    /// For a fused table: where each token's buckets start in `buckets` (`len + 1` bounds).
    fstart: Vec<usize>,
    /// For a fused table: the resolved rows of the tokens so far.
    rows: Vec<u32>,
    /// Where each token's rows start in `rows`.
    rstart: Vec<usize>,
    /// Viterbi labels of one sentence.
    y: Vec<u8>,
    vs: ViterbiScratch,
}

impl DecodeScratch {
    fn new() -> DecodeScratch {
        DecodeScratch {
            hashes: Vec::with_capacity(128),
            buckets: Vec::with_capacity(128),
            fstart: Vec::new(),
            rows: Vec::new(),
            rstart: Vec::new(),
            y: Vec::new(),
            vs: ViterbiScratch::default(),
        }
    }
}

/// Stage-1 emissions `e` and the local part of stage 2's `e2` of a sentence from the
/// fused table, given the sentence's buckets in `sc` ([`Model::local_buckets`]). Each
/// token's rows are resolved (and prefetched) `AHEAD` tokens before they are accumulated,
/// which hides the table's memory latency.
fn score_fused(f: &Fused, n: usize, sc: &mut DecodeScratch, e: &mut [f32], e2: &mut [f32]) {
    const AHEAD: usize = 3;
    let len = sc.fstart.len() - 1;
    let DecodeScratch {
        buckets,
        fstart,
        rows,
        rstart,
        ..
    } = sc;
    rows.clear();
    rstart.clear();
    rstart.push(0);
    let resolve = |i: usize, rows: &mut Vec<u32>, rstart: &mut Vec<usize>| {
        f.resolve(&buckets[fstart[i]..fstart[i + 1]], rows);
        rstart.push(rows.len());
    };
    for i in 0..AHEAD.min(len) {
        resolve(i, rows, rstart);
    }
    for i in 0..len {
        if i + AHEAD < len {
            resolve(i + AHEAD, rows, rstart);
        }
        f.accumulate(
            &rows[rstart[i]..rstart[i + 1]],
            &mut e[i * n..i * n + n],
            &mut e2[i * n..i * n + n],
        );
    }
}

fn put_u32(b: &mut Vec<u8>, v: u32) {
    b.extend_from_slice(&v.to_le_bytes());
}
fn put_u64(b: &mut Vec<u8>, v: u64) {
    b.extend_from_slice(&v.to_le_bytes());
}

/// Sparse quantised rows: bitmap of non-zero rows, then per row an f32 scale and
/// `n` i8 values (w = q * scale).
fn write_weights(b: &mut Vec<u8>, w: &Table) {
    put_u32(b, w.bits);
    put_u32(b, w.n as u32);
    for &t in &w.trans {
        b.extend_from_slice(&t.to_le_bytes());
    }
    let nb = 1usize << w.bits;
    let mut bitmap = vec![0u8; nb / 8];
    for (i, byte) in bitmap.iter_mut().enumerate() {
        *byte = (w.bitmap[i / 8] >> (8 * (i % 8))) as u8;
    }
    b.extend_from_slice(&bitmap);
    b.extend_from_slice(&w.data);
}

fn bad_model(m: &str) -> NerError {
    NerError::BadModel(m.to_string())
}

/// The file without its checksum, after checking its length and magic and (with
/// `check_sum`) the checksum.
fn checked_body(bytes: &[u8], check_sum: bool) -> Result<&[u8], NerError> {
    if bytes.len() < 8 + 4 + 8 {
        return Err(bad_model("file too short"));
    }
    if &bytes[..8] != MAGIC {
        return Err(bad_model("wrong magic"));
    }
    let (body, tail) = bytes.split_at(bytes.len() - 8);
    let sum = u64::from_le_bytes(tail.try_into().map_err(|_| bad_model("checksum"))?);
    if check_sum && super::hash::fnv(body) != sum {
        return Err(bad_model("checksum mismatch (corrupt file)"));
    }
    Ok(body)
}

/// The version and the JSON header: labels, feature switches and temperature.
fn read_header(r: &mut Reader) -> Result<(LabelSet, FeatureConfig, f32), NerError> {
    let version = r.u32()?;
    if version != VERSION {
        return Err(NerError::BadModel(format!("unsupported version {version}")));
    }
    let hl = r.u32()? as usize;
    let header: serde_json::Value = serde_json::from_slice(r.take(hl)?)
        .map_err(|e| NerError::BadModel(format!("header: {e}")))?;
    let types: Vec<String> = serde_json::from_value(header["types"].clone())
        .map_err(|e| NerError::BadModel(format!("types: {e}")))?;
    let cfg: FeatureConfig = serde_json::from_value(header["cfg"].clone())
        .map_err(|e| NerError::BadModel(format!("cfg: {e}")))?;
    let temperature = header["temperature"]
        .as_f64()
        .ok_or_else(|| bad_model("temperature"))? as f32;
    if types.is_empty() || types.len() > 8 {
        return Err(bad_model("type count must be 1..=8"));
    }
    if !(10..=26).contains(&cfg.bits) || !(10..=26).contains(&cfg.bits2) {
        return Err(bad_model("bits out of range"));
    }
    Ok((LabelSet::new(types), cfg, temperature))
}

/// The learned gazetteer: its longest sequence, then (hash, type mask) entries.
fn read_gazetteer(r: &mut Reader) -> Result<LearnedGazetteer, NerError> {
    let max_len = r.u32()? as usize;
    let ng = r.u64()? as usize;
    // 9 bytes an entry: a size larger than the rest of the file is corrupt, and must not
    // reserve memory
    if ng > r.remaining() / 9 {
        return Err(bad_model("gazetteer size"));
    }
    let mut map = IdMap::default();
    map.reserve(ng);
    for _ in 0..ng {
        let k = r.u64()?;
        let v = r.take(1)?[0];
        map.insert(k, v);
    }
    Ok(LearnedGazetteer { map, max_len })
}

/// The word clusters: (hash, three cluster ids) entries.
fn read_clusters(r: &mut Reader) -> Result<Clusters, NerError> {
    let nc = r.u64()? as usize;
    // 14 bytes an entry (see `read_gazetteer`)
    if nc > r.remaining() / 14 {
        return Err(bad_model("cluster size"));
    }
    let mut map = IdMap::default();
    map.reserve(nc);
    for _ in 0..nc {
        let k = r.u64()?;
        let mut v = [0u16; 3];
        for x in &mut v {
            *x = r.u16()?;
        }
        map.insert(k, v);
    }
    Ok(Clusters { map })
}

/// The stage-1 weight table and, if the file has one, stage 2's (of `bits` buckets when
/// it is a full model, else `bits2`).
fn read_tables(
    r: &mut Reader,
    n: usize,
    cfg: &FeatureConfig,
) -> Result<(Table, Option<Table>), NerError> {
    let nw = r.u32()?;
    if !(1..=2).contains(&nw) {
        return Err(bad_model("weight table count"));
    }
    let w1 = read_weights(r, n, cfg.bits)?;
    let w2 = if nw == 2 {
        let bits2 = if cfg.stage2_full { cfg.bits } else { cfg.bits2 };
        Some(read_weights(r, n, bits2)?)
    } else {
        None
    };
    Ok((w1, w2))
}

/// The embedded auxiliary tagger, a whole model file of its own (size 0: none).
fn read_aux(r: &mut Reader) -> Result<Option<Box<Model>>, NerError> {
    let alen = r.u64()? as usize;
    if alen == 0 {
        return Ok(None);
    }
    if alen > r.remaining() {
        return Err(bad_model("aux model size"));
    }
    Ok(Some(Box::new(Model::from_bytes(r.take(alen)?)?)))
}

fn read_weights(r: &mut Reader, n: usize, bits: u32) -> Result<Table, NerError> {
    let bad = |m: &str| NerError::BadModel(m.to_string());
    let wb = r.u32()?;
    let wn = r.u32()? as usize;
    if wb != bits || wn != n {
        return Err(bad("weight table shape"));
    }
    let mut trans = vec![0f32; (n + 1) * n];
    for t in &mut trans {
        *t = r.f32()?;
    }
    if trans.iter().any(|x| !x.is_finite()) {
        return Err(bad("non-finite transition"));
    }
    let nb = 1usize << bits;
    let bitmap = r.take(nb / 8)?;
    let nz: usize = bitmap.iter().map(|b| b.count_ones() as usize).sum();
    if r.remaining() < nz * (4 + n) {
        return Err(bad("truncated weight rows"));
    }
    let st = 4 + n;
    let data = r.take(nz * st)?.to_vec();
    for k in 0..nz {
        let o = k * st;
        let scale = f32::from_le_bytes([data[o], data[o + 1], data[o + 2], data[o + 3]]);
        if !scale.is_finite() {
            return Err(bad("non-finite weight"));
        }
    }
    let mut words = vec![0u64; nb.div_ceil(64)];
    for (i, &byte) in bitmap.iter().enumerate() {
        words[i / 8] |= (byte as u64) << (8 * (i % 8));
    }
    let rank = Table::build_rank(&words);
    Ok(Table {
        bits,
        n,
        bitmap: words,
        rank,
        data,
        trans,
    })
}

/// Quantise weights exactly as the file format does (so dev scores during training
/// match the saved model).
pub fn quantize(w: &mut Weights) {
    let n = w.n;
    for row in w.emit.chunks_mut(n) {
        let m = row.iter().fold(0f32, |a, &x| a.max(x.abs()));
        if m == 0.0 {
            continue;
        }
        let scale = m / 127.0;
        for x in row.iter_mut() {
            *x = (*x / scale).round().clamp(-127.0, 127.0) * scale;
        }
    }
}

struct Reader<'a> {
    b: &'a [u8],
    p: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.b.len() - self.p
    }
    fn take(&mut self, k: usize) -> Result<&'a [u8], NerError> {
        if k > self.remaining() {
            return Err(NerError::BadModel("truncated".into()));
        }
        let s = &self.b[self.p..self.p + k];
        self.p += k;
        Ok(s)
    }
    fn u16(&mut self) -> Result<u16, NerError> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self) -> Result<u32, NerError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, NerError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn u64(&mut self) -> Result<u64, NerError> {
        let s = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        Ok(u64::from_le_bytes(a))
    }
}
