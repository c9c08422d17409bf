//! Document-frequency pruning and tf-idf weighting, as scikit-learn computes them.
//!
//! * pruning keeps a term when `low <= df <= high` (`min_df`/`max_df` resolved to document
//!   counts by the caller: an int is a count, a float a fraction of the documents);
//! * `idf = ln(n / df) + 1`, with `n` and `df` both incremented by one when `smooth_idf`;
//! * a row's values are `tf` (or 1 when `binary`, or `ln(tf) + 1` when `sublinear_tf`) times
//!   `idf`, then divided by the row's l1 or l2 norm (rows with a zero norm are left alone).

/// Row normalisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Norm {
    /// No normalisation.
    None,
    /// Divide by the sum of absolute values.
    L1,
    /// Divide by the Euclidean norm.
    #[default]
    L2,
}

/// How counts become tf-idf values (mirrors scikit-learn's flags one to one).
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TfidfOptions {
    /// Use 1 for every present term.
    pub binary: bool,
    /// Replace `tf` by `ln(tf) + 1`.
    pub sublinear_tf: bool,
    /// Multiply by the inverse document frequency.
    pub use_idf: bool,
    /// Add one to the document count and every document frequency.
    pub smooth_idf: bool,
    /// Row normalisation.
    pub norm: Norm,
}

impl Default for TfidfOptions {
    fn default() -> Self {
        TfidfOptions {
            binary: false,
            sublinear_tf: false,
            use_idf: true,
            smooth_idf: true,
            norm: Norm::L2,
        }
    }
}

/// Indices of the terms whose document frequency lies in `[low, high]`.
pub fn df_keep(df: &[u64], high: Option<f64>, low: Option<f64>) -> Vec<usize> {
    (0..df.len())
        .filter(|&i| {
            let d = df[i] as f64;
            high.is_none_or(|h| d <= h) && low.is_none_or(|l| d >= l)
        })
        .collect()
}

/// Inverse document frequencies (scikit-learn's `TfidfTransformer.idf_`).
pub fn idf(df: &[u64], n_docs: usize, smooth: bool) -> Vec<f64> {
    let s = if smooth { 1.0 } else { 0.0 };
    let n = (n_docs + usize::from(smooth)) as f64;
    df.iter()
        .map(|&d| (n / (d as f64 + s)).ln() + 1.0)
        .collect()
}

/// Divide `row` in place by its norm.
pub fn normalize(row: &mut [f64], norm: Norm) {
    let sum: f64 = match norm {
        Norm::None => return,
        Norm::L1 => row.iter().map(|v| v.abs()).sum(),
        Norm::L2 => row.iter().map(|v| v * v).sum(),
    };
    if sum == 0.0 {
        return;
    }
    let d = if norm == Norm::L2 { sum.sqrt() } else { sum };
    for v in row {
        *v /= d;
    }
}

/// Write the tf-idf values of one row (sorted columns `cols`, raw counts `counts`) into `out`,
/// which has one slot per column.
pub fn tfidf_row(
    cols: &[u32],
    counts: &[u32],
    opts: &TfidfOptions,
    idf: Option<&[f64]>,
    out: &mut [f64],
) {
    assert_eq!(out.len(), cols.len(), "one value per column");
    for ((o, &c), &n) in out.iter_mut().zip(cols).zip(counts) {
        let mut v = if opts.binary { 1.0 } else { f64::from(n) };
        if opts.sublinear_tf {
            v = v.ln() + 1.0;
        }
        if let Some(idf) = idf {
            v *= idf[c as usize];
        }
        *o = v;
    }
    normalize(out, opts.norm);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idf_matches_formula() {
        let v = idf(&[1, 2], 2, true);
        assert!((v[0] - ((3.0f64 / 2.0).ln() + 1.0)).abs() < 1e-15);
        assert!((v[1] - 1.0).abs() < 1e-15);
    }

    #[test]
    fn rows_are_normalised() {
        let mut out = [0.0; 2];
        tfidf_row(
            &[0, 1],
            &[3, 4],
            &TfidfOptions {
                use_idf: false,
                ..Default::default()
            },
            None,
            &mut out,
        );
        assert!((out[0] - 0.6).abs() < 1e-15 && (out[1] - 0.8).abs() < 1e-15);
        assert_eq!(df_keep(&[1, 2, 3], Some(2.0), Some(2.0)), [1]);
    }
}
