//! The arc-hybrid transition system and greedy decoding.
//!
//! Words are numbered 1..=n; 0 is the artificial root, at the bottom of the
//! stack from the start. Transitions: SHIFT moves the buffer's front onto
//! the stack; LEFT makes the buffer's front the head of the stack's top and
//! pops it; RIGHT makes the second stack item the head of the top and pops
//! it. RIGHT onto the root is legal only once the buffer is empty, so every
//! parse is a tree with exactly one word under the root. Each step is O(1)
//! and a sentence takes 2n steps: linear time, no recursion, any length.

use super::pfeatures::{label_features, move_features};
use super::tagger::Scorer;

/// Move the buffer's front onto the stack.
pub const SHIFT: usize = 0;
/// Buffer front → stack top, pop.
pub const LEFT: usize = 1;
/// Second stack item → stack top, pop.
pub const RIGHT: usize = 2;
/// Number of transitions.
pub const MOVES: usize = 3;

/// "No word here" for child slots.
const NONE: u32 = u32::MAX;
/// "No label" for unattached words.
pub const NO_LABEL: u8 = 63;

/// A parser configuration plus what the features read of the partial tree.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// Number of words.
    pub n: usize,
    /// The stack (root 0 at the bottom).
    pub stack: Vec<u32>,
    /// The buffer's front (buffer empty when `b > n`).
    pub b: usize,
    /// Head of each word (`NONE` until attached; index 0 unused).
    pub heads: Vec<u32>,
    /// Label id of each attached word.
    pub labels: Vec<u8>,
    /// The two leftmost children.
    pub lc: Vec<[u32; 2]>,
    /// The two rightmost children.
    pub rc: Vec<[u32; 2]>,
    /// Number of left and right children.
    pub val: Vec<[u8; 2]>,
    /// Bit sets of the labels of left and right children.
    pub sets: Vec<[u64; 2]>,
}

impl State {
    /// Resets to the initial configuration for `n` words.
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.stack.push(0);
        self.b = 1;
        self.heads.clear();
        self.heads.resize(n + 1, NONE);
        self.labels.clear();
        self.labels.resize(n + 1, NO_LABEL);
        self.lc.clear();
        self.lc.resize(n + 1, [NONE; 2]);
        self.rc.clear();
        self.rc.resize(n + 1, [NONE; 2]);
        self.val.clear();
        self.val.resize(n + 1, [0; 2]);
        self.sets.clear();
        self.sets.resize(n + 1, [0; 2]);
    }

    /// Whether the parse is complete.
    pub fn terminal(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }

    /// Stack item `i` from the top (0 = top), if any.
    pub fn s(&self, i: usize) -> Option<u32> {
        self.stack.len().checked_sub(i + 1).map(|k| self.stack[k])
    }

    /// Buffer item `i` from the front, if any.
    pub fn buf(&self, i: usize) -> Option<u32> {
        let k = self.b + i;
        (k <= self.n).then_some(k as u32)
    }

    /// Child slot `k` (0 = outermost) on side `right` of word `h`.
    pub fn child(&self, h: Option<u32>, right: bool, k: usize) -> Option<u32> {
        let h = h? as usize;
        let c = if right { self.rc[h][k] } else { self.lc[h][k] };
        (c != NONE).then_some(c)
    }

    /// Whether transition `t` is legal here.
    pub fn legal(&self, t: usize) -> bool {
        let words_on_stack = self.stack.len() >= 2;
        match t {
            SHIFT => self.b <= self.n,
            LEFT => words_on_stack && self.b <= self.n,
            RIGHT => words_on_stack && (self.stack[self.stack.len() - 2] != 0 || self.b > self.n),
            _ => false,
        }
    }

    /// The arc (head, dependent) that `t` would add.
    pub fn arc(&self, t: usize) -> Option<(u32, u32)> {
        match t {
            LEFT => Some((self.b as u32, self.s(0)?)),
            RIGHT => Some((self.s(1)?, self.s(0)?)),
            _ => None,
        }
    }

    /// Applies a legal transition (`label` for arcs).
    pub fn apply(&mut self, t: usize, label: u8) {
        match t {
            SHIFT => {
                self.stack.push(self.b as u32);
                self.b += 1;
            }
            _ => {
                if let Some((h, d)) = self.arc(t) {
                    self.stack.pop();
                    self.add_arc(h, d, label);
                }
            }
        }
    }

    fn add_arc(&mut self, h: u32, d: u32, label: u8) {
        let (hu, du) = (h as usize, d as usize);
        self.heads[du] = h;
        self.labels[du] = label;
        let right = d > h;
        let side = right as usize;
        self.val[hu][side] = self.val[hu][side].saturating_add(1);
        self.sets[hu][side] |= 1u64 << (label & 63);
        let slots = if right {
            &mut self.rc[hu]
        } else {
            &mut self.lc[hu]
        };
        // Keep the two outermost children on each side.
        let outer = |a: u32, b: u32| {
            if b == NONE {
                true
            } else if right {
                a > b
            } else {
                a < b
            }
        };
        if outer(d, slots[0]) {
            slots[1] = slots[0];
            slots[0] = d;
        } else if outer(d, slots[1]) {
            slots[1] = d;
        }
    }

    /// Gives the arc just made by [`State::apply`] onto `d` the label
    /// `label`; `old_set` is the head's label set on that side before the
    /// arc. The state is then as if `apply` had been given `label`.
    fn relabel(&mut self, d: u32, old_set: u64, label: u8) {
        let du = d as usize;
        let h = self.heads[du] as usize;
        self.labels[du] = label;
        self.sets[h][usize::from(d as usize > h)] = old_set | 1u64 << (label & 63);
    }
}

/// A sentence as the parser sees it, the root at index 0: word hashes,
/// tag ids and packed word clusters.
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    /// Word hashes.
    pub w: &'a [u64],
    /// Tag ids.
    pub p: &'a [u8],
    /// Packed clusters.
    pub c: &'a [u32],
}

/// What the label choice needs to know about the label set.
#[derive(Debug, Clone, Default)]
pub struct LabelSpec {
    /// Labels allowed for left arcs (bit set).
    pub left: u64,
    /// Labels allowed for right arcs (bit set), root excluded.
    pub right: u64,
    /// The label of the root word.
    pub root: u8,
}

/// Best label for arc (h, d) among the allowed ones.
pub fn best_label<S: Scorer>(
    labels: &S,
    spec: &LabelSpec,
    st: &State,
    words: &Words,
    (h, d): (u32, u32),
    feats: &mut Vec<u64>,
    scores: &mut [f32],
) -> u8 {
    if h == 0 {
        return spec.root;
    }
    label_features(st, words, h, d, feats);
    choose_label(labels, spec, (h, d), feats, scores)
}

/// Best allowed label for arc (h, d) given its features (`h` ≠ 0).
fn choose_label<S: Scorer>(
    labels: &S,
    spec: &LabelSpec,
    (h, d): (u32, u32),
    feats: &[u64],
    scores: &mut [f32],
) -> u8 {
    let allowed = if d < h { spec.left } else { spec.right };
    labels.score(feats, scores);
    let mut best: Option<usize> = None;
    for (i, &s) in scores.iter().enumerate() {
        if i < 64 && allowed & (1u64 << i) != 0 && best.is_none_or(|b| s > scores[b]) {
            best = Some(i);
        }
    }
    best.unwrap_or(spec.root as usize) as u8
}

/// Scratch buffers for parsing, reused across sentences.
#[derive(Debug, Default)]
pub struct ParseScratch {
    /// The configuration.
    pub state: State,
    feats: Vec<u64>,
    label_feats: Vec<u64>,
    scores: Vec<f32>,
}

/// The best legal move (SHIFT when only one is legal: such forced moves
/// need no scores, and training never updates on them either).
fn best_move<S: Scorer>(moves: &S, state: &State, words: &Words, feats: &mut Vec<u64>) -> usize {
    let legal = [state.legal(0), state.legal(1), state.legal(2)];
    let mut t = (0..MOVES).find(|&m| legal[m]).unwrap_or(SHIFT);
    if legal.iter().filter(|&&l| l).count() > 1 {
        move_features(state, words, feats);
        let mut move_scores = [0f32; MOVES];
        moves.score(feats, &mut move_scores);
        let mut best = f32::NEG_INFINITY;
        for (m, &s) in move_scores.iter().enumerate() {
            if legal[m] && s > best {
                best = s;
                t = m;
            }
        }
    }
    t
}

/// Parses one sentence; the tree is left in `scratch.state`.
///
/// Scoring waits mostly on cache misses in the weight tables, so an arc's
/// label lookups are overlapped with the next move's: the arc is applied
/// with a provisional label, the next move's features are hinted to the
/// cache, and only then are the labels scored and the label set. Features
/// are recomputed on the final state, so the result is the same as
/// scoring one step after the other.
pub fn parse<S: Scorer>(
    moves: &S,
    labels: &S,
    n_labels: usize,
    spec: &LabelSpec,
    words: &Words,
    scratch: &mut ParseScratch,
) {
    let ParseScratch {
        state,
        feats,
        label_feats,
        scores,
    } = scratch;
    state.reset(words.w.len().saturating_sub(1));
    scores.resize(n_labels, 0.0);
    while !state.terminal() {
        let t = best_move(moves, state, words, feats);
        let Some((h, d)) = state.arc(t).filter(|&(h, _)| h != 0) else {
            let label = state.arc(t).map_or(NO_LABEL, |_| spec.root);
            state.apply(t, label);
            continue;
        };
        label_features(state, words, h, d, label_feats);
        labels.prefetch(label_feats);
        let old_set = state.sets[h as usize][usize::from(d > h)];
        state.apply(t, NO_LABEL);
        if !state.terminal() {
            move_features(state, words, feats);
            moves.prefetch(feats);
        }
        let label = choose_label(labels, spec, (h, d), label_feats, scores);
        state.relabel(d, old_set, label);
    }
}
