//! Term statistics: scikit-learn-compatible vectorizers, counts by group, distinctive terms,
//! collocations and per-document text statistics.
//!
//! Every corpus statistic is computed as partial state per chunk of documents, merged
//! deterministically, then finished, so results never depend on the thread count.

pub mod analyzer;
pub mod hashing;
pub mod pyunicode;
pub mod tfidf;
pub mod vocab;

pub use analyzer::{AnalyzerKind, SkAnalyzer, StripAccents};
pub use vocab::{count_docs, count_features, Csr, DocTermCounts};
pub mod collocations;
pub mod counts;
pub mod distinctive;
mod intern;
pub mod stats;
mod wordscan;
