//! Bindings for `crate::overlap::partial`: the partial states `presslens.dask` and streaming
//! scripts combine across partitions and batches.

use numpy::{IntoPyArray, PyArray1, PyArray2, PyArrayMethods, PyReadonlyArray1};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

use super::run::{attached, detached};
use crate::overlap::partial;
use crate::parallel::Threads;

type U64Pair<'py> = (Bound<'py, PyArray1<u64>>, Bound<'py, PyArray1<u64>>);
type RangeNorms<'py> = (Bound<'py, PyArray1<u64>>, Bound<'py, PyArray2<f64>>);

type EntryArrays<'py> = (
    Bound<'py, PyArray1<u64>>,
    Bound<'py, PyArray1<u32>>,
    Bound<'py, PyArray1<u32>>,
);

fn entries_from(
    hashes: &PyReadonlyArray1<'_, u64>,
    units: &PyReadonlyArray1<'_, u32>,
    counts: &PyReadonlyArray1<'_, u32>,
) -> PyResult<Vec<(u64, u32, u32)>> {
    let (h, u, c) = (hashes.as_slice()?, units.as_slice()?, counts.as_slice()?);
    attached(|| {
        if h.len() != u.len() || h.len() != c.len() {
            return Err(crate::error::Error::InvalidArgument(
                "hashes, units and counts must have the same length".into(),
            ));
        }
        Ok(h.iter()
            .zip(u)
            .zip(c)
            .map(|((&h, &u), &c)| (h, u, c))
            .collect())
    })
}

/// `(shingle, unit, count)` entries of texts, sorted by shingle then unit.
#[pyfunction]
#[pyo3(signature = (texts, units, *, ngram = 5, n_threads = None))]
fn shingle_unit_entries<'py>(
    py: Python<'py>,
    texts: Vec<PyBackedStr>,
    units: PyReadonlyArray1<'py, u32>,
    ngram: usize,
    n_threads: Option<i64>,
) -> PyResult<EntryArrays<'py>> {
    let t = attached(|| Threads::from_option(n_threads))?;
    let units = units.as_slice()?.to_vec();
    let e = detached(py, || {
        partial::shingle_unit_entries(&texts, &units, ngram, t)
    })?;
    let h: Vec<u64> = e.iter().map(|x| x.0).collect();
    let u: Vec<u32> = e.iter().map(|x| x.1).collect();
    let c: Vec<u32> = e.iter().map(|x| x.2).collect();
    Ok((h.into_pyarray(py), u.into_pyarray(py), c.into_pyarray(py)))
}

/// Pairwise intersection counts (diagonal: set sizes; upper triangle) of merged entries.
#[pyfunction]
fn overlap_range_intersections<'py>(
    py: Python<'py>,
    hashes: PyReadonlyArray1<'py, u64>,
    units: PyReadonlyArray1<'py, u32>,
    counts: PyReadonlyArray1<'py, u32>,
    n_units: usize,
) -> PyResult<Bound<'py, PyArray2<u64>>> {
    let e = entries_from(&hashes, &units, &counts)?;
    let v = detached(py, || partial::range_intersections(e, n_units))?;
    v.into_pyarray(py).reshape([n_units, n_units])
}

/// Squared tf-idf norms per shingle range present: (ranges, norms of shape (k, n_units)).
#[pyfunction]
fn overlap_range_sq_norms<'py>(
    py: Python<'py>,
    hashes: PyReadonlyArray1<'py, u64>,
    units: PyReadonlyArray1<'py, u32>,
    counts: PyReadonlyArray1<'py, u32>,
    n_units: usize,
) -> PyResult<RangeNorms<'py>> {
    let e = entries_from(&hashes, &units, &counts)?;
    let parts = detached(py, || partial::range_sq_norms(e, n_units))?;
    let ranges: Vec<u64> = parts.iter().map(|p| p.0 as u64).collect();
    let k = parts.len();
    let flat: Vec<f64> = parts.into_iter().flat_map(|p| p.1).collect();
    Ok((
        ranges.into_pyarray(py),
        flat.into_pyarray(py).reshape([k, n_units])?,
    ))
}

/// Fixed-point (2^-40) dot products of normalised tf-idf vectors (upper triangle).
#[pyfunction]
fn overlap_range_dots<'py>(
    py: Python<'py>,
    hashes: PyReadonlyArray1<'py, u64>,
    units: PyReadonlyArray1<'py, u32>,
    counts: PyReadonlyArray1<'py, u32>,
    n_units: usize,
    norm: PyReadonlyArray1<'py, f64>,
) -> PyResult<Bound<'py, PyArray2<u64>>> {
    let e = entries_from(&hashes, &units, &counts)?;
    let norm = norm.as_slice()?.to_vec();
    let v = detached(py, || partial::range_dots(e, n_units, &norm))?;
    v.into_pyarray(py).reshape([n_units, n_units])
}

type SketchArrays<'py> = (
    Bound<'py, PyArray1<u64>>,
    Bound<'py, PyArray1<u64>>,
    Bound<'py, PyArray1<u64>>,
    Bound<'py, PyArray1<u64>>,
    Bound<'py, PyArray2<u64>>,
    Bound<'py, PyArray2<u32>>,
);

/// Near-duplicate sketch of texts: (flat sets, indptr, key1, key2, band keys, signatures).
#[pyfunction]
#[pyo3(signature = (texts, *, ngram, num_perm, seed, bands, rows, n_threads = None))]
#[allow(clippy::too_many_arguments)]
fn near_dup_sketch(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    ngram: usize,
    num_perm: usize,
    seed: u64,
    bands: usize,
    rows: usize,
    n_threads: Option<i64>,
) -> PyResult<SketchArrays<'_>> {
    let t = attached(|| Threads::from_option(n_threads))?;
    let n = texts.len();
    let s = detached(py, || {
        partial::near_dup_sketch(&texts, ngram, num_perm, seed, bands, rows, t)
    })?;
    Ok((
        s.flat.into_pyarray(py),
        s.indptr.into_pyarray(py),
        s.key1.into_pyarray(py),
        s.key2.into_pyarray(py),
        s.band_keys.into_pyarray(py).reshape([n, bands])?,
        s.signatures.into_pyarray(py).reshape([n, num_perm])?,
    ))
}

/// Candidate pairs (a < b) of documents sharing a band key, buckets bounded by `max_bucket`.
#[pyfunction]
#[pyo3(signature = (keys, ids, *, max_bucket = 200))]
fn lsh_bucket_pairs<'py>(
    py: Python<'py>,
    keys: PyReadonlyArray1<'py, u64>,
    ids: PyReadonlyArray1<'py, u64>,
    max_bucket: usize,
) -> PyResult<U64Pair<'py>> {
    let (k, i) = (keys.as_slice()?, ids.as_slice()?);
    let pairs = detached(py, || partial::bucket_pairs(k, i, max_bucket))?;
    let (a, b): (Vec<u64>, Vec<u64>) = pairs.into_iter().unzip();
    Ok((a.into_pyarray(py), b.into_pyarray(py)))
}

/// Exact Jaccard similarity of set `ia[k]` of sketch A and set `ib[k]` of sketch B.
#[pyfunction]
fn set_jaccard_pairs<'py>(
    py: Python<'py>,
    flat_a: PyReadonlyArray1<'py, u64>,
    indptr_a: PyReadonlyArray1<'py, u64>,
    ia: PyReadonlyArray1<'py, u64>,
    flat_b: PyReadonlyArray1<'py, u64>,
    indptr_b: PyReadonlyArray1<'py, u64>,
    ib: PyReadonlyArray1<'py, u64>,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let (fa, pa, xa) = (flat_a.as_slice()?, indptr_a.as_slice()?, ia.as_slice()?);
    let (fb, pb, xb) = (flat_b.as_slice()?, indptr_b.as_slice()?, ib.as_slice()?);
    let v = detached(py, || partial::jaccard_between(fa, pa, xa, fb, pb, xb))?;
    Ok(v.into_pyarray(py))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(shingle_unit_entries, m)?)?;
    m.add_function(wrap_pyfunction!(overlap_range_intersections, m)?)?;
    m.add_function(wrap_pyfunction!(overlap_range_sq_norms, m)?)?;
    m.add_function(wrap_pyfunction!(overlap_range_dots, m)?)?;
    m.add_function(wrap_pyfunction!(near_dup_sketch, m)?)?;
    m.add_function(wrap_pyfunction!(lsh_bucket_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(set_jaccard_pairs, m)?)?;
    Ok(())
}
