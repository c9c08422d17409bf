#![no_main]
//! sentence_spans: ordered, inside the text, only whitespace between them, in every language.
use libfuzzer_sys::fuzz_target;
use presslens::text::{sentence_spans, Language};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (lang, rest) = match data.split_first() {
        Some((&b, rest)) if b % 2 == 0 => (Language::English, rest),
        Some((_, rest)) => (Language::German, rest),
        None => (Language::English, data),
    };
    let s = common::text(rest);
    let mut pos = 0;
    for (a, b) in sentence_spans(&s, lang) {
        common::check_span(&s, a, b);
        assert!(a >= pos, "sentences overlap");
        assert!(s[pos..a].trim().is_empty(), "text lost between sentences");
        pos = b;
    }
    assert!(
        s[pos..].trim().is_empty(),
        "text lost after the last sentence"
    );
});
