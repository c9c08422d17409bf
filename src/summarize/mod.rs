//! Extractive summaries of one or many documents, with a score for every sentence, word and
//! sentence budgets, redundancy control and provenance (which documents carry each summary
//! sentence's content).
//!
//! Methods ([`Method`]):
//! * `Lead`: earlier sentences first (`1 / (1 + position)`): the news baseline.
//! * `Centroid` (Radev et al. 2004): the sum of the centroid weights of the sentence's terms
//!   (term count per document × smoothed inverse sentence frequency, top
//!   [`CENTROID_TERMS`] terms), plus a position bonus of up to [`CENTROID_POSITION`] of the
//!   best centroid score for the head of each document.
//! * `LexRank` (Erkan & Radev 2004, continuous): PageRank (damping 0.85) over the graph of
//!   idf-modified cosine similarities (term count × `ln(1 + N/df)`, `df` over sentences).
//! * `TextRank` (Mihalcea & Tarau 2004): PageRank over `overlap / (ln |s1| + ln |s2|)`.
//! * `Coverage`: concept coverage (see [`coverage`]), the method for multi-document news.
//!
//! Score-based methods pick sentences by maximal marginal relevance ([`select::mmr`]) under the
//! budget; `Coverage` optimises its objective under the budget directly, optionally over
//! compressed variants of the sentences too ([`compress`], at most one per sentence). Terms
//! are stemmed (Snowball) content words; sentences come from [`crate::text::sentence_spans`],
//! with over-long unpunctuated runs cut into pieces (see [`analyze()`]). Results do not depend
//! on the thread count.
//!
//! ```
//! use presslens::summarize::{summarize, Method, SummarizeOptions};
//! use presslens::parallel::Threads;
//! let docs = ["The port strike entered its third week. Talks stalled over pay. Farmers worry.",
//!             "Talks over pay stalled again as the port strike entered a third week."];
//! let mut opts = SummarizeOptions::new(Method::LexRank);
//! opts.max_words = Some(12);
//! let s = summarize(&docs, &[None, None], &opts, Threads::Serial).unwrap();
//! assert!(!s.selected.is_empty());
//! let words: u32 = s.selected.iter().map(|x| s.sentences[x.sentence].words).sum();
//! assert!(words <= 12);
//! ```

pub mod analyze;
pub mod compress;
pub mod coverage;
mod fill;
pub mod graph;
pub mod select;
pub mod trim;

use crate::error::{Error, Result};
use crate::parallel::Threads;
use crate::text::Language;

pub use analyze::{analyze, Analysis, Sentence};

/// Centroid terms kept.
pub const CENTROID_TERMS: usize = 100;
/// Weight of the position bonus of `Centroid`, as a share of the best centroid score.
pub const CENTROID_POSITION: f64 = 0.5;
/// `Coverage` chooses among this many best standalone sentences (keeps long inputs linear).
pub const COVERAGE_POOL: usize = 1000;
/// Sentences shorter than this many words are not chosen while longer ones remain.
pub const MIN_WORDS: u32 = 8;

/// A summarisation method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Earlier sentences first.
    Lead,
    /// Centroid of term weights.
    Centroid,
    /// Continuous LexRank.
    LexRank,
    /// TextRank.
    TextRank,
    /// Bigram concept coverage.
    Coverage,
}

impl Method {
    /// Parse a method name.
    pub fn parse(name: &str) -> Result<Method> {
        Ok(match name {
            "lead" => Method::Lead,
            "centroid" => Method::Centroid,
            "lexrank" => Method::LexRank,
            "textrank" => Method::TextRank,
            "coverage" => Method::Coverage,
            _ => {
                return Err(Error::InvalidArgument(format!(
                    "unknown summarisation method {name:?}; use 'lead', 'centroid', 'lexrank', \
                     'textrank' or 'coverage'"
                )))
            }
        })
    }
}

/// Order of the summary's sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Best first (the order of selection).
    Score,
    /// Document order, then position in the document.
    Position,
    /// Publication time of the document (unknown times last), then document order, then
    /// position.
    Time,
}

impl Order {
    /// Parse `"score"`, `"position"` or `"time"`.
    pub fn parse(name: &str) -> Result<Order> {
        Ok(match name {
            "score" => Order::Score,
            "position" => Order::Position,
            "time" => Order::Time,
            _ => {
                return Err(Error::InvalidArgument(format!(
                    "unknown order {name:?}; use 'score', 'position' or 'time'"
                )))
            }
        })
    }
}

/// Options of [`summarize`].
#[derive(Debug, Clone)]
pub struct SummarizeOptions {
    /// The method.
    pub method: Method,
    /// Most words (white-space separated) in the summary; `None` = no limit.
    pub max_words: Option<usize>,
    /// Most sentences; `None` = no limit.
    pub max_sentences: Option<usize>,
    /// MMR weight λ in `[0, 1]`: 0 ranks by score alone, higher values penalise similarity to
    /// sentences already chosen.
    pub redundancy: f64,
    /// Order of the output.
    pub order: Order,
    /// Language of the stemmer, stop words and sentence splitter.
    pub language: Language,
    /// Cosine (over stemmed content-word sets) from which another sentence supports a summary
    /// sentence.
    pub support_threshold: f64,
    /// Concept weights and solver settings of `Coverage`.
    pub coverage: coverage::Params,
    /// Skip leading datelines, agency prefixes and connectives of sentences
    /// ([`trim::lead_trim`]) before scoring and selection.
    pub trim: bool,
    /// Fill the word budget exactly: when words remain, add the best further sentence cut at
    /// the budget (its span then ends inside the sentence).
    pub truncate: bool,
    /// `Coverage` only: also consider compressed variants of each sentence
    /// ([`compress::variants`]: attributions, parentheticals, relative clauses, appositives,
    /// time expressions dropped) and choose at most one of the sentence and its variants.
    pub compress: bool,
}

impl SummarizeOptions {
    /// Defaults: 100 words, redundancy 0.5, score order, English, support threshold 0.5.
    pub fn new(method: Method) -> Self {
        SummarizeOptions {
            method,
            max_words: Some(100),
            max_sentences: None,
            redundancy: 0.5,
            order: Order::Score,
            language: Language::English,
            support_threshold: 0.5,
            coverage: coverage::Params::default(),
            trim: false,
            truncate: false,
            compress: false,
        }
    }
}

/// One chosen sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Selected {
    /// Index into [`SummaryResult::sentences`].
    pub sentence: usize,
    /// Its score.
    pub score: f64,
    /// Documents whose sentences carry the same content (its own first).
    pub supported_by: Vec<u32>,
    /// Byte span of the summary's text in the document: the sentence's span, or a prefix of
    /// it for a sentence cut at the budget ([`SummarizeOptions::truncate`]); the whole
    /// sentence's span for a compressed one (its text is then given by [`Selected::pieces`]).
    pub start: usize,
    /// End of the byte span.
    pub end: usize,
    /// White-space separated words in the summary's text.
    pub words: u32,
    /// Byte spans of the document whose concatenation is the summary's text: `[(start,
    /// end)]`, or the kept pieces of a compressed sentence ([`SummarizeOptions::compress`]).
    pub pieces: Vec<(usize, usize)>,
}

/// Result of [`summarize`].
#[derive(Debug, Clone)]
pub struct SummaryResult {
    /// Every sentence of the input.
    pub sentences: Vec<Sentence>,
    /// Every sentence's score.
    pub scores: Vec<f64>,
    /// The summary, in the requested order.
    pub selected: Vec<Selected>,
    /// True when sentences exist but none fits the budget (the summary is then empty).
    pub budget_too_small: bool,
}

fn lead_scores(a: &Analysis) -> Vec<f64> {
    a.sentences
        .iter()
        .map(|s| 1.0 / (1.0 + f64::from(s.pos)))
        .collect()
}

fn centroid_scores(a: &Analysis) -> Vec<f64> {
    let idf = graph::sentence_idf(a);
    let mut tf = vec![0.0f64; a.n_terms()];
    for i in 0..a.sentences.len() {
        for t in a.content(i) {
            tf[t as usize] += 1.0;
        }
    }
    let docs = a.n_docs.max(1) as f64;
    let mut weight: Vec<f64> = tf.iter().zip(&idf).map(|(&c, &w)| c / docs * w).collect();
    let mut order: Vec<usize> = (0..weight.len()).filter(|&t| weight[t] > 0.0).collect();
    order.sort_unstable_by(|&x, &y| weight[y].total_cmp(&weight[x]).then(x.cmp(&y)));
    for &t in order.iter().skip(CENTROID_TERMS) {
        weight[t] = 0.0;
    }
    let sets = graph::content_vectors(a, None, true);
    let c: Vec<f64> = sets
        .iter()
        .map(|v| v.iter().map(|&(t, _)| weight[t as usize]).sum())
        .collect();
    let cmax = c.iter().copied().fold(0.0, f64::max);
    a.sentences
        .iter()
        .zip(&c)
        .map(|(s, &ci)| {
            let n = f64::from(a.doc_sentences[s.doc as usize].max(1));
            ci + CENTROID_POSITION * cmax * (n - f64::from(s.pos)) / n
        })
        .collect()
}

fn rank_scores(a: &Analysis, method: Method, threads: Threads) -> Vec<f64> {
    if method == Method::TextRank {
        let v = graph::content_vectors(a, None, true);
        let lens: Vec<f64> = (0..a.sentences.len())
            .map(|i| (a.content(i).count().max(1) as f64).ln())
            .collect();
        let g = graph::build(&v, a.n_terms(), &graph::Edge::LogLength(&lens), threads);
        graph::pagerank(&g, 0.85)
    } else {
        let idf = graph::sentence_idf(a);
        lexrank(a, &graph::content_vectors(a, Some(&idf), false), threads)
    }
}

fn lexrank(a: &Analysis, tfidf: &[graph::SparseVec], threads: Threads) -> Vec<f64> {
    let norms: Vec<f64> = tfidf.iter().map(graph::norm).collect();
    let g = graph::build(tfidf, a.n_terms(), &graph::Edge::Cosine(&norms), threads);
    graph::pagerank(&g, 0.85)
}

/// Score every sentence of an analysis with `method`.
pub fn score(
    a: &Analysis,
    method: Method,
    params: &coverage::Params,
    threads: Threads,
) -> Vec<f64> {
    match method {
        Method::Lead => lead_scores(a),
        Method::Centroid => centroid_scores(a),
        Method::LexRank | Method::TextRank => rank_scores(a, method, threads),
        Method::Coverage => coverage::sentence_values(&coverage::concepts(a, params)),
    }
}

/// Candidates in preference order: score descending, then input order. Sentences shorter than
/// [`MIN_WORDS`] are left out while a longer one fits the budget.
fn candidates(a: &Analysis, scores: &[f64], max_words: usize) -> Vec<usize> {
    let fits = |i: &usize| a.sentences[*i].words as usize <= max_words && a.sentences[*i].words > 0;
    let mut c: Vec<usize> = (0..a.sentences.len())
        .filter(|i| fits(i) && a.sentences[*i].words >= MIN_WORDS)
        .collect();
    if c.is_empty() {
        c = (0..a.sentences.len()).filter(fits).collect();
    }
    c.sort_by(|&x, &y| scores[y].total_cmp(&scores[x]).then(x.cmp(&y)));
    c
}

/// Summarise `texts` (one or many documents; `times` gives each document's publication time
/// for [`Order::Time`], `None` when unknown).
pub fn summarize<S: AsRef<str> + Sync>(
    texts: &[S],
    times: &[Option<f64>],
    opts: &SummarizeOptions,
    threads: Threads,
) -> Result<SummaryResult> {
    if times.len() != texts.len() {
        return Err(Error::InvalidArgument(format!(
            "got {} publication times for {} documents",
            times.len(),
            texts.len()
        )));
    }
    if !(0.0..=1.0).contains(&opts.redundancy) {
        return Err(Error::InvalidArgument(format!(
            "redundancy must be between 0 and 1, got {}",
            opts.redundancy
        )));
    }
    if opts.compress && opts.method != Method::Coverage {
        return Err(Error::InvalidArgument(format!(
            "compress works with method 'coverage' only, got {:?}; use method='coverage' or \
             compress=False",
            opts.method
        )));
    }
    if opts.max_words.is_none() && opts.max_sentences.is_none() {
        return Err(Error::InvalidArgument(
            "give max_words or max_sentences (or both)".to_string(),
        ));
    }
    let mut a = analyze(texts, opts.language, threads);
    if opts.trim {
        trim::trim_leads(&mut a, texts);
    }
    let n = a.sentences.len();
    let variants = if opts.compress {
        compress::sentence_variants(&a, texts)
    } else {
        compress::Variants::default()
    };
    let origin = |i: usize| if i < n { i } else { variants.origin[i - n] };
    let idf = graph::sentence_idf(&a);
    let tfidf = graph::content_vectors(&a, Some(&idf), false);
    let scores = if opts.method == Method::LexRank {
        lexrank(&a, &tfidf, threads)
    } else {
        score(&a, opts.method, &opts.coverage, threads)
    };
    let max_words = opts.max_words.unwrap_or(usize::MAX);
    let max_sentences = opts.max_sentences.unwrap_or(usize::MAX);
    let truncate = opts.truncate && opts.max_words.is_some();
    let mut c = (opts.method == Method::Coverage).then(|| coverage::concepts(&a, &opts.coverage));
    // the analysis and scores extended with the compressed variants
    let ax_store: Analysis;
    let mut scores_x = scores.clone();
    let ax = if let (Some(c), false) = (c.as_mut(), variants.origin.is_empty()) {
        let mut x = a.clone();
        x.sentences.extend(variants.sentences.iter().cloned());
        ax_store = x;
        c.group = (0..n)
            .chain(variants.origin.iter().copied())
            .map(|i| i as u32)
            .collect();
        for v in &variants.sentences {
            let cs = c.of_tokens(&a, &v.tokens);
            scores_x.push(cs.iter().map(|&k| c.weight[k as usize]).sum());
            c.of.push(cs);
        }
        &ax_store
    } else {
        &a
    };
    let words: Vec<u32> = ax.sentences.iter().map(|s| s.words).collect();
    let mut cands = candidates(ax, &scores_x, max_words);
    if let Some(c) = c.as_ref().filter(|_| !variants.origin.is_empty()) {
        compress::prune(&mut cands, &c.of, &words, n, &variants.origin);
    }
    let budget_too_small = cands.is_empty() && words.iter().any(|&w| w > 0) && max_sentences > 0;
    let mut tail: Option<(usize, u32)> = None;
    let mut chosen = if let Some(c) = c.as_mut() {
        if truncate && opts.coverage.centrality != 0.0 && a.n_docs > 1 {
            let rank = lexrank(&a, &tfidf, threads);
            let mut bonus =
                coverage::centrality_bonus(opts.coverage.centrality, &rank, &words[..n], &scores);
            // a compressed variant gains its sentence's bonus in proportion to its words
            for (v, &o) in variants.origin.iter().enumerate() {
                bonus.push(bonus[o] * f64::from(words[n + v]) / f64::from(words[o].max(1)));
            }
            c.bonus = bonus;
        }
        let b = coverage::Budget {
            words: max_words,
            sentences: max_sentences,
        };
        let pool = &cands[..cands.len().min(COVERAGE_POOL)];
        let mut set = if truncate {
            let (set, t) = fill::coverage(ax, texts, c, pool, &words, b, &variants.pieces);
            tail = t;
            set
        } else {
            coverage::select(c, pool, &words, b)
        };
        set.sort_by(|&x, &y| scores_x[y].total_cmp(&scores_x[x]).then(x.cmp(&y)));
        set
    } else {
        let set = select::mmr(
            &scores,
            &cands,
            &tfidf,
            &words,
            max_words,
            max_sentences,
            opts.redundancy,
        );
        if truncate {
            let b = coverage::Budget {
                words: max_words,
                sentences: max_sentences,
            };
            tail = fill::mmr(&scores, &cands, &tfidf, &words, &set, b, opts.redundancy);
        }
        set
    };
    if let Some((t, _)) = tail {
        chosen.push(t);
    }
    match opts.order {
        Order::Score => {}
        Order::Position => chosen.sort_unstable_by_key(|&i| origin(i)),
        Order::Time => chosen.sort_by(|&x, &y| {
            let tx = times[ax.sentences[x].doc as usize].unwrap_or(f64::INFINITY);
            let ty = times[ax.sentences[y].doc as usize].unwrap_or(f64::INFINITY);
            tx.total_cmp(&ty).then(origin(x).cmp(&origin(y)))
        }),
    }
    let sets = graph::content_vectors(&a, None, true);
    let post = select::postings(&sets, a.n_terms());
    let selected = chosen
        .into_iter()
        .map(|i| {
            let o = origin(i);
            let s = &a.sentences[o];
            let mut pieces = if i < n {
                vec![(s.start, s.end)]
            } else {
                variants.pieces[i - n].clone()
            };
            let mut w = ax.sentences[i].words;
            match tail {
                Some((t, keep)) if t == i && keep < w => {
                    pieces = compress::cut(texts[s.doc as usize].as_ref(), &pieces, keep as usize);
                    w = keep;
                }
                _ => {}
            }
            let end = if i < n { pieces[0].1 } else { s.end };
            Selected {
                sentence: o,
                score: scores_x[i],
                supported_by: select::support(&a, &sets, &post, o, opts.support_threshold),
                start: s.start,
                end,
                words: w,
                pieces,
            }
        })
        .collect();
    Ok(SummaryResult {
        sentences: a.sentences,
        scores,
        selected,
        budget_too_small,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS: [&str; 3] = [
        "The port strike entered its third week on Monday. Talks between the union and the \
         port operator stalled over pay. Farmers said exports of grain were piling up at the docks.",
        "Talks over pay stalled again on Monday as the port strike entered a third week. The union \
         wants a ten percent raise. A football club won its final on penalties.",
        "Grain exports are piling up at the docks because of the port strike, farmers said. The \
         strike entered its third week as talks over pay stalled.",
    ];

    fn run(method: Method, words: usize) -> SummaryResult {
        let mut o = SummarizeOptions::new(method);
        o.max_words = Some(words);
        summarize(&DOCS, &[Some(2.0), Some(1.0), None], &o, Threads::Serial).unwrap()
    }

    #[test]
    fn every_method_respects_the_budget() {
        for m in [
            Method::Lead,
            Method::Centroid,
            Method::LexRank,
            Method::TextRank,
            Method::Coverage,
        ] {
            let s = run(m, 30);
            assert!(!s.selected.is_empty(), "{m:?}");
            let w: u32 = s
                .selected
                .iter()
                .map(|x| s.sentences[x.sentence].words)
                .sum();
            assert!(w <= 30, "{m:?} {w}");
            assert_eq!(s.scores.len(), s.sentences.len());
            // the off-topic football sentence is never central
            assert!(s
                .selected
                .iter()
                .all(|x| !DOCS[1][s.sentences[x.sentence].start..].starts_with("A football")));
        }
    }

    #[test]
    fn provenance_lists_documents_with_the_same_content() {
        let s = run(Method::LexRank, 15);
        let first = &s.selected[0];
        assert!(first.supported_by.len() >= 2, "{first:?}");
        assert_eq!(first.supported_by[0], s.sentences[first.sentence].doc);
    }

    #[test]
    fn budget_smaller_than_any_sentence() {
        let s = run(Method::LexRank, 3);
        assert!(s.selected.is_empty() && s.budget_too_small);
        let empty: [&str; 2] = ["", "  "];
        let o = SummarizeOptions::new(Method::Centroid);
        let s = summarize(&empty, &[None, None], &o, Threads::Serial).unwrap();
        assert!(s.selected.is_empty() && !s.budget_too_small);
    }

    #[test]
    fn threads_do_not_change_results() {
        let mut o = SummarizeOptions::new(Method::LexRank);
        o.max_sentences = Some(3);
        let a = summarize(&DOCS, &[None; 3], &o, Threads::Serial).unwrap();
        let b = summarize(&DOCS, &[None; 3], &o, Threads::Count(2)).unwrap();
        assert_eq!(a.selected, b.selected);
        assert_eq!(a.scores, b.scores);
    }

    #[test]
    fn truncate_fills_the_budget_exactly() {
        for m in [Method::Coverage, Method::LexRank, Method::Centroid] {
            for budget in [9, 17, 30] {
                let mut o = SummarizeOptions::new(m);
                o.max_words = Some(budget);
                o.truncate = true;
                let s = summarize(&DOCS, &[None; 3], &o, Threads::Serial).unwrap();
                let total: u32 = s.selected.iter().map(|x| x.words).sum();
                assert_eq!(total as usize, budget, "{m:?} {budget}");
                for x in &s.selected {
                    let sent = &s.sentences[x.sentence];
                    let text = &DOCS[sent.doc as usize][x.start..x.end];
                    assert_eq!(text.split_whitespace().count() as u32, x.words);
                    assert!(x.start == sent.start && x.end <= sent.end);
                }
                // exactly one sentence may be cut, and it is the last in score order
                let cut: Vec<bool> = s
                    .selected
                    .iter()
                    .map(|x| x.end < s.sentences[x.sentence].end)
                    .collect();
                assert!(cut.iter().filter(|&&c| c).count() <= 1);
                assert!(cut[..cut.len() - 1].iter().all(|&c| !c));
            }
        }
    }

    #[test]
    fn trim_skips_datelines() {
        let docs = [
            "OSTRAVA (CPA) _ The port strike entered its third week on Monday as talks stalled.",
            "The port strike entered a third week on Monday. Talks stalled over pay.",
        ];
        let mut o = SummarizeOptions::new(Method::Lead);
        o.max_sentences = Some(1);
        o.trim = true;
        let s = summarize(&docs, &[None; 2], &o, Threads::Serial).unwrap();
        let x = &s.selected[0];
        assert_eq!(
            &docs[0][x.start..x.end],
            "The port strike entered its third week on Monday as talks stalled."
        );
        assert_eq!(x.words, 12);
    }

    #[test]
    fn compressed_sentences_are_traceable_pieces() {
        let docs = [
            "The port strike, which began in May, entered its third week on Monday, union \
             leaders said. Talks stalled over pay.",
            "Talks over pay stalled again as the port strike entered a third week, officials \
             said. Farmers said exports of grain were piling up at the docks.",
        ];
        for truncate in [false, true] {
            let mut o = SummarizeOptions::new(Method::Coverage);
            o.max_words = Some(9);
            o.compress = true;
            o.truncate = truncate;
            let s = summarize(&docs, &[None; 2], &o, Threads::Serial).unwrap();
            assert!(!s.selected.is_empty());
            let mut total = 0;
            let mut seen = Vec::new();
            for x in &s.selected {
                let sent = &s.sentences[x.sentence];
                let doc = docs[sent.doc as usize];
                let text: String = x.pieces.iter().map(|&(p, q)| &doc[p..q]).collect();
                assert_eq!(text.split_whitespace().count() as u32, x.words, "{text}");
                assert!(x
                    .pieces
                    .iter()
                    .all(|&(p, q)| sent.start <= p && p < q && q <= sent.end));
                assert!(x.pieces.windows(2).all(|w| w[0].1 <= w[1].0));
                assert!(!seen.contains(&x.sentence));
                seen.push(x.sentence);
                total += x.words;
            }
            assert!(total <= 9);
            if truncate {
                assert_eq!(total, 9);
            }
            // only a compressed sentence fits 9 words
            assert!(s
                .selected
                .iter()
                .any(|x| x.pieces.len() > 1 || x.words < s.sentences[x.sentence].words));
        }
        let mut o = SummarizeOptions::new(Method::LexRank);
        o.compress = true;
        assert!(summarize(&docs, &[None; 2], &o, Threads::Serial).is_err());
    }

    #[test]
    fn orders() {
        let mut o = SummarizeOptions::new(Method::Lead);
        o.max_sentences = Some(3);
        o.max_words = None;
        o.order = Order::Time;
        o.redundancy = 0.0;
        let s = summarize(&DOCS, &[Some(2.0), Some(1.0), None], &o, Threads::Serial).unwrap();
        let docs: Vec<u32> = s
            .selected
            .iter()
            .map(|x| s.sentences[x.sentence].doc)
            .collect();
        assert_eq!(docs, [1, 0, 2]);
        assert!(Method::parse("nope").is_err() && Order::parse("nope").is_err());
    }
}
