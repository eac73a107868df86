//! Hashed local feature templates of stage 1: the word, its shape and position,
//! clusters, gazetteer matches and document case around each token.

use super::*;

#[inline]
pub(super) fn f1(t: u64, a: u64) -> u64 {
    mix(a ^ (t + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}
#[inline]
pub(super) fn f2(t: u64, a: u64, b: u64) -> u64 {
    f1(t, comb(a, b))
}

/// Appends hashed stage-1 features and numbers the templates in the order they are
/// visited. A template's number is part of its hash, so the weights of a trained model
/// are tied to this order: a template that does not fire still takes its number (call
/// [`Templates::slot`] before testing its condition), and templates that a switch turns
/// off take none.
struct Templates<'a> {
    out: &'a mut Vec<u64>,
    t: u64,
}

impl Templates<'_> {
    /// The next template's number.
    #[inline(always)]
    fn slot(&mut self) -> u64 {
        self.t += 1;
        self.t
    }
    /// The next template, over one atom.
    #[inline(always)]
    fn one(&mut self, a: u64) {
        let t = self.slot();
        self.out.push(f1(t, a));
    }
    /// The next template, over a pair of atoms.
    #[inline(always)]
    fn two(&mut self, a: u64, b: u64) {
        let t = self.slot();
        self.out.push(f2(t, a, b));
    }
}

/// A token and its two neighbours on each side (pads beyond the sentence's edges).
struct Window<'a> {
    m2: &'a TokAttr,
    m1: &'a TokAttr,
    c: &'a TokAttr,
    p1: &'a TokAttr,
    p2: &'a TokAttr,
}

/// Stage-1 (local + document casing) features of token `i` of sentence `si`.
pub fn local_features(d: &DocAttrs, si: usize, i: usize, out: &mut Vec<u64>) {
    let (off, _n) = d.sents[si];
    let p = off + i;
    let a = &d.attrs;
    let w = Window {
        m2: &a[p - 2],
        m1: &a[p - 1],
        c: &a[p],
        p1: &a[p + 1],
        p2: &a[p + 2],
    };
    let mut e = Templates { out, t: 0 };
    word_templates(&mut e, &w);
    position_templates(&mut e, &w, i == 0, d.allcaps[si]);
    if d.v2 {
        v2_templates(&mut e, &w, d.numeric[si] as u64, d.doc_first);
    }
    if d.has_aux {
        aux_templates(&mut e, &w);
    }
    doc_case_templates(&mut e, &w);
    cluster_templates(&mut e, &w);
    gazetteer_templates(&mut e, &w);
}

/// The word, its shapes and affixes, its neighbours' words and shapes, and pairs of
/// them.
#[inline]
fn word_templates(e: &mut Templates, w: &Window) {
    let Window { m2, m1, c, p1, p2 } = *w;
    e.one(0); // bias
    e.one(c.w);
    e.one(c.lw);
    e.one(c.shape);
    e.one(c.cshape);
    for k in 0..4 {
        let t = e.slot();
        if c.pre[k] != 0 {
            e.out.push(f1(t, c.pre[k]));
        }
        let t = e.slot();
        if c.suf[k] != 0 {
            e.out.push(f1(t, c.suf[k]));
        }
    }
    e.one(m1.lw);
    e.one(p1.lw);
    e.one(m2.lw);
    e.one(p2.lw);
    e.one(m1.w);
    e.one(p1.w);
    e.one(m1.shape);
    e.one(p1.shape);
    e.one(m2.cshape);
    e.one(p2.cshape);
    e.two(m1.lw, c.lw);
    e.two(c.lw, p1.lw);
    e.two(comb(m1.cshape, c.cshape), p1.cshape);
    e.two(m1.cshape, c.cshape);
    e.two(c.cshape, p1.cshape);
    e.two(m1.lw, c.cshape);
    e.two(c.cshape, p1.lw);
    e.two(m2.lw, m1.lw);
    e.two(p1.lw, p2.lw);
    e.one(m1.suf[2]);
    e.one(p1.suf[2]);
    e.two(c.lenb as u64, c.cshape);
}

/// Flags, and the word and shape at a sentence's start (where capitals say little) or
/// in an all-caps sentence (where they say nothing).
#[inline]
fn position_templates(e: &mut Templates, w: &Window, first: bool, allcaps: bool) {
    let (m1, c) = (w.m1, w.c);
    e.one(c.flags as u64 | ((first as u64) << 20) | ((allcaps as u64) << 21));
    let t = e.slot();
    if first {
        e.out.push(f1(t, c.cshape));
    }
    let t = e.slot();
    if first {
        e.out.push(f1(t, c.lw));
    }
    let t = e.slot();
    if allcaps {
        e.out.push(f1(t, c.lw));
        e.out.push(f2(t, m1.lw, c.lw));
    }
}

/// The `v2` templates: the sentence's numeric share (tables, results lines), the
/// document's first word (a topic cue), cluster bigrams and neighbours' prefixes.
#[inline]
fn v2_templates(e: &mut Templates, w: &Window, numeric: u64, doc_first: u64) {
    let (m1, c, p1) = (w.m1, w.c, w.p1);
    e.two(numeric, c.cshape);
    e.two(comb(numeric, c.cshape), p1.cshape);
    e.two(doc_first, c.cshape);
    e.two(doc_first, c.cl[1]);
    e.two(m1.cl[1], c.cl[1]);
    e.two(c.cl[1], p1.cl[1]);
    e.two(m1.pre[2], c.cshape);
    e.two(c.cshape, p1.pre[2]);
}

/// The auxiliary tagger's labels of the token and its neighbours.
#[inline]
fn aux_templates(e: &mut Templates, w: &Window) {
    let (am1, a0, ap1) = (w.m1.aux as u64, w.c.aux as u64, w.p1.aux as u64);
    e.one(a0);
    e.two(a0, w.c.cshape);
    e.two(am1, a0);
    e.two(a0, ap1);
    e.two(comb(am1, a0), ap1);
    e.two(a0, w.c.doccase as u64);
}

/// How the word is cased elsewhere in the document (see `doc_case`).
#[inline]
fn doc_case_templates(e: &mut Templates, w: &Window) {
    let (m1, c, p1) = (w.m1, w.c, w.p1);
    e.two(c.doccase as u64, c.cshape);
    e.one(c.doccase as u64);
    e.two(m1.doccase as u64, c.doccase as u64);
    e.two(c.doccase as u64, p1.doccase as u64);
}

/// Word clusters of the token and its neighbours (ids are zero when clusters are off).
#[inline]
fn cluster_templates(e: &mut Templates, w: &Window) {
    let Window { m2, m1, c, p1, p2 } = *w;
    for l in 0..3 {
        let t = e.slot();
        if c.cl[l] != 0 {
            e.out.push(f1(t, c.cl[l]));
            if l == 1 {
                e.out.push(f2(t, c.cl[l], c.cshape));
            }
        }
    }
    let t = e.slot();
    if m1.cl[1] != 0 {
        e.out.push(f1(t, m1.cl[1]));
        e.out.push(f2(t, m1.cl[2], c.cshape));
    }
    let t = e.slot();
    if p1.cl[1] != 0 {
        e.out.push(f1(t, p1.cl[1]));
        e.out.push(f2(t, c.cshape, p1.cl[2]));
    }
    let t = e.slot();
    if m2.cl[1] != 0 {
        e.out.push(f1(t, m2.cl[1]));
    }
    let t = e.slot();
    if p2.cl[1] != 0 {
        e.out.push(f1(t, p2.cl[1]));
    }
}

/// Bits of the learned and the external gazetteer: each bit alone and with the
/// token's capitalisation, and the neighbours' masks.
#[inline]
fn gazetteer_templates(e: &mut Templates, w: &Window) {
    let (m1, c, p1) = (w.m1, w.c, w.p1);
    let cap = (c.flags & (F_INITCAP | F_ALLCAP)) != 0;
    let t = e.slot();
    gazetteer_bits(e.out, t, c.gaz, cap);
    if c.gaz != 0 {
        e.out.push(f2(t, 0x6A2, c.gaz as u64));
    }
    let t = e.slot();
    if m1.gaz != 0 || p1.gaz != 0 {
        e.out.push(f2(t, m1.gaz as u64, p1.gaz as u64));
    }
    let t = e.slot();
    gazetteer_bits(e.out, t, c.ext, cap);
    let t = e.slot();
    if m1.ext != 0 || p1.ext != 0 {
        e.out.push(f2(t, m1.ext as u64, p1.ext as u64));
    }
}

/// Template `t` once per set bit of the mask `g`, alone and with capitalisation.
#[inline]
fn gazetteer_bits(out: &mut Vec<u64>, t: u64, mut g: u32, cap: bool) {
    while g != 0 {
        let b = g.trailing_zeros() as u64;
        g &= g - 1;
        out.push(f1(t, b));
        out.push(f2(t, b, 100 + cap as u64));
    }
}
