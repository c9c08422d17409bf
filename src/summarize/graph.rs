//! Sentence vectors, the sentence similarity graph and PageRank (LexRank, TextRank).
//!
//! The graph is built row by row from an inverted index (term → sentences), so only sentence
//! pairs that share a term are ever touched. Up to [`EXACT_LIMIT`] sentences every such pair
//! is kept. Past it the graph is pruned to stay linear in the number of sentences: each
//! sentence keeps its [`TOP_K`] most similar neighbours, and terms found in more than
//! [`MAX_POSTINGS`] sentences (the most common words, whose idf is lowest) are left out of the
//! similarity.

use crate::parallel::{self, Threads};

use super::analyze::Analysis;

/// Largest input (in sentences) whose similarity graph is exact.
pub const EXACT_LIMIT: usize = 2000;
/// Neighbours kept per sentence past [`EXACT_LIMIT`].
pub const TOP_K: usize = 50;
/// Past [`EXACT_LIMIT`], terms in more sentences than this are ignored by the graph.
pub const MAX_POSTINGS: usize = 500;

/// A sparse vector: sorted unique term ids with weights.
pub type SparseVec = Vec<(u32, f64)>;

/// Sentence frequency of every term (number of sentences containing it).
pub fn sentence_df(a: &Analysis) -> Vec<u32> {
    let mut df = vec![0u32; a.n_terms()];
    let mut seen = vec![u32::MAX; a.n_terms()];
    for (i, s) in a.sentences.iter().enumerate() {
        for &t in &s.tokens {
            if seen[t as usize] != i as u32 {
                seen[t as usize] = i as u32;
                df[t as usize] += 1;
            }
        }
    }
    df
}

/// Smoothed inverse sentence frequency `ln(1 + N / df)`.
pub fn sentence_idf(a: &Analysis) -> Vec<f64> {
    let n = a.sentences.len().max(1) as f64;
    sentence_df(a)
        .into_iter()
        .map(|d| {
            if d == 0 {
                0.0
            } else {
                (1.0 + n / f64::from(d)).ln()
            }
        })
        .collect()
}

/// Content-term vectors: weight = term count × `idf` (a unit weight per term when `idf` is
/// `None` and `binary`).
pub fn content_vectors(a: &Analysis, idf: Option<&[f64]>, binary: bool) -> Vec<SparseVec> {
    (0..a.sentences.len())
        .map(|i| {
            let mut terms: Vec<u32> = a.content(i).collect();
            terms.sort_unstable();
            let mut v: SparseVec = Vec::with_capacity(terms.len());
            for t in terms {
                match v.last_mut() {
                    Some((last, w)) if *last == t => {
                        if !binary {
                            *w += 1.0;
                        }
                    }
                    _ => v.push((t, 1.0)),
                }
            }
            if let Some(idf) = idf {
                for (t, w) in &mut v {
                    *w *= idf[*t as usize];
                }
            }
            v
        })
        .collect()
}

/// Euclidean norm of a sparse vector.
pub fn norm(v: &SparseVec) -> f64 {
    v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt()
}

/// Dot product of two sorted sparse vectors.
pub fn dot(a: &SparseVec, b: &SparseVec) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Cosine of two sparse vectors with known norms (0 when one is empty).
pub fn cosine(a: &SparseVec, na: f64, b: &SparseVec, nb: f64) -> f64 {
    if na <= 0.0 || nb <= 0.0 {
        0.0
    } else {
        dot(a, b) / (na * nb)
    }
}

/// An adjacency list: row `i` holds `(j, weight)` for `j != i`, sorted by `j`.
pub struct Graph {
    /// The rows.
    pub rows: Vec<Vec<(u32, f32)>>,
}

/// How a row's accumulated dot products become edge weights.
pub enum Edge<'a> {
    /// Cosine: `dot / (norm_i × norm_j)`.
    Cosine(&'a [f64]),
    /// TextRank: `overlap / (ln len_i + ln len_j)` (no edge when the denominator is not
    /// positive).
    LogLength(&'a [f64]),
}

impl Edge<'_> {
    fn weight(&self, i: usize, j: usize, d: f64) -> f64 {
        match self {
            Edge::Cosine(n) => {
                let den = n[i] * n[j];
                if den > 0.0 {
                    d / den
                } else {
                    0.0
                }
            }
            Edge::LogLength(l) => {
                let den = l[i] + l[j];
                if den > 0.0 {
                    d / den
                } else {
                    0.0
                }
            }
        }
    }
}

/// Rows per parallel task (each task holds one accumulator of `n` floats).
const CHUNK: usize = 256;

/// Build the similarity graph of `vectors` (see the module docs for the size rule).
pub fn build(vectors: &[SparseVec], n_terms: usize, edge: &Edge<'_>, threads: Threads) -> Graph {
    let n = vectors.len();
    let exact = n <= EXACT_LIMIT;
    let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n_terms];
    for (i, v) in vectors.iter().enumerate() {
        for &(t, w) in v {
            postings[t as usize].push((i as u32, w));
        }
    }
    let chunks = n.div_ceil(CHUNK);
    let parts = parallel::map_range(threads, chunks, |c| {
        let mut acc = vec![0.0f64; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut rows = Vec::with_capacity(CHUNK);
        let first = c * CHUNK;
        for (i, vi) in vectors
            .iter()
            .enumerate()
            .take((first + CHUNK).min(n))
            .skip(first)
        {
            for &(t, w) in vi {
                let p = &postings[t as usize];
                if !exact && p.len() > MAX_POSTINGS {
                    continue;
                }
                for &(j, wj) in p {
                    if j as usize == i {
                        continue;
                    }
                    if acc[j as usize] == 0.0 {
                        touched.push(j);
                    }
                    acc[j as usize] += w * wj;
                }
            }
            let mut row: Vec<(u32, f32)> = Vec::with_capacity(touched.len());
            for &j in &touched {
                let d = acc[j as usize];
                acc[j as usize] = 0.0;
                let wgt = edge.weight(i, j as usize, d);
                if wgt > 0.0 {
                    row.push((j, wgt as f32));
                }
            }
            touched.clear();
            if !exact && row.len() > TOP_K {
                row.select_nth_unstable_by(TOP_K - 1, |a, b| {
                    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
                });
                row.truncate(TOP_K);
            }
            row.sort_unstable_by_key(|e| e.0);
            rows.push(row);
        }
        rows
    });
    Graph {
        rows: parts.into_iter().flatten().collect(),
    }
}

/// PageRank with damping `d` (probability of following an edge); dangling rows spread their
/// mass uniformly. Iterates until the L1 change is below 1e-8 (at most 100 rounds). The result
/// sums to 1.
pub fn pagerank(g: &Graph, d: f64) -> Vec<f64> {
    let n = g.rows.len();
    if n == 0 {
        return Vec::new();
    }
    let nf = n as f64;
    let sums: Vec<f64> = g
        .rows
        .iter()
        .map(|r| r.iter().map(|&(_, w)| f64::from(w)).sum())
        .collect();
    let mut p = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    for _ in 0..100 {
        let mut dangling = 0.0;
        next.fill(0.0);
        for (i, row) in g.rows.iter().enumerate() {
            if sums[i] <= 0.0 {
                dangling += p[i];
                continue;
            }
            let share = p[i] / sums[i];
            for &(j, w) in row {
                next[j as usize] += share * f64::from(w);
            }
        }
        let base = (1.0 - d) / nf + d * dangling / nf;
        let mut change = 0.0;
        for (x, old) in next.iter_mut().zip(&p) {
            *x = base + d * *x;
            change += (*x - old).abs();
        }
        std::mem::swap(&mut p, &mut next);
        if change < 1e-8 {
            break;
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagerank_favours_the_hub() {
        // 0 is linked to 1, 2, 3; those only to 0.
        let g = Graph {
            rows: vec![
                vec![(1, 1.0), (2, 1.0), (3, 1.0)],
                vec![(0, 1.0)],
                vec![(0, 1.0)],
                vec![(0, 1.0)],
            ],
        };
        let p = pagerank(&g, 0.85);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(p[0] > p[1] && (p[1] - p[2]).abs() < 1e-12);
    }

    #[test]
    fn graph_rows_are_cosines() {
        let v: Vec<SparseVec> = vec![vec![(0, 1.0), (1, 1.0)], vec![(0, 1.0)], vec![(2, 1.0)]];
        let norms: Vec<f64> = v.iter().map(norm).collect();
        let g = build(&v, 3, &Edge::Cosine(&norms), Threads::Serial);
        assert_eq!(g.rows[0].len(), 1);
        assert!((f64::from(g.rows[0][0].1) - 1.0 / 2f64.sqrt()).abs() < 1e-6);
        assert!(g.rows[2].is_empty());
    }
}
