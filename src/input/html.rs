//! HTML to text.
//!
//! A small, forgiving converter for scraped press pages: scripts, styles
//! and other non-content elements are dropped; navigation, asides and
//! footers are dropped and reported as removed boilerplate; block elements
//! become line breaks (paragraph-like ones a blank line); whitespace runs
//! collapse as a browser would; character references are decoded. The
//! record's offsets refer to the text made here, which `--include-text`
//! (always on for HTML) puts in the record.

/// What an HTML page yields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlText {
    /// The visible text.
    pub text: String,
    /// The first `<h1>`, else `<title>`.
    pub title: Option<String>,
    /// Text of dropped navigation, aside and footer elements.
    pub removed: Vec<String>,
}

use crate::lexicon::{data_lines, WordMap};

/// Converts an HTML page to text.
pub fn html_to_text(html: &str) -> HtmlText {
    let mut out = Writer::default();
    let mut title_tag: Option<String> = None;
    let mut h1: Option<String> = None;
    let mut h1_start: Option<usize> = None;
    let mut removed = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let end = memchr::memchr(b'<', &bytes[i..]).map_or(bytes.len(), |j| i + j);
            out.text(&html[i..end]);
            i = end;
            continue;
        }
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(bytes.len(), |j| i + j + 3);
            continue;
        }
        let Some(tag) = parse_tag(rest) else {
            // A lone '<' is text.
            out.text("<");
            i += 1;
            continue;
        };
        i += tag.len;
        if tag.closing {
            if tag.name == "h1" {
                if let (Some(start), None) = (h1_start.take(), &h1) {
                    let t = collapse(&out.buf[start.min(out.buf.len())..]);
                    if !t.is_empty() {
                        h1 = Some(t);
                    }
                }
            }
            out.block(&tag.name);
            continue;
        }
        let name = tag.name.as_str();
        if matches!(
            element_class(name),
            Some(ElementClass::Skipped | ElementClass::Chrome)
        ) || name == "title"
        {
            if tag.self_closing {
                continue;
            }
            let (inner, after) = element_content(html, i, name);
            i = after;
            if name == "title" && title_tag.is_none() {
                let t = collapse(&decode_entities(inner));
                if !t.is_empty() {
                    title_tag = Some(t);
                }
            } else if element_class(name) == Some(ElementClass::Chrome) {
                let t = collapse(&strip_tags(inner));
                if !t.is_empty() {
                    removed.push(t);
                }
            }
            continue;
        }
        if name == "h1" && h1.is_none() {
            out.block(name);
            h1_start = Some(out.buf.len());
            continue;
        }
        out.block(name);
    }
    let text = out.finish();
    HtmlText {
        text,
        title: h1.or(title_tag),
        removed,
    }
}

/// Collects text with browser-like whitespace handling.
#[derive(Default)]
struct Writer {
    buf: String,
    pending_space: bool,
}

impl Writer {
    fn text(&mut self, raw: &str) {
        let decoded = decode_entities(raw);
        for c in decoded.chars() {
            if c.is_ascii_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.buf.is_empty() && !self.buf.ends_with('\n') {
                self.buf.push(' ');
            }
            self.pending_space = false;
            self.buf.push(c);
        }
    }

    fn block(&mut self, name: &str) {
        let breaks = if element_class(name) == Some(ElementClass::Paragraph) {
            2
        } else if element_class(name) == Some(ElementClass::Line) {
            1
        } else {
            return;
        };
        self.pending_space = false;
        while self.buf.ends_with(' ') {
            self.buf.pop();
        }
        if self.buf.is_empty() {
            return;
        }
        let have = self.buf.len() - self.buf.trim_end_matches('\n').len();
        for _ in have..breaks {
            self.buf.push('\n');
        }
    }

    fn finish(self) -> String {
        let trimmed = self.buf.trim_end();
        let mut text = trimmed.to_string();
        if !text.is_empty() {
            text.push('\n');
        }
        text
    }
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    /// Bytes from '<' to just after '>'.
    len: usize,
}

/// Parses a tag at the start of `s` (which begins with '<').
fn parse_tag(s: &str) -> Option<Tag> {
    let b = s.as_bytes();
    let mut j = 1;
    let closing = b.get(1) == Some(&b'/');
    if closing {
        j += 1;
    }
    let first = *b.get(j)?;
    if first == b'!' || first == b'?' {
        let end = memchr::memchr(b'>', b)?;
        return Some(Tag {
            name: String::new(),
            closing: false,
            self_closing: true,
            len: end + 1,
        });
    }
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let name_start = j;
    while b
        .get(j)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-')
    {
        j += 1;
    }
    let name = s[name_start..j].to_ascii_lowercase();
    // Skip attributes, honouring quotes.
    let mut quote: Option<u8> = None;
    while let Some(&c) = b.get(j) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => {
                let self_closing = j > 0 && b[j - 1] == b'/';
                return Some(Tag {
                    name,
                    closing,
                    self_closing,
                    len: j + 1,
                });
            }
            None => {}
        }
        j += 1;
    }
    // Unterminated tag: the rest of the page is inside it.
    Some(Tag {
        name,
        closing,
        self_closing: true,
        len: s.len(),
    })
}

/// The raw content of element `name` starting at byte `i`, and the byte
/// after its closing tag (the end of the page if it is never closed).
fn element_content<'h>(html: &'h str, i: usize, name: &str) -> (&'h str, usize) {
    let hay = &html.as_bytes()[i..];
    let found = memchr::memmem::find_iter(hay, b"</").find(|&j| {
        hay.get(j + 2..j + 2 + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
    });
    match found {
        Some(j) => {
            let end_tag = i + j;
            let after = memchr::memchr(b'>', &html.as_bytes()[end_tag..])
                .map_or(html.len(), |k| end_tag + k + 1);
            (&html[i..end_tag], after)
        }
        None => (&html[i..], html.len()),
    }
}

/// The text of a fragment with every tag removed (no recursion, so nested
/// chrome of any depth costs one pass).
fn strip_tags(fragment: &str) -> String {
    let mut out = String::with_capacity(fragment.len());
    let mut rest = fragment;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        out.push(' ');
        rest = rest[lt..].find('>').map_or("", |gt| &rest[lt + gt + 1..]);
    }
    out.push_str(&decode_entities(rest));
    out
}

/// Whitespace runs collapsed to one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes character references (`&amp;`, `&#8220;`, `&#x2014;`).
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match decode_reference(after) {
            Some((c, used)) => {
                if let Some(c) = c {
                    out.push(c);
                }
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// One reference after '&': the char (None for a soft hyphen, which is
/// dropped) and the bytes used.
fn decode_reference(s: &str) -> Option<(Option<char>, usize)> {
    if let Some(num) = s.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (num, 10, 1),
        };
        let len = digits
            .bytes()
            .take_while(|b| (radix == 16 && b.is_ascii_hexdigit()) || b.is_ascii_digit())
            .count();
        if len == 0 {
            return None;
        }
        let value = u32::from_str_radix(&digits[..len.min(8)], radix).unwrap_or(0xFFFD);
        let c = match value {
            0 => '\u{FFFD}',
            0x80..=0x9F => windows_1252(value),
            v => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        let semi = usize::from(digits.as_bytes().get(len) == Some(&b';'));
        return Some((Some(c), skip + len + semi));
    }
    let len = s.bytes().take_while(u8::is_ascii_alphanumeric).count();
    if len == 0 || s.as_bytes().get(len) != Some(&b';') {
        return None;
    }
    let name = &s[..len];
    if name == "shy" {
        return Some((None, len + 1));
    }
    named_entity(name).map(|c| (Some(c), len + 1))
}

/// Numeric references in 0x80–0x9F mean Windows-1252 in practice.
fn windows_1252(v: u32) -> char {
    const TABLE: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    TABLE[(v - 0x80) as usize]
}

fn named_entity(name: &str) -> Option<char> {
    syntax().entities.get(name).copied()
}

/// What the reader knows of HTML, from `models/html.tsv`.
struct HtmlSyntax {
    elements: WordMap<String, ElementClass>,
    entities: WordMap<String, char>,
}

/// How an element shapes the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ElementClass {
    /// Its content is never text.
    Skipped,
    /// Page chrome: dropped and reported.
    Chrome,
    /// A blank line follows it.
    Paragraph,
    /// A line break follows it.
    Line,
}

const HTML_SYNTAX: &str = include_str!("../../models/html.tsv");

/// The embedded HTML tables, read once. The file is checked by a unit
/// test; a malformed line is skipped rather than aborting a batch.
fn syntax() -> &'static HtmlSyntax {
    static SYNTAX: std::sync::OnceLock<HtmlSyntax> = std::sync::OnceLock::new();
    SYNTAX.get_or_init(|| {
        let mut out = HtmlSyntax {
            elements: WordMap::default(),
            entities: WordMap::default(),
        };
        for line in data_lines(HTML_SYNTAX) {
            match line.fields.as_slice() {
                ["element", name, class] => {
                    let class = match *class {
                        "skipped" => ElementClass::Skipped,
                        "chrome" => ElementClass::Chrome,
                        "paragraph" => ElementClass::Paragraph,
                        "line" => ElementClass::Line,
                        _ => continue,
                    };
                    out.elements.insert(name.to_string(), class);
                }
                ["entity", name, code] => {
                    let c = code
                        .strip_prefix("U+")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32);
                    if let Some(c) = c {
                        out.entities.entry(name.to_string()).or_insert(c);
                    }
                }
                _ => {}
            }
        }
        out
    })
}

/// The class of element `name` (lower case), if it has one.
fn element_class(name: &str) -> Option<ElementClass> {
    syntax().elements.get(name).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_tables_are_clean() {
        let data = data_lines(HTML_SYNTAX).count();
        let s = syntax();
        assert_eq!(s.elements.len() + s.entities.len(), data);
        assert_eq!(named_entity("eacute"), Some('é'));
        assert_eq!(named_entity("thinsp"), Some(' '));
        assert_eq!(element_class("nav"), Some(ElementClass::Chrome));
    }

    #[test]
    fn strips_markup_and_keeps_paragraphs() {
        let page = "<!DOCTYPE html><html><head><title>Joint Statement | MFA</title>\
            <style>p{color:red}</style><script>var a = '<p>x</p>';</script></head>\
            <body><nav><a href='/'>Home</a> &gt; <a>News</a></nav>\
            <h1>Joint  Statement</h1><p>The Ministers met in\n  Geneva.</p>\
            <ul><li>First&nbsp;point</li><li>Second &amp; last</li></ul>\
            <footer>&copy; 2024 Ministry</footer></body></html>";
        let h = html_to_text(page);
        assert_eq!(
            h.text,
            "Joint Statement\n\nThe Ministers met in Geneva.\n\nFirst\u{a0}point\nSecond & last\n"
        );
        assert_eq!(h.title.as_deref(), Some("Joint Statement"));
        assert_eq!(h.removed, vec!["Home > News", "© 2024 Ministry"]);
    }

    #[test]
    fn decodes_references() {
        assert_eq!(
            decode_entities("&#8220;Yes&#8221; &#x2014; d&rsquo;Ivoire &eacute; &bogus; &"),
            "“Yes” — d’Ivoire é &bogus; &"
        );
        assert_eq!(
            decode_entities("&#150;&#0;&#99999999999;"),
            "–\u{FFFD}\u{FFFD}"
        );
        assert_eq!(decode_entities("co&shy;operation"), "cooperation");
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for page in [
            "<",
            "<p",
            "<script>never closed",
            "a < b and c > d",
            "<!-- open",
            "</>",
            "<a href=\"x>",
        ] {
            let _ = html_to_text(page);
        }
        assert_eq!(html_to_text("a < b").text, "a < b\n");
    }

    #[test]
    fn deeply_nested_chrome_is_one_pass() {
        let page = "<nav><footer><aside>".repeat(50_000) + "x";
        let h = html_to_text(&page);
        assert_eq!(h.removed, vec!["x"]);
        assert_eq!(h.text, "");
    }

    #[test]
    fn title_falls_back_to_title_element() {
        let h = html_to_text("<title> Readout </title><p>Text.</p>");
        assert_eq!(h.title.as_deref(), Some("Readout"));
        assert_eq!(h.text, "Text.\n");
    }
}
