//! Weight tables: feature hash → one row of class weights.
//!
//! [`TrainTable`] is the averaged perceptron's table while training (f32
//! weights plus the running sums for averaging). [`Table`] is the frozen,
//! quantised table of the model file: open addressing over a power-of-two
//! number of slots, each slot `[fingerprint u32][scale f32][cols × i8]`,
//! read in place from the (possibly embedded) bytes, so loading copies
//! nothing.

use crate::cache::prefetch;
use std::borrow::Cow;

use crate::ner::hash::IdMap;

/// Averaged-perceptron weights while training.
#[derive(Debug, Clone)]
pub struct TrainTable {
    cols: usize,
    index: IdMap<u32>,
    w: Vec<f32>,
    /// Sum of `step × delta`, for the averaged weight `w - u / step`.
    u: Vec<f32>,
}

impl TrainTable {
    /// An empty table with `cols` classes.
    pub fn new(cols: usize) -> TrainTable {
        TrainTable {
            cols,
            index: IdMap::default(),
            w: Vec::new(),
            u: Vec::new(),
        }
    }

    /// Number of classes.
    pub fn cols(&self) -> usize {
        self.cols
    }

    /// Number of feature rows.
    pub fn rows(&self) -> usize {
        self.index.len()
    }

    /// Adds the current weights of `feats` into `out` (one per class).
    pub fn score(&self, feats: &[u64], out: &mut [f32]) {
        out.fill(0.0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                let row = &self.w[r as usize * self.cols..][..self.cols];
                for (o, w) in out.iter_mut().zip(row) {
                    *o += w;
                }
            }
        }
    }

    /// Adds `delta` to class `class` of every feature (`step` counts
    /// updates so far, for averaging).
    pub fn update(&mut self, feats: &[u64], class: usize, delta: f32, step: f32) {
        for &f in feats {
            let next = self.index.len() as u32;
            let r = *self.index.entry(f).or_insert(next) as usize;
            if r == next as usize {
                self.w.resize(self.w.len() + self.cols, 0.0);
                self.u.resize(self.u.len() + self.cols, 0.0);
            }
            self.w[r * self.cols + class] += delta;
            self.u[r * self.cols + class] += step * delta;
        }
    }

    /// The averaged rows (`step` = the final step count).
    pub fn averaged(&self, step: f32) -> Vec<(u64, Vec<f32>)> {
        let step = step.max(1.0);
        let mut rows: Vec<(u64, Vec<f32>)> = self
            .index
            .iter()
            .map(|(&k, &r)| {
                let r = r as usize * self.cols;
                let row = (0..self.cols)
                    .map(|c| self.w[r + c] - self.u[r + c] / step)
                    .collect();
                (k, row)
            })
            .collect();
        rows.sort_unstable_by_key(|(k, _)| *k);
        rows
    }
}

/// Bytes of one slot with `cols` classes: `8 + cols`, rounded up to whole
/// 64-byte cache lines once a slot is wider than 16 bytes, so that (in a
/// 64-byte aligned model) a lookup touches as few lines as possible.
pub fn slot_len(cols: usize) -> usize {
    let raw = 8 + cols;
    if raw <= 16 {
        raw
    } else {
        raw.div_ceil(64) * 64
    }
}

/// The non-zero fingerprint stored for a feature hash.
#[inline]
fn fingerprint(h: u64) -> u32 {
    ((h >> 32) as u32) | 1
}

/// Builds the bytes of a frozen table from averaged rows, keeping at most
/// `max_rows` rows (the largest by their largest weight) and dropping rows
/// whose weights are all below `min_abs`.
pub fn freeze(rows: &[(u64, Vec<f32>)], cols: usize, max_rows: usize, min_abs: f32) -> Vec<u8> {
    let mut kept: Vec<(u64, &Vec<f32>, f32)> = rows
        .iter()
        .map(|(k, r)| (*k, r, r.iter().fold(0f32, |m, w| m.max(w.abs()))))
        .filter(|(_, _, m)| *m >= min_abs && *m > 0.0)
        .collect();
    if kept.len() > max_rows {
        kept.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        kept.truncate(max_rows);
    }
    let capacity = ((kept.len() * 10 / 7).max(8)).next_power_of_two();
    let stride = slot_len(cols);
    let mut bytes = vec![0u8; capacity * stride];
    let mask = capacity - 1;
    for (k, row, max) in kept {
        let fp = fingerprint(k);
        let mut i = k as usize & mask;
        while bytes[i * stride..][..4] != [0; 4] {
            i = (i + 1) & mask;
        }
        let slot = &mut bytes[i * stride..][..stride];
        let scale = max / 127.0;
        slot[..4].copy_from_slice(&fp.to_le_bytes());
        slot[4..8].copy_from_slice(&scale.to_le_bytes());
        for (c, w) in row.iter().enumerate() {
            slot[8 + c] = ((w / scale).round().clamp(-127.0, 127.0) as i8) as u8;
        }
    }
    bytes
}

/// A frozen quantised table, read in place.
#[derive(Debug, Clone)]
pub struct Table {
    bytes: Cow<'static, [u8]>,
    cols: usize,
    mask: usize,
    /// Which features may be stored: one bit per value of some hash bits
    /// (those of the fingerprint), set for every stored row. Most features
    /// of a sentence were pruned or never seen in training; this small
    /// bit set (in the core's own cache) turns them away without touching
    /// the table, whose lines mostly come from memory.
    present: Vec<u64>,
}

/// Bits of the presence set per table slot (a stored feature's bit is
/// always set; an absent one finds its bit set about 1 time in 12).
const PRESENT_BITS_PER_SLOT: usize = 8;

/// At most this many presence bits (128 KiB) per table, so fewer per slot
/// in a large table: at 8 per slot the transition table's set took 512
/// KiB, a core's whole L2 here, and its own misses cost about what it
/// saved. At 2 per slot an absent feature finds its bit set about 3 times
/// in 10 (367,001 rows over 2^20 bits); the other tables keep 8 per slot.
const MAX_PRESENT_BITS: usize = 1 << 20;

/// The presence bit of a feature hash (from the bits that the
/// fingerprint keeps, so that it can be computed from a stored slot).
#[inline]
fn present_bit(h: u64, nbits: usize) -> usize {
    (h >> 33) as usize & (nbits - 1)
}

impl Table {
    /// A table over `bytes` (as made by [`freeze`]); `None` when the length
    /// is not a power-of-two number of slots.
    pub fn new(bytes: Cow<'static, [u8]>, cols: usize) -> Option<Table> {
        let stride = slot_len(cols);
        let n = bytes.len() / stride;
        if cols == 0 || bytes.len() % stride != 0 || !n.is_power_of_two() {
            return None;
        }
        let nbits = (n * PRESENT_BITS_PER_SLOT).clamp(64, MAX_PRESENT_BITS);
        let mut present = vec![0u64; nbits / 64];
        for slot in bytes.chunks_exact(stride) {
            let key = u32::from_le_bytes([slot[0], slot[1], slot[2], slot[3]]);
            if key != 0 {
                // The fingerprint is bits 32–63 of the hash (bit 32 forced).
                let b = present_bit((key as u64) << 32, nbits);
                present[b / 64] |= 1 << (b % 64);
            }
        }
        Some(Table {
            bytes,
            cols,
            mask: n - 1,
            present,
        })
    }

    /// Number of classes.
    pub fn cols(&self) -> usize {
        self.cols
    }

    /// Size in bytes.
    pub fn len_bytes(&self) -> usize {
        self.bytes.len()
    }

    /// Whether feature `h` may be stored (false: certainly not).
    #[inline]
    fn may_hold(&self, h: u64) -> bool {
        let b = present_bit(h, self.present.len() * 64);
        self.present
            .get(b / 64)
            .is_some_and(|w| w & (1 << (b % 64)) != 0)
    }

    /// The byte offset of the slot of feature `h`, if stored.
    #[inline]
    fn slot(&self, h: u64) -> Option<usize> {
        let stride = slot_len(self.cols);
        let fp = fingerprint(h);
        let mut i = h as usize & self.mask;
        // The table is at most 70% full, so a probe meets an empty slot.
        for _ in 0..=self.mask {
            let key = self.bytes.get(i * stride..i * stride + 4)?;
            let key = u32::from_le_bytes([key[0], key[1], key[2], key[3]]);
            if key == fp {
                return Some(i * stride);
            }
            if key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
        None
    }

    /// Hints the cache lines of the home slots of `feats` (no effect on
    /// results): called ahead of [`Table::score`] on the same features, it
    /// overlaps their cache misses with other work.
    ///
    /// Branch-free: the presence word of a feature is often not in cache,
    /// and a branch on it (taken for about half the features, so often
    /// mispredicted) would wait for each such load in turn. A feature
    /// surely absent hints the first slot instead (a line already hot).
    #[inline]
    pub fn prefetch(&self, feats: &[u64]) {
        let stride = slot_len(self.cols);
        let bytes: &[u8] = &self.bytes;
        for &f in feats {
            let keep = (self.may_hold(f) as usize).wrapping_neg();
            let i = ((f as usize & self.mask) * stride) & keep;
            // A slot spans at most two lines (see `slot_len`).
            if let Some(b) = bytes.get(i) {
                prefetch(b);
            }
            if let Some(b) = bytes.get(i + stride - 1) {
                prefetch(b);
            }
        }
    }

    /// Sums the rows of `feats` into `out` (one per class).
    pub fn score(&self, feats: &[u64], out: &mut [f32]) {
        out.fill(0.0);
        let stride = slot_len(self.cols);
        let bytes: &[u8] = &self.bytes;
        let cols = self.cols.min(out.len());
        // A feature list of the models fits in one chunk.
        const CHUNK: usize = 96;
        let mut maybe = [0u64; CHUNK];
        let mut rows = [Row::default(); CHUNK];
        for chunk in feats.chunks(CHUNK) {
            // First the features that may be stored, kept without a branch
            // (see `prefetch`), their home slots hinted: the loads are
            // independent, so the CPU overlaps their cache misses instead
            // of waiting for each in turn in the look-ups below.
            let mut m = 0;
            for &f in chunk {
                let held = self.may_hold(f);
                maybe[m] = f;
                m += usize::from(held);
                let i = ((f as usize & self.mask) * stride) & (held as usize).wrapping_neg();
                if let Some(b) = bytes.get(i) {
                    prefetch(b);
                }
                if let Some(b) = bytes.get(i + stride - 1) {
                    prefetch(b);
                }
            }
            let mut n = 0;
            for &f in &maybe[..m] {
                if let Some(off) = self.slot(f) {
                    let sc = &bytes[off + 4..off + 8];
                    rows[n] = Row {
                        scale: f32::from_le_bytes([sc[0], sc[1], sc[2], sc[3]]),
                        off: off + 8,
                    };
                    n += 1;
                }
            }
            accumulate(&rows[..n], bytes, &mut out[..cols], stride - 8);
        }
    }
}

/// A stored row: its scale and where its quantised weights start.
#[derive(Clone, Copy, Default)]
struct Row {
    scale: f32,
    off: usize,
}

/// Adds `scale × weight` of each row to `out`, row after row for each
/// class (the order of the sums, hence every bit of the result, is that of
/// a plain loop over rows); blocks of classes stay in registers meanwhile.
/// `room` bytes from a row's start may be read: the slot's zero padding
/// after the weights lets the last classes be summed as one more block.
fn accumulate(rows: &[Row], bytes: &[u8], out: &mut [f32], room: usize) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2 (checked just above).
        unsafe { accumulate_avx2(rows, bytes, out, room) };
        return;
    }
    accumulate_plain(rows, bytes, out, room);
}

/// [`accumulate_plain`] compiled for AVX2 (wider vectors; multiplies and
/// adds stay separate, no fused multiply-add, so results are identical).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn accumulate_avx2(rows: &[Row], bytes: &[u8], out: &mut [f32], room: usize) {
    accumulate_plain(rows, bytes, out, room);
}

#[inline(always)]
fn accumulate_plain(rows: &[Row], bytes: &[u8], out: &mut [f32], room: usize) {
    const B: usize = 16;
    let cols = out.len();
    let mut c0 = 0;
    while c0 + B <= cols {
        block::<B>(rows, bytes, &mut out[c0..], c0);
        c0 += B;
    }
    let rest = cols - c0;
    if rest == 0 {
        return;
    }
    // The tagger's 102 classes end in a block of 6 and the labels' 51 in
    // one of 3: summed one class at a time, those took a good part of the
    // time; a block reaching into the padding (never past the slot) does not.
    if rest <= 8 && c0 + 8 <= room {
        block::<8>(rows, bytes, &mut out[c0..], c0);
    } else if c0 + B <= room {
        block::<B>(rows, bytes, &mut out[c0..], c0);
    } else {
        for r in rows {
            let w = bytes.get(r.off + c0..r.off + cols).unwrap_or_default();
            for (o, &q) in out[c0..].iter_mut().zip(w) {
                *o += r.scale * (q as i8) as f32;
            }
        }
    }
}

/// Adds classes `c0..c0 + W` of the rows to `out[..W]` (or to as many of
/// them as `out` holds: lanes past its end are summed and dropped).
#[inline(always)]
fn block<const W: usize>(rows: &[Row], bytes: &[u8], out: &mut [f32], c0: usize) {
    let k = out.len().min(W);
    let mut acc = [0f32; W];
    acc[..k].copy_from_slice(&out[..k]);
    for r in rows {
        let Some(w) = bytes.get(r.off + c0..).and_then(|w| w.first_chunk::<W>()) else {
            continue;
        };
        for j in 0..W {
            acc[j] += r.scale * (w[j] as i8) as f32;
        }
    }
    out[..k].copy_from_slice(&acc[..k]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain sum, feature after feature, that `score` must equal bit
    /// for bit.
    fn reference(t: &Table, feats: &[u64], out: &mut [f32]) {
        out.fill(0.0);
        let stride = slot_len(t.cols);
        for &f in feats {
            if let Some(off) = t.slot(f) {
                let slot = &t.bytes[off..off + stride];
                let scale = f32::from_le_bytes([slot[4], slot[5], slot[6], slot[7]]);
                for (o, &q) in out.iter_mut().zip(&slot[8..]) {
                    *o += scale * (q as i8) as f32;
                }
            }
        }
    }

    #[test]
    fn a_large_table_with_fewer_presence_bits_keeps_every_row() {
        // 200,000 rows in 2^18 slots: 8 bits per slot would exceed the cap.
        let rows: Vec<(u64, Vec<f32>)> = (0..200_000u64)
            .map(|i| (crate::ner::hash::mix(i + 1), vec![1.0 + (i % 7) as f32]))
            .collect();
        let t = Table::new(Cow::Owned(freeze(&rows, 1, 200_000, 0.0)), 1).unwrap();
        assert_eq!(t.present.len() * 64, MAX_PRESENT_BITS);
        let mut out = [0f32];
        let mut want = [0f32];
        for (k, _) in rows.iter().step_by(97) {
            assert!(t.may_hold(*k));
            t.score(&[*k], &mut out);
            reference(&t, &[*k], &mut want);
            assert_eq!(out[0].to_bits(), want[0].to_bits());
            assert!(out[0] > 0.0);
        }
    }

    #[test]
    fn blocked_scores_equal_the_plain_sum_bit_for_bit() {
        let mut seed = 7u64;
        let mut next = || {
            seed = crate::ner::hash::mix(seed.wrapping_add(0x9E37_79B9_7F4A_7C15));
            seed
        };
        for cols in [1, 3, 16, 51, 102] {
            let rows: Vec<(u64, Vec<f32>)> = (0..500)
                .map(|_| {
                    let k = next();
                    let row = (0..cols)
                        .map(|_| (next() % 20_001) as f32 / 1000.0 - 10.0)
                        .collect();
                    (k, row)
                })
                .collect();
            let t = Table::new(Cow::Owned(freeze(&rows, cols, 400, 0.0)), cols).unwrap();
            for n in [0, 1, 45, 70, 130] {
                // Stored and unknown features, mixed.
                let feats: Vec<u64> = (0..n)
                    .map(|i| {
                        if i % 3 == 0 {
                            next()
                        } else {
                            rows[i * 7 % 500].0
                        }
                    })
                    .collect();
                let (mut a, mut b) = (vec![0f32; cols], vec![0f32; cols]);
                t.score(&feats, &mut a);
                reference(&t, &feats, &mut b);
                let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&a), bits(&b), "cols {cols}, {n} features");
            }
        }
    }
}
