//! Word tokens with byte offsets.
//!
//! A token is a run of letters, digits and combining marks. Inside a token these joiners are
//! kept when a word character stands on both sides:
//! - apostrophes `'`, `’`, `ʼ` (`Russia's`, `Russia’s`: both give the token `russia's`);
//! - hyphens `-`, `‐`, `‑` (`rose-tinted`, `2025-09-12`);
//! - `.` between digits (`3.14`, `12.09.25`), inside initialisms (`U.S.`, `K.P.`, `a.m.`, `e.g.`,
//!   which also keep their final dot) and between lower-case letters (`kremlin.ru`);
//! - `,` between digits (`1,000`).
//!
//! Everything else separates tokens. The scanner runs on bytes with an ASCII fast path and
//! decodes UTF-8 only for non-ASCII characters.

use std::sync::Arc;

use ahash::AHashSet;
use rust_stemmers::Stemmer;
use unicode_normalization::char::is_combining_mark;

use super::{bytemask, Language};

/// Lookup of ASCII word bytes (letters and digits).
const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// ASCII letters and digits (false for every byte >= 0x80).
const ASCII_WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = ASCII_WORD[i];
        i += 1;
    }
    t
};

/// ASCII bytes that are not letters or digits (false for every byte >= 0x80).
const ASCII_SEP: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = !ASCII_WORD[i];
        i += 1;
    }
    t
};

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        ASCII_WORD[c as usize]
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

#[inline]
fn decode(text: &str, i: usize) -> char {
    // SAFETY-free: `i` is always on a char boundary because we only advance by `len_utf8`.
    text[i..].chars().next().unwrap_or('\0')
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

#[inline]
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// True if `tok` looks like `U.S` / `K.P` / `a.m` / `e.g`: two or more single letters
/// separated by dots.
fn is_initialism(tok: &str) -> bool {
    tok.contains('.') && is_initialism_prefix(tok)
}

/// Byte spans `(start, end)` of the word tokens of `text`, in order.
///
/// ```
/// use presslens::text::token_spans;
/// let text = "U.S. talks “on pause,” Russia’s aide said.";
/// let words: Vec<&str> = token_spans(text).iter().map(|&(s, e)| &text[s..e]).collect();
/// assert_eq!(words, ["U.S.", "talks", "on", "pause", "Russia’s", "aide", "said"]);
/// ```
pub fn token_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    for_each_token(text, |s, e| out.push((s, e)));
    out
}

/// Call `f(start, end)` for each token of `text` without allocating.
///
/// The text is read in 64-byte blocks classified at once (see the private `bytemask` module); non-ASCII
/// characters are classified one by one into word characters, the joiners `’` `‐` `‑` and
/// separators (curly quotes, dashes, no-break spaces...), and the tokens come out of bit masks
/// (see the private `blocks` module). Only a `.` between two letters or next to a non-ASCII word character
/// (initialisms, `kremlin.ru`) goes through the character-level scanner `next_token`, which
/// defines the tokens.
pub fn for_each_token(text: &str, f: impl FnMut(usize, usize)) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2")
        && std::arch::is_x86_feature_detected!("bmi1")
        && std::arch::is_x86_feature_detected!("bmi2")
        && std::arch::is_x86_feature_detected!("lzcnt")
        && std::arch::is_x86_feature_detected!("popcnt")
    {
        // SAFETY: the CPU has AVX2, BMI1, BMI2, LZCNT and POPCNT (checked just above).
        unsafe { for_each_token_avx2(text, f) };
        return;
    }
    blocks::scan(text, f, bytemask::classify);
}

/// [`for_each_token`] compiled for AVX2 (with the bit instructions every AVX2 CPU has:
/// `tzcnt`, `blsr`, `andn`, `lzcnt`, `popcnt`).
///
/// # Safety
/// The CPU must support AVX2, BMI1, BMI2, LZCNT and POPCNT.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,bmi1,bmi2,lzcnt,popcnt")]
unsafe fn for_each_token_avx2(text: &str, f: impl FnMut(usize, usize)) {
    // SAFETY: the caller guarantees AVX2.
    blocks::scan(text, f, |bytes, pos| unsafe {
        bytemask::classify_avx2(bytes, pos)
    });
}

/// The first token at or after byte `i` (on a character boundary), character by character:
/// the definition of a token.
#[inline(never)]
fn next_token(text: &str, mut i: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    loop {
        // Skip to the next word character: a tight loop over ASCII separators.
        while i < n && ASCII_SEP[bytes[i] as usize] {
            i += 1;
        }
        if i >= n {
            return None;
        }
        if bytes[i] >= 0x80 {
            let c = decode(text, i);
            if !is_word_char(c) {
                i += c.len_utf8();
                continue;
            }
        }
        break;
    }
    let start = i;
    let mut prev = decode(text, i);
    i += prev.len_utf8();
    // Extend over word characters and joiners.
    while i < n {
        // Fast path: a run of ASCII letters and digits.
        let run = i;
        while i < n && ASCII_WORD_BYTE[bytes[i] as usize] {
            i += 1;
        }
        if i > run {
            prev = bytes[i - 1] as char;
            if i >= n {
                break;
            }
        }
        let b = bytes[i];
        if b < 0x80 && !matches!(b, b'\'' | b'-' | b'.' | b',') {
            break;
        }
        let c = if b < 0x80 { b as char } else { decode(text, i) };
        if b >= 0x80 && is_word_char(c) {
            prev = c;
            i += c.len_utf8();
            continue;
        }
        let j = i + c.len_utf8();
        if j >= n {
            break;
        }
        let next = decode(text, j);
        if !is_word_char(next) {
            break;
        }
        let join = if is_apostrophe(c) || is_hyphen(c) {
            true
        } else if c == '.' {
            (prev.is_numeric() && next.is_numeric())
                || (prev.is_lowercase()
                    && next.is_lowercase()
                    && !is_initial_segment(text, start, i))
                || (is_initial_segment(text, start, i) && is_single_letter_after(text, j))
        } else if c == ',' {
            prev.is_ascii_digit() && next.is_ascii_digit() && digits_after(text, j) == 3
        } else {
            false
        };
        if !join {
            break;
        }
        prev = next;
        i = j + next.len_utf8();
    }
    // Initialisms keep their final dot: "U.S." / "a.m.".
    if i < n && bytes[i] == b'.' && is_initialism(&text[start..i]) {
        i += 1;
    }
    Some((start, i))
}

/// Is the last dot-separated segment of `text[start..end]` a single letter (and is the whole
/// token so far an initialism)?
fn is_initial_segment(text: &str, start: usize, end: usize) -> bool {
    is_initialism_prefix(&text[start..end])
}

/// `U`, `U.S`, `K.P`, `т.е`: single letters separated by dots (one letter counts). Shared with
/// the sentence splitter.
pub(crate) fn is_initialism_prefix(tok: &str) -> bool {
    let mut expect_letter = true;
    for c in tok.chars() {
        if expect_letter {
            if !c.is_alphabetic() {
                return false;
            }
        } else if c != '.' {
            return false;
        }
        expect_letter = !expect_letter;
    }
    !expect_letter
}

/// Is there exactly one letter at `j`, followed by a non-word character or the end?
fn is_single_letter_after(text: &str, j: usize) -> bool {
    let mut it = text[j..].chars();
    match it.next() {
        Some(c) if c.is_alphabetic() => it.next().is_none_or(|d| !is_word_char(d)),
        _ => false,
    }
}

fn digits_after(text: &str, j: usize) -> usize {
    text[j..].bytes().take_while(u8::is_ascii_digit).count()
}

/// How [`tokenize`] turns spans into terms.
#[derive(Debug, Clone)]
pub struct TokenizeOptions {
    /// Lower-case tokens (Unicode lower-casing, ASCII fast path). Default true.
    pub lowercase: bool,
    /// Stem with the Snowball stemmer of this language. Default none.
    pub stem: Option<Language>,
    /// Drop tokens whose lower-case form is in this set. Default none.
    pub stop_words: Option<Arc<AHashSet<String>>>,
}

impl Default for TokenizeOptions {
    fn default() -> Self {
        TokenizeOptions {
            lowercase: true,
            stem: None,
            stop_words: None,
        }
    }
}

/// A reusable tokenizer: holds the stemmer so batch work builds it once.
pub struct Tokenizer {
    lowercase: bool,
    stemmer: Option<Stemmer>,
    stop_words: Option<Arc<AHashSet<String>>>,
}

impl Tokenizer {
    /// Build a tokenizer from options.
    pub fn new(opts: &TokenizeOptions) -> Self {
        Tokenizer {
            lowercase: opts.lowercase,
            stemmer: opts.stem.map(|l| Stemmer::create(l.algorithm())),
            stop_words: opts.stop_words.clone(),
        }
    }

    /// Append the canonical form of one raw token to `buf`: apostrophes and hyphens folded to
    /// ASCII, lower-cased if asked, stemmed if asked. Returns `false`, leaving `buf` as it was,
    /// for a stop word.
    pub fn push_term(&self, raw: &str, buf: &mut String) -> bool {
        let start = buf.len();
        if raw.is_ascii() {
            buf.push_str(raw);
            if self.lowercase {
                buf[start..].make_ascii_lowercase();
            }
        } else {
            let folded = raw.chars().map(|c| {
                if is_apostrophe(c) {
                    '\''
                } else if is_hyphen(c) {
                    '-'
                } else {
                    c
                }
            });
            if self.lowercase {
                // Whole-word lower-casing: context-dependent mappings (Greek final sigma).
                let word: String = folded.collect();
                buf.push_str(&word.to_lowercase());
            } else {
                buf.extend(folded);
            }
        }
        if let Some(stop) = &self.stop_words {
            let term = &buf[start..];
            let is_stop = if self.lowercase {
                stop.contains(term)
            } else {
                stop.contains(&term.to_lowercase())
            };
            if is_stop {
                buf.truncate(start);
                return false;
            }
        }
        if let Some(stemmer) = &self.stemmer {
            if let std::borrow::Cow::Owned(stemmed) = stemmer.stem(&buf[start..]) {
                buf.truncate(start);
                buf.push_str(&stemmed);
            }
        }
        true
    }

    /// The canonical form of one raw token (see [`Tokenizer::push_term`]); `None` for a stop
    /// word.
    pub fn term(&self, raw: &str) -> Option<String> {
        let mut t = String::with_capacity(raw.len());
        self.push_term(raw, &mut t).then_some(t)
    }

    /// Append the terms of `text` to `buf` back to back, pushing the end offset of each term
    /// in `buf` to `ends`: one allocation per document instead of one per term.
    pub fn terms_into(&self, text: &str, buf: &mut String, ends: &mut Vec<usize>) {
        for_each_token(text, |s, e| {
            if self.push_term(&text[s..e], buf) {
                ends.push(buf.len());
            }
        });
    }

    /// Tokens of `text` as terms.
    pub fn tokenize(&self, text: &str) -> Vec<String> {
        let mut out = Vec::with_capacity(text.len() / 6 + 1);
        for_each_token(text, |s, e| {
            if let Some(t) = self.term(&text[s..e]) {
                out.push(t);
            }
        });
        out
    }
}

/// Tokenize `text` into terms (see the module docs for what a token is).
///
/// ```
/// use presslens::text::{tokenize, Language, TokenizeOptions};
/// let opts = TokenizeOptions { stem: Some(Language::English), ..Default::default() };
/// assert_eq!(tokenize("Talks are on pause", &opts), ["talk", "are", "on", "paus"]);
/// ```
pub fn tokenize(text: &str, opts: &TokenizeOptions) -> Vec<String> {
    Tokenizer::new(opts).tokenize(text)
}

/// Number of tokens in `text` (the scanner alone, no allocation).
pub fn count_tokens(text: &str) -> usize {
    let mut n = 0usize;
    for_each_token(text, |_, _| n += 1);
    n
}

/// The physical ceiling a tokenizer is measured against: one SIMD `memchr` pass over the
/// bytes counting spaces. Benchmarks only.
pub fn raw_scan(text: &str) -> usize {
    memchr::memchr_iter(b' ', text.as_bytes()).count()
}

mod blocks;
#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        token_spans(text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn joiners() {
        assert_eq!(words("rose-tinted glasses"), ["rose-tinted", "glasses"]);
        assert_eq!(
            words("Russia's and Russia’s"),
            ["Russia's", "and", "Russia’s"]
        );
        assert_eq!(words("K.P. Sharma Oli"), ["K.P.", "Sharma", "Oli"]);
        assert_eq!(
            words("at 9 a.m. on 12.09.25"),
            ["at", "9", "a.m.", "on", "12.09.25"]
        );
        assert_eq!(words("$2.5bn and 3.14"), ["2.5bn", "and", "3.14"]);
        assert_eq!(words("1,000 people, 2,5"), ["1,000", "people", "2", "5"]);
        assert_eq!(words("see kremlin.ru now."), ["see", "kremlin.ru", "now"]);
        assert_eq!(words("said.The end"), ["said", "The", "end"]);
        assert_eq!(words("Mr. Smith"), ["Mr", "Smith"]);
        assert_eq!(words("outlets' view -- yes"), ["outlets", "view", "yes"]);
        assert_eq!(
            words("e.g. this, i.e. that"),
            ["e.g.", "this", "i.e.", "that"]
        );
    }

    #[test]
    fn non_latin() {
        assert_eq!(
            words("Песков заявил «пауза»"),
            ["Песков", "заявил", "пауза"]
        );
        assert_eq!(words("नमस्ते दुनिया"), ["नमस्ते", "दुनिया"]);
        assert_eq!(words("東京 2025"), ["東京", "2025"]);
    }

    #[test]
    fn curly_and_straight_agree() {
        let t = Tokenizer::new(&TokenizeOptions::default());
        assert_eq!(t.tokenize("Russia’s"), t.tokenize("Russia's"));
        assert_eq!(t.tokenize("Russia’s"), ["russia's"]);
    }

    #[test]
    fn stop_words_and_stem() {
        let stop: AHashSet<String> = ["the".to_string()].into_iter().collect();
        let opts = TokenizeOptions {
            stem: Some(Language::English),
            stop_words: Some(Arc::new(stop)),
            ..Default::default()
        };
        assert_eq!(tokenize("The talks", &opts), ["talk"]);
    }

    #[test]
    fn edge_inputs() {
        assert!(token_spans("").is_empty());
        assert!(token_spans("... --- !!!").is_empty());
        assert_eq!(words("a"), ["a"]);
        assert_eq!(words("a."), ["a"]);
        assert_eq!(words("x-"), ["x"]);
    }
}
