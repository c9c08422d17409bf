//! Term counts by group (document, outlet, corpus or any label) with the presslens tokenizer.
//!
//! Documents are counted in parallel chunks into interned partial states, merged into one
//! sorted vocabulary ([`super::vocab::merge`]) and then summed per group. Two
//! [`GroupCounts`] computed over different parts of a corpus [`GroupCounts::merge`] into the
//! counts of the whole.

use std::sync::Arc;

use ahash::{AHashMap, AHashSet};

use super::analyzer::SkAnalyzer;
use super::vocab::{byte_ranges, merge, ChunkCounter, Csr, DocTermCounts};
use crate::parallel::{self, Threads};
use crate::text::{for_each_token, TokenizeOptions, Tokenizer};

/// Options of [`group_counts`].
#[derive(Debug, Clone)]
pub struct CountOptions {
    /// Lower-casing, stemming and stop words of the presslens tokenizer.
    pub tokenize: TokenizeOptions,
    /// Inclusive word n-gram range (n-grams are joined with a space, after stop-word removal).
    pub ngram_range: (usize, usize),
}

impl Default for CountOptions {
    fn default() -> Self {
        CountOptions {
            tokenize: TokenizeOptions::default(),
            ngram_range: (1, 1),
        }
    }
}

/// Counts of groups × terms, with document frequencies: mergeable partial state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupCounts {
    /// Sorted vocabulary.
    pub vocab: Vec<String>,
    /// Group labels, in order of first appearance.
    pub groups: Vec<String>,
    /// Counts, one row per group.
    pub counts: Csr<u64>,
    /// Number of documents containing each term.
    pub df: Vec<u64>,
    /// Number of documents.
    pub n_docs: u64,
    /// Number of documents per group.
    pub group_docs: Vec<u64>,
}

/// The tokens of `text` as terms, through a reusable buffer (ASCII fast path without
/// allocation; stemming and non-ASCII go through [`Tokenizer::term`]).
fn for_each_term(
    tok: &Tokenizer,
    opts: &TokenizeOptions,
    text: &str,
    buf: &mut String,
    mut f: impl FnMut(&str),
) {
    let fast = opts.stem.is_none();
    for_each_token(text, |s, e| {
        let raw = &text[s..e];
        if fast && raw.is_ascii() {
            buf.clear();
            buf.push_str(raw);
            if opts.lowercase {
                buf.make_ascii_lowercase();
            }
            if let Some(stop) = &opts.stop_words {
                let hit = if opts.lowercase {
                    stop.contains(buf.as_str())
                } else {
                    stop.contains(&buf.to_ascii_lowercase())
                };
                if hit {
                    return;
                }
            }
            f(buf);
        } else if let Some(t) = tok.term(raw) {
            f(&t);
        }
    });
}

/// Count the terms of every document (rows in document order).
pub fn doc_counts<S: AsRef<str> + Sync>(
    threads: Threads,
    docs: &[S],
    opts: &CountOptions,
) -> DocTermCounts {
    let k = parallel::effective_threads(threads).clamp(1, docs.len().max(1));
    let ranges = byte_ranges(docs, k);
    let analyzer = SkAnalyzer {
        ngram_range: opts.ngram_range,
        ..Default::default()
    };
    let partials = parallel::map(threads, &ranges, |&(a, b)| {
        let tok = Tokenizer::new(&opts.tokenize);
        let mut c = ChunkCounter::new(&analyzer);
        c.reserve_for(docs[a..b].iter().map(|d| d.as_ref().len()).sum());
        let mut buf = String::new();
        for d in &docs[a..b] {
            c.start_tokens();
            for_each_term(&tok, &opts.tokenize, d.as_ref(), &mut buf, |t| {
                c.push_token(t);
            });
            c.end_tokens();
        }
        c.finish()
    });
    merge(threads, partials)
}

/// Count terms per group: `group_of[d]` is the group index of document `d` among `groups`.
pub fn group_counts<S: AsRef<str> + Sync>(
    threads: Threads,
    docs: &[S],
    group_of: &[u32],
    groups: Vec<String>,
    opts: &CountOptions,
) -> GroupCounts {
    let dc = doc_counts(threads, docs, opts);
    from_doc_counts(threads, dc, group_of, groups)
}

/// Sum document rows into group rows.
pub fn from_doc_counts(
    threads: Threads,
    dc: DocTermCounts,
    group_of: &[u32],
    groups: Vec<String>,
) -> GroupCounts {
    let df = dc.df();
    let n_docs = dc.n_docs();
    let mut group_docs = vec![0u64; groups.len()];
    for &g in group_of.iter().take(n_docs) {
        group_docs[g as usize] += 1;
    }
    let identity =
        groups.len() == n_docs && group_of.iter().enumerate().all(|(d, &g)| g as usize == d);
    let counts = if identity {
        dc.to_csr(threads, |_, c, out: &mut [u64]| {
            for (o, &v) in out.iter_mut().zip(c) {
                *o = u64::from(v);
            }
        })
    } else {
        group_rows(threads, &dc, group_of, groups.len())
    };
    GroupCounts {
        vocab: dc.vocab,
        groups,
        counts,
        df,
        n_docs: n_docs as u64,
        group_docs,
    }
}

/// One group's sums in one chunk: (group, sorted columns, sums).
type GroupSum = (u32, Vec<i32>, Vec<u64>);

/// Sum document rows into one sorted row per group: each chunk of rows is summed per group
/// in parallel (a dense accumulator per chunk, so a group holding most documents does not
/// serialise the work), then each group's chunk sums are merged.
fn group_rows(threads: Threads, dc: &DocTermCounts, group_of: &[u32], n_groups: usize) -> Csr<u64> {
    let n_cols = dc.vocab.len();
    let mut starts = Vec::with_capacity(dc.parts.len());
    let mut first = 0;
    for p in &dc.parts {
        starts.push(first);
        first += p.n_docs();
    }
    let part_ids: Vec<usize> = (0..dc.parts.len()).collect();
    // Per chunk: (group, sorted columns, sums) for the groups present in the chunk.
    let sums: Vec<Vec<GroupSum>> = parallel::map(threads, &part_ids, |&k| {
        let p = &dc.parts[k];
        let mut docs: Vec<(u32, usize)> = (0..p.n_docs())
            .map(|r| (group_of[starts[k] + r], r))
            .collect();
        docs.sort_unstable();
        let mut dense = vec![0u64; n_cols];
        let mut touched: Vec<u32> = Vec::new();
        let mut out = Vec::new();
        let mut i = 0;
        while i < docs.len() {
            let g = docs[i].0;
            touched.clear();
            while i < docs.len() && docs[i].0 == g {
                let r = docs[i].1;
                for j in p.indptr[r]..p.indptr[r + 1] {
                    let c = p.ids[j] as usize;
                    if dense[c] == 0 {
                        touched.push(p.ids[j]);
                    }
                    dense[c] += u64::from(p.vals[j]);
                }
                i += 1;
            }
            touched.sort_unstable();
            let vals: Vec<u64> = touched
                .iter()
                .map(|&c| std::mem::take(&mut dense[c as usize]))
                .collect();
            out.push((g, touched.iter().map(|&c| c as i32).collect(), vals));
        }
        out
    });
    let mut per_group: Vec<Vec<(&[i32], &[u64])>> = vec![Vec::new(); n_groups];
    for chunk in &sums {
        for (g, cols, vals) in chunk {
            per_group[*g as usize].push((cols, vals));
        }
    }
    let rows: Vec<(Vec<i32>, Vec<u64>)> =
        parallel::map(threads, &per_group, |lists| match lists.as_slice() {
            [] => (Vec::new(), Vec::new()),
            [(c, v)] => (c.to_vec(), v.to_vec()),
            _ => {
                let mut pairs: Vec<(i32, u64)> = Vec::new();
                for (c, v) in lists {
                    pairs.extend(c.iter().copied().zip(v.iter().copied()));
                }
                sum_sorted(pairs)
            }
        });
    let nnz = rows.iter().map(|r| r.0.len()).sum();
    let mut csr = Csr {
        n_cols,
        indptr: Vec::with_capacity(rows.len() + 1),
        indices: Vec::with_capacity(nnz),
        data: Vec::with_capacity(nnz),
    };
    csr.indptr.push(0);
    for (cols, vals) in rows {
        csr.indices.extend(cols);
        csr.data.extend(vals);
        csr.indptr.push(csr.data.len() as i64);
    }
    csr
}

fn sum_sorted(mut pairs: Vec<(i32, u64)>) -> (Vec<i32>, Vec<u64>) {
    pairs.sort_unstable_by_key(|p| p.0);
    let mut cols = Vec::new();
    let mut vals: Vec<u64> = Vec::new();
    for (c, v) in pairs {
        if cols.last() == Some(&c) {
            *vals.last_mut().unwrap_or(&mut 0) += v;
        } else {
            cols.push(c);
            vals.push(v);
        }
    }
    (cols, vals)
}

impl GroupCounts {
    /// Merge the counts of another part of the corpus: vocabularies are united (sorted),
    /// groups with the same label are summed, new groups are appended.
    #[must_use]
    pub fn merge(&self, other: &GroupCounts) -> GroupCounts {
        // United vocabulary and column maps.
        let mut vocab = Vec::with_capacity(self.vocab.len().max(other.vocab.len()));
        let (mut map_a, mut map_b) = (vec![0i32; self.vocab.len()], vec![0i32; other.vocab.len()]);
        let (mut i, mut j) = (0, 0);
        while i < self.vocab.len() || j < other.vocab.len() {
            let g = vocab.len() as i32;
            let take_a =
                j >= other.vocab.len() || (i < self.vocab.len() && self.vocab[i] <= other.vocab[j]);
            let take_b =
                i >= self.vocab.len() || (j < other.vocab.len() && other.vocab[j] <= self.vocab[i]);
            if take_a {
                map_a[i] = g;
                vocab.push(self.vocab[i].clone());
                i += 1;
                if take_b {
                    map_b[j] = g;
                    j += 1;
                }
            } else {
                map_b[j] = g;
                vocab.push(other.vocab[j].clone());
                j += 1;
            }
        }
        let mut groups = self.groups.clone();
        let mut index: AHashMap<String, usize> = groups
            .iter()
            .enumerate()
            .map(|(k, g)| (g.clone(), k))
            .collect();
        let mut other_group = Vec::with_capacity(other.groups.len());
        for g in &other.groups {
            let k = *index.entry(g.clone()).or_insert_with(|| {
                groups.push(g.clone());
                groups.len() - 1
            });
            other_group.push(k);
        }
        let mut rows: Vec<Vec<(i32, u64)>> = vec![Vec::new(); groups.len()];
        for (g, row) in rows.iter_mut().enumerate().take(self.groups.len()) {
            let (a, b) = (
                self.counts.indptr[g] as usize,
                self.counts.indptr[g + 1] as usize,
            );
            row.extend(
                (a..b).map(|k| (map_a[self.counts.indices[k] as usize], self.counts.data[k])),
            );
        }
        for (g, &target) in other_group.iter().enumerate() {
            let (a, b) = (
                other.counts.indptr[g] as usize,
                other.counts.indptr[g + 1] as usize,
            );
            rows[target].extend((a..b).map(|k| {
                (
                    map_b[other.counts.indices[k] as usize],
                    other.counts.data[k],
                )
            }));
        }
        let mut counts = Csr {
            n_cols: vocab.len(),
            indptr: vec![0],
            ..Default::default()
        };
        for r in rows {
            let (c, v) = sum_sorted(r);
            counts.indices.extend(c);
            counts.data.extend(v);
            counts.indptr.push(counts.data.len() as i64);
        }
        let mut df = vec![0u64; vocab.len()];
        for (k, &d) in self.df.iter().enumerate() {
            df[map_a[k] as usize] += d;
        }
        for (k, &d) in other.df.iter().enumerate() {
            df[map_b[k] as usize] += d;
        }
        let mut group_docs = self.group_docs.clone();
        group_docs.resize(groups.len(), 0);
        for (g, &target) in other_group.iter().enumerate() {
            group_docs[target] += other.group_docs[g];
        }
        GroupCounts {
            vocab,
            groups,
            counts,
            df,
            n_docs: self.n_docs + other.n_docs,
            group_docs,
        }
    }
}

/// A stop-word set for [`TokenizeOptions`] from a list of words (lower-cased).
pub fn stop_set<I: IntoIterator<Item = S>, S: AsRef<str>>(words: I) -> Arc<AHashSet<String>> {
    Arc::new(
        words
            .into_iter()
            .map(|w| w.as_ref().to_lowercase())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(docs: &[&str], group_of: &[u32], groups: &[&str], t: Threads) -> GroupCounts {
        group_counts(
            t,
            docs,
            group_of,
            groups.iter().map(|s| (*s).to_string()).collect(),
            &CountOptions::default(),
        )
    }

    #[test]
    fn groups_sum_documents() {
        let docs = ["Talks paused.", "talks resumed", "Pause"];
        let c = counts(&docs, &[0, 1, 0], &["a", "b"], Threads::Serial);
        assert_eq!(c.vocab, ["pause", "paused", "resumed", "talks"]);
        assert_eq!(c.counts.indptr, [0, 3, 5]);
        assert_eq!(c.df, [1, 1, 1, 2]);
        assert_eq!(c, counts(&docs, &[0, 1, 0], &["a", "b"], Threads::Count(3)));
    }

    #[test]
    fn merge_equals_whole() {
        let docs = ["Talks paused.", "talks resumed", "Pause now", "now what"];
        let whole = counts(&docs, &[0, 1, 0, 2], &["a", "b", "c"], Threads::Serial);
        let p1 = counts(&docs[..2], &[0, 1], &["a", "b"], Threads::Serial);
        let p2 = counts(&docs[2..], &[0, 1], &["a", "c"], Threads::Serial);
        assert_eq!(p1.merge(&p2), whole);
    }
}
