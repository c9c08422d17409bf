//! Bindings for `crate::overlap`.

use std::sync::RwLock;

use numpy::{IntoPyArray, PyArray1, PyArray2, PyArrayMethods};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyBytes;

use super::convert::OffsetMap;
use super::run::{attached, detached};
use crate::overlap::{self, AlignOptions, LshIndex, Measure, NearDupOptions, ReuseLabel as Label};
use crate::parallel::Threads;

fn threads(n: Option<i64>) -> PyResult<Threads> {
    attached(|| Threads::from_option(n))
}

/// Dense `n_units × n_units` matrix of `measure` between units (`units[i]` is text i's unit).
#[pyfunction]
#[pyo3(signature = (texts, units, n_units, *, measure = "containment", ngram = 5, n_threads = None))]
fn overlap_matrix<'py>(
    py: Python<'py>,
    texts: Vec<PyBackedStr>,
    units: Vec<u32>,
    n_units: usize,
    measure: &str,
    ngram: usize,
    n_threads: Option<i64>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let m = attached(|| Measure::parse(measure))?;
    let t = threads(n_threads)?;
    let v = detached(py, || {
        overlap::overlap_matrix(&texts, &units, n_units, m, ngram, t)
    })?;
    v.into_pyarray(py).reshape([n_units, n_units])
}

type PairArrays<'py> = (
    Bound<'py, PyArray1<u64>>,
    Bound<'py, PyArray1<u64>>,
    Bound<'py, PyArray1<f64>>,
);

/// Near-duplicate pairs as three arrays (a, b, similarity).
#[pyfunction]
#[pyo3(signature = (texts, *, threshold = 0.8, ngram = 5, num_perm = 128, seed = 0, verify = true,
                    n_threads = None, weights = (0.05, 0.95), params = None, max_bucket = 200))]
#[allow(clippy::too_many_arguments)]
fn near_duplicates(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    threshold: f64,
    ngram: usize,
    num_perm: usize,
    seed: u64,
    verify: bool,
    n_threads: Option<i64>,
    weights: (f64, f64),
    params: Option<(usize, usize)>,
    max_bucket: usize,
) -> PyResult<PairArrays<'_>> {
    let t = threads(n_threads)?;
    let opts = NearDupOptions {
        threshold,
        ngram,
        num_perm,
        seed,
        verify,
        weights,
        params,
        max_bucket: max_bucket.max(1),
    };
    let pairs = detached(py, || overlap::near_duplicates(&texts, &opts, t))?;
    let a: Vec<u64> = pairs.iter().map(|p| p.a as u64).collect();
    let b: Vec<u64> = pairs.iter().map(|p| p.b as u64).collect();
    let s: Vec<f64> = pairs.iter().map(|p| p.similarity).collect();
    Ok((a.into_pyarray(py), b.into_pyarray(py), s.into_pyarray(py)))
}

/// Bands and rows minimising the weighted false positive / negative areas.
#[pyfunction]
#[pyo3(signature = (threshold, num_perm, weights = (0.5, 0.5)))]
fn lsh_params(threshold: f64, num_perm: usize, weights: (f64, f64)) -> (usize, usize) {
    overlap::optimal_params(threshold, num_perm, weights.0, weights.1)
}

type PassageRow = (usize, usize, usize, usize, usize, usize, usize);

/// Passages shared by two documents: (doc_a, start_a, end_a, doc_b, start_b, end_b, words),
/// offsets in code points.
#[pyfunction]
#[pyo3(signature = (texts, *, min_words = 8, max_gap = 3, n_threads = None))]
fn shared_passages(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    min_words: usize,
    max_gap: usize,
    n_threads: Option<i64>,
) -> PyResult<Vec<PassageRow>> {
    let t = threads(n_threads)?;
    let opts = AlignOptions {
        min_words,
        max_gap,
        ..AlignOptions::default()
    };
    detached(py, || {
        let ps = overlap::shared_passages(&texts, &opts, t)?;
        let mut offsets: Vec<Vec<usize>> = vec![Vec::new(); texts.len()];
        for p in &ps {
            offsets[p.doc_a].extend([p.span_a.0, p.span_a.1]);
            offsets[p.doc_b].extend([p.span_b.0, p.span_b.1]);
        }
        let maps: Vec<Option<OffsetMap>> = offsets
            .into_iter()
            .enumerate()
            .map(|(d, o)| (!o.is_empty()).then(|| OffsetMap::new(&texts[d], o)))
            .collect();
        let get = |d: usize, b: usize| maps[d].as_ref().map_or(b, |m| m.get(b));
        Ok(ps
            .iter()
            .map(|p| {
                (
                    p.doc_a,
                    get(p.doc_a, p.span_a.0),
                    get(p.doc_a, p.span_a.1),
                    p.doc_b,
                    get(p.doc_b, p.span_b.0),
                    get(p.doc_b, p.span_b.1),
                    p.words,
                )
            })
            .collect())
    })
}

type ReuseRow = (
    f64,
    f64,
    Vec<f64>,
    f64,
    &'static str,
    usize,
    Vec<(usize, usize, usize, usize, usize, usize)>,
);

/// Reuse of `text` from `sources`: (share, verbatim_share, features, score, label, words,
/// passages as (source, start, end, source_start, source_end, words)), offsets in code points.
#[pyfunction]
#[pyo3(signature = (text, sources, *, n_threads = None))]
fn reuse(
    py: Python<'_>,
    text: &str,
    sources: Vec<PyBackedStr>,
    n_threads: Option<i64>,
) -> PyResult<ReuseRow> {
    let t = threads(n_threads)?;
    let opts = overlap::reuse::ReuseOptions::default();
    detached(py, || {
        let r = overlap::reuse(text, &sources, &opts, t)?;
        let amap = OffsetMap::new(
            text,
            r.passages
                .iter()
                .flat_map(|p| [p.article_span.0, p.article_span.1]),
        );
        let mut per_src: Vec<Vec<usize>> = vec![Vec::new(); sources.len()];
        for p in &r.passages {
            per_src[p.source].extend([p.source_span.0, p.source_span.1]);
        }
        let smaps: Vec<OffsetMap> = per_src
            .into_iter()
            .enumerate()
            .map(|(i, o)| OffsetMap::new(&sources[i], o))
            .collect();
        let passages = r
            .passages
            .iter()
            .map(|p| {
                (
                    p.source,
                    amap.get(p.article_span.0),
                    amap.get(p.article_span.1),
                    smaps[p.source].get(p.source_span.0),
                    smaps[p.source].get(p.source_span.1),
                    p.words,
                )
            })
            .collect();
        let label = match r.label {
            Label::WhollyDerived => "wholly-derived",
            Label::PartiallyDerived => "partially-derived",
            Label::NonDerived => "non-derived",
        };
        Ok((
            r.share,
            r.verbatim_share,
            r.features.to_vec(),
            r.score,
            label,
            r.words,
            passages,
        ))
    })
}

/// Word-level alignment features of `text` against `sources` (fitting scripts only): feature
/// names, one feature row per word, the words' code-point spans, sentence index, tiled source
/// and source word (-1: none) and gap source (-1: none).
#[pyfunction]
fn reuse_word_features(
    py: Python<'_>,
    text: &str,
    sources: Vec<PyBackedStr>,
) -> PyResult<WordRows> {
    detached(py, || {
        let th = overlap::TokenHasher::default();
        let art = th.tokens(text);
        let srcs: Vec<Vec<u64>> = sources.iter().map(|s| th.hashes(s)).collect();
        let refs: Vec<&[u64]> = srcs.iter().map(Vec::as_slice).collect();
        let al = overlap::reuse_words::align_words(text, &art, &refs);
        let map = OffsetMap::new(text, art.spans.iter().flat_map(|&(s, e)| [s, e]));
        let spans = art
            .spans
            .iter()
            .map(|&(s, e)| (map.get(s), map.get(e)))
            .collect();
        let signed = |v: Option<usize>| v.map_or(-1, |x| x as i64);
        let tiled = al
            .source_word
            .iter()
            .map(|w| (signed(w.map(|w| w.0)), signed(w.map(|w| w.1))))
            .collect();
        let gaps = al.gap_source.iter().map(|&g| signed(g)).collect();
        let rows = al.features.iter().map(|f| f.to_vec()).collect();
        Ok((
            overlap::reuse_words::WORD_FEATURES.to_vec(),
            rows,
            spans,
            al.sentence,
            tiled,
            gaps,
        ))
    })
}

type WordRows = (
    Vec<&'static str>,
    Vec<Vec<f64>>,
    Vec<(usize, usize)>,
    Vec<usize>,
    Vec<(i64, i64)>,
    Vec<i64>,
);

/// Names of the reuse features, in order.
#[pyfunction]
fn reuse_features() -> Vec<&'static str> {
    overlap::reuse::FEATURES.to_vec()
}

/// A streaming MinHash LSH index (see `presslens.MinHashLSH`).
#[pyclass(name = "MinHashLSH", module = "presslens._presslens", frozen)]
pub struct PyMinHashLsh {
    inner: RwLock<LshIndex>,
}

impl PyMinHashLsh {
    fn read(&self) -> std::sync::RwLockReadGuard<'_, LshIndex> {
        self.inner
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[pymethods]
impl PyMinHashLsh {
    #[new]
    #[pyo3(signature = (*, threshold = 0.8, num_perm = 128, ngram = 5, seed = 0, params = None))]
    fn new(
        threshold: f64,
        num_perm: usize,
        ngram: usize,
        seed: u64,
        params: Option<(usize, usize)>,
    ) -> PyResult<Self> {
        let inner = attached(|| LshIndex::new(threshold, num_perm, ngram, seed, params))?;
        Ok(PyMinHashLsh {
            inner: RwLock::new(inner),
        })
    }

    #[pyo3(signature = (ids, texts, *, n_threads = None))]
    fn insert(
        &self,
        py: Python<'_>,
        ids: Vec<String>,
        texts: Vec<PyBackedStr>,
        n_threads: Option<i64>,
    ) -> PyResult<()> {
        let t = threads(n_threads)?;
        detached(py, || {
            self.inner
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .insert(&ids, &texts, t)
        })
    }

    #[pyo3(signature = (texts, *, n_threads = None))]
    fn query(
        &self,
        py: Python<'_>,
        texts: Vec<PyBackedStr>,
        n_threads: Option<i64>,
    ) -> PyResult<Vec<Vec<(String, f64)>>> {
        let t = threads(n_threads)?;
        detached(py, || Ok(self.read().query(&texts, t)))
    }

    fn merge(&self, py: Python<'_>, other: &Bound<'_, PyMinHashLsh>) -> PyResult<()> {
        let other = other.get();
        if std::ptr::eq(self, other) {
            return Err(super::errors::InvalidArgumentError::new_err(
                "cannot merge a MinHashLSH index into itself (its ids would repeat)",
            ));
        }
        detached(py, || {
            let o = other.read().clone();
            self.inner
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .merge(&o)
        })
    }

    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let v = detached(py, || Ok(self.read().to_bytes()))?;
        Ok(PyBytes::new(py, &v))
    }

    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        let inner = detached(py, || LshIndex::from_bytes(data))?;
        Ok(PyMinHashLsh {
            inner: RwLock::new(inner),
        })
    }

    fn ids(&self) -> Vec<String> {
        self.read().ids().to_vec()
    }

    /// (threshold, num_perm, ngram, seed, bands, rows)
    fn config(&self) -> (f64, usize, usize, u64, usize, usize) {
        self.read().config()
    }

    fn __len__(&self) -> usize {
        self.read().len()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Py<PyAny>, (Bound<'py, PyBytes>,))> {
        let f = py
            .get_type::<PyMinHashLsh>()
            .getattr("from_bytes")?
            .unbind();
        Ok((f, (self.to_bytes(py)?,)))
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(overlap_matrix, m)?)?;
    m.add_function(wrap_pyfunction!(near_duplicates, m)?)?;
    m.add_function(wrap_pyfunction!(lsh_params, m)?)?;
    m.add_function(wrap_pyfunction!(shared_passages, m)?)?;
    m.add_function(wrap_pyfunction!(reuse, m)?)?;
    m.add_function(wrap_pyfunction!(reuse_features, m)?)?;
    m.add_function(wrap_pyfunction!(reuse_word_features, m)?)?;
    m.add_class::<PyMinHashLsh>()?;
    Ok(())
}
