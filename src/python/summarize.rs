//! Bindings for `crate::summarize` and `crate::rouge`.

use numpy::{IntoPyArray, PyArray1, PyArray3, PyArrayMethods};
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
        },
    )
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
                    coverage = None, trim = false, truncate = false, compress = false))]
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
) -> PyResult<SummaryRows<'py>> {
    let t = threads(n_threads)?;
    let opts = attached(|| {
        Ok(SummarizeOptions {
            method: Method::parse(method)?,
            max_words,
            max_sentences,
            redundancy,
            order: Order::parse(order)?,
            language: Language::parse(language)?,
            support_threshold,
            coverage: coverage_params(coverage),
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
    m.add_function(wrap_pyfunction!(compress_sentences, m)?)?;
    m.add_function(wrap_pyfunction!(rouge_scores, m)?)?;
    m.add_function(wrap_pyfunction!(porter_stem, m)?)?;
    m.add_function(wrap_pyfunction!(rouge_tokenize, m)?)?;
    Ok(())
}
