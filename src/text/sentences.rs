//! Sentence boundary detection (placeholder while the real splitter is written).

use super::Language;

/// Byte spans of the sentences of `text`, trimmed of surrounding white space.
pub fn sentence_spans(text: &str, _language: Language) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
        if matches!(c, '.' | '!' | '?' | '\n') {
            if let Some(s) = start.take() {
                let end = if c == '\n' { i } else { i + 1 };
                let piece = text[s..end].trim_end();
                if !piece.is_empty() {
                    out.push((s, s + piece.len()));
                }
            }
        }
    }
    if let Some(s) = start {
        let piece = text[s..].trim_end();
        if !piece.is_empty() {
            out.push((s, s + piece.len()));
        }
    }
    out
}

/// The sentences of `text` as borrowed slices.
pub fn split_sentences(text: &str, language: Language) -> Vec<&str> {
    sentence_spans(text, language)
        .into_iter()
        .map(|(s, e)| &text[s..e])
        .collect()
}
