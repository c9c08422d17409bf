//! Text primitives: normalisation, word tokens, sentences, stems and stop words.
//!
//! Everything here works on `&str` and reports **byte** offsets; the Python layer converts them
//! to code-point indices at the boundary.

pub(crate) mod bytemask;
mod lang;
mod normalize;
mod sentences;
mod stem;
mod stopwords;
mod tokenize;

pub use lang::Language;
pub use normalize::{normalize, NormalizeOptions};
pub use sentences::{sentence_spans, split_sentences};
pub use stem::stem_words;
pub use stopwords::{is_stop_word, stop_words};
pub use tokenize::{
    count_tokens, for_each_token, raw_scan, token_spans, tokenize, TokenizeOptions, Tokenizer,
};
