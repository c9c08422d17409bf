#![no_main]
//! token_spans: ordered, inside the text, on char boundaries; the Tokenizer agrees in count.
use libfuzzer_sys::fuzz_target;
use presslens::text::{count_tokens, token_spans, tokenize, TokenizeOptions};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let s = common::text(data);
    let spans = token_spans(&s);
    let mut pos = 0;
    for &(a, b) in &spans {
        common::check_span(&s, a, b);
        assert!(a >= pos, "tokens overlap");
        pos = b;
    }
    assert_eq!(count_tokens(&s), spans.len());
    let opts = TokenizeOptions {
        lowercase: false,
        ..TokenizeOptions::default()
    };
    assert_eq!(tokenize(&s, &opts).len(), spans.len());
});
