//! Training: the tagger first (epochs chosen on dev), then the parser on
//! the tagger's predicted tags with the dynamic oracle, then the
//! lemmatiser, all frozen into one [`ModelParts`].

use std::collections::HashMap;
use std::time::Instant;

use crate::ner::hash::SplitMix64;

use super::conllu::ConlluSentence;
use super::eval::{evaluate, SyntaxScores};
use super::lemma::Lemmatizer;
use super::model::{Header, ModelParts, Scratch, SyntaxModel, FORMAT, ROOT_TAG};
use super::oracle::{cost, projectivize};
use super::parser::{best_label, LabelSpec, State, Words, MOVES, NO_LABEL};
use super::pfeatures::move_features;
use super::table::{freeze, slot_len, Table, TrainTable};
use super::tagger::{argmax, features, tag_sentence, token_atoms, word_hash, TagDict, TagScratch};
use super::tagger::{fixed_class, Scorer, TokAtoms, FIXED_SHIFT};
use super::SyntaxError;

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Tagger epochs (the best on dev is kept).
    pub tagger_epochs: usize,
    /// Parser epochs (the best on dev is kept).
    pub parser_epochs: usize,
    /// Seed of the shuffles and of exploration.
    pub seed: u64,
    /// Probability of following the model's own (possibly wrong) move
    /// after the first parser epoch.
    pub explore: f64,
    /// Folds for jackknifed training tags (0 or 1: the final tagger's own).
    pub folds: usize,
    /// Largest model file in bytes (tables are pruned to fit).
    pub max_bytes: usize,
    /// Word clusters (word hash → packed ids, [`TagDict`] bytes); may be
    /// empty.
    pub clusters: Vec<u8>,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            tagger_epochs: 8,
            parser_epochs: 12,
            seed: 1,
            explore: 0.9,
            folds: 0,
            max_bytes: 24_000_000,
            clusters: Vec::new(),
        }
    }
}

/// One line of the training log.
pub type Log<'a> = &'a mut dyn FnMut(&str);

/// The label and class inventories of a treebank.
struct Inventory {
    classes: Vec<(String, String)>,
    class_of: HashMap<(String, String), u8>,
    labels: Vec<String>,
    label_of: HashMap<String, u8>,
    spec: LabelSpec,
}

fn inventory(train: &[ConlluSentence]) -> Result<Inventory, SyntaxError> {
    let mut classes: HashMap<(String, String), usize> = HashMap::new();
    let mut labels: HashMap<String, usize> = HashMap::new();
    for w in train.iter().flat_map(|s| &s.words) {
        *classes.entry((w.upos.clone(), w.xpos.clone())).or_default() += 1;
        *labels.entry(w.deprel.clone()).or_default() += 1;
    }
    fn by_count<K: Ord>(m: HashMap<K, usize>) -> Vec<K> {
        let mut v: Vec<(K, usize)> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.into_iter().map(|(k, _)| k).collect()
    }
    let classes: Vec<(String, String)> = by_count(classes);
    let mut labels: Vec<String> = by_count(labels);
    labels.truncate(63);
    if classes.len() > 250 {
        return Err(SyntaxError::Train("more than 250 UPOS|XPOS classes".into()));
    }
    let label_of: HashMap<String, u8> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.clone(), i as u8))
        .collect();
    let root = *label_of
        .get("root")
        .ok_or_else(|| SyntaxError::Train("no 'root' relation in training data".into()))?;
    let mut spec = LabelSpec {
        left: 0,
        right: 0,
        root,
    };
    for s in train {
        for (i, w) in s.words.iter().enumerate() {
            let Some(&l) = label_of.get(&w.deprel) else {
                continue;
            };
            if w.head == 0 || l == root {
                continue;
            }
            if i + 1 < w.head {
                spec.left |= 1 << l;
            } else {
                spec.right |= 1 << l;
            }
        }
    }
    Ok(Inventory {
        class_of: classes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), i as u8))
            .collect(),
        classes,
        labels,
        label_of,
        spec,
    })
}

/// UPOS bits for the tag dictionary.
// not a word list: the seventeen UD universal part-of-speech tags
pub(super) const UPOS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// Words seen at least 3 times → the UPOS tags that make ≥ 10% of them;
/// words seen at least [`FIXED_MIN`] times with one joint class in at least
/// [`FIXED_SHARE`] of them also get that class (tagged without scoring, as
/// in Honnibal's greedy tagger: about a third of the running words).
fn tag_dictionary(train: &[ConlluSentence], inv: &Inventory) -> Vec<u8> {
    let mut counts: HashMap<u64, [u32; 18]> = HashMap::new();
    let mut joint: HashMap<u64, HashMap<u8, u32>> = HashMap::new();
    for w in train.iter().flat_map(|s| &s.words) {
        let bit = UPOS.iter().position(|u| *u == w.upos).unwrap_or(17);
        let h = word_hash(&w.form);
        counts.entry(h).or_insert([0; 18])[bit] += 1;
        if let Some(&c) = inv.class_of.get(&(w.upos.clone(), w.xpos.clone())) {
            *joint.entry(h).or_default().entry(c).or_default() += 1;
        }
    }
    let entries = counts
        .into_iter()
        .filter_map(|(h, c)| {
            let total: u32 = c.iter().sum();
            let mask = c
                .iter()
                .enumerate()
                .filter(|(_, &n)| n * 10 >= total)
                .fold(0u32, |m, (i, _)| m | 1 << i);
            let fixed = joint
                .get(&h)
                .and_then(|j| j.iter().max_by_key(|(&c, &n)| (n, std::cmp::Reverse(c))))
                .filter(|(_, &n)| total >= FIXED_MIN && n as f64 >= FIXED_SHARE * total as f64)
                .map_or(0, |(&c, _)| (c as u32 + 1).min(255));
            (total >= 3).then_some((h, mask | fixed << FIXED_SHIFT))
        })
        .collect();
    TagDict::build(entries)
}

/// Fewest occurrences for a word's class to be fixed.
const FIXED_MIN: u32 = 20;
/// Smallest share of its commonest class for a word's class to be fixed.
const FIXED_SHARE: f64 = 0.99;

/// Rows that fit `bytes` in a table of `cols` classes (70% load, a
/// power-of-two slot count).
fn rows_for(bytes: usize, cols: usize) -> usize {
    let slots = (bytes / slot_len(cols)).max(8);
    let pow = if slots.is_power_of_two() {
        slots
    } else {
        slots.next_power_of_two() / 2
    };
    pow * 7 / 10
}

struct TaggerData {
    atoms: Vec<Vec<TokAtoms>>,
    gold: Vec<Vec<u8>>,
}

fn tagger_data(
    sents: &[ConlluSentence],
    inv: &Inventory,
    dict: &TagDict,
    clusters: &TagDict,
) -> TaggerData {
    TaggerData {
        atoms: sents
            .iter()
            .map(|s| {
                s.words
                    .iter()
                    .map(|w| token_atoms(&w.form, dict, clusters))
                    .collect()
            })
            .collect(),
        gold: sents
            .iter()
            .map(|s| {
                s.words
                    .iter()
                    .map(|w| {
                        inv.class_of
                            .get(&(w.upos.clone(), w.xpos.clone()))
                            .copied()
                            .unwrap_or(0)
                    })
                    .collect()
            })
            .collect(),
    }
}

/// One tagger epoch over `order`.
fn tagger_epoch(t: &mut TrainTable, data: &TaggerData, order: &[usize], step: &mut f32) {
    let mut feats = Vec::new();
    let mut scores = vec![0f32; t.cols()];
    let mut tags = Vec::new();
    for &si in order {
        let (atoms, gold) = (&data.atoms[si], &data.gold[si]);
        tags.clear();
        for (i, &g) in gold.iter().enumerate().take(atoms.len()) {
            if let Some(c) = fixed_class(&atoms[i], t.cols()) {
                tags.push(c);
                continue;
            }
            features(atoms, i, &tags, &mut feats);
            t.score(&feats, &mut scores);
            let pred = argmax(&scores);
            *step += 1.0;
            if pred != g as usize {
                t.update(&feats, g as usize, 1.0, *step);
                t.update(&feats, pred, -1.0, *step);
            }
            tags.push(pred as u8);
        }
    }
}

fn tag_all<S: Scorer>(s: &S, cols: usize, data: &TaggerData) -> Vec<Vec<u8>> {
    let mut scratch = TagScratch::default();
    data.atoms
        .iter()
        .map(|a| {
            let mut tags = Vec::new();
            tag_sentence(s, cols, a, &mut tags, &mut scratch);
            tags
        })
        .collect()
}

fn tag_accuracy(pred: &[Vec<u8>], gold: &[Vec<u8>], inv: &Inventory) -> f64 {
    let (mut n, mut ok) = (0usize, 0usize);
    for (p, g) in pred.iter().zip(gold) {
        for (a, b) in p.iter().zip(g) {
            n += 1;
            ok += (inv.classes[*a as usize].0 == inv.classes[*b as usize].0) as usize;
        }
    }
    100.0 * ok as f64 / n.max(1) as f64
}

/// Trains a tagger on `train`, choosing the epoch on `dev`; returns the
/// frozen table bytes.
fn train_tagger(
    train: &TaggerData,
    dev: &TaggerData,
    inv: &Inventory,
    cfg: &TrainConfig,
    max_rows: usize,
    log: Log,
) -> Vec<u8> {
    let cols = inv.classes.len();
    let mut t = TrainTable::new(cols);
    let mut rng = SplitMix64(cfg.seed);
    let mut order: Vec<usize> = (0..train.atoms.len()).collect();
    let mut step = 0f32;
    let mut best: (f64, Vec<u8>) = (-1.0, Vec::new());
    for epoch in 1..=cfg.tagger_epochs {
        let start = Instant::now();
        rng.shuffle(&mut order);
        tagger_epoch(&mut t, train, &order, &mut step);
        let bytes = freeze(&t.averaged(step), cols, max_rows, 0.0);
        let acc = match Table::new(bytes.clone().into(), cols) {
            Some(table) if !dev.atoms.is_empty() => {
                tag_accuracy(&tag_all(&table, cols, dev), &dev.gold, inv)
            }
            _ => 0.0,
        };
        log(&format!(
            "tagger epoch {epoch}: {} rows, dev UPOS {acc:.2}, {:.1}s",
            t.rows(),
            start.elapsed().as_secs_f64()
        ));
        if acc > best.0 || dev.atoms.is_empty() {
            best = (acc, bytes);
        }
    }
    best.1
}

/// Gold structure of a training sentence for the parser.
struct ParseItem {
    w: Vec<u64>,
    p: Vec<u8>,
    c: Vec<u32>,
    heads: Vec<u32>,
    labels: Vec<u8>,
}

fn parse_items(
    sents: &[ConlluSentence],
    tags: &[Vec<u8>],
    inv: &Inventory,
    clusters: &TagDict,
) -> (Vec<ParseItem>, usize, usize) {
    let (mut lifted_sents, mut lifts) = (0, 0);
    let items = sents
        .iter()
        .zip(tags)
        .map(|(s, t)| {
            let mut heads: Vec<u32> = std::iter::once(0)
                .chain(s.words.iter().map(|w| w.head as u32))
                .collect();
            let n = projectivize(&mut heads);
            lifts += n;
            lifted_sents += (n > 0) as usize;
            ParseItem {
                w: std::iter::once(word_hash("<root>"))
                    .chain(s.words.iter().map(|w| word_hash(&w.form)))
                    .collect(),
                p: std::iter::once(ROOT_TAG).chain(t.iter().copied()).collect(),
                c: std::iter::once(0)
                    .chain(s.words.iter().map(|w| clusters.get(word_hash(&w.form))))
                    .collect(),
                heads,
                labels: std::iter::once(NO_LABEL)
                    .chain(
                        s.words
                            .iter()
                            .map(|w| inv.label_of.get(&w.deprel).copied().unwrap_or(0)),
                    )
                    .collect(),
            }
        })
        .collect();
    (items, lifted_sents, lifts)
}

/// The parser's weights and update counter.
struct ParserWeights {
    moves: TrainTable,
    labels: TrainTable,
    step: f32,
}

/// One parser epoch with the dynamic oracle.
fn parser_epoch(
    pw: &mut ParserWeights,
    items: &[ParseItem],
    order: &[usize],
    spec: &LabelSpec,
    explore: f64,
    rng: &mut SplitMix64,
) {
    let mut st = State::default();
    let (mut feats, mut lfeats) = (Vec::new(), Vec::new());
    let mut lscores = vec![0f32; pw.labels.cols()];
    let mut scores = [0f32; MOVES];
    for &si in order {
        let it = &items[si];
        let words = Words {
            w: &it.w,
            p: &it.p,
            c: &it.c,
        };
        st.reset(it.w.len() - 1);
        while !st.terminal() {
            move_features(&st, &words, &mut feats);
            pw.moves.score(&feats, &mut scores);
            let legal: Vec<usize> = (0..MOVES).filter(|&m| st.legal(m)).collect();
            let costs: Vec<usize> = legal.iter().map(|&m| cost(&st, m, &it.heads)).collect();
            let min = costs.iter().copied().min().unwrap_or(0);
            let best_of = |ms: &mut dyn Iterator<Item = usize>| {
                ms.max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
            };
            let Some(pred) = best_of(&mut legal.iter().copied()) else {
                break;
            };
            let Some(oracle) = best_of(
                &mut legal
                    .iter()
                    .zip(&costs)
                    .filter(|(_, &c)| c == min)
                    .map(|(&m, _)| m),
            ) else {
                break;
            };
            pw.step += 1.0;
            if pred != oracle {
                pw.moves.update(&feats, oracle, 1.0, pw.step);
                pw.moves.update(&feats, pred, -1.0, pw.step);
            }
            let follow = if rng.unit() < explore { pred } else { oracle };
            let label = match st.arc(follow) {
                Some((h, d)) => {
                    let guess = best_label(
                        &pw.labels,
                        spec,
                        &st,
                        &words,
                        (h, d),
                        &mut lfeats,
                        &mut lscores,
                    );
                    if h != 0 && it.heads[d as usize] == h {
                        let gold = it.labels[d as usize];
                        if guess != gold {
                            pw.labels.update(&lfeats, gold as usize, 1.0, pw.step);
                            pw.labels.update(&lfeats, guess as usize, -1.0, pw.step);
                        }
                        gold
                    } else {
                        guess
                    }
                }
                None => NO_LABEL,
            };
            st.apply(follow, label);
        }
    }
}

/// Trains a model. `dev` chooses epochs; `test`, when given, is scored at
/// the end and recorded in the header.
pub fn train(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    test: &[ConlluSentence],
    cfg: &TrainConfig,
    log: Log,
) -> Result<(ModelParts, SyntaxModel), SyntaxError> {
    let started = Instant::now();
    if train.is_empty() {
        return Err(SyntaxError::Train("no training sentences".into()));
    }
    let inv = inventory(train)?;
    let dict_bytes = tag_dictionary(train, &inv);
    let dict = TagDict::new(dict_bytes.clone().into())
        .ok_or_else(|| SyntaxError::Train("tag dictionary".into()))?;
    let lemmas = Lemmatizer::learn(train.iter().flat_map(|s| &s.words).map(|w| {
        (
            w.form.as_str(),
            w.upos.as_str(),
            w.xpos.as_str(),
            w.lemma.as_str(),
        )
    }));
    let budget = cfg
        .max_bytes
        .saturating_sub(dict_bytes.len() + lemmas.as_text().len() + cfg.clusters.len());
    let tag_rows = rows_for(budget * 45 / 100, inv.classes.len());
    let move_rows = rows_for(budget * 30 / 100, MOVES);
    let label_rows = rows_for(budget * 25 / 100, inv.labels.len());
    let clusters = TagDict::new(cfg.clusters.clone().into())
        .ok_or_else(|| SyntaxError::Train("cluster table size".into()))?;
    let tdata = tagger_data(train, &inv, &dict, &clusters);
    let ddata = tagger_data(dev, &inv, &dict, &clusters);
    let tagger = train_tagger(&tdata, &ddata, &inv, cfg, tag_rows, log);
    let train_tags = jackknife_tags(
        train, &inv, &dict, &clusters, &tdata, &tagger, cfg, tag_rows, log,
    )?;
    let (items, lifted_sents, lifts) = parse_items(train, &train_tags, &inv, &clusters);
    log(&format!(
        "non-projective training sentences: {lifted_sents} of {} ({lifts} arcs lifted)",
        train.len()
    ));
    let mut header = Header {
        format: FORMAT.to_string(),
        classes: inv.classes.clone(),
        labels: inv.labels.clone(),
        left: inv.spec.left,
        right: inv.spec.right,
        root: inv.spec.root,
        sections: Vec::new(),
        meta: serde_json::json!({
            "train_sentences": train.len(),
            "nonprojective_sentences": lifted_sents,
            "lifted_arcs": lifts,
            "seed": cfg.seed,
            "explore": cfg.explore,
            "folds": cfg.folds,
            "cluster_words": cfg.clusters.len() / 12,
        }),
    };
    let template = ModelParts {
        header: header.clone(),
        tagger,
        tagdict: dict_bytes,
        moves: Vec::new(),
        labels: Vec::new(),
        lemmas: lemmas.as_text().to_string(),
        clusters: cfg.clusters.clone(),
    };
    let rows = (move_rows, label_rows);
    let (mut parts, epoch) = train_parser(&template, &items, &inv, dev, cfg, rows, log)?;
    let model = SyntaxModel::from_bytes(&parts.encode())?;
    let dev_scores = score(&model, dev);
    let test_scores = score(&model, test);
    header.meta["parser_epoch"] = epoch.into();
    header.meta["dev"] = dev_scores.to_json();
    header.meta["test"] = test_scores.to_json();
    header.meta["train_seconds"] = (started.elapsed().as_secs_f64().round()).into();
    parts.header = header;
    let model = SyntaxModel::from_bytes(&parts.encode())?;
    Ok((parts, model))
}

/// Train the parser's two tables for `cfg.parser_epochs` epochs (exploration from the
/// second), freezing each epoch into `template`; keeps the epoch with the best dev LAS
/// (the last one without dev). Returns the model parts and the epoch.
fn train_parser(
    template: &ModelParts,
    items: &[ParseItem],
    inv: &Inventory,
    dev: &[ConlluSentence],
    cfg: &TrainConfig,
    (move_rows, label_rows): (usize, usize),
    log: Log,
) -> Result<(ModelParts, usize), SyntaxError> {
    let mut pw = ParserWeights {
        moves: TrainTable::new(MOVES),
        labels: TrainTable::new(inv.labels.len()),
        step: 0.0,
    };
    let mut rng = SplitMix64(cfg.seed ^ 0x5eed);
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut best: Option<(f64, ModelParts, usize)> = None;
    for epoch in 1..=cfg.parser_epochs {
        let start = Instant::now();
        rng.shuffle(&mut order);
        let explore = if epoch == 1 { 0.0 } else { cfg.explore };
        parser_epoch(&mut pw, items, &order, &inv.spec, explore, &mut rng);
        let parts = ModelParts {
            moves: freeze(&pw.moves.averaged(pw.step), MOVES, move_rows, 0.0),
            labels: freeze(
                &pw.labels.averaged(pw.step),
                inv.labels.len(),
                label_rows,
                0.0,
            ),
            ..template.clone()
        };
        let model = SyntaxModel::from_bytes(&parts.encode())?;
        let scores = score(&model, dev);
        log(&format!(
            "parser epoch {epoch}: {} move rows, {} label rows, dev {}, {:.1}s",
            pw.moves.rows(),
            pw.labels.rows(),
            scores.to_line(),
            start.elapsed().as_secs_f64()
        ));
        let las = if dev.is_empty() {
            epoch as f64
        } else {
            scores.las()
        };
        if best.as_ref().is_none_or(|b| las > b.0) {
            best = Some((las, parts, epoch));
        }
    }
    let (_, parts, epoch) = best.ok_or_else(|| SyntaxError::Train("no parser epochs".into()))?;
    Ok((parts, epoch))
}

/// Tags for the parser's training data: jackknifed over `cfg.folds` folds
/// (each fold tagged by a tagger trained on the others), so that the parser
/// learns from tags as noisy as at run time; with fewer than 2 folds, the
/// final tagger's own tags.
#[allow(clippy::too_many_arguments)]
fn jackknife_tags(
    train: &[ConlluSentence],
    inv: &Inventory,
    dict: &TagDict,
    clusters: &TagDict,
    tdata: &TaggerData,
    tagger: &[u8],
    cfg: &TrainConfig,
    max_rows: usize,
    log: Log,
) -> Result<Vec<Vec<u8>>, SyntaxError> {
    let cols = inv.classes.len();
    if cfg.folds < 2 {
        let table = Table::new(tagger.to_vec().into(), cols)
            .ok_or_else(|| SyntaxError::Train("tagger table".into()))?;
        return Ok(tag_all(&table, cols, tdata));
    }
    let mut out = vec![Vec::new(); train.len()];
    for fold in 0..cfg.folds {
        let (held, rest): (Vec<usize>, Vec<usize>) =
            (0..train.len()).partition(|i| i % cfg.folds == fold);
        let pick = |ix: &[usize]| -> Vec<ConlluSentence> {
            ix.iter().map(|&i| train[i].clone()).collect()
        };
        let (rest_s, held_s) = (pick(&rest), pick(&held));
        let rd = tagger_data(&rest_s, inv, dict, clusters);
        let hd = tagger_data(&held_s, inv, dict, clusters);
        let empty = TaggerData {
            atoms: Vec::new(),
            gold: Vec::new(),
        };
        let sub = TrainConfig {
            seed: cfg.seed + fold as u64 + 1,
            ..cfg.clone()
        };
        let mut quiet = |_: &str| {};
        let bytes = train_tagger(&rd, &empty, inv, &sub, max_rows, &mut quiet);
        let table = Table::new(bytes.into(), cols)
            .ok_or_else(|| SyntaxError::Train("tagger table".into()))?;
        let tags = tag_all(&table, cols, &hd);
        log(&format!(
            "jackknife fold {}: UPOS {:.2} on its held-out part",
            fold + 1,
            tag_accuracy(&tags, &hd.gold, inv)
        ));
        for (i, t) in held.into_iter().zip(tags) {
            out[i] = t;
        }
    }
    Ok(out)
}

/// Scores a model on gold-tokenised sentences.
pub fn score(model: &SyntaxModel, gold: &[ConlluSentence]) -> SyntaxScores {
    let mut scratch = Scratch::default();
    let pred: Vec<ConlluSentence> = gold
        .iter()
        .map(|s| model.annotate(s, &mut scratch))
        .collect();
    evaluate(gold, &pred)
}
