//! Word shingles: normalised tokens hashed with a fixed, seeded 64-bit hash.
//!
//! * Tokens come from [`crate::text::for_each_token`] and are normalised like
//!   [`crate::text::Tokenizer`] with default options: lower-cased, curly and straight apostrophes
//!   and hyphens folded (`Russia’s` and `russia's` are the same token).
//! * Each token is hashed with [`hash_bytes`], a fixed-key multiply-rotate hash with a murmur3
//!   finaliser. It does not depend on the process, the run or the platform (little-endian reads
//!   everywhere), so signatures and serialised indexes are portable. It is not `std`'s
//!   randomised `RandomState`.
//! * A shingle is `n` consecutive tokens; its hash combines the token hashes in order.
//! * **Short documents**: a document with at least one token but fewer than `n` tokens has one
//!   shingle, its whole token sequence (hashed with its length, so it never collides with a
//!   full-length shingle by construction). An empty document has no shingles. Similarities that
//!   involve an empty shingle set are 0 (never NaN): there is no text to share.

use crate::text::{for_each_token, TokenizeOptions, Tokenizer};

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;
const SEED: u64 = 0x5052_4553_534C_454E; // "PRESSLEN"

/// murmur3's 64-bit finaliser.
#[inline]
pub fn mix64(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    x ^= x >> 33;
    x = x.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    x ^= x >> 33;
    x
}

/// Deterministic 64-bit hash of bytes (same value on every run and platform).
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = SEED ^ (bytes.len() as u64).wrapping_mul(K1);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ v).wrapping_mul(K1).rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(buf))
            .wrapping_mul(K2)
            .rotate_left(31);
    }
    mix64(h)
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// ASCII lower-casing of the 8 bytes of `v` at once (bytes `>= 0x80` give garbage; callers
/// reject them).
#[inline]
fn lower8(v: u64) -> u64 {
    let x = v & (0x7F * ONES);
    // High bit of each byte: byte >= b'A', and byte > b'Z' (no carries: x bytes are < 0x80).
    let ge_a = x + (0x80 - u64::from(b'A')) * ONES;
    let gt_z = x + (0x80 - u64::from(b'Z') - 1) * ONES;
    let upper = ge_a & !gt_z & (0x80 * ONES);
    v | (upper >> 2)
}

/// Little-endian word of `b[i..i + len]` (`len` in 1..=8) padded with zero bytes, reading a
/// whole word of `b` when it fits.
#[inline]
fn load_partial(b: &[u8], i: usize, len: usize) -> u64 {
    let mask = if len == 8 {
        u64::MAX
    } else {
        (1u64 << (8 * len)) - 1
    };
    if let Some(w) = b.get(i..i + 8) {
        u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]) & mask
    } else if i + len >= 8 {
        let w = &b[i + len - 8..i + len];
        u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]) >> (64 - 8 * len)
    } else {
        let mut buf = [0u8; 8];
        buf[..len].copy_from_slice(&b[i..i + len]);
        u64::from_le_bytes(buf)
    }
}

/// [`hash_bytes`] of the ASCII-lower-cased bytes `b[s..e]`, or `None` when one of them is not
/// ASCII. Eight bytes are lower-cased at once.
#[inline]
fn hash_ascii_lower(b: &[u8], s: usize, e: usize) -> Option<u64> {
    let len = e - s;
    let mut h = SEED ^ (len as u64).wrapping_mul(K1);
    let mut high = 0u64;
    let mut i = s;
    while i + 8 <= e {
        let v = load_partial(b, i, 8);
        high |= v;
        h = (h ^ lower8(v)).wrapping_mul(K1).rotate_left(29);
        i += 8;
    }
    if i < e {
        let v = load_partial(b, i, e - i);
        high |= v;
        h = (h ^ lower8(v)).wrapping_mul(K2).rotate_left(31);
    }
    (high & (0x80 * ONES) == 0).then(|| mix64(h))
}

/// Hashes normalised tokens; holds the tokenizer used for non-ASCII tokens.
pub struct TokenHasher {
    tokenizer: Tokenizer,
}

impl Default for TokenHasher {
    fn default() -> Self {
        TokenHasher {
            tokenizer: Tokenizer::new(&TokenizeOptions::default()),
        }
    }
}

impl TokenHasher {
    /// Hash of the normalised form of one raw token.
    #[inline]
    pub fn hash(&self, raw: &str) -> u64 {
        let b = raw.as_bytes();
        if b.len() <= 48 {
            if let Some(h) = hash_ascii_lower(b, 0, b.len()) {
                return h;
            }
        }
        self.hash_term(raw)
    }

    /// Hash of the normalised form of the token `text[s..e]` (the same value as
    /// [`Self::hash`]); reads whole 8-byte words of `text` around the token.
    // Inlined into the token scanner's loop: without it the call costs a third of the hash
    // (callgrind).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn hash_in(&self, text: &str, s: usize, e: usize) -> u64 {
        let b = text.as_bytes();
        let len = e - s;
        // Most tokens: at most 8 ASCII bytes, with 8 bytes of text from their start.
        if len.wrapping_sub(1) < 8 {
            if let Some(w) = b.get(s..s + 8) {
                let v = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]])
                    & (u64::MAX >> (64 - 8 * len));
                if v & (0x80 * ONES) == 0 {
                    let h = SEED ^ (len as u64).wrapping_mul(K1) ^ lower8(v);
                    let h = if len == 8 {
                        h.wrapping_mul(K1).rotate_left(29)
                    } else {
                        h.wrapping_mul(K2).rotate_left(31)
                    };
                    return mix64(h);
                }
            }
        }
        self.hash_in_slow(text, s, e)
    }

    /// [`Self::hash_in`] for longer, non-ASCII or final tokens.
    #[inline(never)]
    fn hash_in_slow(&self, text: &str, s: usize, e: usize) -> u64 {
        if e - s <= 48 {
            if let Some(h) = hash_ascii_lower(text.as_bytes(), s, e) {
                return h;
            }
        }
        self.hash_term(&text[s..e])
    }

    /// The slow path: the tokenizer's term (non-ASCII or long tokens).
    #[cold]
    fn hash_term(&self, raw: &str) -> u64 {
        let term = self.tokenizer.term(raw).unwrap_or_default();
        hash_bytes(term.as_bytes())
    }

    /// Token hashes of `text`, in order.
    pub fn hashes(&self, text: &str) -> Vec<u64> {
        let mut out = Vec::with_capacity(text.len() / 6 + 1);
        self.hashes_into(text, &mut out);
        out
    }

    /// Append the token hashes of `text` to `out`, in order.
    pub fn hashes_into(&self, text: &str, out: &mut Vec<u64>) {
        for_each_token(text, |s, e| out.push(self.hash_in(text, s, e)));
    }

    /// Token hashes and byte spans of `text`.
    pub fn tokens(&self, text: &str) -> Tokens {
        let mut t = Tokens {
            hashes: Vec::with_capacity(text.len() / 6 + 1),
            spans: Vec::with_capacity(text.len() / 6 + 1),
        };
        for_each_token(text, |s, e| {
            t.hashes.push(self.hash_in(text, s, e));
            t.spans.push((s, e));
        });
        t
    }
}

/// The tokens of one text: hashes and byte spans, in order.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// Hash of each normalised token.
    pub hashes: Vec<u64>,
    /// Byte span of each token in the text.
    pub spans: Vec<(usize, usize)>,
}

/// Hash of tokens `w` taken as one shingle.
#[inline]
fn combine(w: &[u64]) -> u64 {
    let mut h = SEED;
    for &t in w {
        h = (h.rotate_left(23) ^ t).wrapping_mul(K1);
    }
    mix64(h ^ (w.len() as u64).wrapping_mul(K2))
}

/// Shingle hashes of a token-hash sequence, in position order (duplicates kept).
///
/// `n` consecutive tokens per shingle; a sequence shorter than `n` (but not empty) gives one
/// shingle of all its tokens. `n == 0` is treated as 1.
pub fn shingles_of(tokens: &[u64], n: usize) -> Vec<u64> {
    let mut out = Vec::with_capacity(tokens.len().saturating_sub(n.max(1) - 1).max(1));
    for_each_shingle(tokens, n, |h| out.push(h));
    out
}

/// Call `f` with each shingle hash of a token-hash sequence, in position order (the values
/// of [`shingles_of`]).
#[inline]
pub fn for_each_shingle(tokens: &[u64], n: usize, mut f: impl FnMut(u64)) {
    let n = n.max(1);
    if tokens.is_empty() {
        return;
    }
    if tokens.len() < n {
        f(combine(tokens));
        return;
    }
    for w in tokens.windows(n) {
        f(combine(w));
    }
}

/// Sorted, de-duplicated shingle hashes of `text`.
pub fn shingle_set(hasher: &TokenHasher, text: &str, n: usize) -> Vec<u64> {
    let mut s = shingles_of(&hasher.hashes(text), n);
    s.sort_unstable();
    s.dedup();
    s
}

/// Size of the intersection of two sorted, de-duplicated sets.
pub fn intersection_size(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Jaccard similarity of two sorted, de-duplicated sets; 0 when both are empty.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let inter = intersection_size(a, b);
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Containment of `a` in `b`: the share of `a`'s shingles found in `b`; 0 when `a` is empty.
pub fn containment(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() {
        0.0
    } else {
        intersection_size(a, b) as f64 / a.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hash_is_fixed() {
        // Pinned values: a change here breaks every serialised index.
        assert_eq!(hash_bytes(b""), hash_bytes(b""));
        assert_ne!(hash_bytes(b"talks"), hash_bytes(b"talk"));
        assert_eq!(hash_bytes(b"talks"), 4_631_219_725_322_076_687);
    }

    #[test]
    fn normalisation() {
        let h = TokenHasher::default();
        assert_eq!(h.hashes("Russia’s TALKS"), h.hashes("russia's talks"));
        assert_eq!(h.hashes("Ünïcode"), h.hashes("ünïcode"));
    }

    #[test]
    fn short_documents() {
        let h = TokenHasher::default();
        assert_eq!(shingle_set(&h, "", 5).len(), 0);
        assert_eq!(shingle_set(&h, "two words", 5).len(), 1);
        assert_eq!(shingle_set(&h, "a b c d e f", 5).len(), 2);
        let a = shingle_set(&h, "two words", 5);
        assert!((jaccard(&a, &a) - 1.0).abs() < 1e-12);
        assert!(jaccard(&[], &[]).abs() < 1e-12);
        assert!(containment(&[], &a).abs() < 1e-12);
    }

    /// The hash before word-at-a-time lower-casing: a lower-cased copy, then [`hash_bytes`].
    fn reference_hash(raw: &str) -> u64 {
        if raw.len() <= 48 && raw.is_ascii() {
            hash_bytes(raw.to_ascii_lowercase().as_bytes())
        } else {
            let t = Tokenizer::new(&TokenizeOptions::default());
            hash_bytes(t.term(raw).unwrap_or_default().as_bytes())
        }
    }

    #[test]
    fn word_at_a_time_lowercase() {
        for b in 0..=255u8 {
            let v = u64::from_le_bytes([b, b'Z', b'@', b'[', b'a', b'z', b'`', b'{']);
            if b < 0x80 {
                let want = u64::from_le_bytes([
                    b.to_ascii_lowercase(),
                    b'z',
                    b'@',
                    b'[',
                    b'a',
                    b'z',
                    b'`',
                    b'{',
                ]);
                assert_eq!(lower8(v), want, "{b}");
            }
        }
    }

    proptest! {
        #[test]
        fn token_hash_unchanged(text in "[ -~]{0,80}|[a-zA-Z\u{e9}\u{2019}' -]{0,70}") {
            let h = TokenHasher::default();
            let mut got = Vec::new();
            let mut want = Vec::new();
            for_each_token(&text, |s, e| {
                got.push(h.hash_in(&text, s, e));
                want.push(reference_hash(&text[s..e]));
                assert_eq!(h.hash(&text[s..e]), reference_hash(&text[s..e]));
            });
            prop_assert_eq!(got, want);
        }

        #[test]
        fn jaccard_symmetric_and_bounded(a in prop::collection::vec(0u64..50, 0..40),
                                         b in prop::collection::vec(0u64..50, 0..40)) {
            let mut a = a; a.sort_unstable(); a.dedup();
            let mut b = b; b.sort_unstable(); b.dedup();
            let j1 = jaccard(&a, &b);
            prop_assert!((j1 - jaccard(&b, &a)).abs() < 1e-12);
            prop_assert!((0.0..=1.0).contains(&j1));
            let c = containment(&a, &b);
            prop_assert!((0.0..=1.0).contains(&c));
            if !a.is_empty() {
                prop_assert!((jaccard(&a, &a) - 1.0).abs() < 1e-12);
                prop_assert!((containment(&a, &a) - 1.0).abs() < 1e-12);
            }
        }
    }
}
