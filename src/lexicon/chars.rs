//! Character classes shared by the input reader, the tokenizer and the
//! sentence splitter.

/// Letters, digits and combining marks: the stuff words are made of.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining(c) || c == '\u{200C}' || c == '\u{200D}'
}

/// Combining marks (general category M) of the common scripts.
#[inline]
pub fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{05BF}'..='\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}'
        | '\u{0951}'..='\u{0957}'
        | '\u{0962}'..='\u{0963}'
        | '\u{0E31}'
        | '\u{0E34}'..='\u{0E3A}'
        | '\u{0E47}'..='\u{0E4E}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Whitespace, including the zero-width space and the BOM scraped pages carry.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' || c == '\u{2060}'
}

/// Line breaks: LF, a CR not followed by LF, NEL, LS and PS.
#[inline]
pub fn is_newline(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

/// Hyphens that join the parts of a compound ("44-day", "five‑month‑long").
#[inline]
pub fn is_joining_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Apostrophes: straight and typographic.
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Punctuation that closes a sentence.
#[inline]
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '\u{2026}' | '\u{203C}' | '\u{2047}' | '\u{2048}' | '\u{2049}'
    )
}

/// Quotes and brackets that may close a sentence after its final stop.
#[inline]
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '\u{2019}' | '\u{201D}' | '\u{00BB}' | '\u{203A}'
    )
}

/// Quotes and brackets that may open a sentence.
#[inline]
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '\u{2018}' | '\u{201C}' | '\u{00AB}' | '\u{2039}'
    )
}

/// Punctuation (as opposed to other symbols).
#[inline]
pub fn is_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '\''
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '-'
            | '/'
            | '\\'
    ) || matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{00AB}' | '\u{00BB}' | '\u{00A1}' | '\u{00BF}' | '\u{3001}' | '\u{3002}')
}
