//! Unit, property and linearity tests of the sentence splitter.

use proptest::prelude::*;

use super::*;

fn en(text: &str) -> Vec<&str> {
    split_sentences(text, Language::English)
}

#[test]
fn empty_and_blank() {
    assert!(en("").is_empty());
    assert!(en(" \n\t\u{a0}\u{3000} ").is_empty());
    assert_eq!(en("."), ["."]);
    assert_eq!(en(" ?! "), ["?!"]);
    assert_eq!(en("”"), ["”"]);
    assert_eq!(en("«"), ["«"]);
    assert_eq!(en("\u{2029}"), Vec::<&str>::new());
}

#[test]
fn basic() {
    assert_eq!(
        en("One. Two! Three? four."),
        ["One.", "Two!", "Three? four."]
    );
    assert_eq!(en("Hello world"), ["Hello world"]);
}

#[test]
fn multibyte_next_to_punctuation() {
    assert_eq!(en("Ä.Ö. Ü… É? Ä!"), ["Ä.Ö. Ü…", "É?", "Ä!"]);
    assert_eq!(en("я.\u{2029}Я"), ["я.", "Я"]);
    assert_eq!(en("ja.\u{a0}B"), ["ja.", "B"]);
    assert_eq!(en("“Ja.” ‘Nein?’ «Ok!»"), ["“Ja.”", "‘Nein?’", "«Ok!»"]);
    assert_eq!(en("“.” ‘?’ «!»"), ["“.” ‘?’ «!»"]);
}

#[test]
fn glued_sentences() {
    assert_eq!(
        en("It rained.Then it stopped."),
        ["It rained.", "Then it stopped."]
    );
    // Never inside URLs, e-mail addresses or initialisms.
    assert_eq!(
        en("See http://ex.com/news.Today now."),
        ["See http://ex.com/news.Today now."]
    );
    assert_eq!(
        en("Ask jo@news.Example soon."),
        ["Ask jo@news.Example soon."]
    );
    assert_eq!(en("The U.S.Army left."), ["The U.S.Army left."]);
}

#[test]
fn every_language_has_a_lexicon() {
    for lang in Language::ALL {
        let out = split_sentences("Dr. Who left. It rained.", lang);
        assert_eq!(out, ["Dr. Who left.", "It rained."], "{}", lang.name());
    }
}

#[test]
fn item_markers() {
    for m in ["-", "*", "•", "1.", "12)", "(a)", "a)", "iv.", "(12)"] {
        assert!(is_item_marker(m), "{m}");
    }
    for m in ["U.S.", "1999.", "ab.", "()", "Mr."] {
        assert!(!is_item_marker(m), "{m}");
    }
}

/// Checks the contract: ordered, non-overlapping, trimmed spans on char boundaries covering
/// every non-white-space character exactly once.
fn check_invariants(text: &str, language: Language) -> Result<(), String> {
    let spans = sentence_spans(text, language);
    let mut last = 0;
    let mut covered = 0usize;
    for &(s, e) in &spans {
        if s < last || s >= e || e > text.len() {
            return Err(format!("bad span {s}..{e} after {last}"));
        }
        if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            return Err(format!("span {s}..{e} not on char boundaries"));
        }
        let piece = &text[s..e];
        if piece.trim() != piece {
            return Err(format!("untrimmed span {piece:?}"));
        }
        if text[last..s].chars().any(|c| !c.is_whitespace()) {
            return Err(format!("lost characters in {:?}", &text[last..s]));
        }
        covered += piece.chars().filter(|c| !c.is_whitespace()).count();
        last = e;
    }
    if text[last..].chars().any(|c| !c.is_whitespace()) {
        return Err(format!("lost tail {:?}", &text[last..]));
    }
    let total = text.chars().filter(|c| !c.is_whitespace()).count();
    if covered != total {
        return Err(format!("covered {covered} of {total} characters"));
    }
    let slices = split_sentences(text, language);
    let from_spans: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
    if slices != from_spans {
        return Err("split_sentences disagrees with sentence_spans".into());
    }
    Ok(())
}

fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(".".to_string()),
        Just("...".to_string()),
        Just("…".to_string()),
        Just("?!".to_string()),
        Just("!".to_string()),
        Just(";".to_string()),
        Just(",".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{2029}".to_string()),
        Just("\u{3000}".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("(a) ".to_string()),
        Just("# ".to_string()),
        Just("Mr.".to_string()),
        Just("U.S.".to_string()),
        Just("p.m.".to_string()),
        Just("Inc.".to_string()),
        Just("3.".to_string()),
        Just("http://x.io/a.b".to_string()),
        Just("a@b.c".to_string()),
        "[a-zA-Z]{1,6}",
        "[а-яА-ЯäöüßÉé]{1,4}",
        "[0-9]{1,4}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn invariants_on_arbitrary_strings(text in any::<String>(), lang in 0usize..18) {
        let r = check_invariants(&text, Language::ALL[lang]);
        prop_assert!(r.is_ok(), "{:?}: {:?}", text, r);
    }

    #[test]
    fn invariants_on_punctuation_soup(text in tricky_text(), lang in 0usize..18) {
        let r = check_invariants(&text, Language::ALL[lang]);
        prop_assert!(r.is_ok(), "{:?}: {:?}", text, r);
    }
}

/// Pathological inputs at two sizes must split correctly (every invariant holds) and finish.
/// No wall-clock assertion: timing on a shared 2-core machine is noise. Linearity is judged
/// by instruction counts instead: `valgrind --tool=callgrind target/release/examples/scan FILE
/// sentences` on an input and on its 8-fold repetition (see docs/sentences.md).
fn assert_linear(name: &str, make: impl Fn(usize) -> String, n: usize) {
    for size in [n, 8 * n] {
        let text = make(size);
        if let Err(e) = check_invariants(&text, Language::English) {
            panic!("{name} at {size}: {e}");
        }
    }
}

#[test]
fn linear_on_runs_of_periods() {
    // 100k periods in a row (800k for the large input).
    assert_linear("periods", |n| ".".repeat(n), 100_000);
    assert_linear("spaced periods", |n| ". ".repeat(n), 100_000);
    assert_linear("abbreviations", |n| "Mr. U.S. a. ".repeat(n / 4), 100_000);
}

#[test]
fn linear_on_long_line_without_punctuation() {
    // A 1-million-character line (8 million for the large input).
    assert_linear("one word", |n| "x".repeat(n), 1_000_000);
    assert_linear("words", |n| "word ".repeat(n / 5), 1_000_000);
}

#[test]
fn linear_on_quote_marks() {
    assert_linear("straight quotes", |n| "\"".repeat(n), 10_000);
    assert_linear("spaced quotes", |n| "“ ” ".repeat(n / 2), 10_000);
    assert_linear("guillemets", |n| "« ! » ".repeat(n / 3), 10_000);
    assert_linear(
        "quoted sentence",
        |n| format!("“{}.” He left.", "”".repeat(n)),
        10_000,
    );
}

#[test]
fn linear_on_newlines_and_lists() {
    assert_linear("newlines", |n| "a\n".repeat(n), 100_000);
    assert_linear("list", |n| "- item\n".repeat(n / 7), 100_000);
}
