//! Budgeted selection with MMR de-duplication, summary order, and provenance.

use super::analyze::Analysis;
use super::graph::{cosine, norm, SparseVec};

/// Maximal marginal relevance under a budget: repeatedly take the candidate that fits with the
/// best `(1 − λ) · score/max_score − λ · max cosine to the chosen ones`. `cands` must be in
/// preference order (ties are broken by it).
pub fn mmr(
    scores: &[f64],
    cands: &[usize],
    vectors: &[SparseVec],
    words: &[u32],
    max_words: usize,
    max_sentences: usize,
    lambda: f64,
) -> Vec<usize> {
    let top = cands
        .iter()
        .map(|&i| scores[i])
        .fold(f64::NEG_INFINITY, f64::max);
    let scale = if top > 0.0 { top } else { 1.0 };
    let norms: Vec<f64> = cands.iter().map(|&i| norm(&vectors[i])).collect();
    let mut maxsim = vec![0.0f64; cands.len()];
    let mut taken = vec![false; cands.len()];
    let mut chosen = Vec::new();
    let mut used = 0usize;
    while chosen.len() < max_sentences {
        let mut best: Option<(f64, usize)> = None;
        for (k, &i) in cands.iter().enumerate() {
            if taken[k] || used + words[i] as usize > max_words {
                continue;
            }
            let v = (1.0 - lambda) * scores[i] / scale - lambda * maxsim[k];
            if best.is_none_or(|(bv, _)| v > bv) {
                best = Some((v, k));
            }
        }
        let Some((_, k)) = best else { break };
        taken[k] = true;
        let i = cands[k];
        used += words[i] as usize;
        chosen.push(i);
        if lambda > 0.0 {
            for (m, &j) in cands.iter().enumerate() {
                if !taken[m] {
                    let s = cosine(&vectors[i], norms[k], &vectors[j], norms[m]);
                    if s > maxsim[m] {
                        maxsim[m] = s;
                    }
                }
            }
        }
    }
    chosen
}

/// Sentences (other than `i` itself) whose content-term sets overlap `i`'s with a cosine of
/// at least `threshold` and at least two shared terms (one when either set is a single term):
/// the documents that carry the same content. Returns document indices, `i`'s own first, the
/// others in input order.
pub fn support(
    a: &Analysis,
    sets: &[SparseVec],
    postings: &[Vec<u32>],
    i: usize,
    threshold: f64,
) -> Vec<u32> {
    let own = a.sentences[i].doc;
    let mut docs = vec![own];
    let si = &sets[i];
    if si.is_empty() {
        return docs;
    }
    let mut overlap: ahash::AHashMap<u32, u32> = ahash::AHashMap::new();
    for &(t, _) in si {
        for &j in &postings[t as usize] {
            if j as usize != i {
                *overlap.entry(j).or_insert(0) += 1;
            }
        }
    }
    let mut found: Vec<u32> = overlap
        .into_iter()
        .filter(|&(j, k)| {
            let sj = sets[j as usize].len();
            let need = if si.len() == 1 || sj == 1 { 1 } else { 2 };
            k >= need && f64::from(k) / ((si.len() * sj) as f64).sqrt() >= threshold
        })
        .map(|(j, _)| a.sentences[j as usize].doc)
        .filter(|&d| d != own)
        .collect();
    found.sort_unstable();
    found.dedup();
    docs.extend(found);
    docs
}

/// Inverted index over binary content sets: term → sentences.
pub fn postings(sets: &[SparseVec], n_terms: usize) -> Vec<Vec<u32>> {
    let mut p: Vec<Vec<u32>> = vec![Vec::new(); n_terms];
    for (i, s) in sets.iter().enumerate() {
        for &(t, _) in s {
            p[t as usize].push(i as u32);
        }
    }
    p
}
