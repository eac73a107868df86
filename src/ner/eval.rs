//! `conlleval`-equivalent chunk scoring (exact match), ported from conlleval.pl's
//! `startOfChunk` / `endOfChunk` logic. Sentence boundaries behave like the `O` boundary
//! lines of conlleval's input.

use serde::Serialize;
use std::collections::BTreeMap;

/// Precision, recall and F1 (fractions in `0..=1`, 0 when undefined) with the counts
/// they come from.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Prf {
    /// `correct / guessed`.
    pub precision: f64,
    /// `correct / gold`.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Chunks guessed with the right boundaries and type.
    pub correct: usize,
    /// Chunks in the guess.
    pub guessed: usize,
    /// Chunks in the gold standard.
    pub gold: usize,
}

impl Prf {
    fn new(correct: usize, guessed: usize, gold: usize) -> Prf {
        let (p, r, f) = crate::eval::ratios(correct, guessed, gold);
        Prf {
            precision: p,
            recall: r,
            f1: f,
            correct,
            guessed,
            gold,
        }
    }
}

/// The result of [`conlleval`]: overall and per-type chunk scores and token accuracy.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ChunkScores {
    /// Over all chunk types.
    pub overall: Prf,
    /// Per chunk type (types seen in gold or guess), sorted by type.
    pub per_type: BTreeMap<String, Prf>,
    /// Tokens scored (sentence boundaries not counted).
    pub tokens: usize,
    /// Tokens whose guessed tag (prefix and type) equals the gold tag.
    pub correct_tags: usize,
}

fn split(tag: &str) -> (&str, &str) {
    match tag.split_once('-') {
        Some((p, t)) => (p, t),
        None => (tag, ""),
    }
}

fn end_of_chunk(pt: &str, t: &str, pty: &str, ty: &str) -> bool {
    let mut e = matches!(
        (pt, t),
        ("B", "B") | ("B", "O") | ("I", "B") | ("I", "O") | ("E", "E") | ("E", "I") | ("E", "O")
    );
    if pt != "O" && pt != "." && pty != ty {
        e = true;
    }
    if pt == "]" || pt == "[" {
        e = true;
    }
    e
}

fn start_of_chunk(pt: &str, t: &str, pty: &str, ty: &str) -> bool {
    let mut s = matches!(
        (pt, t),
        ("B", "B") | ("I", "B") | ("O", "B") | ("O", "I") | ("E", "E") | ("E", "I") | ("O", "E")
    );
    if t != "O" && t != "." && pty != ty {
        s = true;
    }
    if t == "[" || t == "]" {
        s = true;
    }
    s
}

/// Score sentences of (gold tags, guessed tags) exactly like conlleval.pl run on the
/// file with a blank line (boundary, tag `O`) between sentences.
pub fn conlleval<'a, I>(sentences: I) -> ChunkScores
where
    I: IntoIterator<Item = (&'a [String], &'a [String])>,
{
    let mut correct_chunk = 0usize;
    let mut found_correct = 0usize;
    let mut found_guessed = 0usize;
    let mut cc: BTreeMap<String, usize> = BTreeMap::new();
    let mut fc: BTreeMap<String, usize> = BTreeMap::new();
    let mut fg: BTreeMap<String, usize> = BTreeMap::new();
    let mut tokens = 0usize;
    let mut correct_tags = 0usize;
    let (mut lc, mut lct, mut lg, mut lgt) = ("O", "", "O", "");
    let mut in_correct = false;
    let boundary = ("O".to_string(), "O".to_string());
    let mut step = |c_tag: &'a str, g_tag: &'a str, is_boundary: bool| {
        let (c, ct) = split(c_tag);
        let (g, gt) = split(g_tag);
        let ec = end_of_chunk(lc, c, lct, ct);
        let eg = end_of_chunk(lg, g, lgt, gt);
        if in_correct {
            if ec && eg && lgt == lct {
                in_correct = false;
                correct_chunk += 1;
                *cc.entry(lct.to_string()).or_default() += 1;
            } else if ec != eg || gt != ct {
                in_correct = false;
            }
        }
        let sc = start_of_chunk(lc, c, lct, ct);
        let sg = start_of_chunk(lg, g, lgt, gt);
        if sc && sg && gt == ct {
            in_correct = true;
        }
        if sc {
            found_correct += 1;
            *fc.entry(ct.to_string()).or_default() += 1;
        }
        if sg {
            found_guessed += 1;
            *fg.entry(gt.to_string()).or_default() += 1;
        }
        if !is_boundary {
            if c == g && ct == gt {
                correct_tags += 1;
            }
            tokens += 1;
        }
        lc = c;
        lct = ct;
        lg = g;
        lgt = gt;
    };
    // Safety: boundary strings live for the whole function; we borrow them via a
    // leaked-free trick by using string literals instead.
    let _ = &boundary;
    for (gold, guess) in sentences {
        for (c, g) in gold.iter().zip(guess.iter()) {
            step(c.as_str(), g.as_str(), false);
        }
        step("O", "O", true);
    }
    if in_correct {
        correct_chunk += 1;
        *cc.entry(lct.to_string()).or_default() += 1;
    }
    let mut types: Vec<String> = fc.keys().chain(fg.keys()).cloned().collect();
    types.sort();
    types.dedup();
    let per_type = types
        .into_iter()
        .map(|t| {
            let p = Prf::new(
                cc.get(&t).copied().unwrap_or(0),
                fg.get(&t).copied().unwrap_or(0),
                fc.get(&t).copied().unwrap_or(0),
            );
            (t, p)
        })
        .collect();
    ChunkScores {
        overall: Prf::new(correct_chunk, found_guessed, found_correct),
        per_type,
        tokens,
        correct_tags,
    }
}

/// Pretty conlleval-style report.
pub fn format_report(s: &ChunkScores) -> String {
    let o = &s.overall;
    let mut out = format!(
        "processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n",
        s.tokens, o.gold, o.guessed, o.correct
    );
    let acc = if s.tokens > 0 {
        100.0 * s.correct_tags as f64 / s.tokens as f64
    } else {
        0.0
    };
    out += &format!(
        "accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}\n",
        acc,
        100.0 * o.precision,
        100.0 * o.recall,
        100.0 * o.f1
    );
    for (t, p) in &s.per_type {
        out += &format!(
            "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}\n",
            t,
            100.0 * p.precision,
            100.0 * p.recall,
            100.0 * p.f1,
            p.guessed
        );
    }
    out
}
