//! The tokenizer: one pass over the text, tokens with byte and char offsets.
//!
//! Rules (CoNLL/Penn-compatible where they overlap):
//! - whitespace separates tokens and is never part of one;
//! - words are runs of letters, digits and combining marks, joined across
//!   hyphens ("44-day", "five-month-long"), digit separators ("1,000.5",
//!   "24.05.2023", "10:00", "05/24/2023", "1997/98"), dotted initialisms
//!   ("U.S.", "H.E.", "e.g.") and name-internal apostrophes ("O'Neill",
//!   "d’Ivoire");
//! - clitics split off the way the Penn Treebank does: "Artsakh’s" →
//!   "Artsakh" + "’s", "don't" → "do" + "n't";
//! - a final stop stays on known abbreviations ("Mr.", "No.", "Jan."),
//!   single-letter initials ("J.") and dotted initialisms;
//! - URLs, e-mail addresses, @handles and #hashtags are single tokens;
//! - runs of dots ("...") or of "!"/"?" and double hyphens are one token;
//!   any other punctuation or symbol is a token of its own;
//! - masked spans (boilerplate lines) yield no tokens and count as a
//!   paragraph break.

use crate::doc::{Span, Token, TokenKind};
use crate::lexicon::WordClass;
use crate::text::lexical::{
    is_apostrophe, is_joining_hyphen, is_newline, is_punct, is_space, is_word_char, Lexical,
};

/// Splits text into tokens.
#[derive(Debug, Clone)]
pub struct Tokenizer {
    lexical: Lexical,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Tokenizer::new(Lexical::embedded())
    }
}

/// A position in the text, in bytes and chars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pos {
    byte: usize,
    chr: usize,
}

struct Scanner<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: Pos,
}

impl<'t> Scanner<'t> {
    #[inline]
    fn peek(&self) -> Option<char> {
        char_at(self.text, self.pos.byte)
    }

    #[inline]
    fn bump(&mut self, c: char) {
        self.pos.byte += c.len_utf8();
        self.pos.chr += 1;
    }

    #[inline]
    fn byte_at(&self, byte: usize) -> Option<u8> {
        self.bytes.get(byte).copied()
    }
}

/// The char starting at byte `i`, if any.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some(b as char);
    }
    text.get(i..)?.chars().next()
}

impl Tokenizer {
    /// A tokenizer using the given word lists.
    pub fn new(lexical: Lexical) -> Tokenizer {
        Tokenizer { lexical }
    }

    /// The word lists this tokenizer uses.
    pub fn lexical(&self) -> &Lexical {
        &self.lexical
    }

    /// Tokens of `text`, skipping the `masked` spans (sorted, disjoint).
    pub fn tokenize(&self, text: &str, masked: &[Span]) -> Vec<Token> {
        let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
        let mut s = Scanner {
            text,
            bytes: text.as_bytes(),
            pos: Pos { byte: 0, chr: 0 },
        };
        let mut masked = masked.iter().peekable();
        let mut next_at = memchr::memchr(b'@', s.bytes);
        loop {
            // Skip whitespace and masked spans, counting line breaks.
            let mut newlines: u32 = 0;
            let mut space = false;
            loop {
                while let Some(m) = masked.peek() {
                    if m.byte_end <= s.pos.byte {
                        masked.next();
                    } else {
                        break;
                    }
                }
                if let Some(m) = masked.peek() {
                    if m.byte_start <= s.pos.byte {
                        s.pos = Pos {
                            byte: m.byte_end,
                            chr: m.char_end,
                        };
                        newlines = newlines.max(2);
                        space = true;
                        masked.next();
                        continue;
                    }
                }
                match s.peek() {
                    Some(c) if is_space(c) => {
                        if is_newline(c) && !(c == '\r' && s.byte_at(s.pos.byte + 1) == Some(b'\n'))
                        {
                            newlines += 1;
                        }
                        space = true;
                        s.bump(c);
                    }
                    _ => break,
                }
            }
            let Some(c) = s.peek() else { break };
            let start = s.pos;
            if next_at.is_some_and(|at| at < start.byte) {
                next_at = memchr::memchr(b'@', &s.bytes[start.byte..]).map(|i| i + start.byte);
            }
            let kind = self.scan_token(&mut s, c, next_at);
            tokens.push(Token {
                span: Span {
                    byte_start: start.byte,
                    byte_end: s.pos.byte,
                    char_start: start.chr,
                    char_end: s.pos.chr,
                },
                kind,
                newlines_before: newlines.min(255) as u8,
                space_before: space,
            });
        }
        tokens
    }

    /// Scans one token starting with `c` and returns its kind.
    fn scan_token(&self, s: &mut Scanner<'_>, c: char, next_at: Option<usize>) -> TokenKind {
        let start = s.pos.byte;
        if is_word_char(c) {
            if let Some(kind) = scan_special_word(s, next_at) {
                return kind;
            }
            return self.scan_word(s);
        }
        match c {
            '@' | '#' => {
                let next = s.byte_at(start + 1);
                let ok = match c {
                    '@' => next.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_'),
                    _ => next.is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b >= 0x80),
                };
                s.bump(c);
                if ok {
                    while let Some(n) = s.peek() {
                        if is_word_char(n) || n == '_' {
                            s.bump(n);
                        } else {
                            break;
                        }
                    }
                    return if c == '@' {
                        TokenKind::Handle
                    } else {
                        TokenKind::Hashtag
                    };
                }
                TokenKind::Symbol
            }
            _ if is_apostrophe(c) => {
                // A clitic left over from the previous word: "’s", "'re".
                s.bump(c);
                let rest = s.pos.byte;
                let end = word_end(s.text, rest);
                let suffix = &s.text[rest..end];
                if end > rest
                    && self
                        .lexical
                        .words()
                        .has_ignore_ascii_case(WordClass::Clitic, suffix)
                {
                    s.pos.chr += suffix.chars().count();
                    s.pos.byte = end;
                    return TokenKind::Word;
                }
                TokenKind::Punct
            }
            '.' | '!' | '?' | '-' => {
                // Runs: "...", "?!", "--".
                s.bump(c);
                while let Some(n) = s.peek() {
                    let same_run = match c {
                        '.' => n == '.',
                        '-' => n == '-',
                        _ => n == '!' || n == '?',
                    };
                    if !same_run {
                        break;
                    }
                    s.bump(n);
                }
                TokenKind::Punct
            }
            _ => {
                s.bump(c);
                if is_punct(c) {
                    TokenKind::Punct
                } else {
                    TokenKind::Symbol
                }
            }
        }
    }

    /// Scans a word or number starting at a word char.
    fn scan_word(&self, s: &mut Scanner<'_>) -> TokenKind {
        // A loop, not recursion: "A.-B.-C.-…" may be arbitrarily long.
        loop {
            let (kind, continues) = self.scan_word_part(s);
            if !continues {
                return kind;
            }
        }
    }

    /// Scans a word up to its end, or up to a compound hyphen after a
    /// dotted part ("U.S.-"), in which case it says the word continues.
    fn scan_word_part(&self, s: &mut Scanner<'_>) -> (TokenKind, bool) {
        let start = s.pos.byte;
        if let Some(done) = scan_split_nt(s, start) {
            return done;
        }
        if let Some(done) = scan_split_cannot(s, start) {
            return done;
        }
        let mut all_digits = true;
        let mut has_dot = false;
        let mut segment_len = 0usize; // chars since the last '.' joint
        let mut prev = '\0';
        let mut prev_pos = s.pos;
        while let Some(c) = s.peek() {
            if is_word_char(c) {
                all_digits &= c.is_ascii_digit();
                segment_len += 1;
                prev_pos = s.pos;
                prev = c;
                s.bump(c);
                continue;
            }
            let after = s.pos.byte + c.len_utf8();
            let next = char_at(s.text, after);
            let next_is_word = next.is_some_and(is_word_char);
            let join = if is_joining_hyphen(c) {
                all_digits = false;
                // a hyphen starts a new part: "Mekong-U.S." has initials
                segment_len = 0;
                next_is_word
            } else {
                match c {
                    '.' => {
                        let digits =
                            prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit());
                        let initials = prev.is_alphabetic()
                            && next.is_some_and(char::is_alphabetic)
                            && segment_len <= 2
                            && !all_digits;
                        if initials {
                            has_dot = true;
                        }
                        digits || initials
                    }
                    ',' => {
                        // Thousands: exactly three digits follow.
                        prev.is_ascii_digit() && all_digits && thousands_group(s.bytes, after)
                    }
                    ':' | '/' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                    '&' => prev.is_uppercase() && next.is_some_and(char::is_uppercase),
                    _ if is_apostrophe(c) => {
                        match self.apostrophe_joins(s, start, prev, prev_pos, after, next_is_word) {
                            Apostrophe::Joins => true,
                            Apostrophe::Ends => false,
                            Apostrophe::SplitBeforeN => {
                                s.pos = prev_pos;
                                return (TokenKind::Word, false);
                            }
                        }
                    }
                    _ => false,
                }
            };
            if !join {
                break;
            }
            if c == '.' {
                segment_len = 0;
            }
            s.bump(c);
        }
        if let Some(done) = self.scan_final_stop(s, start, has_dot && prev.is_alphabetic()) {
            return done;
        }
        let kind = if all_digits || starts_numeric(&s.text[start..s.pos.byte]) {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        (kind, false)
    }

    /// What an apostrophe inside a word does: joins a possessive or
    /// contraction suffix that is not a clitic, ends the word before a clitic
    /// ("'s", "'ll"), or splits "don't" before its "n".
    fn apostrophe_joins(
        &self,
        s: &Scanner<'_>,
        start: usize,
        prev: char,
        prev_pos: Pos,
        after: usize,
        next_is_word: bool,
    ) -> Apostrophe {
        if !prev.is_alphabetic() || !next_is_word {
            return Apostrophe::Ends;
        }
        let end = word_end(s.text, after);
        let suffix = &s.text[after..end];
        if suffix.eq_ignore_ascii_case("t") && (prev == 'n' || prev == 'N') {
            // "don't" → "do" + "n't": end before the n, unless the word is
            // only "n".
            return if prev_pos.byte > start {
                Apostrophe::SplitBeforeN
            } else {
                Apostrophe::Ends
            };
        }
        if self
            .lexical
            .words()
            .has_ignore_ascii_case(WordClass::Clitic, suffix)
        {
            Apostrophe::Ends
        } else {
            Apostrophe::Joins
        }
    }

    /// A final stop that belongs to the word: after initials ("U.S."), a
    /// single capital ("J.") or a known abbreviation ("Gen.").
    fn scan_final_stop(
        &self,
        s: &mut Scanner<'_>,
        start: usize,
        dotted: bool,
    ) -> Option<(TokenKind, bool)> {
        if s.peek() != Some('.') || s.byte_at(s.pos.byte + 1) == Some(b'.') {
            return None;
        }
        let word = &s.text[start..s.pos.byte];
        let with_stop = &s.text[start..s.pos.byte + 1];
        let single_initial = {
            let mut chars = word.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
        };
        if !(dotted || single_initial || self.lexical.abbreviation(with_stop).is_some()) {
            return None;
        }
        s.bump('.');
        // "U.S.-Armenia": a compound continues after the stop.
        if let Some(h) = s.peek().filter(|&h| is_joining_hyphen(h)) {
            let after = s.pos.byte + h.len_utf8();
            if char_at(s.text, after).is_some_and(is_word_char) {
                s.bump(h);
                return Some((TokenKind::Word, true));
            }
        }
        Some((TokenKind::Word, false))
    }
}

/// What an apostrophe inside a word does.
enum Apostrophe {
    Joins,
    Ends,
    SplitBeforeN,
}

/// "n't" opens a token only after a split "do|n't"; it is a word of its own
/// when no word character follows.
fn scan_split_nt(s: &mut Scanner<'_>, start: usize) -> Option<(TokenKind, bool)> {
    if !starts_with_nt(s.text, start) {
        return None;
    }
    // "n't", "N'T": an ASCII apostrophe is one byte, '’' three.
    let end = start
        + if s.text.as_bytes().get(start + 1) == Some(&b'\'') {
            3
        } else {
            5
        };
    if char_at(s.text, end).is_some_and(is_word_char) {
        return None;
    }
    s.pos.chr += 3;
    s.pos.byte = end;
    Some((TokenKind::Word, false))
}

/// "cannot" is two words, "can" and "not", as the treebank writes it (UD
/// English splits it like "can't"): as one token the tagger has never
/// seen it and reads a noun, and the negation is lost.
fn scan_split_cannot(s: &mut Scanner<'_>, start: usize) -> Option<(TokenKind, bool)> {
    let word = s.text.get(start..start + 6)?;
    if !word.eq_ignore_ascii_case("cannot") || char_at(s.text, start + 6).is_some_and(is_word_char)
    {
        return None;
    }
    // (only at a word's start: not the end of "Vancannot")
    let before = s.text[..start].chars().next_back();
    if before.is_some_and(|c| is_word_char(c) || is_joining_hyphen(c)) {
        return None;
    }
    for c in word[..3].chars() {
        s.bump(c);
    }
    Some((TokenKind::Word, false))
}

/// Whether a token made of digits and separators ("1,000.5", "10:00").
fn starts_numeric(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b':' | b'/'))
        && word.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

fn starts_with_nt(text: &str, i: usize) -> bool {
    let rest = &text.as_bytes()[i..];
    rest.len() >= 3
        && (rest[0] == b'n' || rest[0] == b'N')
        && (rest[1..].starts_with(b"'t")
            || rest[1..].starts_with(b"'T")
            || rest[1..].starts_with("\u{2019}t".as_bytes())
            || rest[1..].starts_with("\u{2019}T".as_bytes()))
}

/// Exactly three ASCII digits at `i`, not followed by another digit.
fn thousands_group(bytes: &[u8], i: usize) -> bool {
    bytes.len() >= i + 3
        && bytes[i..i + 3].iter().all(u8::is_ascii_digit)
        && !bytes.get(i + 3).is_some_and(u8::is_ascii_digit)
}

/// Byte index where the run of word chars starting at `i` ends.
fn word_end(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    rest.char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(j, _)| i + j)
}

/// URLs and e-mail addresses, which start like words.
fn scan_special_word(s: &mut Scanner<'_>, next_at: Option<usize>) -> Option<TokenKind> {
    let start = s.pos.byte;
    let rest = &s.bytes[start..];
    let first = rest[0].to_ascii_lowercase();
    if matches!(first, b'h' | b'w' | b'f') && is_url_start(rest) {
        let mut end = start;
        for (j, c) in s.text[start..].char_indices() {
            if is_space(c) || matches!(c, '<' | '>' | '"' | '\u{201C}' | '\u{201D}') {
                break;
            }
            end = start + j + c.len_utf8();
        }
        let end = trim_url_end(&s.text[start..end]) + start;
        advance_to(s, end);
        return Some(TokenKind::Url);
    }
    if let Some(at) = next_at {
        if at > start && at - start <= 64 {
            if let Some(end) = email_end(s.bytes, start, at) {
                advance_to(s, end);
                return Some(TokenKind::Email);
            }
        }
    }
    None
}

fn is_url_start(rest: &[u8]) -> bool {
    let lower = |n: usize| -> Vec<u8> { rest.iter().take(n).map(u8::to_ascii_lowercase).collect() };
    let head = lower(8);
    head.starts_with(b"http://")
        || head.starts_with(b"https://")
        || head.starts_with(b"ftp://")
        || (head.starts_with(b"www.") && rest.get(4).is_some_and(u8::is_ascii_alphanumeric))
}

/// Length of a URL once trailing sentence punctuation is dropped; a
/// closing bracket stays when the URL opened one ("…/a_(b)").
fn trim_url_end(url: &str) -> usize {
    let count = |c: char| url.chars().filter(|&x| x == c).count();
    let (open_round, mut close_round) = (count('('), count(')'));
    let (open_square, mut close_square) = (count('['), count(']'));
    let mut end = url.len();
    while let Some(c) = url[..end].chars().next_back() {
        let drop = match c {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '\u{2019}' | '\u{00BB}' => true,
            ')' => open_round < close_round,
            ']' => open_square < close_square,
            _ => false,
        };
        if !drop {
            break;
        }
        match c {
            ')' => close_round -= 1,
            ']' => close_square -= 1,
            _ => {}
        }
        end -= c.len_utf8();
    }
    end
}

/// End of an e-mail address whose local part runs from `start` to the `@`.
fn email_end(bytes: &[u8], start: usize, at: usize) -> Option<usize> {
    let local_ok = bytes[start..at]
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-'));
    if !local_ok {
        return None;
    }
    let mut end = at + 1;
    let mut dots = 0;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii_alphanumeric() || b == b'-' {
            end += 1;
        } else if b == b'.' && bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
            dots += 1;
            end += 1;
        } else {
            break;
        }
    }
    (dots > 0 && end > at + 2).then_some(end)
}

/// Moves over ASCII-or-not text up to byte `end`, counting chars.
fn advance_to(s: &mut Scanner<'_>, end: usize) {
    let piece = &s.text[s.pos.byte..end];
    s.pos.chr += if piece.is_ascii() {
        piece.len()
    } else {
        piece.chars().count()
    };
    s.pos.byte = end;
}
