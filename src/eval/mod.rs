//! Evaluation: scoring records against document-level gold sets.

pub mod gold;
pub mod sources;

/// Precision, recall and F1 from counts of true positives, predictions and
/// gold items (0 where a denominator is 0). Every scorer of the crate uses it.
pub fn ratios(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred > 0 {
        tp as f64 / pred as f64
    } else {
        0.0
    };
    let r = if gold > 0 {
        tp as f64 / gold as f64
    } else {
        0.0
    };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f1)
}
