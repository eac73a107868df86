//! Scoring records against a gold directory (`<id>.txt`, `<id>.meta.json`,
//! `<id>.gold.json`), with the matching rules of the project's reference
//! scorer (`shared/eval/score.py`), which these numbers must agree with:
//!
//! - entities: set of (type, normalised text) per document, types PERSON ORG
//!   GPE LOC NORP DATE AGREEMENT EVENT (MISC is not scored);
//! - dates: set of normalised values;
//! - agreements: greedy one-to-one by name overlap (token Jaccard ≥ 0.5 or
//!   containment, or the gold name inside a mention), and the same date
//!   where both have one;
//! - events: greedy by (type, source) and (type, source, target), actor
//!   names matched loosely (token-set equality or containment);
//! - actors: (kind, name), state and government counting as one kind.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::error::Error;

// not a word list: the reference scorer's name normalisation (score.py), fixed by it
const STOP: [&str; 9] = ["the", "of", "a", "an", "and", "on", "in", "for", "to"];
/// The order in which the reference scorer prints the parts.
// not a word list: the reference scorer's part names
const PART_ORDER: [&str; 7] = [
    "entities",
    "dates",
    "agreements",
    "events(type,source)",
    "events(type,source,target)",
    "actors(kind,name)",
    "events(type only, doc-level)",
];
// not a word list: the record's entity types
const SCORED: [&str; 8] = [
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "NORP",
    "DATE",
    "AGREEMENT",
    "EVENT",
];

/// One gold document: its text, metadata and gold record.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// File stem.
    pub id: String,
    /// Path of the text file.
    pub text_path: PathBuf,
    /// The document text.
    pub text: String,
    /// `date` from the meta file.
    pub date: Option<String>,
    /// The meta file's other fields (`institution`, `source`, …), given to
    /// the pipeline as `doc.meta` the way JSON Lines input gives them.
    pub meta: serde_json::Map<String, Value>,
    /// The gold record.
    pub gold: Value,
}

/// Reads every `<id>.gold.json` of `dir` with its text and meta file.
pub fn load_gold_dir(dir: &Path) -> Result<Vec<GoldDoc>, Error> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let mut stems: Vec<String> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".gold.json")
                .map(str::to_string)
        })
        .collect();
    stems.sort();
    let mut docs = Vec::new();
    for id in stems {
        let read_json = |name: String| -> Result<Value, Error> {
            let path = dir.join(&name);
            let text = std::fs::read_to_string(&path).map_err(io(&path))?;
            serde_json::from_str(&text).map_err(|e| Error::Data {
                file: path.display().to_string(),
                line: e.line(),
                message: e.to_string(),
            })
        };
        let gold = read_json(format!("{id}.gold.json"))?;
        let meta = if dir.join(format!("{id}.meta.json")).exists() {
            read_json(format!("{id}.meta.json"))?
        } else {
            Value::Null
        };
        let text_path = dir.join(format!("{id}.txt"));
        let text = std::fs::read_to_string(&text_path).map_err(io(&text_path))?;
        docs.push(GoldDoc {
            id,
            text_path,
            text,
            date: meta.get("date").and_then(Value::as_str).map(str::to_string),
            meta: match meta {
                Value::Object(mut fields) => {
                    for known in ["id", "date"] {
                        fields.remove(known);
                    }
                    fields
                }
                _ => serde_json::Map::new(),
            },
            gold,
        });
    }
    Ok(docs)
}

/// Runs the pipeline over the gold documents (their meta `date` is the
/// document date) and returns each record as JSON, by id.
pub fn predict(pipeline: &crate::pipeline::Pipeline, docs: &[GoldDoc]) -> Vec<Value> {
    docs.iter()
        .map(|g| {
            let record = pipeline.record(gold_doc(g), crate::records::RecordOptions::default());
            serde_json::to_value(&record).unwrap_or(Value::Null)
        })
        .collect()
}

/// A gold document as the pipeline's input (its meta `date` is the
/// document date).
pub fn gold_doc(g: &GoldDoc) -> crate::doc::Doc {
    let mut info = crate::doc::DocInfo {
        id: g.id.clone(),
        source: g.text_path.display().to_string(),
        meta: g.meta.clone(),
        ..crate::doc::DocInfo::default()
    };
    if let Some(date) = g
        .date
        .as_deref()
        .and_then(crate::input::meta::normalise_doc_date)
    {
        info.date = Some(date);
        info.date_source = crate::doc::DateSource::Metadata;
    }
    crate::doc::Doc::new(info, g.text.clone())
}

/// Records by `doc.id` (or a top-level `id`), as the reference scorer joins them.
pub fn by_id(records: impl IntoIterator<Item = Value>) -> HashMap<String, Value> {
    records
        .into_iter()
        .filter_map(|r| {
            let id = r.pointer("/doc/id").or_else(|| r.get("id")).and_then(|v| {
                v.as_str()
                    .map(str::to_string)
                    .or_else(|| Some(v.to_string()))
            })?;
            Some((id, r))
        })
        .collect()
}

/// Precision, recall, F1 with their counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
    /// True positives.
    pub tp: usize,
    /// Predicted items.
    pub pred: usize,
    /// Gold items.
    pub gold: usize,
}

impl Prf {
    /// From counts.
    pub fn new(tp: usize, pred: usize, gold: usize) -> Prf {
        let (p, r, f1) = super::ratios(tp, pred, gold);
        Prf {
            p,
            r,
            f1,
            tp,
            pred,
            gold,
        }
    }
}

/// What one document got wrong, per part (for `--misses`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct DocMisses {
    /// Document id.
    pub id: String,
    /// Per part: gold items not found.
    pub missed: BTreeMap<String, Vec<String>>,
    /// Per part: predicted items not in the gold.
    pub spurious: BTreeMap<String, Vec<String>>,
}

/// The scores of a gold set.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GoldScores {
    /// Per part, in the reference scorer's names.
    pub parts: BTreeMap<String, Prf>,
    /// Entities per type.
    pub entities_by_type: BTreeMap<String, Prf>,
    /// Gold documents without a prediction.
    pub missing_docs: Vec<String>,
    /// Per-document misses.
    pub docs: Vec<DocMisses>,
}

/// Normalises a surface form the way the reference scorer does.
pub fn norm(s: &str) -> String {
    let s: String = s.nfkc().collect();
    let s = s
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2013}', '\u{2014}'], "-");
    let lower = s.trim().to_lowercase();
    let mut s = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = s.strip_prefix(article) {
            s = rest.to_string();
            break;
        }
    }
    if let Some(rest) = s.strip_suffix("'s") {
        s = rest.to_string();
    }
    s.trim_matches([' ', '.', ',', ';', ':', '"', '\'', '(', ')'])
        .to_string()
}

/// Content tokens of a name (ASCII alphanumeric runs, stopwords removed).
pub fn toks(s: &str) -> BTreeSet<String> {
    norm(s)
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|t| !t.is_empty() && !STOP.contains(t))
        .map(str::to_string)
        .collect()
}

/// Whether a gold actor name matches one of a predicted actor's names
/// (token sets equal or one inside the other, as the reference scorer).
pub fn actor_match(gold_name: &str, pred_names: &[String]) -> bool {
    let g = toks(gold_name);
    if g.is_empty() {
        return false;
    }
    pred_names.iter().any(|n| {
        let p = toks(n);
        !p.is_empty() && (g == p || g.is_subset(&p) || p.is_subset(&g))
    })
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn agreement_match(g: &Value, p: &Value) -> bool {
    let gname = str_of(g, "name")
        .or_else(|| str_of(g, "text"))
        .unwrap_or("");
    let gt = toks(gname);
    let pt = toks(str_of(p, "name").unwrap_or(""));
    if gt.is_empty() || pt.is_empty() {
        return false;
    }
    let inter = gt.intersection(&pt).count();
    let union = gt.union(&pt).count();
    let mut ok = inter as f64 / union as f64 >= 0.5 || gt.is_subset(&pt) || pt.is_subset(&gt);
    if !ok {
        let mentions = p
            .get("mentions")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        ok = mentions.iter().any(|m| {
            let text = m.as_str().or_else(|| str_of(m, "text")).unwrap_or("");
            let mt = toks(text);
            !mt.is_empty() && gt.is_subset(&mt)
        });
    }
    if let (Some(gd), Some(pd)) = (str_of(g, "date"), str_of(p, "date")) {
        if gd != pd {
            return false;
        }
    }
    ok
}

/// id → names (name, aliases, mention texts, country) of a record's actors.
fn actor_names(rec: &Value) -> HashMap<String, Vec<String>> {
    let mentions: HashMap<&str, &str> = array(rec, "entities")
        .iter()
        .filter_map(|m| Some((str_of(m, "id")?, str_of(m, "text")?)))
        .collect();
    let mut names = HashMap::new();
    for a in array(rec, "actors") {
        let mut ns: Vec<String> = Vec::new();
        ns.extend(str_of(a, "name").map(str::to_string));
        ns.extend(
            array(a, "aliases")
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string),
        );
        ns.extend(
            array(a, "mentions")
                .iter()
                .filter_map(Value::as_str)
                .filter_map(|m| mentions.get(m))
                .map(|t| t.to_string()),
        );
        ns.extend(str_of(a, "country").map(str::to_string));
        ns.retain(|n| !n.is_empty());
        if let Some(id) = str_of(a, "id") {
            names.insert(id.to_string(), ns);
        }
    }
    names
}

fn array<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Counts per part and one document's misses, filled part by part.
struct Tally<'a> {
    counts: &'a mut BTreeMap<String, [usize; 3]>,
    misses: DocMisses,
}

impl Tally<'_> {
    fn add(&mut self, key: &str, tp: usize, pred: usize, gold: usize) {
        let c = self.counts.entry(key.to_string()).or_default();
        c[0] += tp;
        c[1] += pred;
        c[2] += gold;
    }

    fn note(&mut self, part: &str, missed: Vec<String>, spurious: Vec<String>) {
        self.misses.missed.insert(part.into(), missed);
        self.misses.spurious.insert(part.into(), spurious);
    }
}

/// Scores predicted records (by `doc.id`) against the gold documents.
pub fn score(gold_docs: &[GoldDoc], predictions: &HashMap<String, Value>) -> GoldScores {
    let mut counts: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    let mut per_type: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    let mut out = GoldScores::default();
    let empty = Value::Object(serde_json::Map::new());
    for doc in gold_docs {
        let gold = &doc.gold;
        let rec = match predictions.get(&doc.id) {
            Some(r) => r,
            None => {
                out.missing_docs.push(doc.id.clone());
                &empty
            }
        };
        let mut tally = Tally {
            counts: &mut counts,
            misses: DocMisses {
                id: doc.id.clone(),
                ..DocMisses::default()
            },
        };
        score_entities(gold, rec, &mut tally, &mut per_type);
        score_dates(gold, rec, &mut tally);
        score_agreements(gold, rec, &mut tally);
        let names = actor_names(rec);
        score_events(gold, rec, &names, &mut tally);
        score_actors(gold, rec, &names, &mut tally);
        score_doc_types(gold, rec, &mut tally);
        out.docs.push(tally.misses);
    }
    out.parts = counts
        .into_iter()
        .map(|(k, [tp, p, g])| (k, Prf::new(tp, p, g)))
        .collect();
    out.entities_by_type = per_type
        .into_iter()
        .map(|(k, [tp, p, g])| (k, Prf::new(tp, p, g)))
        .collect();
    out
}

/// (type, normalised text) of a record's entities, scored types only for
/// predictions.
fn entity_set(rec: &Value, scored_only: bool) -> BTreeSet<(String, String)> {
    array(rec, "entities")
        .iter()
        .filter(|e| !scored_only || str_of(e, "type").is_some_and(|t| SCORED.contains(&t)))
        .map(|e| {
            (
                str_of(e, "type").unwrap_or("").to_string(),
                norm(str_of(e, "text").unwrap_or("")),
            )
        })
        .collect()
}

fn score_entities(
    gold: &Value,
    rec: &Value,
    tally: &mut Tally,
    per_type: &mut BTreeMap<String, [usize; 3]>,
) {
    let ge = entity_set(gold, false);
    let pe = entity_set(rec, true);
    tally.add("entities", ge.intersection(&pe).count(), pe.len(), ge.len());
    let types: BTreeSet<&String> = ge.iter().chain(pe.iter()).map(|x| &x.0).collect();
    for t in types {
        let g1: BTreeSet<_> = ge.iter().filter(|x| &x.0 == t).collect();
        let p1: BTreeSet<_> = pe.iter().filter(|x| &x.0 == t).collect();
        let c = per_type.entry(t.clone()).or_default();
        c[0] += g1.intersection(&p1).count();
        c[1] += p1.len();
        c[2] += g1.len();
    }
    let show = |(t, s): &(String, String)| format!("{t} {s}");
    tally.note(
        "entities",
        ge.difference(&pe).map(show).collect(),
        pe.difference(&ge).map(show).collect(),
    );
}

fn score_dates(gold: &Value, rec: &Value, tally: &mut Tally) {
    let values = |v: &Value| -> BTreeSet<String> {
        array(v, "dates")
            .iter()
            .filter_map(|d| str_of(d, "value"))
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (gd, pd) = (values(gold), values(rec));
    tally.add("dates", gd.intersection(&pd).count(), pd.len(), gd.len());
    tally.note(
        "dates",
        gd.difference(&pd).cloned().collect(),
        pd.difference(&gd).cloned().collect(),
    );
}

fn score_agreements(gold: &Value, rec: &Value, tally: &mut Tally) {
    let ga = array(gold, "agreements");
    let pa = array(rec, "agreements");
    let show = |a: &Value| {
        format!(
            "{} ({})",
            str_of(a, "name").unwrap_or(""),
            str_of(a, "date").unwrap_or("no date")
        )
    };
    let (used, missed) = greedy_match(ga, pa.len(), |g, i| agreement_match(g, &pa[i]), show);
    tally.add("agreements", used.len(), pa.len(), ga.len());
    let spurious = unmatched(pa, &used).map(show).collect();
    tally.note("agreements", missed, spurious);
}

/// Matches each gold item to the first unused prediction that `matches` it;
/// returns the used prediction indices and the gold items left, shown.
fn greedy_match(
    gold: &[Value],
    n_pred: usize,
    matches: impl Fn(&Value, usize) -> bool,
    show: impl Fn(&Value) -> String,
) -> (BTreeSet<usize>, Vec<String>) {
    let mut used = BTreeSet::new();
    let mut missed = Vec::new();
    for g in gold {
        match (0..n_pred).find(|&i| !used.contains(&i) && matches(g, i)) {
            Some(i) => {
                used.insert(i);
            }
            None => missed.push(show(g)),
        }
    }
    (used, missed)
}

/// The predictions no gold item took.
fn unmatched<'a>(pred: &'a [Value], used: &'a BTreeSet<usize>) -> impl Iterator<Item = &'a Value> {
    pred.iter()
        .enumerate()
        .filter(|(i, _)| !used.contains(i))
        .map(|(_, p)| p)
}

/// An actor id's names, or the id itself when no actor has it; an absent id
/// is one empty name.
fn names_of(names: &HashMap<String, Vec<String>>, id: Option<&str>) -> Vec<String> {
    match id {
        Some(id) => names
            .get(id)
            .cloned()
            .unwrap_or_else(|| vec![id.to_string()]),
        None => vec![String::new()],
    }
}

/// Whether a predicted event matches a gold one on type and source, and on
/// target too when asked.
fn event_matches(
    g: &Value,
    p: &Value,
    names: &HashMap<String, Vec<String>>,
    need_target: bool,
) -> bool {
    if str_of(p, "type") != str_of(g, "type") {
        return false;
    }
    let source = str_of(g, "source").unwrap_or("");
    if !actor_match(source, &names_of(names, str_of(p, "source"))) {
        return false;
    }
    if !need_target {
        return true;
    }
    match (str_of(g, "target"), str_of(p, "target")) {
        (None, Some(_)) => false,
        (Some(gt), pt) => actor_match(gt, &names_of(names, pt)),
        (None, None) => true,
    }
}

fn score_events(
    gold: &Value,
    rec: &Value,
    names: &HashMap<String, Vec<String>>,
    tally: &mut Tally,
) {
    let gv = array(gold, "events");
    let pv = array(rec, "events");
    let show_gold = |g: &Value| {
        format!(
            "{} {} -> {}",
            str_of(g, "type").unwrap_or(""),
            str_of(g, "source").unwrap_or(""),
            str_of(g, "target").unwrap_or("-")
        )
    };
    let first = |id: Option<&str>| names_of(names, id).into_iter().next().unwrap_or_default();
    let show_pred = |p: &Value| {
        format!(
            "{} {} -> {}",
            str_of(p, "type").unwrap_or(""),
            first(str_of(p, "source")),
            first(str_of(p, "target"))
        )
    };
    for (key, need_target) in [
        ("events(type,source)", false),
        ("events(type,source,target)", true),
    ] {
        let matches = |g: &Value, i: usize| event_matches(g, &pv[i], names, need_target);
        let (used, missed) = greedy_match(gv, pv.len(), matches, show_gold);
        tally.add(key, used.len(), pv.len(), gv.len());
        if !need_target {
            let spurious = unmatched(pv, &used).map(show_pred).collect();
            tally.note("events", missed, spurious);
        }
    }
}

/// Whether a predicted actor matches a gold one: compatible kinds (a state and
/// its government are one) and a name match.
fn actor_matches(g: &Value, p: &Value, names: &HashMap<String, Vec<String>>) -> bool {
    if let (Some(gk), Some(pk)) = (str_of(g, "kind"), str_of(p, "kind")) {
        let state_gov =
            (gk == "state" && pk == "government") || (gk == "government" && pk == "state");
        if !gk.is_empty() && !pk.is_empty() && gk != pk && !state_gov {
            return false;
        }
    }
    let pid = str_of(p, "id").unwrap_or("");
    let pnames = names
        .get(pid)
        .cloned()
        .unwrap_or_else(|| vec![str_of(p, "name").unwrap_or("").to_string()]);
    actor_match(str_of(g, "name").unwrap_or(""), &pnames)
}

fn score_actors(
    gold: &Value,
    rec: &Value,
    names: &HashMap<String, Vec<String>>,
    tally: &mut Tally,
) {
    let ga = array(gold, "actors");
    let pa = array(rec, "actors");
    let show = |a: &Value| {
        format!(
            "{} {}",
            str_of(a, "kind").unwrap_or(""),
            str_of(a, "name").unwrap_or("")
        )
    };
    let matches = |g: &Value, i: usize| actor_matches(g, &pa[i], names);
    let (used, missed) = greedy_match(ga, pa.len(), matches, show);
    tally.add("actors(kind,name)", used.len(), pa.len(), ga.len());
    let spurious = unmatched(pa, &used).map(show).collect();
    tally.note("actors", missed, spurious);
}

/// Event types present, document level.
fn score_doc_types(gold: &Value, rec: &Value, tally: &mut Tally) {
    let types = |v: &Value| -> BTreeSet<String> {
        array(v, "events")
            .iter()
            .filter_map(|e| str_of(e, "type"))
            .map(str::to_string)
            .collect()
    };
    let (gty, pty) = (types(gold), types(rec));
    tally.add(
        "events(type only, doc-level)",
        gty.intersection(&pty).count(),
        pty.len(),
        gty.len(),
    );
}

impl GoldScores {
    /// The reference scorer's JSON layout (`score.py --json`), plus `docs`.
    pub fn to_json(&self, with_docs: bool) -> Value {
        let mut map = serde_json::Map::new();
        for (k, v) in &self.parts {
            map.insert(k.clone(), serde_json::to_value(v).unwrap_or(Value::Null));
        }
        map.insert(
            "entities_by_type".into(),
            serde_json::to_value(&self.entities_by_type).unwrap_or(Value::Null),
        );
        map.insert(
            "missing_docs".into(),
            serde_json::to_value(&self.missing_docs).unwrap_or(Value::Null),
        );
        if with_docs {
            map.insert(
                "docs".into(),
                serde_json::to_value(&self.docs).unwrap_or(Value::Null),
            );
        }
        Value::Object(map)
    }

    /// The reference scorer's text layout, optionally with per-document misses.
    pub fn to_text(&self, with_docs: bool) -> String {
        let line = |name: &str, v: &Prf| {
            format!(
                "{name:32} P {:.3} R {:.3} F1 {:.3}  (tp {}, pred {}, gold {})\n",
                v.p, v.r, v.f1, v.tp, v.pred, v.gold
            )
        };
        let mut s = String::new();
        for k in PART_ORDER {
            if let Some(v) = self.parts.get(k) {
                s.push_str(&line(k, v));
            }
        }
        for (t, v) in &self.entities_by_type {
            s.push_str(&format!(
                "  {t:10} P {:.3} R {:.3} F1 {:.3}  (tp {}, pred {}, gold {})\n",
                v.p, v.r, v.f1, v.tp, v.pred, v.gold
            ));
        }
        s.push_str(&format!(
            "missing docs: {} {:?}\n",
            self.missing_docs.len(),
            self.missing_docs
        ));
        if with_docs {
            for d in &self.docs {
                s.push_str(&format!("\n## {}\n", d.id));
                for (part, items) in &d.missed {
                    if !items.is_empty() {
                        s.push_str(&format!("  missed {part}: {}\n", items.join(" | ")));
                    }
                }
                for (part, items) in &d.spurious {
                    if !items.is_empty() {
                        s.push_str(&format!("  spurious {part}: {}\n", items.join(" | ")));
                    }
                }
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn normalisation_follows_the_reference() {
        assert_eq!(norm("The  Republic of Armenia’s"), "republic of armenia");
        assert_eq!(norm("“Trilateral Statement”."), "trilateral statement");
        assert_eq!(norm("an  Agreement"), "agreement");
        assert_eq!(norm("ＵＮ"), "un");
        let t: Vec<String> = toks("The Order of the International Court of Justice")
            .into_iter()
            .collect();
        assert_eq!(t, vec!["court", "international", "justice", "order"]);
        assert_eq!(
            toks("Côte d’Ivoire").into_iter().collect::<Vec<_>>(),
            vec!["c", "d", "ivoire", "te"]
        );
    }

    #[test]
    fn scores_each_part() {
        let gold = GoldDoc {
            id: "x".into(),
            text_path: PathBuf::new(),
            text: String::new(),
            date: None,
            meta: Default::default(),
            gold: json!({
                "entities": [{"type": "GPE", "text": "Armenia"}, {"type": "PERSON", "text": "Ararat Mirzoyan"}],
                "dates": [{"text": "24 May", "value": "2023-05-24"}, {"text": "44-day", "value": "P44D"}],
                "agreements": [{"name": "Trilateral Statement", "date": "2020-11-09", "text": "..."}],
                "events": [{"type": "CONSULT", "source": "Ararat Mirzoyan", "target": "Antony J. Blinken"}],
                "actors": [{"name": "Ararat Mirzoyan", "kind": "person"}, {"name": "Armenia", "kind": "state"}]
            }),
        };
        let pred = json!({
            "doc": {"id": "x"},
            "entities": [{"id": "m1", "type": "GPE", "text": "the Armenia"}, {"id": "m2", "type": "ORG", "text": "UN"},
                         {"id": "m3", "type": "MISC", "text": "ignored"}, {"id": "m4", "type": "PERSON", "text": "Blinken"}],
            "dates": [{"value": "2023-05-24"}, {"value": "2023-05-24"}],
            "agreements": [{"name": "2020 Trilateral Statement", "date": "2020-11-09"}, {"name": "Minsk agreements", "date": null}],
            "events": [{"type": "CONSULT", "source": "a1", "target": "a3"}],
            "actors": [{"id": "a1", "name": "Mirzoyan", "kind": "person", "mentions": []},
                       {"id": "a2", "name": "Armenia", "kind": "government", "mentions": []},
                       {"id": "a3", "name": "Antony Blinken", "kind": "person", "mentions": ["m4"]}]
        });
        let preds = HashMap::from([("x".to_string(), pred)]);
        let s = score(&[gold], &preds);
        assert_eq!(s.parts["entities"], Prf::new(1, 3, 2));
        assert_eq!(s.parts["dates"], Prf::new(1, 1, 2));
        assert_eq!(s.parts["agreements"], Prf::new(1, 2, 1));
        assert_eq!(s.parts["events(type,source)"], Prf::new(1, 1, 1));
        assert_eq!(s.parts["events(type,source,target)"], Prf::new(1, 1, 1));
        assert_eq!(s.parts["actors(kind,name)"], Prf::new(2, 3, 2));
        assert_eq!(s.entities_by_type["GPE"], Prf::new(1, 1, 1));
        assert_eq!(s.docs[0].missed["dates"], vec!["P44D"]);
    }

    #[test]
    fn missing_predictions_are_listed() {
        let gold = GoldDoc {
            id: "y".into(),
            text_path: PathBuf::new(),
            text: String::new(),
            date: None,
            meta: Default::default(),
            gold: json!({"dates": [{"value": "2020"}]}),
        };
        let s = score(&[gold], &HashMap::new());
        assert_eq!(s.missing_docs, vec!["y"]);
        assert_eq!(s.parts["dates"], Prf::new(0, 0, 1));
    }
}
