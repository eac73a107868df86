//! Model: weights, Viterbi / forward-backward decoding, calibrated confidences, the
//! tagging API and the binary format.

use super::features::{
    bucket, local_features, Clusters, DocAttrs, Extractor, FeatureConfig, LearnedGazetteer,
    NonLocal,
};
use super::hash::IdMap;
use super::{GazetteerLookup, NerError};
use crate::cache::prefetch;
use serde::{Deserialize, Serialize};

/// First 8 bytes of a model file.
pub const MAGIC: &[u8; 8] = b"ATTNER\0\x01";
/// Model file format version; [`Model::from_bytes`] accepts only this one.
pub const VERSION: u32 = 1;

mod crf;
mod io;
mod labels;
mod spans;
mod weights;

pub use crf::{viterbi, viterbi_with, Posterior, ViterbiScratch};
pub use io::quantize;
pub use labels::LabelSet;
pub use spans::{tags_to_spans, Bio, Span, TokenTag};
pub use weights::{Fused, Table, Weights};

/// The trained tagger.
#[derive(Debug, Clone)]
pub struct Model {
    /// Entity types and the BILOU label layout.
    pub labels: LabelSet,
    /// Feature switches used in training (tagging uses the same).
    pub cfg: FeatureConfig,
    /// Gazetteer learned from the training data (hashes only).
    pub gaz: LearnedGazetteer,
    /// Word clusters (hashes only).
    pub clusters: Clusters,
    /// Stage-1 weights (local features).
    pub w1: Table,
    /// Stage-2 weights (non-local features): added on top of stage-1 scores, or a full
    /// model when `cfg.stage2_full`.
    pub w2: Option<Table>,
    /// Calibration temperature: scores are divided by it before forward-backward.
    pub temperature: f32,
    /// Inference-only fused stage-1/stage-2 table, built on first use.
    pub fused: std::sync::OnceLock<Option<Fused>>,
    /// Auxiliary tagger (trained on another corpus) whose labels are features.
    pub aux: Option<Box<Model>>,
}

/// Intermediate decoding state of a document.
pub struct Decoded {
    /// Per-token attributes of the document.
    pub attrs: DocAttrs,
    /// per-sentence final emissions (n_tok * n)
    pub emit: Vec<Vec<f32>>,
    /// Per-sentence Viterbi labels (see [`LabelSet`] for the layout).
    pub labels: Vec<Vec<u8>>,
}

impl Model {
    /// Entity types; [`TokenTag::type_id`] indexes into this.
    pub fn types(&self) -> &[String] {
        &self.labels.types
    }

    /// Feature extractor over this model's configuration, gazetteer, clusters and auxiliary
    /// tagger, with the external gazetteer `ext`.
    pub fn extractor<'a>(&'a self, ext: Option<&'a dyn GazetteerLookup>) -> Extractor<'a> {
        Extractor {
            cfg: &self.cfg,
            gaz: Some(&self.gaz),
            clusters: Some(&self.clusters),
            ext,
            aux: self.aux.as_deref(),
        }
    }

    /// Run both stages; returns emissions and Viterbi labels.
    pub fn decode(&self, sentences: &[Vec<&str>], ext: Option<&dyn GazetteerLookup>) -> Decoded {
        let attrs = self.extractor(ext).doc_attrs(sentences);
        let mut sc = DecodeScratch::new();
        let s1 = self.decode_stage1(&attrs, sentences, &mut sc);
        let (mut emit, mut labels) = (s1.emit, s1.labels);
        if let Some(w2) = &self.w2 {
            // a fused table has already scored stage 2's local features
            if self.fused().is_some() {
                emit = s1.local2;
            }
            self.decode_stage2(w2, &attrs, sentences, &mut emit, &mut labels, &mut sc);
        }
        Decoded {
            attrs,
            emit,
            labels,
        }
    }

    /// Stage 1 of [`Model::decode`].
    fn decode_stage1(
        &self,
        attrs: &DocAttrs,
        sentences: &[Vec<&str>],
        sc: &mut DecodeScratch,
    ) -> Stage1 {
        let n = self.labels.n;
        let fused = self.fused();
        let mut emit = Vec::with_capacity(sentences.len());
        let mut emit2: Vec<Vec<f32>> = Vec::new();
        let mut labels = Vec::with_capacity(sentences.len());
        for (si, s) in sentences.iter().enumerate() {
            let mut e = vec![0f32; s.len() * n];
            match fused {
                Some(f) => {
                    let mut e2 = vec![0f32; s.len() * n];
                    self.local_buckets(attrs, si, s.len(), sc);
                    score_fused(f, n, sc, &mut e, &mut e2);
                    emit2.push(e2);
                }
                None => self.score_local(attrs, si, s.len(), &mut e, sc),
            }
            viterbi_with(&e, &self.w1.trans, &self.labels, &mut sc.y, &mut sc.vs);
            labels.push(sc.y.clone());
            emit.push(e);
        }
        Stage1 {
            emit,
            local2: emit2,
            labels,
        }
    }

    /// The stage-1 feature buckets of the `len` tokens of sentence `si`, one token after
    /// another in `sc.buckets`, token `i`'s from `sc.fstart[i]` to `sc.fstart[i + 1]`.
    fn local_buckets(&self, attrs: &DocAttrs, si: usize, len: usize, sc: &mut DecodeScratch) {
        let bits = self.cfg.bits;
        sc.buckets.clear();
        sc.fstart.clear();
        sc.fstart.push(0);
        for i in 0..len {
            sc.hashes.clear();
            local_features(attrs, si, i, &mut sc.hashes);
            sc.buckets
                .extend(sc.hashes.iter().map(|&h| bucket(h, bits)));
            sc.fstart.push(sc.buckets.len());
        }
    }

    /// Stage-1 emissions `e` of the `len` tokens of sentence `si` from the stage-1 table
    /// (a model without a fused table).
    fn score_local(
        &self,
        attrs: &DocAttrs,
        si: usize,
        len: usize,
        e: &mut [f32],
        sc: &mut DecodeScratch,
    ) {
        let (n, bits) = (self.labels.n, self.cfg.bits);
        for i in 0..len {
            sc.hashes.clear();
            local_features(attrs, si, i, &mut sc.hashes);
            sc.buckets.clear();
            sc.buckets
                .extend(sc.hashes.iter().map(|&h| bucket(h, bits)));
            self.w1.add_rows(&sc.buckets, &mut e[i * n..i * n + n]);
        }
    }

    /// Stage 2 of [`Model::decode`]: adds the non-local features' scores to `emit` and
    /// decodes again with the combined transitions, replacing `labels`.
    fn decode_stage2(
        &self,
        w2: &Table,
        attrs: &DocAttrs,
        sentences: &[Vec<&str>],
        emit: &mut [Vec<f32>],
        labels: &mut [Vec<u8>],
        sc: &mut DecodeScratch,
    ) {
        let n = self.labels.n;
        let tr = self.combined_trans();
        let flat: Vec<u8> = labels.iter().flatten().copied().collect();
        let nl = NonLocal::new(attrs, &flat, n);
        let b2 = if self.cfg.stage2_full {
            self.cfg.bits
        } else {
            self.cfg.bits2
        };
        let mut k = 0;
        for (si, s) in sentences.iter().enumerate() {
            let e = &mut emit[si];
            for i in 0..s.len() {
                sc.hashes.clear();
                let lt = &self.labels.label_type;
                nl.features(attrs, &flat, si, i, k, lt, &mut sc.hashes);
                sc.buckets.clear();
                sc.buckets.extend(sc.hashes.iter().map(|&h| bucket(h, b2)));
                w2.add_rows(&sc.buckets, &mut e[i * n..i * n + n]);
                k += 1;
            }
            viterbi_with(e, &tr, &self.labels, &mut sc.y, &mut sc.vs);
            labels[si].clone_from(&sc.y);
        }
    }

    /// The transitions decoding uses: stage 2's for a full stage 2, stage 1 + stage 2 for an
    /// additive one, else stage 1's.
    pub fn combined_trans(&self) -> Vec<f32> {
        match &self.w2 {
            Some(w2) if self.cfg.stage2_full => w2.trans.clone(),
            Some(w2) => self
                .w1
                .trans
                .iter()
                .zip(&w2.trans)
                .map(|(a, b)| a + b)
                .collect(),
            None => self.w1.trans.clone(),
        }
    }

    /// Average the weights of models that share labels and feature configuration
    /// (e.g. the same recipe trained with different seeds). Gazetteer, clusters and
    /// auxiliary model are taken from the first model; temperature must be refitted.
    pub fn average(models: &[Model]) -> Result<Model, NerError> {
        let first = models
            .first()
            .ok_or_else(|| NerError::Train("no models to average".into()))?;
        for m in models {
            if m.cfg != first.cfg
                || m.labels.types != first.labels.types
                || m.w2.is_some() != first.w2.is_some()
            {
                return Err(NerError::Train(
                    "models differ in labels or feature configuration".into(),
                ));
            }
        }
        let avg = |get: &dyn Fn(&Model) -> &Table| -> Table {
            let mut acc = get(first).to_dense();
            for m in &models[1..] {
                let d = get(m).to_dense();
                acc.emit.iter_mut().zip(&d.emit).for_each(|(a, b)| *a += b);
                acc.trans
                    .iter_mut()
                    .zip(&d.trans)
                    .for_each(|(a, b)| *a += b);
            }
            let k = models.len() as f32;
            acc.emit.iter_mut().for_each(|a| *a /= k);
            acc.trans.iter_mut().for_each(|a| *a /= k);
            Table::from_dense(&acc)
        };
        let w1 = avg(&|m: &Model| &m.w1);
        let w2 = if first.w2.is_some() {
            Some(avg(&|m: &Model| m.w2.as_ref().unwrap_or(&m.w1)))
        } else {
            None
        };
        Ok(Model {
            labels: first.labels.clone(),
            cfg: first.cfg.clone(),
            gaz: first.gaz.clone(),
            clusters: first.clusters.clone(),
            w1,
            w2,
            temperature: first.temperature,
            fused: Default::default(),
            aux: first.aux.clone(),
        })
    }

    /// Tag one document (a list of tokenised sentences).
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<TokenTag>> {
        self.tag_document_with(sentences, None)
    }

    /// Tag with an external gazetteer (must be the one used in training).
    pub fn tag_document_with(
        &self,
        sentences: &[Vec<&str>],
        ext: Option<&dyn GazetteerLookup>,
    ) -> Vec<Vec<TokenTag>> {
        self.tags_of(&self.decode(sentences, ext), true)
    }

    /// Tags of decoded sentences; the transition factors are computed once per
    /// document. Without `token_scores` only what [`tags_to_spans`] reads is filled
    /// in (labels, and `span_score` of entity tokens); other scores are 0.
    fn tags_of(&self, d: &Decoded, token_scores: bool) -> Vec<Vec<TokenTag>> {
        let tr = self.combined_trans();
        let f = Posterior::trans_factors(&tr, &self.labels, self.temperature);
        d.emit
            .iter()
            .zip(&d.labels)
            .map(|(e, y)| self.sentence_tags_with(e, y, &f, self.temperature, token_scores))
            .collect()
    }

    /// Tags without confidences (fast path).
    pub fn labels_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
        self.decode(sentences, None).labels
    }

    /// Tags of one sentence from its emissions `e` (`t * n`), Viterbi labels `y`,
    /// transitions `tr` and temperature `temp`, with all scores filled in.
    pub fn sentence_tags(&self, e: &[f32], y: &[u8], tr: &[f32], temp: f32) -> Vec<TokenTag> {
        let f = Posterior::trans_factors(tr, &self.labels, temp);
        self.sentence_tags_with(e, y, &f, temp, true)
    }

    fn sentence_tags_with(
        &self,
        e: &[f32],
        y: &[u8],
        factors: &[f64],
        temp: f32,
        token_scores: bool,
    ) -> Vec<TokenTag> {
        let chunks = self.labels.chunks(y);
        // Spans only: the forward-backward pass is needed only when there are chunks,
        // and beta only from the first chunk's last token on. (Viterbi output is valid
        // BILOU, so every entity token is in a chunk; if not, compute everything.)
        let spans_only = !token_scores && {
            let mut covered = vec![false; y.len()];
            for &(s, e, _) in &chunks {
                covered[s..e].iter_mut().for_each(|c| *c = true);
            }
            y.iter().zip(&covered).all(|(&l, &c)| l == 0 || c)
        };
        let post = if spans_only && chunks.is_empty() {
            None
        } else {
            let beta_from = if spans_only {
                chunks.iter().map(|c| c.1 - 1).min().unwrap_or(0)
            } else {
                0
            };
            Some(Posterior::compute_with(
                e,
                factors.to_vec(),
                &self.labels,
                temp,
                beta_from,
            ))
        };
        let mut out: Vec<TokenTag> = y
            .iter()
            .enumerate()
            .map(|(i, &l)| {
                let m = match &post {
                    Some(p) if !spans_only => p.marginal(i, l as usize).clamp(0.0, 1.0) as f32,
                    _ => 0.0,
                };
                let (bio, t) = if l == 0 {
                    (Bio::O, 0u8)
                } else {
                    let p = (l - 1) % 4;
                    (if p == 0 || p == 3 { Bio::B } else { Bio::I }, (l - 1) / 4)
                };
                TokenTag {
                    bio,
                    type_id: t,
                    score: m,
                    span_score: m,
                }
            })
            .collect();
        if let Some(post) = &post {
            for &(s, e, _t) in &chunks {
                let p = post.path_prob(s, &y[s..e]).clamp(0.0, 1.0) as f32;
                for tag in &mut out[s..e] {
                    tag.span_score = p;
                }
            }
        }
        out
    }

    /// Tag and return spans with calibrated confidences.
    pub fn tag_spans(&self, sentences: &[Vec<&str>]) -> Vec<Span> {
        tags_to_spans(
            &self.tags_of(&self.decode(sentences, None), false),
            self.types(),
        )
    }

    /// IOB2 strings for a document's tags.
    pub fn iob2(&self, y: &[u8]) -> Vec<String> {
        y.iter()
            .map(|&l| {
                if l == 0 {
                    "O".to_string()
                } else {
                    let p = (l - 1) % 4;
                    let t = &self.labels.types[((l - 1) / 4) as usize];
                    format!("{}-{}", if p == 0 || p == 3 { "B" } else { "I" }, t)
                }
            })
            .collect()
    }

    /// The fused stage-1/stage-2 table of a `stage2_full` model, built on
    /// first use.
    fn fused(&self) -> Option<&Fused> {
        if !self.cfg.stage2_full {
            return None;
        }
        self.fused
            .get_or_init(|| self.w2.as_ref().map(|w2| Fused::new(&self.w1, w2)))
            .as_ref()
    }

    /// The model with its inference tables built now rather than on the
    /// first document (so that loading, which may run beside other work,
    /// pays for them).
    pub fn prepared(self) -> Model {
        self.fused();
        self
    }
}

/// What stage 1 of [`Model::decode`] leaves, per sentence.
struct Stage1 {
    /// Stage-1 emissions.
    emit: Vec<Vec<f32>>,
    /// Stage 2's scores of the local features: only with a fused table, else empty.
    local2: Vec<Vec<f32>>,
    /// Viterbi labels of stage 1.
    labels: Vec<Vec<u8>>,
}

/// Scratch buffers of [`Model::decode`], reused from token to token and from sentence to
/// sentence so that tagging allocates per sentence, not per token.
struct DecodeScratch {
    /// Feature hashes of one token.
    hashes: Vec<u64>,
    /// Their buckets: of one token, or of a whole sentence for a fused table.
    buckets: Vec<u32>,
    /// For a fused table: where each token's buckets start in `buckets` (`len + 1` bounds).
    fstart: Vec<usize>,
    /// For a fused table: the resolved rows of the tokens so far.
    rows: Vec<u32>,
    /// Where each token's rows start in `rows`.
    rstart: Vec<usize>,
    /// Viterbi labels of one sentence.
    y: Vec<u8>,
    vs: ViterbiScratch,
}

impl DecodeScratch {
    fn new() -> DecodeScratch {
        DecodeScratch {
            hashes: Vec::with_capacity(128),
            buckets: Vec::with_capacity(128),
            fstart: Vec::new(),
            rows: Vec::new(),
            rstart: Vec::new(),
            y: Vec::new(),
            vs: ViterbiScratch::default(),
        }
    }
}

/// Stage-1 emissions `e` and the local part of stage 2's `e2` of a sentence from the
/// fused table, given the sentence's buckets in `sc` ([`Model::local_buckets`]). Each
/// token's rows are resolved (and prefetched) `AHEAD` tokens before they are accumulated,
/// which hides the table's memory latency.
fn score_fused(f: &Fused, n: usize, sc: &mut DecodeScratch, e: &mut [f32], e2: &mut [f32]) {
    const AHEAD: usize = 3;
    let len = sc.fstart.len() - 1;
    let DecodeScratch {
        buckets,
        fstart,
        rows,
        rstart,
        ..
    } = sc;
    rows.clear();
    rstart.clear();
    rstart.push(0);
    let resolve = |i: usize, rows: &mut Vec<u32>, rstart: &mut Vec<usize>| {
        f.resolve(&buckets[fstart[i]..fstart[i + 1]], rows);
        rstart.push(rows.len());
    };
    for i in 0..AHEAD.min(len) {
        resolve(i, rows, rstart);
    }
    for i in 0..len {
        if i + AHEAD < len {
            resolve(i + AHEAD, rows, rstart);
        }
        f.accumulate(
            &rows[rstart[i]..rstart[i + 1]],
            &mut e[i * n..i * n + n],
            &mut e2[i * n..i * n + n],
        );
    }
}
