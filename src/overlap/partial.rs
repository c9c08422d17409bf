//! Partial states for overlap and near-duplicate search over parts of a corpus (Dask
//! partitions, streamed batches): computed per part, merged or shuffled, finished elsewhere,
//! with results equal to the one-call [`overlap_matrix`](crate::overlap::overlap_matrix) and
//! [`near_duplicates`](crate::overlap::near_duplicates).
//!
//! * Overlap: each part gives its `(shingle, unit, count)` entries
//!   ([`shingle_unit_entries`]). Entries of all parts that fall in one shingle range (the top
//!   8 bits of the hash, as in [`overlap_matrix`](crate::overlap::overlap_matrix)) are merged
//!   and reduced to pairwise intersection counts ([`range_intersections`]), or, for cosine, to
//!   per-range squared norms ([`range_sq_norms`]) and fixed-point dot products
//!   ([`range_dots`]). Integer sums do not depend on the order parts are combined in, and the
//!   norms are summed range by range in range order, so the finished matrix is bit-identical.
//! * Near duplicates: each part gives its documents' shingle sets, two 64-bit fingerprints of
//!   each set (identical sets are collapsed by them), MinHash signatures and LSH band keys
//!   ([`near_dup_sketch`]). Band keys from all parts are grouped ([`bucket_pairs`]) and the
//!   candidates verified by exact Jaccard between the parts' sets ([`jaccard_between`]).
//!
//! ```
//! use presslens::overlap::partial::{range_intersections, shingle_unit_entries};
//! use presslens::parallel::Threads;
//! let a = shingle_unit_entries(&["a b c d", "x y z"], &[0, 1], 2, Threads::Serial).unwrap();
//! let b = shingle_unit_entries(&["a b c"], &[1], 2, Threads::Serial).unwrap();
//! let mut all = a;
//! all.extend(b);
//! let inter = range_intersections(all, 2).unwrap();
//! // unit 0 has 3 shingles, unit 1 has 4, and they share 2 ("a b", "b c").
//! assert_eq!((inter[0], inter[3], inter[1]), (3, 4, 2));
//! ```

use crate::error::{Error, Result};
use crate::overlap::lsh::band_key;
use crate::overlap::matrix::{
    add_run_dots, add_run_intersections, add_run_sq_norms, runs, smooth_idf, Entry, MAX_UNITS,
};
use crate::overlap::minhash::MinHasher;
use crate::overlap::shingles::{jaccard, mix64, shingles_of, TokenHasher};
use crate::parallel::{self, Threads};

/// Number of shingle ranges (the top 8 bits of a shingle hash).
pub const RANGES: usize = 256;

/// The range of a shingle hash.
#[inline]
pub fn range_of(hash: u64) -> usize {
    (hash >> 56) as usize
}

/// Sort entries by `(shingle, unit)` and add up the counts of equal pairs.
pub fn aggregate(mut entries: Vec<Entry>) -> Vec<Entry> {
    entries.sort_unstable_by_key(|e| (e.0, e.1));
    let mut out: Vec<Entry> = Vec::with_capacity(entries.len());
    for (h, u, c) in entries {
        match out.last_mut() {
            Some((x, y, n)) if *x == h && *y == u => *n += c,
            _ => out.push((h, u, c)),
        }
    }
    out
}

/// The `(shingle, unit, occurrences)` entries of `texts` (`units[i]` is text `i`'s unit),
/// sorted by shingle then unit.
pub fn shingle_unit_entries<S: AsRef<str> + Sync>(
    texts: &[S],
    units: &[u32],
    ngram: usize,
    threads: Threads,
) -> Result<Vec<Entry>> {
    if ngram == 0 {
        return Err(Error::InvalidArgument("ngram must be at least 1".into()));
    }
    if units.len() != texts.len() {
        return Err(Error::InvalidArgument(format!(
            "one unit per text is needed; got {} units for {} texts",
            units.len(),
            texts.len()
        )));
    }
    let th = TokenHasher::default();
    let per_doc: Vec<Vec<u64>> = parallel::map(threads, texts, |t| {
        shingles_of(&th.hashes(t.as_ref()), ngram)
    });
    let total = per_doc.iter().map(Vec::len).sum();
    let mut entries: Vec<Entry> = Vec::with_capacity(total);
    for (sh, &u) in per_doc.iter().zip(units) {
        entries.extend(sh.iter().map(|&h| (h, u, 1)));
    }
    Ok(aggregate(entries))
}

fn check_units(entries: &[Entry], n_units: usize) -> Result<()> {
    if n_units > MAX_UNITS {
        return Err(Error::InvalidArgument(format!(
            "an overlap matrix of {n_units} units is too large (limit {MAX_UNITS} units)"
        )));
    }
    if entries.iter().any(|e| e.1 as usize >= n_units) {
        return Err(Error::InvalidArgument(format!(
            "every unit index must be below n_units ({n_units})"
        )));
    }
    Ok(())
}

/// Pairwise intersection counts of the units' shingle sets over `entries` (any order, equal
/// pairs from different parts allowed): a row-major `n_units * n_units` matrix whose diagonal
/// holds set sizes and upper triangle the intersections.
pub fn range_intersections(entries: Vec<Entry>, n_units: usize) -> Result<Vec<u64>> {
    check_units(&entries, n_units)?;
    let e = aggregate(entries);
    let mut inter = vec![0u64; n_units * n_units];
    runs(&e, |run| add_run_intersections(run, &mut inter, n_units));
    Ok(inter)
}

/// Squared tf-idf norms per shingle range: `(range, norms)` for each range present in
/// `entries`, ascending. The idf of a shingle is the smoothed idf over `n_units` units, so
/// `entries` must hold every entry of the shingles it covers (all parts merged).
pub fn range_sq_norms(entries: Vec<Entry>, n_units: usize) -> Result<Vec<(usize, Vec<f64>)>> {
    check_units(&entries, n_units)?;
    let e = aggregate(entries);
    let mut out: Vec<(usize, Vec<f64>)> = Vec::new();
    runs(&e, |run| {
        let r = range_of(run[0].0);
        if out.last().is_none_or(|(last, _)| *last != r) {
            out.push((r, vec![0.0; n_units]));
        }
        if let Some((_, sq)) = out.last_mut() {
            add_run_sq_norms(run, smooth_idf(n_units, run.len()), sq);
        }
    });
    Ok(out)
}

/// Fixed-point (2^-40) dot products of the L2-normalised tf-idf vectors (`norm` are the
/// finished norms): the upper triangle of a row-major `n_units * n_units` matrix.
pub fn range_dots(entries: Vec<Entry>, n_units: usize, norm: &[f64]) -> Result<Vec<u64>> {
    check_units(&entries, n_units)?;
    if norm.len() != n_units {
        return Err(Error::InvalidArgument(format!(
            "one norm per unit is needed; got {} for {n_units} units",
            norm.len()
        )));
    }
    let e = aggregate(entries);
    let mut dots = vec![0u64; n_units * n_units];
    runs(&e, |run| {
        add_run_dots(
            run,
            smooth_idf(n_units, run.len()),
            norm,
            &mut dots,
            n_units,
        );
    });
    Ok(dots)
}

/// Per-document near-duplicate state of one part of a corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NearDupSketch {
    /// Sorted, de-duplicated shingle hashes of every document, concatenated.
    pub flat: Vec<u64>,
    /// Document `i`'s set is `flat[indptr[i]..indptr[i + 1]]`.
    pub indptr: Vec<u64>,
    /// Fingerprint of each set (the key [`near_duplicates`](crate::overlap::near_duplicates)
    /// groups identical sets by).
    pub key1: Vec<u64>,
    /// A second, independent fingerprint of each set.
    pub key2: Vec<u64>,
    /// `bands` LSH band keys per document, row-major.
    pub band_keys: Vec<u64>,
    /// `num_perm` MinHash values per document, row-major.
    pub signatures: Vec<u32>,
}

/// Shingle sets, set fingerprints, signatures and band keys of `texts`.
#[allow(clippy::too_many_arguments)]
pub fn near_dup_sketch<S: AsRef<str> + Sync>(
    texts: &[S],
    ngram: usize,
    num_perm: usize,
    seed: u64,
    bands: usize,
    rows: usize,
    threads: Threads,
) -> Result<NearDupSketch> {
    if ngram == 0 {
        return Err(Error::InvalidArgument("ngram must be at least 1".into()));
    }
    let hasher = MinHasher::new(num_perm, seed)?;
    if bands == 0 || rows == 0 || bands * rows > num_perm {
        return Err(Error::InvalidArgument(format!(
            "bands * rows must be at most num_perm ({num_perm}), got {bands} * {rows}"
        )));
    }
    let th = TokenHasher::default();
    let docs: Vec<(Vec<u64>, Vec<u32>)> = parallel::map(threads, texts, |t| {
        let mut s = shingles_of(&th.hashes(t.as_ref()), ngram);
        s.sort_unstable();
        s.dedup();
        let sig = hasher.signature(&s);
        (s, sig)
    });
    let mut out = NearDupSketch {
        indptr: Vec::with_capacity(docs.len() + 1),
        ..NearDupSketch::default()
    };
    out.indptr.push(0);
    for (s, sig) in &docs {
        out.flat.extend_from_slice(s);
        out.indptr.push(out.flat.len() as u64);
        out.key1
            .push(s.iter().fold(mix64(s.len() as u64), |h, &x| mix64(h ^ x)));
        out.key2
            .push(s.iter().fold(mix64(!(s.len() as u64)), |h, &x| {
                mix64(h.rotate_left(29) ^ x ^ 0xA076_1D64_78BD_642F)
            }));
        for band in 0..bands {
            out.band_keys.push(band_key(sig, band, rows));
        }
        out.signatures.extend_from_slice(sig);
    }
    Ok(out)
}

/// Candidate pairs from band keys: entries are grouped by key and ordered by document id
/// within a group; each member is paired with the earlier members, at most the first
/// `max_bucket` of them (as in [`near_duplicates`](crate::overlap::near_duplicates)).
/// Returns sorted, de-duplicated `(a, b)` with `a < b`.
pub fn bucket_pairs(keys: &[u64], ids: &[u64], max_bucket: usize) -> Result<Vec<(u64, u64)>> {
    if keys.len() != ids.len() {
        return Err(Error::InvalidArgument(
            "bucket_pairs needs one id per key".into(),
        ));
    }
    let mut keyed: Vec<(u64, u64)> = keys.iter().copied().zip(ids.iter().copied()).collect();
    keyed.sort_unstable();
    let max_bucket = max_bucket.max(1);
    let mut out: Vec<(u64, u64)> = Vec::new();
    let mut k = 0;
    while k < keyed.len() {
        let mut end = k + 1;
        while end < keyed.len() && keyed[end].0 == keyed[k].0 {
            end += 1;
        }
        let bucket = &keyed[k..end];
        for j in 1..bucket.len() {
            for first in &bucket[..j.min(max_bucket)] {
                out.push((first.1, bucket[j].1));
            }
        }
        k = end;
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// Exact Jaccard similarity between set `ia[k]` of part A and set `ib[k]` of part B (sets as
/// in [`NearDupSketch`]).
pub fn jaccard_between(
    flat_a: &[u64],
    indptr_a: &[u64],
    ia: &[u64],
    flat_b: &[u64],
    indptr_b: &[u64],
    ib: &[u64],
) -> Result<Vec<f64>> {
    let set = |flat: &'_ [u64], indptr: &[u64], i: u64| -> Result<std::ops::Range<usize>> {
        let i = i as usize;
        if i + 1 >= indptr.len() {
            return Err(Error::InvalidArgument(format!(
                "set index {i} out of range for {} sets",
                indptr.len().saturating_sub(1)
            )));
        }
        let (s, e) = (indptr[i] as usize, indptr[i + 1] as usize);
        if s > e || e > flat.len() {
            return Err(Error::InvalidArgument("malformed set offsets".into()));
        }
        Ok(s..e)
    };
    if ia.len() != ib.len() {
        return Err(Error::InvalidArgument(
            "jaccard_between needs as many indices in A as in B".into(),
        ));
    }
    ia.iter()
        .zip(ib)
        .map(|(&a, &b)| {
            let ra = set(flat_a, indptr_a, a)?;
            let rb = set(flat_b, indptr_b, b)?;
            Ok(jaccard(&flat_a[ra], &flat_b[rb]))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overlap::{near_duplicates, overlap_matrix, Measure, NearDupOptions};

    const TEXTS: [&str; 6] = [
        "the port strike entered its third week on monday as talks stalled",
        "the port strike entered its third week on monday as talks stalled over pay",
        "a football final was won on penalties",
        "",
        "the port strike entered its third week on monday as talks stalled",
        "farmers said the port strike entered its third week on monday",
    ];
    const UNITS: [u32; 6] = [0, 1, 2, 0, 1, 2];

    /// The matrix of `measure` from entries split over two parts, finished like presslens.dask.
    fn from_parts<S: AsRef<str> + Sync>(
        texts: &[S],
        units: &[u32],
        measure: Measure,
        n: usize,
    ) -> Vec<f64> {
        let h = texts.len() / 2;
        let mut all = shingle_unit_entries(&texts[..h], &units[..h], 3, Threads::Serial).unwrap();
        all.extend(shingle_unit_entries(&texts[h..], &units[h..], 3, Threads::Count(2)).unwrap());
        let mut out = vec![0.0; n * n];
        if measure == Measure::Cosine {
            let mut norm = vec![0.0; n];
            for (_, sq) in range_sq_norms(all.clone(), n).unwrap() {
                for (x, y) in norm.iter_mut().zip(&sq) {
                    *x += y;
                }
            }
            let norm: Vec<f64> = norm.iter().map(|x| x.sqrt()).collect();
            let dots = range_dots(all, n, &norm).unwrap();
            for i in 0..n {
                for j in 0..n {
                    let (lo, hi) = (i.min(j), i.max(j));
                    out[i * n + j] = if i == j {
                        f64::from(u8::from(norm[i] > 0.0))
                    } else {
                        (dots[lo * n + hi] as f64 / (1u64 << 40) as f64).min(1.0)
                    };
                }
            }
            return out;
        }
        let inter = range_intersections(all, n).unwrap();
        for i in 0..n {
            for j in 0..n {
                let (lo, hi) = (i.min(j), i.max(j));
                let x = inter[lo * n + hi];
                let d = if measure == Measure::Containment {
                    inter[i * n + i]
                } else {
                    inter[i * n + i] + inter[j * n + j] - x
                };
                out[i * n + j] = if d == 0 { 0.0 } else { x as f64 / d as f64 };
            }
        }
        out
    }

    #[test]
    fn parts_equal_one_call() {
        for m in [Measure::Containment, Measure::Jaccard, Measure::Cosine] {
            let whole = overlap_matrix(&TEXTS, &UNITS, 3, m, 3, Threads::Serial).unwrap();
            assert_eq!(from_parts(&TEXTS, &UNITS, m, 3), whole, "{m:?}");
        }
    }

    /// A fictional corpus of `docs` texts over a made-up vocabulary in which later texts copy
    /// passages of earlier ones, with `outlets` outlets; about 2.4 KB per text.
    pub(crate) fn synthetic(docs: usize, outlets: u32) -> (Vec<String>, Vec<u32>) {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let vocab: Vec<String> = (0..400)
            .map(|i| format!("w{}{}", ["ab", "Cd", "ef", "g\u{e9}"][i % 4], i * 7 % 131))
            .collect();
        let mut texts: Vec<String> = Vec::with_capacity(docs);
        for d in 0..docs {
            let mut words: Vec<String> = Vec::new();
            while words.len() < 300 {
                let r = next();
                if d > 0 && r % 4 == 0 {
                    let src: Vec<&str> = texts[(r >> 8) as usize % d].split(' ').collect();
                    let at = (r >> 32) as usize % src.len();
                    let len = 5 + (r >> 20) as usize % 40;
                    words.extend(
                        src[at..(at + len).min(src.len())]
                            .iter()
                            .map(|w| (*w).into()),
                    );
                } else {
                    words.push(vocab[(r >> 16) as usize % vocab.len()].clone());
                }
            }
            texts.push(words.join(" "));
        }
        let units = (0..docs as u64)
            .map(|d| (d * 7 % u64::from(outlets)) as u32)
            .collect();
        (texts, units)
    }

    #[test]
    fn parts_equal_one_call_over_many_chunks() {
        // Several 256 KB chunks, shingles shared by many outlets.
        let (texts, units) = synthetic(400, 9);
        for m in [Measure::Containment, Measure::Jaccard, Measure::Cosine] {
            let whole = overlap_matrix(&texts, &units, 9, m, 3, Threads::Serial).unwrap();
            assert_eq!(from_parts(&texts, &units, m, 9), whole, "{m:?}");
            let two = overlap_matrix(&texts, &units, 9, m, 3, Threads::Count(2)).unwrap();
            assert_eq!(two, whole, "{m:?}");
        }
    }

    #[test]
    fn sketches_find_the_same_pairs() {
        let opts = NearDupOptions {
            threshold: 0.5,
            ngram: 3,
            ..NearDupOptions::default()
        };
        let whole = near_duplicates(&TEXTS, &opts, Threads::Serial).unwrap();
        let (bands, rows) = crate::overlap::optimal_params(0.5, 128, 0.05, 0.95);
        let sk = near_dup_sketch(&TEXTS, 3, 128, 0, bands, rows, Threads::Serial).unwrap();
        assert_eq!(sk.indptr.len(), TEXTS.len() + 1);
        assert_eq!(sk.key1[0], sk.key1[4]);
        assert_eq!(sk.key2[0], sk.key2[4]);
        assert_ne!(sk.key2[0], sk.key2[1]);
        let (keys, ids): (Vec<u64>, Vec<u64>) = (0..TEXTS.len())
            .filter(|&d| sk.indptr[d + 1] > sk.indptr[d])
            .flat_map(|d| (0..bands).map(move |b| (d, b)))
            .map(|(d, b)| (sk.band_keys[d * bands + b], d as u64))
            .unzip();
        let cands = bucket_pairs(&keys, &ids, 200).unwrap();
        let (a, b): (Vec<u64>, Vec<u64>) = cands.iter().copied().unzip();
        let sims = jaccard_between(&sk.flat, &sk.indptr, &a, &sk.flat, &sk.indptr, &b).unwrap();
        let found: Vec<(usize, usize)> = cands
            .iter()
            .zip(&sims)
            .filter(|(_, &s)| s >= 0.5)
            .map(|(&(a, b), _)| (a as usize, b as usize))
            .collect();
        let expected: Vec<(usize, usize)> = whole.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(found, expected);
        assert!(jaccard_between(&sk.flat, &sk.indptr, &[99], &sk.flat, &sk.indptr, &[0]).is_err());
    }

    #[test]
    fn bounded_buckets() {
        let keys = vec![7u64; 5];
        let ids: Vec<u64> = (0..5).rev().collect();
        let pairs = bucket_pairs(&keys, &ids, 2).unwrap();
        assert_eq!(
            pairs,
            [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (1, 4)]
        );
        assert!(bucket_pairs(&keys, &ids[..2], 2).is_err());
        assert!(range_intersections(vec![(1, 5, 1)], 2).is_err());
    }
}
