//! Bindings for `crate::clean`: one document or a batch; byte offsets become code-point
//! indices of the original string.

use std::borrow::Cow;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

use super::convert::OffsetMap;
use super::run::{attached, detached};
use crate::clean::{self, CleanOptions, Cleaned, Markdown};
use crate::error::Error;
use crate::parallel::Threads;

/// `(text, spans, title, url, published)`: `spans` packs, as native-endian `u64` triples,
/// `(start, end, reason index)` in Python indices (one `bytes` object per document instead of
/// a tuple and three objects per removal; Python decodes it lazily).
type PyCleaned = (
    String,
    Cow<'static, [u8]>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn options(markdown: Option<bool>, repair_paragraphs: bool) -> CleanOptions {
    let md = match markdown {
        None => Markdown::Auto,
        Some(true) => Markdown::Always,
        Some(false) => Markdown::Never,
    };
    CleanOptions::default()
        .markdown(md)
        .repair_paragraphs(repair_paragraphs)
}

fn to_py(original: &str, c: Cleaned) -> PyCleaned {
    let mut packed = Vec::with_capacity(c.removed.len() * 24);
    let mut push = |v: usize| packed.extend_from_slice(&(v as u64).to_ne_bytes());
    if original.is_ascii() {
        for r in &c.removed {
            push(r.start);
            push(r.end);
            push(r.reason.index());
        }
    } else {
        let map = OffsetMap::new(original, c.removed.iter().flat_map(|r| [r.start, r.end]));
        for r in &c.removed {
            push(map.get(r.start));
            push(map.get(r.end));
            push(r.reason.index());
        }
    }
    (c.text, Cow::Owned(packed), c.title, c.url, c.published)
}

/// Clean one text. `markdown`: `None` = detect.
#[pyfunction]
#[pyo3(signature = (text, *, markdown = None, repair_paragraphs = true))]
fn clean_text(
    py: Python<'_>,
    text: &str,
    markdown: Option<bool>,
    repair_paragraphs: bool,
) -> PyResult<PyCleaned> {
    let opts = options(markdown, repair_paragraphs);
    detached(py, || Ok(to_py(text, clean::clean(text, &opts))))
}

/// Clean a batch, in parallel, with optional cross-document repeated-line removal.
#[allow(clippy::needless_pass_by_value)] // pyo3 extracts owned vectors
#[pyfunction]
#[pyo3(signature = (texts, outlets, *, markdown = None, repair_paragraphs = true, cross_document = true, n_threads = None))]
fn clean_many(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    outlets: Vec<PyBackedStr>,
    markdown: Option<bool>,
    repair_paragraphs: bool,
    cross_document: bool,
    n_threads: Option<i64>,
) -> PyResult<Vec<PyCleaned>> {
    let threads = attached(|| Threads::from_option(n_threads))?;
    if outlets.len() != texts.len() {
        return attached(|| {
            Err(Error::InvalidArgument(format!(
                "outlets must have one entry per text: got {} texts and {} outlets",
                texts.len(),
                outlets.len()
            )))
        });
    }
    let opts = options(markdown, repair_paragraphs);
    detached(py, || {
        let strs: Vec<&str> = texts.iter().map(|t| &**t).collect();
        let outs: Vec<&str> = outlets.iter().map(|t| &**t).collect();
        let cleaned = clean::clean_many(&strs, &outs, &opts, cross_document, threads);
        Ok(strs
            .iter()
            .zip(cleaned)
            .map(|(s, c)| to_py(s, c))
            .collect::<Vec<_>>())
    })
}

/// The fixed set of removal reasons.
#[pyfunction]
fn clean_reasons() -> Vec<&'static str> {
    clean::Reason::ALL.iter().map(|r| r.as_str()).collect()
}

/// Add the cleaning functions to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(clean_text, m)?)?;
    m.add_function(wrap_pyfunction!(clean_many, m)?)?;
    m.add_function(wrap_pyfunction!(clean_reasons, m)?)?;
    Ok(())
}
