//! Token tags and entity spans read off a decoded label sequence.

use super::*;

/// IOB2 prefix of a token's tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Bio {
    /// Outside any entity.
    O,
    /// First token of an entity (BILOU B or U).
    B,
    /// Inside an entity, after its first token (BILOU I or L).
    I,
}

/// Tag of one token (IOB2 view of the internal BILOU label).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TokenTag {
    /// IOB2 prefix.
    pub bio: Bio,
    /// Index into [`Model::types`]; meaningless for `Bio::O`.
    pub type_id: u8,
    /// Calibrated marginal probability of this token's label.
    pub score: f32,
    /// For entity tokens: calibrated probability of the whole span (same on all its
    /// tokens); for `O` tokens equal to `score`.
    pub span_score: f32,
}

/// An entity span: tokens `start..end` of sentence `sentence`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Entity type (one of [`Model::types`]).
    pub typ: String,
    /// Calibrated probability that exactly this labelled span is right
    /// ([`TokenTag::span_score`]).
    pub score: f32,
}

/// Turn tags (from [`Model::tag_document`]) into spans.
pub fn tags_to_spans(tags: &[Vec<TokenTag>], types: &[String]) -> Vec<Span> {
    let mut out = Vec::new();
    for (si, s) in tags.iter().enumerate() {
        let mut i = 0;
        while i < s.len() {
            if s[i].bio == Bio::O {
                i += 1;
                continue;
            }
            let t = s[i].type_id;
            let mut e = i + 1;
            while e < s.len() && s[e].bio == Bio::I && s[e].type_id == t {
                e += 1;
            }
            out.push(Span {
                sentence: si,
                start: i,
                end: e,
                typ: types.get(t as usize).cloned().unwrap_or_default(),
                score: s[i].span_score,
            });
            i = e;
        }
    }
    out
}
