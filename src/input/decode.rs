//! Bytes to text: encoding detection, binary detection, lossy decoding.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Why a byte buffer is not a text document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undecodable {
    /// NUL bytes outside a UTF-16 encoding: a binary file.
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
}

/// Decoded text, the encoding it was decoded from, and the warnings
/// decoding produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding's WHATWG name (`UTF-8`, `UTF-16LE`, `windows-1252`, …).
    pub encoding: &'static str,
    /// What was replaced or guessed.
    pub warnings: Vec<String>,
}

/// Decodes a document's bytes.
///
/// A byte-order mark decides first (UTF-8, UTF-16LE, UTF-16BE), then a
/// forced encoding (`--encoding`). Otherwise UTF-8 is expected: valid UTF-8
/// is taken as it is, and so is text with some valid multi-byte sequences
/// (its invalid bytes become U+FFFD with a warning). Text whose non-ASCII
/// bytes are all invalid UTF-8 is a legacy encoding: `charset` in an HTML
/// page's head names it, else it is detected (`chardetng`), with a warning.
/// A NUL byte outside UTF-16 marks a binary file.
pub fn decode(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
    html: bool,
) -> Result<Decoded, Undecodable> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = &bytes[bom_len..];
        if encoding == UTF_8 {
            return utf8_or_legacy(rest, forced, html);
        }
        let mut d = decode_with(rest, encoding);
        d.warnings.insert(
            0,
            format!("decoded as {} (byte-order mark)", encoding.name()),
        );
        return Ok(d);
    }
    utf8_or_legacy(bytes, forced, html)
}

fn utf8_or_legacy(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
    html: bool,
) -> Result<Decoded, Undecodable> {
    if let Some(encoding) = forced.filter(|e| *e == UTF_16LE || *e == UTF_16BE) {
        return Ok(decode_with(bytes, encoding));
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(Undecodable::Binary { offset });
    }
    if let Some(encoding) = forced {
        return Ok(decode_with(bytes, encoding));
    }
    if std::str::from_utf8(bytes).is_err() && !has_valid_multibyte_utf8(bytes) {
        let (encoding, how) = match html.then(|| html_charset(bytes)).flatten() {
            Some(e) => (e, "the page's charset"),
            None => (detect(bytes), "detected"),
        };
        if encoding != UTF_8 {
            let mut d = decode_with(bytes, encoding);
            d.warnings.insert(
                0,
                format!(
                    "not UTF-8: decoded as {} ({how}); offsets refer to the decoded text",
                    encoding.name()
                ),
            );
            return Ok(d);
        }
    }
    let (text, warning) = utf8_lossy(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding: UTF_8.name(),
        warnings: warning.into_iter().collect(),
    })
}

/// Decodes with one encoding; malformed sequences become U+FFFD with a
/// warning.
fn decode_with(bytes: &[u8], encoding: &'static Encoding) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut warnings = Vec::new();
    if had_errors {
        let replaced = text.matches('\u{FFFD}').count();
        warnings.push(format!(
            "invalid {}: {replaced} sequence(s) replaced with U+FFFD; offsets refer to the decoded text",
            encoding.name()
        ));
    }
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        warnings,
    }
}

/// Whether the bytes hold at least one well-formed multi-byte UTF-8
/// sequence: then they are UTF-8 with some damage, not a legacy encoding.
fn has_valid_multibyte_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => return !s.is_ascii(),
            Err(e) => {
                let (good, _) = rest.split_at(e.valid_up_to());
                if !good.is_ascii() {
                    return true;
                }
                let skip = e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                rest = &rest[skip..];
            }
        }
    }
}

/// The legacy encoding `chardetng` guesses for the bytes.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, false)
}

/// The encoding an HTML page declares (`<meta charset=…>` or
/// `content="…; charset=…"`) in its first 1024 bytes, as browsers look.
fn html_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

/// UTF-8 text with invalid sequences replaced by U+FFFD, and the warning
/// that says so (`None` when the bytes were valid UTF-8).
pub fn utf8_lossy(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, Option<String>) {
    let text = String::from_utf8_lossy(bytes);
    if let std::borrow::Cow::Borrowed(_) = text {
        return (text, None);
    }
    let replaced = text.matches('\u{FFFD}').count() - count_real_replacement_chars(bytes);
    let warning = format!(
        "invalid UTF-8: {replaced} byte sequence(s) replaced with U+FFFD; offsets refer to the decoded text"
    );
    (text, Some(warning))
}

/// U+FFFD characters that were already in valid parts of the input.
fn count_real_replacement_chars(bytes: &[u8]) -> usize {
    memchr::memmem::find_iter(bytes, "\u{FFFD}".as_bytes()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(bytes: &[u8]) -> Decoded {
        decode(bytes, None, false).unwrap()
    }

    #[test]
    fn utf8_passes_through_and_bom_is_dropped() {
        let d = auto("\u{FEFF}Ереван, 24 May".as_bytes());
        assert_eq!(d.text, "Ереван, 24 May");
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        // Valid multi-byte UTF-8 ("ı") marks damaged UTF-8, not a legacy
        // encoding.
        let d = auto(b"Bak\xC4\xB1 \xFF\xFE talks \xC3");
        assert_eq!(d.text, "Bakı \u{FFFD}\u{FFFD} talks \u{FFFD}");
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.warnings.len(), 1);
        assert!(
            d.warnings[0].contains("3 byte sequence"),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn damaged_utf8_with_valid_multibyte_text_stays_utf8() {
        let d = auto(b"Caf\xC3\xA9 in Bak\xC4\xB1, then \xE9");
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, "Café in Bakı, then \u{FFFD}");
    }

    #[test]
    fn latin1_text_is_detected_and_decoded() {
        let d = auto(b"The Minister met the staff of the Caf\xE9 de la Paix in Gen\xE8ve.");
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(
            d.text,
            "The Minister met the staff of the Café de la Paix in Genève."
        );
        assert!(d.warnings[0].starts_with("not UTF-8: decoded as windows-1252 (detected)"));
    }

    #[test]
    fn an_html_charset_decides_for_a_page() {
        let page =
            b"<html><head><meta charset=\"iso-8859-2\"></head><body>\xA3\xF3d\xBC</body></html>";
        let d = decode(page, None, true).unwrap();
        assert_eq!(d.encoding, "ISO-8859-2");
        assert!(d.text.contains("Łódź"), "{}", d.text);
    }

    #[test]
    fn a_forced_encoding_is_used() {
        let latin1 = Encoding::for_label(b"latin1");
        let d = decode(b"Caf\xE9", latin1, false).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Café", "windows-1252"));
        assert!(d.warnings.is_empty());
        // Forced UTF-16 without a byte-order mark: NUL bytes are text.
        let d = decode(b"O\0s\0l\0o\0", Some(UTF_16LE), false).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Oslo", "UTF-16LE"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00", None, false).unwrap_err(),
            Undecodable::Binary { offset: 4 }
        );
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Kyiv — Київ".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = auto(&bytes);
        assert_eq!(d.text, "Kyiv — Київ");
        assert_eq!(d.encoding, "UTF-16LE");
        let mut be = vec![0xFE, 0xFF];
        for u in "Oslo".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        let d = auto(&be);
        assert_eq!((d.text.as_str(), d.encoding), ("Oslo", "UTF-16BE"));
    }
}
