//! Interned per-chunk counting and the deterministic merge into one sorted vocabulary.
//!
//! Shape (DESIGN.md "partial state → merge → finish"):
//! 1. each chunk of documents is counted by a [`ChunkCounter`]: features are interned to
//!    chunk-local ids (word n-grams as chains of `(prefix id, token id)` pairs, so an n-gram
//!    string is only built once per chunk), and each document becomes a sparse row;
//! 2. [`merge`] sorts every chunk's terms and k-way merges them into the global vocabulary in
//!    code-point order (Python's `sorted`), rewriting each row to global ids;
//! 3. [`DocTermCounts`] finishes: document and term frequencies, pruning, CSR output.
//!
//! The global ids depend only on the set of terms, so results are identical for every
//! thread count and chunking.

use ahash::AHashMap;

use super::analyzer::{char_ngrams, char_wb_ngrams, AnalyzerKind, SkAnalyzer};
use crate::parallel::{self, Threads};

const NONE: u32 = u32::MAX;

/// Longest string kept inline in the interner.
const INLINE: usize = 23;

/// A string of at most [`INLINE`] bytes packed into 24 bytes, its length in the last byte.
#[inline]
fn inline_key(s: &str) -> [u64; 3] {
    let mut b = [0u8; 24];
    b[..s.len()].copy_from_slice(s.as_bytes());
    b[23] = s.len() as u8;
    [
        u64::from_le_bytes(b[0..8].try_into().unwrap_or_default()),
        u64::from_le_bytes(b[8..16].try_into().unwrap_or_default()),
        u64::from_le_bytes(b[16..24].try_into().unwrap_or_default()),
    ]
}

fn inline_str(k: &[u64; 3]) -> String {
    let mut b = [0u8; 24];
    for (i, w) in k.iter().enumerate() {
        b[i * 8..i * 8 + 8].copy_from_slice(&w.to_le_bytes());
    }
    let len = b[23] as usize;
    String::from_utf8_lossy(&b[..len]).into_owned()
}

/// Chunk-local interner of features.
#[derive(Default)]
struct Interner {
    /// Strings of at most [`INLINE`] bytes, stored inline so a lookup never chases a pointer.
    short: AHashMap<[u64; 3], u32>,
    strs: AHashMap<Box<str>, u32>,
    pairs: AHashMap<u64, u32>,
    /// `(prefix, last)` for pair ids, `(NONE, NONE)` for string ids.
    parent: Vec<(u32, u32)>,
    /// Stop-word flag of string ids (word analyzers).
    stop: Vec<bool>,
}

impl Interner {
    #[inline]
    fn string(&mut self, s: &str, is_stop: impl FnOnce(&str) -> bool) -> u32 {
        if s.len() <= INLINE {
            let key = inline_key(s);
            if let Some(&id) = self.short.get(&key) {
                return id;
            }
            let id = self.new_string(s, is_stop);
            self.short.insert(key, id);
            return id;
        }
        if let Some(&id) = self.strs.get(s) {
            return id;
        }
        let id = self.new_string(s, is_stop);
        self.strs.insert(s.into(), id);
        id
    }

    fn new_string(&mut self, s: &str, is_stop: impl FnOnce(&str) -> bool) -> u32 {
        let id = self.parent.len() as u32;
        self.parent.push((NONE, NONE));
        self.stop.push(is_stop(s));
        id
    }

    /// Every interned string with its id.
    fn into_strings(self) -> Vec<(Box<str>, u32)> {
        let mut out: Vec<(Box<str>, u32)> = self.strs.into_iter().collect();
        out.extend(
            self.short
                .into_iter()
                .map(|(k, id)| (inline_str(&k).into(), id)),
        );
        out
    }

    #[inline]
    fn pair(&mut self, prefix: u32, last: u32) -> u32 {
        let key = (u64::from(prefix) << 32) | u64::from(last);
        let next = self.parent.len() as u32;
        let id = *self.pairs.entry(key).or_insert(next);
        if id == next {
            self.parent.push((prefix, last));
            self.stop.push(false);
        }
        id
    }

    fn len(&self) -> usize {
        self.parent.len()
    }
}

/// Sparse rows of one chunk: `ids[indptr[d]..indptr[d + 1]]` with `vals` counts.
#[derive(Debug, Default, Clone)]
pub struct Rows {
    /// Row offsets (length = documents + 1).
    pub indptr: Vec<usize>,
    /// Term ids.
    pub ids: Vec<u32>,
    /// Counts.
    pub vals: Vec<u32>,
}

impl Rows {
    fn new() -> Self {
        Rows {
            indptr: vec![0],
            ids: Vec::new(),
            vals: Vec::new(),
        }
    }

    /// Number of documents.
    pub fn n_docs(&self) -> usize {
        self.indptr.len() - 1
    }
}

/// Counts the features of the documents of one chunk.
pub struct ChunkCounter<'a> {
    analyzer: &'a SkAnalyzer,
    interner: Interner,
    counts: Vec<u32>,
    counted: Vec<bool>,
    touched: Vec<u32>,
    rows: Rows,
    buf: String,
    tokens: Vec<u32>,
}

/// The partial state of one chunk: its interned strings, the `(prefix, last)` structure of
/// its n-gram ids, which ids were counted, and its rows (local ids).
pub struct Partial {
    strs: Vec<(Box<str>, u32)>,
    parent: Vec<(u32, u32)>,
    counted: Vec<bool>,
    rows: Rows,
}

impl<'a> ChunkCounter<'a> {
    /// A counter for `analyzer`.
    pub fn new(analyzer: &'a SkAnalyzer) -> Self {
        ChunkCounter {
            analyzer,
            interner: Interner::default(),
            counts: Vec::new(),
            counted: Vec::new(),
            touched: Vec::new(),
            rows: Rows::new(),
            buf: String::new(),
            tokens: Vec::new(),
        }
    }

    #[inline]
    fn add(&mut self, id: u32) {
        let i = id as usize;
        if i >= self.counts.len() {
            let n = self.interner.len().max(i + 1);
            self.counts.resize(n, 0);
            self.counted.resize(n, false);
        }
        if self.counts[i] == 0 {
            self.touched.push(id);
        }
        self.counts[i] += 1;
    }

    fn end_doc(&mut self) {
        for &id in &self.touched {
            let i = id as usize;
            self.rows.ids.push(id);
            self.rows.vals.push(self.counts[i]);
            self.counts[i] = 0;
            self.counted[i] = true;
        }
        self.touched.clear();
        self.rows.indptr.push(self.rows.ids.len());
    }

    /// Count one raw document with the native analyzer.
    pub fn add_doc(&mut self, doc: &str) {
        let a = self.analyzer;
        let mut buf = std::mem::take(&mut self.buf);
        {
            let text = a.preprocess(doc, &mut buf);
            match a.kind {
                AnalyzerKind::Word => self.word_doc(&text),
                AnalyzerKind::Char => {
                    let interner = &mut self.interner;
                    let mut ids = std::mem::take(&mut self.tokens);
                    ids.clear();
                    char_ngrams(&text, a.ngram_range, |s| {
                        ids.push(interner.string(s, |_| false));
                    });
                    for &id in &ids {
                        self.add(id);
                    }
                    self.tokens = ids;
                }
                AnalyzerKind::CharWb => {
                    let interner = &mut self.interner;
                    let mut ids = std::mem::take(&mut self.tokens);
                    ids.clear();
                    char_wb_ngrams(&text, a.ngram_range, |s| {
                        ids.push(interner.string(s, |_| false));
                    });
                    for &id in &ids {
                        self.add(id);
                    }
                    self.tokens = ids;
                }
            }
        }
        self.buf = buf;
        self.end_doc();
    }

    fn word_doc(&mut self, text: &str) {
        let a = self.analyzer;
        let mut toks = std::mem::take(&mut self.tokens);
        toks.clear();
        {
            let interner = &mut self.interner;
            a.for_each_token(text, |t| {
                let id = interner.string(t, |s| a.is_stop(s));
                if !interner.stop[id as usize] {
                    toks.push(id);
                }
            });
        }
        self.add_ngrams(&toks);
        self.tokens = toks;
    }

    /// Start a document given as a stream of tokens ([`Self::push_token`]).
    pub fn start_tokens(&mut self) {
        self.tokens.clear();
    }

    /// Add the next token of the current document (interned; stop words are not checked).
    pub fn push_token(&mut self, t: &str) {
        let id = self.interner.string(t, |_| false);
        self.tokens.push(id);
    }

    /// Form the n-grams of the pushed tokens and end the document.
    pub fn end_tokens(&mut self) {
        let toks = std::mem::take(&mut self.tokens);
        self.add_ngrams(&toks);
        self.tokens = toks;
        self.end_doc();
    }

    fn add_ngrams(&mut self, toks: &[u32]) {
        let (lo, hi) = self.analyzer.ngram_range;
        for i in 0..toks.len() {
            let mut id = toks[i];
            if lo == 1 {
                self.add(id);
            }
            for k in 1..hi {
                if i + k >= toks.len() {
                    break;
                }
                id = self.interner.pair(id, toks[i + k]);
                if k + 1 >= lo {
                    self.add(id);
                }
            }
        }
    }

    /// Count one document given as its list of features (the Python fallback for callables).
    pub fn add_features<S: AsRef<str>>(&mut self, features: &[S]) {
        for f in features {
            let id = self.interner.string(f.as_ref(), |_| false);
            self.add(id);
        }
        self.end_doc();
    }

    /// Finish the chunk.
    pub fn finish(self) -> Partial {
        let mut counted = self.counted;
        let mut interner = self.interner;
        counted.resize(interner.len(), false);
        let parent = std::mem::take(&mut interner.parent);
        Partial {
            strs: interner.into_strings(),
            parent,
            counted,
            rows: self.rows,
        }
    }
}

/// Counts of documents × terms over a sorted vocabulary, kept in chunks of rows.
#[derive(Debug, Clone, Default)]
pub struct DocTermCounts {
    /// The vocabulary, sorted by code point (column order).
    pub vocab: Vec<String>,
    /// Row chunks in document order, with global column ids.
    pub parts: Vec<Rows>,
}

/// Split `0..n` into at most `k` contiguous ranges.
pub fn chunk_ranges(n: usize, k: usize) -> Vec<(usize, usize)> {
    let k = k.clamp(1, n.max(1));
    (0..k).map(|i| (i * n / k, (i + 1) * n / k)).collect()
}

fn n_chunks(threads: Threads, n_docs: usize) -> usize {
    let t = parallel::effective_threads(threads);
    if t <= 1 {
        1
    } else {
        (t * 2).min(n_docs.max(1))
    }
}

/// Count `docs` with the native analyzer and merge into a sorted vocabulary.
pub fn count_docs<S: AsRef<str> + Sync>(
    threads: Threads,
    docs: &[S],
    analyzer: &SkAnalyzer,
) -> DocTermCounts {
    let ranges = chunk_ranges(docs.len(), n_chunks(threads, docs.len()));
    let partials = parallel::map(threads, &ranges, |&(a, b)| {
        let mut c = ChunkCounter::new(analyzer);
        for d in &docs[a..b] {
            c.add_doc(d.as_ref());
        }
        c.finish()
    });
    merge(threads, partials)
}

/// Count documents given as feature lists (the Python fallback) and merge.
pub fn count_features<S: AsRef<str> + Sync>(threads: Threads, docs: &[Vec<S>]) -> DocTermCounts {
    let analyzer = SkAnalyzer::default();
    let ranges = chunk_ranges(docs.len(), n_chunks(threads, docs.len()));
    let partials = parallel::map(threads, &ranges, |&(a, b)| {
        let mut c = ChunkCounter::new(&analyzer);
        for d in &docs[a..b] {
            c.add_features(d);
        }
        c.finish()
    });
    merge(threads, partials)
}

/// Merge chunk partial states into one sorted vocabulary (deterministic k-way merges).
///
/// Strings are merged first into global ranks. Every term then gets a key: the ranks of its
/// tokens (`[rank]` for a string, the prefix key plus the last token's rank for an n-gram).
/// Word tokens never contain a character at or below the space, so ordering keys as `u32`
/// sequences is the same as ordering the space-joined strings, and far cheaper.
pub fn merge(threads: Threads, partials: Vec<Partial>) -> DocTermCounts {
    // 1. Global ranks of the interned strings.
    let order: Vec<Vec<u32>> = parallel::map(threads, &partials, |p| {
        let mut v: Vec<u32> = (0..p.strs.len() as u32).collect();
        v.sort_unstable_by(|&a, &b| p.strs[a as usize].0.cmp(&p.strs[b as usize].0));
        v
    });
    let mut strings: Vec<&str> = Vec::new();
    let mut str_rank: Vec<Vec<u32>> = partials
        .iter()
        .map(|p| vec![NONE; p.parent.len()])
        .collect();
    {
        let mut heads = vec![0usize; order.len()];
        loop {
            let mut best: Option<&str> = None;
            for (k, list) in order.iter().enumerate() {
                if let Some(&i) = list.get(heads[k]) {
                    let s: &str = &partials[k].strs[i as usize].0;
                    if best.is_none_or(|b| s < b) {
                        best = Some(s);
                    }
                }
            }
            let Some(best) = best else { break };
            let g = strings.len() as u32;
            for (k, list) in order.iter().enumerate() {
                if let Some(&i) = list.get(heads[k]) {
                    let (s, local) = &partials[k].strs[i as usize];
                    if &**s == best {
                        str_rank[k][*local as usize] = g;
                        heads[k] += 1;
                    }
                }
            }
            strings.push(best);
        }
    }
    // 2. Keys of every id, and each chunk's counted ids sorted by key.
    let jobs: Vec<(&Partial, &Vec<u32>)> = partials.iter().zip(&str_rank).collect();
    let keyed: Vec<(Vec<usize>, Vec<u32>, Vec<u32>)> =
        parallel::map(threads, &jobs, |(p, rank)| {
            let mut offs = Vec::with_capacity(p.parent.len() + 1);
            let mut data: Vec<u32> = Vec::with_capacity(p.parent.len() * 2);
            offs.push(0);
            for (id, &(pre, last)) in p.parent.iter().enumerate() {
                if pre == NONE {
                    data.push(rank[id]);
                } else {
                    let (a, b) = (offs[pre as usize], offs[pre as usize + 1]);
                    data.extend_from_within(a..b);
                    data.push(rank[last as usize]);
                }
                offs.push(data.len());
            }
            let key = |i: u32| &data[offs[i as usize]..offs[i as usize + 1]];
            let mut ids: Vec<u32> = (0..p.parent.len() as u32)
                .filter(|&i| p.counted[i as usize])
                .collect();
            ids.sort_unstable_by(|&a, &b| key(a).cmp(key(b)));
            (offs, data, ids)
        });
    // 3. K-way merge of the keys into the global vocabulary.
    let key = |k: usize, i: u32| {
        let (offs, data, _) = &keyed[k];
        &data[offs[i as usize]..offs[i as usize + 1]]
    };
    let mut maps: Vec<Vec<u32>> = partials
        .iter()
        .map(|p| vec![NONE; p.parent.len()])
        .collect();
    let mut vocab: Vec<String> = Vec::new();
    let mut heads = vec![0usize; keyed.len()];
    loop {
        let mut best: Option<&[u32]> = None;
        for (k, (_, _, ids)) in keyed.iter().enumerate() {
            if let Some(&i) = ids.get(heads[k]) {
                let kk = key(k, i);
                if best.is_none_or(|b| kk < b) {
                    best = Some(kk);
                }
            }
        }
        let Some(best) = best else { break };
        let g = vocab.len() as u32;
        for (k, (_, _, ids)) in keyed.iter().enumerate() {
            if let Some(&i) = ids.get(heads[k]) {
                if key(k, i) == best {
                    maps[k][i as usize] = g;
                    heads[k] += 1;
                }
            }
        }
        let mut term = String::new();
        for (j, &r) in best.iter().enumerate() {
            if j > 0 {
                term.push(' ');
            }
            term.push_str(strings[r as usize]);
        }
        vocab.push(term);
    }
    drop(keyed);
    let mut parts: Vec<Rows> = partials.into_iter().map(|p| p.rows).collect();
    for (r, m) in parts.iter_mut().zip(&maps) {
        for id in &mut r.ids {
            *id = m[*id as usize];
        }
    }
    DocTermCounts { vocab, parts }
}

/// A compressed sparse row matrix leaving the core.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Csr<T> {
    /// Values.
    pub data: Vec<T>,
    /// Column of each value (sorted within each row).
    pub indices: Vec<i32>,
    /// Row offsets.
    pub indptr: Vec<i64>,
    /// Number of columns.
    pub n_cols: usize,
}

impl DocTermCounts {
    /// Number of documents.
    pub fn n_docs(&self) -> usize {
        self.parts.iter().map(Rows::n_docs).sum()
    }

    /// Document frequency of each term.
    pub fn df(&self) -> Vec<u64> {
        let mut df = vec![0u64; self.vocab.len()];
        for p in &self.parts {
            for &id in &p.ids {
                df[id as usize] += 1;
            }
        }
        df
    }

    /// Total count of each term.
    pub fn tf(&self) -> Vec<u64> {
        let mut tf = vec![0u64; self.vocab.len()];
        for p in &self.parts {
            for (&id, &v) in p.ids.iter().zip(&p.vals) {
                tf[id as usize] += u64::from(v);
            }
        }
        tf
    }

    /// Keep only the columns in `kept` (sorted ascending); they are renumbered `0..kept.len()`.
    pub fn restrict(&mut self, threads: Threads, kept: &[usize]) {
        let mut map = vec![NONE; self.vocab.len()];
        for (new, &old) in kept.iter().enumerate() {
            map[old] = new as u32;
        }
        let old_vocab = std::mem::take(&mut self.vocab);
        let mut taken: Vec<Option<String>> = old_vocab.into_iter().map(Some).collect();
        self.vocab = kept
            .iter()
            .map(|&k| taken[k].take().unwrap_or_default())
            .collect();
        let parts = std::mem::take(&mut self.parts);
        self.parts = parallel::map(threads, &parts, |r| {
            let mut out = Rows::new();
            out.indptr.reserve(r.n_docs());
            for d in 0..r.n_docs() {
                for j in r.indptr[d]..r.indptr[d + 1] {
                    let m = map[r.ids[j] as usize];
                    if m != NONE {
                        out.ids.push(m);
                        out.vals.push(r.vals[j]);
                    }
                }
                out.indptr.push(out.ids.len());
            }
            out
        });
    }

    /// Map every column through `map` (old column → new column or `None` to drop) without
    /// changing the vocabulary (for transform with a fixed vocabulary).
    pub fn remap(&mut self, threads: Threads, map: &[u32], n_cols: usize) {
        let parts = std::mem::take(&mut self.parts);
        self.parts = parallel::map(threads, &parts, |r| {
            let mut out = Rows::new();
            for d in 0..r.n_docs() {
                for j in r.indptr[d]..r.indptr[d + 1] {
                    let m = map[r.ids[j] as usize];
                    if m != NONE {
                        out.ids.push(m);
                        out.vals.push(r.vals[j]);
                    }
                }
                out.indptr.push(out.ids.len());
            }
            out
        });
        self.vocab = vec![String::new(); n_cols];
    }

    /// Build a CSR matrix; `values(cols, counts, out)` fills one row's values (columns sorted).
    pub fn to_csr<T, F>(&self, threads: Threads, values: F) -> Csr<T>
    where
        T: Send + Sync + Clone,
        F: Fn(&[u32], &[u32], &mut Vec<T>) + Sync + Send,
    {
        let built: Vec<(Vec<T>, Vec<i32>, Vec<usize>)> = parallel::map(threads, &self.parts, |r| {
            let mut data = Vec::with_capacity(r.ids.len());
            let mut indices = Vec::with_capacity(r.ids.len());
            let mut lens = Vec::with_capacity(r.n_docs());
            let mut pairs: Vec<(u32, u32)> = Vec::new();
            let mut cols: Vec<u32> = Vec::new();
            let mut cnts: Vec<u32> = Vec::new();
            for d in 0..r.n_docs() {
                let (a, b) = (r.indptr[d], r.indptr[d + 1]);
                pairs.clear();
                pairs.extend(
                    r.ids[a..b]
                        .iter()
                        .copied()
                        .zip(r.vals[a..b].iter().copied()),
                );
                pairs.sort_unstable_by_key(|p| p.0);
                cols.clear();
                cnts.clear();
                cols.extend(pairs.iter().map(|p| p.0));
                cnts.extend(pairs.iter().map(|p| p.1));
                values(&cols, &cnts, &mut data);
                indices.extend(cols.iter().map(|&c| c as i32));
                lens.push(b - a);
            }
            (data, indices, lens)
        });
        let nnz: usize = built.iter().map(|b| b.1.len()).sum();
        let n_docs = self.n_docs();
        let mut csr = Csr {
            data: Vec::with_capacity(nnz),
            indices: Vec::with_capacity(nnz),
            indptr: Vec::with_capacity(n_docs + 1),
            n_cols: self.vocab.len(),
        };
        csr.indptr.push(0);
        let mut total = 0i64;
        for (data, indices, lens) in built {
            csr.data.extend_from_slice(&data);
            csr.indices.extend_from_slice(&indices);
            for l in lens {
                total += l as i64;
                csr.indptr.push(total);
            }
        }
        csr
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_thread_independent() {
        let docs: Vec<String> = (0..200)
            .map(|i| format!("alpha beta{} gamma beta{} delta", i % 7, i % 3))
            .collect();
        let a = SkAnalyzer {
            ngram_range: (1, 2),
            ..Default::default()
        };
        let one = count_docs(Threads::Serial, &docs, &a);
        let csr1 = one.to_csr(Threads::Serial, |_, c, out: &mut Vec<u32>| out.extend(c));
        for t in [Threads::Count(2), Threads::Count(8)] {
            let other = count_docs(t, &docs, &a);
            assert_eq!(other.vocab, one.vocab);
            assert_eq!(
                other.to_csr(t, |_, c, out: &mut Vec<u32>| out.extend(c)),
                csr1
            );
        }
        assert!(one.vocab.windows(2).all(|w| w[0] < w[1]));
        assert!(one.vocab.contains(&"alpha beta0".to_string()));
    }

    #[test]
    fn trigrams_only() {
        let docs = ["a1 b1 c1 d1"];
        let a = SkAnalyzer {
            ngram_range: (3, 3),
            ..Default::default()
        };
        let c = count_docs(Threads::Serial, &docs, &a);
        assert_eq!(c.vocab, ["a1 b1 c1", "b1 c1 d1"]);
    }
}
