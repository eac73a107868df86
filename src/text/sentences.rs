//! The sentence splitter: groups tokens into sentences.
//!
//! A sentence ends
//! - after terminal punctuation (". ! ? …"), together with any closing
//!   quotes or brackets right after it, when the next token can open a
//!   sentence (capitalised, a digit, an opening quote or bracket, or a line
//!   break in between);
//! - after an abbreviation of class `any` ("etc.", "U.S.") only when a
//!   paragraph break or a typical sentence starter ("The", "It") follows;
//!   never after a `prefix` one ("Mr.", "No.");
//! - at a paragraph break (a blank line or a masked boilerplate line);
//! - at a single line break when the line is a headline or list item: the
//!   next line starts with a capital, digit, quote or bullet, and the line
//!   does not end in a comma, hyphen or joining word (a hard-wrapped
//!   sentence continues).
//! - after the dash that closes a dateline ("KYIV, 12 May 2024 — The
//!   Minister …"), so the place is not parsed as the subject of the
//!   first sentence.

use crate::doc::{Sentence, Span, Token, TokenKind};
use crate::lexicon::WordClass;
use crate::text::lexical::{is_closing, is_opening, is_terminal, AbbrevClass, Lexical};

/// Splits `tokens` of `text` into sentences.
pub fn split_sentences(text: &str, tokens: &[Token], lexical: &Lexical) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0usize;
    let token_text = |i: usize| text.get(tokens[i].span.bytes()).unwrap_or("");
    for i in 0..tokens.len() {
        let Some(next) = tokens.get(i + 1) else {
            break;
        };
        if ends_sentence(i, next, &token_text, tokens, lexical)
            || closes_dateline(first, i, &token_text, tokens)
        {
            sentences.push(make(tokens, first, i + 1));
            first = i + 1;
        }
    }
    if first < tokens.len() {
        sentences.push(make(tokens, first, tokens.len()));
    }
    sentences
}

fn make(tokens: &[Token], first: usize, end: usize) -> Sentence {
    let a = tokens[first].span;
    let b = tokens[end - 1].span;
    Sentence {
        span: Span {
            byte_start: a.byte_start,
            byte_end: b.byte_end,
            char_start: a.char_start,
            char_end: b.char_end,
        },
        tokens: first..end,
    }
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

/// Whether a sentence ends after token `i`, whose successor is `next`.
fn ends_sentence<'a>(
    i: usize,
    next: &Token,
    token_text: &impl Fn(usize) -> &'a str,
    tokens: &[Token],
    lexical: &Lexical,
) -> bool {
    if next.newlines_before >= 2 {
        return true;
    }
    let cur = token_text(i);
    let nxt = token_text(i + 1);
    let next_opens = opens_sentence(nxt, next.kind, token_text, i + 1, tokens.len());
    // Closing quotes/brackets after a terminal stop belong to the sentence.
    let mut j = i;
    while j > 0
        && i - j < 4
        && tokens[j].kind == TokenKind::Punct
        && is_closing(first_char(token_text(j)))
        && !tokens[j].space_before
    {
        j -= 1;
    }
    let last = token_text(j);
    let terminal = tokens[j].kind == TokenKind::Punct && is_terminal(first_char(last));
    if terminal {
        // Do not split "." from a closing quote that still follows.
        if next.kind == TokenKind::Punct && is_closing(first_char(nxt)) && !next.space_before {
            return false;
        }
        return next_opens || next.newlines_before > 0;
    }
    if cur.ends_with('.') && cur.len() > 1 && tokens[i].kind == TokenKind::Word {
        let class = lexical.abbreviation(cur).unwrap_or(AbbrevClass::Any);
        if class == AbbrevClass::Any
            && (lexical.is_sentence_starter(nxt) || (next.newlines_before > 0 && next_opens))
        {
            return true;
        }
        if class == AbbrevClass::Prefix {
            return false;
        }
    }
    if next.newlines_before == 1 {
        let joining = (tokens[i].kind == TokenKind::Punct
            && matches!(cur, "," | "-" | "(" | "/" | "&"))
            || lexical
                .words()
                .has_ignore_ascii_case(WordClass::JoiningWord, cur);
        return next_opens && !joining;
    }
    false
}

/// Whether token `i` is the dash that ends a dateline opening the
/// sentence that starts at `first`: a capitalised place, a comma, then
/// only capitalised words, numbers and light punctuation holding a date
/// ("WASHINGTON, March 3, 2024 —", "Geneva, 12 May (UN) –"), followed by
/// a capitalised word.
fn closes_dateline<'a>(
    first: usize,
    i: usize,
    token_text: &impl Fn(usize) -> &'a str,
    tokens: &[Token],
) -> bool {
    const MAX_DATELINE_TOKENS: usize = 12;
    if i <= first + 2 || i - first > MAX_DATELINE_TOKENS {
        return false;
    }
    let is_dash = |k: usize| matches!(token_text(k), "\u{2014}" | "\u{2013}" | "--" | "-");
    let capitalised = |k: usize| first_char(token_text(k)).is_uppercase();
    if !is_dash(i) || !tokens.get(i + 1).is_some_and(|_| capitalised(i + 1)) {
        return false;
    }
    if tokens[first].kind != TokenKind::Word || !capitalised(first) {
        return false;
    }
    let mut comma = false;
    let mut number = false;
    for (k, token) in tokens.iter().enumerate().take(i).skip(first + 1) {
        match token.kind {
            TokenKind::Number => number = true,
            TokenKind::Word if capitalised(k) => {}
            TokenKind::Punct if matches!(token_text(k), "," | "." | "(" | ")") => {
                comma |= token_text(k) == ",";
            }
            _ => return false,
        }
    }
    comma && number
}

/// Whether a token can be the first of a sentence.
fn opens_sentence<'a>(
    word: &str,
    kind: TokenKind,
    token_text: &impl Fn(usize) -> &'a str,
    index: usize,
    len: usize,
) -> bool {
    let c = first_char(word);
    match kind {
        TokenKind::Word => c.is_uppercase() || !c.is_alphabetic(),
        TokenKind::Number
        | TokenKind::Url
        | TokenKind::Email
        | TokenKind::Handle
        | TokenKind::Hashtag => true,
        TokenKind::Symbol => true,
        TokenKind::Punct => {
            if matches!(
                c,
                '\u{2022}' | '\u{25AA}' | '\u{25CF}' | '\u{2013}' | '\u{2014}' | '-' | '*'
            ) {
                // A bullet or dash opens a list item.
                true
            } else if is_opening(c) {
                // An opening quote opens a sentence if what follows does.
                index + 1 >= len || {
                    let after = first_char(token_text(index + 1));
                    !after.is_lowercase()
                }
            } else {
                false
            }
        }
    }
}
