//! scikit-learn's text analyzers (`CountVectorizer.build_analyzer()`), emulated natively.
//!
//! * preprocessing: `str.lower()` then accent stripping (`"ascii"`: NFKD and drop non-ASCII;
//!   `"unicode"`: NFKD and drop characters with a non-zero canonical combining class);
//! * `analyzer="word"`: the tokens of `token_pattern` `(?u)\b\w{k,}\b` (the default is `k = 2`),
//!   which are the maximal runs of Python `\w` characters at least `k` code points long; stop
//!   words are removed, then n-grams are joined with a space;
//! * `analyzer="char"`: runs of two or more Python white-space characters become one space,
//!   then every n-gram of code points;
//! * `analyzer="char_wb"`: the same white-space rule, then each `str.split()` word padded with a
//!   space on both sides gives its n-grams (a word shorter than `n` is counted once, whole).

use std::borrow::Cow;

use ahash::AHashSet;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

use super::pyunicode;
pub use super::wordscan::{word_runs, word_spans};

/// Accent stripping, as scikit-learn's `strip_accents`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StripAccents {
    /// No stripping.
    #[default]
    None,
    /// NFKD, then drop every non-ASCII character (`strip_accents_ascii`).
    Ascii,
    /// NFKD, then drop combining characters (`strip_accents_unicode`).
    Unicode,
}

/// Which features an analyzer produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnalyzerKind {
    /// Word n-grams.
    #[default]
    Word,
    /// Character n-grams over the whole text.
    Char,
    /// Character n-grams inside white-space separated words, padded with spaces.
    CharWb,
}

/// Options of a scikit-learn style analyzer.
#[derive(Debug, Clone)]
pub struct SkAnalyzer {
    /// Word or character n-grams.
    pub kind: AnalyzerKind,
    /// Apply `str.lower()` first.
    pub lowercase: bool,
    /// Accent stripping after lower-casing.
    pub strip_accents: StripAccents,
    /// Minimum token length in code points (`(?u)\b\w{k,}\b`); 2 for the default pattern.
    pub min_token_chars: usize,
    /// Inclusive n-gram range.
    pub ngram_range: (usize, usize),
    /// Tokens to drop before forming word n-grams (exact match).
    pub stop_words: Option<AHashSet<String>>,
}

impl Default for SkAnalyzer {
    fn default() -> Self {
        SkAnalyzer {
            kind: AnalyzerKind::Word,
            lowercase: true,
            strip_accents: StripAccents::None,
            min_token_chars: 2,
            ngram_range: (1, 1),
            stop_words: None,
        }
    }
}

/// NFKD of `s` as Python's `unicodedata.normalize("NFKD", s)` computes it, filtered by
/// `keep`. Characters Python's database does not know yet (newer than its Unicode version)
/// pass through undecomposed and act as starters, as they do in Python; they are kept when
/// `keep_unknown` (Python's `combining()` is 0 for them, and they are never ASCII).
/// Everything else follows the (stable) normalization data of `unicode-normalization`.
fn py_nfkd_filtered(s: &str, keep: impl Fn(char) -> bool, keep_unknown: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        let cut = rest
            .char_indices()
            .find(|&(_, c)| pyunicode::is_unassigned(c))
            .map_or(rest.len(), |(i, _)| i);
        out.extend(rest[..cut].nfkd().filter(|&c| keep(c)));
        rest = &rest[cut..];
        if let Some(c) = rest.chars().next() {
            if keep_unknown {
                out.push(c);
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// `strip_accents_unicode`.
pub fn strip_accents_unicode(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    Cow::Owned(py_nfkd_filtered(
        s,
        |c| canonical_combining_class(c) == 0,
        true,
    ))
}

/// `strip_accents_ascii`.
pub fn strip_accents_ascii(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    Cow::Owned(py_nfkd_filtered(s, |c| c.is_ascii(), false))
}

impl SkAnalyzer {
    /// The preprocessed document (`build_preprocessor()`), using `buf` as scratch space.
    pub fn preprocess<'a>(&self, doc: &'a str, buf: &'a mut String) -> Cow<'a, str> {
        let lowered: Cow<'a, str> = if self.lowercase {
            buf.clear();
            pyunicode::lower_into(doc, buf);
            Cow::Borrowed(buf.as_str())
        } else {
            Cow::Borrowed(doc)
        };
        match self.strip_accents {
            StripAccents::None => lowered,
            StripAccents::Ascii => match lowered {
                Cow::Borrowed(s) => strip_accents_ascii(s),
                Cow::Owned(s) => Cow::Owned(strip_accents_ascii(&s).into_owned()),
            },
            StripAccents::Unicode => match lowered {
                Cow::Borrowed(s) => strip_accents_unicode(s),
                Cow::Owned(s) => Cow::Owned(strip_accents_unicode(&s).into_owned()),
            },
        }
    }

    /// Call `f` on each token of an already preprocessed text (`token_pattern.findall`).
    pub fn for_each_token<'t>(&self, text: &'t str, f: impl FnMut(&'t str)) {
        word_runs(text, self.min_token_chars, f);
    }

    /// [`Self::for_each_token`] as byte spans `(start, end)` of `text`.
    pub fn for_each_token_span(&self, text: &str, f: impl FnMut(usize, usize)) {
        word_spans(text, self.min_token_chars, f);
    }

    /// True if `token` is a stop word.
    pub fn is_stop(&self, token: &str) -> bool {
        self.stop_words.as_ref().is_some_and(|s| s.contains(token))
    }

    /// Every feature of `doc` as an owned string, in scikit-learn's order (tests and the
    /// Python API `analyze`; the vectorizers intern features without building strings).
    pub fn analyze(&self, doc: &str) -> Vec<String> {
        let mut buf = String::new();
        let text = self.preprocess(doc, &mut buf);
        let (lo, hi) = self.ngram_range;
        match self.kind {
            AnalyzerKind::Word => {
                let mut toks: Vec<&str> = Vec::new();
                self.for_each_token(&text, |t| {
                    if !self.is_stop(t) {
                        toks.push(t);
                    }
                });
                let mut out = Vec::new();
                if lo == 1 {
                    out.extend(toks.iter().map(|t| (*t).to_string()));
                }
                for n in lo.max(2)..=hi.min(toks.len()) {
                    for w in toks.windows(n) {
                        out.push(w.join(" "));
                    }
                }
                out
            }
            AnalyzerKind::Char => {
                let mut out = Vec::new();
                char_ngrams(&text, self.ngram_range, |s| out.push(s.to_string()));
                out
            }
            AnalyzerKind::CharWb => {
                let mut out = Vec::new();
                char_wb_ngrams(&text, self.ngram_range, |s| out.push(s.to_string()));
                out
            }
        }
    }
}

/// `re.sub(r"\s\s+", " ", text)`: runs of two or more Python white-space characters become
/// one space (a single white-space character is kept as it is).
pub fn squeeze_spaces(text: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut last = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !pyunicode::is_space(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut run = 1;
        while let Some(&(j, d)) = it.peek() {
            if !pyunicode::is_space(d) {
                break;
            }
            end = j + d.len_utf8();
            run += 1;
            it.next();
        }
        if run >= 2 {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
            o.push_str(&text[last..i]);
            o.push(' ');
            last = end;
        }
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[last..]);
            Cow::Owned(o)
        }
    }
}

/// Byte offsets of every char boundary of `s`, including `s.len()`.
fn boundaries(s: &str, out: &mut Vec<usize>) {
    out.clear();
    out.extend(s.char_indices().map(|(i, _)| i));
    out.push(s.len());
}

/// `_char_ngrams`: all code-point n-grams of the white-space-squeezed text, by n then offset.
pub fn char_ngrams(text: &str, (lo, hi): (usize, usize), mut f: impl FnMut(&str)) {
    let text = squeeze_spaces(text);
    let mut b = Vec::new();
    boundaries(&text, &mut b);
    let len = b.len() - 1;
    for n in lo..=hi.min(len) {
        for i in 0..=(len - n) {
            f(&text[b[i]..b[i + n]]);
        }
    }
}

/// `_char_wb_ngrams`: n-grams inside `" " + word + " "` for each `str.split()` word.
pub fn char_wb_ngrams(text: &str, (lo, hi): (usize, usize), mut f: impl FnMut(&str)) {
    let text = squeeze_spaces(text);
    let mut w = String::new();
    let mut b = Vec::new();
    for word in text.split(pyunicode::is_space).filter(|s| !s.is_empty()) {
        w.clear();
        w.push(' ');
        w.push_str(word);
        w.push(' ');
        boundaries(&w, &mut b);
        let w_len = b.len() - 1;
        for n in lo..=hi {
            let mut offset = 0;
            f(&w[b[0]..b[n.min(w_len)]]);
            while offset + n < w_len {
                offset += 1;
                f(&w[b[offset]..b[offset + n]]);
            }
            if offset == 0 {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_pattern_tokens() {
        let mut v = Vec::new();
        word_runs("a bb c_d é\u{301}x 12 x²", 2, |t| v.push(t));
        assert_eq!(v, ["bb", "c_d", "12", "x²"]);
    }

    #[test]
    fn analyze_word_ngrams() {
        let a = SkAnalyzer {
            ngram_range: (1, 2),
            stop_words: Some(["the".to_string()].into_iter().collect()),
            ..Default::default()
        };
        assert_eq!(
            a.analyze("The Talks, the pause"),
            ["talks", "pause", "talks pause"]
        );
    }

    #[test]
    fn char_analyzers() {
        let mut v = Vec::new();
        char_ngrams("ab  c", (2, 2), |s| v.push(s.to_string()));
        assert_eq!(v, ["ab", "b ", " c"]);
        let mut v = Vec::new();
        char_wb_ngrams("ab c", (2, 3), |s| v.push(s.to_string()));
        assert_eq!(v, [" a", "ab", "b ", " ab", "ab ", " c", "c ", " c "]);
        assert_eq!(squeeze_spaces("a\nb \n c"), "a\nb c");
    }

    #[test]
    fn accents() {
        assert_eq!(strip_accents_unicode("café"), "cafe");
        assert_eq!(strip_accents_ascii("café ß"), "cafe ");
    }
}

#[cfg(test)]
mod accent_tests {
    use super::*;

    #[test]
    fn characters_newer_than_pythons_database_pass_through() {
        // U+0897 is a combining mark from Unicode 16; Python 3.11 (Unicode 14) leaves it.
        if pyunicode::is_unassigned('\u{0897}') {
            assert_eq!(strip_accents_unicode("a\u{0897}"), "a\u{0897}");
            assert_eq!(strip_accents_ascii("a\u{0897}"), "a");
        }
        assert_eq!(strip_accents_unicode("café"), "cafe");
        assert_eq!(strip_accents_ascii("ﬁancé"), "fiance");
    }
}
