//! Stop-word lists for every [`Language`].
//!
//! Each list lives in `src/text/stopwords/<language>.txt` (one word per line, `#` starts a
//! comment line) and is embedded in the binary with `include_str!`. The lists were written for
//! presslens and hold function words only: articles and determiners, pronouns and their
//! inflected forms, prepositions, conjunctions, auxiliary and modal verb forms, negations and
//! common adverbs and particles. Content words (names, places, nouns such as "president") are
//! never stop words.
//!
//! Words are stored in the form the presslens tokenizer produces: lower-case, with straight
//! apostrophes (`don't`, `c'est`) and ASCII hyphens (`s-a`), NFKC-normalised. Each set is built
//! on first use and then shared for the life of the process.

use std::sync::OnceLock;

use ahash::AHashSet;

use super::Language;

/// The embedded list file of `language`.
fn source(language: Language) -> &'static str {
    match language {
        Language::Arabic => include_str!("stopwords/arabic.txt"),
        Language::Danish => include_str!("stopwords/danish.txt"),
        Language::Dutch => include_str!("stopwords/dutch.txt"),
        Language::English => include_str!("stopwords/english.txt"),
        Language::Finnish => include_str!("stopwords/finnish.txt"),
        Language::French => include_str!("stopwords/french.txt"),
        Language::German => include_str!("stopwords/german.txt"),
        Language::Greek => include_str!("stopwords/greek.txt"),
        Language::Hungarian => include_str!("stopwords/hungarian.txt"),
        Language::Italian => include_str!("stopwords/italian.txt"),
        Language::Norwegian => include_str!("stopwords/norwegian.txt"),
        Language::Portuguese => include_str!("stopwords/portuguese.txt"),
        Language::Romanian => include_str!("stopwords/romanian.txt"),
        Language::Russian => include_str!("stopwords/russian.txt"),
        Language::Spanish => include_str!("stopwords/spanish.txt"),
        Language::Swedish => include_str!("stopwords/swedish.txt"),
        Language::Tamil => include_str!("stopwords/tamil.txt"),
        Language::Turkish => include_str!("stopwords/turkish.txt"),
    }
}

/// The words of a list file: trimmed lines that are neither empty nor `#` comments.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Position of `language` in [`Language::ALL`], used to pick its `OnceLock`.
fn index(language: Language) -> usize {
    Language::ALL
        .iter()
        .position(|&l| l == language)
        .expect("every language is in Language::ALL")
}

/// The stop words of `language`: lower-case function words, built once per language.
///
/// The set holds words in the form the tokenizer produces (lower-case, straight apostrophes),
/// so look tokens up after lower-casing them, or use [`is_stop_word`], which does that for you.
///
/// ```
/// use presslens::text::{stop_words, Language};
/// let english = stop_words(Language::English);
/// assert!(english.contains("the") && english.contains("which") && english.contains("don't"));
/// assert!(!english.contains("kremlin"));
/// assert!(stop_words(Language::German).contains("nicht"));
/// assert!(stop_words(Language::Russian).contains("не"));
/// ```
pub fn stop_words(language: Language) -> &'static AHashSet<&'static str> {
    static SETS: [OnceLock<AHashSet<&'static str>>; Language::ALL.len()] =
        [const { OnceLock::new() }; Language::ALL.len()];
    SETS[index(language)].get_or_init(|| entries(source(language)).collect())
}

/// True if `word` is a stop word of `language`.
///
/// `word` may be in any case and may use typographic apostrophes (`’`, `ʼ`) or hyphens (`‐`,
/// `‑`): like the tokenizer, the lookup folds those to ASCII and lower-cases the word.
///
/// ```
/// use presslens::text::{is_stop_word, Language};
/// assert!(is_stop_word(Language::English, "The"));
/// assert!(is_stop_word(Language::English, "It’s"));
/// assert!(!is_stop_word(Language::English, "Kremlin"));
/// assert!(is_stop_word(Language::French, "les"));
/// assert!(is_stop_word(Language::Greek, "ΚΑΙ"));
/// ```
pub fn is_stop_word(language: Language, word: &str) -> bool {
    let set = stop_words(language);
    if set.contains(word) {
        return true;
    }
    let needs_folding = word.chars().any(|c| {
        c.is_uppercase() || matches!(c, '\u{2019}' | '\u{02BC}' | '\u{2010}' | '\u{2011}')
    });
    if !needs_folding {
        return false;
    }
    let folded: String = word
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{02BC}' => '\'',
            '\u{2010}' | '\u{2011}' => '-',
            c => c,
        })
        .collect();
    // `str::to_lowercase` gives Greek a word-final `ς` for `Σ`.
    set.contains(folded.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use ahash::AHashSet;
    use unicode_normalization::is_nfkc;

    use super::*;
    use crate::text::{token_spans, tokenize, TokenizeOptions};

    #[test]
    fn index_matches_all() {
        for (i, &language) in Language::ALL.iter().enumerate() {
            assert_eq!(index(language), i);
        }
    }

    #[test]
    fn every_list_loads_and_is_useful_size() {
        for language in Language::ALL {
            let set = stop_words(language);
            assert!(
                set.len() >= 100,
                "{}: only {} stop words",
                language.name(),
                set.len()
            );
            assert!(
                set.len() <= 400,
                "{}: {} stop words",
                language.name(),
                set.len()
            );
        }
        let english = stop_words(Language::English).len();
        assert!(
            (250..=330).contains(&english),
            "english has {english} words"
        );
    }

    #[test]
    fn sets_are_built_once() {
        for language in Language::ALL {
            assert!(std::ptr::eq(stop_words(language), stop_words(language)));
        }
    }

    #[test]
    fn files_have_a_presslens_header() {
        for language in Language::ALL {
            let first = source(language).lines().next().unwrap_or_default();
            assert!(
                first.starts_with('#'),
                "{}: no header comment",
                language.name()
            );
            assert!(
                first.contains("presslens"),
                "{}: header does not name presslens",
                language.name()
            );
        }
    }

    #[test]
    fn entries_are_lowercase_single_tokens() {
        for language in Language::ALL {
            for w in entries(source(language)) {
                let name = language.name();
                assert_eq!(w.to_lowercase(), w, "{name}: {w:?} is not lower-case");
                assert!(
                    !w.chars().any(char::is_whitespace),
                    "{name}: {w:?} has white space"
                );
                assert!(is_nfkc(w), "{name}: {w:?} is not NFKC");
                assert!(
                    !w.contains(['\u{2019}', '\u{02BC}', '\u{2010}', '\u{2011}']),
                    "{name}: {w:?}"
                );
                assert_eq!(
                    token_spans(w),
                    [(0, w.len())],
                    "{name}: {w:?} is not one token"
                );
            }
        }
    }

    #[test]
    fn files_have_no_duplicates() {
        for language in Language::ALL {
            let mut seen = AHashSet::new();
            for (n, line) in source(language).lines().enumerate() {
                let w = line.trim();
                if w.is_empty() || w.starts_with('#') {
                    continue;
                }
                assert!(
                    seen.insert(w),
                    "{}: {w:?} repeated on line {}",
                    language.name(),
                    n + 1
                );
            }
            assert_eq!(seen.len(), stop_words(language).len());
        }
    }

    /// Letters of each list are in the language's own script (catches look-alike letters, such
    /// as a Cyrillic `е` inside a Romanian word or a Latin `o` among the Greek articles).
    #[test]
    fn entries_use_the_languages_script() {
        fn latin(c: char) -> bool {
            c.is_ascii()
                || ('\u{00C0}'..='\u{024F}').contains(&c)
                || ('\u{1E00}'..='\u{1EFF}').contains(&c)
        }
        for language in Language::ALL {
            let script: fn(char) -> bool = match language {
                Language::Arabic => |c| ('\u{0600}'..='\u{06FF}').contains(&c),
                Language::Greek => |c| ('\u{0370}'..='\u{03FF}').contains(&c),
                Language::Russian => |c| ('\u{0400}'..='\u{04FF}').contains(&c),
                Language::Tamil => |c| ('\u{0B80}'..='\u{0BFF}').contains(&c),
                _ => latin,
            };
            for w in entries(source(language)) {
                assert!(
                    w.chars().all(|c| c == '\'' || c == '-' || script(c)),
                    "{}: {w:?} mixes scripts",
                    language.name()
                );
            }
        }
    }

    #[test]
    fn spot_checks() {
        let cases: &[(Language, &[&str])] = &[
            (Language::Arabic, &["في", "من", "على", "هذا", "التي", "لا"]),
            (Language::Danish, &["og", "ikke", "det", "som", "hvad"]),
            (
                Language::Dutch,
                &["de", "het", "een", "niet", "zijn", "wordt"],
            ),
            (
                Language::English,
                &[
                    "the", "a", "an", "of", "and", "to", "in", "is", "was", "were", "be", "been",
                    "has", "have", "had", "it", "its", "he", "she", "they", "them", "their",
                    "this", "that", "these", "those", "which", "who", "whom", "whose", "what",
                    "would", "could", "should", "will", "shall", "may", "might", "must", "not",
                    "no", "nor", "but", "or", "if", "then", "than", "so", "very", "just", "also",
                    "don't", "it's", "isn't",
                ],
            ),
            (Language::Finnish, &["ja", "ei", "on", "että", "joka", "se"]),
            (
                Language::French,
                &["le", "les", "la", "des", "et", "est", "qui", "pas", "c'est"],
            ),
            (
                Language::German,
                &["und", "nicht", "der", "die", "das", "ist", "wurde", "über"],
            ),
            (
                Language::Greek,
                &["και", "το", "της", "είναι", "δεν", "που", "τους"],
            ),
            (
                Language::Hungarian,
                &["a", "az", "és", "hogy", "nem", "van"],
            ),
            (Language::Italian, &["il", "di", "che", "non", "è", "della"]),
            (Language::Norwegian, &["og", "ikke", "det", "som", "ikkje"]),
            (Language::Portuguese, &["o", "de", "que", "não", "é", "uma"]),
            (
                Language::Romanian,
                &["și", "şi", "în", "nu", "este", "care", "s-a"],
            ),
            (
                Language::Russian,
                &["и", "не", "в", "что", "это", "который", "её", "ее"],
            ),
            (
                Language::Spanish,
                &["el", "los", "la", "de", "que", "no", "es"],
            ),
            (Language::Swedish, &["och", "inte", "att", "det", "är"]),
            (Language::Tamil, &["ஒரு", "மற்றும்", "இந்த", "என்று", "இல்லை"]),
            (
                Language::Turkish,
                &["ve", "bir", "bu", "için", "değil", "ile"],
            ),
        ];
        assert_eq!(cases.len(), Language::ALL.len());
        for &(language, words) in cases {
            for &w in words {
                assert!(
                    stop_words(language).contains(w),
                    "{}: missing {w:?}",
                    language.name()
                );
            }
        }
    }

    #[test]
    fn no_content_words() {
        // Names and nouns from news text are stop words in no language.
        for language in Language::ALL {
            for w in [
                "kremlin",
                "ukraine",
                "russia",
                "president",
                "government",
                "minister",
            ] {
                assert!(
                    !stop_words(language).contains(w),
                    "{}: has {w:?}",
                    language.name()
                );
            }
        }
        let native: &[(Language, &[&str])] = &[
            (
                Language::German,
                &["regierung", "präsident", "krieg", "kreml"],
            ),
            (
                Language::French,
                &["gouvernement", "président", "guerre", "fait"],
            ),
            (Language::Spanish, &["gobierno", "presidente", "guerra"]),
            (
                Language::Russian,
                &["кремль", "украина", "президент", "правительство", "россия"],
            ),
            (Language::Greek, &["κυβέρνηση", "πρόεδρος"]),
        ];
        for &(language, words) in native {
            for &w in words {
                assert!(
                    !stop_words(language).contains(w),
                    "{}: has {w:?}",
                    language.name()
                );
            }
        }
    }

    #[test]
    fn is_stop_word_folds_case_and_punctuation() {
        assert!(is_stop_word(Language::English, "the"));
        assert!(is_stop_word(Language::English, "THE"));
        assert!(is_stop_word(Language::English, "Don’t"));
        assert!(is_stop_word(Language::English, "donʼt"));
        assert!(!is_stop_word(Language::English, "Russia’s"));
        assert!(!is_stop_word(Language::English, ""));
        assert!(is_stop_word(Language::German, "Nicht"));
        assert!(is_stop_word(Language::Russian, "Не"));
        assert!(is_stop_word(Language::Greek, "ΤΟΥΣ"));
        assert!(is_stop_word(Language::Romanian, "S\u{2011}a"));
        assert!(is_stop_word(Language::Turkish, "için"));
        assert!(!is_stop_word(Language::Turkish, "kremlin"));
    }

    #[test]
    fn works_with_the_tokenizer() {
        let stop: AHashSet<String> = stop_words(Language::English)
            .iter()
            .map(|&w| w.to_owned())
            .collect();
        let opts = TokenizeOptions {
            stop_words: Some(Arc::new(stop)),
            ..Default::default()
        };
        let terms = tokenize(
            "The Kremlin said it’s not over, and that talks would resume.",
            &opts,
        );
        assert_eq!(terms, ["kremlin", "said", "talks", "resume"]);
    }
}
