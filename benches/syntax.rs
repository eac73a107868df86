//! Criterion benchmarks of the syntax stage alone: model load, and tagging,
//! lemmatising and parsing the example press releases (tokens and
//! sentences already made). Throughput is in tokens.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use attache::pipeline::Stage;
use attache::syntax::{SyntaxModel, SyntaxStage};

fn syntax(c: &mut Criterion) {
    c.bench_function("syntax/load", |b| {
        b.iter(|| SyntaxModel::embedded().expect("model loads"))
    });
    let stage = SyntaxStage::new(SyntaxModel::embedded().expect("model loads"));
    let mut docs = common::press_fixtures();
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
