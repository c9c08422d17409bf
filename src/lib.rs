//! # presslens
//!
//! The Rust core of presslens: fast analysis of news coverage across outlets.
//!
//! The Python package (`pip install presslens`) is the main interface; this crate holds every
//! algorithm so that `cargo test` exercises them without linking Python. The pyo3 binding
//! layer lives in `src/python/` behind the `python` feature.
//!
//! ```
//! use presslens::text::{tokenize, Language, TokenizeOptions};
//! let opts = TokenizeOptions::default();
//! assert_eq!(tokenize("Russia’s U.S. talks", &opts), vec!["russia's", "u.s.", "talks"]);
//! ```

pub mod align;
pub mod clean;
pub mod error;
pub mod overlap;
pub mod parallel;
pub mod quotes;
pub mod rouge;
pub mod summarize;
pub mod terms;
pub mod text;

pub use error::{Error, Result};

#[cfg(feature = "python")]
mod python;
