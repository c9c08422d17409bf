//! Conversions at the boundary: byte offsets → Python (code point) indices.

/// Map byte offsets of `text` to code-point indices. Offsets must lie on char boundaries.
/// O(len + k log k); identity for ASCII text.
pub struct OffsetMap {
    /// Sorted unique byte offsets with their char index.
    table: Option<Vec<(usize, usize)>>,
}

impl OffsetMap {
    /// Prepare a map for the given offsets.
    pub fn new(text: &str, offsets: impl IntoIterator<Item = usize>) -> Self {
        if text.is_ascii() {
            return OffsetMap { table: None };
        }
        let mut wanted: Vec<usize> = offsets.into_iter().collect();
        wanted.sort_unstable();
        wanted.dedup();
        let bytes = text.as_bytes();
        let mut table = Vec::with_capacity(wanted.len());
        let mut pos = 0usize;
        let mut chars = 0usize;
        for w in wanted {
            // Count chars in bytes[pos..w]: every byte that is not a UTF-8 continuation byte.
            chars += bytes[pos..w]
                .iter()
                .filter(|&&b| (b & 0xC0) != 0x80)
                .count();
            pos = w;
            table.push((w, chars));
        }
        OffsetMap { table: Some(table) }
    }

    /// The code-point index of byte offset `b` (which must have been passed to `new`).
    pub fn get(&self, b: usize) -> usize {
        match &self.table {
            None => b,
            Some(t) => match t.binary_search_by_key(&b, |&(k, _)| k) {
                Ok(i) => t[i].1,
                Err(_) => unreachable!("offset {b} was not registered"),
            },
        }
    }

    /// Convert a list of byte spans.
    pub fn spans(text: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let map = OffsetMap::new(text, spans.iter().flat_map(|&(s, e)| [s, e]));
        spans
            .iter()
            .map(|&(s, e)| (map.get(s), map.get(e)))
            .collect()
    }
}
