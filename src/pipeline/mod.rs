//! The pipeline: an ordered list of stages, each reading what earlier ones
//! wrote to the [`Doc`] and adding its own layer.
//!
//! Order and contracts (checked when the pipeline is built, see
//! [`Contract`] and [`ContractError`]):
//!
//! | stage | reads | writes | revises |
//! |---|---|---|---|
//! | `boilerplate` | – | Boilerplate | – |
//! | `doc_info` | Info, Boilerplate | – | Info (title, language) |
//! | `tokens` | Boilerplate | Tokens (with the shared token view) | – |
//! | `sentences` | Tokens | Sentences | – |
//! | `entities` | Info, Tokens, Sentences | Entities | – |
//! | `syntax` (only sentences that may hold a trigger, unless [`Pipeline::with_options`] asks for all) | Tokens, Sentences, Entities | Syntax | Entities (drops one-word persons that are common words) |
//! | `dates` | Info, Tokens, Sentences, Entities | Dates | Info (date), Entities (drops tagger spans over dates) |
//! | `agreements` | Info, Tokens, Sentences, Entities, Syntax, Dates | Agreements | Entities (drops tagger spans over names) |
//! | `actors` | Info, Tokens, Sentences, Entities, Dates, Agreements | Actors | – |
//! | `events` | every earlier layer | Events | Actors (see [`crate::events`]) |
//!
//! Debug builds check after every stage that it changed no layer it did
//! not declare ([`Pipeline::process_checked`] does so in any build).

mod contract;
mod dicts;
mod stages;

use std::sync::Arc;
use std::time::{Duration, Instant};

pub use contract::{Contract, ContractError, Revision};
pub use dicts::{Dicts, SUPPORTED_FORMATS};

use crate::actors::ActorStage;
use crate::agreements::Agreements;
use crate::dates::Dates;
use crate::doc::Doc;
use crate::error::Error;
use crate::events::lexicon::EventLexicon;
use crate::events::EventStage;
use crate::input::boilerplate::Boilerplate;
use crate::input::meta::LanguageGuesser;
use crate::lexicon::formations::Formations;
use crate::lexicon::WordClasses;
use crate::ner::gazetteer::Gazetteer;
use crate::ner::offices::Offices;
use crate::ner::stage::{EntityStage, ModelChoice, SpanTagger};
use crate::ner::types::TypeMap;
use crate::records::{Record, RecordOptions};
use crate::syntax::filter::LemmaFilter;
use crate::syntax::{SyntaxModel, SyntaxStage};
use crate::text::titles::Titles;
use crate::text::{Lexical, Tokenizer};
use dicts::named;
use stages::{AgreementsStage, DatesStage, DocInfoStage, MaskBoilerplate, Sentences, Tokenize};

/// One step of the pipeline.
pub trait Stage: Send + Sync {
    /// A short stable name (used in timings and error messages).
    fn name(&self) -> &'static str;
    /// The layers it reads, writes and revises.
    fn contract(&self) -> Contract;
    /// Adds this stage's layer to `doc`.
    fn process(&self, doc: &mut Doc);
}

/// Documents longer than this (in bytes) skip the debug-build contract
/// check: fingerprinting every layer after every stage would make the
/// long-document and memory tests crawl in debug builds.
const CHECKED_DOC_LIMIT: usize = 1 << 20;

/// The configured stages, immutable and shared by all worker threads.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// The default pipeline with the embedded data and model plus user
    /// dictionaries.
    pub fn new(dicts: &Dicts) -> Result<Pipeline, Error> {
        Pipeline::with_model(dicts, &ModelChoice::Fast)
    }

    /// The pipeline with the given tagger; the syntax stage parses only
    /// the sentences that may hold an event trigger.
    pub fn with_model(dicts: &Dicts, model: &ModelChoice) -> Result<Pipeline, Error> {
        Pipeline::with_options(dicts, model, false)
    }

    /// The pipeline with the given tagger; the syntax stage parses every
    /// sentence when `syntax` (for `attache parse` and `attache tokens`).
    pub fn with_options(
        dicts: &Dicts,
        model: &ModelChoice,
        syntax: bool,
    ) -> Result<Pipeline, Error> {
        // The two statistical models load on a second core while the data
        // files are read: start-up is paid by every process (a Spark task
        // pays it per partition).
        std::thread::scope(|scope| {
            let tagger = scope.spawn(|| load_tagger(model));
            let syntax_model = scope.spawn(|| {
                SyntaxModel::embedded()
                    .map_err(|e| Error::Usage(format!("loading the syntax model: {e}")))
            });
            let failed = || Error::Usage("loading the models failed".to_string());
            Pipeline::assemble(dicts, syntax, || {
                let tagger = tagger.join().map_err(|_| failed())??;
                Ok((tagger, syntax_model.join().map_err(|_| failed())??))
            })
        })
    }

    /// The stages over `dicts`, with the models that `models` waits for.
    fn assemble(
        dicts: &Dicts,
        syntax: bool,
        models: impl FnOnce() -> Result<Models, Error>,
    ) -> Result<Pipeline, Error> {
        let boilerplate = Boilerplate::from_sources(&boilerplate_sources(dicts))?;
        let words = WordClasses::with_user_files(&dicts.words)?;
        let lexical = Lexical::embedded().with_words(words.clone());
        let tokenizer = Tokenizer::new(lexical.clone());
        // one gazetteer, shared by the entities and actors stages
        let gazetteer = Arc::new(Gazetteer::with_user_files(&dicts.gazetteers, &tokenizer)?);
        let titles = Titles::with_user_files(&dicts.titles, &tokenizer)?;
        let formations = Formations::with_user_files(&dicts.formations)?;
        let actors = ActorStage::new(gazetteer.clone(), titles.clone(), lexical.clone())
            .with_formations(formations.clone())
            .with_offices(Offices::with_user_files(&dicts.offices, &gazetteer)?);
        let dates = Dates::new(&named(&dicts.dates), dicts.date_order)?;
        let agreements = Agreements::new(&named(&dicts.agreements), &named(&dicts.agreement_cues))?
            .with_words(words.clone())
            .with_formations(formations.clone());
        let event_lexicon = EventLexicon::with_user_files(&dicts.events)?.with_words(words.clone());
        let (tagger, mut syntax_model) = models()?;
        let entities = EntityStage::new(gazetteer, TypeMap::embedded()?, tagger)
            .with_titles(titles.clone())
            .with_words(words);
        // the triggers' lemmas are words the lemmatiser must be able to reach
        syntax_model.add_known_lemmas(event_lexicon.triggers.rows.iter().map(|r| r.lemma.as_str()));
        let mut syntax_stage = SyntaxStage::new(syntax_model).with_titles(titles);
        if !syntax {
            let filter = LemmaFilter::with_phrases(
                &filter_phrases(&event_lexicon, &agreements),
                syntax_stage.model().lemma_table(),
            );
            syntax_stage = syntax_stage.with_filter(filter);
        }
        let events = EventStage::new(event_lexicon);
        Pipeline::from_stages(vec![
            Box::new(MaskBoilerplate(boilerplate)),
            Box::new(DocInfoStage(LanguageGuesser::embedded())),
            Box::new(Tokenize(tokenizer)),
            Box::new(Sentences(lexical)),
            Box::new(entities),
            Box::new(syntax_stage),
            Box::new(DatesStage(dates)),
            Box::new(AgreementsStage(agreements)),
            Box::new(actors),
            Box::new(events),
        ])
    }

    /// A pipeline of these stages, in this order, once their contracts are
    /// checked: every layer a stage reads or revises is written by an
    /// earlier one, and no layer is written twice.
    pub fn from_stages(stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, Error> {
        let order: Vec<_> = stages.iter().map(|s| (s.name(), s.contract())).collect();
        contract::check_order(&order).map_err(|e| Error::Usage(format!("pipeline: {e}")))?;
        Ok(Pipeline { stages })
    }

    /// The stage names, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Runs every stage on `doc`. Debug builds check every stage's
    /// contract and panic on a breach (a bug in a stage, not in the input).
    pub fn process(&self, doc: &mut Doc) {
        if cfg!(debug_assertions) && doc.text().len() <= CHECKED_DOC_LIMIT {
            if let Err(e) = self.process_checked(doc) {
                panic!("{e}");
            }
            return;
        }
        for stage in &self.stages {
            stage.process(doc);
        }
    }

    /// Runs every stage on `doc`, failing on the first stage that changed a
    /// layer its contract does not declare.
    pub fn process_checked(&self, doc: &mut Doc) -> Result<(), ContractError> {
        for stage in &self.stages {
            let contract = stage.contract();
            let guard = contract::Guard::before(doc, &contract);
            stage.process(doc);
            if let Some(layer) = guard.changed(doc) {
                return Err(ContractError::Undeclared {
                    stage: stage.name(),
                    layer,
                });
            }
        }
        Ok(())
    }

    /// Runs every stage, adding each one's time to `timings` (one per stage).
    pub fn process_timed(&self, doc: &mut Doc, timings: &mut [Duration]) {
        for (stage, slot) in self.stages.iter().zip(timings.iter_mut()) {
            let t = Instant::now();
            stage.process(doc);
            *slot += t.elapsed();
        }
    }

    /// Processes a document into its record.
    pub fn record(&self, mut doc: Doc, opts: RecordOptions) -> Record {
        self.process(&mut doc);
        Record::from_doc(&doc, opts)
    }
}

/// Shared pipelines for the unit tests: building one parses the embedded
/// model and compiles every dictionary, which table-driven tests would
/// otherwise repeat for each of their cases.
#[cfg(test)]
pub(crate) mod testing {
    use std::sync::OnceLock;

    use super::{Dicts, Pipeline};
    use crate::dates::DateOrder;
    use crate::doc::{Doc, DocInfo};

    /// The default pipeline with this date order, built once.
    pub(crate) fn pipeline(order: DateOrder) -> &'static Pipeline {
        static DMY: OnceLock<Pipeline> = OnceLock::new();
        static MDY: OnceLock<Pipeline> = OnceLock::new();
        let cell = match order {
            DateOrder::Dmy => &DMY,
            DateOrder::Mdy => &MDY,
        };
        cell.get_or_init(|| {
            Pipeline::new(&Dicts::default().with_date_order(order)).expect("embedded data loads")
        })
    }

    /// `text` tokenised and split into sentences, with no other layer (for
    /// tests of one stage or step).
    pub(crate) fn split_doc(text: &str) -> Doc {
        use crate::text::{split_sentences, Lexical, Tokenizer};
        let lexical = Lexical::embedded();
        let mut doc = Doc::new(DocInfo::default(), text.to_string());
        let tokens = Tokenizer::new(lexical.clone()).tokenize(doc.text(), &[]);
        doc.set_tokens(tokens);
        doc.sentences = split_sentences(doc.text(), &doc.tokens, &lexical);
        doc
    }

    /// `text` run through the default pipeline, with `doc_date` as the
    /// document date.
    pub(crate) fn run(order: DateOrder, doc_date: Option<&str>, text: &str) -> Doc {
        let info = DocInfo {
            date: doc_date.map(str::to_string),
            ..DocInfo::default()
        };
        let mut doc = Doc::new(info, text.to_string());
        pipeline(order).process(&mut doc);
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::dicts::declared_format;
    use super::*;
    use crate::doc::{DocInfo, Layer};

    #[test]
    fn stages_run_in_order_and_fill_layers() {
        let p = Pipeline::new(&Dicts::default()).unwrap();
        assert_eq!(
            p.stage_names(),
            vec![
                "boilerplate",
                "doc_info",
                "tokens",
                "sentences",
                "entities",
                "syntax",
                "dates",
                "agreements",
                "actors",
                "events"
            ]
        );
        let text = "Ministers meet in Geneva\n\nThe Ministers met. They agreed.\nShow More\n";
        let mut doc = Doc::new(DocInfo::default(), text.to_string());
        p.process(&mut doc);
        assert_eq!(doc.info.title.as_deref(), Some("Ministers meet in Geneva"));
        assert_eq!(doc.info.language, "en");
        assert_eq!(doc.boilerplate.len(), 1);
        assert_eq!(doc.sentences.len(), 3);
        assert!(doc.tokens.iter().all(|t| doc.span_text(t.span) != "Show"));
    }

    #[test]
    fn dict_format_is_read_from_the_header() {
        assert_eq!(
            declared_format("# format: attache-boilerplate/1\n# x\na\tline\tb"),
            Some("attache-boilerplate/1")
        );
        assert_eq!(declared_format("a\tline\tb\n# format: x"), None);
    }

    /// A stage that declares the dates layer but also adds an entity.
    struct Broken;

    impl Stage for Broken {
        fn name(&self) -> &'static str {
            "broken"
        }
        fn contract(&self) -> Contract {
            Contract::new(&[Layer::Tokens], &[Layer::Dates])
        }
        fn process(&self, doc: &mut Doc) {
            doc.entities.push(crate::doc::Mention {
                span: doc.token_span(0, 0),
                tokens: 0..1,
                sentence: 0,
                label: crate::doc::EntityType::Org,
                score: None,
                origin: crate::doc::Origin::Model,
                entry: None,
            });
        }
    }

    /// A stage with a contract and no effect.
    struct Declares(&'static str, Contract);

    impl Stage for Declares {
        fn name(&self) -> &'static str {
            self.0
        }
        fn contract(&self) -> Contract {
            self.1
        }
        fn process(&self, _: &mut Doc) {}
    }

    fn front() -> Vec<Box<dyn Stage>> {
        let lexical = Lexical::embedded();
        vec![
            Box::new(MaskBoilerplate(
                Boilerplate::from_sources(&[("b", "")]).unwrap(),
            )),
            Box::new(Tokenize(Tokenizer::new(lexical.clone()))),
            Box::new(Sentences(lexical)),
        ]
    }

    #[test]
    fn a_stage_that_changes_an_undeclared_layer_is_caught() {
        let mut stages = front();
        stages.push(Box::new(Broken));
        let p = Pipeline::from_stages(stages).unwrap();
        let mut doc = Doc::new(DocInfo::default(), "Rohan met Gondor.".to_string());
        assert_eq!(
            p.process_checked(&mut doc),
            Err(ContractError::Undeclared {
                stage: "broken",
                layer: Layer::Entities
            })
        );
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut doc = Doc::new(DocInfo::default(), "Rohan met Gondor.".to_string());
            p.process(&mut doc);
        }));
        assert_eq!(caught.is_err(), cfg!(debug_assertions));
    }

    #[test]
    fn the_order_is_checked_when_the_pipeline_is_built() {
        let reads_entities = Contract::new(&[Layer::Entities], &[Layer::Events]);
        let mut stages = front();
        stages.push(Box::new(Declares("early", reads_entities)));
        let err = Pipeline::from_stages(stages).err().unwrap().to_string();
        assert!(err.contains("'early' reads Entities"), "{err}");

        let writes_tokens = Contract::new(&[], &[Layer::Tokens]);
        let mut stages = front();
        stages.push(Box::new(Declares("again", writes_tokens)));
        let err = Pipeline::from_stages(stages).err().unwrap().to_string();
        assert!(
            err.contains("'again' writes Tokens, which 'tokens'"),
            "{err}"
        );
    }

    /// Every stage keeps its contract on the fixtures and, when `../shared`
    /// is beside the repository, on the dev texts.
    #[test]
    fn every_stage_keeps_its_contract_on_real_texts() {
        let p = Pipeline::new(&Dicts::default()).unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("fixtures/press")];
        let dev = root.join("../shared/data/dev");
        if dev.is_dir() {
            dirs.push(dev);
        } else {
            eprintln!("skipped: the dev texts (no ../shared/data/dev)");
        }
        let mut checked = 0;
        for dir in dirs {
            let mut files: Vec<_> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            for path in files {
                let text = std::fs::read_to_string(&path).unwrap();
                let mut doc = Doc::new(DocInfo::default(), text);
                if let Err(e) = p.process_checked(&mut doc) {
                    panic!("{}: {e}", path.display());
                }
                checked += 1;
            }
        }
        assert!(checked >= 12);
    }
}

/// The entity tagger (if any) and the syntax model.
type Models = (Option<Box<dyn SpanTagger>>, SyntaxModel);

fn load_tagger(model: &ModelChoice) -> Result<Option<Box<dyn SpanTagger>>, Error> {
    Ok(model
        .load()
        .map_err(|e| Error::Usage(format!("loading the NER model: {e}")))?
        .map(|m| Box::new(m) as Box<dyn SpanTagger>))
}

/// The embedded boilerplate patterns, then the user's.
fn boilerplate_sources(dicts: &Dicts) -> Vec<(&str, &str)> {
    let embedded = (
        "boilerplate.txt",
        include_str!("../../models/boilerplate.txt"),
    );
    std::iter::once(embedded)
        .chain(
            dicts
                .boilerplate
                .iter()
                .map(|(n, c)| (n.as_str(), c.as_str())),
        )
        .collect()
}

/// The phrases whose sentences the syntax stage parses: the triggers'
/// lemmas (also as past participles in -n and -en, "withdrawn", "taken",
/// "beaten", which no regular inflection gives), each with the further
/// words its row requires as dependents ("call on", "take part"), and the
/// agreement heads whose phrase the agreements stage reads from the parse.
fn filter_phrases(lexicon: &EventLexicon, agreements: &Agreements) -> Vec<Vec<String>> {
    lexicon
        .triggers
        .rows
        .iter()
        .flat_map(|r| {
            let l = &r.lemma;
            [l.clone(), format!("{l}n"), format!("{l}en")].map(|head| {
                std::iter::once(head)
                    .chain(r.with.iter().cloned())
                    .collect::<Vec<String>>()
            })
        })
        .chain(agreements.parsed_heads().into_iter().map(|h| vec![h]))
        .collect()
}
