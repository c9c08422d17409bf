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
        if b.len() <= 48 && raw.is_ascii() {
            let mut buf = [0u8; 48];
            for (d, s) in buf.iter_mut().zip(b) {
                *d = s.to_ascii_lowercase();
            }
            hash_bytes(&buf[..b.len()])
        } else {
            let term = self.tokenizer.term(raw).unwrap_or_default();
            hash_bytes(term.as_bytes())
        }
    }

    /// Token hashes of `text`, in order.
    pub fn hashes(&self, text: &str) -> Vec<u64> {
        let mut out = Vec::with_capacity(text.len() / 6 + 1);
        for_each_token(text, |s, e| out.push(self.hash(&text[s..e])));
        out
    }

    /// Token hashes and byte spans of `text`.
    pub fn tokens(&self, text: &str) -> Tokens {
        let mut t = Tokens {
            hashes: Vec::with_capacity(text.len() / 6 + 1),
            spans: Vec::with_capacity(text.len() / 6 + 1),
        };
        for_each_token(text, |s, e| {
            t.hashes.push(self.hash(&text[s..e]));
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
    let n = n.max(1);
    if tokens.is_empty() {
        return Vec::new();
    }
    if tokens.len() < n {
        return vec![combine(tokens)];
    }
    tokens.windows(n).map(combine).collect()
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

    proptest! {
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
