//! Word clusters learned from raw text: spherical k-means over sparse PPMI vectors of
//! (position, neighbour) contexts (neighbours at -2, -1, +1, +2 among the most frequent
//! words). Several granularities (one k-means per k). Words are lower-cased.
//!
//! File format: `word \t id_1 \t id_2 \t id_3` (0-based ids, one line per word).

use super::features::{lower_hash, Clusters};
use super::hash::SplitMix64;
use std::collections::HashMap;

/// Parse a cluster file (see the module docs) into a [`Clusters`] map keyed by the
/// lower-cased word's hash. Ids are stored shifted by one so that 0 means "no cluster";
/// a missing or unparsable id gives 0.
pub fn parse_clusters(text: &str) -> Clusters {
    let mut c = Clusters::default();
    let mut buf = String::new();
    for line in text.lines() {
        let mut it = line.split('\t');
        let Some(w) = it.next() else { continue };
        let mut ids = [0u16; 3];
        for (k, x) in it.take(3).enumerate() {
            ids[k] = x.parse::<u16>().map(|v| v.saturating_add(1)).unwrap_or(0);
        }
        c.map.insert(lower_hash(w, &mut buf), ids);
    }
    c
}

fn norm_token(w: &str) -> String {
    let l = w.to_lowercase();
    // collapse digits so numbers share contexts
    l.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

/// Learn clusters; returns the text file content.
pub fn learn(sents: &[Vec<String>], ks: &[usize], min_count: usize, seed: u64) -> String {
    let n_ctx = 3000usize;
    let mut counts: HashMap<String, usize> = HashMap::new();
    for s in sents {
        for w in s {
            *counts.entry(norm_token(w)).or_insert(0) += 1;
        }
    }
    let mut by_freq: Vec<(&String, &usize)> = counts.iter().collect();
    by_freq.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let ctx_id: HashMap<&str, usize> = by_freq
        .iter()
        .take(n_ctx)
        .enumerate()
        .map(|(i, (w, _))| (w.as_str(), i))
        .collect();
    let vocab: Vec<&String> = by_freq
        .iter()
        .filter(|(_, c)| **c >= min_count)
        .map(|(w, _)| *w)
        .collect();
    let word_id: HashMap<&str, usize> = vocab
        .iter()
        .enumerate()
        .map(|(i, w)| (w.as_str(), i))
        .collect();
    let dims = 4 * (n_ctx + 1);
    let bos = n_ctx; // boundary context id
    let mut co: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
    let mut ctx_tot = vec![0f64; dims];
    let mut total = 0f64;
    for s in sents {
        let toks: Vec<String> = s.iter().map(|w| norm_token(w)).collect();
        for i in 0..toks.len() {
            let Some(&wi) = word_id.get(toks[i].as_str()) else {
                continue;
            };
            for (blk, off) in [-2isize, -1, 1, 2].iter().enumerate() {
                let j = i as isize + off;
                let c = if j < 0 || j >= toks.len() as isize {
                    bos
                } else {
                    match ctx_id.get(toks[j as usize].as_str()) {
                        Some(&c) => c,
                        None => continue,
                    }
                };
                let d = blk * (n_ctx + 1) + c;
                *co[wi].entry(d as u32).or_insert(0.0) += 1.0;
                ctx_tot[d] += 1.0;
                total += 1.0;
            }
        }
    }
    // PPMI weighting, L2 normalisation
    let mut vecs: Vec<Vec<(u32, f32)>> = Vec::with_capacity(vocab.len());
    for row in &co {
        let wt: f64 = row.values().map(|&v| v as f64).sum();
        let mut v: Vec<(u32, f32)> = row
            .iter()
            .filter_map(|(&d, &c)| {
                let pmi = ((c as f64 * total)
                    / (wt * ctx_tot[d as usize].powf(0.75) * total.powf(0.25)))
                .ln();
                if pmi > 0.0 {
                    Some((d, pmi as f32))
                } else {
                    None
                }
            })
            .collect();
        v.sort_unstable_by_key(|x| x.0);
        let nrm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-6);
        for x in &mut v {
            x.1 /= nrm;
        }
        vecs.push(v);
    }
    let mut assign_all: Vec<Vec<usize>> = Vec::new();
    for &k in ks {
        assign_all.push(kmeans(&vecs, dims, k.min(vecs.len().max(1)), 12, seed));
    }
    let mut out = String::new();
    for (wi, w) in vocab.iter().enumerate() {
        out.push_str(w);
        for a in &assign_all {
            out.push('\t');
            out.push_str(&a[wi].to_string());
        }
        out.push('\n');
    }
    out
}

fn kmeans(vecs: &[Vec<(u32, f32)>], dims: usize, k: usize, iters: usize, seed: u64) -> Vec<usize> {
    let n = vecs.len();
    let mut rng = SplitMix64(seed ^ (k as u64) << 8);
    // seeds: random among the most frequent words (vecs are in frequency order)
    let pool = (k * 4).min(n);
    let mut idx: Vec<usize> = (0..pool).collect();
    rng.shuffle(&mut idx);
    // centroids transposed: c[d * k + j]
    let mut c = vec![0f32; dims * k];
    for (j, &w) in idx.iter().take(k).enumerate() {
        for &(d, v) in &vecs[w] {
            c[d as usize * k + j] = v;
        }
    }
    let mut assign = vec![0usize; n];
    let mut scores = vec![0f32; k];
    for _ in 0..iters {
        for (i, v) in vecs.iter().enumerate() {
            scores.iter_mut().for_each(|s| *s = 0.0);
            for &(d, x) in v {
                let row = &c[d as usize * k..d as usize * k + k];
                for (s, &cv) in scores.iter_mut().zip(row) {
                    *s += x * cv;
                }
            }
            let mut best = 0;
            for j in 1..k {
                if scores[j] > scores[best] {
                    best = j;
                }
            }
            assign[i] = best;
        }
        c.iter_mut().for_each(|x| *x = 0.0);
        let mut sizes = vec![0usize; k];
        for (i, v) in vecs.iter().enumerate() {
            let j = assign[i];
            sizes[j] += 1;
            for &(d, x) in v {
                c[d as usize * k + j] += x;
            }
        }
        // normalise centroids; re-seed empty clusters
        let mut norms = vec![0f32; k];
        for d in 0..dims {
            for j in 0..k {
                norms[j] += c[d * k + j] * c[d * k + j];
            }
        }
        for j in 0..k {
            if sizes[j] == 0 {
                let w = rng.below(n);
                for &(d, v) in &vecs[w] {
                    c[d as usize * k + j] = v;
                }
                continue;
            }
            let nr = norms[j].sqrt().max(1e-6);
            for d in 0..dims {
                c[d * k + j] /= nr;
            }
        }
    }
    assign
}
