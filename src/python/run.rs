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

/// Documents per chunk between two Ctrl-C checks in [`map_interruptible`].
const CHUNK: usize = 1024;

/// Map `f` over `items` (in parallel when `threads` allows, keeping order) without the GIL,
/// re-attaching between chunks to run `py.check_signals()` so Ctrl-C stops long batch work.
pub fn map_interruptible<T, R, F>(
    py: Python<'_>,
    threads: crate::parallel::Threads,
    items: &[T],
    f: F,
) -> PyResult<Vec<R>>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    let mut out = Vec::with_capacity(items.len());
    for chunk in items.chunks(CHUNK) {
        let part = detached(py, || Ok(crate::parallel::map(threads, chunk, &f)))?;
        out.extend(part);
        py.check_signals()?;
    }
    Ok(out)
}

/// Hidden debug hook for the panic tests: panics with `message` inside the GIL-free section,
/// on the calling thread or (with `in_pool`) on a worker thread of a two-thread pool.
#[pyfunction]
#[pyo3(signature = (message, *, in_pool = false))]
pub fn _debug_panic(py: Python<'_>, message: &str, in_pool: bool) -> PyResult<usize> {
    let message = message.to_string();
    detached(py, move || {
        if in_pool {
            let items: Vec<usize> = (0..64).collect();
            let out = crate::parallel::map(crate::parallel::Threads::Count(2), &items, |&i| {
                assert!(i != 37, "{message}");
                i
            });
            Ok(out.len())
        } else {
            panic!("{message}")
        }
    })
}
