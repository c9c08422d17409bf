//! Overlap matrices between units (outlets or documents): containment, Jaccard, tf-idf cosine
//! over word-shingle sets.
//!
//! Each unit's shingles are gathered, sorted and counted. The shingle space is cut into
//! [`PARTS`] ranges by the top bits of the hash (a fixed number, independent of the thread
//! count); within a range the `(shingle, unit)` occurrences of every unit are sorted (counting
//! sorts on hash bits then one linear insertion pass, in parallel over chunks of texts and
//! then over ranges: the private `shuffle` module) and each run
//! of one shingle adds 1 (or a tf-idf product) to every pair of units in it. Integer counts
//! and fixed-point (2^-40) products are summed, so the result is bit-identical for any thread
//! count. Work is linear in the number of shingle occurrences plus, per shingle, the square of
//! the number of units holding it.
//!
//! * containment `[i][j]` = |S_i ∩ S_j| / |S_i| (asymmetric; 0 when S_i is empty);
//! * jaccard = |S_i ∩ S_j| / |S_i ∪ S_j| (0 when both are empty);
//! * cosine: shingle counts weighted by the smoothed idf over units
//!   `ln((1 + n) / (1 + df)) + 1` (scikit-learn's default), L2-normalised, dot product.
//!
//! The diagonal is 1 for a unit with at least one shingle and 0 for an empty one.

use crate::error::{Error, Result};
use crate::overlap::shuffle::{self, range_runs, Occurrence, Scratch};
use crate::parallel::{self, Threads};

/// Number of shingle-hash ranges processed as independent tasks.
pub const PARTS: usize = 256;
/// Largest number of units a dense matrix is built for.
pub const MAX_UNITS: usize = 20_000;
const FIXED: f64 = (1u64 << 40) as f64;

/// Which similarity [`overlap_matrix`] computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Share of the row's shingles found in the column (asymmetric).
    Containment,
    /// Jaccard similarity of the shingle sets.
    Jaccard,
    /// Cosine similarity of tf-idf weighted shingle counts.
    Cosine,
}

impl Measure {
    /// Parse `"containment"`, `"jaccard"` or `"cosine"`.
    pub fn parse(name: &str) -> Result<Measure> {
        match name {
            "containment" => Ok(Measure::Containment),
            "jaccard" => Ok(Measure::Jaccard),
            "cosine" => Ok(Measure::Cosine),
            other => Err(Error::InvalidArgument(format!(
                "measure must be 'containment', 'jaccard' or 'cosine', got {other:?}"
            ))),
        }
    }
}

/// `(shingle, unit, count)`.
pub(crate) type Entry = (u64, u32, u32);

/// Call `f` on each run of entries with the same shingle.
pub(crate) fn runs(e: &[Entry], mut f: impl FnMut(&[Entry])) {
    let mut k = 0;
    while k < e.len() {
        let mut end = k + 1;
        while end < e.len() && e[end].0 == e[k].0 {
            end += 1;
        }
        f(&e[k..end]);
        k = end;
    }
}

/// Add one shingle's run (entries sorted by unit) to the pairwise intersection counts
/// (upper triangle and diagonal of a row-major `n * n` matrix).
pub(crate) fn add_run_intersections(run: &[Entry], inter: &mut [u64], n: usize) {
    for x in 0..run.len() {
        let ux = run[x].1 as usize;
        inter[ux * n + ux] += 1;
        for &(_, uy, _) in &run[x + 1..] {
            inter[ux * n + uy as usize] += 1;
        }
    }
}

/// Add one shingle's run to the squared tf-idf norms of its units (weight `w`).
pub(crate) fn add_run_sq_norms(run: &[Entry], w: f64, sq: &mut [f64]) {
    for &(_, u, c) in run {
        let v = f64::from(c) * w;
        sq[u as usize] += v * v;
    }
}

/// Add one shingle's run to the fixed-point (2^-40) dot products of normalised tf-idf
/// vectors (upper triangle of a row-major `n * n` matrix).
pub(crate) fn add_run_dots(run: &[Entry], w: f64, norm: &[f64], dots: &mut [u64], n: usize) {
    for x in 0..run.len() {
        let (ux, cx) = (run[x].1 as usize, run[x].2);
        let vx = f64::from(cx) * w / norm[ux];
        for &(_, uy, cy) in &run[x + 1..] {
            let uy = uy as usize;
            let vy = f64::from(cy) * w / norm[uy];
            dots[ux * n + uy] += (vx * vy * FIXED).round() as u64;
        }
    }
}

/// Smoothed idf over `n_units` units of a shingle held by `df` of them:
/// `ln((1 + n) / (1 + df)) + 1`.
#[inline]
pub(crate) fn smooth_idf(n_units: usize, df: usize) -> f64 {
    ((1.0 + n_units as f64) / (1.0 + df as f64)).ln() + 1.0
}

/// Sum `b` into `a` (pairwise count matrices); an empty `a` takes `b`.
fn add_counts(mut a: Vec<u64>, b: Vec<u64>) -> Vec<u64> {
    if a.is_empty() {
        return b;
    }
    for (x, y) in a.iter_mut().zip(&b) {
        *x += y;
    }
    a
}

/// The `n_units × n_units` matrix (row-major) of `measure` between the units of `texts`
/// (`unit[i]` is the unit of text `i`, `< n_units`).
///
/// The shingle occurrences are shuffled into ranges in parallel over chunks of texts
/// (the private `shuffle` module), then each range's runs of one shingle are reduced
/// to pair counts in parallel over ranges. For cosine, the first pass over a range also keeps
/// the runs held by two units or more: the second pass (dot products, which need every unit's
/// norm) reads only those.
pub fn overlap_matrix<S: AsRef<str> + Sync>(
    texts: &[S],
    unit: &[u32],
    n_units: usize,
    measure: Measure,
    ngram: usize,
    threads: Threads,
) -> Result<Vec<f64>> {
    if ngram == 0 {
        return Err(Error::InvalidArgument("ngram must be at least 1".into()));
    }
    if unit.len() != texts.len() || unit.iter().any(|&u| u as usize >= n_units) {
        return Err(Error::InvalidArgument(
            "one unit index below n_units is needed per text".into(),
        ));
    }
    if n_units > MAX_UNITS {
        return Err(Error::InvalidArgument(format!(
            "an overlap matrix of {n_units} units would need {:.1} GB; use by='outlet' or \
             near_duplicates() for large document sets (limit {MAX_UNITS} units)",
            (n_units * n_units * 8) as f64 / 1e9
        )));
    }
    Ok(if n_units <= 256 {
        matrix::<u64, S>(texts, unit, n_units, measure, ngram, threads)
    } else {
        matrix::<(u64, u32), S>(texts, unit, n_units, measure, ngram, threads)
    })
}

/// [`overlap_matrix`] with occurrences stored as `K`.
fn matrix<K: Occurrence, S: AsRef<str> + Sync>(
    texts: &[S],
    unit: &[u32],
    n: usize,
    measure: Measure,
    ngram: usize,
    threads: Threads,
) -> Vec<f64> {
    let chunks = shuffle::chunks::<K, S>(texts, unit, ngram, threads);
    let parts: Vec<usize> = (0..PARTS).collect();
    let mut out = vec![0.0f64; n * n];
    match measure {
        Measure::Containment | Measure::Jaccard => {
            // Pairwise intersection counts (diagonal: set sizes), summed over ranges.
            let (inter, _) = parallel::fold_merge(
                threads,
                &parts,
                || (Vec::new(), Scratch::default()),
                |(mut inter, mut scratch): (Vec<u64>, Scratch<K>), &p| {
                    if inter.is_empty() {
                        inter = vec![0u64; n * n];
                    }
                    range_runs(&chunks, p, &mut scratch, |run| {
                        add_run_intersections(run, &mut inter, n);
                    });
                    (inter, scratch)
                },
                |a, b| (add_counts(a.0, b.0), Scratch::default()),
            );
            let sizes: Vec<u64> = (0..n)
                .map(|i| inter.get(i * n + i).copied().unwrap_or(0))
                .collect();
            for i in 0..n {
                for j in 0..n {
                    let x = if i == j {
                        sizes[i]
                    } else {
                        let (lo, hi) = if i < j { (i, j) } else { (j, i) };
                        inter.get(lo * n + hi).copied().unwrap_or(0)
                    };
                    let denom = if measure == Measure::Containment {
                        sizes[i]
                    } else {
                        sizes[i] + sizes[j] - x
                    };
                    out[i * n + j] = if denom == 0 {
                        0.0
                    } else {
                        x as f64 / denom as f64
                    };
                }
            }
        }
        Measure::Cosine => {
            let idf: Vec<f64> = (0..=n).map(|df| smooth_idf(n, df)).collect();
            // Squared norms per unit, summed per range in range order; the runs shared by
            // two units or more are kept for the dot products.
            let per_range: Vec<(Vec<f64>, Vec<Entry>)> = parallel::map(threads, &parts, |&p| {
                let mut sq = vec![0.0f64; n];
                let mut shared: Vec<Entry> = Vec::new();
                range_runs(&chunks, p, &mut Scratch::default(), |run| {
                    add_run_sq_norms(run, idf[run.len()], &mut sq);
                    if run.len() > 1 {
                        shared.extend_from_slice(run);
                    }
                });
                (sq, shared)
            });
            drop(chunks);
            let mut norm = vec![0.0f64; n];
            for (part, _) in &per_range {
                for (x, y) in norm.iter_mut().zip(part) {
                    *x += y;
                }
            }
            for x in &mut norm {
                *x = x.sqrt();
            }
            // Fixed-point dot products over the shared runs.
            let dots = parallel::fold_merge(
                threads,
                &per_range,
                Vec::new,
                |mut dots: Vec<u64>, (_, shared)| {
                    if dots.is_empty() {
                        dots = vec![0u64; n * n];
                    }
                    runs(shared, |run| {
                        add_run_dots(run, idf[run.len()], &norm, &mut dots, n);
                    });
                    dots
                },
                add_counts,
            );
            for i in 0..n {
                for j in 0..n {
                    out[i * n + j] = if i == j {
                        if norm[i] > 0.0 {
                            1.0
                        } else {
                            0.0
                        }
                    } else {
                        let (lo, hi) = if i < j { (i, j) } else { (j, i) };
                        let v = dots.get(lo * n + hi).copied().unwrap_or(0);
                        (v as f64 / FIXED).min(1.0)
                    };
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overlap::shingles::{containment, jaccard, shingle_set, TokenHasher};
    use proptest::prelude::*;

    #[test]
    fn matches_pairwise_sets() {
        let texts = [
            "the port strike entered its third week on monday",
            "the port strike entered its third week, officials said on monday",
            "a football final won on penalties",
            "",
            "tiny",
        ];
        let n = texts.len();
        let unit: Vec<u32> = (0..n as u32).collect();
        let th = TokenHasher::default();
        let sets: Vec<Vec<u64>> = texts.iter().map(|t| shingle_set(&th, t, 3)).collect();
        let c = overlap_matrix(&texts, &unit, n, Measure::Containment, 3, Threads::Serial).unwrap();
        let j = overlap_matrix(&texts, &unit, n, Measure::Jaccard, 3, Threads::Count(2)).unwrap();
        let cos = overlap_matrix(&texts, &unit, n, Measure::Cosine, 3, Threads::Serial).unwrap();
        for a in 0..n {
            for b in 0..n {
                assert!((c[a * n + b] - containment(&sets[a], &sets[b])).abs() < 1e-12);
                assert!((j[a * n + b] - jaccard(&sets[a], &sets[b])).abs() < 1e-12);
                assert!((0.0..=1.0).contains(&cos[a * n + b]));
                assert!((cos[a * n + b] - cos[b * n + a]).abs() < 1e-12);
            }
        }
        assert!(c[1] > 0.5 && c[2 * n].abs() < 1e-12);
        assert!((cos[0] - 1.0).abs() < 1e-12 && cos[3 * n + 3].abs() < 1e-12);
        assert!(cos[1] > 0.3);
    }

    #[test]
    fn outlets_and_threads() {
        let texts = [
            "a b c d e f g",
            "x y z a b c d e",
            "a b c d e f g h",
            "q r s",
        ];
        let unit = [0u32, 1, 0, 2];
        for m in [Measure::Containment, Measure::Jaccard, Measure::Cosine] {
            let s = overlap_matrix(&texts, &unit, 3, m, 2, Threads::Serial).unwrap();
            for t in [2, 8] {
                assert_eq!(
                    overlap_matrix(&texts, &unit, 3, m, 2, Threads::Count(t)).unwrap(),
                    s
                );
            }
        }
        // One outlet only.
        let one = overlap_matrix(
            &texts,
            &[0, 0, 0, 0],
            1,
            Measure::Jaccard,
            5,
            Threads::Serial,
        )
        .unwrap();
        assert_eq!(one, [1.0]);
    }

    proptest! {
        #[test]
        fn self_overlap_is_one(words in prop::collection::vec("[a-e]{1,3}", 1..30)) {
            let t = words.join(" ");
            for m in [Measure::Containment, Measure::Jaccard, Measure::Cosine] {
                let v = overlap_matrix(&[t.as_str(), t.as_str()], &[0, 1], 2, m, 3, Threads::Serial)
                    .unwrap();
                for x in v {
                    prop_assert!((x - 1.0).abs() < 1e-9, "{:?} {}", m, x);
                }
            }
        }
    }
}
