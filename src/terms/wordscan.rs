//! The default token pattern's scanner: maximal runs of Python `\w` characters, 64 bytes at a
//! time.
//!
//! A block of 64 bytes becomes two bit masks (bit `k` is byte `k`): ASCII word bytes (letters,
//! digits, `_`) and bytes >= 0x80. A block without a byte >= 0x80 is scanned from its word
//! mask alone: the set bits of `word ^ (word << 1 | carry)` are exactly the starts and ends of
//! runs, visited with `trailing_zeros`. A block with a non-ASCII byte is scanned character by
//! character with Python's exact `\w` table ([`pyunicode::is_word`]), so the result is the same
//! as the character loop everywhere. On x86-64 the masks take a few SSE2 compares per 16 bytes
//! (SSE2 is part of the x86-64 baseline, so there is no runtime detection); elsewhere a byte
//! table fills them.

use super::pyunicode;

/// Class of each byte: 1 for ASCII word bytes, 2 for bytes >= 0x80.
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() || b == b'_' {
            1
        } else if b >= 0x80 {
            2
        } else {
            0
        };
        i += 1;
    }
    t
};

/// `(word, high)` masks of `bytes[pos..pos + 64]`; past the end the block reads as zero bytes
/// (not word bytes).
#[inline]
fn masks(bytes: &[u8], pos: usize) -> (u64, u64) {
    if let Some(block) = bytes.get(pos..pos + 64) {
        masks_block(block.try_into().expect("64 bytes"))
    } else {
        let mut block = [0u8; 64];
        let rest = &bytes[pos.min(bytes.len())..];
        block[..rest.len().min(64)].copy_from_slice(&rest[..rest.len().min(64)]);
        masks_block(&block)
    }
}

#[cfg(target_arch = "x86_64")]
#[allow(clippy::cast_ptr_alignment)] // `loadu` reads unaligned memory
#[inline]
fn masks_block(block: &[u8; 64]) -> (u64, u64) {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    use crate::text::bytemask::ascii_alnum_sse2;
    let (mut word, mut high) = (0u64, 0u64);
    // SAFETY: SSE2 is enabled on every x86-64 target, and each load reads 16 bytes inside
    // `block` (offsets 0, 16, 32, 48 of a 64-byte array; `loadu` has no alignment needs).
    unsafe {
        let underscore = _mm_set1_epi8(b'_' as i8);
        for k in 0..4 {
            let v = _mm_loadu_si128(block.as_ptr().add(16 * k).cast::<__m128i>());
            let w = _mm_or_si128(ascii_alnum_sse2(v), _mm_cmpeq_epi8(v, underscore));
            word |= u64::from(_mm_movemask_epi8(w) as u16) << (16 * k);
            high |= u64::from(_mm_movemask_epi8(v) as u16) << (16 * k);
        }
    }
    (word, high)
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn masks_block(block: &[u8; 64]) -> (u64, u64) {
    masks_table(block)
}

#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn masks_table(block: &[u8; 64]) -> (u64, u64) {
    let (mut word, mut high) = (0u64, 0u64);
    for (k, &b) in block.iter().enumerate() {
        let c = CLASS[b as usize];
        word |= u64::from(c & 1) << k;
        high |= u64::from(c >> 1) << k;
    }
    (word, high)
}

/// No run open.
const NO_RUN: usize = usize::MAX;

/// Maximal runs of Python `\w` characters with at least `min_chars` code points, in order
/// (scikit-learn's `(?u)\b\w{k,}\b` with `k = min_chars`).
#[inline]
pub fn word_runs<'t>(text: &'t str, min_chars: usize, mut f: impl FnMut(&'t str)) {
    word_spans(text, min_chars, |s, e| f(&text[s..e]));
}

/// [`word_runs`] as byte spans `(start, end)` of `text` (both on character boundaries).
#[inline]
pub fn word_spans(text: &str, min_chars: usize, mut f: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // The open run's first byte (or NO_RUN) and how many more bytes than characters it has.
    let mut start = NO_RUN;
    let mut extra = 0usize;
    let mut emit = |s: usize, e: usize, extra: usize| {
        if e - s - extra >= min_chars {
            f(s, e);
        }
    };
    let mut pos = 0;
    while pos < n {
        let (word, high) = masks(bytes, pos);
        if high == 0 {
            // Bit k of `edges`: byte k starts a run (a word byte) or ends one (not a word byte).
            let mut edges = word ^ ((word << 1) | u64::from(start != NO_RUN));
            while edges != 0 {
                let k = edges.trailing_zeros() as usize;
                edges &= edges - 1;
                if (word >> k) & 1 == 1 {
                    start = pos + k;
                    extra = 0;
                } else {
                    emit(start, pos + k, extra);
                    start = NO_RUN;
                }
            }
            // Past the end the block reads as non-word bytes, so a run open at `n` was ended.
            pos += 64;
        } else {
            // The characters that start in this block, one by one.
            let lim = (pos + 64).min(n);
            while pos < lim {
                let b = bytes[pos];
                let (is_word, len) = if b < 0x80 {
                    (CLASS[b as usize] == 1, 1)
                } else {
                    let c = text[pos..].chars().next().unwrap_or('\0');
                    (pyunicode::is_word(c), c.len_utf8())
                };
                if is_word {
                    if start == NO_RUN {
                        start = pos;
                        extra = 0;
                    }
                    extra += len - 1;
                } else if start != NO_RUN {
                    emit(start, pos, extra);
                    start = NO_RUN;
                }
                pos += len;
            }
        }
    }
    if start != NO_RUN {
        emit(start, n, extra);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The character-by-character definition.
    fn reference(text: &str, min_chars: usize) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut chars = 0;
        for (i, c) in text.char_indices() {
            if pyunicode::is_word(c) {
                start.get_or_insert(i);
                chars += 1;
            } else if let Some(s) = start.take() {
                if chars >= min_chars {
                    out.push(&text[s..i]);
                }
                chars = 0;
            }
        }
        if let Some(s) = start {
            if chars >= min_chars {
                out.push(&text[s..]);
            }
        }
        out
    }

    fn scanned(text: &str, min_chars: usize) -> Vec<&str> {
        let mut v = Vec::new();
        word_runs(text, min_chars, |t| v.push(t));
        v
    }

    /// Pieces that exercise every class: ASCII words, digits, `_`, separators, accented and
    /// non-Latin letters, combining marks (not `\w`), superscripts (`\w`), non-ASCII spaces.
    const PIECES: &[&str] = &[
        "a",
        "Zq",
        "the",
        "9",
        "_",
        " ",
        ", ",
        ".",
        "-",
        "\n",
        "é",
        "e\u{301}",
        "²",
        "ß",
        "Ω",
        "中文",
        "\u{93E}",
        "\u{3000}",
        "\u{a0}",
        "😀",
        "x_1",
        "ab\u{200B}cd",
        "\u{10400}",
    ];

    proptest! {
        #[test]
        fn matches_character_loop(picks in proptest::collection::vec(0usize..PIECES.len(), 0..120),
                                  pad in 0usize..70, k in 1usize..4) {
            let mut text = "w".repeat(pad);
            for p in picks {
                text.push_str(PIECES[p]);
            }
            prop_assert_eq!(scanned(&text, k), reference(&text, k));
        }

        #[test]
        fn ascii_bytes(bytes in proptest::collection::vec(32u8..127, 0..300)) {
            let text = String::from_utf8(bytes).unwrap();
            prop_assert_eq!(scanned(&text, 2), reference(&text, 2));
        }

        #[test]
        fn simd_matches_table(bytes in proptest::collection::vec(any::<u8>(), 64)) {
            let block: [u8; 64] = bytes.try_into().unwrap();
            prop_assert_eq!(masks_block(&block), masks_table(&block));
        }
    }

    #[test]
    fn block_edges() {
        for len in [1, 2, 62, 63, 64, 65, 66, 127, 128, 129, 200] {
            for tail in ["", " ", "é", "é ", " ab", "\u{301}b", "ab"] {
                for head in ["", " ", "é"] {
                    let text = format!("{head}{}{tail} cd", "a".repeat(len));
                    assert_eq!(scanned(&text, 2), reference(&text, 2), "{text:?}");
                    let text = format!("{head}{} {tail}", "x y".repeat(len));
                    assert_eq!(scanned(&text, 1), reference(&text, 1), "{text:?}");
                }
            }
        }
        assert!(scanned("", 2).is_empty());
        assert_eq!(
            scanned("a bb c_d é\u{301}x 12 x²", 2),
            ["bb", "c_d", "12", "x²"]
        );
    }
}
