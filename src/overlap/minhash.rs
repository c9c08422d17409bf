//! MinHash signatures.
//!
//! Permutation `i` maps a shingle hash `x` (folded to 32 bits) to
//! `h_i(x) = (a_i * x + b_i) >> 32` over 64-bit words, with `a_i` odd and `b_i` drawn from a
//! splitmix64 stream started at `seed`. This is Dietzfelbinger's multiply-add-shift scheme,
//! 2-independent for 32-bit keys: the same guarantee as datasketch's `(a*x + b) mod (2^61 - 1)`
//! with one multiply and no modular reduction, so the inner loop over permutations is a plain
//! multiply-add-min that the compiler unrolls. Signatures are `u32` values; two signatures
//! estimate Jaccard similarity by the share of equal positions.

use crate::error::{Error, Result};
use crate::overlap::shingles::mix64;

/// splitmix64 step.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    mix64(*state)
}

/// A family of `num_perm` hash permutations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinHasher {
    seed: u64,
    a: Vec<u64>,
    b: Vec<u64>,
}

impl MinHasher {
    /// `num_perm` permutations drawn from `seed`. `num_perm` must be at least 2.
    pub fn new(num_perm: usize, seed: u64) -> Result<Self> {
        if !(2..=1 << 16).contains(&num_perm) {
            return Err(Error::InvalidArgument(format!(
                "num_perm must be between 2 and 65536, got {num_perm}"
            )));
        }
        let mut state = seed ^ 0x4D49_4E48_4153_4821; // "MINHASH!"
        let mut a = Vec::with_capacity(num_perm);
        let mut b = Vec::with_capacity(num_perm);
        for _ in 0..num_perm {
            a.push(splitmix(&mut state) | 1);
            b.push(splitmix(&mut state));
        }
        Ok(MinHasher { seed, a, b })
    }

    /// Number of permutations.
    pub fn num_perm(&self) -> usize {
        self.a.len()
    }

    /// The seed the permutations were drawn from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Signature of a set of shingle hashes (duplicates are harmless). An empty set gives
    /// all-`u32::MAX`.
    pub fn signature(&self, shingles: &[u64]) -> Vec<u32> {
        let mut out = vec![u32::MAX; self.a.len()];
        self.signature_into(shingles, &mut out);
        out
    }

    /// [`Self::signature`] into a caller's buffer of length `num_perm`.
    pub fn signature_into(&self, shingles: &[u64], out: &mut [u32]) {
        out.fill(u32::MAX);
        for &s in shingles {
            let x = u64::from((s ^ (s >> 32)) as u32);
            for ((m, &a), &b) in out.iter_mut().zip(&self.a).zip(&self.b) {
                let h = (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32;
                *m = (*m).min(h);
            }
        }
    }
}

/// Estimated Jaccard similarity: the share of equal signature positions.
pub fn estimate_jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let eq = a.iter().zip(b).filter(|(x, y)| x == y).count();
    eq as f64 / a.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overlap::shingles::jaccard;

    #[test]
    fn estimate_is_close() {
        let m = MinHasher::new(256, 7).unwrap();
        let a: Vec<u64> = (0..1000).map(mix64).collect();
        let b: Vec<u64> = (500..1500).map(mix64).collect();
        let (mut sa, mut sb) = (a.clone(), b.clone());
        sa.sort_unstable();
        sb.sort_unstable();
        let exact = jaccard(&sa, &sb);
        let est = estimate_jaccard(&m.signature(&a), &m.signature(&b));
        assert!((exact - est).abs() < 0.08, "{exact} vs {est}");
        assert!((estimate_jaccard(&m.signature(&a), &m.signature(&a)) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn deterministic_and_seeded() {
        assert_eq!(
            MinHasher::new(64, 1).unwrap(),
            MinHasher::new(64, 1).unwrap()
        );
        assert_ne!(
            MinHasher::new(64, 1).unwrap(),
            MinHasher::new(64, 2).unwrap()
        );
        assert!(MinHasher::new(1, 0).is_err());
    }
}
