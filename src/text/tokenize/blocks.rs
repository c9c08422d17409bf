//! The block scanner behind [`for_each_token`](super::for_each_token).
//!
//! The text is read in 64-byte blocks. Each block is classified at once into bit masks (bit `k`
//! describes byte `k`, see [`bytemask`]); non-ASCII characters are then classified one by one
//! (a table lookup for the common punctuation and two-byte letters) so that each of their bytes
//! is known to be part of a word character, a joiner or a separator. From the masks of a block
//! and of the next one (the look-ahead a joiner needs), the bytes inside tokens form a mask `t`
//! whose runs are the tokens; their starts and ends come out of `t` with `trailing_zeros`.
//!
//! Every joiner rule of [`next_token`] is decided from the masks except a `.` between two
//! letters or next to a non-ASCII word character (initialisms, `kremlin.ru`, `a.m.`): such a
//! dot is *slow*, and the character scanner [`next_token`] takes over from the start of the
//! token that reaches it; the block scanner restarts at the end of that token.

use std::sync::OnceLock;

use super::{bytemask, is_word_char, next_token};

/// Masks of one block once its non-ASCII characters are classified.
#[derive(Debug, Clone, Copy, Default)]
struct Block {
    /// Bytes of word characters: ASCII letters and digits, and every byte of a non-ASCII
    /// letter, digit or combining mark.
    word: u64,
    /// `'`, `-`, `.` and `,`.
    joiner: u64,
    /// First bytes of the three-byte joiners `’` (U+2019), `‐` (U+2010) and `‑` (U+2011).
    joiner3: u64,
}

/// What a non-ASCII character is to the scanner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A letter, digit or combining mark.
    Word,
    /// `’`, `‐` or `‑`: joins two word characters.
    Joiner3,
    /// Anything else: a separator.
    Other,
}

/// Word characters among U+0000..U+07FF (the one- and two-byte characters), one bit each.
fn two_byte_words() -> &'static [u64; 32] {
    static TABLE: OnceLock<[u64; 32]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u64; 32];
        for cp in 0x80..0x800u32 {
            if char::from_u32(cp).is_some_and(is_word_char) {
                t[(cp >> 6) as usize] |= 1 << (cp & 63);
            }
        }
        t
    })
}

/// The three-byte joiners among U+2000..U+203F (`E2 80 xx`), bit `xx - 0x80`: U+2010, U+2011,
/// U+2019. No character of that block is a word character (checked by a test).
const GENERAL_PUNCTUATION_JOINERS: u64 = (1 << 0x10) | (1 << 0x11) | (1 << 0x19);

/// Kind and length in bytes of the non-ASCII character whose first byte is `bytes[p]`.
#[inline]
fn kind_at(text: &str, p: usize) -> (Kind, usize) {
    let bytes = text.as_bytes();
    let lead = bytes[p];
    if lead < 0xE0 {
        // Two bytes: U+0080..U+07FF.
        let cp = (u32::from(lead & 0x1F) << 6) | u32::from(bytes[p + 1] & 0x3F);
        let word = two_byte_words()[(cp >> 6) as usize] >> (cp & 63) & 1 != 0;
        return (if word { Kind::Word } else { Kind::Other }, 2);
    }
    if lead == 0xE2 && bytes[p + 1] == 0x80 {
        // U+2000..U+203F: spaces, dashes, quotes, the apostrophe `’`, hyphens.
        let joiner = GENERAL_PUNCTUATION_JOINERS >> (bytes[p + 2] & 0x3F) & 1 != 0;
        return (if joiner { Kind::Joiner3 } else { Kind::Other }, 3);
    }
    let c = text[p..].chars().next().unwrap_or('\0');
    let kind = if is_word_char(c) {
        Kind::Word
    } else {
        Kind::Other
    };
    (kind, c.len_utf8())
}

/// Classify the non-ASCII characters that start in the block at `pos` into `b` (`high` has a
/// bit for every byte of the block from 0x80 up). Bits of a word character that runs past the
/// block go to `spill` (bit `k` = byte `pos + 64 + k`).
#[inline(never)]
fn resolve_high(text: &str, pos: usize, mut high: u64, b: &mut Block, spill: &mut u64) {
    let bytes = text.as_bytes();
    while high != 0 {
        let k = high.trailing_zeros();
        let p = pos + k as usize;
        if let [0xE2, 0x80, x, ..] = bytes[p..] {
            // The general punctuation of news text (curly quotes, dashes, `’`) first: the same
            // as `kind_at`, without building its answer.
            b.joiner3 |= (GENERAL_PUNCTUATION_JOINERS >> (x & 0x3F) & 1) << k;
            high &= !(7 << k);
            continue;
        }
        if bytes[p] < 0xC0 {
            // A continuation byte of a character that started in the previous block (already
            // classified there).
            high &= high - 1;
            continue;
        }
        let (kind, len) = kind_at(text, p);
        let span = (1u64 << len) - 1;
        match kind {
            Kind::Word => {
                b.word |= span << k;
                if k as usize + len > 64 {
                    *spill |= span >> (64 - k);
                }
            }
            Kind::Joiner3 => b.joiner3 |= 1 << k,
            Kind::Other => {}
        }
        high &= !(span << k);
    }
}

/// Classify the block at `pos` (`spill`: bits carried over from the previous block's last
/// character, replaced by this block's).
#[allow(clippy::inline_always)] // inlined into the AVX2 entry point so `classify` inlines too
#[inline(always)]
fn load(
    text: &str,
    pos: usize,
    spill: &mut u64,
    classify: &impl Fn(&[u8], usize) -> bytemask::Masks,
) -> Block {
    if pos >= text.len() {
        return Block::default();
    }
    let m = classify(text.as_bytes(), pos);
    let mut b = Block {
        word: m.word | *spill,
        joiner: m.joiner,
        joiner3: 0,
    };
    *spill = 0;
    if m.high != 0 {
        resolve_high(text, pos, m.high, &mut b, spill);
    }
    b
}

/// The ASCII joiners `candidates` of the block at `pos` (each with a word character on both
/// sides) that join: `'` and `-` always, `.` between ASCII digits, `,` between ASCII digits
/// with exactly three digits after it. Returns them and the *slow* ones: dots that only the
/// character scanner decides (between letters, or next to a non-ASCII character).
#[inline(never)]
fn ascii_joins(bytes: &[u8], pos: usize, mut candidates: u64) -> (u64, u64) {
    let digit = |p: usize| bytes.get(p).is_some_and(u8::is_ascii_digit);
    let (mut joined, mut slow) = (0u64, 0u64);
    while candidates != 0 {
        let k = candidates.trailing_zeros();
        candidates &= candidates - 1;
        let p = pos + k as usize;
        let bit = 1u64 << k;
        match bytes[p] {
            b'.' => {
                let (before, after) = (bytes[p - 1], bytes[p + 1]);
                if before.is_ascii_digit() && after.is_ascii_digit() {
                    joined |= bit;
                } else if before >= 0x80
                    || after >= 0x80
                    || !(before.is_ascii_digit() || after.is_ascii_digit())
                {
                    slow |= bit;
                }
                // Else an ASCII digit and an ASCII letter: never joined.
            }
            b',' => {
                if digit(p - 1) && digit(p + 1) && digit(p + 2) && digit(p + 3) && !digit(p + 4) {
                    joined |= bit;
                }
            }
            _ => joined |= bit, // `'` and `-`
        }
    }
    (joined, slow)
}

/// Call `f(start, end)` for each token of `text`, classifying blocks with `classify` (which
/// must return the masks of `bytemask::classify`).
#[allow(clippy::inline_always)] // compiled inside the AVX2 entry point with AVX2 enabled
#[inline(always)]
pub(super) fn scan(
    text: &str,
    mut f: impl FnMut(usize, usize),
    classify: impl Fn(&[u8], usize) -> bytemask::Masks,
) {
    let bytes = text.as_bytes();
    let n = text.len();
    let mut pos = 0;
    // Each pass of this loop starts at `pos` between two tokens (the start of the text or the
    // end of a token found by `next_token`) and runs to the end of the text or to a slow dot.
    'restart: while pos < n {
        let mut spill = 0u64;
        let mut cur = load(text, pos, &mut spill, &classify);
        // The previous block's word bytes (zero at a restart: no token in progress).
        let mut prev_word = 0u64;
        // Bit 0: the byte before the block is inside a token that started at `pending`.
        let mut carry = 0u64;
        let mut pending = pos;
        // Bits of `’`/`‐`/`‑` joined at the end of the previous block that fall in this one.
        let mut t_spill = 0u64;
        loop {
            let next = load(text, pos + 64, &mut spill, &classify);
            // Word characters before and after each byte.
            let wp = (cur.word << 1) | (prev_word >> 63);
            let wn1 = (cur.word >> 1) | (next.word << 63);
            // Bytes inside tokens: word characters and the joiners that join (see
            // `next_token`).
            let mut t = cur.word | t_spill;
            t_spill = 0;
            let candidates = cur.joiner & wp & wn1;
            let mut slow = 0;
            if candidates != 0 {
                let (joined, s) = ascii_joins(bytes, pos, candidates);
                t |= joined;
                slow = s;
            }
            if cur.joiner3 != 0 {
                let wn3 = (cur.word >> 3) | (next.word << 61);
                let j = cur.joiner3 & wp & wn3;
                t |= j | (j << 1) | (j << 2);
                t_spill = (j >> 63) | (j >> 62);
            }
            let after_t = (t << 1) | carry;
            let starts = t & !after_t;
            let mut ends = !t & after_t;
            // Tokens that end in this block (before the first slow dot).
            let limit = if slow == 0 {
                u64::MAX
            } else {
                (1u64 << slow.trailing_zeros()) - 1
            };
            ends &= limit;
            if carry != 0 && ends != 0 {
                f(pending, pos + ends.trailing_zeros() as usize);
                ends &= ends - 1;
            }
            // (`s_bits` is dead after the loop, so a caller that only counts gets a `popcnt`.)
            let mut s_bits = starts;
            while ends != 0 {
                f(
                    pos + s_bits.trailing_zeros() as usize,
                    pos + ends.trailing_zeros() as usize,
                );
                s_bits &= s_bits - 1;
                ends &= ends - 1;
            }
            if slow != 0 {
                // The token that reaches the slow dot starts at the last start before it, or
                // is the one in progress. The character scanner finds it, and the block
                // scanner restarts at its end.
                let first = slow.trailing_zeros() as usize;
                let from = match starts & limit {
                    0 => {
                        debug_assert!(carry != 0);
                        pending
                    }
                    before => pos + before.ilog2() as usize,
                };
                let mut i = from;
                while i < pos + first {
                    let Some((s, e)) = next_token(text, i) else {
                        return;
                    };
                    f(s, e);
                    i = e;
                }
                pos = i;
                continue 'restart;
            }
            if starts != 0 {
                // The last start of the block: the token in progress if `t` reaches bit 63.
                pending = pos + starts.ilog2() as usize;
            }
            carry = t >> 63;
            prev_word = cur.word;
            cur = next;
            pos += 64;
            if pos >= n {
                if carry != 0 {
                    f(pending, n);
                }
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::{is_apostrophe, is_hyphen};

    #[test]
    fn kinds_agree_with_the_character_rules() {
        let mut text = String::new();
        for c in ('\u{80}'..='\u{FFFF}').chain(['\u{1F600}', '\u{10000}', '\u{1D7D8}']) {
            text.clear();
            text.push(c);
            let (kind, len) = kind_at(&text, 0);
            assert_eq!(len, c.len_utf8(), "{c:?}");
            let expected = if is_word_char(c) {
                Kind::Word
            } else if is_apostrophe(c) || is_hyphen(c) {
                Kind::Joiner3
            } else {
                Kind::Other
            };
            assert_eq!(kind, expected, "{c:?} U+{:04X}", c as u32);
        }
    }
}
