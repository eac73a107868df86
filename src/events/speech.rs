//! Who says what: the speakers of reported clauses and of quotations.
//!
//! A speech verb (cues of status `speech`: "said", "stressed", "noting")
//! makes its subject the speaker of what follows it; a quotation's speaker
//! is named next to it ("Saikal said: \"We reject …\"", "\"…,\" the
//! President stressed"). The coder gives a person speaker the statements of
//! intent made in a state's name, the evaluations made in the document's
//! voice, and the first-person actions inside the quotation.

use crate::doc::Words;
use crate::lexicon::WordClass;
use std::ops::Range;

use super::lexicon::EventLexicon;
use super::Ctx;

/// A speech verb matched at `i` (within `end`): the token after it.
fn speech_at(
    ctx: &Ctx<'_>,
    lex: &EventLexicon,
    i: usize,
    end: usize,
    cands: &mut Vec<usize>,
) -> Option<usize> {
    // every match starts on a token `mark_speech` marked
    if !ctx.in_speech.get(i).copied().unwrap_or(false) {
        return None;
    }
    lex.speech_index.candidates(ctx.tok(i), cands);
    cands
        .iter()
        .filter_map(|&c| lex.speech[c].match_at(&ctx.words, i, end))
        .max()
}

/// Token → part of a speech verb, for the whole document at once (the
/// searches below then skip every other token).
pub(super) fn mark_speech<W: Words + ?Sized>(lower: &W, lex: &EventLexicon) -> Vec<bool> {
    let n = lower.len();
    let mut marked = vec![false; n];
    let mut cands = Vec::new();
    for i in 0..n {
        lex.speech_index.candidates(lower.word(i), &mut cands);
        for &c in &cands {
            if let Some(e) = lex.speech[c].match_at(lower, i, n) {
                for slot in marked.iter_mut().take(e).skip(i) {
                    *slot = true;
                }
            }
        }
    }
    marked
}

/// The subject of the speech verb starting at `v`: an actor, or the sender
/// of the last letter when the subject is the letter itself.
fn subject_of_verb(
    ctx: &Ctx<'_>,
    v: usize,
    lo: usize,
    last_sender: Option<usize>,
) -> Option<usize> {
    let mut j = v;
    while j > lo && matches!(ctx.tok(j - 1), "also" | "further" | "then" | ",") {
        j -= 1;
    }
    if j > lo
        && ctx.classes.has(WordClass::DocumentNoun, ctx.tok(j - 1))
        && ctx.spans.covering(j - 1).is_none()
    {
        return last_sender;
    }
    let (k, governed) = ctx.subject_governed(v, lo)?;
    (!governed).then_some(ctx.doc.actor_spans[k].actor)
}

/// The speaker of the clause starting at `from`: the subject of a speech
/// verb right before it ("Donfried reaffirmed the United States would …"),
/// or of one earlier in the sentence followed by "that" or a colon ("the
/// letter said that since 2020, Azerbaijan has been …").
pub(super) fn speaker_before(
    ctx: &Ctx<'_>,
    lex: &EventLexicon,
    from: usize,
    lo: usize,
    last_sender: Option<usize>,
) -> Option<usize> {
    let mut cands = Vec::new();
    let mut i = from;
    let floor = from.saturating_sub(40).max(lo);
    while i > floor {
        i -= 1;
        if matches!(ctx.tok(i), ";") {
            return None;
        }
        let Some(e) = speech_at(ctx, lex, i, from, &mut cands) else {
            continue;
        };
        let adjacent = (e..from).all(|t| ctx.classes.has(WordClass::SpeechLink, ctx.tok(t)));
        let introduces = matches!(ctx.tok(e), "that" | ":");
        if adjacent || introduces {
            return subject_of_verb(ctx, i, lo, last_sender);
        }
    }
    None
}

/// A quotation (tokens inside the marks) and its speaker, if named.
pub(super) struct Quote {
    pub range: Range<usize>,
    pub speaker: Option<usize>,
}

/// The document's quotations with their speakers.
pub(super) fn quotes(ctx: &Ctx<'_>, lex: &EventLexicon) -> Vec<Quote> {
    let n = ctx.words.len();
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for i in 0..n {
        let w = ctx.tok(i);
        match (open, w) {
            (None, "\"" | "“") => open = Some(i),
            (Some(o), "\"" | "”") => {
                out.push(o + 1..i);
                open = None;
            }
            // a stray mark never swallows the rest of a long document
            (Some(o), _) if i - o > 600 => open = None,
            _ => {}
        }
    }
    let mut cands = Vec::new();
    out.into_iter()
        .map(|range| {
            let speaker = speaker_of_quote(ctx, lex, &range, &mut cands);
            Quote { range, speaker }
        })
        .collect()
}

fn speaker_of_quote(
    ctx: &Ctx<'_>,
    lex: &EventLexicon,
    range: &Range<usize>,
    cands: &mut Vec<usize>,
) -> Option<usize> {
    let n = ctx.words.len();
    let o = range.start.saturating_sub(1);
    // before: "Saikal said: \"", "Saikal, said \""
    let mut j = o;
    while j > 0 && matches!(ctx.tok(j - 1), ":" | ",") {
        j -= 1;
    }
    for v in j.saturating_sub(3)..j {
        if speech_at(ctx, lex, v, j, cands) == Some(j) {
            let lo = ctx
                .doc
                .sentences
                .get(ctx.doc.sentence_of_token(v))
                .map_or(0, |s| s.tokens.start);
            if let Some(a) = subject_of_verb(ctx, v, lo, None) {
                return Some(a);
            }
        }
    }
    // after: "\"…,\" said the President", "\"…,\" the President stressed"
    let mut j = range.end + 1;
    while j < n && ctx.tok(j) == "," {
        j += 1;
    }
    if let Some(e) = speech_at(ctx, lex, j, n, cands) {
        let k = if ctx.tok(e) == "the" { e + 1 } else { e };
        return ctx
            .spans
            .starting_at(k)
            .map(|s| ctx.doc.actor_spans[s].actor);
    }
    let k = if ctx.tok(j) == "the" { j + 1 } else { j };
    let s = ctx.spans.starting_at(k)?;
    let end = ctx.doc.actor_spans[s].tokens.end;
    speech_at(ctx, lex, end, n, cands).map(|_| ctx.doc.actor_spans[s].actor)
}
