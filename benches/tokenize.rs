//! Criterion benchmark: tokenisation and sentence splitting of the example
//! press releases.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use attache::text::{split_sentences, Lexical, Tokenizer};

fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/press");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn tokenize(c: &mut Criterion) {
    let text = corpus();
    let lexical = Lexical::embedded();
    let tokenizer = Tokenizer::new(lexical.clone());
    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("tokenize", |b| b.iter(|| tokenizer.tokenize(&text, &[])));
    group.bench_function("tokenize+sentences", |b| {
        b.iter(|| {
            let tokens = tokenizer.tokenize(&text, &[]);
            split_sentences(&text, &tokens, &lexical)
        })
    });
    group.finish();
}

criterion_group!(benches, tokenize);
criterion_main!(benches);
