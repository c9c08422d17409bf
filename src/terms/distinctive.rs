//! Distinctive terms: the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi
//! & Quinn 2008, "Fightin' Words"), each group against all other groups together.
//!
//! With `y_w` the count of term `w` in the whole corpus, the prior is `a_w = alpha * y_w` and
//! `a0 = Σ a_w`. For group `i` (counts `y_iw`, total `n_i`) against the rest `j`
//! (`y_jw = y_w - y_iw`, `n_j = n - n_i`):
//!
//! ```text
//! delta_w = ln((y_iw + a_w) / (n_i + a0 - y_iw - a_w)) - ln((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
//! var_w   ≈ 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
//! z_w     = delta_w / sqrt(var_w)
//! ```
//!
//! A term is reported for a group when it occurs at least `min_count` times in that group;
//! groups rank their terms by `z` (descending, ties by term).

use super::vocab::Csr;
use crate::parallel::{self, Threads};

/// One distinctive term of a group.
#[derive(Debug, Clone, PartialEq)]
pub struct Distinctive {
    /// Group row.
    pub group: usize,
    /// Term column.
    pub term: usize,
    /// Count of the term in the group.
    pub count: u64,
    /// `delta_w`.
    pub log_odds: f64,
    /// `z_w`.
    pub z: f64,
}

/// The `top` most distinctive terms of every group of `counts` (groups × terms), in group
/// order; `vocab` breaks ties.
pub fn distinctive(
    threads: Threads,
    counts: &Csr<u64>,
    vocab: &[String],
    top: usize,
    alpha: f64,
    min_count: u64,
) -> Vec<Distinctive> {
    let n_groups = counts.indptr.len() - 1;
    let mut y = vec![0f64; counts.n_cols];
    for (&c, &v) in counts.indices.iter().zip(&counts.data) {
        y[c as usize] += v as f64;
    }
    let n: f64 = y.iter().sum();
    let a0 = alpha * n;
    let per_group = parallel::map_range(threads, n_groups, |g| {
        let (a, b) = (counts.indptr[g] as usize, counts.indptr[g + 1] as usize);
        let n_i: f64 = counts.data[a..b].iter().map(|&v| v as f64).sum();
        let n_j = n - n_i;
        let mut rows: Vec<Distinctive> = (a..b)
            .filter(|&k| counts.data[k] >= min_count.max(1))
            .map(|k| {
                let w = counts.indices[k] as usize;
                let yi = counts.data[k] as f64;
                let yj = y[w] - yi;
                let aw = alpha * y[w];
                let delta = ((yi + aw) / (n_i + a0 - yi - aw)).ln()
                    - ((yj + aw) / (n_j + a0 - yj - aw)).ln();
                let var = 1.0 / (yi + aw) + 1.0 / (yj + aw);
                Distinctive {
                    group: g,
                    term: w,
                    count: counts.data[k],
                    log_odds: delta,
                    z: delta / var.sqrt(),
                }
            })
            .collect();
        rows.sort_by(|p, q| {
            q.z.total_cmp(&p.z)
                .then_with(|| vocab[p.term].cmp(&vocab[q.term]))
        });
        rows.truncate(top);
        rows
    });
    per_group.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinctive_term_wins() {
        // group 0: a a a b ; group 1: b b b a
        let counts = Csr {
            data: vec![3, 1, 1, 3],
            indices: vec![0, 1, 0, 1],
            indptr: vec![0, 2, 4],
            n_cols: 2,
        };
        let vocab = vec!["a".to_string(), "b".to_string()];
        let d = distinctive(Threads::Serial, &counts, &vocab, 1, 0.01, 1);
        assert_eq!((d[0].group, d[0].term), (0, 0));
        assert_eq!((d[1].group, d[1].term), (1, 1));
        assert!(d[0].z > 0.0 && (d[0].z - d[1].z).abs() < 1e-12);
    }
}
