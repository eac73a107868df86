//! The pipeline: an ordered list of stages, each reading what earlier ones
//! wrote to the [`Doc`] and adding its own layer.
//!
//! Order: `boilerplate` (mask web chrome) → `doc_info` (headline, language)
//! → `tokens` → `sentences` → `dates` → `agreements`. Later layers
//! (entities, actors, events) plug in after `sentences`; `dates` and
//! `agreements` do not depend on entity mentions.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::actors::titles::Titles;
use crate::actors::ActorStage;
use crate::agreements::Agreements;
use crate::dates::{DateOrder, Dates};
use crate::doc::Doc;
use crate::error::Error;
use crate::events::lexicon::EventLexicon;
use crate::events::EventStage;
use crate::input::boilerplate::Boilerplate;
use crate::input::meta::{headline, LanguageGuesser};
use crate::ner::gazetteer::Gazetteer;
use crate::ner::stage::{EntityStage, ModelChoice, SpanTagger};
use crate::ner::types::TypeMap;
use crate::records::{Record, RecordOptions};
use crate::text::{split_sentences, Lexical, Tokenizer};

/// One step of the pipeline.
pub trait Stage: Send + Sync {
    /// A short stable name (used in timings and error messages).
    fn name(&self) -> &'static str;
    /// Adds this stage's layer to `doc`.
    fn process(&self, doc: &mut Doc);
}

/// User data files given with `--dict`, routed by their `# format:` line.
#[derive(Debug, Clone, Default)]
pub struct Dicts {
    boilerplate: Vec<(String, String)>,
    gazetteers: Vec<(String, String)>,
    dates: Vec<(String, String)>,
    agreements: Vec<(String, String)>,
    agreement_cues: Vec<(String, String)>,
    /// Day/month order of all-numeric dates when both parts are ≤ 12.
    pub date_order: DateOrder,
    titles: Vec<(String, String)>,
    /// Event patterns, cues and CAMEO tables: (name, contents, format).
    events: Vec<(String, String, String)>,
}

impl Dicts {
    /// Reads data files; each must declare a known `# format:` in its header.
    pub fn load(paths: &[impl AsRef<Path>]) -> Result<Dicts, Error> {
        let mut dicts = Dicts::default();
        for path in paths {
            let path = path.as_ref();
            let contents = std::fs::read_to_string(path).map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
            let name = path.display().to_string();
            match declared_format(&contents) {
                Some("attache-boilerplate/1") => dicts.boilerplate.push((name, contents)),
                Some("attache-gazetteer/1") => dicts.gazetteers.push((name, contents)),
                Some("attache-dates/1") => dicts.dates.push((name, contents)),
                Some("attache-agreements/1") => dicts.agreements.push((name, contents)),
                Some("attache-agreement-cues/1") => dicts.agreement_cues.push((name, contents)),
                Some("attache-titles/1") => dicts.titles.push((name, contents)),
                Some(
                    f @ ("attache-events/1" | "attache-event-cues/1" | "attache-cameo-plover/1"),
                ) => {
                    let f = f.to_string();
                    dicts.events.push((name, contents, f))
                }
                Some(other) => {
                    return Err(Error::Usage(format!(
                        "{name}: unsupported dictionary format {other:?} (supported: {})",
                        SUPPORTED_FORMATS.join(", ")
                    )))
                }
                None => {
                    return Err(Error::Usage(format!(
                        "{name}: no '# format: …' line in the header"
                    )))
                }
            }
        }
        Ok(dicts)
    }

    /// The same dictionaries with another numeric date order.
    pub fn with_date_order(mut self, order: DateOrder) -> Dicts {
        self.date_order = order;
        self
    }
}

fn named(files: &[(String, String)]) -> Vec<(&str, &str)> {
    files
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_str()))
        .collect()
}

/// The data formats `--dict` accepts.
pub const SUPPORTED_FORMATS: [&str; 9] = [
    "attache-boilerplate/1",
    "attache-gazetteer/1",
    "attache-dates/1",
    "attache-agreements/1",
    "attache-agreement-cues/1",
    "attache-titles/1",
    "attache-events/1",
    "attache-event-cues/1",
    "attache-cameo-plover/1",
];

/// The value of the first `# format:` comment line.
fn declared_format(contents: &str) -> Option<&str> {
    contents
        .lines()
        .take_while(|l| l.trim_start().starts_with('#') || l.trim().is_empty())
        .find_map(|l| {
            l.trim_start()
                .trim_start_matches('#')
                .trim()
                .strip_prefix("format:")
        })
        .map(str::trim)
}

/// Stage: masks boilerplate lines.
struct MaskBoilerplate(Boilerplate);

impl Stage for MaskBoilerplate {
    fn name(&self) -> &'static str {
        "boilerplate"
    }
    fn process(&self, doc: &mut Doc) {
        doc.boilerplate = self.0.mask(doc.text());
    }
}

/// Stage: fills the title (from a headline) and language when metadata
/// did not give them.
struct DocInfoStage(LanguageGuesser);

impl Stage for DocInfoStage {
    fn name(&self) -> &'static str {
        "doc_info"
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

/// Stage: tokens.
struct Tokenize(Tokenizer);

impl Stage for Tokenize {
    fn name(&self) -> &'static str {
        "tokens"
    }
    fn process(&self, doc: &mut Doc) {
        let masked: Vec<_> = doc.boilerplate.iter().map(|m| m.span).collect();
        doc.tokens = self.0.tokenize(doc.text(), &masked);
    }
}

/// Stage: sentences.
struct Sentences(Lexical);

impl Stage for Sentences {
    fn name(&self) -> &'static str {
        "sentences"
    }
    fn process(&self, doc: &mut Doc) {
        doc.sentences = split_sentences(doc.text(), &doc.tokens, &self.0);
    }
}

/// Stage: DATE mentions and their values (and the document date from a
/// dateline when metadata gave none).
struct DatesStage(Dates);

impl Stage for DatesStage {
    fn name(&self) -> &'static str {
        "dates"
    }
    fn process(&self, doc: &mut Doc) {
        self.0.process(doc);
        drop_tagger_spans_over(doc, |d| d.dates.iter().map(|m| m.span).collect());
    }
}

/// Stage: referenced agreements.
struct AgreementsStage(Agreements);

impl Stage for AgreementsStage {
    fn name(&self) -> &'static str {
        "agreements"
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
fn drop_tagger_spans_over(doc: &mut Doc, spans: impl Fn(&Doc) -> Vec<crate::doc::Span>) {
    let covered = spans(doc);
    if covered.is_empty() {
        return;
    }
    doc.entities.retain(|m| {
        m.origin != crate::doc::Origin::Model
            || !covered
                .iter()
                .any(|s| m.span.byte_start < s.byte_end && s.byte_start < m.span.byte_end)
    });
}

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

    /// The pipeline with the given tagger.
    pub fn with_model(dicts: &Dicts, model: &ModelChoice) -> Result<Pipeline, Error> {
        let mut sources: Vec<(&str, &str)> =
            vec![("boilerplate.txt", include_str!("../models/boilerplate.txt"))];
        sources.extend(
            dicts
                .boilerplate
                .iter()
                .map(|(n, c)| (n.as_str(), c.as_str())),
        );
        let boilerplate = Boilerplate::from_sources(&sources)?;
        let lexical = Lexical::embedded();
        let tokenizer = Tokenizer::new(lexical.clone());
        let gazetteer = Gazetteer::with_user_files(&dicts.gazetteers, &tokenizer)?;
        let tagger = model
            .load()
            .map_err(|e| Error::Usage(format!("loading the NER model: {e}")))?
            .map(|m| Box::new(m) as Box<dyn SpanTagger>);
        let titles = Titles::with_user_files(&dicts.titles, &tokenizer)?;
        let actors = ActorStage::new(gazetteer.clone(), titles.clone(), lexical.clone());
        let entities =
            EntityStage::new(gazetteer, TypeMap::embedded()?, tagger).with_titles(titles);
        let dates = Dates::new(&named(&dicts.dates), dicts.date_order)?;
        let agreements = Agreements::new(&named(&dicts.agreements), &named(&dicts.agreement_cues))?;
        let events = EventStage::new(EventLexicon::with_user_files(&dicts.events)?);
        Ok(Pipeline {
            stages: vec![
                Box::new(MaskBoilerplate(boilerplate)),
                Box::new(DocInfoStage(LanguageGuesser::embedded())),
                Box::new(Tokenize(tokenizer)),
                Box::new(Sentences(lexical)),
                Box::new(crate::syntax::SyntaxStage::new(
                    crate::syntax::SyntaxModel::embedded()
                        .map_err(|e| Error::Usage(format!("loading the syntax model: {e}")))?,
                )),
                Box::new(entities),
                Box::new(DatesStage(dates)),
                Box::new(AgreementsStage(agreements)),
                Box::new(actors),
                Box::new(events),
            ],
        })
    }

    /// The stage names, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Runs every stage on `doc`.
    pub fn process(&self, doc: &mut Doc) {
        for stage in &self.stages {
            stage.process(doc);
        }
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
    use super::*;
    use crate::doc::DocInfo;

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
                "syntax",
                "entities",
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
}
