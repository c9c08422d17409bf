#![no_main]
//! normalize: never panics, idempotent, keeps every line break (`\r\n`, `\r`, `\n`, U+2028,
//! U+2029 each become one `\n`).
use libfuzzer_sys::fuzz_target;
use presslens::text::{normalize, NormalizeOptions};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let s = common::text(data);
    let opts = NormalizeOptions::default();
    let once = normalize(&s, &opts);
    let twice = normalize(&once, &opts);
    assert_eq!(once, twice, "normalize is not idempotent");
    let breaks = s
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'))
        .count();
    assert_eq!(
        breaks,
        once.matches('\n').count(),
        "line breaks were not kept"
    );
});
