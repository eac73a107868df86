//! The parser's features (after Zhang & Nivre 2011, adapted to arc-hybrid):
//! words and tags of the top three stack items and the first three buffer
//! words, their outermost children and the children's labels, distance,
//! valency and the label sets of the children.

use crate::ner::hash::mix;

use super::parser::{State, Words, NO_LABEL};
use super::tagger::cluster_ids;

const NONE_W: u64 = 0x6e6f_6e65;
const NONE_P: u64 = 252;
const NONE_L: u64 = NO_LABEL as u64;

/// One template id and a combination of atoms.
#[inline]
fn f(id: u64, a: u64, b: u64, c: u64) -> u64 {
    // A multiply-xor chain (order-sensitive) and one final mix: cheaper
    // than mixing at every step, and the atoms are hashes or small ids.
    let h = (id.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ a).wrapping_mul(0xff51_afd7_ed55_8ccd);
    let h = (h ^ b).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    mix(h ^ c)
}

/// The atoms of one position.
#[derive(Clone, Copy)]
struct At {
    w: u64,
    p: u64,
    l: u64,
}

#[inline]
fn at(st: &State, w: &[u64], p: &[u8], x: Option<u32>) -> At {
    match x {
        Some(i) => {
            let i = i as usize;
            At {
                w: w.get(i).copied().unwrap_or(NONE_W),
                p: p.get(i).map_or(NONE_P, |&t| t as u64),
                l: st.labels.get(i).map_or(NONE_L, |&l| l as u64),
            }
        }
        None => At {
            w: NONE_W,
            p: NONE_P,
            l: NONE_L,
        },
    }
}

/// Distance bucket between two positions (0 when either is missing).
#[inline]
fn dist(a: Option<u32>, b: Option<u32>) -> u64 {
    match (a, b) {
        (Some(a), Some(b)) => {
            let d = a.abs_diff(b) as u64;
            match d {
                0..=4 => d,
                5..=9 => 5,
                _ => 6,
            }
        }
        _ => 0,
    }
}

/// What the move features combine: the top three stack items, the first three buffer
/// words, the outermost children of `s0` and `b0` (and the next ones in), distances,
/// valencies and the label sets of the children.
struct MoveAtoms {
    s0i: Option<u32>,
    s1i: Option<u32>,
    b0i: Option<u32>,
    s0: At,
    s1: At,
    s2: At,
    b0: At,
    b1: At,
    b2: At,
    /// Leftmost and rightmost children of `s0`, and the second ones from each end.
    s0l: At,
    s0r: At,
    s0l2: At,
    s0r2: At,
    /// Leftmost children of `b0` (a buffer word has no right children yet).
    b0l: At,
    b0l2: At,
    /// Distance buckets `s0`-`b0` and `s1`-`s0`.
    d: u64,
    d10: u64,
    /// Valencies: left (`l`) and right (`r`) child counts.
    s0vl: u64,
    s0vr: u64,
    b0vl: u64,
    s1vr: u64,
    /// Label sets of the left and right children.
    s0ls: u64,
    s0rs: u64,
    b0ls: u64,
}

/// The atoms of the parser state `st` over the sentence's `words`.
#[inline]
fn move_atoms(st: &State, words: &Words) -> MoveAtoms {
    let (w, p) = (words.w, words.p);
    let (s0i, s1i, s2i) = (st.s(0), st.s(1), st.s(2));
    let (b0i, b1i, b2i) = (st.buf(0), st.buf(1), st.buf(2));
    let val = |x: Option<u32>, side: usize| x.map_or(9, |i| st.val[i as usize][side] as u64);
    let set = |x: Option<u32>, side: usize| x.map_or(1 << 62, |i| st.sets[i as usize][side]);
    MoveAtoms {
        s0i,
        s1i,
        b0i,
        s0: at(st, w, p, s0i),
        s1: at(st, w, p, s1i),
        s2: at(st, w, p, s2i),
        b0: at(st, w, p, b0i),
        b1: at(st, w, p, b1i),
        b2: at(st, w, p, b2i),
        s0l: at(st, w, p, st.child(s0i, false, 0)),
        s0r: at(st, w, p, st.child(s0i, true, 0)),
        s0l2: at(st, w, p, st.child(s0i, false, 1)),
        s0r2: at(st, w, p, st.child(s0i, true, 1)),
        b0l: at(st, w, p, st.child(b0i, false, 0)),
        b0l2: at(st, w, p, st.child(b0i, false, 1)),
        d: dist(s0i, b0i),
        d10: dist(s1i, s0i),
        s0vl: val(s0i, 0),
        s0vr: val(s0i, 1),
        b0vl: val(b0i, 0),
        s1vr: val(s1i, 1),
        s0ls: set(s0i, 0),
        s0rs: set(s0i, 1),
        b0ls: set(b0i, 0),
    }
}

/// Word and tag of a position as one atom.
#[inline]
fn wp(a: At) -> u64 {
    a.w ^ a.p.rotate_left(7)
}

/// Features for choosing the next transition. The template ids are part of the
/// trained model; the order of the features is the order their weights are summed in.
pub fn move_features(st: &State, words: &Words, out: &mut Vec<u64>) {
    out.clear();
    let x = move_atoms(st, words);
    out.extend_from_slice(&move_templates(&x));
    cluster_features(&x, words.c, out);
}

/// The templates over words, tags and structure: the stack and buffer positions alone,
/// in pairs and in tag triples, distance, valency, the children and their labels, and
/// the children's label sets. One table, so that the features are copied out at once.
#[inline]
fn move_templates(x: &MoveAtoms) -> [u64; 58] {
    let MoveAtoms {
        s0,
        s1,
        s2,
        b0,
        b1,
        b2,
        s0l,
        s0r,
        s0l2,
        s0r2,
        b0l,
        b0l2,
        d,
        d10,
        ..
    } = *x;
    [
        // single positions
        f(1, wp(s0), 0, 0),
        f(2, s0.w, 0, 0),
        f(3, s0.p, 0, 0),
        f(4, wp(b0), 0, 0),
        f(5, b0.w, 0, 0),
        f(6, b0.p, 0, 0),
        f(7, wp(b1), 0, 0),
        f(9, b1.p, 0, 0),
        f(11, b2.p, 0, 0),
        f(12, wp(s1), 0, 0),
        f(14, s1.p, 0, 0),
        // pairs
        f(15, wp(s0), wp(b0), 0),
        f(16, wp(s0), b0.w, 0),
        f(17, s0.w, wp(b0), 0),
        f(18, wp(s0), b0.p, 0),
        f(19, s0.p, wp(b0), 0),
        f(20, s0.w, b0.w, 0),
        f(21, s0.p, b0.p, 0),
        f(22, b0.p, b1.p, 0),
        f(23, wp(s1), wp(s0), 0),
        f(25, s1.p, s0.p, 0),
        f(26, s1.p, wp(s0), 0),
        f(27, wp(s1), s0.p, 0),
        // triples of tags
        f(28, b0.p, b1.p, b2.p),
        f(29, s0.p, b0.p, b1.p),
        f(30, s1.p, s0.p, b0.p),
        f(31, s0.p, s0l.p, b0.p),
        f(32, s0.p, s0r.p, b0.p),
        f(33, s0.p, b0.p, b0l.p),
        f(34, s2.p, s1.p, s0.p),
        // distance
        f(37, s0.w, d, 0),
        f(38, s0.p, d, 0),
        f(39, b0.w, d, 0),
        f(40, b0.p, d, 0),
        f(41, s0.w, b0.w, d),
        f(42, s0.p, b0.p, d),
        f(43, s1.p, s0.p, d10),
        // valency
        f(46, s0.p, x.s0vr, 0),
        f(48, s0.p, x.s0vl, 0),
        f(50, b0.p, x.b0vl, 0),
        f(51, s1.p, x.s1vr, 0),
        // children
        f(52, s0l.w, 0, 0),
        f(53, s0l.p, 0, 0),
        f(54, s0l.l, 0, 0),
        f(55, s0r.w, 0, 0),
        f(56, s0r.p, 0, 0),
        f(57, s0r.l, 0, 0),
        f(58, b0l.w, 0, 0),
        f(59, b0l.p, 0, 0),
        f(60, b0l.l, 0, 0),
        f(70, s0.p, s0l.l, s0l2.l),
        f(71, s0.p, s0r.l, s0r2.l),
        f(72, b0.p, b0l.l, b0l2.l),
        // label sets
        f(75, s0.w, x.s0rs, 0),
        f(76, s0.p, x.s0rs, 0),
        f(78, s0.p, x.s0ls, 0),
        f(80, b0.p, x.b0ls, 0),
        // wider context
        f(83, s0.p, s0l.p, s0r.p),
    ]
}

/// Word clusters (coarse 1, fine 2) of `s0`, `s1` and `b0`; `c` holds the packed
/// clusters of the sentence's words.
#[inline]
fn cluster_features(x: &MoveAtoms, c: &[u32], out: &mut Vec<u64>) {
    let cl = |x: Option<u32>, k: usize| {
        x.and_then(|i| c.get(i as usize))
            .map_or(4095, |&v| cluster_ids(v)[k])
    };
    let (s0i, s1i, b0i) = (x.s0i, x.s1i, x.b0i);
    out.extend_from_slice(&[
        f(90, cl(s0i, 2), 0, 0),
        f(91, cl(b0i, 2), 0, 0),
        f(94, cl(s0i, 1), cl(b0i, 1), 0),
        f(95, cl(s0i, 2), x.b0.p, 0),
        f(96, x.s0.p, cl(b0i, 2), 0),
        f(97, cl(s1i, 1), cl(s0i, 1), 0),
    ]);
}

/// Features for choosing the label of arc `h → d`.
pub fn label_features(st: &State, words: &Words, h: u32, d: u32, out: &mut Vec<u64>) {
    out.clear();
    let (w, p) = (words.w, words.p);
    let hd = at(st, w, p, Some(h));
    let dd = at(st, w, p, Some(d));
    let dir = (d < h) as u64;
    let dl = at(st, w, p, st.child(Some(d), false, 0));
    let dr = at(st, w, p, st.child(Some(d), true, 0));
    let hl = at(st, w, p, st.child(Some(h), false, 0));
    let prev = at(st, w, p, d.checked_sub(1).filter(|&x| x > 0));
    let next = at(st, w, p, Some(d + 1).filter(|&x| (x as usize) <= st.n));
    let dist = (h.abs_diff(d) as u64).min(8) | dir << 8;
    let (ds, hs) = (st.sets[d as usize], st.sets[h as usize]);
    let g = |id: u64, a: u64, b: u64, c: u64| f(id + 200, a, b, c ^ dir.rotate_left(60));
    out.extend_from_slice(&[
        g(1, wp(hd), 0, 0),
        g(3, hd.p, 0, 0),
        g(4, wp(dd), 0, 0),
        g(6, dd.p, 0, 0),
        g(7, hd.p, dd.p, 0),
        g(8, hd.w, dd.p, 0),
        g(9, hd.p, dd.w, 0),
        g(11, hd.p, dd.p, dist),
        g(12, dd.p, ds[0], 0),
        g(13, dd.p, ds[1], 0),
        g(15, hd.p, hs[0], hs[1]),
        g(16, dd.p, dl.l, 0),
        g(17, dd.p, dr.l, 0),
        g(18, hd.p, hl.l, 0),
        g(19, dd.p, next.p, 0),
        g(20, dd.p, prev.p, 0),
        g(22, dd.p, dl.w, 0),
        g(23, hd.p, dd.p, dl.w),
        g(26, hd.p, dd.p, hs[usize::from(dir == 0)]),
        g(28, hd.p, dd.p, dl.p),
    ]);
    // Word pairs, the word before the dependent ("by" of an agent) and
    // middle clusters.
    let cl = |x: u32| words.c.get(x as usize).map_or(4095, |&v| cluster_ids(v)[1]);
    out.extend_from_slice(&[
        g(30, hd.w, dd.w, 0),
        g(31, wp(dd), hd.p, dist),
        g(32, dd.w, next.p, 0),
        g(33, dd.p, prev.w, 0),
        g(34, cl(d), hd.p, 0),
        g(35, cl(d), cl(h), 0),
    ]);
}
