//! Tagging schemes: detection and conversion to chunks.

use serde::{Deserialize, Serialize};

/// The tagging scheme of a CoNLL file's NER column, as found by [`detect`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TagScheme {
    /// `I-` by default, `B-` only between two adjacent chunks of the same type.
    Iob1,
    /// Every chunk starts with `B-`.
    Iob2,
    /// B/I/L/U (also accepts IOBES: E ~ L, S ~ U).
    Bilou,
}

/// Split a tag into (prefix, type). `O` gives ('O', "").
pub fn split_tag(tag: &str) -> (char, &str) {
    if tag == "O" || tag.is_empty() {
        return ('O', "");
    }
    match tag.split_once('-') {
        Some((p, t)) if p.len() == 1 => {
            let c = p.chars().next().unwrap_or('O');
            let c = match c {
                'E' => 'L',
                'S' => 'U',
                c => c,
            };
            (c, t)
        }
        // A bare type without prefix: treat as inside.
        _ => ('I', tag),
    }
}

/// Detect the scheme of a collection of tag sequences (one per sentence).
pub fn detect<'a, I, S>(sentences: I) -> TagScheme
where
    I: IntoIterator<Item = &'a S>,
    S: AsRef<[String]> + 'a + ?Sized,
{
    let mut has_lu = false;
    let mut i_starts = 0usize;
    let mut b_after_other = 0usize;
    for s in sentences {
        let mut prev = ('O', "");
        for t in s.as_ref() {
            let (p, ty) = split_tag(t);
            match p {
                'L' | 'U' => has_lu = true,
                'I' if prev.0 == 'O' || prev.1 != ty => i_starts += 1,
                'B' if prev.0 == 'O' || prev.1 != ty => b_after_other += 1,
                _ => {}
            }
            prev = (p, ty);
        }
    }
    if has_lu {
        TagScheme::Bilou
    } else if i_starts > 0 && i_starts >= b_after_other {
        TagScheme::Iob1
    } else {
        TagScheme::Iob2
    }
}

/// Decode tags into chunks `(start, end_exclusive, type)` with conlleval's lenient
/// semantics: a chunk starts at B/U, or at I/L whose type differs from the previous
/// token's (or after O / L / U); it ends before O, B, U, a type change, or after L/U.
pub fn decode(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, &str)> = None;
    let mut prev_p = 'O';
    for (i, t) in tags.iter().enumerate() {
        let (p, ty) = split_tag(t);
        let continues = match (cur, p) {
            (Some((_, cty)), 'I' | 'L') => cty == ty && matches!(prev_p, 'B' | 'I'),
            _ => false,
        };
        if !continues {
            if let Some((s, cty)) = cur.take() {
                out.push((s, i, cty.to_string()));
            }
            if p != 'O' {
                cur = Some((i, ty));
            }
        }
        let closing = if matches!(p, 'L' | 'U') {
            cur.take()
        } else {
            None
        };
        if let Some((s, cty)) = closing {
            out.push((s, i + 1, cty.to_string()));
        }
        prev_p = p;
    }
    if let Some((s, cty)) = cur {
        out.push((s, tags.len(), cty.to_string()));
    }
    out
}
