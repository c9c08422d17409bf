//! Bindings for `crate::terms`: conversions only. Sparse matrices leave as numpy
//! `(data, indices, indptr)` arrays moved without copying (`into_pyarray`).

use std::sync::{Mutex, OnceLock};

use ahash::{AHashMap, AHashSet};
use numpy::{IntoPyArray, PyArray1, PyReadonlyArray1};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

use super::errors::InvalidArgumentError;
use super::run::{attached, detached};
use crate::parallel::Threads;
use crate::terms::collocations::{collocations as find_collocations, Measure};
use crate::terms::counts::{self, CountOptions, GroupCounts};
use crate::terms::distinctive;
use crate::terms::hashing::{self, HashOptions};
use crate::terms::stats;
use crate::terms::tfidf::{self, Norm, TfidfOptions};
use crate::terms::vocab::{self, Csr, DocTermCounts};
use crate::terms::{pyunicode, AnalyzerKind, SkAnalyzer, StripAccents};
use crate::text::{Language, TokenizeOptions};

type CsrArrays<'py, T> = (
    Bound<'py, PyArray1<T>>,
    Bound<'py, PyArray1<i32>>,
    Bound<'py, PyArray1<i64>>,
);

fn threads(n: Option<i64>) -> PyResult<Threads> {
    attached(|| Threads::from_option(n))
}

fn csr_out<T: numpy::Element>(py: Python<'_>, csr: Csr<T>) -> CsrArrays<'_, T> {
    (
        csr.data.into_pyarray(py),
        csr.indices.into_pyarray(py),
        csr.indptr.into_pyarray(py),
    )
}

fn norm(name: Option<&str>) -> PyResult<Norm> {
    match name {
        None => Ok(Norm::None),
        Some("l2") => Ok(Norm::L2),
        Some("l1") => Ok(Norm::L1),
        Some(other) => Err(InvalidArgumentError::new_err(format!(
            "norm must be 'l1', 'l2' or None, got {other:?}"
        ))),
    }
}

fn check_range(ngram_range: (usize, usize)) -> PyResult<()> {
    if ngram_range.0 == 0 || ngram_range.0 > ngram_range.1 {
        return Err(InvalidArgumentError::new_err(format!(
            "Invalid value for ngram_range={ngram_range:?} lower boundary larger than the upper boundary."
        )));
    }
    Ok(())
}

/// A native scikit-learn analyzer (see `crate::terms::analyzer`).
#[pyclass(name = "SkAnalyzer", module = "presslens._presslens", frozen)]
pub struct PySkAnalyzer {
    inner: SkAnalyzer,
}

#[pymethods]
impl PySkAnalyzer {
    #[new]
    #[pyo3(signature = (*, analyzer = "word", lowercase = true, strip_accents = None,
                        min_token_chars = 2, ngram_range = (1, 1), stop_words = None))]
    fn new(
        analyzer: &str,
        lowercase: bool,
        strip_accents: Option<&str>,
        min_token_chars: usize,
        ngram_range: (usize, usize),
        stop_words: Option<Vec<String>>,
    ) -> PyResult<Self> {
        let kind = match analyzer {
            "word" => AnalyzerKind::Word,
            "char" => AnalyzerKind::Char,
            "char_wb" => AnalyzerKind::CharWb,
            other => {
                return Err(InvalidArgumentError::new_err(format!(
                    "analyzer must be 'word', 'char', 'char_wb' or a callable, got {other:?}"
                )))
            }
        };
        let strip = match strip_accents {
            None => StripAccents::None,
            Some("ascii") => StripAccents::Ascii,
            Some("unicode") => StripAccents::Unicode,
            Some(other) => {
                return Err(InvalidArgumentError::new_err(format!(
                    "Invalid value for \"strip_accents\": {other}"
                )))
            }
        };
        check_range(ngram_range)?;
        Ok(PySkAnalyzer {
            inner: SkAnalyzer {
                kind,
                lowercase,
                strip_accents: strip,
                min_token_chars: min_token_chars.max(1),
                ngram_range,
                stop_words: stop_words.map(|w| w.into_iter().collect::<AHashSet<String>>()),
            },
        })
    }

    /// The features of one document (`build_analyzer()(doc)`).
    fn analyze(&self, py: Python<'_>, doc: &str) -> PyResult<Vec<String>> {
        detached(py, || Ok(self.inner.analyze(doc)))
    }

    /// The preprocessed document (`build_preprocessor()(doc)`).
    fn preprocess(&self, py: Python<'_>, doc: &str) -> PyResult<String> {
        detached(py, || {
            let mut buf = String::new();
            Ok(self.inner.preprocess(doc, &mut buf).into_owned())
        })
    }

    /// The tokens of an already preprocessed document (`build_tokenizer()(doc)`).
    fn tokens(&self, py: Python<'_>, doc: &str) -> PyResult<Vec<String>> {
        detached(py, || {
            let mut out = Vec::new();
            self.inner.for_each_token(doc, |t| out.push(t.to_string()));
            Ok(out)
        })
    }

    /// Count every document into a sorted vocabulary.
    #[pyo3(signature = (docs, *, n_threads = None))]
    fn count(
        &self,
        py: Python<'_>,
        docs: Vec<PyBackedStr>,
        n_threads: Option<i64>,
    ) -> PyResult<SkCounts> {
        let t = threads(n_threads)?;
        let counts = detached(py, || Ok(vocab::count_docs(t, &docs, &self.inner)))?;
        Ok(SkCounts::new(counts))
    }

    /// Hash every document (`HashingVectorizer.transform`).
    #[pyo3(signature = (docs, *, n_features, alternate_sign, binary, norm, n_threads = None))]
    #[allow(clippy::too_many_arguments)]
    fn hash<'py>(
        &self,
        py: Python<'py>,
        docs: Vec<PyBackedStr>,
        n_features: usize,
        alternate_sign: bool,
        binary: bool,
        norm: Option<&str>,
        n_threads: Option<i64>,
    ) -> PyResult<CsrArrays<'py, f64>> {
        let t = threads(n_threads)?;
        let opts = HashOptions {
            n_features,
            alternate_sign,
            binary,
            norm: self::norm(norm)?,
        };
        let csr = detached(py, || Ok(hashing::hash_docs(t, &docs, &self.inner, &opts)))?;
        Ok(csr_out(py, csr))
    }
}

/// Count documents given as feature lists (the Python-speed path for callables).
#[pyfunction]
#[pyo3(signature = (features, *, n_threads = None))]
fn sk_count_features(
    py: Python<'_>,
    features: Vec<Vec<PyBackedStr>>,
    n_threads: Option<i64>,
) -> PyResult<SkCounts> {
    let t = threads(n_threads)?;
    let counts = detached(py, || Ok(vocab::count_features(t, &features)))?;
    Ok(SkCounts::new(counts))
}

/// Hash documents given as feature lists.
#[pyfunction]
#[pyo3(signature = (features, *, n_features, alternate_sign, binary, norm, n_threads = None))]
fn sk_hash_features<'py>(
    py: Python<'py>,
    features: Vec<Vec<PyBackedStr>>,
    n_features: usize,
    alternate_sign: bool,
    binary: bool,
    norm: Option<&str>,
    n_threads: Option<i64>,
) -> PyResult<CsrArrays<'py, f64>> {
    let t = threads(n_threads)?;
    let opts = HashOptions {
        n_features,
        alternate_sign,
        binary,
        norm: self::norm(norm)?,
    };
    let csr = detached(py, || Ok(hashing::hash_features(t, &features, &opts)))?;
    Ok(csr_out(py, csr))
}

/// Python's `str.lower()` as emulated natively (for tests).
#[pyfunction]
fn _py_lower(text: &str) -> String {
    pyunicode::lower(text)
}

/// Unicode database version of the native Python-semantics tables.
#[pyfunction]
fn _py_unidata_version() -> &'static str {
    pyunicode::UNIDATA_VERSION
}

/// Documents × terms counts awaiting pruning and weighting.
#[pyclass(name = "SkCounts", module = "presslens._presslens", frozen)]
pub struct SkCounts {
    inner: Mutex<DocTermCounts>,
}

impl SkCounts {
    fn new(c: DocTermCounts) -> Self {
        SkCounts {
            inner: Mutex::new(c),
        }
    }

    fn with<R>(&self, f: impl FnOnce(&mut DocTermCounts) -> R) -> R {
        let mut g = self
            .inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut g)
    }
}

#[pymethods]
impl SkCounts {
    /// Number of documents.
    fn n_docs(&self) -> usize {
        self.with(|c| c.n_docs())
    }

    /// Number of terms (columns).
    fn n_terms(&self) -> usize {
        self.with(|c| c.vocab.len())
    }

    /// Move the vocabulary out as a [`Vocabulary`] (the counts keep their columns).
    fn take_vocabulary(&self) -> Vocabulary {
        let terms = self.with(|c| {
            let n = c.vocab.len();
            std::mem::replace(&mut c.vocab, vec![String::new(); n])
        });
        Vocabulary {
            terms,
            index: OnceLock::new(),
        }
    }

    /// The sorted vocabulary.
    fn vocabulary(&self) -> Vec<String> {
        self.with(|c| c.vocab.clone())
    }

    /// Document frequency of each term.
    fn df<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        let v: Vec<i64> = self.with(|c| c.df().into_iter().map(|x| x as i64).collect());
        v.into_pyarray(py)
    }

    /// Total count of each term.
    fn tf<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        let v: Vec<i64> = self.with(|c| c.tf().into_iter().map(|x| x as i64).collect());
        v.into_pyarray(py)
    }

    /// Indices of the terms with `low <= df <= high`.
    #[pyo3(signature = (high, low))]
    fn df_keep<'py>(
        &self,
        py: Python<'py>,
        high: Option<f64>,
        low: Option<f64>,
    ) -> Bound<'py, PyArray1<i64>> {
        let v: Vec<i64> = self.with(|c| {
            tfidf::df_keep(&c.df(), high, low)
                .into_iter()
                .map(|x| x as i64)
                .collect()
        });
        v.into_pyarray(py)
    }

    /// Keep only these (sorted) columns.
    #[pyo3(signature = (kept, *, n_threads = None))]
    fn restrict(
        &self,
        py: Python<'_>,
        kept: PyReadonlyArray1<'_, i64>,
        n_threads: Option<i64>,
    ) -> PyResult<()> {
        let t = threads(n_threads)?;
        let kept: Vec<usize> = kept.as_slice()?.iter().map(|&k| k as usize).collect();
        let n = self.with(|c| c.vocab.len());
        if kept.iter().any(|&k| k >= n) || kept.windows(2).any(|w| w[0] >= w[1]) {
            return Err(InvalidArgumentError::new_err(
                "kept columns must be sorted, unique and in range",
            ));
        }
        detached(py, || {
            self.with(|c| c.restrict(t, &kept));
            Ok(())
        })
    }

    /// Map columns onto a fixed vocabulary (terms not in it are dropped).
    #[pyo3(signature = (vocabulary, *, n_threads = None))]
    fn align(
        &self,
        py: Python<'_>,
        vocabulary: &Vocabulary,
        n_threads: Option<i64>,
    ) -> PyResult<()> {
        let t = threads(n_threads)?;
        detached(py, || {
            let index = vocabulary.index();
            self.with(|c| {
                let map: Vec<u32> = c
                    .vocab
                    .iter()
                    .map(|s| index.get(s.as_str()).copied().unwrap_or(u32::MAX))
                    .collect();
                c.remap(t, &map, vocabulary.terms.len());
            });
            Ok(())
        })
    }

    /// Integer counts as CSR arrays (`binary` stores 1 for every present term).
    #[pyo3(signature = (*, binary = false, n_threads = None))]
    fn counts_csr<'py>(
        &self,
        py: Python<'py>,
        binary: bool,
        n_threads: Option<i64>,
    ) -> PyResult<CsrArrays<'py, i64>> {
        let t = threads(n_threads)?;
        let csr = detached(py, || {
            Ok(self.with(|c| {
                c.to_csr(t, |_, counts, out: &mut [i64]| {
                    for (o, &v) in out.iter_mut().zip(counts) {
                        *o = if binary { 1 } else { i64::from(v) };
                    }
                })
            }))
        })?;
        Ok(csr_out(py, csr))
    }

    /// The idf of every column (`TfidfTransformer.idf_`).
    #[pyo3(signature = (*, smooth_idf = true))]
    fn idf<'py>(&self, py: Python<'py>, smooth_idf: bool) -> Bound<'py, PyArray1<f64>> {
        self.with(|c| tfidf::idf(&c.df(), c.n_docs(), smooth_idf))
            .into_pyarray(py)
    }

    /// Tf-idf values as CSR arrays.
    #[pyo3(signature = (*, idf, binary, sublinear_tf, norm, n_threads = None))]
    #[allow(clippy::too_many_arguments)]
    fn tfidf_csr<'py>(
        &self,
        py: Python<'py>,
        idf: Option<PyReadonlyArray1<'_, f64>>,
        binary: bool,
        sublinear_tf: bool,
        norm: Option<&str>,
        n_threads: Option<i64>,
    ) -> PyResult<CsrArrays<'py, f64>> {
        let t = threads(n_threads)?;
        let opts = TfidfOptions {
            binary,
            sublinear_tf,
            use_idf: idf.is_some(),
            smooth_idf: true,
            norm: self::norm(norm)?,
        };
        let idf: Option<Vec<f64>> = match idf {
            Some(a) => Some(a.as_slice()?.to_vec()),
            None => None,
        };
        let n_cols = self.with(|c| c.vocab.len());
        if idf.as_ref().is_some_and(|v| v.len() != n_cols) {
            return Err(InvalidArgumentError::new_err(format!(
                "idf has {} values for {n_cols} columns",
                idf.as_ref().map_or(0, Vec::len)
            )));
        }
        let csr = detached(py, || {
            Ok(self.with(|c| {
                c.to_csr(t, |cols, counts, out: &mut [f64]| {
                    tfidf::tfidf_row(cols, counts, &opts, idf.as_deref(), out);
                })
            }))
        })?;
        Ok(csr_out(py, csr))
    }
}

/// A vocabulary (column → term) for `transform`; the term → column index is built on first
/// use, so a `fit_transform` never pays for it.
#[pyclass(name = "Vocabulary", module = "presslens._presslens", frozen)]
pub struct Vocabulary {
    terms: Vec<String>,
    index: OnceLock<AHashMap<String, u32>>,
}

impl Vocabulary {
    fn index(&self) -> &AHashMap<String, u32> {
        self.index.get_or_init(|| {
            self.terms
                .iter()
                .enumerate()
                .map(|(i, t)| (t.clone(), i as u32))
                .collect()
        })
    }
}

#[pymethods]
impl Vocabulary {
    /// `terms[k]` is the term of column `columns[k]`; columns must cover `0..n_cols` once.
    #[new]
    #[pyo3(signature = (terms, columns, n_cols))]
    fn new(terms: Vec<String>, columns: Vec<u32>, n_cols: usize) -> PyResult<Self> {
        if terms.len() != columns.len() || terms.len() != n_cols {
            return Err(InvalidArgumentError::new_err(
                "terms and columns must both have n_cols entries",
            ));
        }
        let mut by_col: Vec<Option<String>> = vec![None; n_cols];
        for (t, c) in terms.into_iter().zip(columns) {
            match by_col.get_mut(c as usize) {
                Some(slot @ None) => *slot = Some(t),
                _ => {
                    return Err(InvalidArgumentError::new_err(format!(
                        "column {c} is out of range or repeated"
                    )))
                }
            }
        }
        Ok(Vocabulary {
            terms: by_col.into_iter().map(Option::unwrap_or_default).collect(),
            index: OnceLock::new(),
        })
    }

    /// The terms in column order.
    fn terms(&self) -> Vec<String> {
        self.terms.clone()
    }

    fn __len__(&self) -> usize {
        self.terms.len()
    }
}

fn count_options(
    lowercase: bool,
    stem: Option<&str>,
    stop_words: Option<Vec<String>>,
    ngram_range: (usize, usize),
) -> PyResult<CountOptions> {
    check_range(ngram_range)?;
    let stem = stem.map(|s| attached(|| Language::parse(s))).transpose()?;
    Ok(CountOptions {
        tokenize: TokenizeOptions {
            lowercase,
            stem,
            stop_words: stop_words.map(counts::stop_set),
        },
        ngram_range,
    })
}

type GroupArrays<'py> = (
    Vec<String>,
    CsrArrays<'py, i64>,
    Bound<'py, PyArray1<i64>>,
    u64,
    Bound<'py, PyArray1<i64>>,
);

fn group_out(py: Python<'_>, g: GroupCounts) -> GroupArrays<'_> {
    let csr = Csr {
        data: g.counts.data.into_iter().map(|v| v as i64).collect(),
        indices: g.counts.indices,
        indptr: g.counts.indptr,
        n_cols: g.counts.n_cols,
    };
    (
        g.vocab,
        csr_out(py, csr),
        g.df.into_iter()
            .map(|v| v as i64)
            .collect::<Vec<_>>()
            .into_pyarray(py),
        g.n_docs,
        g.group_docs
            .into_iter()
            .map(|v| v as i64)
            .collect::<Vec<_>>()
            .into_pyarray(py),
    )
}

/// Term counts per group with the presslens tokenizer: `(vocabulary, (data, indices,
/// indptr), df, n_docs, group_docs)`.
#[pyfunction]
#[pyo3(signature = (texts, group_of, n_groups, *, lowercase = true, stem = None, stop_words = None,
                    ngram_range = (1, 1), n_threads = None))]
#[allow(clippy::too_many_arguments)]
fn group_counts<'py>(
    py: Python<'py>,
    texts: Vec<PyBackedStr>,
    group_of: PyReadonlyArray1<'_, i64>,
    n_groups: usize,
    lowercase: bool,
    stem: Option<&str>,
    stop_words: Option<Vec<String>>,
    ngram_range: (usize, usize),
    n_threads: Option<i64>,
) -> PyResult<GroupArrays<'py>> {
    let t = threads(n_threads)?;
    let opts = count_options(lowercase, stem, stop_words, ngram_range)?;
    let group_of: Vec<u32> = group_of.as_slice()?.iter().map(|&g| g as u32).collect();
    if group_of.len() != texts.len() || group_of.iter().any(|&g| g as usize >= n_groups) {
        return Err(InvalidArgumentError::new_err(
            "group_of must give a group in range for every text",
        ));
    }
    let names: Vec<String> = (0..n_groups).map(|g| g.to_string()).collect();
    let g = detached(py, || {
        Ok(counts::group_counts(t, &texts, &group_of, names, &opts))
    })?;
    Ok(group_out(py, g))
}

/// Distinctive terms of every group: `(group, term, count, log_odds, z)` arrays.
#[pyfunction]
#[pyo3(signature = (data, indices, indptr, n_cols, *, top, alpha, min_count, n_threads = None))]
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
fn distinctive_terms<'py>(
    py: Python<'py>,
    data: PyReadonlyArray1<'_, i64>,
    indices: PyReadonlyArray1<'_, i32>,
    indptr: PyReadonlyArray1<'_, i64>,
    n_cols: usize,
    top: usize,
    alpha: f64,
    min_count: u64,
    n_threads: Option<i64>,
) -> PyResult<(
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<i64>>,
    Bound<'py, PyArray1<f64>>,
    Bound<'py, PyArray1<f64>>,
)> {
    let t = threads(n_threads)?;
    if alpha <= 0.0 || alpha.is_nan() {
        return Err(InvalidArgumentError::new_err(format!(
            "alpha must be positive, got {alpha}"
        )));
    }
    let csr = Csr {
        data: data.as_slice()?.iter().map(|&v| v.max(0) as u64).collect(),
        indices: indices.as_slice()?.to_vec(),
        indptr: indptr.as_slice()?.to_vec(),
        n_cols,
    };
    // Ties are broken by column, which is the sorted vocabulary order.
    let vocab: Vec<String> = (0..n_cols).map(|i| format!("{i:012}")).collect();
    let rows = detached(py, || {
        Ok(distinctive::distinctive(
            t, &csr, &vocab, top, alpha, min_count,
        ))
    })?;
    let g: Vec<i64> = rows.iter().map(|r| r.group as i64).collect();
    let w: Vec<i64> = rows.iter().map(|r| r.term as i64).collect();
    let c: Vec<i64> = rows.iter().map(|r| r.count as i64).collect();
    let l: Vec<f64> = rows.iter().map(|r| r.log_odds).collect();
    let z: Vec<f64> = rows.iter().map(|r| r.z).collect();
    Ok((
        g.into_pyarray(py),
        w.into_pyarray(py),
        c.into_pyarray(py),
        l.into_pyarray(py),
        z.into_pyarray(py),
    ))
}

/// Bigram collocations: list of `(w1, w2, count, score)`.
#[pyfunction]
#[pyo3(signature = (texts, *, top, measure, min_count, lowercase = true, stop_words = None,
                    n_threads = None))]
#[allow(clippy::too_many_arguments)]
fn collocations(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    top: usize,
    measure: &str,
    min_count: u64,
    lowercase: bool,
    stop_words: Option<Vec<String>>,
    n_threads: Option<i64>,
) -> PyResult<Vec<(String, String, u64, f64)>> {
    let t = threads(n_threads)?;
    let m = match measure {
        "llr" => Measure::Llr,
        "pmi" => Measure::Pmi,
        other => {
            return Err(InvalidArgumentError::new_err(format!(
                "measure must be 'llr' or 'pmi', got {other:?}"
            )))
        }
    };
    let opts = count_options(lowercase, None, stop_words, (1, 1))?;
    let rows = detached(py, || {
        Ok(find_collocations(t, &texts, &opts, m, min_count, top))
    })?;
    Ok(rows
        .into_iter()
        .map(|c| (c.w1, c.w2, c.count, c.score))
        .collect())
}

/// Per-document statistics as columns, in `stats::TextStats` field order.
#[pyfunction]
#[pyo3(signature = (texts, *, n_threads = None))]
fn text_stats(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    n_threads: Option<i64>,
) -> PyResult<Vec<Vec<f64>>> {
    let t = threads(n_threads)?;
    let rows = detached(py, || Ok(stats::text_stats_many(t, &texts)))?;
    let mut cols: Vec<Vec<f64>> = (0..9).map(|_| Vec::with_capacity(rows.len())).collect();
    for r in rows {
        let vals = [
            r.characters as f64,
            r.words as f64,
            r.sentences as f64,
            r.words_per_sentence,
            r.type_token_ratio,
            r.mtld,
            r.flesch_reading_ease,
            r.flesch_kincaid_grade,
            r.quote_share,
        ];
        for (c, v) in cols.iter_mut().zip(vals) {
            c.push(v);
        }
    }
    Ok(cols)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PySkAnalyzer>()?;
    m.add_class::<SkCounts>()?;
    m.add_class::<Vocabulary>()?;
    m.add_function(wrap_pyfunction!(sk_count_features, m)?)?;
    m.add_function(wrap_pyfunction!(sk_hash_features, m)?)?;
    m.add_function(wrap_pyfunction!(_py_lower, m)?)?;
    m.add_function(wrap_pyfunction!(_py_unidata_version, m)?)?;
    m.add_function(wrap_pyfunction!(group_counts, m)?)?;
    m.add_function(wrap_pyfunction!(distinctive_terms, m)?)?;
    m.add_function(wrap_pyfunction!(collocations, m)?)?;
    m.add_function(wrap_pyfunction!(text_stats, m)?)?;
    Ok(())
}
