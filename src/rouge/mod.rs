//! ROUGE scores identical to Google's `rouge-score` package.
//!
//! * Tokenizer: lower-case (Python's `str.lower`), every character outside `[a-z0-9]` is a
//!   separator; with stemming, tokens longer than three characters go through NLTK's Porter
//!   stemmer ([`porter_stem`], not Snowball's Porter2). Stems are cached per thread.
//! * `rougeN` (`N` = 1..9): clipped n-gram overlap; precision = overlap / candidate n-grams,
//!   recall = overlap / reference n-grams (each denominator at least 1).
//! * `rougeL`: longest common subsequence of the two token sequences.
//! * `rougeLsum`: summary-level LCS: both texts split on `\n`, union LCS of every reference
//!   sentence with the candidate sentences, each token counted at most as often as it occurs
//!   in both summaries (ROUGE-1.5.5's rule).
//! * Several references: the reference with the highest F-measure, per metric (the first one
//!   on ties), as `RougeScorer.score_multi` does; or the mean over references.
//!
//! ```
//! use presslens::rouge::{score, Metric, RougeOptions};
//! let opts = RougeOptions::new(vec![Metric::N(1), Metric::L], true);
//! let s = score("The cats sat on the mat.", &["A cat sat on a mat"], &opts);
//! assert!((s[0].recall - 4.0 / 6.0).abs() < 1e-12); // cat sat on mat / 6 reference tokens
//! ```

mod porter;

use std::cell::RefCell;

use ahash::AHashMap;

use crate::error::{Error, Result};
use crate::parallel::{self, Threads};

pub use porter::porter_stem;

/// A ROUGE variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// `rougeN`: n-gram overlap.
    N(usize),
    /// `rougeL`: longest common subsequence.
    L,
    /// `rougeLsum`: summary-level union LCS over `\n`-separated sentences.
    Lsum,
}

impl Metric {
    /// Parse `"rouge1"` .. `"rouge9"`, `"rougeL"` or `"rougeLsum"`.
    pub fn parse(name: &str) -> Result<Metric> {
        match name {
            "rougeL" => Ok(Metric::L),
            "rougeLsum" => Ok(Metric::Lsum),
            _ => {
                let n = name
                    .strip_prefix("rouge")
                    .filter(|d| d.len() == 1)
                    .and_then(|d| d.parse::<usize>().ok())
                    .filter(|&n| n > 0);
                n.map(Metric::N).ok_or_else(|| {
                    Error::InvalidArgument(format!(
                        "unknown ROUGE metric {name:?}; use 'rouge1' .. 'rouge9', 'rougeL' or \
                         'rougeLsum'"
                    ))
                })
            }
        }
    }
}

/// Precision, recall and F-measure of one metric.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Score {
    /// Share of the candidate's units found in the reference.
    pub precision: f64,
    /// Share of the reference's units found in the candidate.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub fmeasure: f64,
}

impl Score {
    fn new(precision: f64, recall: f64) -> Score {
        // Same expression and evaluation order as rouge_score.scoring.fmeasure.
        let fmeasure = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Score {
            precision,
            recall,
            fmeasure,
        }
    }
}

/// How scores against several references are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Aggregate {
    /// The reference with the best F-measure, per metric (`rouge-score`'s `score_multi`).
    #[default]
    Max,
    /// The mean of precision, recall and F-measure over the references.
    Mean,
}

/// What to compute.
#[derive(Debug, Clone)]
pub struct RougeOptions {
    /// Metrics, in output order.
    pub metrics: Vec<Metric>,
    /// Apply the Porter stemmer to tokens longer than three characters.
    pub stem: bool,
    /// How several references combine.
    pub aggregate: Aggregate,
}

impl RougeOptions {
    /// Options for `metrics`, with or without stemming, best reference per metric.
    pub fn new(metrics: Vec<Metric>, stem: bool) -> RougeOptions {
        RougeOptions {
            metrics,
            stem,
            aggregate: Aggregate::Max,
        }
    }
}

/// Per-thread token ids and cached stems. Ids only need to be consistent within one call.
#[derive(Default)]
struct TokenIds {
    plain: AHashMap<Box<str>, u32>,
    stemmed: AHashMap<Box<str>, u32>,
}

/// Above this many cached entries the cache is cleared between two calls.
const CACHE_LIMIT: usize = 1 << 21;

thread_local! {
    static IDS: RefCell<TokenIds> = RefCell::new(TokenIds::default());
}

impl TokenIds {
    fn id(&mut self, token: &str) -> u32 {
        if let Some(&id) = self.plain.get(token) {
            return id;
        }
        let id = self.plain.len() as u32;
        self.plain.insert(token.into(), id);
        id
    }

    fn stemmed_id(&mut self, token: &str) -> u32 {
        if let Some(&id) = self.stemmed.get(token) {
            return id;
        }
        let id = self.id(&porter_stem(token));
        self.stemmed.insert(token.into(), id);
        id
    }

    /// Token ids of `text` as rouge-score's `DefaultTokenizer` splits it.
    fn tokens(&mut self, text: &str, stem: bool, buf: &mut String, out: &mut Vec<u32>) {
        out.clear();
        lower_alnum(text, buf);
        for tok in buf.split(' ').filter(|t| !t.is_empty()) {
            let id = if stem && tok.len() > 3 {
                self.stemmed_id(tok)
            } else {
                self.id(tok)
            };
            out.push(id);
        }
    }
}

/// `text.lower()` with every character outside `[a-z0-9]` replaced by a space.
fn lower_alnum(text: &str, buf: &mut String) {
    buf.clear();
    buf.reserve(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            buf.push(c.to_ascii_lowercase());
        } else {
            match c {
                // The only non-ASCII characters whose Python lower-case form holds ASCII
                // letters: 'İ' → "i̇" (an i and a combining dot), KELVIN SIGN → 'k'.
                '\u{130}' => buf.push_str("i "),
                '\u{212A}' => buf.push('k'),
                _ => buf.push(' '),
            }
        }
    }
}

/// The tokens `rouge-score` would compare for `text` (lower-cased, split on non-alphanumerics,
/// stemmed when asked).
///
/// ```
/// use presslens::rouge::tokenize;
/// assert_eq!(tokenize("The U.S. generously-funded", true), ["the", "u", "s", "gener", "fund"]);
/// ```
pub fn tokenize(text: &str, stem: bool) -> Vec<String> {
    let mut buf = String::new();
    lower_alnum(text, &mut buf);
    buf.split(' ')
        .filter(|t| !t.is_empty())
        .map(|t| {
            if stem && t.len() > 3 {
                porter_stem(t)
            } else {
                t.to_string()
            }
        })
        .collect()
}

/// A tokenized text: all tokens, and the tokens of each non-empty `\n`-separated line.
struct Tokenized {
    tokens: Vec<u32>,
    lines: Vec<Vec<u32>>,
}

fn prepare(ids: &mut TokenIds, text: &str, opts: &RougeOptions, buf: &mut String) -> Tokenized {
    let mut tokens = Vec::new();
    let need_plain = opts.metrics.iter().any(|m| *m != Metric::Lsum);
    if need_plain {
        ids.tokens(text, opts.stem, buf, &mut tokens);
    }
    let mut lines = Vec::new();
    if opts.metrics.contains(&Metric::Lsum) {
        for line in text.split('\n').filter(|l| !l.is_empty()) {
            let mut t = Vec::new();
            ids.tokens(line, opts.stem, buf, &mut t);
            lines.push(t);
        }
    }
    Tokenized { tokens, lines }
}

fn ngram_counts(tokens: &[u32], n: usize) -> AHashMap<&[u32], u32> {
    let mut m = AHashMap::with_capacity(tokens.len());
    if tokens.len() >= n {
        for g in tokens.windows(n) {
            *m.entry(g).or_insert(0) += 1;
        }
    }
    m
}

fn rouge_n(reference: &[u32], candidate: &[u32], n: usize) -> Score {
    let r = ngram_counts(reference, n);
    let c = ngram_counts(candidate, n);
    let overlap: u64 = r
        .iter()
        .map(|(g, &k)| u64::from(k.min(c.get(g).copied().unwrap_or(0))))
        .sum();
    let r_total = (reference.len() + 1).saturating_sub(n);
    let c_total = (candidate.len() + 1).saturating_sub(n);
    let overlap = overlap as f64;
    Score::new(
        overlap / c_total.max(1) as f64,
        overlap / r_total.max(1) as f64,
    )
}

/// Length of the longest common subsequence (two rows).
fn lcs_len(a: &[u32], b: &[u32]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut prev = vec![0u32; b.len() + 1];
    let mut cur = vec![0u32; b.len() + 1];
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] as usize
}

fn rouge_l(reference: &[u32], candidate: &[u32]) -> Score {
    if reference.is_empty() || candidate.is_empty() {
        return Score::default();
    }
    let l = lcs_len(reference, candidate) as f64;
    Score::new(l / candidate.len() as f64, l / reference.len() as f64)
}

/// Indices into `r` of one LCS of `r` and `c`, backtracked exactly as rouge-score does.
fn lcs_indices(r: &[u32], c: &[u32], out: &mut Vec<usize>) {
    let cols = c.len() + 1;
    let mut t = vec![0u32; (r.len() + 1) * cols];
    for i in 1..=r.len() {
        for j in 1..=c.len() {
            t[i * cols + j] = if r[i - 1] == c[j - 1] {
                t[(i - 1) * cols + j - 1] + 1
            } else {
                t[(i - 1) * cols + j].max(t[i * cols + j - 1])
            };
        }
    }
    let (mut i, mut j) = (r.len(), c.len());
    while i > 0 && j > 0 {
        if r[i - 1] == c[j - 1] {
            out.push(i - 1);
            i -= 1;
            j -= 1;
        } else if t[i * cols + j - 1] > t[(i - 1) * cols + j] {
            j -= 1;
        } else {
            i -= 1;
        }
    }
}

fn rouge_lsum(reference: &[Vec<u32>], candidate: &[Vec<u32>]) -> Score {
    if reference.is_empty() || candidate.is_empty() {
        return Score::default();
    }
    let m: usize = reference.iter().map(Vec::len).sum();
    let n: usize = candidate.iter().map(Vec::len).sum();
    if m == 0 || n == 0 {
        return Score::default();
    }
    let mut count_r: AHashMap<u32, i64> = AHashMap::new();
    let mut count_c: AHashMap<u32, i64> = AHashMap::new();
    for &t in reference.iter().flatten() {
        *count_r.entry(t).or_insert(0) += 1;
    }
    for &t in candidate.iter().flatten() {
        *count_c.entry(t).or_insert(0) += 1;
    }
    let mut hits = 0usize;
    let mut union = Vec::new();
    for r in reference {
        union.clear();
        for c in candidate {
            lcs_indices(r, c, &mut union);
        }
        union.sort_unstable();
        union.dedup();
        for &i in &union {
            let t = r[i];
            let kc = count_c.get(&t).copied().unwrap_or(0);
            let kr = count_r.get(&t).copied().unwrap_or(0);
            if kc > 0 && kr > 0 {
                hits += 1;
                count_c.insert(t, kc - 1);
                count_r.insert(t, kr - 1);
            }
        }
    }
    Score::new(hits as f64 / n as f64, hits as f64 / m as f64)
}

fn score_one(reference: &Tokenized, candidate: &Tokenized, metric: Metric) -> Score {
    match metric {
        Metric::N(n) => rouge_n(&reference.tokens, &candidate.tokens, n),
        Metric::L => rouge_l(&reference.tokens, &candidate.tokens),
        Metric::Lsum => rouge_lsum(&reference.lines, &candidate.lines),
    }
}

/// Scores of `candidate` against `references`, one per metric of `opts` (in order). With no
/// reference every score is 0.
pub fn score<S: AsRef<str>>(candidate: &str, references: &[S], opts: &RougeOptions) -> Vec<Score> {
    IDS.with(|cell| {
        let mut ids = cell.borrow_mut();
        if ids.plain.len() > CACHE_LIMIT {
            *ids = TokenIds::default();
        }
        let mut buf = String::new();
        let cand = prepare(&mut ids, candidate, opts, &mut buf);
        let refs: Vec<Tokenized> = references
            .iter()
            .map(|r| prepare(&mut ids, r.as_ref(), opts, &mut buf))
            .collect();
        opts.metrics
            .iter()
            .map(|&metric| {
                let per_ref = refs.iter().map(|r| score_one(r, &cand, metric));
                combine(per_ref, opts.aggregate)
            })
            .collect()
    })
}

fn combine(scores: impl Iterator<Item = Score>, how: Aggregate) -> Score {
    match how {
        Aggregate::Max => {
            let mut best: Option<Score> = None;
            for s in scores {
                if best.is_none_or(|b| s.fmeasure > b.fmeasure) {
                    best = Some(s);
                }
            }
            best.unwrap_or_default()
        }
        Aggregate::Mean => {
            let (mut p, mut r, mut f, mut k) = (0.0, 0.0, 0.0, 0usize);
            for s in scores {
                p += s.precision;
                r += s.recall;
                f += s.fmeasure;
                k += 1;
            }
            if k == 0 {
                return Score::default();
            }
            let k = k as f64;
            Score {
                precision: p / k,
                recall: r / k,
                fmeasure: f / k,
            }
        }
    }
}

/// Score many candidate/references pairs in parallel (order kept, independent of threads).
pub fn score_batch<C, R>(
    candidates: &[C],
    references: &[Vec<R>],
    opts: &RougeOptions,
    threads: Threads,
) -> Result<Vec<Vec<Score>>>
where
    C: AsRef<str> + Sync,
    R: AsRef<str> + Sync,
{
    if candidates.len() != references.len() {
        return Err(Error::InvalidArgument(format!(
            "got {} candidates but {} reference sets; pass one reference (or list of \
             references) per candidate",
            candidates.len(),
            references.len()
        )));
    }
    Ok(parallel::map_range(threads, candidates.len(), |i| {
        score(candidates[i].as_ref(), &references[i], opts)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(stem: bool) -> RougeOptions {
        RougeOptions::new(
            vec![Metric::N(1), Metric::N(2), Metric::L, Metric::Lsum],
            stem,
        )
    }

    #[test]
    fn tokenizer_matches_rouge_score_rules() {
        assert_eq!(
            tokenize("It's 3:45 p.m. İstanbul", false),
            ["it", "s", "3", "45", "p", "m", "i", "stanbul"]
        );
        assert_eq!(tokenize("Running cats", true), ["run", "cat"]);
        assert_eq!(tokenize("was ties", true), ["was", "tie"]);
        assert!(tokenize("—…", true).is_empty());
    }

    #[test]
    fn rouge_score_readme_example() {
        // RougeScorer(['rouge1', 'rougeL']).score('The quick brown fox jumps over the lazy dog',
        //                                         'The quick brown dog jumps on the log.')
        let o = RougeOptions::new(vec![Metric::N(1), Metric::L], false);
        let s = score(
            "The quick brown dog jumps on the log.",
            &["The quick brown fox jumps over the lazy dog"],
            &o,
        );
        assert!((s[0].precision - 0.75).abs() < 1e-12);
        assert!((s[0].recall - 2.0 / 3.0).abs() < 1e-12);
        assert!((s[1].fmeasure - 0.588_235_294_117_647).abs() < 1e-12);
    }

    #[test]
    fn identical_and_empty() {
        let s = score("a b c\nd e", &["a b c\nd e"], &opts(true));
        for x in &s {
            assert!((x.fmeasure - 1.0).abs() < 1e-12);
        }
        let s = score("", &["a b"], &opts(true));
        assert!(s.iter().all(|x| x.fmeasure == 0.0));
        let none: [&str; 0] = [];
        assert!(score("a", &none, &opts(false))
            .iter()
            .all(|x| *x == Score::default()));
    }

    #[test]
    fn multi_reference_max_and_mean() {
        let mut o = RougeOptions::new(vec![Metric::N(1)], false);
        let s = score("a b", &["a x", "a b"], &o)[0];
        assert!((s.fmeasure - 1.0).abs() < 1e-12);
        o.aggregate = Aggregate::Mean;
        let s = score("a b", &["a x", "a b"], &o)[0];
        assert!((s.recall - 0.75).abs() < 1e-12);
    }

    #[test]
    fn lsum_counts_union_lcs_once() {
        // Reference sentence "a b c", candidate lines "a b" and "c": union LCS hits all 3.
        let o = RougeOptions::new(vec![Metric::Lsum, Metric::L], false);
        let s = score("a b\nc", &["a b c"], &o);
        assert!((s[0].recall - 1.0).abs() < 1e-12);
        assert!((s[1].recall - 1.0).abs() < 1e-12);
    }

    #[test]
    fn batch_is_thread_independent() {
        let cands: Vec<String> = (0..50).map(|i| format!("w{i} a b c d")).collect();
        let refs: Vec<Vec<String>> = (0..50).map(|i| vec![format!("a b w{i}")]).collect();
        let a = score_batch(&cands, &refs, &opts(true), Threads::Serial).unwrap();
        let b = score_batch(&cands, &refs, &opts(true), Threads::Count(2)).unwrap();
        assert_eq!(a, b);
        assert!(score_batch(&cands[..1], &refs, &opts(true), Threads::Serial).is_err());
        assert!(Metric::parse("rouge0").is_err() && Metric::parse("rougeX").is_err());
        assert_eq!(Metric::parse("rouge4").unwrap(), Metric::N(4));
    }
}
