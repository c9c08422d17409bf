//! Who says what where: sentence similarity and sentence alignment across outlets.
//!
//! * [`similarity`]: a sentence similarity in [0, 1] from lexical features (idf-weighted stem
//!   overlap, n-gram overlap, character 4-grams, names, length, word order) combined by a
//!   fixed logistic model fitted on the Microsoft Research Paraphrase Corpus (train split);
//!   see [`similarity`](mod@similarity) for the features and weights.
//! * [`align_sentences`]: for every sentence of a corpus, its best match in every other outlet,
//!   with blocking by shared rare stems (never all pairs).
//!
//! ```
//! use presslens::align::pairwise_similarity;
//! use presslens::parallel::Threads;
//! let a = ["The Kremlin said on Friday that peace talks were on pause."];
//! let b = ["Peace talks are on pause, the Kremlin said on Friday."];
//! let s = pairwise_similarity(&a, &b, Threads::Serial).unwrap();
//! assert!(s[0] > 0.5);
//! ```

pub mod prepare;
pub mod sentences;
pub mod similarity;

pub use prepare::{Idf, Prepared, Preparer, IDF_BACKGROUND};
pub use sentences::{align_sentences, AlignSentencesOptions, SentenceAlignment, SentenceRef};
pub use similarity::{features, score, FEATURE_NAMES, MSRP_THRESHOLD, N_FEATURES};

use crate::error::{Error, Result};
use crate::parallel::{self, Threads};

/// Prepare `a` and `b` and count idf over all their distinct texts (each text once).
fn prepare_pairs<S: AsRef<str> + Sync>(
    a: &[S],
    b: &[S],
    threads: Threads,
) -> Result<(Vec<Prepared>, Vec<Prepared>, Idf)> {
    if a.len() != b.len() {
        return Err(Error::InvalidArgument(format!(
            "texts_a and texts_b must have the same length (similarity is pair by pair), got {} \
             and {}",
            a.len(),
            b.len()
        )));
    }
    let pa = parallel::map(threads, a, |t| Preparer::default().prepare(t.as_ref()));
    let pb = parallel::map(threads, b, |t| Preparer::default().prepare(t.as_ref()));
    let mut seen = ahash::AHashSet::new();
    let mut idf = Idf::default();
    for (t, p) in a.iter().zip(&pa).chain(b.iter().zip(&pb)) {
        if seen.insert(t.as_ref()) {
            idf.add(p);
        }
    }
    Ok((pa, pb, idf))
}

/// Similarity of `a[i]` and `b[i]` for every `i`. Idf statistics come from the inputs
/// themselves: every distinct text of `a` and `b` counts once (see [`Idf`] for the background
/// that keeps small inputs sensible).
pub fn pairwise_similarity<S: AsRef<str> + Sync>(
    a: &[S],
    b: &[S],
    threads: Threads,
) -> Result<Vec<f64>> {
    let (pa, pb, idf) = prepare_pairs(a, b, threads)?;
    Ok(parallel::map_range(threads, pa.len(), |i| {
        score(&pa[i], &pb[i], &idf)
    }))
}

/// The feature vectors of [`pairwise_similarity`], row-major `len × N_FEATURES` (for fitting
/// and inspection).
pub fn pairwise_features<S: AsRef<str> + Sync>(
    a: &[S],
    b: &[S],
    threads: Threads,
) -> Result<Vec<f64>> {
    let (pa, pb, idf) = prepare_pairs(a, b, threads)?;
    Ok(
        parallel::map_range(threads, pa.len(), |i| features(&pa[i], &pb[i], &idf))
            .into_iter()
            .flatten()
            .collect(),
    )
}
