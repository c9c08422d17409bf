//! Per-document text statistics.
//!
//! * words are presslens tokens ([`crate::text::for_each_token`]); sentences come from
//!   [`crate::text::sentence_spans`];
//! * type-token ratio: distinct lower-cased words / words;
//! * MTLD (McCarthy & Jarvis 2010): the mean of a forward and a backward pass; each pass counts
//!   "factors", stretches whose running type-token ratio falls to 0.72, plus the partial
//!   factor `(1 - ttr) / (1 - 0.72)` of the remainder, and gives `words / factors`;
//! * Flesch reading ease `206.835 - 1.015 W/S - 84.6 Y/W` and Flesch-Kincaid grade
//!   `0.39 W/S + 11.8 Y/W - 15.59`, over words containing a letter (`W`), sentences (`S`)
//!   and syllables (`Y`). Syllables are an English heuristic: groups of vowels `aeiouy`, less
//!   one for a silent final `e` (but not `-le`), at least one per word;
//! * quote share: the fraction of words that start inside quotation marks (`“…”`, `«…»`,
//!   `„…“`, `"…"`); an unclosed quote ends at the end of its line.
//!
//! Undefined ratios (no words, no sentences) are NaN.

use ahash::AHashSet;

use crate::parallel::{self, Threads};
use crate::text::{for_each_token, sentence_spans, Language};

/// Statistics of one document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStats {
    /// Code points.
    pub characters: usize,
    /// Word tokens.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Words per sentence.
    pub words_per_sentence: f64,
    /// Distinct words / words.
    pub type_token_ratio: f64,
    /// Measure of textual lexical diversity.
    pub mtld: f64,
    /// Flesch reading ease.
    pub flesch_reading_ease: f64,
    /// Flesch-Kincaid grade level.
    pub flesch_kincaid_grade: f64,
    /// Share of words inside quotation marks.
    pub quote_share: f64,
}

/// MTLD factor threshold.
pub const MTLD_THRESHOLD: f64 = 0.72;

fn mtld_pass<'a>(words: impl Iterator<Item = &'a str>, n: usize) -> f64 {
    let mut types: AHashSet<&str> = AHashSet::new();
    let mut tokens = 0usize;
    let mut ttr = 1.0;
    let mut factors = 0.0;
    for w in words {
        tokens += 1;
        types.insert(w);
        ttr = types.len() as f64 / tokens as f64;
        if ttr <= MTLD_THRESHOLD {
            factors += 1.0;
            tokens = 0;
            types.clear();
            ttr = 1.0;
        }
    }
    factors += (1.0 - ttr) / (1.0 - MTLD_THRESHOLD);
    if factors == 0.0 {
        f64::NAN
    } else {
        n as f64 / factors
    }
}

/// Bidirectional MTLD of a word sequence.
pub fn mtld(words: &[&str]) -> f64 {
    if words.is_empty() {
        return f64::NAN;
    }
    let f = mtld_pass(words.iter().copied(), words.len());
    let b = mtld_pass(words.iter().rev().copied(), words.len());
    f64::midpoint(f, b)
}

/// English syllable estimate of a lower-case word (see the module docs).
pub fn syllables(word: &str) -> usize {
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let chars: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if chars.is_empty() {
        return 0;
    }
    let mut n = 0usize;
    let mut prev = false;
    for &c in &chars {
        let v = is_vowel(c);
        if v && !prev {
            n += 1;
        }
        prev = v;
    }
    let len = chars.len();
    if len > 2
        && chars[len - 1] == 'e'
        && !is_vowel(chars[len - 2])
        && (chars[len - 2] != 'l' || is_vowel(chars[len - 3]))
    {
        n = n.saturating_sub(1);
    }
    n.max(1)
}

/// Byte ranges of `text` inside quotation marks.
fn quote_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match open {
            None => {
                if matches!(c, '“' | '«' | '„' | '"') {
                    open = Some((i + c.len_utf8(), c));
                }
            }
            Some((s, o)) => {
                let closes = match o {
                    '“' => c == '”',
                    '«' => c == '»',
                    '„' => matches!(c, '“' | '”'),
                    _ => c == '"',
                };
                if closes || c == '\n' {
                    out.push((s, i));
                    open = None;
                }
            }
        }
    }
    if let Some((s, _)) = open {
        out.push((s, text.len()));
    }
    out
}

/// Statistics of one text.
pub fn text_stats(text: &str) -> TextStats {
    let mut words: Vec<String> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    for_each_token(text, |s, e| {
        words.push(text[s..e].to_lowercase());
        starts.push(s);
    });
    let sentences = sentence_spans(text, Language::English).len();
    let n = words.len();
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let distinct: AHashSet<&str> = refs.iter().copied().collect();
    let lettered: Vec<&str> = refs
        .iter()
        .copied()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let syl: usize = lettered.iter().map(|w| syllables(w)).sum();
    let (w, s, y) = (lettered.len() as f64, sentences as f64, syl as f64);
    let (fre, fk) = if lettered.is_empty() || sentences == 0 {
        (f64::NAN, f64::NAN)
    } else {
        (
            206.835 - 1.015 * (w / s) - 84.6 * (y / w),
            0.39 * (w / s) + 11.8 * (y / w) - 15.59,
        )
    };
    let quotes = quote_ranges(text);
    let inside = starts
        .iter()
        .filter(|&&p| quotes.iter().any(|&(a, b)| a <= p && p < b))
        .count();
    let ratio = |a: f64, b: f64| if b == 0.0 { f64::NAN } else { a / b };
    TextStats {
        characters: text.chars().count(),
        words: n,
        sentences,
        words_per_sentence: ratio(n as f64, s),
        type_token_ratio: ratio(distinct.len() as f64, n as f64),
        mtld: mtld(&refs),
        flesch_reading_ease: fre,
        flesch_kincaid_grade: fk,
        quote_share: ratio(inside as f64, n as f64),
    }
}

/// Statistics of every document, in order.
pub fn text_stats_many<S: AsRef<str> + Sync>(threads: Threads, docs: &[S]) -> Vec<TextStats> {
    parallel::map(threads, docs, |d| text_stats(d.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_heuristic() {
        assert_eq!(syllables("cat"), 1);
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("make"), 1);
        assert_eq!(syllables("reading"), 2);
        assert_eq!(syllables("the"), 1);
    }

    #[test]
    fn stats_of_a_small_text() {
        let s = text_stats("He said: “we will go.” They went home.");
        assert_eq!((s.words, s.sentences), (8, 2));
        assert!((s.quote_share - 3.0 / 8.0).abs() < 1e-12);
        assert!(s.mtld.is_nan() && (s.type_token_ratio - 1.0).abs() < 1e-12);
        assert!(text_stats("the cat and the dog and the cat")
            .mtld
            .is_finite());
        assert!(text_stats("").mtld.is_nan());
    }
}
