//! Core errors → the Python hierarchy defined in `presslens/exceptions.py`.

use pyo3::prelude::*;

use crate::error::Error;

pyo3::import_exception!(presslens.exceptions, InvalidArgumentError);
pyo3::import_exception!(presslens.exceptions, UnknownLanguageError);
pyo3::import_exception!(presslens.exceptions, InternalError);
pyo3::import_exception!(presslens.exceptions, CorpusFormatError);
pyo3::import_exception!(presslens.exceptions, EmptyCorpusError);

/// Convert a core error into the matching Python exception.
pub fn to_pyerr(err: Error) -> PyErr {
    let msg = err.to_string();
    match err {
        Error::UnknownLanguage { .. } => UnknownLanguageError::new_err(msg),
        Error::InvalidArgument(_) => InvalidArgumentError::new_err(msg),
    }
}

/// A Rust panic caught at the boundary.
pub fn internal(msg: &str) -> PyErr {
    InternalError::new_err(format!(
        "internal error in presslens (please report it): {msg}"
    ))
}
