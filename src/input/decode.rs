//! Bytes to text: encoding detection, binary detection, lossy decoding.

/// Why a byte buffer is not a text document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undecodable {
    /// NUL bytes outside a UTF-16 encoding: a binary file.
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
}

/// Decoded text and the warnings decoding produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// What was replaced or guessed.
    pub warnings: Vec<String>,
}

/// Decodes a document's bytes.
///
/// UTF-8 is expected; a UTF-8 byte-order mark is dropped. UTF-16 with a
/// byte-order mark is decoded. Any other NUL byte marks a binary file.
/// Invalid UTF-8 sequences become U+FFFD with a warning, so offsets refer
/// to the decoded text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Undecodable> {
    let mut warnings = Vec::new();
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(decode_utf16(rest, u16::from_le_bytes, "UTF-16LE"));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(decode_utf16(rest, u16::from_be_bytes, "UTF-16BE"));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(offset) = memchr::memchr(0, body) {
        return Err(Undecodable::Binary { offset });
    }
    let (text, warning) = utf8_lossy(body);
    warnings.extend(warning);
    Ok(Decoded {
        text: text.into_owned(),
        warnings,
    })
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

fn decode_utf16(body: &[u8], word: fn([u8; 2]) -> u16, name: &str) -> Decoded {
    let mut warnings = vec![format!("decoded as {name} (byte-order mark)")];
    let units = body.chunks_exact(2).map(|p| word([p[0], p[1]]));
    let mut bad = 0usize;
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                '\u{FFFD}'
            })
        })
        .collect();
    if body.len() % 2 == 1 {
        bad += 1;
    }
    if bad > 0 {
        warnings.push(format!(
            "invalid {name}: {bad} unit(s) replaced with U+FFFD"
        ));
    }
    Decoded { text, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_and_bom_is_dropped() {
        let d = decode("\u{FEFF}Ереван, 24 May".as_bytes()).unwrap();
        assert_eq!(d.text, "Ереван, 24 May");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let d = decode(b"Baku \xFF\xFE talks \xC3").unwrap();
        assert_eq!(d.text, "Baku \u{FFFD}\u{FFFD} talks \u{FFFD}");
        assert_eq!(d.warnings.len(), 1);
        assert!(
            d.warnings[0].contains("3 byte sequence"),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00").unwrap_err(),
            Undecodable::Binary { offset: 4 }
        );
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Kyiv — Київ".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Kyiv — Київ");
        let mut be = vec![0xFE, 0xFF];
        for u in "Oslo".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().text, "Oslo");
    }
}
