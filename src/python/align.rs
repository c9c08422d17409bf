//! Bindings for `crate::align` (sentence similarity and alignment) and `crate::quotes`.

use numpy::{IntoPyArray, PyArray1, PyArray2, PyArrayMethods};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

use super::convert::OffsetMap;
use super::run::{attached, detached};
use crate::align::{self, AlignSentencesOptions};
use crate::parallel::Threads;
use crate::quotes::{self, ClusterInput, ClusterOptions};

fn threads(n: Option<i64>) -> PyResult<Threads> {
    attached(|| Threads::from_option(n))
}

/// Similarity of `texts_a[i]` and `texts_b[i]` for every `i`.
#[pyfunction]
#[pyo3(signature = (texts_a, texts_b, *, n_threads = None))]
fn sentence_similarity(
    py: Python<'_>,
    texts_a: Vec<PyBackedStr>,
    texts_b: Vec<PyBackedStr>,
    n_threads: Option<i64>,
) -> PyResult<Bound<'_, PyArray1<f64>>> {
    let t = threads(n_threads)?;
    let v = detached(py, || align::pairwise_similarity(&texts_a, &texts_b, t))?;
    Ok(v.into_pyarray(py))
}

/// The similarity features of each pair, shape `(n, n_features)`.
#[pyfunction]
#[pyo3(signature = (texts_a, texts_b, *, n_threads = None))]
fn sentence_features(
    py: Python<'_>,
    texts_a: Vec<PyBackedStr>,
    texts_b: Vec<PyBackedStr>,
    n_threads: Option<i64>,
) -> PyResult<Bound<'_, PyArray2<f64>>> {
    let t = threads(n_threads)?;
    let n = texts_a.len();
    let v = detached(py, || align::pairwise_features(&texts_a, &texts_b, t))?;
    v.into_pyarray(py).reshape([n, align::N_FEATURES])
}

/// (feature names, weights, intercept, MSRP threshold) of the similarity model.
#[pyfunction]
fn similarity_model() -> (Vec<&'static str>, Vec<f64>, f64, f64) {
    (
        align::FEATURE_NAMES.to_vec(),
        align::similarity::WEIGHTS.to_vec(),
        align::similarity::INTERCEPT,
        align::MSRP_THRESHOLD,
    )
}

/// One aligned sentence: (doc, index, start, end, matches as (outlet, sentence row, similarity)).
type SentenceRow = (usize, usize, usize, usize, Vec<(u32, usize, f64)>);

/// Sentence alignment across outlets; offsets in code points.
#[pyfunction]
#[pyo3(signature = (texts, outlets, *, threshold = 0.5, n_threads = None))]
fn align_sentences(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    outlets: Vec<u32>,
    threshold: f64,
    n_threads: Option<i64>,
) -> PyResult<Vec<SentenceRow>> {
    let t = threads(n_threads)?;
    let opts = AlignSentencesOptions {
        threshold,
        ..AlignSentencesOptions::default()
    };
    detached(py, || {
        let a = align::align_sentences(&texts, &outlets, &opts, t)?;
        let mut per_doc: Vec<Vec<usize>> = vec![Vec::new(); texts.len()];
        for s in &a.sentences {
            per_doc[s.doc].extend([s.span.0, s.span.1]);
        }
        let maps: Vec<OffsetMap> = per_doc
            .into_iter()
            .enumerate()
            .map(|(d, o)| OffsetMap::new(&texts[d], o))
            .collect();
        Ok(a.sentences
            .iter()
            .zip(a.matches)
            .map(|(s, m)| {
                let map = &maps[s.doc];
                (s.doc, s.index, map.get(s.span.0), map.get(s.span.1), m)
            })
            .collect())
    })
}

/// One quote: (start, end, speaker).
type QuoteRow = (usize, usize, Option<String>);

/// Quotes of each text: (start, end, speaker) with code-point offsets.
#[pyfunction]
#[pyo3(signature = (texts, *, n_threads = None))]
fn find_quotes(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    n_threads: Option<i64>,
) -> PyResult<Vec<Vec<QuoteRow>>> {
    let t = threads(n_threads)?;
    detached(py, || {
        let all = quotes::quotes_many(&texts, t);
        Ok(crate::parallel::map_range(t, texts.len(), |d| {
            let qs = &all[d];
            let map = OffsetMap::new(&texts[d], qs.iter().flat_map(|q| [q.start, q.end]));
            qs.iter()
                .map(|q| (map.get(q.start), map.get(q.end), q.speaker.clone()))
                .collect()
        }))
    })
}

/// Number of quotes in each text (the scanner and attribution alone: for benchmarks).
#[pyfunction]
#[pyo3(signature = (texts, *, n_threads = None))]
fn count_quotes(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    n_threads: Option<i64>,
) -> PyResult<Vec<usize>> {
    let t = threads(n_threads)?;
    detached(py, || {
        Ok(quotes::quotes_many(&texts, t)
            .iter()
            .map(Vec::len)
            .collect())
    })
}

/// Cluster id of each quote.
#[pyfunction]
#[pyo3(signature = (docs, texts, speakers, *, threshold = 0.5, speaker_threshold = 0.3,
                    n_threads = None))]
fn cluster_quotes(
    py: Python<'_>,
    docs: Vec<usize>,
    texts: Vec<PyBackedStr>,
    speakers: Vec<Option<String>>,
    threshold: f64,
    speaker_threshold: f64,
    n_threads: Option<i64>,
) -> PyResult<Vec<usize>> {
    let t = threads(n_threads)?;
    if docs.len() != texts.len() || speakers.len() != texts.len() {
        return Err(super::errors::InvalidArgumentError::new_err(
            "docs, texts and speakers must have the same length",
        ));
    }
    detached(py, || {
        let input: Vec<ClusterInput<'_>> = texts
            .iter()
            .zip(&docs)
            .zip(&speakers)
            .map(|((text, &doc), sp)| ClusterInput {
                doc,
                text,
                speaker: sp.as_deref(),
            })
            .collect();
        let opts = ClusterOptions {
            threshold,
            speaker_threshold,
        };
        quotes::quote_clusters(&input, &opts, t)
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(sentence_similarity, m)?)?;
    m.add_function(wrap_pyfunction!(sentence_features, m)?)?;
    m.add_function(wrap_pyfunction!(similarity_model, m)?)?;
    m.add_function(wrap_pyfunction!(align_sentences, m)?)?;
    m.add_function(wrap_pyfunction!(find_quotes, m)?)?;
    m.add_function(wrap_pyfunction!(count_quotes, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_quotes, m)?)?;
    Ok(())
}
