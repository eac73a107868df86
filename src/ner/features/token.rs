//! Per-token attributes that depend on the word alone: hashes, shape, affixes, flags.

use super::*;

/// Token flag ([`TokAttr::flags`]): first character is upper-case.
pub const F_INITCAP: u32 = 1;
/// Token flag: has upper-case letters and no lower-case ones.
pub const F_ALLCAP: u32 = 2;
/// Token flag: has lower-case letters and no upper-case ones.
pub const F_ALLLOWER: u32 = 4;
/// Token flag: contains a digit.
pub const F_HASDIGIT: u32 = 8;
/// Token flag: digits only.
pub const F_ALLDIGIT: u32 = 16;
/// Token flag: contains `-`.
pub const F_HYPHEN: u32 = 32;
/// Token flag: contains `.`.
pub const F_PERIOD: u32 = 64;
/// Token flag: contains `'`.
pub const F_APOS: u32 = 128;
/// Token flag: no cased letter and no digit.
pub const F_NOALNUM: u32 = 256;
/// Token flag: an upper-case letter after the first character, and some lower-case.
pub const F_INNERCAP: u32 = 512;
/// Token flag: contains a cased (upper- or lower-case) letter.
pub const F_ALPHA: u32 = 1024;

/// Per-token attributes, computed once per document and shared by all feature
/// templates. Hashes are 0 where absent.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokAttr {
    /// Hash of the word as written.
    pub w: u64,
    /// Hash of the lower-cased word ([`lower_hash`]).
    pub lw: u64,
    /// Word shape: character classes (`X` upper, `x` lower, `d` digit, other ASCII
    /// characters as themselves, anything else `?`), runs capped at 4.
    pub shape: u64,
    /// Compressed shape: one class per run.
    pub cshape: u64,
    /// Hashes of the 1- to 4-character prefixes of the lower-cased word.
    pub pre: [u64; 4],
    /// Hashes of the 1- to 4-character suffixes of the lower-cased word (a suffix as long as
    /// the word is left 0).
    pub suf: [u64; 4],
    /// Hashed cluster ids at the 3 granularities: a fixed "unknown" hash for words not in
    /// the clusters, 0 for a missing id or when the cluster feature is off.
    pub cl: [u64; 3],
    /// `F_*` flags.
    pub flags: u32,
    /// Length bucket in characters: 0-4 as is, 5 for 5-6, 6 for 7-9, 7 for longer.
    pub lenb: u8,
    /// Document-casing code (see `doc_case`): 0 none seen elsewhere, 1 capitalised only,
    /// 2 lower-case only, 3 both; +4 at an unreliable position; 8 for tokens without letters
    /// (0 when the feature is off).
    pub doccase: u8,
    /// Learned-gazetteer bits: 4 per entity type (B, I, L, U at bits `4t..4t+3`).
    pub gaz: u32,
    /// External-gazetteer bitmask from the [`GazetteerLookup`].
    pub ext: u32,
    /// auxiliary tagger label + 1 (0 = none / padding)
    pub aux: u8,
}

pub(super) fn pad_attr(side: u64) -> TokAttr {
    let h = mix(0xAD00 + side);
    TokAttr {
        w: h,
        lw: h,
        shape: h,
        cshape: h,
        pre: [0; 4],
        suf: [0; 4],
        cl: [h; 3],
        flags: 0,
        lenb: 0,
        doccase: 7,
        gaz: 0,
        ext: 0,
        aux: 0,
    }
}

#[inline]
fn char_class(c: char) -> u8 {
    if c.is_uppercase() {
        b'X'
    } else if c.is_lowercase() {
        b'x'
    } else if c.is_numeric() {
        b'd'
    } else if c.is_ascii() {
        c as u8
    } else {
        b'?'
    }
}

/// Lower-case hash of a word (used as the key of gazetteer, clusters, doc statistics).
pub fn lower_hash(word: &str, buf: &mut String) -> u64 {
    buf.clear();
    if word.is_ascii() {
        buf.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        buf.push_str(&word.to_lowercase());
    }
    fnv(buf.as_bytes())
}

/// Attributes of one word that depend on the word alone (hashes, shapes, affixes,
/// flags, length bucket); `buf` is scratch space. The document-dependent fields are left
/// at their defaults.
pub fn token_attr(word: &str, buf: &mut String) -> TokAttr {
    let mut a = TokAttr {
        w: fnv(word.as_bytes()),
        lw: lower_hash(word, buf),
        ..Default::default()
    };
    // prefixes / suffixes of the lower-cased form, by chars
    let lower = buf.as_str();
    let mut n_chars = 0usize;
    for (k, (i, c)) in lower.char_indices().enumerate() {
        n_chars = k + 1;
        if k < 4 {
            a.pre[k] = fnv(&lower.as_bytes()[..i + c.len_utf8()]);
        }
    }
    for (k, (i, _)) in lower.char_indices().rev().enumerate() {
        if k >= 4 {
            break;
        }
        if k + 1 < n_chars {
            a.suf[k] = fnv(&lower.as_bytes()[i..]);
        }
    }
    // shapes and flags
    let mut sh = 0xcbf2_9ce4_8422_2325u64;
    let mut csh = sh;
    let mut last = 0u8;
    let mut run = 0usize;
    let (mut up, mut low, mut dig, mut other) = (0usize, 0usize, 0usize, 0usize);
    let mut first_up = false;
    let mut inner_up = false;
    for (k, c) in word.chars().enumerate() {
        let cc = char_class(c);
        match cc {
            b'X' => {
                up += 1;
                if k == 0 {
                    first_up = true;
                } else {
                    inner_up = true;
                }
            }
            b'x' => low += 1,
            b'd' => dig += 1,
            _ => {
                other += 1;
                match c {
                    '-' => a.flags |= F_HYPHEN,
                    '.' => a.flags |= F_PERIOD,
                    '\'' => a.flags |= F_APOS,
                    _ => {}
                }
            }
        }
        if cc == last {
            run += 1;
        } else {
            run = 1;
            csh = (csh ^ cc as u64).wrapping_mul(0x0100_0000_01b3);
        }
        if run <= 4 {
            sh = (sh ^ cc as u64).wrapping_mul(0x0100_0000_01b3);
        }
        last = cc;
    }
    a.shape = mix(sh);
    a.cshape = mix(csh ^ 0x77);
    if first_up {
        a.flags |= F_INITCAP;
    }
    if up > 0 && low == 0 {
        a.flags |= F_ALLCAP;
    }
    if low > 0 && up == 0 {
        a.flags |= F_ALLLOWER;
    }
    if dig > 0 {
        a.flags |= F_HASDIGIT;
    }
    if dig > 0 && up + low + other == 0 {
        a.flags |= F_ALLDIGIT;
    }
    if up + low + dig == 0 {
        a.flags |= F_NOALNUM;
    }
    if inner_up && low > 0 {
        a.flags |= F_INNERCAP;
    }
    if up + low > 0 {
        a.flags |= F_ALPHA;
    }
    a.lenb = match n_chars {
        0..=4 => n_chars as u8,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    };
    a
}
