//! Word clusters for the tagger and the parser, learned with the entity
//! tagger's k-means ([`crate::ner::clusters::learn`]) from raw text that
//! attache's own tokenizer splits (so the clusters see the tokens the
//! stage will see), plus the treebank's words.
//!
//! The model embeds them as word hash → packed ids (no word list).

use std::collections::HashMap;

use crate::ner::clusters::learn;
use crate::text::{Lexical, Tokenizer};

use super::conllu::ConlluSentence;
use super::tagger::{pack_clusters, word_hash, TagDict};

/// Learns clusters (k = `ks`, words seen at least `min_count` times) from
/// raw text lines and treebank sentences; returns the clusters TSV
/// (`word \t id \t id \t id`).
pub fn learn_clusters(
    lines: &[String],
    treebank: &[ConlluSentence],
    ks: &[usize],
    min_count: usize,
    seed: u64,
) -> String {
    let tokenizer = Tokenizer::new(Lexical::embedded());
    let mut sents: Vec<Vec<String>> = treebank
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.clone()).collect())
        .collect();
    for line in lines {
        let toks = tokenizer.tokenize(line, &[]);
        sents.push(
            toks.iter()
                .filter_map(|t| line.get(t.span.bytes()).map(str::to_string))
                .collect(),
        );
    }
    learn(&sents, ks, min_count, seed)
}

/// The model's cluster table from a clusters TSV.
pub fn pack_tsv(tsv: &str) -> Vec<u8> {
    let mut entries: HashMap<u64, u32> = HashMap::new();
    for line in tsv.lines() {
        let mut cols = line.split('\t');
        let Some(word) = cols.next() else { continue };
        let mut ids = [0u32; 3];
        for (k, c) in cols.take(3).enumerate() {
            ids[k] = c.parse().unwrap_or(0);
        }
        entries.insert(word_hash(word), pack_clusters(ids));
    }
    TagDict::build(entries.into_iter().collect())
}
