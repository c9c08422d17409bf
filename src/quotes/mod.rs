//! Quotes: direct quotes with offsets, their speakers, and clusters of the same statement
//! across outlets.
//!
//! * [`find_quotes`]: quoted spans in straight, curly, low-high or guillemet marks, partial
//!   and multi-sentence quotes, quotes running over paragraphs (see [`extract`]);
//! * [`attribute`]: the speaker of each quote (see [`speakers`]);
//! * [`quotes_many`]: both, over many documents in parallel;
//! * [`quote_clusters`]: renderings of one statement across documents (see [`clusters`]).
//!
//! ```
//! use presslens::quotes::{quotes_many, Quote};
//! use presslens::parallel::Threads;
//! let text = "“It is a pause,” Kremlin spokesman Dmitry Peskov told reporters.";
//! let q = &quotes_many(&[text], Threads::Serial)[0][0];
//! assert_eq!(&text[q.start..q.end], "It is a pause,");
//! assert_eq!(q.speaker.as_deref(), Some("Dmitry Peskov"));
//! ```

pub mod clusters;
pub mod extract;
pub mod speakers;

pub use clusters::{quote_clusters, ClusterInput, ClusterOptions};
pub use extract::{find_quotes, Mark, QuoteSpan};
pub use speakers::attribute;

use crate::parallel::{self, Threads};

/// A quote with its speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Byte offset where the quoted text starts.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// The speaker, if one was found.
    pub speaker: Option<String>,
}

/// The quotes of one text with their speakers.
pub fn quotes(text: &str) -> Vec<Quote> {
    let spans = find_quotes(text);
    let speakers = attribute(text, &spans);
    spans
        .iter()
        .zip(speakers)
        .map(|(q, speaker)| Quote {
            start: q.start,
            end: q.end,
            speaker,
        })
        .collect()
}

/// [`quotes`] of every text, in parallel, in input order.
pub fn quotes_many<S: AsRef<str> + Sync>(texts: &[S], threads: Threads) -> Vec<Vec<Quote>> {
    parallel::map(threads, texts, |t| quotes(t.as_ref()))
}
