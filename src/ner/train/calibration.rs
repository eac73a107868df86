//! Confidence calibration: one temperature, fitted on dev spans, turns path
//! probabilities into span confidences whose error is measured as ECE.

use super::gold_chunks;
use crate::ner::conll::Document;
use crate::ner::model::{Model, Posterior};

/// Span confidences (at temperature `t`) and correctness for every predicted span.
pub fn span_confidences(model: &Model, docs: &[Document], temps: &[f32]) -> Vec<(Vec<f32>, bool)> {
    let tr = model.combined_trans();
    let mut out = Vec::new();
    for d in docs {
        let refs = d.token_refs();
        let dec = model.decode(&refs, None);
        let gc = gold_chunks(d, model.types());
        for (si, (e, y)) in dec.emit.iter().zip(&dec.labels).enumerate() {
            let posts: Vec<Posterior> = temps
                .iter()
                .map(|&t| Posterior::compute(e, &tr, &model.labels, t))
                .collect();
            for c in model.labels.chunks(y) {
                let ok = gc[si].contains(&c);
                let ps = posts
                    .iter()
                    .map(|p| p.path_prob(c.0, &y[c.0..c.1]).clamp(0.0, 1.0) as f32)
                    .collect();
                out.push((ps, ok));
            }
        }
    }
    out
}

/// Expected calibration error with 10 equal-width bins.
pub fn ece(conf: &[(f32, bool)]) -> f64 {
    let mut bins = [(0f64, 0f64, 0usize); 10];
    for &(c, ok) in conf {
        let b = ((c * 10.0) as usize).min(9);
        bins[b].0 += c as f64;
        bins[b].1 += ok as u8 as f64;
        bins[b].2 += 1;
    }
    let n = conf.len().max(1) as f64;
    bins.iter()
        .filter(|b| b.2 > 0)
        .map(|b| (b.0 - b.1).abs() / n)
        .sum()
}

/// Fit the temperature on dev by minimising span-level NLL of "span is correct".
/// Returns (T, ECE at T=1, ECE at T, NLL at T, number of spans).
pub fn calibrate(model: &Model, dev: &[Document]) -> (f32, f64, f64, f64, usize) {
    let temps: Vec<f32> = (0..90)
        .map(|k| 0.1 * (1.1f32).powi(k))
        .chain(std::iter::once(1.0))
        .collect();
    let sc = span_confidences(model, dev, &temps);
    let nll = |ti: usize| -> f64 {
        sc.iter()
            .map(|(ps, ok)| {
                let p = (ps[ti] as f64).clamp(1e-6, 1.0 - 1e-6);
                if *ok {
                    -p.ln()
                } else {
                    -(1.0 - p).ln()
                }
            })
            .sum::<f64>()
            / sc.len().max(1) as f64
    };
    let mut best = (f64::INFINITY, temps.len() - 1);
    for ti in 0..temps.len() {
        let v = nll(ti);
        if v < best.0 {
            best = (v, ti);
        }
    }
    let at = |ti: usize| -> Vec<(f32, bool)> { sc.iter().map(|(ps, ok)| (ps[ti], *ok)).collect() };
    let e1 = ece(&at(temps.len() - 1));
    let e2 = ece(&at(best.1));
    (temps[best.1], e1, e2, best.0, sc.len())
}
