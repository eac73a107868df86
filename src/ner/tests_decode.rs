//! The decoders against plain reference loops (bit for bit).

use crate::ner::model::{viterbi, LabelSet, Posterior};

/// The decoders read each label's predecessors from flat lists; they must
/// give bit for bit what the plain loops over `LabelSet::prevs` and
/// `LabelSet::nexts` with the full transition matrix gave.
#[test]
fn flat_decoders_equal_the_plain_loops() {
    let ls = LabelSet::new(["PER", "ORG", "LOC", "MISC"].map(String::from).to_vec());
    let n = ls.n;
    let mut seed = 11u64;
    let mut next = || {
        seed = crate::ner::hash::mix(seed.wrapping_add(0x9E37_79B9_7F4A_7C15));
        (seed % 20_001) as f32 / 1000.0 - 10.0
    };
    let trans: Vec<f32> = (0..(n + 1) * n).map(|_| next()).collect();
    for t in [0usize, 1, 2, 7, 40] {
        let emit: Vec<f32> = (0..t * n).map(|_| next()).collect();
        let mut y = Vec::new();
        viterbi(&emit, &trans, &ls, &mut y);
        assert_eq!(y, plain_viterbi(&emit, &trans, &ls), "{t} tokens");
        let post = Posterior::compute(&emit, &trans, &ls, 1.3);
        let (alpha, beta) = plain_forward_backward(&post, &ls, t);
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&post.alpha), bits(&alpha), "{t} tokens");
        assert_eq!(bits(&post.beta), bits(&beta), "{t} tokens");
    }
}

/// Viterbi as it was written before the flat predecessor lists.
fn plain_viterbi(emit: &[f32], trans: &[f32], ls: &LabelSet) -> Vec<u8> {
    let (n, t) = (ls.n, emit.len() / ls.n);
    if t == 0 {
        return Vec::new();
    }
    let neg = f32::NEG_INFINITY;
    let mut prev: Vec<f32> = (0..n)
        .map(|y| {
            if ls.allowed[n * n + y] {
                emit[y] + trans[n * n + y]
            } else {
                neg
            }
        })
        .collect();
    let mut back = vec![0u8; t * n];
    for i in 1..t {
        let mut cur = vec![neg; n];
        for y in 0..n {
            let (mut best, mut arg) = (neg, 0u8);
            for &p in &ls.prevs[y] {
                let dp = prev[p as usize];
                if dp == neg {
                    continue;
                }
                let s = dp + trans[p as usize * n + y];
                if s > best {
                    (best, arg) = (s, p);
                }
            }
            cur[y] = best + emit[i * n + y];
            back[i * n + y] = arg;
        }
        prev = cur;
    }
    let mut arg = 0usize;
    let mut best = neg;
    for (y, &v) in prev.iter().enumerate() {
        if ls.end_ok[y] && v > best {
            (best, arg) = (v, y);
        }
    }
    let mut out = vec![0u8; t];
    out[t - 1] = arg as u8;
    for i in (1..t).rev() {
        arg = back[i * n + arg] as usize;
        out[i - 1] = arg as u8;
    }
    out
}

/// The forward and backward passes as written before the flat lists, from
/// the emission and transition factors and scales of `post`.
fn plain_forward_backward(post: &Posterior, ls: &LabelSet, t: usize) -> (Vec<f64>, Vec<f64>) {
    let (n, tr, psi, scale) = (ls.n, &post.tr, &post.psi, &post.scale);
    let mut alpha = vec![0.0f64; t * n];
    let mut beta = vec![0.0f64; t * n];
    if t == 0 {
        return (alpha, beta);
    }
    for y in 0..n {
        alpha[y] = tr[n * n + y] * psi[y] / scale[0];
    }
    for i in 1..t {
        for y in 0..n {
            let mut acc = 0.0;
            for &p in &ls.prevs[y] {
                acc += alpha[(i - 1) * n + p as usize] * tr[p as usize * n + y];
            }
            alpha[i * n + y] = acc * psi[i * n + y] / scale[i];
        }
    }
    let zend: f64 = (0..n)
        .filter(|&y| ls.end_ok[y])
        .map(|y| alpha[(t - 1) * n + y])
        .sum();
    let zend = if zend > 0.0 { zend } else { 1.0 };
    for y in 0..n {
        beta[(t - 1) * n + y] = if ls.end_ok[y] { 1.0 / zend } else { 0.0 };
    }
    for i in (0..t - 1).rev() {
        for p in 0..n {
            let mut acc = 0.0;
            for &y in &ls.nexts[p] {
                let y = y as usize;
                acc += tr[p * n + y] * psi[(i + 1) * n + y] * beta[(i + 1) * n + y];
            }
            beta[i * n + p] = acc / scale[i + 1];
        }
    }
    (alpha, beta)
}
