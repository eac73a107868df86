//! Feature extraction: per-token attributes, document-level attributes, hashed local
//! feature templates (stage 1) and non-local features from stage-1 predictions (stage 2).

use super::hash::{comb, fnv, mix, IdMap};
use super::GazetteerLookup;
use serde::{Deserialize, Serialize};

mod nonlocal;
mod templates;
mod token;

pub use nonlocal::NonLocal;
pub use templates::local_features;
use token::pad_attr;
pub use token::*;

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

/// Top `bits` bits of a feature hash: its bucket in a table of `2^bits` rows.
#[inline]
pub fn bucket(h: u64, bits: u32) -> u32 {
    (h >> (64 - bits)) as u32
}
