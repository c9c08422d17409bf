//! How much of one article comes from given source texts (wire copy): the churnalism question.
//!
//! Every article word is aligned to the sources and given a learned probability of being
//! derived from them ([`super::reuse_words`]: greedy string tiling, shorter matches near the
//! tiles, repeated and single-word matches, then a logistic regression over alignment features
//! trained on the word-level annotation of METER's showbiz domain). Covered words (tiled or
//! between two tiles of one source, probability at least
//! [`super::reuse_words::WORD_MIN_PROBABILITY`]) form the passages: runs of covered words of
//! one source in source order, widened over the punctuation attached to their ends. From this:
//!
//! * `share`: the fraction of the article's words inside a passage (changed words between
//!   tiles included);
//! * `verbatim_share`: the fraction inside a passage and inside a tile of at least
//!   [`ReuseOptions::verbatim_run`] words;
//! * the features of the label model, [`FEATURES`]: the two shares, the longest tile, the
//!   containment of the article's distinct word n-grams (n = 1..5) in the union of the
//!   sources, the share of words in tiles of 3+, 5+ and 8+ words and after the near
//!   extension, the share of sentences at least half tiled and of sentences with no tiled
//!   run of 2+ words, the log ratio of article to source length, and the mean word
//!   probability.
//!
//! **Label.** `score = LABEL_BIAS + Σ LABEL_WEIGHTS[i] · features[i]`; `wholly-derived` when
//! the word unigram containment `containment_1 >= WHOLLY_MIN_CONTAINMENT`, else
//! `partially-derived` when `score >= DERIVED_MIN_SCORE`, else `non-derived`. The labels mean
//! what they mean in the METER corpus (Gaizauskas et al.
//! 2001): *wholly* when the source is the only source of the article (however rewritten),
//! *partially* when it is one of several, *non-derived* when it was not used. The weights are
//! a ridge regression of the ordinal label (0, 1, 2) on standardised features, and the two
//! thresholds (on the score and on `containment_1`) maximise 3-way macro-F1 together, all
//! fitted on METER's showbiz domain only
//! (`benchmarks/fit_reuse_words.py` prints the constants below and those of the word model);
//! `benchmarks/eval_meter.py courts` reports the courts domain, which was not used for
//! fitting.

use crate::error::{Error, Result};
use crate::overlap::passages::byte_span;
use crate::overlap::reuse_words::{
    align_words, covered, passages as word_passages, word_probability,
};
use crate::overlap::shingles::{shingles_of, TokenHasher, Tokens};
use crate::parallel::{self, Threads};
use crate::text::{sentence_spans, Language};

/// Options of [`reuse`].
#[derive(Debug, Clone, Copy)]
pub struct ReuseOptions {
    /// Shortest tile counted as verbatim, in words.
    pub verbatim_run: usize,
}

impl Default for ReuseOptions {
    fn default() -> Self {
        ReuseOptions { verbatim_run: 5 }
    }
}

/// The derivation label of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReuseLabel {
    /// Essentially all of the article comes from the sources.
    WhollyDerived,
    /// Part of the article comes from the sources.
    PartiallyDerived,
    /// The article was written independently of the sources.
    NonDerived,
}

impl ReuseLabel {
    /// `"wholly-derived"`, `"partially-derived"` or `"non-derived"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReuseLabel::WhollyDerived => "wholly-derived",
            ReuseLabel::PartiallyDerived => "partially-derived",
            ReuseLabel::NonDerived => "non-derived",
        }
    }
}

/// One passage of the article found in a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReusePassage {
    /// Index of the source.
    pub source: usize,
    /// Byte span in the article.
    pub article_span: (usize, usize),
    /// Byte span in the source.
    pub source_span: (usize, usize),
    /// Tiled (equal) words.
    pub words: usize,
}

/// Names of [`Reuse::features`], in order.
pub const FEATURES: [&str; N_FEATURES] = [
    "share",
    "verbatim_share",
    "longest_share",
    "containment_1",
    "containment_2",
    "containment_3",
    "containment_4",
    "containment_5",
    "tiled_3",
    "tiled_5",
    "tiled_8",
    "tiled_near",
    "sentences_reused",
    "sentences_new",
    "length_ratio",
    "derived_mean",
];

/// Number of features.
pub const N_FEATURES: usize = 16;

/// The reuse of one article.
#[derive(Debug, Clone)]
pub struct Reuse {
    /// Fraction of the article's words inside passages found in the sources.
    pub share: f64,
    /// Fraction of the article's words inside a passage and a tile of `verbatim_run`+ words.
    pub verbatim_share: f64,
    /// The features of the label model (see [`FEATURES`]).
    pub features: [f64; N_FEATURES],
    /// The label model's score (see [`classify`]).
    pub score: f64,
    /// Passages, sorted by article position then source.
    pub passages: Vec<ReusePassage>,
    /// The derivation label.
    pub label: ReuseLabel,
    /// Number of words of the article.
    pub words: usize,
}

// ---- label rule: fitted by benchmarks/fit_reuse_words.py on METER showbiz ----------------
/// Weight of each feature (see [`FEATURES`]) in the label score. Cross-validation on showbiz
/// (5 folds by story, out-of-fold word probabilities) chose the mean word probability alone
/// (cv macro-F1 0.610, against 0.595 for word 1- to 4-gram containment and 0.595 to 0.609 for
/// mixes of the mean probability, the covered share and containment).
pub const LABEL_WEIGHTS: [f64; N_FEATURES] = [
    0.0,    // share
    0.0,    // verbatim_share
    0.0,    // longest_share
    0.0,    // containment_1
    0.0,    // containment_2
    0.0,    // containment_3
    0.0,    // containment_4
    0.0,    // containment_5
    0.0,    // tiled_3
    0.0,    // tiled_5
    0.0,    // tiled_8
    0.0,    // tiled_near
    0.0,    // sentences_reused
    0.0,    // sentences_new
    0.0,    // length_ratio
    1.4345, // derived_mean
];
/// Constant term of the label score.
pub const LABEL_BIAS: f64 = 0.2447;
/// `wholly-derived` when the article's word unigram containment in the sources
/// (`containment_1`) is at least this. Cross-validation on showbiz (12 repetitions of 5 folds
/// by story, `benchmarks/fit_reuse_words.py`) gave macro-F1 0.615 ± 0.015 with this rule
/// against 0.601 ± 0.018 with a second threshold on the score (better in 10 of 12
/// repetitions, by 0.014 ± 0.017): the mean word probability separates derived from
/// non-derived articles best, the share of the article's vocabulary found in the wire
/// separates wholly from partially derived ones best (AUC 0.91 against 0.87).
pub const WHOLLY_MIN_CONTAINMENT: f64 = 0.808;
/// `partially-derived` at or above this score (unless `wholly-derived`).
pub const DERIVED_MIN_SCORE: f64 = 0.709;
// -------------------------------------------------------------------------------------------

/// The label score of a feature vector: `LABEL_BIAS + Σ LABEL_WEIGHTS[i] · features[i]`.
pub fn score(features: &[f64; N_FEATURES]) -> f64 {
    LABEL_BIAS
        + LABEL_WEIGHTS
            .iter()
            .zip(features)
            .map(|(w, f)| w * f)
            .sum::<f64>()
}

/// The label of a feature vector and its score: `wholly-derived` when `containment_1` is at
/// least [`WHOLLY_MIN_CONTAINMENT`], else `partially-derived` when the score is at least
/// [`DERIVED_MIN_SCORE`], else `non-derived`.
pub fn classify(features: &[f64; N_FEATURES], score: f64) -> ReuseLabel {
    if features[3] >= WHOLLY_MIN_CONTAINMENT {
        ReuseLabel::WhollyDerived
    } else if score >= DERIVED_MIN_SCORE {
        ReuseLabel::PartiallyDerived
    } else {
        ReuseLabel::NonDerived
    }
}

fn ngram_set(hashes: &[u64], n: usize) -> Vec<u64> {
    if hashes.len() < n {
        return Vec::new();
    }
    let mut s = shingles_of(hashes, n);
    s.sort_unstable();
    s.dedup();
    s
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Shares of sentences at least half tiled and with no tiled word.
fn sentence_shares(text: &str, art: &Tokens, marked: &[bool]) -> (f64, f64) {
    let (mut total, mut reused, mut new) = (0usize, 0usize, 0usize);
    let mut t = 0;
    for (_, e) in sentence_spans(text, Language::English) {
        let first = t;
        while t < art.spans.len() && art.spans[t].0 < e {
            t += 1;
        }
        if t == first {
            continue;
        }
        let tiled = marked[first..t].iter().filter(|&&m| m).count();
        total += 1;
        reused += usize::from(2 * tiled >= t - first);
        new += usize::from(tiled == 0);
    }
    (ratio(reused, total), ratio(new, total))
}

/// Widen a byte span over the punctuation attached to its first and last word (a closing
/// quote, a comma, a full stop): characters up to the nearest space or alphanumeric.
fn widen(text: &str, (s, e): (usize, usize)) -> (usize, usize) {
    let attached = |c: &char| !c.is_whitespace() && !c.is_alphanumeric();
    let end = e + text[e..]
        .chars()
        .take_while(attached)
        .map(char::len_utf8)
        .sum::<usize>();
    let start = s - text[..s]
        .chars()
        .rev()
        .take_while(attached)
        .map(char::len_utf8)
        .sum::<usize>();
    (start, end)
}

/// Reuse of `text` from `sources`.
///
/// # Errors
/// [`Error::InvalidArgument`] when `verbatim_run` is 0.
pub fn reuse<S: AsRef<str> + Sync>(
    text: &str,
    sources: &[S],
    opts: &ReuseOptions,
    threads: Threads,
) -> Result<Reuse> {
    if opts.verbatim_run == 0 {
        return Err(Error::InvalidArgument(
            "verbatim_run must be at least 1".into(),
        ));
    }
    let th = TokenHasher::default();
    let art: Tokens = th.tokens(text);
    let n = art.hashes.len();
    let srcs: Vec<Tokens> = parallel::map(threads, sources, |s| th.tokens(s.as_ref()));
    let src_hashes: Vec<&[u64]> = srcs.iter().map(|s| s.hashes.as_slice()).collect();
    let al = align_words(text, &art, &src_hashes);
    let probability: Vec<f64> = al.features.iter().map(word_probability).collect();
    let core_tiles = &al.tiles[..al.core_tiles];
    let tiled_at_least = |m: usize| {
        ratio(
            core_tiles
                .iter()
                .filter(|t| t.len >= m)
                .map(|t| t.len)
                .sum(),
            n,
        )
    };
    let mut verbatim = vec![false; n];
    let mut longest = 0usize;
    for t in &al.tiles {
        longest = longest.max(t.len);
        if t.len >= opts.verbatim_run {
            verbatim[t.a..t.a + t.len].fill(true);
        }
    }
    let mut in_passage = vec![false; n];
    let mut passages: Vec<ReusePassage> = word_passages(&al, &covered(&al, &probability))
        .into_iter()
        .map(|(source, a, b, words)| {
            in_passage[a.0..a.1].fill(true);
            ReusePassage {
                source,
                article_span: widen(text, byte_span(&art, a)),
                source_span: byte_span(&srcs[source], b),
                words,
            }
        })
        .collect();
    passages.sort_by(|x, y| {
        (x.article_span, x.source, x.source_span).cmp(&(y.article_span, y.source, y.source_span))
    });
    let count = |v: &[bool]| v.iter().filter(|&&x| x).count();
    let share = ratio(count(&in_passage), n);
    verbatim
        .iter_mut()
        .zip(&in_passage)
        .for_each(|(v, &p)| *v &= p);
    let verbatim_share = ratio(count(&verbatim), n);
    let mut runs = vec![false; n];
    for t in core_tiles.iter().filter(|t| t.len >= 2) {
        runs[t.a..t.a + t.len].fill(true);
    }
    let (sentences_reused, sentences_new) = sentence_shares(text, &art, &runs);
    let mut features = [0.0; N_FEATURES];
    features[0] = share;
    features[1] = verbatim_share;
    features[2] = ratio(longest, n);
    for g in 1..=5usize {
        let a = ngram_set(&art.hashes, g);
        if a.is_empty() {
            continue;
        }
        let mut u: Vec<u64> = srcs.iter().flat_map(|s| ngram_set(&s.hashes, g)).collect();
        u.sort_unstable();
        u.dedup();
        features[2 + g] = crate::overlap::shingles::containment(&a, &u);
    }
    features[8] = tiled_at_least(3);
    features[9] = tiled_at_least(5);
    features[10] = tiled_at_least(8);
    features[11] = ratio(count(&al.core), n);
    features[12] = sentences_reused;
    features[13] = sentences_new;
    let source_words: usize = srcs.iter().map(|s| s.hashes.len()).sum();
    features[14] = ((n as f64 + 1.0) / (source_words as f64 + 1.0)).ln();
    features[15] = if n == 0 {
        0.0
    } else {
        probability.iter().sum::<f64>() / n as f64
    };
    let score = score(&features);
    let label = if n == 0 {
        ReuseLabel::NonDerived
    } else {
        classify(&features, score)
    };
    Ok(Reuse {
        share,
        verbatim_share,
        features,
        score,
        passages,
        label,
        words: n,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "A man who stole a lorry load of frozen chips was jailed for two years \
        today at Leeds Crown Court. The judge told him the theft was carefully planned and \
        that the public would not tolerate it.";

    #[test]
    fn copy_edit_and_original() {
        let s = [WIRE];
        let copy = reuse(WIRE, &s, &ReuseOptions::default(), Threads::Serial).unwrap();
        assert!((copy.share - 1.0).abs() < 1e-12 && (copy.verbatim_share - 1.0).abs() < 1e-12);
        assert_eq!(copy.label, ReuseLabel::WhollyDerived);
        let p = &copy.passages[0];
        // The whole text, its final full stop included (attached punctuation).
        assert_eq!(&WIRE[p.article_span.0..p.article_span.1], WIRE);
        let fresh = "Ministers met farmers in the rain to discuss grain prices and diesel.";
        let r = reuse(fresh, &s, &ReuseOptions::default(), Threads::Serial).unwrap();
        assert!(r.share.abs() < 1e-12 && r.passages.is_empty());
        assert_eq!(r.label, ReuseLabel::NonDerived);
        let empty = reuse("", &s, &ReuseOptions::default(), Threads::Serial).unwrap();
        assert!(empty.share.abs() < 1e-12);
        let none: [&str; 0] = [];
        assert!(
            reuse(WIRE, &none, &ReuseOptions::default(), Threads::Serial)
                .unwrap()
                .passages
                .is_empty()
        );
    }

    #[test]
    fn rewritten_copy_keeps_short_verbatim_pieces() {
        // Rewritten wire copy: short verbatim pieces between changed words; and a new sentence.
        let art = "A thief who stole a lorry load of frozen chips was locked up for two years \
            yesterday at Leeds Crown Court. Neighbours in the quiet village held a street party.";
        let r = reuse(art, &[WIRE], &ReuseOptions::default(), Threads::Serial).unwrap();
        let got: Vec<&str> = r
            .passages
            .iter()
            .map(|p| &art[p.article_span.0..p.article_span.1])
            .collect();
        // The changed words ("thief", "locked", "yesterday") lie between tiles of the source in
        // a sentence mostly tiled: one passage; the new sentence shares only stop words.
        assert_eq!(
            got,
            [
                "A thief who stole a lorry load of frozen chips was locked up for two years \
              yesterday at Leeds Crown Court."
            ]
        );
        assert_eq!(r.passages[0].words, 17);
        let f = r.features;
        assert!(
            f[12] > 0.4 && f[12] < 0.6,
            "one of two sentences is mostly tiled: {}",
            f[12]
        );
        assert!(f[11] >= f[8] && f[8] >= f[9] && f[9] >= f[10]);
        assert!((r.score - score(&f)).abs() < 1e-12);
        assert_eq!(classify(&r.features, r.score), r.label);
    }

    #[test]
    fn repetitive_input_is_bounded_and_verbatim_within_share() {
        let text = "news ".repeat(5000);
        let r = reuse(&text, &[&text], &ReuseOptions::default(), Threads::Serial).unwrap();
        assert!((0.0..=1.0).contains(&r.share) && r.verbatim_share <= r.share);
        let r = reuse(
            WIRE,
            &[WIRE, WIRE],
            &ReuseOptions::default(),
            Threads::Serial,
        )
        .unwrap();
        assert!(r.verbatim_share <= r.share + 1e-12);
        let m = r.features[15];
        assert!(m > 0.5 && m <= 1.0, "a copy is derived: {m}");
    }

    #[test]
    fn rule_is_monotone_and_options_checked() {
        let mut f = [0.0; N_FEATURES];
        assert_eq!(
            classify(&f, DERIVED_MIN_SCORE),
            ReuseLabel::PartiallyDerived
        );
        assert_eq!(
            classify(&f, DERIVED_MIN_SCORE - 1e-9),
            ReuseLabel::NonDerived
        );
        f[3] = WHOLLY_MIN_CONTAINMENT;
        assert_eq!(classify(&f, 0.0), ReuseLabel::WhollyDerived);
        f[3] -= 1e-9;
        assert_eq!(classify(&f, 10.0), ReuseLabel::PartiallyDerived);
        assert_eq!(FEATURES[3], "containment_1");
        let bad = ReuseOptions { verbatim_run: 0 };
        assert!(reuse("a b c", &["a b c"], &bad, Threads::Serial).is_err());
        // Thread count does not change anything.
        let s = [WIRE, "The judge told him the theft was planned."];
        let one = reuse(WIRE, &s, &ReuseOptions::default(), Threads::Serial).unwrap();
        let two = reuse(WIRE, &s, &ReuseOptions::default(), Threads::Count(2)).unwrap();
        assert_eq!(one.passages, two.passages);
        assert_eq!(
            one.features.map(f64::to_bits),
            two.features.map(f64::to_bits)
        );
    }
}
