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
//!
//! Cases under `pending/` (ones the coder is known to get wrong) are run
//! and counted like the others, so that the pass rate can fall. The report
//! counts distinct sentences as well as cases: the cases that fill one
//! sentence frame with different names (`frame` field, or ids ending in
//! `-invented-N` / `-real-N`) count once. It lists the trigger rows of the
//! loaded lexicon that no case fires.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::doc::{Doc, DocInfo};
use crate::error::Error;
use crate::events::lexicon::EventLexicon;
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
    /// The document's date (YYYY-MM-DD), if the case needs one.
    #[serde(default)]
    pub date: Option<String>,
    /// The events it must yield.
    pub expect: Vec<Expected>,
    /// The sentence frame the case fills, when several cases fill one
    /// frame with different names (see [`Case::frame_key`]).
    #[serde(default)]
    pub frame: Option<String>,
}

impl Case {
    /// The key of the distinct sentence this case is: its `frame` if
    /// given, else its id without a `-invented-N` / `-real-N` suffix (the
    /// ids `frames.py` gives the fills of one frame), else its id.
    pub fn frame_key(&self) -> String {
        if let Some(f) = &self.frame {
            return f.clone();
        }
        let id = self.id.as_str();
        let stripped = id
            .rsplit_once('-')
            .filter(|(_, n)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
            .and_then(|(head, _)| {
                head.strip_suffix("-invented")
                    .or_else(|| head.strip_suffix("-real"))
            });
        stripped.unwrap_or(id).to_string()
    }
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

/// Cases and passes of one case file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileTally {
    /// The file's stem (`pending/` before the stem of a pending file).
    pub file: String,
    /// Cases in the file.
    pub cases: usize,
    /// Cases that passed.
    pub passed: usize,
}

/// The outcome of a suite run.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Cases run (pending ones included).
    pub cases: usize,
    /// Of which from `pending/`.
    pub pending: usize,
    /// Distinct sentences: cases that fill the same frame count once.
    pub sentences: usize,
    /// Cases that passed.
    pub passed: usize,
    /// Cases that would pass if CAMEO codes were not compared.
    pub passed_by_type: usize,
    /// Per file, in file order.
    pub files: Vec<FileTally>,
    /// Failed cases.
    pub failures: Vec<Failure>,
    /// Trigger rows of the loaded lexicon.
    pub trigger_rows: usize,
    /// Ids of trigger rows that no case fires.
    pub unfired: Vec<String>,
    /// Ids of trigger rows that only failing cases fire.
    pub fired_only_failing: Vec<String>,
}

/// The suite shipped with the repository.
pub fn default_suite() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/validation")
}

/// Cases that the coder gets wrong are kept here, run and counted.
const PENDING_DIR: &str = "pending";

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

fn is_jsonl(p: &Path) -> bool {
    p.is_file() && p.extension().is_some_and(|e| e == "jsonl")
}

fn read_case_file(path: &Path, label: &str, cases: &mut Vec<(String, Case)>) -> Result<(), Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: Case = serde_json::from_str(line).map_err(|e| Error::Data {
            file: path.display().to_string(),
            line: n + 1,
            message: e.to_string(),
        })?;
        cases.push((label.to_string(), case));
    }
    Ok(())
}

/// Reads the cases of a suite directory and of its `pending/`
/// subdirectory, each with its file label (the stem, `pending/<stem>` for
/// pending files).
pub fn load_cases(dir: &Path) -> Result<Vec<(String, Case)>, Error> {
    let mut cases = Vec::new();
    let pending = dir.join(PENDING_DIR);
    let mut sources: Vec<(PathBuf, &str)> =
        files(dir, is_jsonl)?.into_iter().map(|p| (p, "")).collect();
    if pending.is_dir() {
        sources.extend(
            files(&pending, is_jsonl)?
                .into_iter()
                .map(|p| (p, "pending/")),
        );
    }
    for (path, prefix) in sources {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        read_case_file(&path, &format!("{prefix}{stem}"), &mut cases)?;
    }
    Ok(cases)
}

/// A coded event with the id of the lexicon row that fired it.
pub(crate) struct Coded {
    pub(crate) event: Expected,
    pub(crate) pattern: String,
}

pub(crate) fn code_doc(
    pipeline: &Pipeline,
    id: &str,
    text: &str,
    (author, date): (Option<&str>, Option<&str>),
) -> Vec<Coded> {
    let mut info = DocInfo {
        id: id.to_string(),
        source: id.to_string(),
        date: date.map(str::to_string),
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
    doc.events
        .iter()
        .filter_map(|e| {
            Some(Coded {
                event: Expected {
                    kind: e.kind.to_string(),
                    cameo: e.cameo.clone(),
                    source: name(e.source)?,
                    target: name(e.target),
                    status: e.status.as_str().to_string(),
                },
                pattern: e.pattern.clone(),
            })
        })
        .collect()
}

/// The events a pipeline codes for a text, as comparable tuples.
pub fn code_text(pipeline: &Pipeline, id: &str, text: &str, author: Option<&str>) -> Vec<Expected> {
    let mut got: Vec<Expected> = code_doc(pipeline, id, text, (author, None))
        .into_iter()
        .map(|c| c.event)
        .collect();
    got.sort();
    got
}

/// The events without their CAMEO codes, sorted.
fn by_type(events: &[Expected]) -> Vec<Expected> {
    let mut out: Vec<Expected> = events
        .iter()
        .map(|e| Expected {
            cameo: String::new(),
            ..e.clone()
        })
        .collect();
    out.sort();
    out
}

/// Runs a suite (its `pending/` cases included): its data files are added
/// to `extra` dictionaries.
pub fn run_suite(dir: &Path, extra: &[PathBuf]) -> Result<Report, Error> {
    let mut dict_paths: Vec<PathBuf> = extra.to_vec();
    dict_paths.extend(files(dir, |p| p.extension().is_some_and(|e| e == "tsv"))?);
    let dicts = Dicts::load(&dict_paths)?;
    let pipeline = Pipeline::new(&dicts)?;
    // The rows the pipeline's event stage loads, for the coverage list.
    let lexicon = EventLexicon::with_user_files(&dicts.events)?;
    let cases = load_cases(dir)?;
    let mut report = Report {
        cases: cases.len(),
        pending: cases
            .iter()
            .filter(|(f, _)| f.starts_with(PENDING_DIR))
            .count(),
        sentences: cases
            .iter()
            .map(|(_, c)| c.frame_key())
            .collect::<BTreeSet<_>>()
            .len(),
        trigger_rows: lexicon.triggers.rows.len(),
        ..Report::default()
    };
    let mut fired_any = BTreeSet::new();
    let mut fired_passing = BTreeSet::new();
    for (file, case) in cases {
        let coded = code_doc(
            &pipeline,
            &case.id,
            &case.text,
            (case.author.as_deref(), case.date.as_deref()),
        );
        let mut got: Vec<Expected> = coded.iter().map(|c| c.event.clone()).collect();
        got.sort();
        let mut expected = case.expect.clone();
        expected.sort();
        let pass = got == expected;
        let patterns: Vec<String> = coded.into_iter().map(|c| c.pattern).collect();
        if pass {
            fired_passing.extend(patterns.clone());
            report.passed += 1;
        }
        fired_any.extend(patterns);
        if by_type(&got) == by_type(&expected) {
            report.passed_by_type += 1;
        }
        match report.files.last_mut() {
            Some(t) if t.file == file => t.cases += 1,
            _ => report.files.push(FileTally {
                file: file.clone(),
                cases: 1,
                passed: 0,
            }),
        }
        if let Some(t) = report.files.last_mut() {
            t.passed += usize::from(pass);
        }
        if !pass {
            report.failures.push(Failure {
                id: format!("{file}:{}", case.id),
                text: case.text.clone(),
                expected,
                got,
            });
        }
    }
    for row in &lexicon.triggers.rows {
        if !fired_any.contains(&row.id) {
            report.unfired.push(row.id.clone());
        } else if !fired_passing.contains(&row.id) {
            report.fired_only_failing.push(row.id.clone());
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

fn percent(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        100.0 * n as f64 / of as f64
    }
}

impl Report {
    /// The share of cases that passed, pending cases included.
    pub fn pass_rate(&self) -> f64 {
        percent(self.passed, self.cases) / 100.0
    }

    /// Every failure: expected events that were not coded, coded events
    /// that were not expected.
    pub fn failures_text(&self) -> String {
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
        out
    }

    /// The totals: per file, trigger coverage, and the summary line last.
    pub fn summary_text(&self) -> String {
        let mut out = String::from("per file (passed/cases):\n");
        for t in &self.files {
            out.push_str(&format!(
                "  {:<32} {:>4}/{:<4} {:5.1}%\n",
                t.file,
                t.passed,
                t.cases,
                percent(t.passed, t.cases)
            ));
        }
        out.push_str(&format!(
            "trigger rows no case fires: {} of {}: {}\n",
            self.unfired.len(),
            self.trigger_rows,
            self.unfired.join(" ")
        ));
        out.push_str(&format!(
            "trigger rows fired only in failing cases: {}: {}\n",
            self.fired_only_failing.len(),
            self.fired_only_failing.join(" ")
        ));
        out.push_str(&format!(
            "{} passed if CAMEO codes are not compared ({:.1}%)\n",
            self.passed_by_type,
            percent(self.passed_by_type, self.cases)
        ));
        out.push_str(&format!(
            "{} cases ({} pending), {} distinct sentences, {} passed, {} failed, pass rate {:.1}% (pending included)\n",
            self.cases,
            self.pending,
            self.sentences,
            self.passed,
            self.cases - self.passed,
            percent(self.passed, self.cases)
        ));
        out
    }

    /// A readable report: every failure, then the totals.
    pub fn to_text(&self) -> String {
        self.failures_text() + &self.summary_text()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(id: &str, frame: Option<&str>) -> Case {
        Case {
            id: id.to_string(),
            text: String::new(),
            author: None,
            date: None,
            expect: Vec::new(),
            frame: frame.map(str::to_string),
        }
    }

    #[test]
    fn pending_cases_count_and_fills_of_a_frame_count_once() {
        let dir = tempfile::tempdir().unwrap();
        let bare = "The weather was fine.";
        let case = |id: &str, expect: &str| {
            format!("{{\"id\": \"{id}\", \"text\": \"{bare}\", \"expect\": [{expect}]}}\n")
        };
        let accuse = r#"{"type": "ACCUSE", "cameo": "111", "source": "France", "target": null, "status": "asserted"}"#;
        std::fs::write(
            dir.path().join("a.jsonl"),
            case("w-invented-1", "") + &case("w-real-2", ""),
        )
        .unwrap();
        std::fs::create_dir(dir.path().join(PENDING_DIR)).unwrap();
        std::fs::write(dir.path().join("pending/b.jsonl"), case("p", accuse)).unwrap();
        let report = run_suite(dir.path(), &[]).unwrap();
        assert_eq!((report.cases, report.pending, report.sentences), (3, 1, 2));
        assert_eq!(report.passed, 2);
        assert_eq!(report.failures.len(), 1);
        let tally = |file: &str, cases, passed| FileTally {
            file: file.to_string(),
            cases,
            passed,
        };
        assert_eq!(
            report.files,
            vec![tally("a", 2, 2), tally("pending/b", 1, 0)]
        );
        // Nothing was coded, so no trigger row fired.
        assert_eq!(report.unfired.len(), report.trigger_rows);
        assert!(report.summary_text().ends_with(
            "3 cases (1 pending), 2 distinct sentences, 2 passed, 1 failed, pass rate 66.7% (pending included)\n"
        ));
    }

    #[test]
    fn fills_of_one_frame_share_a_key() {
        assert_eq!(case("accuse-01-invented-2", None).frame_key(), "accuse-01");
        assert_eq!(case("accuse-01-real-5", None).frame_key(), "accuse-01");
        assert_eq!(case("w-accuse-002", None).frame_key(), "w-accuse-002");
        assert_eq!(case("c-real-x", None).frame_key(), "c-real-x");
        assert_eq!(case("a-1", Some("f")).frame_key(), "f");
    }
}
