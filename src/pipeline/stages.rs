//! The small stages that wrap one library call each: boilerplate masking,
//! headline and language, tokens, sentences, dates and agreements.

use super::contract::{Contract, Revision};
use super::Stage;
use crate::agreements::Agreements;
use crate::dates::Dates;
use crate::doc::{Doc, Layer, Origin, Span};
use crate::input::boilerplate::Boilerplate;
use crate::input::meta::{headline, LanguageGuesser};
use crate::text::{split_sentences, Lexical, Tokenizer};

/// Stage: masks boilerplate lines.
pub(super) struct MaskBoilerplate(pub(super) Boilerplate);

impl Stage for MaskBoilerplate {
    fn name(&self) -> &'static str {
        "boilerplate"
    }
    fn contract(&self) -> Contract {
        Contract::new(&[], &[Layer::Boilerplate])
    }
    fn process(&self, doc: &mut Doc) {
        doc.boilerplate = self.0.mask(doc.text());
    }
}

/// Stage: fills the title (from a headline) and language when metadata
/// did not give them.
pub(super) struct DocInfoStage(pub(super) LanguageGuesser);

impl Stage for DocInfoStage {
    fn name(&self) -> &'static str {
        "doc_info"
    }
    fn contract(&self) -> Contract {
        Contract::new(&[Layer::Info, Layer::Boilerplate], &[]).revising(&[Revision {
            layer: Layer::Info,
            why: "fills the title from the headline and the language, where metadata gave none",
        }])
    }
    fn process(&self, doc: &mut Doc) {
        if doc.info.title.is_none() {
            let masked = &doc.boilerplate;
            doc.info.title = headline(doc.text(), |b| {
                masked.iter().any(|m| m.span.byte_start == b)
            });
        }
        if doc.info.language.is_empty() {
            doc.info.language = self.0.guess(doc.text());
        }
    }
}

/// Stage: tokens, and the token view every later stage shares.
pub(super) struct Tokenize(pub(super) Tokenizer);

impl Stage for Tokenize {
    fn name(&self) -> &'static str {
        "tokens"
    }
    fn contract(&self) -> Contract {
        Contract::new(&[Layer::Boilerplate], &[Layer::Tokens])
    }
    fn process(&self, doc: &mut Doc) {
        let masked: Vec<_> = doc.boilerplate.iter().map(|m| m.span).collect();
        let tokens = self.0.tokenize(doc.text(), &masked);
        doc.set_tokens(tokens);
    }
}

/// Stage: sentences.
pub(super) struct Sentences(pub(super) Lexical);

impl Stage for Sentences {
    fn name(&self) -> &'static str {
        "sentences"
    }
    fn contract(&self) -> Contract {
        Contract::new(&[Layer::Tokens], &[Layer::Sentences])
    }
    fn process(&self, doc: &mut Doc) {
        doc.sentences = split_sentences(doc.text(), &doc.tokens, &self.0);
    }
}

/// Stage: DATE mentions and their values (and the document date from a
/// dateline when metadata gave none).
pub(super) struct DatesStage(pub(super) Dates);

impl Stage for DatesStage {
    fn name(&self) -> &'static str {
        "dates"
    }
    fn contract(&self) -> Contract {
        Contract::new(
            &[
                Layer::Info,
                Layer::Tokens,
                Layer::Sentences,
                Layer::Entities,
            ],
            &[Layer::Dates],
        )
        .revising(&[
            Revision {
                layer: Layer::Info,
                why: "sets the document date from a dateline when metadata gave none",
            },
            Revision {
                layer: Layer::Entities,
                why: "drops the tagger's mentions over a DATE the grammar found \
                          (the tagger was trained without DATE)",
            },
        ])
    }
    fn process(&self, doc: &mut Doc) {
        self.0.process(doc);
        drop_tagger_spans_over(doc, |d| d.dates.iter().map(|m| m.span).collect());
    }
}

/// Stage: referenced agreements.
pub(super) struct AgreementsStage(pub(super) Agreements);

impl Stage for AgreementsStage {
    fn name(&self) -> &'static str {
        "agreements"
    }
    fn contract(&self) -> Contract {
        Contract::new(
            &[
                Layer::Info,
                Layer::Tokens,
                Layer::Sentences,
                Layer::Entities,
                Layer::Syntax,
                Layer::Dates,
            ],
            &[Layer::Agreements],
        )
        .revising(&[Revision {
            layer: Layer::Entities,
            why: "drops the tagger's mentions over a named agreement \
                      (the tagger was trained without AGREEMENT)",
        }])
    }
    fn process(&self, doc: &mut Doc) {
        self.0.process(doc);
        drop_tagger_spans_over(doc, |d| {
            d.agreements
                .iter()
                .flat_map(|a| a.mentions.iter().filter(|m| m.named).map(|m| m.span))
                .collect()
        });
    }
}

/// Removes the tagger's entity mentions that overlap `spans` (DATE or
/// AGREEMENT mentions found since): the tagger was trained without those
/// types and mislabels them ("Memorandum" as ORG). Gazetteer names inside
/// them stay ("United Nations Security Council" in a resolution's name).
fn drop_tagger_spans_over(doc: &mut Doc, spans: impl Fn(&Doc) -> Vec<Span>) {
    let covered = spans(doc);
    if covered.is_empty() {
        return;
    }
    doc.entities.retain(|m| {
        m.origin != Origin::Model
            || !covered
                .iter()
                .any(|s| m.span.byte_start < s.byte_end && s.byte_start < m.span.byte_end)
    });
}
