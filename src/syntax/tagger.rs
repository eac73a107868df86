//! The part-of-speech tagger: greedy, left to right, one class per token
//! among the joint `UPOS|XPOS` classes seen in training.
//!
//! Per-token atoms (word hashes, affixes, shape, tag-dictionary class) are
//! computed once per sentence ([`token_atoms`]); [`features`] combines them
//! with the previous two predictions.

use std::borrow::Cow;

use crate::ner::hash::{comb, fnv, mix};

use super::table::{Table, TrainTable};

/// Anything that scores a feature list (training or frozen weights).
pub trait Scorer {
    /// Writes one score per class into `out`.
    fn score(&self, feats: &[u64], out: &mut [f32]);

    /// Hints that `feats` will be scored soon (no effect on results).
    fn prefetch(&self, _feats: &[u64]) {}
}

impl Scorer for TrainTable {
    fn score(&self, feats: &[u64], out: &mut [f32]) {
        TrainTable::score(self, feats, out)
    }
}

impl Scorer for Table {
    fn score(&self, feats: &[u64], out: &mut [f32]) {
        Table::score(self, feats, out)
    }

    fn prefetch(&self, feats: &[u64]) {
        Table::prefetch(self, feats)
    }
}

/// The hash of a word as the models see it: lower-cased, digits as `0`.
pub fn word_hash(form: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for c in form.chars().flat_map(char::to_lowercase) {
        let c = if c.is_ascii_digit() { '0' } else { c };
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Bits of a tag-dictionary value that hold the UPOS mask.
pub const UPOS_BITS: u32 = 0x3ffff;
/// Where a tag-dictionary value keeps its fixed class (id + 1, 8 bits).
pub const FIXED_SHIFT: u32 = 24;

/// Tag dictionary: word hash → bit mask of the UPOS classes it takes
/// (sorted 12-byte entries `[hash u64][mask u32]`, searched in place).
#[derive(Debug, Clone, Default)]
pub struct TagDict {
    bytes: Cow<'static, [u8]>,
}

impl TagDict {
    /// A dictionary over sorted entries; `None` if the length is wrong.
    pub fn new(bytes: Cow<'static, [u8]>) -> Option<TagDict> {
        (bytes.len() % 12 == 0).then_some(TagDict { bytes })
    }

    /// Builds the bytes from (hash, mask) pairs.
    pub fn build(mut entries: Vec<(u64, u32)>) -> Vec<u8> {
        entries.sort_unstable();
        entries.dedup_by_key(|e| e.0);
        let mut out = Vec::with_capacity(entries.len() * 12);
        for (h, m) in entries {
            out.extend_from_slice(&h.to_le_bytes());
            out.extend_from_slice(&m.to_le_bytes());
        }
        out
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    fn entry(&self, i: usize) -> (u64, u32) {
        let e = &self.bytes[i * 12..][..12];
        let mut h = [0u8; 8];
        h.copy_from_slice(&e[..8]);
        (
            u64::from_le_bytes(h),
            u32::from_le_bytes([e[8], e[9], e[10], e[11]]),
        )
    }

    /// The mask of a word hash (0 when unknown).
    pub fn get(&self, h: u64) -> u32 {
        let (mut lo, mut hi) = (0, self.bytes.len() / 12);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let (k, m) = self.entry(mid);
            match k.cmp(&h) {
                std::cmp::Ordering::Equal => return m,
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
            }
        }
        0
    }
}

/// What the tagger knows of a token before tagging.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokAtoms {
    /// [`word_hash`].
    pub w: u64,
    /// The exact form's hash (keeps capitalisation).
    pub exact: u64,
    /// Suffixes of 1–5 chars of the lower-cased form.
    pub suf: [u64; 5],
    /// Prefixes of 1–3 chars.
    pub pre: [u64; 3],
    /// Word shape (`Xxxx`, `dd`, `X.X.`).
    pub shape: u64,
    /// Tag-dictionary mask (UPOS bits).
    pub dict: u32,
    /// The class of a frequent word that always takes it (class id + 1;
    /// 0 = none): tagged without scoring.
    pub fixed: u8,
    /// Word clusters, packed (see [`cluster_ids`]); 0 when unknown.
    pub cl: u32,
}

/// The three cluster ids (coarse, middle, fine; 0 = unknown) of a packed
/// cluster value: bits 0–7, 8–16 and 17–27.
#[inline]
pub fn cluster_ids(packed: u32) -> [u64; 3] {
    [
        (packed & 0xff) as u64,
        ((packed >> 8) & 0x1ff) as u64,
        ((packed >> 17) & 0x7ff) as u64,
    ]
}

/// Packs cluster ids (each 0-based) as [`cluster_ids`] reads them.
pub fn pack_clusters(ids: [u32; 3]) -> u32 {
    (ids[0] + 1).min(0xff) | ((ids[1] + 1).min(0x1ff) << 8) | ((ids[2] + 1).min(0x7ff) << 17)
}

/// The atoms of one token (`clusters`: word hash → packed clusters, in the
/// same format as the tag dictionary).
pub fn token_atoms(form: &str, dict: &TagDict, clusters: &TagDict) -> TokAtoms {
    // The first three and the last five chars of the lower-cased form are
    // all the affixes read: kept in fixed arrays, no allocation.
    let (mut head, mut tail) = (['\0'; 3], ['\0'; 5]);
    let mut n = 0usize;
    // The word hash ([`word_hash`]) in the same pass.
    let mut w = 0xcbf2_9ce4_8422_2325u64;
    for c in form.chars().flat_map(char::to_lowercase) {
        if n < 3 {
            head[n] = c;
        }
        tail[n % 5] = c;
        n += 1;
        let d = if c.is_ascii_digit() { '0' } else { c };
        let mut buf = [0u8; 4];
        for &b in d.encode_utf8(&mut buf).as_bytes() {
            w ^= b as u64;
            w = w.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let affix =
        |chars: &mut dyn Iterator<Item = char>, tag: u64| chars.fold(tag, |h, c| comb(h, c as u64));
    let mut suf = [0u64; 5];
    for (k, s) in suf.iter_mut().enumerate() {
        let len = n.min(k + 1);
        *s = affix(&mut (n - len..n).map(|j| tail[j % 5]), 100 + k as u64);
    }
    let mut pre = [0u64; 3];
    for (k, p) in pre.iter_mut().enumerate() {
        *p = affix(&mut head[..n.min(k + 1)].iter().copied(), 200 + k as u64);
    }
    let entry = dict.get(w);
    TokAtoms {
        w,
        exact: fnv(form.as_bytes()),
        suf,
        pre,
        shape: shape(form),
        dict: entry & UPOS_BITS,
        fixed: (entry >> FIXED_SHIFT) as u8,
        cl: clusters.get(w),
    }
}

/// A short word shape: character classes with runs over two collapsed.
fn shape(form: &str) -> u64 {
    let mut h = 7u64;
    let (mut last, mut run) = ('\0', 0);
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        run = if k == last { run + 1 } else { 0 };
        last = k;
        if run < 2 {
            h = comb(h, k as u64);
        }
    }
    h
}

const NONE: u64 = 0x5151_5151;
const START: u8 = 254;

/// The tagger's features for token `i`, given the predictions `tags[..i]`.
pub fn features(a: &[TokAtoms], i: usize, tags: &[u8], out: &mut Vec<u64>) {
    out.clear();
    let at = |j: isize| -> Option<&TokAtoms> {
        if j < 0 {
            None
        } else {
            a.get(j as usize)
        }
    };
    let ii = i as isize;
    let w = |j: isize| at(j).map_or(NONE, |t| t.w);
    let t = |j: isize| -> u64 {
        if j < 0 {
            START as u64
        } else {
            tags.get(j as usize).map_or(START as u64, |&t| t as u64)
        }
    };
    let cur = a[i];
    let f = |id: u64, v: u64| mix(id.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ v);
    out.push(f(1, 0));
    out.push(f(2, cur.w));
    out.push(f(3, cur.exact));
    for (k, s) in cur.suf.iter().enumerate() {
        out.push(f(4 + k as u64, *s));
    }
    for (k, p) in cur.pre.iter().enumerate() {
        out.push(f(10 + k as u64, *p));
    }
    out.push(f(13, cur.shape));
    out.push(f(14, w(ii - 1)));
    out.push(f(15, w(ii + 1)));
    out.push(f(18, t(ii - 1)));
    out.push(f(19, comb(t(ii - 2), t(ii - 1))));
    out.push(f(20, comb(t(ii - 1), cur.w)));
    out.push(f(21, at(ii - 1).map_or(NONE, |t| t.suf[2])));
    out.push(f(22, at(ii + 1).map_or(NONE, |t| t.suf[2])));
    out.push(f(23, at(ii + 1).map_or(NONE, |t| t.dict as u64)));
    out.push(f(24, at(ii + 2).map_or(NONE, |t| t.dict as u64)));
    out.push(f(25, comb(cur.w, w(ii + 1))));
    out.push(f(27, comb(cur.shape, (i == 0) as u64)));
    out.push(f(
        28,
        comb(t(ii - 1), at(ii + 1).map_or(NONE, |t| t.dict as u64)),
    ));
    out.push(f(29, comb(cur.suf[2], t(ii - 1))));
    out.push(f(30, cur.dict as u64));
    out.push(f(31, comb(cur.dict as u64, t(ii - 1))));
    let cl = |j: isize, k: usize| at(j).map_or(NONE, |t| cluster_ids(t.cl)[k]);
    out.push(f(35, cl(ii, 0)));
    out.push(f(36, cl(ii, 1)));
    out.push(f(37, cl(ii, 2)));
    out.push(f(38, cl(ii - 1, 1)));
    out.push(f(39, cl(ii + 1, 1)));
    out.push(f(40, cl(ii + 1, 2)));
    out.push(f(42, comb(cl(ii, 1), t(ii - 1))));
    out.push(f(43, comb(cl(ii, 2), cur.suf[2])));
    // Neighbours' shapes and exact forms: runs of capitalised words are
    // names (PROPN), a capitalised word after a lower-case one is no
    // sentence start.
    let sh = |j: isize| at(j).map_or(NONE, |t| t.shape);
    let ex = |j: isize| at(j).map_or(NONE, |t| t.exact);
    out.push(f(44, sh(ii - 1)));
    out.push(f(45, sh(ii + 1)));
    out.push(f(46, comb(cur.shape, sh(ii + 1))));
    out.push(f(47, comb(sh(ii - 1), cur.shape)));
    out.push(f(51, ex(ii - 1)));
    out.push(f(52, ex(ii + 1)));
}

/// Scratch buffers for tagging, reused across sentences.
#[derive(Debug, Default)]
pub struct TagScratch {
    feats: Vec<u64>,
    next: Vec<u64>,
    scores: Vec<f32>,
}

/// Tags a sentence greedily into `tags` (one class id per token).
///
/// Before a token is scored, the next token's features are hinted to the
/// cache (those that read the current prediction are provisional then, the
/// others exact), so that its weight lookups overlap with this token's.
pub fn tag_sentence<S: Scorer>(
    scorer: &S,
    classes: usize,
    atoms: &[TokAtoms],
    tags: &mut Vec<u8>,
    scratch: &mut TagScratch,
) {
    tags.clear();
    scratch.scores.resize(classes, 0.0);
    for i in 0..atoms.len() {
        if let Some(c) = fixed_class(&atoms[i], classes) {
            tags.push(c);
            continue;
        }
        features(atoms, i, tags, &mut scratch.feats);
        if atoms
            .get(i + 1)
            .is_some_and(|a| fixed_class(a, classes).is_none())
        {
            features(atoms, i + 1, tags, &mut scratch.next);
            scorer.prefetch(&scratch.next);
        }
        scorer.score(&scratch.feats, &mut scratch.scores);
        tags.push(argmax(&scratch.scores) as u8);
    }
}

/// The class of a word the tag dictionary fixes, if any (and in range).
#[inline]
pub fn fixed_class(a: &TokAtoms, classes: usize) -> Option<u8> {
    let c = a.fixed.checked_sub(1)?;
    ((c as usize) < classes).then_some(c)
}

/// Index of the largest score (the first on ties).
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The affixes as first written (a lower-cased char vector).
    fn reference_affixes(form: &str) -> ([u64; 5], [u64; 3]) {
        let lower: Vec<char> = form.chars().flat_map(char::to_lowercase).collect();
        let n = lower.len();
        let affix = |chars: &[char], tag: u64| chars.iter().fold(tag, |h, &c| comb(h, c as u64));
        let mut suf = [0u64; 5];
        for (k, s) in suf.iter_mut().enumerate() {
            *s = affix(&lower[n.saturating_sub(k + 1)..], 100 + k as u64);
        }
        let mut pre = [0u64; 3];
        for (k, p) in pre.iter_mut().enumerate() {
            *p = affix(&lower[..n.min(k + 1)], 200 + k as u64);
        }
        (suf, pre)
    }

    #[test]
    fn atoms_without_allocation_equal_the_plain_ones() {
        let (dict, clusters) = (TagDict::default(), TagDict::default());
        for form in [
            "",
            "a",
            "of",
            "the",
            "İstanbul",
            "ÉTATS",
            "naïveté",
            "x2019",
            "U.S.",
            "ﬁnest",
            "ß",
        ] {
            let a = token_atoms(form, &dict, &clusters);
            assert_eq!((a.suf, a.pre), reference_affixes(form), "{form}");
            assert_eq!(a.w, word_hash(form), "{form}");
        }
    }
}
