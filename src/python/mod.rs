//! The pyo3 binding layer: conversions, GIL release, error mapping. No algorithm lives here.

// pyo3 hands extracted arguments over by value; borrowing them is not an option.
#![allow(clippy::needless_pass_by_value)]

use pyo3::prelude::*;

mod align;
mod clean;
mod convert;
mod errors;
mod overlap;
mod run;
mod scale;
mod summarize;
mod terms;
mod text;

/// The native module `presslens._presslens`.
#[pymodule(gil_used = false)]
fn _presslens(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    text::register(m)?;
    clean::register(m)?;
    overlap::register(m)?;
    terms::register(m)?;
    scale::register(m)?;
    summarize::register(m)?;
    m.add_function(wrap_pyfunction!(run::_debug_panic, m)?)?;
    m.add_function(wrap_pyfunction!(run::_progress_begin, m)?)?;
    m.add_function(wrap_pyfunction!(run::_progress_end, m)?)?;
    m.add_class::<run::ProgressCounter>()?;
    align::register(m)?;
    Ok(())
}
