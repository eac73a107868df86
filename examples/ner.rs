//! The tagger lab: the steps of the shipped model's recipe that `attache`
//! itself does not expose (word clusters, seed averaging, calibration,
//! pruning, a model-only speed benchmark), plus `train` and `eval`, which run
//! the same code as `attache train` and `attache eval --conll`.
//! See `models/ner/README.md` for the recipe.
//!
//!   cargo run --release --example ner -- train --train T --dev D --epochs N --seed S -o model.bin
//!   cargo run --release --example ner -- eval --model model.bin --conll FILE [--json]
//!   cargo run --release --example ner -- bench --model model.bin --conll FILE

use attache::ner::clusters;
use attache::ner::eval::format_report;
use attache::ner::recipe;
use attache::ner::{read_conll_file, Model, NerError};
use std::collections::HashMap;
use std::time::Instant;

fn args_map(args: &[String]) -> (HashMap<String, String>, Vec<String>) {
    let mut m = HashMap::new();
    let mut flags = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        let key = a.trim_start_matches('-').to_string();
        let is_flag = i + 1 >= args.len() || args[i + 1].starts_with('-') || key == "json";
        if is_flag {
            flags.push(key);
            i += 1;
        } else {
            m.insert(key, args[i + 1].clone());
            i += 2;
        }
    }
    (m, flags)
}

fn need<'a>(m: &'a HashMap<String, String>, k: &str) -> Result<&'a str, NerError> {
    m.get(k)
        .map(|s| s.as_str())
        .ok_or_else(|| NerError::Train(format!("missing --{k}")))
}

fn parse<T: std::str::FromStr>(m: &HashMap<String, String>, k: &str, d: T) -> Result<T, NerError> {
    match m.get(k) {
        None => Ok(d),
        Some(v) => v
            .parse()
            .map_err(|_| NerError::Train(format!("bad value for --{k}: {v}"))),
    }
}

fn io_err(path: &str) -> impl Fn(std::io::Error) -> NerError + '_ {
    move |source| NerError::Io {
        path: path.to_string(),
        source,
    }
}

fn cmd_train(all: &[String]) -> Result<(), NerError> {
    // The same code path as `attache train`; this driver only parses flags.
    let (m, flags) = args_map(all);
    let paths = |k: &str| -> Vec<std::path::PathBuf> {
        m.get(k)
            .map(|v| v.split(',').map(Into::into).collect())
            .unwrap_or_default()
    };
    let opts = recipe::TrainOptions {
        train: paths("train"),
        dev: m.get("dev").map(Into::into),
        test: m.get("test").map(Into::into),
        epochs: parse(&m, "epochs", 12)?,
        epochs2: parse(&m, "epochs2", 12)?,
        seed: parse(&m, "seed", 1)?,
        min_count: parse(&m, "min-count", 2)?,
        dropout: parse(&m, "dropout", 0.1)?,
        clusters: m.get("clusters").map(Into::into),
        gaz_gmb: m.get("gaz-gmb").map(Into::into),
        gaz_conll: paths("gaz-conll"),
        train_plus_dev: flags.iter().any(|f| f == "train-plus-dev"),
        press_features: flags.iter().any(|f| f == "press-features"),
        output: need(&m, "o")?.into(),
        command: std::env::args().collect::<Vec<_>>().join(" "),
    };
    let report = recipe::train_command(&opts, |r| {
        eprintln!(
            "{:>10} epoch {:>2}  errors {:>6}  dev F1 {}  ({:.1}s)",
            r.stage,
            r.epoch,
            r.train_errors,
            r.dev_f1
                .map(|f| format!("{:.2}", 100.0 * f))
                .unwrap_or_else(|| "-".into()),
            r.seconds
        )
    })?;
    if let Some(s) = &report.dev {
        println!("DEV (model trained on train only)\n{}", format_report(s));
    }
    if let Some(s) = &report.test {
        println!("TEST\n{}", format_report(s));
    }
    Ok(())
}

fn load(path: &str) -> Result<Model, NerError> {
    let b = std::fs::read(path).map_err(io_err(path))?;
    Model::from_bytes(&b)
}

fn cmd_eval(all: &[String]) -> Result<(), NerError> {
    let (m, flags) = args_map(all);
    let model = load(need(&m, "model")?)?;
    let (docs, _) = read_conll_file(need(&m, "conll")?, true)?;
    let s = recipe::score(&model, &docs);
    if flags.iter().any(|f| f == "json") {
        println!("{}", recipe::scores_json(&s));
    } else {
        print!("{}", format_report(&s));
    }
    Ok(())
}

fn cmd_average(all: &[String]) -> Result<(), NerError> {
    let (m, _) = args_map(all);
    let paths: Vec<&str> = need(&m, "models")?.split(',').collect();
    let models = paths
        .iter()
        .map(|p| load(p))
        .collect::<Result<Vec<_>, _>>()?;
    let mut model = Model::average(&models)?;
    let mut cal = serde_json::Value::Null;
    if let Some(p) = m.get("calibrate-dev") {
        let (dev, _) = read_conll_file(p, true)?;
        let (t, e1, e2, nll, ns) = attache::ner::train::calibrate(&model, &dev);
        model.temperature = t;
        cal = serde_json::json!({"temperature": t, "dev_ece_T1": e1, "dev_ece": e2, "dev_nll": nll, "dev_spans": ns});
    } else if let Some(t) = m.get("temperature") {
        model.temperature = t
            .parse()
            .map_err(|_| NerError::Train("bad --temperature".into()))?;
    }
    let out = need(&m, "o")?;
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).map_err(io_err(out))?;
    let sha = recipe::sha256_hex(&bytes);
    let mut scores = serde_json::Map::new();
    for (k, key) in [("dev", "dev"), ("test", "test")] {
        if let Some(p) = m.get(key) {
            let s = recipe::score(&model, &read_conll_file(p, true)?.0);
            println!("{}\n{}", k.to_uppercase(), format_report(&s));
            scores.insert(k.to_string(), recipe::scores_json(&s));
        }
    }
    let components: Vec<serde_json::Value> = paths
        .iter()
        .map(|p| {
            std::fs::read_to_string(format!("{p}.meta.json"))
                .ok()
                .and_then(|t| serde_json::from_str(&t).ok())
                .unwrap_or(serde_json::Value::Null)
        })
        .collect();
    let meta = serde_json::json!({
        "model_file": out, "model_bytes": bytes.len(), "sha256": sha,
        "method": "element-wise average of the (de-quantised) weight tables of the component models (same recipe, different seeds), re-quantised; gazetteer/clusters from the first component",
        "components": components,
        "labels": model.types(), "feature_config": model.cfg, "temperature": model.temperature,
        "averaged_from": paths, "calibration": cal, "scores": scores,
        "command": std::env::args().collect::<Vec<_>>().join(" "),
    });
    let meta_path = format!("{out}.meta.json");
    let text = serde_json::to_string_pretty(&meta).map_err(|e| NerError::Train(e.to_string()))?;
    std::fs::write(&meta_path, text).map_err(io_err(&meta_path))?;
    eprintln!(
        "wrote {out} ({} bytes), T = {}",
        bytes.len(),
        model.temperature
    );
    Ok(())
}

fn cmd_calib(all: &[String]) -> Result<(), NerError> {
    let (m, _) = args_map(all);
    let model = load(need(&m, "model")?)?;
    let (docs, _) = read_conll_file(need(&m, "conll")?, true)?;
    let sc = attache::ner::train::span_confidences(&model, &docs, &[model.temperature]);
    let pairs: Vec<(f32, bool)> = sc.iter().map(|(p, ok)| (p[0], *ok)).collect();
    println!(
        "T = {}; spans = {}; ECE(10 bins) = {:.4}",
        model.temperature,
        pairs.len(),
        attache::ner::train::ece(&pairs)
    );
    println!("bin        n   mean_conf  accuracy");
    for b in 0..10 {
        let sel: Vec<&(f32, bool)> = pairs
            .iter()
            .filter(|(c, _)| ((c * 10.0) as usize).min(9) == b)
            .collect();
        if sel.is_empty() {
            continue;
        }
        let mc = sel.iter().map(|x| x.0 as f64).sum::<f64>() / sel.len() as f64;
        let acc = sel.iter().filter(|x| x.1).count() as f64 / sel.len() as f64;
        println!(
            "{:.1}-{:.1} {:6} {:9.3} {:9.3}",
            b as f64 / 10.0,
            (b + 1) as f64 / 10.0,
            sel.len(),
            mc,
            acc
        );
    }
    Ok(())
}

fn cmd_prune(all: &[String]) -> Result<(), NerError> {
    let (m, _) = args_map(all);
    let mut model = load(need(&m, "model")?)?;
    let thr: f32 = parse(&m, "threshold", 0.0)?;
    let d1 = model.w1.prune(thr);
    let d2 = model.w2.as_mut().map(|w| w.prune(thr)).unwrap_or(0);
    model.fused = Default::default();
    let out = need(&m, "o")?;
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).map_err(io_err(out))?;
    eprintln!("pruned {d1} + {d2} rows; wrote {} bytes", bytes.len());
    Ok(())
}

/// CPU seconds of this thread (Linux /proc; None elsewhere).
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = s.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ut: f64 = f.get(11)?.parse().ok()?;
    let st: f64 = f.get(12)?.parse().ok()?;
    Some((ut + st) / 100.0)
}

fn cmd_bench(all: &[String]) -> Result<(), NerError> {
    let (m, _) = args_map(all);
    let path = need(&m, "model")?;
    let bytes = std::fs::read(path).map_err(io_err(path))?;
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let t = Instant::now();
        let model = Model::from_bytes(&bytes)?;
        best = best.min(t.elapsed().as_secs_f64());
        drop(model);
    }
    let t = Instant::now();
    let model = load(path)?;
    let load_with_read = t.elapsed().as_secs_f64();
    println!(
        "model file {} bytes; load (from_bytes, best of 5) {:.1} ms; read+load {:.1} ms",
        bytes.len(),
        best * 1e3,
        load_with_read * 1e3
    );
    let (docs, _) = read_conll_file(need(&m, "conll")?, true)?;
    let refs: Vec<Vec<Vec<&str>>> = docs.iter().map(|d| d.token_refs()).collect();
    let ntok: usize = docs.iter().map(|d| d.n_tokens()).sum();
    for (name, conf) in [("labels only", false), ("with calibrated scores", true)] {
        let t = Instant::now();
        let c0 = thread_cpu();
        let mut reps = 0;
        let mut sink = 0usize;
        while reps < 2 || t.elapsed().as_secs_f64() < 3.0 {
            for r in &refs {
                if conf {
                    sink += model.tag_document(r).len();
                } else {
                    sink += model.labels_document(r).len();
                }
            }
            reps += 1;
        }
        let secs = t.elapsed().as_secs_f64();
        let cpu = c0.and_then(|c| thread_cpu().map(|c1| c1 - c));
        println!(
            "{name}: {:.0} tokens/s wall, {} tokens/CPU-s ({} tokens x {} reps, {:.2}s wall, sink {})",
            (ntok * reps) as f64 / secs,
            cpu.map(|c| format!("{:.0}", (ntok * reps) as f64 / c))
                .unwrap_or_else(|| "?".into()),
            ntok,
            reps,
            secs,
            sink
        );
    }
    Ok(())
}

fn cmd_clusters(all: &[String]) -> Result<(), NerError> {
    let (m, _) = args_map(all);
    let mut sents: Vec<Vec<String>> = Vec::new();
    for p in need(&m, "conll")?.split(',') {
        let (docs, _) = read_conll_file(p, true)?;
        sents.extend(
            docs.into_iter()
                .flat_map(|d| d.sentences.into_iter().map(|s| s.tokens)),
        );
    }
    if let Some(p) = m.get("gmb") {
        let docs = attache::ner::conll::read_gmb_csv(p)?;
        sents.extend(
            docs.into_iter()
                .flat_map(|d| d.sentences.into_iter().map(|s| s.tokens)),
        );
    }
    eprintln!("{} sentences of unlabeled text", sents.len());
    if let Some(p) = m.get("text") {
        // one sentence per line, whitespace tokenised
        let t = std::fs::read_to_string(p).map_err(io_err(p))?;
        sents.extend(
            t.lines()
                .map(|l| l.split_whitespace().map(|w| w.to_string()).collect()),
        );
    }
    let ks: Vec<usize> = need(&m, "k")?
        .split(',')
        .filter_map(|x| x.parse().ok())
        .collect();
    let out = need(&m, "o")?;
    let text = clusters::learn(
        &sents,
        &ks,
        parse(&m, "min-count", 3)?,
        parse(&m, "seed", 1)?,
    );
    std::fs::write(out, text).map_err(io_err(out))?;
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let r = match args.first().map(|s| s.as_str()) {
        Some("train") => cmd_train(&args[1..]),
        Some("eval") => cmd_eval(&args[1..]),
        Some("bench") => cmd_bench(&args[1..]),
        Some("prune") => cmd_prune(&args[1..]),
        Some("calib") => cmd_calib(&args[1..]),
        Some("average") => cmd_average(&args[1..]),
        Some("clusters") => cmd_clusters(&args[1..]),
        _ => {
            eprintln!("usage: ner train|eval|bench|clusters ...");
            std::process::exit(2);
        }
    };
    if let Err(e) = r {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
