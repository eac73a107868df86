//! What the benchmarks share: the example press releases, run through the
//! pipeline without a tagger (tokens and sentences made, nothing tagged).

use attache::doc::{Doc, DocInfo};
use attache::ner::stage::ModelChoice;
use attache::pipeline::{Dicts, Pipeline};

/// The `.txt` fixtures under `fixtures/press`, in name order, processed by
/// the pipeline without a tagger.
pub fn press_fixtures() -> Vec<Doc> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/press");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let pipeline =
        Pipeline::with_model(&Dicts::default(), &ModelChoice::None).expect("embedded data loads");
    paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|text| {
            let mut doc = Doc::new(DocInfo::default(), text);
            pipeline.process(&mut doc);
            doc
        })
        .collect()
}
