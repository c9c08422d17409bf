//! The shingle shuffle behind [`overlap_matrix`](crate::overlap::overlap_matrix): every
//! `(shingle, unit)` occurrence of a corpus, grouped by shingle range and sorted within it.
//!
//! 1. Texts are cut into chunks of about [`CHUNK_BYTES`]; each chunk (one task) hashes its
//!    tokens, forms shingles and partitions its occurrences by range (the top 8 bits of the
//!    shingle hash; a counting sort).
//! 2. Each range (one task) gathers its occurrences from every chunk with a second counting
//!    sort on the next hash bits (at most one occurrence per piece on average), then one
//!    insertion sort over the range finishes the `(shingle, unit)` order in linear time, and
//!    the occurrences are walked as runs of one shingle (`(shingle, unit, count)` entries
//!    sorted by unit).
//!
//! Occurrences are packed in one `u64` when there are at most 256 units (the 56 hash bits
//! below the range bits, then the unit), else kept as `(u64, u32)`: half the memory traffic
//! and cheaper compares for the usual by-outlet matrix. The order, and so every result, is the
//! same either way and for any thread count: it is the order of `(shingle, unit)`.

use crate::overlap::matrix::Entry;
pub(crate) use crate::overlap::matrix::PARTS;
use crate::overlap::shingles::{for_each_shingle, TokenHasher};
use crate::parallel::{self, Threads};

/// Text bytes per chunk task: large enough to amortise the per-chunk partition, small enough
/// to balance the threads.
pub(crate) const CHUNK_BYTES: usize = 1 << 18;
/// A range of `len` occurrences is split into at least `len / SPREAD` pieces.
const SPREAD: usize = 1;
/// Most hash bits below the range bits that split a range for sorting.
const MAX_SUB_BITS: u32 = 16;
/// Pieces above this size are sorted on their own before the insertion sort (many
/// occurrences of one shingle: identical documents).
const BIG_PIECE: usize = 32;

/// A `(shingle, unit)` occurrence inside a known range, ordered like `(shingle, unit)`.
pub(crate) trait Occurrence: Copy + Ord + Default + Send + Sync {
    /// Pack a shingle hash and a unit.
    fn pack(h: u64, unit: u32) -> Self;
    /// The shingle hash, given the range it was filed under.
    fn shingle(self, range: usize) -> u64;
    /// The unit.
    fn unit(self) -> u32;
    /// The `bits` hash bits just below the range bits (`bits <= 16`).
    fn sub(self, bits: u32) -> usize;
}

/// At most 256 units: hash bits 55..0 in bits 63..8, the unit in bits 7..0.
impl Occurrence for u64 {
    #[inline]
    fn pack(h: u64, unit: u32) -> Self {
        (h << 8) | u64::from(unit)
    }
    #[inline]
    fn shingle(self, range: usize) -> u64 {
        ((range as u64) << 56) | (self >> 8)
    }
    #[inline]
    fn unit(self) -> u32 {
        (self & 0xFF) as u32
    }
    #[inline]
    fn sub(self, bits: u32) -> usize {
        (self >> (63 - bits) >> 1) as usize
    }
}

impl Occurrence for (u64, u32) {
    #[inline]
    fn pack(h: u64, unit: u32) -> Self {
        (h, unit)
    }
    #[inline]
    fn shingle(self, _range: usize) -> u64 {
        self.0
    }
    #[inline]
    fn unit(self) -> u32 {
        self.1
    }
    #[inline]
    fn sub(self, bits: u32) -> usize {
        ((self.0 << 8) >> (63 - bits) >> 1) as usize
    }
}

/// The range of a shingle hash.
#[inline]
fn range_of(h: u64) -> usize {
    (h >> 56) as usize
}

/// Occurrences of a run of texts, grouped by range: range `p` is
/// `occ[starts[p]..starts[p + 1]]` (any order inside).
pub(crate) struct Chunk<K> {
    occ: Vec<K>,
    starts: Vec<usize>,
}

/// Consecutive text index ranges of about [`CHUNK_BYTES`] bytes each.
fn chunk_ranges<S: AsRef<str>>(texts: &[S]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, t) in texts.iter().enumerate() {
        bytes += t.as_ref().len() + 16;
        if bytes >= CHUNK_BYTES {
            out.push((start, i + 1));
            (start, bytes) = (i + 1, 0);
        }
    }
    if start < texts.len() {
        out.push((start, texts.len()));
    }
    out
}

/// Shingle occurrences of `texts[lo..hi]`, partitioned by range.
fn chunk<K: Occurrence, S: AsRef<str>>(
    th: &TokenHasher,
    texts: &[S],
    unit: &[u32],
    (lo, hi): (usize, usize),
    ngram: usize,
) -> Chunk<K> {
    let bytes: usize = texts[lo..hi].iter().map(|t| t.as_ref().len()).sum();
    let mut tokens: Vec<u64> = Vec::new();
    let mut hashes: Vec<u64> = Vec::with_capacity(bytes / 5 + 16);
    let mut ends: Vec<usize> = Vec::with_capacity(hi - lo);
    let mut starts = vec![0usize; PARTS + 1];
    for text in &texts[lo..hi] {
        tokens.clear();
        th.hashes_into(text.as_ref(), &mut tokens);
        for_each_shingle(&tokens, ngram, |h| {
            starts[range_of(h) + 1] += 1;
            hashes.push(h);
        });
        ends.push(hashes.len());
    }
    for p in 0..PARTS {
        starts[p + 1] += starts[p];
    }
    let mut next = starts.clone();
    let mut occ = vec![K::default(); hashes.len()];
    let mut from = 0;
    for (&end, &u) in ends.iter().zip(&unit[lo..hi]) {
        for &h in &hashes[from..end] {
            let p = range_of(h);
            occ[next[p]] = K::pack(h, u);
            next[p] += 1;
        }
        from = end;
    }
    Chunk { occ, starts }
}

/// Shingle occurrences of every text (`unit[i]` is text `i`'s unit) in chunks, in parallel.
pub(crate) fn chunks<K: Occurrence, S: AsRef<str> + Sync>(
    texts: &[S],
    unit: &[u32],
    ngram: usize,
    threads: Threads,
) -> Vec<Chunk<K>> {
    let th = TokenHasher::default();
    let ranges = chunk_ranges(texts);
    parallel::map(threads, &ranges, |&r| {
        chunk::<K, S>(&th, texts, unit, r, ngram)
    })
}

/// Reusable buffers of [`range_runs`].
pub(crate) struct Scratch<K> {
    occ: Vec<K>,
    starts: Vec<usize>,
    run: Vec<Entry>,
}

impl<K> Default for Scratch<K> {
    fn default() -> Self {
        Scratch {
            occ: Vec::new(),
            starts: Vec::new(),
            run: Vec::new(),
        }
    }
}

/// Range `p` of every chunk sorted, in `scratch.occ[..len]` (the length is returned).
fn sorted_range<K: Occurrence>(chunks: &[Chunk<K>], p: usize, scratch: &mut Scratch<K>) -> usize {
    let slices = || {
        chunks
            .iter()
            .map(move |c| &c.occ[c.starts[p]..c.starts[p + 1]])
    };
    let len: usize = slices().map(<[K]>::len).sum();
    let bits = (usize::BITS - (len / SPREAD).leading_zeros()).min(MAX_SUB_BITS);
    let starts = &mut scratch.starts;
    starts.clear();
    starts.resize((1 << bits) + 1, 0);
    for s in slices() {
        for &x in s {
            starts[x.sub(bits) + 1] += 1;
        }
    }
    for k in 0..1 << bits {
        starts[k + 1] += starts[k];
    }
    if scratch.occ.len() < len {
        scratch.occ.resize(len, K::default());
    }
    let occ = &mut scratch.occ[..len];
    for s in slices() {
        for &x in s {
            let k = x.sub(bits);
            occ[starts[k]] = x;
            starts[k] += 1;
        }
    }
    // `starts[k]` is now the end of piece k.
    let mut from = 0;
    for &end in &starts[..1 << bits] {
        if end - from > BIG_PIECE {
            occ[from..end].sort_unstable();
        }
        from = end;
    }
    for i in 1..occ.len() {
        let x = occ[i];
        if x < occ[i - 1] {
            let mut j = i;
            while j > 0 && x < occ[j - 1] {
                occ[j] = occ[j - 1];
                j -= 1;
            }
            occ[j] = x;
        }
    }
    len
}

/// Call `f` on each shingle's run in range `p` of every chunk, in shingle order: its
/// `(shingle, unit, count)` entries, one per unit, sorted by unit.
pub(crate) fn range_runs<K: Occurrence>(
    chunks: &[Chunk<K>],
    p: usize,
    scratch: &mut Scratch<K>,
    mut f: impl FnMut(&[Entry]),
) {
    let len = sorted_range(chunks, p, scratch);
    let (occ, run) = (&scratch.occ[..len], &mut scratch.run);
    let mut i = 0;
    while i < occ.len() {
        let first = occ[i];
        let h = first.shingle(p);
        if occ.get(i + 1).is_none_or(|x| x.shingle(p) != h) {
            // Most shingles occur once.
            f(&[(h, first.unit(), 1)]);
            i += 1;
            continue;
        }
        run.clear();
        run.push((h, first.unit(), 1));
        i += 1;
        while i < occ.len() && occ[i].shingle(p) == h {
            let u = occ[i].unit();
            match run.last_mut() {
                Some(last) if last.1 == u => last.2 += 1,
                _ => run.push((h, u, 1)),
            }
            i += 1;
        }
        f(run);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn packed_order_is_shingle_unit_order(
            xs in prop::collection::vec((any::<u64>(), 0u32..256), 0..50),
            bits in 0u32..=16,
        ) {
            for &(h, u) in &xs {
                let k = u64::pack(h, u);
                prop_assert_eq!(k.shingle(range_of(h)), h);
                prop_assert_eq!(k.unit(), u);
                prop_assert_eq!(k.sub(bits), <(u64, u32)>::pack(h, u).sub(bits));
            }
            for &(a, ua) in &xs {
                for &(b, ub) in &xs {
                    let b = (b & !(0xFF << 56)) | (a & (0xFF << 56)); // same range
                    prop_assert_eq!(u64::pack(a, ua).cmp(&u64::pack(b, ub)), (a, ua).cmp(&(b, ub)));
                    if (a, ua) <= (b, ub) {
                        prop_assert!(u64::pack(a, ua).sub(bits) <= u64::pack(b, ub).sub(bits));
                    }
                }
            }
        }
    }

    /// Every run of every range, as `(shingle, unit, count)`.
    fn all_runs<K: Occurrence>(texts: &[&str], unit: &[u32], threads: Threads) -> Vec<Entry> {
        let cs = chunks::<K, _>(texts, unit, 2, threads);
        let mut out = Vec::new();
        let mut scratch = Scratch::default();
        for p in 0..PARTS {
            range_runs(&cs, p, &mut scratch, |run| out.extend_from_slice(run));
        }
        out
    }

    #[test]
    fn runs_are_sorted_aggregated_occurrences() {
        let texts = ["a b c a b c a b", "b c a b", "", "x", "a b c a b c a b"];
        let unit = [3u32, 1, 0, 2, 1];
        let th = TokenHasher::default();
        let mut want: Vec<Entry> = Vec::new();
        for (t, &u) in texts.iter().zip(&unit) {
            for_each_shingle(&th.hashes(t), 2, |h| want.push((h, u, 1)));
        }
        want = crate::overlap::partial::aggregate(want);
        assert_eq!(all_runs::<u64>(&texts, &unit, Threads::Serial), want);
        assert_eq!(
            all_runs::<(u64, u32)>(&texts, &unit, Threads::Count(2)),
            want
        );
    }
}
