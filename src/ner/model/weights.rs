//! Weight tables: dense training weights, the pruned rank-indexed table and the
//! fused stage-1/stage-2 table read at tagging time.

use super::*;

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
    pub(super) fn build_rank(bitmap: &[u64]) -> Vec<u32> {
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
