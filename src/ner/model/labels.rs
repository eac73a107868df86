//! The BILOU label layout of the entity types.

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
