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

use super::analyzer::{char_ngrams, char_wb_ngrams, AnalyzerKind, SkAnalyzer};
use super::intern::{prefetch, Interner, StrKey, NONE};
use crate::parallel::{self, Threads};

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

/// How many tokens ahead of the current one the interner's slot is prefetched.
const PREFETCH: usize = 24;

/// How many tokens ahead the key behind that slot is prefetched.
const PREFETCH_KEY: usize = 10;

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
    /// The current document's tokens (byte span in their text, key), resolved in a batch.
    pending: Vec<(usize, usize, StrKey)>,
    /// Text of the tokens pushed with [`Self::push_token`].
    arena: String,
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
            pending: Vec::new(),
            arena: String::new(),
        }
    }

    /// Reserve room for the rows of about `bytes` of text.
    pub fn reserve_for(&mut self, bytes: usize) {
        let est = bytes / 10;
        self.rows.ids.reserve(est);
        self.rows.vals.reserve(est);
    }

    #[inline]
    fn add(&mut self, id: u32) {
        let i = id as usize;
        if i >= self.counts.len() {
            let n = self.interner.len().max(i + 1);
            self.counts.resize(n, 0);
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
                        ids.push(interner.string(s, &StrKey::of(s), |_| false));
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
                        ids.push(interner.string(s, &StrKey::of(s), |_| false));
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

    /// Intern the pending tokens of `text` into `self.tokens` (prefetching ahead); stop words
    /// are dropped when `stop` is set.
    fn resolve_pending(&mut self, text: &str, stop: bool) {
        let a = self.analyzer;
        let pending = std::mem::take(&mut self.pending);
        self.tokens.clear();
        for (_, _, k) in pending.iter().take(PREFETCH) {
            self.interner.prefetch_string(k);
        }
        for (j, &(s, e, ref k)) in pending.iter().enumerate() {
            if let Some((_, _, next)) = pending.get(j + PREFETCH) {
                self.interner.prefetch_string(next);
            }
            if let Some((_, _, next)) = pending.get(j + PREFETCH_KEY) {
                self.interner.prefetch_key(next);
            }
            let id = if stop {
                self.interner.string(&text[s..e], k, |t| a.is_stop(t))
            } else {
                self.interner.string(&text[s..e], k, |_| false)
            };
            if !(stop && self.interner.stop[id as usize]) {
                self.tokens.push(id);
                // Its counter is touched once the whole document is resolved.
                prefetch(self.counts.as_ptr().wrapping_add(id as usize));
            }
        }
        self.pending = pending;
    }

    fn word_doc(&mut self, text: &str) {
        let a = self.analyzer;
        self.pending.clear();
        let pending = &mut self.pending;
        let bytes = text.as_bytes();
        a.for_each_token_span(text, |s, e| {
            pending.push((s, e, StrKey::at(bytes, s, e)));
        });
        self.resolve_pending(text, true);
        let toks = std::mem::take(&mut self.tokens);
        self.add_ngrams(&toks);
        self.tokens = toks;
    }

    /// Start a document given as a stream of tokens ([`Self::push_token`]).
    pub fn start_tokens(&mut self) {
        self.pending.clear();
        self.arena.clear();
    }

    /// Add the next token of the current document (interned; stop words are not checked).
    pub fn push_token(&mut self, t: &str) {
        let s = self.arena.len();
        self.arena.push_str(t);
        self.pending.push((s, self.arena.len(), StrKey::of(t)));
    }

    /// Form the n-grams of the pushed tokens and end the document.
    pub fn end_tokens(&mut self) {
        let arena = std::mem::take(&mut self.arena);
        self.resolve_pending(&arena, false);
        self.arena = arena;
        let toks = std::mem::take(&mut self.tokens);
        self.add_ngrams(&toks);
        self.tokens = toks;
        self.end_doc();
    }

    fn add_ngrams(&mut self, toks: &[u32]) {
        let (lo, hi) = self.analyzer.ngram_range;
        if (lo, hi) == (1, 1) {
            // Unigrams only (the default): every id exists already, so size the counters once.
            let n = self.interner.len();
            if self.counts.len() < n {
                self.counts.resize(n, 0);
            }
            for &id in toks {
                let c = &mut self.counts[id as usize];
                if *c == 0 {
                    self.touched.push(id);
                }
                *c += 1;
            }
            return;
        }
        for i in 0..toks.len() {
            let mut id = toks[i];
            if lo == 1 {
                self.add(id);
            }
            if hi >= 2 && i + PREFETCH_KEY + 1 < toks.len() {
                self.interner
                    .prefetch_pair(toks[i + PREFETCH_KEY], toks[i + PREFETCH_KEY + 1]);
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
            let f = f.as_ref();
            let id = self.interner.string(f, &StrKey::of(f), |_| false);
            self.add(id);
        }
        self.end_doc();
    }

    /// Finish the chunk.
    pub fn finish(self) -> Partial {
        let mut interner = self.interner;
        let mut counted = self.counted;
        counted.clear();
        counted.resize(interner.len(), false);
        for &id in &self.rows.ids {
            counted[id as usize] = true;
        }
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

/// Split `docs` into `k` contiguous ranges of about the same number of bytes (one chunk per
/// thread: fewer chunks mean less duplicated interning and a cheaper merge, and equal bytes
/// keep the threads equally busy).
pub fn byte_ranges<S: AsRef<str>>(docs: &[S], k: usize) -> Vec<(usize, usize)> {
    let k = k.max(1);
    let total: usize = docs.iter().map(|d| d.as_ref().len()).sum();
    let mut out = Vec::with_capacity(k);
    let (mut start, mut acc) = (0, 0);
    for (i, d) in docs.iter().enumerate() {
        acc += d.as_ref().len();
        if out.len() + 1 < k && acc * k >= (out.len() + 1) * total.max(1) {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    out.push((start, docs.len()));
    out
}

fn n_chunks(threads: Threads, n_docs: usize) -> usize {
    let t = parallel::effective_threads(threads);
    t.clamp(1, n_docs.max(1))
}

/// Count `docs` with the native analyzer and merge into a sorted vocabulary.
pub fn count_docs<S: AsRef<str> + Sync>(
    threads: Threads,
    docs: &[S],
    analyzer: &SkAnalyzer,
) -> DocTermCounts {
    let ranges = byte_ranges(docs, n_chunks(threads, docs.len()));
    let partials = parallel::map(threads, &ranges, |&(a, b)| {
        let mut c = ChunkCounter::new(analyzer);
        c.reserve_for(docs[a..b].iter().map(|d| d.as_ref().len()).sum());
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
    let parent_lens: Vec<usize> = partials.iter().map(|p| p.parent.len()).collect();
    let refs: Vec<&Partial> = partials.iter().collect();
    let by_string: Vec<Vec<(&str, u32)>> = parallel::map(threads, &refs, |&p| {
        let mut v: Vec<(&str, u32)> = p.strs.iter().map(|(s, id)| (&**s, *id)).collect();
        v.sort_unstable();
        v
    });
    let (string_list, str_rank) = merge_keys(threads, &by_string, &parent_lens, &[]);
    drop(by_string);
    let strings: Vec<&str> = string_list.iter().map(String::as_str).collect();
    // 2. Keys of every counted id, sorted per chunk; 3. their merge into the vocabulary.
    let jobs: Vec<(&Partial, &Vec<u32>)> = partials.iter().zip(&str_rank).collect();
    let bigrams_at_most = partials.iter().all(|p| {
        p.parent
            .iter()
            .all(|&(pre, _)| pre == NONE || p.parent[pre as usize].0 == NONE)
    });
    let (vocab, maps) = if bigrams_at_most {
        // A key fits in a u64: the first token's rank above, the second's plus one (or 0).
        let sorted: Vec<Vec<(u64, u32)>> = parallel::map(threads, &jobs, |(p, rank)| {
            let mut v: Vec<(u64, u32)> = (0..p.parent.len())
                .filter(|&id| p.counted[id])
                .map(|id| {
                    let (pre, last) = p.parent[id];
                    let k = if pre == NONE {
                        u64::from(rank[id]) << 32
                    } else {
                        (u64::from(rank[pre as usize]) << 32) | (u64::from(rank[last as usize]) + 1)
                    };
                    (k, id as u32)
                })
                .collect();
            v.sort_unstable();
            v
        });
        merge_keys(threads, &sorted, &parent_lens, &strings)
    } else {
        let flat: Vec<FlatKeys> = parallel::map(threads, &jobs, |(p, rank)| {
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
            (offs, data)
        });
        let jobs2: Vec<(&Partial, &FlatKeys)> = partials.iter().zip(&flat).collect();
        let sorted: Vec<Vec<(&[u32], u32)>> =
            parallel::map(threads, &jobs2, |(p, (offs, data))| {
                let mut v: Vec<(&[u32], u32)> = (0..p.parent.len())
                    .filter(|&id| p.counted[id])
                    .map(|id| (&data[offs[id]..offs[id + 1]], id as u32))
                    .collect();
                v.sort_unstable();
                v
            });
        merge_keys(threads, &sorted, &parent_lens, &strings)
    };
    // 4. Rewrite every row to global ids, sorted (rows become canonical CSR rows).
    let mut jobs: Vec<(Rows, &[u32])> = partials
        .into_iter()
        .map(|p| p.rows)
        .zip(maps.iter().map(Vec::as_slice))
        .collect();
    parallel::for_each_mut(threads, &mut jobs, |(r, m)| remap_sorted(r, m));
    let parts = jobs.into_iter().map(|(r, _)| r).collect();
    DocTermCounts { vocab, parts }
}

/// Every id's key as token ranks: `data[offs[id]..offs[id + 1]]`.
type FlatKeys = (Vec<usize>, Vec<u32>);

/// A term's sort key: the global ranks of its tokens, ordered like the space-joined string.
trait TermKey: Ord + Copy + Send + Sync {
    /// The term itself.
    fn spell(self, strings: &[&str]) -> String;
}

impl TermKey for u64 {
    fn spell(self, strings: &[&str]) -> String {
        let first = strings[(self >> 32) as usize];
        let second = (self & 0xFFFF_FFFF) as usize;
        if second == 0 {
            return first.to_string();
        }
        let last = strings[second - 1];
        let mut t = String::with_capacity(first.len() + 1 + last.len());
        t.push_str(first);
        t.push(' ');
        t.push_str(last);
        t
    }
}

impl TermKey for &str {
    fn spell(self, _: &[&str]) -> String {
        self.to_string()
    }
}

impl TermKey for &[u32] {
    fn spell(self, strings: &[&str]) -> String {
        let len = self
            .iter()
            .map(|&r| strings[r as usize].len() + 1)
            .sum::<usize>();
        let mut t = String::with_capacity(len.saturating_sub(1));
        for (j, &r) in self.iter().enumerate() {
            if j > 0 {
                t.push(' ');
            }
            t.push_str(strings[r as usize]);
        }
        t
    }
}

/// K-way merge of every chunk's `(key, local id)` list (sorted by key) into the sorted
/// vocabulary and each chunk's local → global id map. Key ranges are merged in parallel:
/// splitter keys cut every list at the same places, so equal keys of different chunks always
/// fall in the same range.
fn merge_keys<K: TermKey>(
    threads: Threads,
    sorted: &[Vec<(K, u32)>],
    parent_lens: &[usize],
    strings: &[&str],
) -> (Vec<String>, Vec<Vec<u32>>) {
    let t = parallel::effective_threads(threads);
    let n_ranges = if t > 1 { t * 4 } else { 1 };
    let big = (0..sorted.len())
        .max_by_key(|&k| sorted[k].len())
        .unwrap_or(0);
    let mut splitters: Vec<K> = Vec::new();
    if let Some(list) = sorted.get(big) {
        for r in 1..n_ranges {
            if let Some(&(s, _)) = list.get(r * list.len() / n_ranges) {
                if splitters.last().is_none_or(|&l| l < s) {
                    splitters.push(s);
                }
            }
        }
    }
    // bounds[r][k]: where range r starts in chunk k's list.
    let mut bounds: Vec<Vec<usize>> = vec![vec![0; sorted.len()]];
    for &s in &splitters {
        bounds.push(
            sorted
                .iter()
                .map(|list| list.partition_point(|&(k, _)| k < s))
                .collect(),
        );
    }
    bounds.push(sorted.iter().map(Vec::len).collect());
    let range_ids: Vec<usize> = (0..bounds.len() - 1).collect();
    // Per range: its terms, and for each chunk the rank (in the range) of each of its ids.
    let merged: Vec<(Vec<String>, Vec<Vec<u32>>)> = parallel::map(threads, &range_ids, |&r| {
        let (lo, hi) = (&bounds[r], &bounds[r + 1]);
        let mut heads = lo.clone();
        let mut local: Vec<Vec<u32>> = (0..sorted.len())
            .map(|k| Vec::with_capacity(hi[k] - lo[k]))
            .collect();
        let mut terms: Vec<String> =
            Vec::with_capacity(hi.iter().zip(lo).map(|(h, l)| h - l).max().unwrap_or(0));
        loop {
            let mut best: Option<K> = None;
            for (k, list) in sorted.iter().enumerate() {
                if heads[k] < hi[k] {
                    let kk = list[heads[k]].0;
                    if best.is_none_or(|b| kk < b) {
                        best = Some(kk);
                    }
                }
            }
            let Some(best) = best else { break };
            let g = terms.len() as u32;
            for (k, list) in sorted.iter().enumerate() {
                if heads[k] < hi[k] && list[heads[k]].0 == best {
                    local[k].push(g);
                    heads[k] += 1;
                }
            }
            terms.push(best.spell(strings));
        }
        (terms, local)
    });
    let mut base = Vec::with_capacity(merged.len());
    let mut total = 0u32;
    for (terms, _) in &merged {
        base.push(total);
        total += terms.len() as u32;
    }
    let chunk_ids: Vec<usize> = (0..sorted.len()).collect();
    let maps: Vec<Vec<u32>> = parallel::map(threads, &chunk_ids, |&k| {
        let mut m = vec![NONE; parent_lens[k]];
        for (r, (_, local)) in merged.iter().enumerate() {
            let start = bounds[r][k];
            for (j, &g) in local[k].iter().enumerate() {
                m[sorted[k][start + j].1 as usize] = base[r] + g;
            }
        }
        m
    });
    let mut vocab: Vec<String> = Vec::with_capacity(total as usize);
    for (terms, _) in merged {
        vocab.extend(terms);
    }
    (vocab, maps)
}

/// Map every id of `r` through `m` and sort each row by the new id.
fn remap_sorted(r: &mut Rows, m: &[u32]) {
    let mut row: Vec<u64> = Vec::new();
    for d in 0..r.n_docs() {
        let (a, b) = (r.indptr[d], r.indptr[d + 1]);
        row.clear();
        row.extend(
            r.ids[a..b]
                .iter()
                .zip(&r.vals[a..b])
                .map(|(&id, &v)| (u64::from(m[id as usize]) << 32) | u64::from(v)),
        );
        row.sort_unstable();
        for (j, &x) in row.iter().enumerate() {
            r.ids[a + j] = (x >> 32) as u32;
            r.vals[a + j] = x as u32;
        }
    }
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

    /// Build a CSR matrix; `values(cols, counts, out)` appends one row's values (one per
    /// column, columns sorted).
    ///
    /// The output arrays are allocated once (zeroed pages from the allocator, so nothing is
    /// written twice) and every chunk of rows is filled in parallel straight into its part of
    /// them; rows that are already sorted (all rows after [`merge`] and [`Self::restrict`])
    /// are not sorted again.
    pub fn to_csr<T, F>(&self, threads: Threads, values: F) -> Csr<T>
    where
        T: Send + Sync + Copy + Default,
        F: Fn(&[u32], &[u32], &mut [T]) + Sync + Send,
    {
        let nnz: usize = self.parts.iter().map(|r| r.ids.len()).sum();
        let mut indptr = Vec::with_capacity(self.n_docs() + 1);
        indptr.push(0i64);
        let mut total = 0i64;
        for r in &self.parts {
            for d in 0..r.n_docs() {
                total += (r.indptr[d + 1] - r.indptr[d]) as i64;
                indptr.push(total);
            }
        }
        let mut data = vec![T::default(); nnz];
        let mut indices = vec![0i32; nnz];
        {
            let (mut rest_d, mut rest_i) = (data.as_mut_slice(), indices.as_mut_slice());
            let mut jobs = Vec::with_capacity(self.parts.len());
            for r in &self.parts {
                let (d, rd) = std::mem::take(&mut rest_d).split_at_mut(r.ids.len());
                let (i, ri) = std::mem::take(&mut rest_i).split_at_mut(r.ids.len());
                (rest_d, rest_i) = (rd, ri);
                jobs.push((r, d, i));
            }
            parallel::for_each_mut(threads, &mut jobs, |(r, d, i)| {
                let mut pairs: Vec<u64> = Vec::new();
                let (mut cols, mut cnts): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
                for doc in 0..r.n_docs() {
                    let (a, b) = (r.indptr[doc], r.indptr[doc + 1]);
                    let (ids, vals) = (&r.ids[a..b], &r.vals[a..b]);
                    let (c, n): (&[u32], &[u32]) = if ids.windows(2).all(|w| w[0] < w[1]) {
                        (ids, vals)
                    } else {
                        pairs.clear();
                        pairs.extend(
                            ids.iter()
                                .zip(vals)
                                .map(|(&c, &v)| (u64::from(c) << 32) | u64::from(v)),
                        );
                        pairs.sort_unstable();
                        cols.clear();
                        cnts.clear();
                        cols.extend(pairs.iter().map(|&x| (x >> 32) as u32));
                        cnts.extend(pairs.iter().map(|&x| x as u32));
                        (&cols, &cnts)
                    };
                    values(c, n, &mut d[a..b]);
                    for (slot, &col) in i[a..b].iter_mut().zip(c) {
                        *slot = col as i32;
                    }
                }
            });
        }
        Csr {
            data,
            indices,
            indptr,
            n_cols: self.vocab.len(),
        }
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
        let csr1 = one.to_csr(Threads::Serial, |_, c, out: &mut [u32]| {
            out.copy_from_slice(c);
        });
        for t in [Threads::Count(2), Threads::Count(8)] {
            let other = count_docs(t, &docs, &a);
            assert_eq!(other.vocab, one.vocab);
            assert_eq!(
                other.to_csr(t, |_, c, out: &mut [u32]| out.copy_from_slice(c)),
                csr1
            );
        }
        assert!(one.vocab.windows(2).all(|w| w[0] < w[1]));
        assert!(one.vocab.contains(&"alpha beta0".to_string()));
    }

    #[test]
    fn byte_ranges_cover_everything_in_order() {
        let docs = ["aaaa", "", "b", "cccccccc", "dd", "e"];
        for k in 1..8 {
            let r = byte_ranges(&docs, k);
            assert!(!r.is_empty() && r.len() <= k);
            assert_eq!(r[0].0, 0);
            assert_eq!(r.last().unwrap().1, docs.len());
            assert!(r.windows(2).all(|w| w[0].1 == w[1].0));
        }
        assert_eq!(byte_ranges(&docs, 2), [(0, 4), (4, 6)]);
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
