//! Criterion benchmarks of the syntax stage alone: model load, and tagging,
//! lemmatising and parsing the example press releases (tokens and
//! sentences already made). Throughput is in tokens.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use attache::doc::{Doc, DocInfo};
use attache::pipeline::{Dicts, Pipeline, Stage};
use attache::syntax::{SyntaxModel, SyntaxStage};

fn corpus() -> Vec<Doc> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/press");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let pipeline = Pipeline::with_model(&Dicts::default(), &attache::ner::stage::ModelChoice::None)
        .expect("embedded data loads");
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

fn syntax(c: &mut Criterion) {
    c.bench_function("syntax/load", |b| {
        b.iter(|| SyntaxModel::embedded().expect("model loads"))
    });
    let stage = SyntaxStage::new(SyntaxModel::embedded().expect("model loads"));
    let mut docs = corpus();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let mut group = c.benchmark_group("syntax");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("stage", |b| {
        b.iter(|| {
            for d in docs.iter_mut() {
                stage.process(d);
            }
        })
    });
    group.finish();
}

criterion_group!(benches, syntax);
criterion_main!(benches);
