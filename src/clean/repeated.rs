//! Cross-document boilerplate: lines that repeat across documents of one outlet (or, when
//! short, across documents of several outlets).
//!
//! Each document contributes the set of its distinct normalised line hashes (partial state);
//! the counts are merged serially (one entry per distinct line, cheap); each document then
//! gets the set of its own lines that are boilerplate.

use ahash::AHashMap;

use super::features::{at_most_words, line_hash};
use super::CleanOptions;
use crate::parallel::{self, Threads};

/// The lines of one document: for each `\n`-separated line the index of its normalised hash
/// in `distinct` ([`NO_LINE`] for a line without letters or digits), and the distinct hashes
/// in order of first occurrence with the byte span of that first line.
pub(crate) struct DocLines {
    by_line: Vec<u32>,
    distinct: Vec<(u64, usize, usize)>,
}

/// `DocLines::by_line` of a line without letters or digits.
const NO_LINE: u32 = u32::MAX;

pub(crate) fn doc_lines(text: &str) -> DocLines {
    let bytes = text.as_bytes();
    let n_lines = memchr::memchr_iter(b'\n', bytes).count() + 1;
    let mut seen: AHashMap<u64, u32> = AHashMap::with_capacity(n_lines);
    let mut distinct = Vec::with_capacity(n_lines);
    let mut by_line = Vec::with_capacity(n_lines);
    let mut pos = 0;
    while pos <= bytes.len() {
        let nl = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |p| pos + p);
        let h = line_hash(&text[pos..nl]);
        if h == 0 {
            by_line.push(NO_LINE);
        } else {
            let next = distinct.len() as u32;
            let id = *seen.entry(h).or_insert(next);
            if id == next {
                distinct.push((h, pos, nl));
            }
            by_line.push(id);
        }
        pos = nl + 1;
    }
    DocLines { by_line, distinct }
}

/// For each document, whether each of its `\n`-separated lines is repeated boilerplate.
/// `texts[i]` is the text `docs[i]` was built from.
pub(crate) fn repeated_sets(
    texts: &[&str],
    docs: &[DocLines],
    outlets: &[&str],
    opts: &CleanOptions,
    threads: Threads,
) -> Vec<Vec<bool>> {
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
    let total: usize = docs.iter().map(|d| d.distinct.len()).sum();
    let mut per_outlet: AHashMap<(u32, u64), u32> = AHashMap::with_capacity(total);
    // hash -> (documents, first outlet, seen in more than one outlet)
    let mut corpus: AHashMap<u64, (u32, Option<u32>, bool)> = AHashMap::with_capacity(total);
    for (lines, id) in docs.iter().zip(&ids) {
        for &(h, _, _) in &lines.distinct {
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
    parallel::map_range(threads, docs.len(), |d| {
        let (lines, id) = (&docs[d], ids[d]);
        let repeated: Vec<bool> = lines
            .distinct
            .iter()
            .map(|&(h, s, e)| {
                let in_outlet = id.is_some_and(|o| {
                    per_outlet.get(&(o, h)).copied().unwrap_or(0) as usize >= opts.min_outlet_docs
                });
                // Short lines only: counted here, for the few lines that need it.
                let across = || {
                    corpus
                        .get(&h)
                        .is_some_and(|&(n, _, multi)| multi && n as usize >= opts.min_corpus_docs)
                        && at_most_words(&texts[d][s..e], opts.max_short_words)
                };
                in_outlet || across()
            })
            .collect();
        if !repeated.contains(&true) {
            return Vec::new();
        }
        lines
            .by_line
            .iter()
            .map(|&i| i != NO_LINE && repeated[i as usize])
            .collect()
    })
}
