//! The `syntax` pipeline stage.

use crate::doc::{Doc, Layer};
use crate::pipeline::{Contract, Stage};

use super::filter::LemmaFilter;
use super::model::{Scratch, SyntaxModel};
use super::TokenSyntax;

/// Stage `syntax`: part of speech, lemma, head and relation for every
/// token.
///
/// READS `doc.tokens` and `doc.sentences`; WRITES `doc.syntax` (one
/// [`TokenSyntax`] per token, parallel to `doc.tokens`). Each sentence is
/// one tree; heads never cross sentences.
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
        let mut out = vec![TokenSyntax::default(); doc.tokens.len()];
        let mut forms: Vec<&str> = Vec::new();
        for s in &doc.sentences {
            let range = s.tokens.clone();
            if range.end > doc.tokens.len() || range.is_empty() {
                continue;
            }
            forms.clear();
            forms.extend(range.clone().map(|i| doc.token_text(i)));
            if self.filter.as_ref().is_some_and(|f| !f.admits(&forms)) {
                continue;
            }
            self.model.analyze(&forms, scratch);
            for (k, (i, form)) in range.clone().zip(&forms).enumerate() {
                let tag = scratch.tags.get(k).copied().unwrap_or(0);
                let upos = self.model.upos(tag);
                out[i] = TokenSyntax {
                    lemma: self.model.lemma(form, tag),
                    upos,
                    xpos: self.model.xpos(tag),
                    head: scratch.head(k).map(|h| range.start + h),
                    deprel: self.model.label(scratch.label(k)),
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
        Contract::new(&[Layer::Tokens, Layer::Sentences], &[Layer::Syntax])
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
