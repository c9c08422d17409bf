//! Snowball stemming through `rust-stemmers`.

use rust_stemmers::Stemmer;

use super::Language;

/// Stem each word with the Snowball stemmer of `language`.
///
/// Words are stemmed as given; the Snowball algorithms expect lower-case input.
///
/// ```
/// use presslens::text::{stem_words, Language};
/// assert_eq!(stem_words(["talks", "running"], Language::English), vec!["talk", "run"]);
/// ```
pub fn stem_words<I, S>(words: I, language: Language) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let stemmer = Stemmer::create(language.algorithm());
    words
        .into_iter()
        .map(|w| stemmer.stem(w.as_ref()).into_owned())
        .collect()
}
