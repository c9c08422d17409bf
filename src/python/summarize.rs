//! Bindings for `crate::summarize` and `crate::rouge`.

use numpy::{IntoPyArray, PyArray1, PyArray2, PyArray3, PyArrayMethods};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

use super::convert::OffsetMap;
use super::run::{attached, detached};
use crate::parallel::{self, Threads};
use crate::rouge::{self, Aggregate, Metric, RougeOptions};
use crate::summarize::{
    self as core, compress, coverage, Method, Order, Sentence, SummarizeOptions,
};
use crate::text::Language;

fn threads(n: Option<i64>) -> PyResult<Threads> {
    attached(|| Threads::from_option(n))
}

type Columns<'py> = (
    Bound<'py, PyArray1<u32>>,
    Bound<'py, PyArray1<u32>>,
    Bound<'py, PyArray1<u64>>,
    Bound<'py, PyArray1<u64>>,
    Bound<'py, PyArray1<u32>>,
    Bound<'py, PyArray1<f64>>,
);

/// Sentence columns (doc, position, start, end, words, score) with offsets in code points.
fn columns<'py, S: AsRef<str> + Sync>(
    py: Python<'py>,
    texts: &[S],
    sentences: &[Sentence],
    scores: Vec<f64>,
    t: Threads,
) -> PyResult<Columns<'py>> {
    let (docs, pos, starts, ends, words) = detached(py, || {
        let mut per_doc: Vec<Vec<(usize, usize)>> = vec![Vec::new(); texts.len()];
        for s in sentences {
            per_doc[s.doc as usize].push((s.start, s.end));
        }
        let converted: Vec<Vec<(usize, usize)>> = parallel::map_range(t, texts.len(), |d| {
            OffsetMap::spans(texts[d].as_ref(), &per_doc[d])
        });
        let mut starts = Vec::with_capacity(sentences.len());
        let mut ends = Vec::with_capacity(sentences.len());
        for spans in converted {
            for (s, e) in spans {
                starts.push(s as u64);
                ends.push(e as u64);
            }
        }
        Ok((
            sentences.iter().map(|s| s.doc).collect::<Vec<u32>>(),
            sentences.iter().map(|s| s.pos).collect::<Vec<u32>>(),
            starts,
            ends,
            sentences.iter().map(|s| s.words).collect::<Vec<u32>>(),
        ))
    })?;
    Ok((
        docs.into_pyarray(py),
        pos.into_pyarray(py),
        starts.into_pyarray(py),
        ends.into_pyarray(py),
        words.into_pyarray(py),
        scores.into_pyarray(py),
    ))
}

fn coverage_params(p: Option<(u32, u32, f64, f64)>) -> coverage::Params {
    p.map_or_else(
        coverage::Params::default,
        |(min_df, lead, power, unigram)| coverage::Params {
            min_df,
            lead,
            power,
            unigram,
            ..coverage::Params::default()
        },
    )
}

/// Concept model coefficients given for fitting (`benchmarks/tune_duc.py`): (bigram model,
/// content-word model), each an intercept and [`coverage::N_FEATURES`] coefficients.
type Models = (Vec<f64>, Vec<f64>);

fn with_models(mut p: coverage::Params, models: Option<Models>) -> PyResult<coverage::Params> {
    let Some((bigram, unigram)) = models else {
        return Ok(p);
    };
    attached(|| {
        let n = coverage::N_FEATURES + 1;
        let arr = |v: &[f64]| -> crate::Result<[f64; coverage::N_FEATURES + 1]> {
            v.try_into().map_err(|_| {
                crate::Error::InvalidArgument(format!(
                    "a concept model has an intercept and {} coefficients ({n} numbers), got {}",
                    coverage::N_FEATURES,
                    v.len()
                ))
            })
        };
        p.bigram_model = arr(&bigram)?;
        p.unigram_model = arr(&unigram)?;
        Ok(p)
    })
}

/// A chosen sentence: (sentence, score, supporting docs, start, end, kept pieces), offsets in
/// code points.
type Chosen = (usize, f64, Vec<u32>, u64, u64, Vec<(u64, u64)>);
type SummaryRows<'py> = (Columns<'py>, Vec<Chosen>, bool);

/// Summarise documents: (sentence columns, chosen sentences, budget_too_small).
#[pyfunction]
#[pyo3(signature = (texts, times, *, method = "lexrank", max_words = Some(100),
                    max_sentences = None, redundancy = 0.5, order = "score",
                    language = "english", support_threshold = 0.5, n_threads = None,
                    coverage = None, trim = false, truncate = false, compress = false,
                    concept_models = None, centrality = None))]
#[allow(clippy::too_many_arguments, clippy::fn_params_excessive_bools)]
fn summarize<'py>(
    py: Python<'py>,
    texts: Vec<PyBackedStr>,
    times: Vec<Option<f64>>,
    method: &str,
    max_words: Option<usize>,
    max_sentences: Option<usize>,
    redundancy: f64,
    order: &str,
    language: &str,
    support_threshold: f64,
    n_threads: Option<i64>,
    coverage: Option<(u32, u32, f64, f64)>,
    trim: bool,
    truncate: bool,
    compress: bool,
    concept_models: Option<Models>,
    centrality: Option<f64>,
) -> PyResult<SummaryRows<'py>> {
    let t = threads(n_threads)?;
    let mut params = with_models(coverage_params(coverage), concept_models)?;
    if let Some(mu) = centrality {
        params.centrality = mu;
    }
    let opts = attached(|| {
        Ok(SummarizeOptions {
            method: Method::parse(method)?,
            max_words,
            max_sentences,
            redundancy,
            order: Order::parse(order)?,
            language: Language::parse(language)?,
            support_threshold,
            coverage: params,
            trim,
            truncate,
            compress,
        })
    })?;
    let (r, spans) = detached(py, || {
        let r = core::summarize(&texts, &times, &opts, t)?;
        // per chosen sentence: its span, then its pieces
        let spans: Vec<Vec<(usize, usize)>> = r
            .selected
            .iter()
            .map(|s| {
                let doc = r.sentences[s.sentence].doc as usize;
                let mut all = vec![(s.start, s.end)];
                all.extend_from_slice(&s.pieces);
                OffsetMap::spans(texts[doc].as_ref(), &all)
            })
            .collect();
        Ok((r, spans))
    })?;
    let chosen = r
        .selected
        .iter()
        .zip(spans)
        .map(|(s, sp)| {
            (
                s.sentence,
                s.score,
                s.supported_by.clone(),
                sp[0].0 as u64,
                sp[0].1 as u64,
                sp[1..].iter().map(|&(a, b)| (a as u64, b as u64)).collect(),
            )
        })
        .collect();
    let cols = columns(py, &texts, &r.sentences, r.scores, t)?;
    Ok((cols, chosen, r.budget_too_small))
}

/// Every sentence with its score: (doc, position, start, end, words, score) columns.
#[pyfunction]
#[pyo3(signature = (texts, *, method = "lexrank", language = "english", n_threads = None,
                    coverage = None))]
fn sentence_scores<'py>(
    py: Python<'py>,
    texts: Vec<PyBackedStr>,
    method: &str,
    language: &str,
    n_threads: Option<i64>,
    coverage: Option<(u32, u32, f64, f64)>,
) -> PyResult<Columns<'py>> {
    let t = threads(n_threads)?;
    let (m, lang) = attached(|| Ok((Method::parse(method)?, Language::parse(language)?)))?;
    let params = coverage_params(coverage);
    let (a, scores) = detached(py, || {
        let a = core::analyze(&texts, lang, t);
        let s = core::score(&a, m, &params, t);
        Ok((a, s))
    })?;
    columns(py, &texts, &a.sentences, scores, t)
}

type ConceptRows<'py> = (
    Bound<'py, PyArray2<f64>>,
    Bound<'py, PyArray1<bool>>,
    Bound<'py, PyArray1<f64>>,
);

/// Concepts of the documents `texts` for fitting the `coverage` models: (features of shape
/// (concepts, N_FEATURES), bigram flags, share of `references` containing each concept).
#[pyfunction]
#[pyo3(signature = (texts, references, *, lead = 3, language = "english"))]
fn coverage_concepts<'py>(
    py: Python<'py>,
    texts: Vec<PyBackedStr>,
    references: Vec<PyBackedStr>,
    lead: u32,
    language: &str,
) -> PyResult<ConceptRows<'py>> {
    let lang = attached(|| Language::parse(language))?;
    let (feats, bigram, share) = detached(py, || {
        let all: Vec<&str> = texts.iter().chain(&references).map(AsRef::as_ref).collect();
        let a = core::analyze(&all, lang, Threads::Serial);
        let p = coverage::Params {
            lead,
            ..coverage::Params::default()
        };
        let rows = coverage::concept_table(&a, texts.len(), &p);
        let feats: Vec<f64> = rows.iter().flat_map(|r| r.0).collect();
        Ok((
            feats,
            rows.iter().map(|r| r.1).collect::<Vec<bool>>(),
            rows.iter().map(|r| r.2).collect::<Vec<f64>>(),
        ))
    })?;
    let n = bigram.len();
    Ok((
        feats.into_pyarray(py).reshape([n, coverage::N_FEATURES])?,
        bigram.into_pyarray(py),
        share.into_pyarray(py),
    ))
}

/// Every compression rule applied to each sentence: the kept pieces, offsets in code points
/// of the sentence.
#[pyfunction]
#[pyo3(signature = (sentences, *, n_threads = None))]
fn compress_sentences(
    py: Python<'_>,
    sentences: Vec<PyBackedStr>,
    n_threads: Option<i64>,
) -> PyResult<Vec<Vec<(u64, u64)>>> {
    let t = threads(n_threads)?;
    detached(py, || {
        Ok(parallel::map(t, &sentences, |s| {
            let s: &str = s.as_ref();
            OffsetMap::spans(s, &compress::compress(s))
                .into_iter()
                .map(|(a, b)| (a as u64, b as u64))
                .collect()
        }))
    })
}

/// ROUGE of each candidate against its references: an array of shape
/// (candidates, metrics, 3) holding precision, recall, F-measure.
#[pyfunction]
#[pyo3(signature = (candidates, references, *, metrics, use_stemmer = false, aggregate = "max",
                    n_threads = None))]
fn rouge_scores<'py>(
    py: Python<'py>,
    candidates: Vec<PyBackedStr>,
    references: Vec<Vec<PyBackedStr>>,
    metrics: Vec<String>,
    use_stemmer: bool,
    aggregate: &str,
    n_threads: Option<i64>,
) -> PyResult<Bound<'py, PyArray3<f64>>> {
    let t = threads(n_threads)?;
    let opts = attached(|| {
        let metrics = metrics
            .iter()
            .map(|m| Metric::parse(m))
            .collect::<crate::Result<Vec<_>>>()?;
        let aggregate = match aggregate {
            "max" => Aggregate::Max,
            "mean" => Aggregate::Mean,
            _ => {
                return Err(crate::Error::InvalidArgument(format!(
                    "aggregate must be 'max' or 'mean', got {aggregate:?}"
                )))
            }
        };
        Ok(RougeOptions {
            metrics,
            stem: use_stemmer,
            aggregate,
        })
    })?;
    let n = candidates.len();
    let k = opts.metrics.len();
    let flat = detached(py, || {
        let rows = rouge::score_batch(&candidates, &references, &opts, t)?;
        Ok(rows
            .into_iter()
            .flatten()
            .flat_map(|s| [s.precision, s.recall, s.fmeasure])
            .collect::<Vec<f64>>())
    })?;
    flat.into_pyarray(py).reshape([n, k, 3])
}

/// NLTK's Porter stemmer (the one rouge-score uses) on each word.
#[pyfunction]
fn porter_stem(py: Python<'_>, words: Vec<PyBackedStr>) -> PyResult<Vec<String>> {
    detached(py, || {
        Ok(words.iter().map(|w| rouge::porter_stem(w)).collect())
    })
}

/// rouge-score's tokens of `text`.
#[pyfunction]
#[pyo3(signature = (text, *, use_stemmer = false))]
fn rouge_tokenize(py: Python<'_>, text: &str, use_stemmer: bool) -> PyResult<Vec<String>> {
    detached(py, || Ok(rouge::tokenize(text, use_stemmer)))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_function(wrap_pyfunction!(sentence_scores, m)?)?;
    m.add_function(wrap_pyfunction!(coverage_concepts, m)?)?;
    m.add_function(wrap_pyfunction!(compress_sentences, m)?)?;
    m.add_function(wrap_pyfunction!(rouge_scores, m)?)?;
    m.add_function(wrap_pyfunction!(porter_stem, m)?)?;
    m.add_function(wrap_pyfunction!(rouge_tokenize, m)?)?;
    Ok(())
}
