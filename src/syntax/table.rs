//! Weight tables: feature hash → one row of class weights.
//!
//! [`TrainTable`] is the averaged perceptron's table while training (f32
//! weights plus the running sums for averaging). [`Table`] is the frozen,
//! quantised table of the model file: open addressing over a power-of-two
//! number of slots, each slot `[fingerprint u32][scale f32][cols × i8]`,
//! read in place from the (possibly embedded) bytes, so loading copies
//! nothing.

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
        Some(Table {
            bytes,
            cols,
            mask: n - 1,
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

    /// The slot of feature `h`, if stored.
    #[inline]
    fn slot(&self, h: u64) -> Option<&[u8]> {
        let stride = slot_len(self.cols);
        let fp = fingerprint(h);
        let mut i = h as usize & self.mask;
        // The table is at most 70% full, so a probe meets an empty slot.
        for _ in 0..=self.mask {
            let slot = self.bytes.get(i * stride..(i + 1) * stride)?;
            let key = u32::from_le_bytes([slot[0], slot[1], slot[2], slot[3]]);
            if key == fp {
                return Some(slot);
            }
            if key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
        None
    }

    /// Sums the rows of `feats` into `out` (one per class).
    pub fn score(&self, feats: &[u64], out: &mut [f32]) {
        out.fill(0.0);
        // Touch every feature's home slot first: the loads are independent,
        // so the CPU overlaps their cache misses instead of waiting for
        // each in turn inside the summing loop below.
        let stride = slot_len(self.cols);
        let mut touched = 0u8;
        for &f in feats {
            let i = (f as usize & self.mask) * stride;
            touched ^= self.bytes.get(i).copied().unwrap_or(0);
        }
        std::hint::black_box(touched);
        for &f in feats {
            if let Some(slot) = self.slot(f) {
                let scale = f32::from_le_bytes([slot[4], slot[5], slot[6], slot[7]]);
                for (o, &q) in out.iter_mut().zip(&slot[8..]) {
                    *o += scale * (q as i8) as f32;
                }
            }
        }
    }
}
