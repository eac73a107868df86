//! Criterion benchmarks of the entity tagger: model load and tagging of the
//! example press releases (tokens already made).

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use attache::ner::stage::{SpanTagger, FAST_MODEL};
use attache::ner::Model;

fn ner(c: &mut Criterion) {
    c.bench_function("ner/load", |b| {
        b.iter(|| Model::from_bytes(FAST_MODEL).expect("model loads"))
    });
    let model = Model::from_bytes(FAST_MODEL).expect("model loads");
    let docs = common::press_fixtures();
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
