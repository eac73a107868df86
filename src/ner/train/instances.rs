//! Stage-1 instances: every sentence's hashed features as table buckets, with its gold
//! labels. Training documents see the gazetteer learned without their own fold (the
//! jackknife that keeps train and test features alike); dev documents see the full one.

use super::perceptron::Inst;
use super::{build_gazetteer, doc_hashes, doc_refs, gold_chunks, TrainConfig};
use crate::ner::conll::Document;
use crate::ner::features::{
    bucket, Clusters, DocAttrs, Extractor, FeatureConfig, LearnedGazetteer,
};
use crate::ner::hash::{IdMap, SplitMix64};
use crate::ner::model::LabelSet;
use crate::ner::GazetteerLookup;

/// Instances of a set of documents, in document order.
#[derive(Default)]
pub(super) struct InstSet {
    pub insts: Vec<Inst>,
    /// The document of each instance.
    pub inst_doc: Vec<usize>,
    /// The first instance of each document.
    pub doc_first: Vec<usize>,
    /// Each document's feature attributes (stage 2 reads them again).
    pub attrs: Vec<DocAttrs>,
}

/// The seeded assignment of training documents to jackknife folds.
pub(super) struct Folds {
    pub count: usize,
    pub fold_of: Vec<usize>,
}

impl Folds {
    pub fn new(docs: usize, wanted: usize, seed: u64) -> Self {
        let count = wanted.max(2).min(docs.max(2));
        let mut doc_order: Vec<usize> = (0..docs).collect();
        SplitMix64(seed ^ 0xF01D).shuffle(&mut doc_order);
        let mut fold_of = vec![0usize; docs];
        for (k, &d) in doc_order.iter().enumerate() {
            fold_of[d] = k % count;
        }
        Folds { count, fold_of }
    }

    /// One gazetteer per fold, learned from the documents outside it.
    pub fn gazetteers(
        &self,
        train: &[Document],
        types: &[String],
        extra: &[(Vec<String>, u8)],
    ) -> Vec<LearnedGazetteer> {
        (0..self.count)
            .map(|k| {
                let ds: Vec<&Document> = train
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| self.fold_of[*i] != k)
                    .map(|x| x.1)
                    .collect();
                build_gazetteer(&ds, types, extra)
            })
            .collect()
    }
}

/// What every feature extractor of one training run shares.
pub(super) struct FeatureSources<'a> {
    pub cfg: &'a FeatureConfig,
    pub clusters: &'a Clusters,
    pub ext: Option<&'a dyn GazetteerLookup>,
    pub train_cfg: &'a TrainConfig,
}

impl<'a> FeatureSources<'a> {
    pub fn extractor(&self, gaz: &'a LearnedGazetteer) -> Extractor<'a> {
        Extractor {
            cfg: self.cfg,
            gaz: Some(gaz),
            clusters: Some(self.clusters),
            ext: self.ext,
            aux: self.train_cfg.aux.as_ref(),
        }
    }
}

/// Training instances; features seen fewer than `min_count` times are left out.
pub(super) fn training_instances(
    train: &[Document],
    sources: &FeatureSources,
    folds: &Folds,
    fold_gaz: &[LearnedGazetteer],
    types: &[String],
    ls: &LabelSet,
) -> InstSet {
    let mut set = InstSet::default();
    let mut train_hashes = Vec::with_capacity(train.len());
    for (di, d) in train.iter().enumerate() {
        let a = sources
            .extractor(&fold_gaz[folds.fold_of[di]])
            .doc_attrs(&doc_refs(d));
        train_hashes.push(doc_hashes(&a));
        set.attrs.push(a);
    }
    let mut counts: IdMap<u32> = IdMap::default();
    for dh in &train_hashes {
        for (_, hs) in dh {
            for &h in hs {
                *counts.entry(h).or_insert(0) += 1;
            }
        }
    }
    let min_count = sources.train_cfg.min_count;
    let keep = |h: &u64| counts.get(h).copied().unwrap_or(0) >= min_count;
    let bits = sources.cfg.bits;
    for (di, d) in train.iter().enumerate() {
        set.doc_first.push(set.insts.len());
        let gc = gold_chunks(d, types);
        for (si, (offs, hs)) in train_hashes[di].iter().enumerate() {
            let mut noffs = vec![0u32];
            let mut feats = Vec::with_capacity(hs.len());
            for i in 0..offs.len() - 1 {
                feats.extend(
                    hs[offs[i] as usize..offs[i + 1] as usize]
                        .iter()
                        .filter(|h| keep(h))
                        .map(|&h| bucket(h, bits)),
                );
                noffs.push(feats.len() as u32);
            }
            let ntok = offs.len() - 1;
            set.insts.push(Inst {
                offs: noffs,
                feats,
                gold: ls.encode(ntok, &gc[si]),
                base: Vec::new(),
                gold_chunks: gc[si].clone(),
            });
            set.inst_doc.push(di);
        }
    }
    set
}

/// Dev instances, with every feature (the full gazetteer's extractor).
pub(super) fn dev_instances(
    dev: &[Document],
    extractor: &Extractor,
    types: &[String],
    ls: &LabelSet,
) -> InstSet {
    let bits = extractor.cfg.bits;
    let mut set = InstSet::default();
    for (di, d) in dev.iter().enumerate() {
        set.doc_first.push(set.insts.len());
        let a = extractor.doc_attrs(&doc_refs(d));
        let gc = gold_chunks(d, types);
        for (si, (offs, hs)) in doc_hashes(&a).into_iter().enumerate() {
            let ntok = offs.len() - 1;
            set.insts.push(Inst {
                offs,
                feats: hs.iter().map(|&h| bucket(h, bits)).collect(),
                gold: ls.encode(ntok, &gc[si]),
                base: Vec::new(),
                gold_chunks: gc[si].clone(),
            });
            set.inst_doc.push(di);
        }
        set.attrs.push(a);
    }
    set
}
