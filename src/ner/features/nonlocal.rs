//! Stage-2 (non-local) features from the stage-1 labels of the same words elsewhere
//! in the document.

use super::templates::{f1, f2};
use super::*;

/// Stage-2 (non-local) features from stage-1 labels `s1` (flat over the document's
/// real tokens, sentence by sentence). `n_labels` is the label count; `label_type`
/// maps a label to its entity type (0 = O, else 1 + type index).
pub struct NonLocal {
    /// per token: counts of stage-1 labels of the *other* occurrences of its lw
    counts: IdMap<Vec<u16>>,
    /// capitalised tokens: (prev lw, next lw, flat index) of every occurrence
    ctx: IdMap<Vec<(u64, u64, u32)>>,
}

impl NonLocal {
    /// Collect the document statistics from the stage-1 labels `s1` (flat over the real
    /// tokens); `n_labels` is the number of labels.
    pub fn new(d: &DocAttrs, s1: &[u8], n_labels: usize) -> NonLocal {
        let mut counts: IdMap<Vec<u16>> = IdMap::default();
        let mut ctx: IdMap<Vec<(u64, u64, u32)>> = IdMap::default();
        let mut k = 0;
        for &(off, n) in &d.sents {
            for i in 0..n {
                let a = &d.attrs[off + i];
                if a.flags & F_ALPHA != 0 {
                    let e = counts.entry(a.lw).or_insert_with(|| vec![0; n_labels]);
                    if let Some(c) = e.get_mut(s1[k] as usize) {
                        *c = c.saturating_add(1);
                    }
                    if d.ctx_agg && a.flags & (F_INITCAP | F_ALLCAP) != 0 {
                        ctx.entry(a.lw).or_default().push((
                            d.attrs[off + i - 1].lw,
                            d.attrs[off + i + 1].lw,
                            k as u32,
                        ));
                    }
                }
                k += 1;
            }
        }
        NonLocal { counts, ctx }
    }

    /// `k` is the flat token index of (si, i).
    #[allow(clippy::too_many_arguments)]
    pub fn features(
        &self,
        d: &DocAttrs,
        s1: &[u8],
        si: usize,
        i: usize,
        k: usize,
        label_type: &[u8],
        out: &mut Vec<u64>,
    ) {
        let (off, n) = d.sents[si];
        let c = &d.attrs[off + i];
        let base = 1000u64;
        let lab = |j: isize| -> u64 {
            if j < 0 {
                200
            } else if j as usize >= n {
                201
            } else {
                s1[(k as isize + j - i as isize) as usize] as u64
            }
        };
        let ii = i as isize;
        out.push(f1(base + 1, lab(ii)));
        out.push(f2(base + 2, lab(ii - 1), lab(ii)));
        out.push(f2(base + 3, lab(ii), lab(ii + 1)));
        out.push(f2(base + 4, lab(ii), c.cshape));
        if c.flags & F_ALPHA == 0 {
            return;
        }
        if let Some(v) = self.ctx.get(&c.lw).filter(|v| v.len() > 1) {
            for &(pw, nw, kk) in v.iter().take(12) {
                if kk as usize != k {
                    out.push(f1(base + 20, pw));
                    out.push(f1(base + 21, nw));
                }
            }
        }
        if let Some(cnt) = self.counts.get(&c.lw) {
            let own = s1[k] as usize;
            let mut tcount = [0u32; 16];
            let mut total = 0u32;
            for (y, &v) in cnt.iter().enumerate() {
                let v = (v as u32).saturating_sub((y == own) as u32);
                if v == 0 {
                    continue;
                }
                total += v;
                tcount[label_type[y] as usize % 16] += v;
                out.push(f1(base + 5, y as u64));
                out.push(f2(
                    base + 6,
                    y as u64,
                    (c.flags & (F_INITCAP | F_ALLCAP)) as u64,
                ));
            }
            if let Some(share) = (4 * bc_of(&tcount)).checked_div(total) {
                // majority entity type among other occurrences tagged as entities
                let (bt, bc) = tcount[1..]
                    .iter()
                    .enumerate()
                    .max_by_key(|x| *x.1)
                    .map(|(t, &c)| (t + 1, c))
                    .unwrap_or((0, 0));
                if bc > 0 {
                    let frac = share.min(3) as u64;
                    out.push(f2(base + 7, bt as u64, frac));
                    out.push(f2(base + 8, bt as u64, c.doccase as u64));
                    out.push(f2(base + 9, bt as u64, lab(ii)));
                } else {
                    out.push(f1(base + 10, c.doccase as u64));
                }
            }
        }
    }
}

fn bc_of(tcount: &[u32; 16]) -> u32 {
    tcount[1..].iter().copied().max().unwrap_or(0)
}
