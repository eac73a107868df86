//! The validation suite: sentences with the events they must yield.
//!
//! A suite is a directory holding `*.jsonl` case files and the data files
//! the cases need (any `--dict` format, e.g. a small gazetteer of invented
//! actors — Arnor, Gondor — so that the suite does not drift when the real
//! dictionaries grow). Each line of a case file:
//!
//! ```json
//! {"id": "assault-01", "text": "Gondor shelled Arnor.",
//!  "author": null,
//!  "expect": [{"type": "ASSAULT", "cameo": "194", "source": "Gondor",
//!              "target": "Arnor", "status": "asserted"}]}
//! ```
//!
//! `author` (optional) is the document's issuing institution, as the
//! `institution` metadata field. A case passes when the events coded from
//! the text are exactly the expected ones, compared as (type, cameo,
//! source name, target name, status).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::doc::{Doc, DocInfo};
use crate::error::Error;
use crate::pipeline::{Dicts, Pipeline};

/// One expected event.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub struct Expected {
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// CAMEO code.
    pub cameo: String,
    /// Source actor's name.
    pub source: String,
    /// Target actor's name.
    pub target: Option<String>,
    /// Status.
    pub status: String,
}

/// One case.
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    /// Stable id.
    pub id: String,
    /// The sentence(s).
    pub text: String,
    /// The issuing institution, if the case needs one.
    #[serde(default)]
    pub author: Option<String>,
    /// The events it must yield.
    pub expect: Vec<Expected>,
}

/// A failed case.
#[derive(Debug, Clone)]
pub struct Failure {
    /// Case id (`file:id`).
    pub id: String,
    /// The text.
    pub text: String,
    /// Expected events.
    pub expected: Vec<Expected>,
    /// What was coded.
    pub got: Vec<Expected>,
}

/// The outcome of a suite run.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Cases run.
    pub cases: usize,
    /// Failed cases.
    pub failures: Vec<Failure>,
}

/// The suite shipped with the repository.
pub fn default_suite() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/validation")
}

fn files(dir: &Path, pred: impl Fn(&Path) -> bool) -> Result<Vec<PathBuf>, Error> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| pred(p))
        .collect();
    out.sort();
    Ok(out)
}

/// Reads the cases of a suite directory.
pub fn load_cases(dir: &Path) -> Result<Vec<(String, Case)>, Error> {
    let mut cases = Vec::new();
    for path in files(dir, |p| p.extension().is_some_and(|e| e == "jsonl"))? {
        let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let case: Case = serde_json::from_str(line).map_err(|e| Error::Data {
                file: path.display().to_string(),
                line: n + 1,
                message: e.to_string(),
            })?;
            cases.push((stem.clone(), case));
        }
    }
    Ok(cases)
}

/// The events a pipeline codes for a text, as comparable tuples.
pub fn code_text(pipeline: &Pipeline, id: &str, text: &str, author: Option<&str>) -> Vec<Expected> {
    let mut info = DocInfo {
        id: id.to_string(),
        source: id.to_string(),
        ..DocInfo::default()
    };
    if let Some(a) = author {
        info.meta.insert(
            "institution".to_string(),
            serde_json::Value::String(a.to_string()),
        );
    }
    let mut doc = Doc::new(info, text.to_string());
    pipeline.process(&mut doc);
    let name = |i: Option<usize>| i.and_then(|i| doc.actors.get(i)).map(|a| a.name.clone());
    let mut got: Vec<Expected> = doc
        .events
        .iter()
        .filter_map(|e| {
            Some(Expected {
                kind: e.kind.to_string(),
                cameo: e.cameo.clone(),
                source: name(e.source)?,
                target: name(e.target),
                status: e.status.as_str().to_string(),
            })
        })
        .collect();
    got.sort();
    got
}

/// Runs a suite: its data files are added to `extra` dictionaries.
pub fn run_suite(dir: &Path, extra: &[PathBuf]) -> Result<Report, Error> {
    let mut dict_paths: Vec<PathBuf> = extra.to_vec();
    dict_paths.extend(files(dir, |p| p.extension().is_some_and(|e| e == "tsv"))?);
    let pipeline = Pipeline::new(&Dicts::load(&dict_paths)?)?;
    let cases = load_cases(dir)?;
    let mut report = Report {
        cases: cases.len(),
        failures: Vec::new(),
    };
    for (file, case) in cases {
        let got = code_text(&pipeline, &case.id, &case.text, case.author.as_deref());
        let mut expected = case.expect.clone();
        expected.sort();
        if got != expected {
            report.failures.push(Failure {
                id: format!("{file}:{}", case.id),
                text: case.text.clone(),
                expected,
                got,
            });
        }
    }
    Ok(report)
}

fn show(e: &Expected) -> String {
    format!(
        "{} {} {} -> {} ({})",
        e.kind,
        e.cameo,
        e.source,
        e.target.as_deref().unwrap_or("-"),
        e.status
    )
}

impl Report {
    /// A readable report: every failure, then the totals.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for f in &self.failures {
            out.push_str(&format!("FAIL {}\n  text: {}\n", f.id, f.text));
            for e in &f.expected {
                if !f.got.contains(e) {
                    out.push_str(&format!("  missing:  {}\n", show(e)));
                }
            }
            for g in &f.got {
                if !f.expected.contains(g) {
                    out.push_str(&format!("  spurious: {}\n", show(g)));
                }
            }
        }
        out.push_str(&format!(
            "{} cases, {} passed, {} failed\n",
            self.cases,
            self.cases - self.failures.len(),
            self.failures.len()
        ));
        out
    }
}
