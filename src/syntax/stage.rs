//! The `syntax` pipeline stage.

use crate::doc::{Doc, EntityType, Layer};
use crate::pipeline::{Contract, Stage};

use super::filter::LemmaFilter;
use super::model::{Scratch, SyntaxModel};
use super::TokenSyntax;

/// Stage `syntax`: part of speech, lemma, head and relation for every
/// token.
///
/// READS `doc.tokens`, `doc.sentences` and `doc.entities`; WRITES
/// `doc.syntax` (one [`TokenSyntax`] per token, parallel to
/// `doc.tokens`). Each sentence is one tree; heads never cross sentences.
///
/// A person's name of several words is parsed as its last word, and its
/// other words hang on it as `flat`: names the model has never seen
/// ("Ursula von der Leyen") otherwise break the sentence's tree.
///
/// With a filter ([`SyntaxStage::with_filter`]) only the sentences that
/// may hold an event trigger are analysed.
///
/// Attache's tokens are already close to UD English's: "don't" is split
/// into "do" + "n't" and "Gondor's" into "Gondor" + "'s", as in the
/// treebank. Hyphenated words ("Russia-Ukraine") stay one token where EWT
/// usually splits them; the models see them as unknown words and rely on
/// their suffix and shape features.
#[derive(Debug, Clone)]
pub struct SyntaxStage {
    model: SyntaxModel,
    filter: Option<LemmaFilter>,
}

impl SyntaxStage {
    /// A stage with this model.
    pub fn new(model: SyntaxModel) -> SyntaxStage {
        SyntaxStage {
            model,
            filter: None,
        }
    }

    /// The same stage parsing only the sentences `filter` admits (the
    /// others keep empty analyses: no part of speech, no head).
    pub fn with_filter(mut self, filter: LemmaFilter) -> SyntaxStage {
        self.filter = Some(filter);
        self
    }

    /// The model.
    pub fn model(&self) -> &SyntaxModel {
        &self.model
    }

    /// Fills `doc.syntax` (reusing `scratch` between calls).
    pub fn annotate(&self, doc: &mut Doc, scratch: &mut Scratch) {
        let n = doc.tokens.len();
        let mut out = vec![TokenSyntax::default(); n];
        let name_head = person_name_heads(doc);
        let mut forms: Vec<&str> = Vec::new();
        let mut kept: Vec<usize> = Vec::new();
        for s in &doc.sentences {
            let range = s.tokens.clone();
            if range.end > n || range.is_empty() {
                continue;
            }
            forms.clear();
            forms.extend(range.clone().map(|i| doc.token_text(i)));
            if self.filter.as_ref().is_some_and(|f| !f.admits(&forms)) {
                continue;
            }
            kept.clear();
            kept.extend(range.clone().filter(|&i| name_head[i].is_none()));
            forms.clear();
            forms.extend(kept.iter().map(|&i| doc.token_text(i)));
            self.model.analyze(&forms, scratch);
            for (k, (&i, form)) in kept.iter().zip(&forms).enumerate() {
                let tag = scratch.tags.get(k).copied().unwrap_or(0);
                out[i] = TokenSyntax {
                    lemma: self.model.lemma(form, tag),
                    upos: self.model.upos(tag),
                    xpos: self.model.xpos(tag),
                    head: scratch.head(k).and_then(|h| kept.get(h).copied()),
                    deprel: self.model.label(scratch.label(k)),
                };
            }
            for i in range.filter(|&i| name_head[i].is_some()) {
                out[i] = TokenSyntax {
                    lemma: doc.token_text(i).to_string(),
                    upos: "PROPN",
                    xpos: "NNP",
                    head: name_head[i],
                    deprel: "flat",
                };
            }
        }
        doc.syntax = out;
    }
}

impl Stage for SyntaxStage {
    fn name(&self) -> &'static str {
        "syntax"
    }

    fn contract(&self) -> Contract {
        Contract::new(
            &[Layer::Tokens, Layer::Sentences, Layer::Entities],
            &[Layer::Syntax],
        )
    }

    fn process(&self, doc: &mut Doc) {
        thread_local! {
            static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
        }
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut scratch) => self.annotate(doc, &mut scratch),
            Err(_) => self.annotate(doc, &mut Scratch::default()),
        });
    }
}

/// Token → the last word of the multi-word person name it begins or
/// continues (`None` for that last word and every other token).
fn person_name_heads(doc: &Doc) -> Vec<Option<usize>> {
    let mut out = vec![None; doc.tokens.len()];
    for m in doc
        .entities
        .iter()
        .filter(|m| m.label == EntityType::Person)
    {
        let Some(last) = m.tokens.end.checked_sub(1) else {
            continue;
        };
        if last >= out.len() {
            continue;
        }
        for slot in &mut out[m.tokens.start..last] {
            *slot = Some(last);
        }
    }
    out
}
