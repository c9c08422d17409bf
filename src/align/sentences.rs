//! Sentence alignment across outlets: for every sentence, the most similar sentence of every
//! other outlet.
//!
//! 1. Split every document into sentences ([`crate::text::sentence_spans`], English rules) and
//!    prepare each one ([`Preparer`]); count stem document frequencies over all sentences
//!    ([`Idf`]), document-parallel, partial counts merged.
//! 2. **Blocking** (never all pairs): an inverted index from content stems to the sentences
//!    containing them, leaving out stems in more than `max_postings` sentences (default
//!    `max(200, sentences / 100)`: common words never make candidates). Two sentences of
//!    different outlets are a candidate pair when they share at least two indexed stems (one,
//!    when either has only one) and at least 30% of the smaller one's indexed stems. Each
//!    sentence keeps its 300 candidates with the most shared stems (ties: earlier sentence
//!    first).
//! 3. Score candidates with [`super::similarity::score`]; per sentence and other outlet keep
//!    the best (ties: earlier sentence).
//!
//! Candidate choice and scores are symmetric, and every step keeps input order, so the result
//! is the same for any thread count.

use ahash::AHashMap;

use super::prepare::{Idf, Prepared, Preparer};
use super::similarity::score;
use crate::error::{Error, Result};
use crate::parallel::{self, Threads};
use crate::text::{sentence_spans, Language};

/// Options of [`align_sentences`].
#[derive(Debug, Clone)]
pub struct AlignSentencesOptions {
    /// Similarity at or above which a best match is reported.
    pub threshold: f64,
    /// Leave stems contained in more sentences than this out of the index; 0: automatic.
    pub max_postings: usize,
    /// Most candidates scored per sentence.
    pub max_candidates: usize,
}

impl Default for AlignSentencesOptions {
    fn default() -> Self {
        AlignSentencesOptions {
            threshold: 0.5,
            max_postings: 0,
            max_candidates: 300,
        }
    }
}

/// One sentence of the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceRef {
    /// Document index.
    pub doc: usize,
    /// Index of the sentence within its document.
    pub index: usize,
    /// Byte span in the document.
    pub span: (usize, usize),
}

/// The result: every sentence, and per sentence its best match in each other outlet.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceAlignment {
    /// All sentences, document by document.
    pub sentences: Vec<SentenceRef>,
    /// Per sentence: (outlet, matched sentence, similarity), outlets ascending, only matches at
    /// or above the threshold.
    pub matches: Vec<Vec<(u32, usize, f64)>>,
}

/// Prepared sentences of every document, in order.
pub fn prepare_documents<S: AsRef<str> + Sync>(
    texts: &[S],
    threads: Threads,
) -> (Vec<SentenceRef>, Vec<Prepared>) {
    let per_doc = parallel::map_range(threads, texts.len(), |d| {
        let pr = Preparer::default();
        let text = texts[d].as_ref();
        sentence_spans(text, Language::English)
            .into_iter()
            .enumerate()
            .map(|(i, (s, e))| {
                (
                    SentenceRef {
                        doc: d,
                        index: i,
                        span: (s, e),
                    },
                    pr.prepare(&text[s..e]),
                )
            })
            .collect::<Vec<_>>()
    });
    per_doc.into_iter().flatten().unzip()
}

/// Document frequencies over prepared sentences (parallel partial counts, merged).
pub fn count_idf(sents: &[Prepared], threads: Threads) -> Idf {
    parallel::fold_merge(
        threads,
        sents,
        Idf::default,
        |mut acc, s| {
            acc.add(s);
            acc
        },
        |mut a, b| {
            a.merge(b);
            a
        },
    )
}

/// An inverted index of content stems over sentences, for blocking.
pub struct Blocker {
    postings: AHashMap<u64, Vec<u32>>,
    indexed: Vec<Vec<u64>>,
    /// Sets larger than this count as this large for the 30% rule (0: no share rule).
    min_share_cap: usize,
}

impl Blocker {
    /// Index the content stems of `sents` found in at most `max_postings` sentences.
    pub fn new(sents: &[Prepared], idf: &Idf, max_postings: usize) -> Self {
        let indexed: Vec<Vec<u64>> = sents
            .iter()
            .map(|s| {
                s.content
                    .iter()
                    .copied()
                    .filter(|&h| idf.df(h) as usize <= max_postings)
                    .collect()
            })
            .collect();
        let mut postings: AHashMap<u64, Vec<u32>> = AHashMap::new();
        for (i, terms) in indexed.iter().enumerate() {
            for &h in terms {
                postings.entry(h).or_default().push(i as u32);
            }
        }
        Blocker {
            postings,
            indexed,
            min_share_cap: usize::MAX,
        }
    }

    /// Drop the 30%-of-the-smaller-set rule (quote clustering links short partial quotes).
    #[must_use]
    pub fn without_share_rule(mut self) -> Self {
        self.min_share_cap = 0;
        self
    }

    /// Candidates of sentence `i` among sentences `j` with `keep(j)`: shared indexed stems
    /// at least `min(2, |i|, |j|)`; the `max` with most shared stems, sorted by index.
    pub fn candidates(
        &self,
        i: usize,
        keep: impl Fn(usize) -> bool,
        max: usize,
        counts: &mut AHashMap<u32, u32>,
    ) -> Vec<usize> {
        self.candidates_min(i, keep, max, 2, counts)
    }

    /// [`Blocker::candidates`] with `min(min_shared, |i|, |j|)` shared stems required.
    pub fn candidates_min(
        &self,
        i: usize,
        keep: impl Fn(usize) -> bool,
        max: usize,
        min_shared: usize,
        counts: &mut AHashMap<u32, u32>,
    ) -> Vec<usize> {
        counts.clear();
        for h in &self.indexed[i] {
            if let Some(list) = self.postings.get(h) {
                for &j in list {
                    if j as usize != i && keep(j as usize) {
                        *counts.entry(j).or_insert(0) += 1;
                    }
                }
            }
        }
        let ni = self.indexed[i].len();
        let mut c: Vec<(u32, u32)> = counts
            .iter()
            .filter(|&(&j, &n)| {
                n as usize >= min_shared.min(ni).min(self.indexed[j as usize].len())
            })
            .map(|(&j, &n)| (j, n))
            .collect();
        if c.len() > max {
            c.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            c.truncate(max);
        }
        let mut out: Vec<usize> = c.into_iter().map(|(j, _)| j as usize).collect();
        out.sort_unstable();
        out
    }
}

/// Default posting cap for `n` sentences.
pub fn auto_max_postings(n: usize) -> usize {
    (n / 100).max(200)
}

/// Align the sentences of `texts` (document `d` belongs to outlet `outlets[d]`).
pub fn align_sentences<S: AsRef<str> + Sync>(
    texts: &[S],
    outlets: &[u32],
    opts: &AlignSentencesOptions,
    threads: Threads,
) -> Result<SentenceAlignment> {
    if texts.len() != outlets.len() {
        return Err(Error::InvalidArgument(format!(
            "texts and outlets must have the same length, got {} and {}",
            texts.len(),
            outlets.len()
        )));
    }
    if !(opts.threshold.is_finite() && (0.0..=1.0).contains(&opts.threshold)) {
        return Err(Error::InvalidArgument(format!(
            "threshold must be a number in [0, 1], got {}",
            opts.threshold
        )));
    }
    let (refs, sents) = prepare_documents(texts, threads);
    let idf = count_idf(&sents, threads);
    let cap = if opts.max_postings == 0 {
        auto_max_postings(sents.len())
    } else {
        opts.max_postings
    };
    let blocker = Blocker::new(&sents, &idf, cap);
    let unit_of = |j: usize| outlets[refs[j].doc];
    let matches = parallel::map_range(threads, sents.len(), |i| {
        let mut counts = AHashMap::new();
        let own = unit_of(i);
        let cands = blocker.candidates(i, |j| unit_of(j) != own, opts.max_candidates, &mut counts);
        let mut best: Vec<(u32, usize, f64)> = Vec::new();
        for j in cands {
            let s = score(&sents[i], &sents[j], &idf);
            if s < opts.threshold {
                continue;
            }
            let o = unit_of(j);
            match best.iter_mut().find(|b| b.0 == o) {
                Some(b) if s > b.2 => *b = (o, j, s),
                Some(_) => {}
                None => best.push((o, j, s)),
            }
        }
        best.sort_unstable_by_key(|b| b.0);
        best
    });
    Ok(SentenceAlignment {
        sentences: refs,
        matches,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_across_outlets_only() {
        let texts = [
            "The port strike entered its third week on Monday. Farmers are worried about exports.",
            "Farmers said they were worried about exports. The port strike entered a third week on Monday.",
            "The port strike entered its third week on Monday. A football final was won.",
        ];
        let outlets = [0, 1, 0];
        let a = align_sentences(
            &texts,
            &outlets,
            &AlignSentencesOptions::default(),
            Threads::Serial,
        )
        .unwrap();
        assert_eq!(a.sentences.len(), 6);
        // Sentence 0 (doc 0) matches doc 1's second sentence, never doc 2 (same outlet).
        assert_eq!(a.matches[0].len(), 1);
        assert_eq!(a.matches[0][0].0, 1);
        assert_eq!(a.matches[0][0].1, 3);
        // The football sentence is unique.
        assert!(a.matches[5].is_empty());
        let b = align_sentences(
            &texts,
            &outlets,
            &AlignSentencesOptions::default(),
            Threads::Count(2),
        )
        .unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn bad_input() {
        let o = AlignSentencesOptions {
            threshold: 2.0,
            ..Default::default()
        };
        assert!(align_sentences(&["a"], &[0], &o, Threads::Serial).is_err());
        assert!(align_sentences(
            &["a"],
            &[],
            &AlignSentencesOptions::default(),
            Threads::Serial
        )
        .is_err());
        let empty: [&str; 0] = [];
        let r = align_sentences(
            &empty,
            &[],
            &AlignSentencesOptions::default(),
            Threads::Serial,
        )
        .unwrap();
        assert!(r.sentences.is_empty());
    }
}
