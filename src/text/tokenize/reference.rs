//! The oracle the block scanner must match exactly: the character-level scanner
//! (`next_token`, the definition of a token) applied from the start of the text to its end,
//! one character at a time, without the 64-byte block classification.

use super::{bytemask, for_each_token, next_token};
use proptest::prelude::*;

/// The character-level scanner over the whole text (reference implementation).
pub(super) fn reference_for_each_token(text: &str, mut f: impl FnMut(usize, usize)) {
    let mut i = 0;
    while let Some((start, end)) = next_token(text, i) {
        f(start, end);
        i = end;
    }
}

/// Spans from [`for_each_token`] (AVX2 where the CPU has it), after checking that the block
/// scanner gives the same with every block classifier this build has (SSE2 on x86-64, the
/// portable table everywhere), so the fallbacks are tested on any machine.
fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for_each_token(text, |s, e| out.push((s, e)));
    let mut portable = Vec::new();
    super::blocks::scan(
        text,
        |s, e| portable.push((s, e)),
        bytemask::classify_portable,
    );
    assert_eq!(portable, out, "portable classifier, {text:?}");
    let mut default = Vec::new();
    super::blocks::scan(text, |s, e| default.push((s, e)), bytemask::classify);
    assert_eq!(default, out, "default classifier, {text:?}");
    out
}

fn reference_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    reference_for_each_token(text, |s, e| out.push((s, e)));
    out
}

/// Pieces that exercise every branch: ASCII words, digits, each joiner (ASCII and Unicode),
/// initialisms, non-ASCII letters and digits, combining marks, non-ASCII separators, long runs
/// that cross 64-byte block edges.
const PIECES: &[&str] = &[
    "a",
    "b",
    "Z",
    "x",
    "abc",
    "Word",
    "US",
    "e",
    "g",
    "m",
    "kremlin",
    "0",
    "7",
    "12",
    "000",
    "1,000",
    "3.14",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "'",
    "\u{2019}",
    "\u{02BC}",
    "-",
    "\u{2010}",
    "\u{2011}",
    ".",
    ",",
    "...",
    "--",
    "\"",
    "(",
    ")",
    "$",
    "\u{201C}",
    "\u{201D}",
    "\u{AB}",
    "\u{BB}",
    "\u{2026}",
    "\u{A0}",
    "é",
    "É",
    "ß",
    "Σ",
    "ς",
    "ж",
    "Песков",
    "東京",
    "नमस्ते",
    "\u{0301}",
    "\u{0665}",
    "٣",
    "Ⅻ",
    "ǅ",
    "\u{1F600}",
    "U.S.",
    "K.P.",
    "a.m.",
    "e.g.",
    "i.e",
    "т.е.",
    "x.Y",
    "A.b",
    "\0",
    "_",
    "@",
    "/",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "0123456789012345678901234567890123456789012345678901234567890123456789",
    "1,0000",
    "1,00",
    "1.5.7",
    "a-1.5",
    "9,999,999",
    "x,000",
    // Non-ASCII punctuation the block scanner classifies without the character scanner, and
    // two-, three- and four-byte characters of every kind.
    "\u{2018}",
    "\u{2013}",
    "\u{2014}",
    "\u{200B}",
    "\u{2070}",
    "\u{20AC}",
    "\u{00B2}",
    "\u{00D7}",
    "\u{00AA}",
    "\u{00AD}",
    "’s",
    "x’",
    "é’é",
    "1’2",
    "a\u{2010}",
    "\u{2011}b",
    "5.é",
    "é.5",
    "ж.ж",
    "2.",
    ".3",
    "a.1",
    "1.a",
    "\u{1D7D8}",
];

fn unicode_heavy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn block_scanner_equals_reference(text in unicode_heavy()) {
        prop_assert_eq!(spans(&text), reference_spans(&text));
    }

    #[test]
    fn block_scanner_equals_reference_any_chars(text in "\\PC{0,300}") {
        prop_assert_eq!(spans(&text), reference_spans(&text));
    }

    #[test]
    fn block_scanner_equals_reference_numbers(text in "[0-3 ,.a\\-']{0,400}") {
        prop_assert_eq!(spans(&text), reference_spans(&text));
    }

    #[test]
    fn block_scanner_equals_reference_ascii(text in "[a-c0-2 .,'\\-\n]{0,400}") {
        prop_assert_eq!(spans(&text), reference_spans(&text));
    }
}

#[test]
fn block_edges() {
    // A token, a joiner or a multi-byte character on every position around the 64-byte edges.
    for piece in [
        "ab",
        "a'b",
        "3.14",
        "1,000",
        "1,0000",
        "12,345,678",
        "U.S.",
        "Russia\u{2019}s",
        "été",
        "x-y",
        "a.b",
    ] {
        for pad in 0..140 {
            for sep in [" ", "\u{2019}", ".", "-", "é"] {
                let text = format!("{}{piece}{sep}{piece} tail", "w".repeat(pad));
                assert_eq!(spans(&text), reference_spans(&text), "{text:?}");
                let text = format!("{}{piece}{sep}{piece}", " ".repeat(pad));
                assert_eq!(spans(&text), reference_spans(&text), "{text:?}");
            }
        }
    }
}

#[test]
fn long_runs() {
    for len in [63, 64, 65, 127, 128, 129, 1000] {
        for text in [
            "a".repeat(len),
            format!(" {}", "a".repeat(len)),
            format!("{}.b", "a".repeat(len)),
            format!("{} {}", "a".repeat(len), "é".repeat(len)),
        ] {
            assert_eq!(spans(&text), reference_spans(&text));
        }
    }
}

/// The real scraped articles and Reuters-21578 in ../shared (evaluation data, read at run time).
#[test]
fn block_scanner_equals_reference_on_shared_data() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(shared.join("seeds"))
        .map(|dir| dir.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    files.push(shared.join("data/reuters21578/articles.jsonl"));
    let texts: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if texts.is_empty() {
        eprintln!("skipped: needs ../shared (seeds, data/reuters21578), which is absent");
        return;
    }
    for text in &texts {
        assert_eq!(spans(text), reference_spans(text));
    }
}
