//! Feature extraction: per-token attributes, document-level attributes, hashed local
//! feature templates (stage 1) and non-local features from stage-1 predictions (stage 2).

use super::hash::{comb, fnv, mix, IdMap};
use super::GazetteerLookup;
use serde::{Deserialize, Serialize};

/// Feature switches stored with the model; tagging uses exactly the training settings.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FeatureConfig {
    /// log2 of the number of hash buckets of each weight table.
    pub bits: u32,
    /// log2 of the number of buckets of the (small) stage-2 table.
    #[serde(default = "default_bits2")]
    pub bits2: u32,
    /// Document-casing features: how the same word is cased elsewhere in the document.
    pub doc_case: bool,
    /// Word-cluster features (needs clusters; training turns it off when none are given).
    pub clusters: bool,
    /// Learned-gazetteer features (BILOU position bits of matched training entity strings).
    pub gazetteer: bool,
    /// External-gazetteer features from a [`GazetteerLookup`] (set by training when one is
    /// given, or for press features: then the embedded [`super::press`] lookup).
    pub ext_gazetteer: bool,
    /// Train a second, non-local stage on stage-1 predictions (training may still drop it
    /// when it does not beat stage 1 on dev).
    pub stage2: bool,
    /// extra templates: numeric-line share, document topic cue, cluster bigrams,
    /// neighbour prefixes
    #[serde(default)]
    pub v2: bool,
    /// stage 2 is a full model (local + non-local features, own transitions, table of
    /// `bits` buckets) instead of a small additive correction on stage-1 scores
    #[serde(default)]
    pub stage2_full: bool,
    /// features from an auxiliary tagger's labels (a model trained on another corpus,
    /// embedded in the model file)
    #[serde(default)]
    pub aux: bool,
    /// stage-2 context aggregation: neighbour words of the other occurrences of a
    /// capitalised token in the document
    #[serde(default)]
    pub ctx_agg: bool,
}

fn default_bits2() -> u32 {
    18
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            bits: 21,
            bits2: 18,
            doc_case: true,
            clusters: true,
            gazetteer: true,
            ext_gazetteer: false,
            stage2: true,
            v2: true,
            stage2_full: true,
            aux: false,
            ctx_agg: false,
        }
    }
}

/// Gazetteer learned from training chunks: hash of the lower-cased token sequence ->
/// bitmask of entity types. Stores hashes only (no text).
#[derive(Debug, Clone, Default)]
pub struct LearnedGazetteer {
    /// Hash of the lower-cased token sequence ([`LearnedGazetteer::seq_hash`]) -> bitmask of
    /// entity type indices.
    pub map: IdMap<u8>,
    /// Length in tokens of the longest stored sequence; longer matches are not tried.
    pub max_len: usize,
}

impl LearnedGazetteer {
    /// Order-sensitive hash of a sequence of lower-cased word hashes; the gazetteer's key.
    pub fn seq_hash(lws: &[u64]) -> u64 {
        let mut h = 0x5151_u64;
        for &x in lws {
            h = comb(h, x);
        }
        h
    }
    /// Record the sequence as an entity of type index `typ`. Empty sequences, sequences of
    /// more than 8 tokens and `typ >= 8` are ignored (the mask is a `u8`).
    pub fn insert(&mut self, lws: &[u64], typ: usize) {
        if lws.is_empty() || lws.len() > 8 || typ >= 8 {
            return;
        }
        *self.map.entry(Self::seq_hash(lws)).or_insert(0) |= 1 << typ;
        self.max_len = self.max_len.max(lws.len());
    }
}

/// Word clusters keyed by the hash of the lower-cased word; up to 3 granularities,
/// ids are 1-based (0 = unknown).
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    /// Lower-cased word hash -> cluster ids at the 3 granularities (1-based, 0 = none).
    pub map: IdMap<[u16; 3]>,
}

/// Token flag ([`TokAttr::flags`]): first character is upper-case.
pub const F_INITCAP: u32 = 1;
/// Token flag: has upper-case letters and no lower-case ones.
pub const F_ALLCAP: u32 = 2;
/// Token flag: has lower-case letters and no upper-case ones.
pub const F_ALLLOWER: u32 = 4;
/// Token flag: contains a digit.
pub const F_HASDIGIT: u32 = 8;
/// Token flag: digits only.
pub const F_ALLDIGIT: u32 = 16;
/// Token flag: contains `-`.
pub const F_HYPHEN: u32 = 32;
/// Token flag: contains `.`.
pub const F_PERIOD: u32 = 64;
/// Token flag: contains `'`.
pub const F_APOS: u32 = 128;
/// Token flag: no cased letter and no digit.
pub const F_NOALNUM: u32 = 256;
/// Token flag: an upper-case letter after the first character, and some lower-case.
pub const F_INNERCAP: u32 = 512;
/// Token flag: contains a cased (upper- or lower-case) letter.
pub const F_ALPHA: u32 = 1024;

/// Per-token attributes, computed once per document and shared by all feature
/// templates. Hashes are 0 where absent.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokAttr {
    /// Hash of the word as written.
    pub w: u64,
    /// Hash of the lower-cased word ([`lower_hash`]).
    pub lw: u64,
    /// Word shape: character classes (`X` upper, `x` lower, `d` digit, other ASCII
    /// characters as themselves, anything else `?`), runs capped at 4.
    pub shape: u64,
    /// Compressed shape: one class per run.
    pub cshape: u64,
    /// Hashes of the 1- to 4-character prefixes of the lower-cased word.
    pub pre: [u64; 4],
    /// Hashes of the 1- to 4-character suffixes of the lower-cased word (a suffix as long as
    /// the word is left 0).
    pub suf: [u64; 4],
    /// Hashed cluster ids at the 3 granularities: a fixed "unknown" hash for words not in
    /// the clusters, 0 for a missing id or when the cluster feature is off.
    pub cl: [u64; 3],
    /// `F_*` flags.
    pub flags: u32,
    /// Length bucket in characters: 0-4 as is, 5 for 5-6, 6 for 7-9, 7 for longer.
    pub lenb: u8,
    /// Document-casing code (see `doc_case`): 0 none seen elsewhere, 1 capitalised only,
    /// 2 lower-case only, 3 both; +4 at an unreliable position; 8 for tokens without letters
    /// (0 when the feature is off).
    pub doccase: u8,
    /// Learned-gazetteer bits: 4 per entity type (B, I, L, U at bits `4t..4t+3`).
    pub gaz: u32,
    /// External-gazetteer bitmask from the [`GazetteerLookup`].
    pub ext: u32,
    /// auxiliary tagger label + 1 (0 = none / padding)
    pub aux: u8,
}

fn pad_attr(side: u64) -> TokAttr {
    let h = mix(0xAD00 + side);
    TokAttr {
        w: h,
        lw: h,
        shape: h,
        cshape: h,
        pre: [0; 4],
        suf: [0; 4],
        cl: [h; 3],
        flags: 0,
        lenb: 0,
        doccase: 7,
        gaz: 0,
        ext: 0,
        aux: 0,
    }
}

#[inline]
fn char_class(c: char) -> u8 {
    if c.is_uppercase() {
        b'X'
    } else if c.is_lowercase() {
        b'x'
    } else if c.is_numeric() {
        b'd'
    } else if c.is_ascii() {
        c as u8
    } else {
        b'?'
    }
}

/// Lower-case hash of a word (used as the key of gazetteer, clusters, doc statistics).
pub fn lower_hash(word: &str, buf: &mut String) -> u64 {
    buf.clear();
    if word.is_ascii() {
        buf.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        buf.push_str(&word.to_lowercase());
    }
    fnv(buf.as_bytes())
}

/// Attributes of one word that depend on the word alone (hashes, shapes, affixes,
/// flags, length bucket); `buf` is scratch space. The document-dependent fields are left
/// at their defaults.
pub fn token_attr(word: &str, buf: &mut String) -> TokAttr {
    let mut a = TokAttr {
        w: fnv(word.as_bytes()),
        lw: lower_hash(word, buf),
        ..Default::default()
    };
    // prefixes / suffixes of the lower-cased form, by chars
    let lower = buf.as_str();
    let mut n_chars = 0usize;
    for (k, (i, c)) in lower.char_indices().enumerate() {
        n_chars = k + 1;
        if k < 4 {
            a.pre[k] = fnv(&lower.as_bytes()[..i + c.len_utf8()]);
        }
    }
    for (k, (i, _)) in lower.char_indices().rev().enumerate() {
        if k >= 4 {
            break;
        }
        if k + 1 < n_chars {
            a.suf[k] = fnv(&lower.as_bytes()[i..]);
        }
    }
    // shapes and flags
    let mut sh = 0xcbf2_9ce4_8422_2325u64;
    let mut csh = sh;
    let mut last = 0u8;
    let mut run = 0usize;
    let (mut up, mut low, mut dig, mut other) = (0usize, 0usize, 0usize, 0usize);
    let mut first_up = false;
    let mut inner_up = false;
    for (k, c) in word.chars().enumerate() {
        let cc = char_class(c);
        match cc {
            b'X' => {
                up += 1;
                if k == 0 {
                    first_up = true;
                } else {
                    inner_up = true;
                }
            }
            b'x' => low += 1,
            b'd' => dig += 1,
            _ => {
                other += 1;
                match c {
                    '-' => a.flags |= F_HYPHEN,
                    '.' => a.flags |= F_PERIOD,
                    '\'' => a.flags |= F_APOS,
                    _ => {}
                }
            }
        }
        if cc == last {
            run += 1;
        } else {
            run = 1;
            csh = (csh ^ cc as u64).wrapping_mul(0x0100_0000_01b3);
        }
        if run <= 4 {
            sh = (sh ^ cc as u64).wrapping_mul(0x0100_0000_01b3);
        }
        last = cc;
    }
    a.shape = mix(sh);
    a.cshape = mix(csh ^ 0x77);
    if first_up {
        a.flags |= F_INITCAP;
    }
    if up > 0 && low == 0 {
        a.flags |= F_ALLCAP;
    }
    if low > 0 && up == 0 {
        a.flags |= F_ALLLOWER;
    }
    if dig > 0 {
        a.flags |= F_HASDIGIT;
    }
    if dig > 0 && up + low + other == 0 {
        a.flags |= F_ALLDIGIT;
    }
    if up + low + dig == 0 {
        a.flags |= F_NOALNUM;
    }
    if inner_up && low > 0 {
        a.flags |= F_INNERCAP;
    }
    if up + low > 0 {
        a.flags |= F_ALPHA;
    }
    a.lenb = match n_chars {
        0..=4 => n_chars as u8,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    };
    a
}

/// Attributes of a whole document: per sentence, tokens padded with 2 pads each side.
pub struct DocAttrs {
    /// The padded tokens of all sentences, in order.
    pub attrs: Vec<TokAttr>,
    /// Offset into `attrs` of each sentence's first real token, and its length.
    pub sents: Vec<(usize, usize)>,
    /// Per sentence: all-caps (at least 2 alphabetic tokens, all of them all-caps), e.g. a
    /// headline.
    pub allcaps: Vec<bool>,
    /// per sentence: bucket of the share of numeric tokens (tables, results lines)
    pub numeric: Vec<u8>,
    /// lower-case hash of the document's first token (topic cue, e.g. "soccer")
    pub doc_first: u64,
    /// Copy of [`FeatureConfig::v2`].
    pub v2: bool,
    /// Whether auxiliary tagger labels are present ([`FeatureConfig::aux`] and a model).
    pub has_aux: bool,
    /// Copy of [`FeatureConfig::ctx_agg`].
    pub ctx_agg: bool,
}

impl DocAttrs {
    /// Number of real (unpadded) tokens.
    pub fn n_tokens(&self) -> usize {
        self.sents.iter().map(|s| s.1).sum()
    }
}

/// Everything feature extraction needs besides the tokens.
pub struct Extractor<'a> {
    /// The feature switches.
    pub cfg: &'a FeatureConfig,
    /// Learned gazetteer, if any.
    pub gaz: Option<&'a LearnedGazetteer>,
    /// Word clusters, if any.
    pub clusters: Option<&'a Clusters>,
    /// External gazetteer, if any.
    pub ext: Option<&'a dyn GazetteerLookup>,
    /// Auxiliary tagger, if any.
    pub aux: Option<&'a super::model::Model>,
}

const DC_NONE: u8 = 0;

impl Extractor<'_> {
    /// Compute the attributes of a document given as tokenised sentences: per-token
    /// attributes, padding, clusters, gazetteer bits, auxiliary labels, numeric shares and
    /// document casing, as enabled by the config.
    pub fn doc_attrs(&self, sentences: &[Vec<&str>]) -> DocAttrs {
        let mut buf = String::new();
        let total: usize = sentences.iter().map(|s| s.len() + 4).sum();
        let mut attrs = Vec::with_capacity(total);
        let mut sents = Vec::with_capacity(sentences.len());
        let mut allcaps = Vec::with_capacity(sentences.len());
        let (pl, pr) = (pad_attr(1), pad_attr(2));
        for s in sentences {
            attrs.push(pl);
            attrs.push(pl);
            let off = attrs.len();
            allcaps.push(push_token_attrs(&mut attrs, s, &mut buf));
            attrs.push(pr);
            attrs.push(pr);
            sents.push((off, s.len()));
            self.add_lexicon_attrs(&mut attrs[off..off + s.len()], s);
        }
        if let Some(aux) = self.aux.filter(|_| self.cfg.aux) {
            add_aux_labels(aux, sentences, &sents, &mut attrs);
        }
        let numeric = numeric_shares(&attrs, &sents);
        let doc_first = sents
            .first()
            .filter(|s| s.1 > 0)
            .map(|s| attrs[s.0].lw)
            .unwrap_or(0);
        let mut d = DocAttrs {
            attrs,
            sents,
            allcaps,
            numeric,
            doc_first,
            v2: self.cfg.v2,
            has_aux: self.cfg.aux && self.aux.is_some(),
            ctx_agg: self.cfg.ctx_agg,
        };
        if self.cfg.doc_case {
            doc_case(&mut d);
        }
        d
    }

    /// Fill in what the clusters and the gazetteers (those the config enables) say about
    /// the tokens `toks` of the sentence `s`.
    fn add_lexicon_attrs(&self, toks: &mut [TokAttr], s: &[&str]) {
        if let Some(cl) = self.clusters.filter(|_| self.cfg.clusters) {
            add_clusters(cl, toks);
        }
        if let Some(g) = self.gaz.filter(|_| self.cfg.gazetteer) {
            add_learned_gazetteer(g, toks);
        }
        if self.cfg.ext_gazetteer {
            // a model trained with press features reads the embedded lookup
            // whenever the caller brings none (see `press`)
            let ext: &dyn GazetteerLookup = match self.ext {
                Some(e) => e,
                None => super::press::embedded(),
            };
            let m = ext.lookup(s);
            for (a, &b) in toks.iter_mut().zip(m.iter()) {
                a.ext = b;
            }
        }
    }
}

/// Append the word-only attributes of the sentence's tokens; returns whether the sentence
/// is all-caps (at least 2 alphabetic tokens, all of them all-caps).
fn push_token_attrs(attrs: &mut Vec<TokAttr>, s: &[&str], buf: &mut String) -> bool {
    let (mut n_alpha, mut n_upper) = (0, 0);
    for w in s {
        let a = token_attr(w, buf);
        if a.flags & F_ALPHA != 0 {
            n_alpha += 1;
            if a.flags & F_ALLCAP != 0 {
                n_upper += 1;
            }
        }
        attrs.push(a);
    }
    n_alpha >= 2 && n_upper == n_alpha
}

/// Hashed cluster ids of each token; words not in the clusters get a fixed "unknown" id
/// at each granularity (so that "unknown word" is a feature of its own).
fn add_clusters(cl: &Clusters, toks: &mut [TokAttr]) {
    for a in toks {
        if let Some(ids) = cl.map.get(&a.lw) {
            for (l, (dst, &id)) in a.cl.iter_mut().zip(ids.iter()).enumerate() {
                *dst = if id > 0 {
                    mix(id as u64 + ((l as u64) << 20))
                } else {
                    0
                };
            }
        } else {
            a.cl = [mix(0xC1), mix(0xC2), mix(0xC3)];
        }
    }
}

/// BILOU bits of every learned-gazetteer match in the sentence `toks`, for each entity
/// type of the matched sequence (overlapping matches all count).
fn add_learned_gazetteer(g: &LearnedGazetteer, toks: &mut [TokAttr]) {
    let n = toks.len();
    let mut lws = Vec::with_capacity(g.max_len);
    for i in 0..n {
        // only start matches at tokens with a letter or digit
        if toks[i].flags & F_NOALNUM != 0 {
            continue;
        }
        lws.clear();
        for len in 1..=g.max_len.min(n - i) {
            lws.push(toks[i + len - 1].lw);
            if let Some(&m) = g.map.get(&LearnedGazetteer::seq_hash(&lws)) {
                mark_gazetteer_match(&mut toks[i..i + len], m);
            }
        }
    }
}

/// Set the BILOU bits of a match `span` for each entity type in the mask `m`.
#[inline]
fn mark_gazetteer_match(span: &mut [TokAttr], m: u8) {
    let len = span.len();
    for t in 0..8u32 {
        if m & (1 << t) == 0 {
            continue;
        }
        if len == 1 {
            span[0].gaz |= 1 << (t * 4 + 3);
        } else {
            span[0].gaz |= 1 << (t * 4);
            for tk in &mut span[1..len - 1] {
                tk.gaz |= 1 << (t * 4 + 1);
            }
            span[len - 1].gaz |= 1 << (t * 4 + 2);
        }
    }
}

/// The auxiliary tagger's label of each token, + 1 (0 is left for the pads).
fn add_aux_labels(
    aux: &super::model::Model,
    sentences: &[Vec<&str>],
    sents: &[(usize, usize)],
    attrs: &mut [TokAttr],
) {
    let labels = aux.decode(sentences, None).labels;
    for (&(off, n), y) in sents.iter().zip(&labels) {
        for (a, &l) in attrs[off..off + n].iter_mut().zip(y) {
            a.aux = l.saturating_add(1);
        }
    }
}

/// Per sentence: the share of tokens with a digit in quarters (0-3), + 4 for sentences
/// of fewer than 4 tokens, whose share says little.
fn numeric_shares(attrs: &[TokAttr], sents: &[(usize, usize)]) -> Vec<u8> {
    sents
        .iter()
        .map(|&(off, n)| {
            let k = attrs[off..off + n]
                .iter()
                .filter(|a| a.flags & F_HASDIGIT != 0)
                .count();
            (4 * k).checked_div(n).unwrap_or(0).min(3) as u8 + if n < 4 { 4 } else { 0 }
        })
        .collect()
}

/// Casing of the same (lower-cased) word elsewhere in the document, counted only at
/// reliable positions (not sentence-initial, not in all-caps sentences).
/// Codes: 0 none seen, 1 capitalised only, 2 lower only, 3 both; +4 when the token
/// itself is at an unreliable position.
fn doc_case(d: &mut DocAttrs) {
    let mut counts: IdMap<(u16, u16)> = IdMap::default();
    let reliable = |d: &DocAttrs, si: usize, i: usize| i > 0 && !d.allcaps[si];
    for (si, &(off, n)) in d.sents.iter().enumerate() {
        for i in 0..n {
            let a = &d.attrs[off + i];
            if a.flags & F_ALPHA == 0 || !reliable(d, si, i) {
                continue;
            }
            let e = counts.entry(a.lw).or_insert((0, 0));
            if a.flags & F_INITCAP != 0 {
                e.0 = e.0.saturating_add(1);
            } else if a.flags & F_ALLLOWER != 0 {
                e.1 = e.1.saturating_add(1);
            }
        }
    }
    for si in 0..d.sents.len() {
        let (off, n) = d.sents[si];
        for i in 0..n {
            let rel = reliable(d, si, i);
            let a = &d.attrs[off + i];
            if a.flags & F_ALPHA == 0 {
                d.attrs[off + i].doccase = 8;
                continue;
            }
            let (mut c, mut l) = counts.get(&a.lw).copied().unwrap_or((0, 0));
            if rel {
                if a.flags & F_INITCAP != 0 {
                    c = c.saturating_sub(1);
                } else if a.flags & F_ALLLOWER != 0 {
                    l = l.saturating_sub(1);
                }
            }
            let code = match (c > 0, l > 0) {
                (false, false) => DC_NONE,
                (true, false) => 1,
                (false, true) => 2,
                (true, true) => 3,
            } + if rel { 0 } else { 4 };
            d.attrs[off + i].doccase = code;
        }
    }
}

#[inline]
fn f1(t: u64, a: u64) -> u64 {
    mix(a ^ (t + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}
#[inline]
fn f2(t: u64, a: u64, b: u64) -> u64 {
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

/// Top `bits` bits of a feature hash: its bucket in a table of `2^bits` rows.
#[inline]
pub fn bucket(h: u64, bits: u32) -> u32 {
    (h >> (64 - bits)) as u32
}
