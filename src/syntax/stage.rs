//! The `syntax` pipeline stage.

use crate::doc::{Doc, Layer};
use crate::pipeline::{Contract, Revision, Stage};
use crate::text::titles::Titles;

use super::filter::LemmaFilter;
use super::model::{Scratch, SyntaxModel};
use super::names::NamePlan;
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
/// ("Ursula von der Leyen") otherwise break the sentence's tree. So is a
/// place's or organisation's name of capitalised words only ("United
/// States", "European Union"), its last word tagged a proper noun. With
/// titles ([`SyntaxStage::with_titles`]) the title chain before a name is
/// parsed as a phrase of its own and hung on the name (`nmod:desc`).
///
/// With a filter ([`SyntaxStage::with_filter`]) only the sentences that
/// may hold an event trigger are analysed.
///
/// Attache's tokens are already close to UD English's: "don't" is split
/// into "do" + "n't", "cannot" into "can" + "not" and "Gondor's" into
/// "Gondor" + "'s", as in the treebank. Hyphenated words ("Russia-Ukraine") stay one token where EWT
/// usually splits them; the models see them as unknown words and rely on
/// their suffix and shape features.
#[derive(Debug, Clone)]
pub struct SyntaxStage {
    model: SyntaxModel,
    filter: Option<LemmaFilter>,
    titles: Option<Titles>,
}

impl SyntaxStage {
    /// A stage with this model.
    pub fn new(model: SyntaxModel) -> SyntaxStage {
        SyntaxStage {
            model,
            filter: None,
            titles: None,
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

    /// The same stage parsing a person's title chain ("Minister of Foreign
    /// Affairs of Gondor Hirgon Baranor") apart from the sentence, hung on
    /// the name.
    pub fn with_titles(mut self, titles: Titles) -> SyntaxStage {
        self.titles = Some(titles);
        self
    }

    /// Fills `doc.syntax` (reusing `scratch` between calls), after
    /// dropping the tagger's one-word persons that are common words.
    pub fn annotate(&self, doc: &mut Doc, scratch: &mut Scratch) {
        super::lone_words::drop_common_word_persons(doc, &self.model);
        let n = doc.tokens.len();
        let mut out = vec![TokenSyntax::default(); n];
        let plan = NamePlan::new(doc, self.titles.as_ref());
        let mut forms: Vec<&str> = Vec::new();
        let mut kept: Vec<usize> = Vec::new();
        let mut names: Vec<bool> = Vec::new();
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
            kept.extend(range.clone().filter(|&i| !plan.hidden[i]));
            names.clear();
            names.extend(kept.iter().map(|&i| plan.name_head[i]));
            self.analyze_into(doc, (&kept, None, &names), &mut forms, scratch, &mut out);
            let prefixes = plan
                .prefixes
                .iter()
                .filter(|p| range.contains(&p.tokens.start));
            for p in prefixes {
                kept.clear();
                kept.extend(p.tokens.clone().filter(|&i| plan.flat_head[i].is_none()));
                self.analyze_into(
                    doc,
                    (&kept, Some(p.name_head), &[]),
                    &mut forms,
                    scratch,
                    &mut out,
                );
            }
            for i in range.filter(|&i| plan.flat_head[i].is_some()) {
                let comma = doc.norm(i) == ",";
                out[i] = TokenSyntax {
                    lemma: doc.token_text(i).to_string(),
                    upos: if comma { "PUNCT" } else { "PROPN" },
                    xpos: if comma { "," } else { "NNP" },
                    head: plan.flat_head[i],
                    deprel: if comma { "punct" } else { "flat" },
                };
            }
        }
        doc.syntax = out;
    }

    /// Tags and parses the tokens `kept` as one sentence, `names` marking
    /// the heads of names; its root hangs on `attach` (as a title on a
    /// name) when given.
    fn analyze_into<'d>(
        &self,
        doc: &'d Doc,
        (kept, attach, names): (&[usize], Option<usize>, &[bool]),
        forms: &mut Vec<&'d str>,
        scratch: &mut Scratch,
        out: &mut [TokenSyntax],
    ) {
        forms.clear();
        forms.extend(kept.iter().map(|&i| straight_clitic(doc.token_text(i))));
        self.model.analyze_names(forms, names, scratch);
        for (k, (&i, form)) in kept.iter().zip(forms.iter()).enumerate() {
            let tag = scratch.tags.get(k).copied().unwrap_or(0);
            let head = scratch.head(k).and_then(|h| kept.get(h).copied());
            let (head, deprel) = match (head, attach) {
                (None, Some(name)) => (Some(name), "nmod:desc"),
                _ => (head, self.model.label(scratch.label(k))),
            };
            out[i] = TokenSyntax {
                lemma: self.model.lemma_in_tree(form, k, scratch),
                upos: self.model.upos(tag),
                xpos: self.model.xpos(tag),
                head,
                deprel,
            };
        }
    }
}

/// A clitic written with a typographic apostrophe ("we’ll", "don’t"),
/// as the treebank writes it, with a straight one: the models learned
/// "'ll" as a modal and "n't" as a negator, and most published releases
/// use the curly form.
fn straight_clitic(form: &str) -> &str {
    match form {
        "\u{2019}s" => "'s",
        "\u{2019}S" => "'S",
        "\u{2019}ll" => "'ll",
        "\u{2019}LL" => "'LL",
        "\u{2019}d" => "'d",
        "\u{2019}D" => "'D",
        "\u{2019}re" => "'re",
        "\u{2019}RE" => "'RE",
        "\u{2019}ve" => "'ve",
        "\u{2019}VE" => "'VE",
        "\u{2019}m" => "'m",
        "\u{2019}M" => "'M",
        "n\u{2019}t" => "n't",
        "N\u{2019}T" => "N'T",
        _ => form,
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
        .revising(&[Revision {
            layer: Layer::Entities,
            why: "drops the tagger's one-word persons that the treebank knows only as \
                  common words, capitalised by their place (\"Given that\", \"(Laughter.)\")",
        }])
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
