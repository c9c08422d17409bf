//! Overlap between documents and outlets: word shingles, MinHash, LSH near-duplicate search,
//! containment / Jaccard / cosine matrices, passage alignment with offsets, and wire-copy
//! reuse.
//!
//! ```
//! use presslens::overlap::{near_duplicates, NearDupOptions};
//! use presslens::parallel::Threads;
//! let texts = [
//!     "the port strike entered its third week on monday as talks stalled over pay",
//!     "the port strike entered its third week on monday as talks stalled over pay",
//!     "a football final was won on penalties in front of a record crowd",
//! ];
//! let pairs = near_duplicates(&texts, &NearDupOptions::default(), Threads::Serial).unwrap();
//! assert_eq!((pairs[0].a, pairs[0].b, pairs[0].similarity), (0, 1, 1.0));
//! ```

pub mod lsh;
pub mod matrix;
pub mod minhash;
pub mod partial;
pub mod passages;
pub mod reuse;
pub mod reuse_words;
pub mod shingles;
mod shuffle;
pub mod tiling;

pub use lsh::{near_duplicates, optimal_params, LshIndex, NearDupOptions, NearDupPair};
pub use matrix::{overlap_matrix, Measure};
pub use minhash::{estimate_jaccard, MinHasher};
pub use passages::{shared_passages, AlignOptions, Passage};
pub use reuse::{reuse, Reuse, ReuseLabel};
pub use shingles::{containment, hash_bytes, jaccard, shingle_set, TokenHasher, Tokens};
