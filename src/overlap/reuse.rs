//! How much of one article comes from given source texts (wire copy): the churnalism question.
//!
//! The article is aligned against each source with the passage aligner
//! ([`super::passages`], anchors of [`ReuseOptions::anchor`] words, gaps of up to
//! [`ReuseOptions::max_gap`] words). From the alignments come:
//!
//! * `share`: the fraction of the article's words inside an aligned passage (the passage's
//!   whole extent, changed words included) with any source;
//! * `verbatim_share`: the fraction inside exact runs of at least
//!   [`ReuseOptions::verbatim_run`] identical words;
//! * `longest_share`: the longest single passage, as a fraction of the article's words;
//! * `containment[n-1]`, n = 1..5: the share of the article's distinct word n-grams found in
//!   the union of the sources.
//!
//! The label is a two-threshold rule on the containment features: the pair of features and
//! thresholds maximising 3-way macro-F1 on the METER corpus's showbiz domain only
//! (`benchmarks/fit_reuse_meter.py` searches every pair of the eight features and prints the
//! constants below), evaluated on its courts domain (`benchmarks/eval_meter.py`). A
//! multinomial logistic model over all eight features was tried and generalised worse to
//! courts (macro-F1 about 0.50), as did the passage shares alone.

use ahash::AHashMap;

use crate::error::Result;
use crate::overlap::passages::{align_pair, byte_span, AlignOptions};
use crate::overlap::shingles::{shingles_of, TokenHasher, Tokens};
use crate::parallel::{self, Threads};

/// Options of [`reuse`].
#[derive(Debug, Clone, Copy)]
pub struct ReuseOptions {
    /// Fewest aligned words in a reported passage.
    pub min_words: usize,
    /// Words per anchor.
    pub anchor: usize,
    /// Most words skipped on either side at one gap.
    pub max_gap: usize,
    /// Shortest exact run counted as verbatim.
    pub verbatim_run: usize,
}

impl Default for ReuseOptions {
    fn default() -> Self {
        ReuseOptions {
            min_words: 5,
            anchor: 3,
            max_gap: 3,
            verbatim_run: 5,
        }
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
    /// Aligned (equal) words.
    pub words: usize,
}

/// Names of [`Reuse::features`], in order.
pub const FEATURES: [&str; 8] = [
    "share",
    "verbatim_share",
    "longest_share",
    "containment_1",
    "containment_2",
    "containment_3",
    "containment_4",
    "containment_5",
];

/// The reuse of one article.
#[derive(Debug, Clone)]
pub struct Reuse {
    /// Fraction of the article's words inside passages found in the sources.
    pub share: f64,
    /// Fraction of the article's words inside exact runs of `verbatim_run`+ words.
    pub verbatim_share: f64,
    /// The features of the label model (see [`FEATURES`]).
    pub features: [f64; 8],
    /// Passages, sorted by article position then source.
    pub passages: Vec<ReusePassage>,
    /// The derivation label.
    pub label: ReuseLabel,
    /// Number of words of the article.
    pub words: usize,
}

// ---- label rule: fitted by benchmarks/fit_reuse_meter.py on METER showbiz ----------------
/// `wholly-derived` when at least this share of the article's distinct words (1-grams) is
/// found in the sources.
pub const WHOLLY_MIN_CONTAINMENT_1: f64 = 0.81;
/// Else `partially-derived` when at least this share of its distinct word bigrams is found
/// in the sources; else `non-derived`.
pub const DERIVED_MIN_CONTAINMENT_2: f64 = 0.20;
// -------------------------------------------------------------------------------------------

/// The label the rule gives to a feature vector (see [`FEATURES`]).
pub fn classify(features: &[f64; 8]) -> ReuseLabel {
    if features[3] >= WHOLLY_MIN_CONTAINMENT_1 {
        ReuseLabel::WhollyDerived
    } else if features[4] >= DERIVED_MIN_CONTAINMENT_2 {
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

/// Reuse of `text` from `sources`.
pub fn reuse<S: AsRef<str> + Sync>(
    text: &str,
    sources: &[S],
    opts: &ReuseOptions,
    threads: Threads,
) -> Result<Reuse> {
    let align = AlignOptions {
        min_words: opts.min_words,
        max_gap: opts.max_gap,
        anchor: opts.anchor,
        max_anchor_df: usize::MAX,
    };
    align.check()?;
    let k = align.anchor_len();
    let th = TokenHasher::default();
    let art: Tokens = th.tokens(text);
    let n = art.hashes.len();
    let mut index: AHashMap<u64, Vec<u32>> = AHashMap::new();
    if n >= k {
        for (p, h) in shingles_of(&art.hashes, k).into_iter().enumerate() {
            index.entry(h).or_default().push(p as u32);
        }
    }
    let per_source: Vec<(Tokens, Vec<crate::overlap::passages::Alignment>)> =
        parallel::map(threads, sources, |s| {
            let src = th.tokens(s.as_ref());
            if src.hashes.len() < k || index.is_empty() {
                return (src, Vec::new());
            }
            let mut hits: Vec<(u32, u32)> = Vec::new();
            for (q, h) in shingles_of(&src.hashes, k).into_iter().enumerate() {
                if let Some(ps) = index.get(&h) {
                    hits.extend(ps.iter().map(|&p| (p, q as u32)));
                }
            }
            let als = align_pair(&art.hashes, &src.hashes, &mut hits, k, &align);
            (src, als)
        });
    let mut in_passage = vec![false; n];
    let mut verbatim = vec![false; n];
    let mut longest = 0usize;
    let mut passages = Vec::new();
    for (si, (src, als)) in per_source.iter().enumerate() {
        for al in als {
            in_passage[al.a.0..al.a.1].fill(true);
            longest = longest.max(al.a.1 - al.a.0);
            for &(ra, _, len) in &al.runs {
                if len >= opts.verbatim_run {
                    verbatim[ra..ra + len].fill(true);
                }
            }
            passages.push(ReusePassage {
                source: si,
                article_span: byte_span(&art, al.a),
                source_span: byte_span(src, al.b),
                words: al.words(),
            });
        }
    }
    passages.sort_by(|x, y| {
        (x.article_span, x.source, x.source_span).cmp(&(y.article_span, y.source, y.source_span))
    });
    let frac = |v: &[bool]| {
        if n == 0 {
            0.0
        } else {
            v.iter().filter(|&&x| x).count() as f64 / n as f64
        }
    };
    let share = frac(&in_passage);
    let verbatim_share = frac(&verbatim);
    let mut features = [0.0; 8];
    features[0] = share;
    features[1] = verbatim_share;
    features[2] = if n == 0 {
        0.0
    } else {
        longest as f64 / n as f64
    };
    for g in 1..=5usize {
        let a = ngram_set(&art.hashes, g);
        if a.is_empty() {
            continue;
        }
        let mut u: Vec<u64> = per_source
            .iter()
            .flat_map(|(src, _)| ngram_set(&src.hashes, g))
            .collect();
        u.sort_unstable();
        u.dedup();
        features[2 + g] = crate::overlap::shingles::containment(&a, &u);
    }
    Ok(Reuse {
        share,
        verbatim_share,
        features,
        passages,
        label: classify(&features),
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
        assert_eq!(
            &WIRE[p.article_span.0..p.article_span.1],
            &WIRE[..WIRE.len() - 1]
        );
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
}
