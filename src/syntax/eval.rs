//! The CoNLL 2018 shared-task measures with gold tokenisation: UPOS and
//! lemma accuracy, UAS and LAS over all words, punctuation included. LAS
//! compares the universal part of the relation (`nmod:poss` counts as
//! `nmod`); multiword-token ranges and empty nodes are not words (the
//! reader skips them).

use serde::Serialize;

use super::conllu::ConlluSentence;

/// Counts and percentages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct SyntaxScores {
    /// Words scored.
    pub words: usize,
    /// Words with the right UPOS.
    pub upos_correct: usize,
    /// Words with the right lemma.
    pub lemma_correct: usize,
    /// Words with the right head.
    pub uas_correct: usize,
    /// Words with the right head and universal relation.
    pub las_correct: usize,
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

impl SyntaxScores {
    /// UPOS accuracy, percent.
    pub fn upos(&self) -> f64 {
        pct(self.upos_correct, self.words)
    }
    /// Lemma accuracy, percent.
    pub fn lemma(&self) -> f64 {
        pct(self.lemma_correct, self.words)
    }
    /// Unlabelled attachment score, percent.
    pub fn uas(&self) -> f64 {
        pct(self.uas_correct, self.words)
    }
    /// Labelled attachment score, percent.
    pub fn las(&self) -> f64 {
        pct(self.las_correct, self.words)
    }

    /// One line of text.
    pub fn to_line(&self) -> String {
        format!(
            "words {}  UPOS {:.2}  lemma {:.2}  UAS {:.2}  LAS {:.2}",
            self.words,
            self.upos(),
            self.lemma(),
            self.uas(),
            self.las()
        )
    }

    /// The JSON report (counts and percentages).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "words": self.words,
            "upos": self.upos(),
            "lemma": self.lemma(),
            "uas": self.uas(),
            "las": self.las(),
            "counts": self,
        })
    }
}

/// The universal part of a relation (`nmod:poss` → `nmod`).
pub fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

/// Scores predicted sentences against gold ones (same words in the same
/// order; extra words on either side are counted as wrong).
pub fn evaluate(gold: &[ConlluSentence], pred: &[ConlluSentence]) -> SyntaxScores {
    let mut s = SyntaxScores::default();
    for (i, g) in gold.iter().enumerate() {
        let p = pred.get(i).map_or(&[][..], |p| &p.words[..]);
        for (j, gw) in g.words.iter().enumerate() {
            s.words += 1;
            let Some(pw) = p.get(j) else { continue };
            s.upos_correct += (gw.upos == pw.upos) as usize;
            s.lemma_correct += (gw.lemma == pw.lemma) as usize;
            if gw.head == pw.head {
                s.uas_correct += 1;
                s.las_correct += (universal(&gw.deprel) == universal(&pw.deprel)) as usize;
            }
        }
    }
    s
}
