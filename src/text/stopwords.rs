//! Stop-word lists (placeholder while the full lists are written).

use std::sync::OnceLock;

use ahash::AHashSet;

use super::Language;

/// The stop words of `language`, lower-case.
pub fn stop_words(language: Language) -> &'static AHashSet<&'static str> {
    static EN: OnceLock<AHashSet<&'static str>> = OnceLock::new();
    let _ = language;
    EN.get_or_init(|| ["the", "a", "an", "and", "of", "to", "in"].into_iter().collect())
}
