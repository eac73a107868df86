//! The dynamic oracle of the arc-hybrid system (Goldberg & Nivre 2013) and
//! projectivisation of training trees.
//!
//! The oracle's cost of a transition is the number of gold arcs it makes
//! unreachable; it is exact for projective gold trees. Non-projective
//! training trees are therefore first projectivised by lifting (Nivre &
//! Nilsson 2005, without encoding the lift in the label): the dependent of
//! the shortest non-projective arc is re-attached to its head's head until
//! no arc crosses. Lifting keeps the label. Evaluation always compares with
//! the original trees.

use super::parser::{State, LEFT, RIGHT, SHIFT};

/// The cost of transition `t` in state `st` against gold heads `gold`
/// (index 0 unused). Assumes `t` is legal.
pub fn cost(st: &State, t: usize, gold: &[u32]) -> usize {
    let g = |x: u32| gold.get(x as usize).copied().unwrap_or(u32::MAX);
    let buffer = || (st.b..=st.n).map(|k| k as u32);
    let children_in_buffer = |x: u32| buffer().filter(|&k| g(k) == x).count();
    match t {
        SHIFT => {
            let Some(b0) = st.buf(0) else { return 0 };
            let s0 = st.s(0);
            let head_in_stack = st.stack.iter().any(|&k| Some(k) != s0 && g(b0) == k) as usize;
            let children_in_stack = st.stack.iter().filter(|&&k| k != 0 && g(k) == b0).count();
            head_in_stack + children_in_stack
        }
        LEFT => {
            let (Some(s0), Some(b0)) = (st.s(0), st.buf(0)) else {
                return usize::MAX;
            };
            let head_lost = (st.s(1) == Some(g(s0))) as usize
                + buffer().any(|k| k != b0 && g(s0) == k) as usize;
            head_lost + children_in_buffer(s0)
        }
        RIGHT => {
            let Some(s0) = st.s(0) else { return usize::MAX };
            buffer().any(|k| g(s0) == k) as usize + children_in_buffer(s0)
        }
        _ => usize::MAX,
    }
}

/// Whether arc `h → d` is projective under `heads` (1-based, 0 = root):
/// every word between them descends from `h`.
fn projective(heads: &[u32], h: u32, d: u32) -> bool {
    let (lo, hi) = if h < d { (h, d) } else { (d, h) };
    ((lo + 1)..hi).all(|k| descends(heads, k, h))
}

fn descends(heads: &[u32], mut k: u32, h: u32) -> bool {
    for _ in 0..heads.len() {
        if k == h {
            return true;
        }
        if k == 0 {
            return false;
        }
        k = heads.get(k as usize).copied().unwrap_or(0);
    }
    false
}

/// Lifts non-projective arcs until the tree is projective; returns the
/// number of lifts. `heads[0]` is unused.
pub fn projectivize(heads: &mut [u32]) -> usize {
    let mut lifts = 0;
    // Each lift moves a dependent strictly up, so this ends; the bound
    // guards against malformed input (cycles).
    for _ in 0..heads.len() * heads.len() {
        let shortest = (1..heads.len() as u32)
            .filter(|&d| heads[d as usize] != 0 && !projective(heads, heads[d as usize], d))
            .min_by_key(|&d| heads[d as usize].abs_diff(d));
        let Some(d) = shortest else { break };
        let h = heads[d as usize];
        heads[d as usize] = heads[h as usize];
        lifts += 1;
    }
    lifts
}
