//! Sentence similarity: thirteen lexical features combined by a fixed logistic model.
//!
//! ## Features (for sentences `a`, `b`; all symmetric in `a` and `b`)
//! Content stems are stems of tokens that are not English stop words, weighted by their
//! inverse document frequency ([`Idf`]).
//! 1. `min_containment`, 2. `max_containment`: weighted share of `a`'s content stems found in
//!    `b` and of `b`'s in `a`, the smaller and the larger;
//! 3. `cosine`: weighted cosine of the two content-stem sets;
//! 4. `dice1`, 5. `dice2`, 6. `dice3`: Dice coefficient of the stem uni-, bi- and trigram
//!    multisets (stop words included: word order and function words);
//! 7. `chargram`: Jaccard of character 4-gram sets (spelling variants, compounds, names);
//! 8. `names_diff`: number of capitalised words (names) in one sentence only;
//! 9. `length_ratio`: shorter over longer, in tokens;
//! 10. `unmatched`: `ln(1 + w)`, `w` the idf weight of content stems in one sentence only;
//! 11. `unmatched_min`: the same for the sentence with less unmatched weight;
//! 12. `lcs_short`, 13. `lcs_long`: longest common subsequence of the stem sequences over the
//!     shorter and over the longer length (the first 256 tokens of each).
//!
//! ## The model
//! `similarity = 1 / (1 + exp(-(w · f + b)))`, with `w` and `b` fitted once by logistic
//! regression (scikit-learn, `C = 1`, on standardised features, folded back into raw-feature
//! weights) on the **train** split of the Microsoft Research Paraphrase Corpus, idf counted over
//! that split's sentences. `benchmarks/fit_similarity_msrp.py` reproduces the fit; the
//! weights are baked in below. A similarity is a probability-like score in [0, 1]: 0.5 is
//! where a pair becomes more likely a paraphrase than not. Two texts of which one has no word
//! token have similarity 0. The threshold that maximises train accuracy is
//! [`MSRP_THRESHOLD`].

use super::prepare::{Idf, Prepared, MAX_LCS_TOKENS};

/// Number of features.
pub const N_FEATURES: usize = 13;

/// Feature names, in order.
pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "min_containment",
    "max_containment",
    "cosine",
    "dice1",
    "dice2",
    "dice3",
    "chargram",
    "names_diff",
    "length_ratio",
    "unmatched",
    "unmatched_min",
    "lcs_short",
    "lcs_long",
];

/// Logistic weights per feature (MSRP train fit, see the module docs).
pub const WEIGHTS: [f64; N_FEATURES] = [
    -5.2178, -2.0729, 5.7327, 5.3682, -1.7172, -3.7367, 4.4899, 0.0590, -5.3092, -1.0173, 0.2041,
    -9.7604, 16.6267,
];

/// Logistic intercept.
pub const INTERCEPT: f64 = 3.2421;

/// The decision threshold chosen on MSRP train (maximum train accuracy).
pub const MSRP_THRESHOLD: f64 = 0.51;

/// Sum of the idf weights of `set` (sorted, distinct stem hashes).
fn weight_sum(set: &[u64], idf: &Idf) -> (f64, f64) {
    set.iter().fold((0.0, 0.0), |(s, q), &h| {
        let w = idf.weight(h);
        (s + w, q + w * w)
    })
}

/// Weighted intersection of two sorted sets: (sum of weights, sum of squared weights, count).
pub(crate) fn weighted_intersection(a: &[u64], b: &[u64], idf: &Idf) -> (f64, f64, usize) {
    let (mut i, mut j) = (0, 0);
    let (mut s, mut q, mut n) = (0.0, 0.0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let w = idf.weight(a[i]);
                s += w;
                q += w * w;
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (s, q, n)
}

fn intersection_count(a: &[u64], b: &[u64]) -> usize {
    crate::overlap::shingles::intersection_size(a, b)
}

/// Dice of two sorted multisets of n-gram hashes.
fn ngram_dice(ga: &[u64], gb: &[u64]) -> f64 {
    if ga.is_empty() && gb.is_empty() {
        return 0.0;
    }
    // The merge counts matched pairs, so duplicates make it a multiset intersection.
    2.0 * intersection_count(ga, gb) as f64 / (ga.len() + gb.len()) as f64
}

/// Length of the longest common subsequence (first [`MAX_LCS_TOKENS`] of each).
fn lcs(a: &[u64], b: &[u64]) -> usize {
    let a = &a[..a.len().min(MAX_LCS_TOKENS)];
    let b = &b[..b.len().min(MAX_LCS_TOKENS)];
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut prev = vec![0u16; b.len() + 1];
    let mut cur = vec![0u16; b.len() + 1];
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    usize::from(prev[b.len()])
}

/// The feature vector of a pair (see the module docs).
pub fn features(a: &Prepared, b: &Prepared, idf: &Idf) -> [f64; N_FEATURES] {
    let (ta, qa) = weight_sum(&a.content, idf);
    let (tb, qb) = weight_sum(&b.content, idf);
    let (wi, _, _) = weighted_intersection(&a.content, &b.content, idf);
    let ca = if ta > 0.0 { wi / ta } else { 0.0 };
    let cb = if tb > 0.0 { wi / tb } else { 0.0 };
    let cosine = if qa > 0.0 && qb > 0.0 {
        // Weights are binary-set idf weights: the dot product is the sum of squared shared
        // weights.
        let (_, qi, _) = weighted_intersection(&a.content, &b.content, idf);
        qi / (qa * qb).sqrt()
    } else {
        0.0
    };
    let chargram = {
        let inter = intersection_count(&a.chargrams, &b.chargrams);
        let union = a.chargrams.len() + b.chargrams.len() - inter;
        if union == 0 {
            0.0
        } else {
            inter as f64 / union as f64
        }
    };
    let names_inter = intersection_count(&a.names, &b.names);
    let names_diff = (a.names.len() + b.names.len() - 2 * names_inter) as f64;
    let (na, nb) = (a.len(), b.len());
    let length_ratio = na.min(nb) as f64 / na.max(nb).max(1) as f64;
    let (una, unb) = ((ta - wi).max(0.0), (tb - wi).max(0.0));
    let l = lcs(&a.stems, &b.stems) as f64;
    [
        ca.min(cb),
        ca.max(cb),
        cosine,
        ngram_dice(&a.grams[0], &b.grams[0]),
        ngram_dice(&a.grams[1], &b.grams[1]),
        ngram_dice(&a.grams[2], &b.grams[2]),
        chargram,
        names_diff,
        length_ratio,
        (una + unb).ln_1p(),
        una.min(unb).ln_1p(),
        l / na.min(nb).max(1) as f64,
        l / na.max(nb).max(1) as f64,
    ]
}

/// The similarity of a pair in [0, 1] (0 when either has no word token).
pub fn score(a: &Prepared, b: &Prepared, idf: &Idf) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let f = features(a, b, idf);
    let z: f64 = INTERCEPT + f.iter().zip(WEIGHTS).map(|(x, w)| x * w).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Preparer;

    fn sim(a: &str, b: &str) -> f64 {
        let p = Preparer::default();
        let (a, b) = (p.prepare(a), p.prepare(b));
        let idf = Idf::new([&a, &b]);
        score(&a, &b, &idf)
    }

    #[test]
    fn identical_is_high_unrelated_is_low() {
        let s = "The Kremlin said on Friday that peace talks were on pause.";
        assert!(sim(s, s) > 0.99);
        assert!(
            sim(
                s,
                "A football final was won on penalties in front of a record crowd."
            ) < 0.05
        );
    }

    #[test]
    fn symmetric_and_empty() {
        let a = "The Kremlin said on Friday that talks were on pause.";
        let b = "Talks are on pause, the Kremlin said Friday.";
        assert!((sim(a, b) - sim(b, a)).abs() < 1e-12);
        assert!(sim(a, b) > 0.5);
        assert!(sim("", a).abs() < f64::EPSILON);
        assert!(sim("—", "—").abs() < f64::EPSILON);
    }

    #[test]
    fn lcs_is_bounded() {
        let a: Vec<u64> = (0..10_000).collect();
        assert_eq!(lcs(&a, &a), MAX_LCS_TOKENS);
        assert_eq!(lcs(&[1, 2, 3, 4], &[1, 3, 4, 2]), 3);
    }
}
