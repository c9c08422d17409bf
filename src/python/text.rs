//! Bindings for `crate::text`.

use std::sync::Arc;

use ahash::{AHashMap, AHashSet};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyList, PyString};

use super::convert::OffsetMap;
use super::run::{attached, detached, map_interruptible};
use crate::parallel::{self, Threads};
use crate::text::{self, Language, NormalizeOptions, TokenizeOptions, Tokenizer};

fn language(name: &str) -> PyResult<Language> {
    attached(|| Language::parse(name))
}

fn threads(n: Option<i64>) -> PyResult<Threads> {
    attached(|| Threads::from_option(n))
}

#[pyfunction]
#[pyo3(signature = (text, *, quotes = true, dashes = true, whitespace = true))]
fn normalize(
    py: Python<'_>,
    text: &str,
    quotes: bool,
    dashes: bool,
    whitespace: bool,
) -> PyResult<String> {
    let opts = NormalizeOptions {
        quotes,
        dashes,
        whitespace,
    };
    detached(py, || Ok(text::normalize(text, &opts)))
}

#[pyfunction]
fn token_spans(py: Python<'_>, text: &str) -> PyResult<Vec<(usize, usize)>> {
    detached(py, || {
        let spans = text::token_spans(text);
        Ok(OffsetMap::spans(text, &spans))
    })
}

#[pyfunction]
#[pyo3(signature = (text, *, language = "english"))]
fn split_sentences(py: Python<'_>, text: &str, language: &str) -> PyResult<Vec<String>> {
    let lang = self::language(language)?;
    detached(py, || {
        Ok(text::split_sentences(text, lang)
            .into_iter()
            .map(str::to_owned)
            .collect())
    })
}

#[pyfunction]
#[pyo3(signature = (text, *, language = "english"))]
fn sentence_spans(py: Python<'_>, text: &str, language: &str) -> PyResult<Vec<(usize, usize)>> {
    let lang = self::language(language)?;
    detached(py, || {
        let spans = text::sentence_spans(text, lang);
        Ok(OffsetMap::spans(text, &spans))
    })
}

#[pyfunction]
#[pyo3(signature = (words, *, language = "english"))]
fn stem(py: Python<'_>, words: Vec<PyBackedStr>, language: &str) -> PyResult<Vec<String>> {
    let lang = self::language(language)?;
    detached(py, || {
        Ok(text::stem_words(words.iter().map(|w| &**w), lang))
    })
}

#[pyfunction]
fn stemmer_languages() -> Vec<&'static str> {
    Language::ALL.iter().map(|l| l.name()).collect()
}

#[pyfunction]
#[pyo3(signature = (language = "english"))]
fn stop_words(language: &str) -> PyResult<Vec<&'static str>> {
    let lang = self::language(language)?;
    let mut words: Vec<&'static str> = text::stop_words(lang).iter().copied().collect();
    words.sort_unstable();
    Ok(words)
}

#[pyfunction]
#[pyo3(signature = (language))]
fn language_code(language: &str) -> PyResult<&'static str> {
    Ok(self::language(language)?.code())
}

/// A configured tokenizer (lower-casing, stemming, stop words) reused across calls.
#[pyclass(name = "Analyzer", module = "presslens._presslens", frozen)]
pub struct PyAnalyzer {
    inner: Tokenizer,
    lowercase: bool,
    stem: Option<String>,
    stop_words: Option<Vec<String>>,
}

/// The terms of one document, back to back in one buffer, with their end offsets.
struct DocTerms {
    buf: String,
    ends: Vec<usize>,
}

impl PyAnalyzer {
    fn terms(&self, text: &str) -> DocTerms {
        let mut doc = DocTerms {
            buf: String::with_capacity(text.len()),
            ends: Vec::with_capacity(text.len() / 6 + 1),
        };
        self.inner.terms_into(text, &mut doc.buf, &mut doc.ends);
        doc
    }
}

/// Build the Python list of one document's terms, reusing `str` objects through `cache`.
fn terms_to_list<'py, 'a>(
    py: Python<'py>,
    doc: &'a DocTerms,
    cache: &mut AHashMap<&'a str, Bound<'py, PyString>>,
) -> PyResult<Bound<'py, PyList>> {
    let mut prev = 0;
    let items: Vec<Bound<'py, PyString>> = doc
        .ends
        .iter()
        .map(|&end| {
            let term = &doc.buf[prev..end];
            prev = end;
            cache
                .entry(term)
                .or_insert_with(|| PyString::new(py, term))
                .clone()
        })
        .collect();
    PyList::new(py, items)
}

#[pymethods]
impl PyAnalyzer {
    #[new]
    #[pyo3(signature = (*, lowercase = true, stem = None, stop_words = None))]
    fn new(
        lowercase: bool,
        stem: Option<String>,
        stop_words: Option<Vec<String>>,
    ) -> PyResult<Self> {
        let stem_lang = stem.as_deref().map(self::language).transpose()?;
        let stop_set = stop_words.as_ref().map(|ws| {
            Arc::new(
                ws.iter()
                    .map(|w| w.to_lowercase())
                    .collect::<AHashSet<String>>(),
            )
        });
        let opts = TokenizeOptions {
            lowercase,
            stem: stem_lang,
            stop_words: stop_set,
        };
        Ok(PyAnalyzer {
            inner: Tokenizer::new(&opts),
            lowercase,
            stem,
            stop_words,
        })
    }

    /// Terms of one text.
    fn tokenize<'py>(&self, py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyList>> {
        let doc = detached(py, || Ok(self.terms(text)))?;
        let mut cache = AHashMap::new();
        terms_to_list(py, &doc, &mut cache)
    }

    /// Terms of many texts, in parallel.
    #[pyo3(signature = (texts, *, n_threads = None))]
    fn tokenize_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<PyBackedStr>,
        n_threads: Option<i64>,
    ) -> PyResult<Bound<'py, PyList>> {
        let t = threads(n_threads)?;
        let docs = map_interruptible(py, t, &texts, |s| self.terms(s))?;
        // One Python str per distinct term of the batch, shared by every list that holds it.
        let mut cache = AHashMap::new();
        let out = PyList::empty(py);
        for doc in &docs {
            out.append(terms_to_list(py, doc, &mut cache)?)?;
        }
        Ok(out)
    }

    fn __reduce__(&self, py: Python<'_>) -> PyResult<(Py<PyAny>, (), Py<PyAny>)> {
        let cls = py.get_type::<PyAnalyzer>().into_any().unbind();
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("lowercase", self.lowercase)?;
        kwargs.set_item("stem", self.stem.clone())?;
        kwargs.set_item("stop_words", self.stop_words.clone())?;
        let functools = py.import("functools")?;
        let partial = functools.getattr("partial")?.call((cls,), Some(&kwargs))?;
        Ok((partial.unbind(), (), py.None()))
    }
}

/// Per-document counts: (characters, words, sentences).
#[pyfunction]
#[pyo3(signature = (texts, *, language = "english", n_threads = None))]
fn document_counts(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    language: &str,
    n_threads: Option<i64>,
) -> PyResult<Vec<(usize, usize, usize)>> {
    let lang = self::language(language)?;
    let t = threads(n_threads)?;
    detached(py, || {
        Ok(parallel::map(t, &texts, |s| {
            let mut words = 0usize;
            text::for_each_token(s, |_, _| words += 1);
            (
                s.chars().count(),
                words,
                text::sentence_spans(s, lang).len(),
            )
        }))
    })
}

/// Words per document (the tokenizer's scanner), in parallel.
#[pyfunction]
#[pyo3(signature = (texts, *, n_threads = None))]
fn word_counts(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    n_threads: Option<i64>,
) -> PyResult<Vec<usize>> {
    let t = threads(n_threads)?;
    detached(py, || {
        Ok(parallel::map(t, &texts, |s| text::count_tokens(s)))
    })
}

/// Benchmark kernels without Python objects: total of `what` over `texts`, where `what` is
/// "tokens" (the scanner), "sentences" (the splitter) or "scan" (a raw memchr pass, the ceiling).
#[pyfunction]
#[pyo3(signature = (texts, what, *, language = "english", n_threads = None))]
fn _bench_count(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    what: &str,
    language: &str,
    n_threads: Option<i64>,
) -> PyResult<usize> {
    let lang = self::language(language)?;
    let t = threads(n_threads)?;
    let f: fn(&str, Language) -> usize = match what {
        "tokens" => |s, _| text::count_tokens(s),
        "sentences" => |s, l| text::sentence_spans(s, l).len(),
        "scan" => |s, _| text::raw_scan(s),
        other => {
            return Err(super::errors::InvalidArgumentError::new_err(format!(
                "what must be 'tokens', 'sentences' or 'scan', got {other:?}"
            )))
        }
    };
    detached(py, || {
        Ok(parallel::map(t, &texts, |s| f(s, lang)).into_iter().sum())
    })
}

/// Size of the global thread pool (`PRESSLENS_NUM_THREADS`, else the CPU count).
#[pyfunction]
fn thread_pool_size() -> usize {
    parallel::global_pool_size()
}

/// Threads a call with this `n_threads` would use (1 in a forked child).
#[pyfunction]
#[pyo3(signature = (n_threads = None))]
fn effective_threads(n_threads: Option<i64>) -> PyResult<usize> {
    Ok(parallel::effective_threads(threads(n_threads)?))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(word_counts, m)?)?;
    m.add_function(wrap_pyfunction!(token_spans, m)?)?;
    m.add_function(wrap_pyfunction!(split_sentences, m)?)?;
    m.add_function(wrap_pyfunction!(sentence_spans, m)?)?;
    m.add_function(wrap_pyfunction!(stem, m)?)?;
    m.add_function(wrap_pyfunction!(stemmer_languages, m)?)?;
    m.add_function(wrap_pyfunction!(stop_words, m)?)?;
    m.add_function(wrap_pyfunction!(language_code, m)?)?;
    m.add_function(wrap_pyfunction!(document_counts, m)?)?;
    m.add_function(wrap_pyfunction!(thread_pool_size, m)?)?;
    m.add_function(wrap_pyfunction!(_bench_count, m)?)?;
    m.add_function(wrap_pyfunction!(effective_threads, m)?)?;
    m.add_class::<PyAnalyzer>()?;
    Ok(())
}
