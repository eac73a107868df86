//! The token view: the forms every stage compares words by, computed once
//! by the `tokens` stage and shared by all later stages (no stage builds
//! its own lower-cased copy of the tokens).
//!
//! Three forms per token: `lower` (lower-cased), `norm` (lower-cased, with
//! typographic apostrophes `’` `‘` read as `'`: the form patterns and
//! titles match) and `raw` (original case, `’` read as `'`). A form equal
//! to the token's own text is not stored again; the others share one
//! buffer, so the view costs one allocation per document, not per token.

use super::{Doc, Token};

/// Where one form of a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Form {
    /// The token's own text.
    #[default]
    Same,
    /// A byte range of [`TokenView::buf`].
    At(u32, u32),
}

/// The three forms of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Forms {
    lower: Form,
    norm: Form,
    raw: Form,
}

/// Lower-cased and normalised forms of every token (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TokenView {
    forms: Vec<Forms>,
    buf: String,
}

/// Which form of a token to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// Lower-cased.
    Lower,
    /// Lower-cased, typographic apostrophes read as `'`.
    Norm,
    /// Original case, `’` read as `'`.
    Raw,
}

impl TokenView {
    /// The forms of `tokens` over `text`.
    pub fn new(text: &str, tokens: &[Token]) -> TokenView {
        let mut view = TokenView {
            forms: Vec::with_capacity(tokens.len()),
            buf: String::new(),
        };
        for t in tokens {
            let word = &text[t.span.bytes()];
            let forms = view.forms_of(word);
            view.forms.push(forms);
        }
        view
    }

    /// The forms of one word. Most tokens are ASCII: lower-case ones need
    /// nothing stored, capitalised ones one lower-cased copy (shared by
    /// `lower` and `norm`); only other tokens take the general path.
    fn forms_of(&mut self, word: &str) -> Forms {
        if word.is_ascii() {
            if !word.bytes().any(|b| b.is_ascii_uppercase()) {
                return Forms::default();
            }
            let start = self.buf.len();
            self.buf
                .extend(word.chars().map(|c| c.to_ascii_lowercase()));
            let lower = Form::At(start as u32, self.buf.len() as u32);
            return Forms {
                lower,
                norm: lower,
                raw: Form::Same,
            };
        }
        let lower = crate::lexicon::lower(word);
        let lower_form = self.store(word, &lower);
        let norm_form = if lower.contains(['\u{2019}', '\u{2018}']) {
            self.store(word, &lower.replace(['\u{2019}', '\u{2018}'], "'"))
        } else {
            lower_form
        };
        let raw_form = if word.contains('\u{2019}') {
            self.store(word, &word.replace('\u{2019}', "'"))
        } else {
            Form::Same
        };
        Forms {
            lower: lower_form,
            norm: norm_form,
            raw: raw_form,
        }
    }

    fn store(&mut self, word: &str, form: &str) -> Form {
        if form == word {
            return Form::Same;
        }
        let start = self.buf.len();
        self.buf.push_str(form);
        // Offsets fit u32: documents are capped far below 4 GiB.
        Form::At(start as u32, self.buf.len() as u32)
    }

    fn form<'a>(&'a self, word: &'a str, i: usize, kind: FormKind) -> &'a str {
        let Some(f) = self.forms.get(i) else {
            return word;
        };
        let form = match kind {
            FormKind::Lower => f.lower,
            FormKind::Norm => f.norm,
            FormKind::Raw => f.raw,
        };
        match form {
            Form::Same => word,
            Form::At(s, e) => self.buf.get(s as usize..e as usize).unwrap_or(word),
        }
    }
}

/// A sequence of words to match patterns against: a slice of strings, or
/// one form of a document's tokens ([`Doc::words`]).
pub trait Words {
    /// How many words.
    fn len(&self) -> usize;
    /// Word `i` (empty past the end).
    fn word(&self, i: usize) -> &str;
    /// Whether there are none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<S: AsRef<str>> Words for [S] {
    fn len(&self) -> usize {
        <[S]>::len(self)
    }
    fn word(&self, i: usize) -> &str {
        self.get(i).map_or("", AsRef::as_ref)
    }
}

impl<S: AsRef<str>> Words for Vec<S> {
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn word(&self, i: usize) -> &str {
        self.get(i).map_or("", AsRef::as_ref)
    }
}

/// One form of a document's tokens, as [`Words`].
#[derive(Clone, Copy)]
pub struct DocWords<'a> {
    doc: &'a Doc,
    kind: FormKind,
}

impl Words for DocWords<'_> {
    fn len(&self) -> usize {
        self.doc.tokens.len()
    }
    fn word(&self, i: usize) -> &str {
        self.doc.form(i, self.kind)
    }
}

impl Doc {
    /// Sets the tokens and computes their view (the `tokens` stage).
    pub fn set_tokens(&mut self, tokens: Vec<Token>) {
        self.view = TokenView::new(self.text(), &tokens);
        self.tokens = tokens;
    }

    /// Token `i` in the given form ("" past the end).
    pub fn form(&self, i: usize, kind: FormKind) -> &str {
        let Some(t) = self.tokens.get(i) else {
            return "";
        };
        let word = &self.text()[t.span.bytes()];
        self.view.form(word, i, kind)
    }

    /// Token `i` lower-cased.
    pub fn lower(&self, i: usize) -> &str {
        self.form(i, FormKind::Lower)
    }

    /// Token `i` lower-cased, typographic apostrophes read as `'`.
    pub fn norm(&self, i: usize) -> &str {
        self.form(i, FormKind::Norm)
    }

    /// Token `i` in its own case, `’` read as `'`.
    pub fn raw(&self, i: usize) -> &str {
        self.form(i, FormKind::Raw)
    }

    /// All tokens in one form, as [`Words`].
    pub fn words(&self, kind: FormKind) -> DocWords<'_> {
        DocWords { doc: self, kind }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::DocInfo;
    use crate::text::{Lexical, Tokenizer};

    #[test]
    fn forms_are_computed_once_and_read_back() {
        let text = "Türkiye’s Minister DON’T ‘quote’ plain";
        let mut doc = Doc::new(DocInfo::default(), text.to_string());
        doc.set_tokens(Tokenizer::new(Lexical::embedded()).tokenize(text, &[]));
        let all = |k| {
            (0..doc.tokens.len())
                .map(|i| doc.form(i, k).to_string())
                .collect::<Vec<_>>()
        };
        let tokens: Vec<_> = (0..doc.tokens.len())
            .map(|i| doc.token_text(i).to_string())
            .collect();
        for (i, t) in tokens.iter().enumerate() {
            assert_eq!(doc.lower(i), t.to_lowercase());
            assert_eq!(doc.norm(i), t.to_lowercase().replace(['’', '‘'], "'"));
            assert_eq!(doc.raw(i), t.replace('’', "'"));
        }
        assert!(all(FormKind::Norm).join(" ").contains("'s"));
        assert_eq!(doc.words(FormKind::Lower).len(), tokens.len());
        assert_eq!(doc.words(FormKind::Lower).word(tokens.len()), "");
    }
}
