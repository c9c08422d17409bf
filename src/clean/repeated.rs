//! Cross-document boilerplate: lines that repeat across documents of one outlet (or, when
//! short, across documents of several outlets).
//!
//! Each document contributes the set of its distinct normalised line hashes (partial state);
//! the counts are merged serially (one entry per distinct line, cheap); each document then
//! gets the set of its own lines that are boilerplate.

use ahash::{AHashMap, AHashSet};

use super::features::{line_hash, word_count};
use super::CleanOptions;

/// Distinct `(hash, short)` pairs of the non-blank lines of `text`.
pub(crate) fn doc_lines(text: &str, max_short_words: usize) -> Vec<(u64, bool)> {
    let mut seen = AHashSet::new();
    let mut out = Vec::new();
    for line in text.split('\n') {
        let h = line_hash(line);
        if h != 0 && seen.insert(h) {
            out.push((h, word_count(line) <= max_short_words));
        }
    }
    out
}

/// For each document, the hashes of its lines that are repeated boilerplate.
pub(crate) fn repeated_sets(
    docs: &[Vec<(u64, bool)>],
    outlets: &[&str],
    opts: &CleanOptions,
) -> Vec<AHashSet<u64>> {
    let mut outlet_ids: AHashMap<&str, u32> = AHashMap::new();
    let ids: Vec<Option<u32>> = outlets
        .iter()
        .map(|o| {
            let o = o.trim();
            if o.is_empty() {
                None
            } else {
                let next = outlet_ids.len() as u32;
                Some(*outlet_ids.entry(o).or_insert(next))
            }
        })
        .collect();
    let mut per_outlet: AHashMap<(u32, u64), u32> = AHashMap::new();
    // hash -> (documents, first outlet, seen in more than one outlet)
    let mut corpus: AHashMap<u64, (u32, Option<u32>, bool)> = AHashMap::new();
    for (lines, id) in docs.iter().zip(&ids) {
        for &(h, _) in lines {
            if let Some(o) = *id {
                *per_outlet.entry((o, h)).or_insert(0) += 1;
            }
            let e = corpus.entry(h).or_insert((0, *id, false));
            e.0 += 1;
            if e.1 != *id {
                e.2 = true;
            }
        }
    }
    docs.iter()
        .zip(&ids)
        .map(|(lines, id)| {
            lines
                .iter()
                .filter(|&&(h, short)| {
                    let in_outlet = id.is_some_and(|o| {
                        per_outlet.get(&(o, h)).copied().unwrap_or(0) as usize
                            >= opts.min_outlet_docs
                    });
                    let across = short
                        && corpus.get(&h).is_some_and(|&(n, _, multi)| {
                            multi && n as usize >= opts.min_corpus_docs
                        });
                    in_outlet || across
                })
                .map(|&(h, _)| h)
                .collect()
        })
        .collect()
}
