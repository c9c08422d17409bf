//! Shared helpers: bytes to text, and text to several documents.
#![allow(dead_code)] // each target uses a subset

/// The fuzz input as text (invalid UTF-8 replaced, as a loader with errors="replace" does).
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Several documents: the input split at 0x01 bytes (at most 16).
pub fn documents(data: &[u8]) -> Vec<String> {
    data.split(|&b| b == 1).take(16).map(text).collect()
}

/// `(start, end)` is a valid, non-empty byte span of `s` on character boundaries.
pub fn check_span(s: &str, start: usize, end: usize) {
    assert!(
        start < end && end <= s.len(),
        "span {start}..{end} outside 0..{}",
        s.len()
    );
    assert!(
        s.is_char_boundary(start) && s.is_char_boundary(end),
        "span {start}..{end} splits a char"
    );
}
