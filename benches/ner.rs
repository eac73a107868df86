//! Criterion benchmarks of the entity tagger: model load and tagging of the
//! example press releases (tokens already made).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use attache::doc::{Doc, DocInfo};
use attache::ner::stage::{SpanTagger, FAST_MODEL};
use attache::ner::Model;
use attache::pipeline::{Dicts, Pipeline};

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

fn ner(c: &mut Criterion) {
    c.bench_function("ner/load", |b| {
        b.iter(|| Model::from_bytes(FAST_MODEL).expect("model loads"))
    });
    let model = Model::from_bytes(FAST_MODEL).expect("model loads");
    let docs = corpus();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let mut group = c.benchmark_group("ner");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tag", |b| {
        b.iter(|| docs.iter().map(|d| model.tag(d).len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, ner);
criterion_main!(benches);
