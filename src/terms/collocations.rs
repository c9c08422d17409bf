//! Bigram collocations scored by Dunning's log-likelihood ratio or pointwise mutual information.
//!
//! Bigrams are adjacent terms inside one sentence. With `N` bigrams in all, `c1` the number of
//! bigrams starting with `w1`, `c2` the number ending with `w2` and `k` those equal to
//! `(w1, w2)`, the contingency table is `k11 = k`, `k12 = c1 - k`, `k21 = c2 - k`,
//! `k22 = N - c1 - c2 + k` and
//!
//! * `llr = 2 Σ k_ij ln(k_ij N / (row_i col_j))` (cells with `k_ij = 0` contribute 0);
//! * `pmi = log2(k N / (c1 c2))`.

use ahash::AHashMap;

use super::counts::CountOptions;
use super::vocab::chunk_ranges;
use crate::parallel::{self, Threads};
use crate::text::{sentence_spans, Language, Tokenizer};

/// Which score ranks bigrams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Dunning's log-likelihood ratio.
    Llr,
    /// Pointwise mutual information (base 2).
    Pmi,
}

/// One scored bigram.
#[derive(Debug, Clone, PartialEq)]
pub struct Collocation {
    /// First word.
    pub w1: String,
    /// Second word.
    pub w2: String,
    /// Number of occurrences.
    pub count: u64,
    /// The score.
    pub score: f64,
}

fn xlnx(k: f64, expected: f64) -> f64 {
    if k > 0.0 {
        k * (k / expected).ln()
    } else {
        0.0
    }
}

/// Dunning's log-likelihood ratio of a 2×2 table given as bigram counts.
pub fn llr(k: f64, c1: f64, c2: f64, n: f64) -> f64 {
    let (k11, k12, k21) = (k, c1 - k, c2 - k);
    let k22 = n - c1 - c2 + k;
    let (r1, r2, s1, s2) = (c1, n - c1, c2, n - c2);
    2.0 * (xlnx(k11, r1 * s1 / n)
        + xlnx(k12, r1 * s2 / n)
        + xlnx(k21, r2 * s1 / n)
        + xlnx(k22, r2 * s2 / n))
}

/// The `top` bigrams of `docs` with at least `min_count` occurrences, best first (ties by
/// bigram).
pub fn collocations<S: AsRef<str> + Sync>(
    threads: Threads,
    docs: &[S],
    opts: &CountOptions,
    measure: Measure,
    min_count: u64,
    top: usize,
) -> Vec<Collocation> {
    let k = parallel::effective_threads(threads).max(1);
    let ranges = chunk_ranges(docs.len(), if k > 1 { k * 2 } else { 1 });
    let partial = parallel::map(threads, &ranges, |&(a, b)| {
        let tok = Tokenizer::new(&opts.tokenize);
        let mut m: AHashMap<(String, String), u64> = AHashMap::new();
        for d in &docs[a..b] {
            let d = d.as_ref();
            for (s, e) in sentence_spans(d, Language::English) {
                let words = tok.tokenize(&d[s..e]);
                for w in words.windows(2) {
                    *m.entry((w[0].clone(), w[1].clone())).or_insert(0) += 1;
                }
            }
        }
        m
    });
    let mut all: AHashMap<(String, String), u64> = AHashMap::new();
    for m in partial {
        for (key, v) in m {
            *all.entry(key).or_insert(0) += v;
        }
    }
    let mut first: AHashMap<&str, u64> = AHashMap::new();
    let mut second: AHashMap<&str, u64> = AHashMap::new();
    let mut n = 0u64;
    for ((a, b), &v) in &all {
        *first.entry(a.as_str()).or_insert(0) += v;
        *second.entry(b.as_str()).or_insert(0) += v;
        n += v;
    }
    let nf = n as f64;
    let mut out: Vec<Collocation> = all
        .iter()
        .filter(|(_, &v)| v >= min_count)
        .map(|((a, b), &v)| {
            let c1 = first[a.as_str()] as f64;
            let c2 = second[b.as_str()] as f64;
            let k = v as f64;
            let score = match measure {
                Measure::Llr => llr(k, c1, c2, nf),
                Measure::Pmi => (k * nf / (c1 * c2)).log2(),
            };
            Collocation {
                w1: a.clone(),
                w2: b.clone(),
                count: v,
                score,
            }
        })
        .collect();
    out.sort_by(|p, q| {
        q.score
            .total_cmp(&p.score)
            .then_with(|| (&p.w1, &p.w2).cmp(&(&q.w1, &q.w2)))
    });
    out.truncate(top);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strong_pair_ranks_first() {
        let docs = ["new york is big. new york is old. a cat is here. new cat"];
        let c = collocations(
            Threads::Serial,
            &docs,
            &CountOptions::default(),
            Measure::Llr,
            2,
            3,
        );
        assert_eq!((c[0].w1.as_str(), c[0].w2.as_str()), ("new", "york"));
        assert!(llr(0.0, 0.0, 0.0, 1.0).abs() < 1e-12);
    }
}
