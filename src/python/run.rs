//! The one helper every heavy call goes through: release the GIL, run the core, catch panics,
//! map errors.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;

use super::errors::{internal, to_pyerr};
use crate::error::Result;

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// Run `f` without the GIL; a panic becomes `presslens.InternalError`, a core error its
/// matching Python exception.
pub fn detached<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> Result<T> + Send,
{
    match py.detach(|| catch_unwind(AssertUnwindSafe(f))) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(to_pyerr(e)),
        Err(p) => Err(internal(&panic_message(p.as_ref()))),
    }
}

/// Run a cheap `f` with the GIL held, with the same panic and error mapping as [`detached`].
pub fn attached<T, F>(f: F) -> PyResult<T>
where
    F: FnOnce() -> Result<T>,
{
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(to_pyerr(e)),
        Err(p) => Err(internal(&panic_message(p.as_ref()))),
    }
}
