//! The one error type of the core. Every message says what was wrong and what to do.

/// Errors raised by the presslens core.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A language name that no stemmer / stop-word list / splitter knows.
    #[error("unknown language {name:?}; supported languages are: {supported}")]
    UnknownLanguage {
        /// The name that was asked for.
        name: String,
        /// Comma-separated list of the supported names.
        supported: String,
    },
    /// An argument outside its documented range.
    #[error("{0}")]
    InvalidArgument(String),
}

/// Result alias for the core.
pub type Result<T> = std::result::Result<T, Error>;
