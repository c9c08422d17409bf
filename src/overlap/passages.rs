//! Passages two documents share, found by seed-and-extend alignment over word tokens.
//!
//! 1. **Anchors.** Every run of `anchor` consecutive normalised tokens is hashed. Anchors that
//!    occur more than `max_anchor_df` times in the corpus are skipped (formulaic phrases shared
//!    by everyone are not evidence of copying, and skipping them keeps the pair work bounded);
//!    every other anchor shared by two documents is a hit `(position in a, position in b)`.
//!    Hits are found by sorting anchor hashes, never by comparing all pairs of positions.
//! 2. **Extend.** From a hit, the alignment grows right and left over equal tokens. At a
//!    mismatch it re-synchronises on the nearest point (fewest skipped words) where the next
//!    [`SYNC`] tokens agree again after skipping at most `max_gap` words on either side: a
//!    changed word, an inserted or dropped short phrase. It stops when no such point exists.
//! 3. **Merge.** Hits already inside an alignment are skipped; alignments overlapping in both
//!    documents are merged. A passage is reported when it has at least `min_words` aligned
//!    (equal) words.
//!
//! Everything runs on token hashes; every hit is re-checked on the hashes of all its tokens,
//! so an anchor-hash collision cannot create a passage.

use crate::error::{Error, Result};
use crate::overlap::shingles::{shingles_of, TokenHasher, Tokens};
use crate::parallel::{self, Threads};

/// Tokens that must agree after a gap for the alignment to continue.
pub const SYNC: usize = 2;

/// Options of the aligner.
#[derive(Debug, Clone, Copy)]
pub struct AlignOptions {
    /// Fewest aligned words for a passage to be reported.
    pub min_words: usize,
    /// Most words skipped on either side at one gap.
    pub max_gap: usize,
    /// Words per anchor (0: `min(min_words, 5)`).
    pub anchor: usize,
    /// Anchors occurring more often than this in the corpus are ignored.
    pub max_anchor_df: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            min_words: 8,
            max_gap: 3,
            anchor: 0,
            max_anchor_df: 256,
        }
    }
}

impl AlignOptions {
    /// The anchor length actually used.
    pub fn anchor_len(&self) -> usize {
        if self.anchor == 0 {
            self.min_words.clamp(1, 5)
        } else {
            self.anchor.min(self.min_words.max(1))
        }
    }

    /// Check the options.
    pub fn check(&self) -> Result<()> {
        if self.min_words == 0 {
            return Err(Error::InvalidArgument(
                "min_words must be at least 1".into(),
            ));
        }
        Ok(())
    }
}

/// An alignment between token sequences `a` and `b`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    /// Token range in `a` (first aligned token to last aligned token, exclusive end).
    pub a: (usize, usize),
    /// Token range in `b`.
    pub b: (usize, usize),
    /// Exact runs `(start in a, start in b, length)`, in order.
    pub runs: Vec<(usize, usize, usize)>,
}

impl Alignment {
    /// Number of aligned (equal) words.
    pub fn words(&self) -> usize {
        self.runs.iter().map(|r| r.2).sum()
    }

    fn from_runs(mut runs: Vec<(usize, usize, usize)>) -> Alignment {
        runs.sort_unstable();
        // Clip overlaps (possible after merging) and coalesce adjacent runs.
        let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(runs.len());
        for (mut sa, mut sb, mut len) in runs {
            if let Some(&(pa, pb, pl)) = out.last() {
                let end_a = pa + pl;
                let end_b = pb + pl;
                if sa < end_a || sb < end_b {
                    let cut = (end_a.saturating_sub(sa)).max(end_b.saturating_sub(sb));
                    if cut >= len {
                        continue;
                    }
                    sa += cut;
                    sb += cut;
                    len -= cut;
                }
                if sa == pa + pl && sb == pb + pl {
                    out.last_mut().expect("non-empty").2 += len;
                    continue;
                }
            }
            if len > 0 {
                out.push((sa, sb, len));
            }
        }
        let first = out[0];
        let last = out[out.len() - 1];
        Alignment {
            a: (first.0, last.0 + last.2),
            b: (first.1, last.1 + last.2),
            runs: out,
        }
    }
}

fn resync_right(a: &[u64], b: &[u64], i: usize, j: usize, gap: usize) -> Option<(usize, usize)> {
    for total in 1..=2 * gap {
        for di in 0..=total.min(gap) {
            let dj = total - di;
            if dj > gap {
                continue;
            }
            let (x, y) = (i + di, j + dj);
            if x + SYNC <= a.len() && y + SYNC <= b.len() && a[x..x + SYNC] == b[y..y + SYNC] {
                return Some((di, dj));
            }
        }
    }
    None
}

fn resync_left(a: &[u64], b: &[u64], i: usize, j: usize, gap: usize) -> Option<(usize, usize)> {
    for total in 1..=2 * gap {
        for di in 0..=total.min(gap) {
            let dj = total - di;
            if dj > gap || di > i || dj > j {
                continue;
            }
            let (x, y) = (i - di, j - dj);
            if x >= SYNC && y >= SYNC && a[x - SYNC..x] == b[y - SYNC..y] {
                return Some((di, dj));
            }
        }
    }
    None
}

/// Grow an alignment from the equal tokens at `(pa, pb)`.
pub fn extend(a: &[u64], b: &[u64], pa: usize, pb: usize, max_gap: usize) -> Alignment {
    let mut runs = Vec::new();
    let (mut i, mut j) = (pa, pb);
    loop {
        let (si, sj) = (i, j);
        while i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        }
        if i > si {
            runs.push((si, sj, i - si));
        }
        match resync_right(a, b, i, j, max_gap) {
            Some((di, dj)) if i > si => {
                i += di;
                j += dj;
            }
            _ => break,
        }
    }
    let (mut i, mut j) = (pa, pb);
    loop {
        let (ei, ej) = (i, j);
        while i > 0 && j > 0 && a[i - 1] == b[j - 1] {
            i -= 1;
            j -= 1;
        }
        if ei > i {
            runs.push((i, j, ei - i));
        }
        match resync_left(a, b, i, j, max_gap) {
            Some((di, dj)) if ei > i || (ei == pa && ej == pb) => {
                i -= di;
                j -= dj;
            }
            _ => break,
        }
    }
    if runs.is_empty() {
        runs.push((pa, pb, 0));
    }
    Alignment::from_runs(runs)
}

fn overlaps(x: (usize, usize), y: (usize, usize)) -> bool {
    x.0 < y.1 && y.0 < x.1
}

/// Align `a` and `b` from anchor hits `(pa, pb)` (any order; each is checked on the `k`
/// token hashes it claims). Returns alignments with at least `min_words` words, sorted.
pub fn align_pair(
    a: &[u64],
    b: &[u64],
    hits: &mut [(u32, u32)],
    k: usize,
    opts: &AlignOptions,
) -> Vec<Alignment> {
    hits.sort_unstable();
    let mut found: Vec<Alignment> = Vec::new();
    for &(pa, pb) in hits.iter() {
        let (pa, pb) = (pa as usize, pb as usize);
        if pa + k > a.len() || pb + k > b.len() || a[pa..pa + k] != b[pb..pb + k] {
            continue;
        }
        let covered = found.iter().any(|al| {
            al.runs
                .iter()
                .any(|&(ra, rb, len)| pa >= ra && pa < ra + len && pb + ra == pa + rb)
        });
        if covered {
            continue;
        }
        found.push(extend(a, b, pa, pb, opts.max_gap));
    }
    // Merge alignments that overlap in both documents.
    found.sort_by_key(|x| (x.a, x.b));
    let mut merged: Vec<Alignment> = Vec::new();
    for al in found {
        if let Some(m) = merged
            .iter_mut()
            .rev()
            .find(|m| overlaps(m.a, al.a) && overlaps(m.b, al.b))
        {
            let mut runs = std::mem::take(&mut m.runs);
            runs.extend(al.runs);
            *m = Alignment::from_runs(runs);
        } else {
            merged.push(al);
        }
    }
    merged.retain(|m| m.words() >= opts.min_words);
    merged.sort_by_key(|x| (x.a, x.b));
    merged
}

/// A passage shared by documents `doc_a < doc_b`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Index of the first document.
    pub doc_a: usize,
    /// Byte span in the first document.
    pub span_a: (usize, usize),
    /// Index of the second document.
    pub doc_b: usize,
    /// Byte span in the second document.
    pub span_b: (usize, usize),
    /// Aligned (equal) words.
    pub words: usize,
}

/// Byte span of token range `r`.
pub fn byte_span(t: &Tokens, r: (usize, usize)) -> (usize, usize) {
    if r.1 <= r.0 {
        let at = t.spans.get(r.0).map_or(0, |s| s.0);
        return (at, at);
    }
    (t.spans[r.0].0, t.spans[r.1 - 1].1)
}

/// Maximal passages shared by any two of `texts`, sorted by `(doc_a, doc_b, span_a)`.
pub fn shared_passages<S: AsRef<str> + Sync>(
    texts: &[S],
    opts: &AlignOptions,
    threads: Threads,
) -> Result<Vec<Passage>> {
    opts.check()?;
    let k = opts.anchor_len();
    let th = TokenHasher::default();
    let toks: Vec<Tokens> = parallel::map(threads, texts, |t| th.tokens(t.as_ref()));
    let anchors: Vec<Vec<(u64, u32, u32)>> = parallel::map_range(threads, toks.len(), |d| {
        let t = &toks[d];
        if t.hashes.len() < k {
            return Vec::new();
        }
        let mut v: Vec<(u64, u32, u32)> = shingles_of(&t.hashes, k)
            .into_iter()
            .enumerate()
            .map(|(p, h)| (h, d as u32, p as u32))
            .collect();
        v.sort_unstable();
        v
    });
    let mut all: Vec<(u64, u32, u32)> = anchors.into_iter().flatten().collect();
    all.sort_unstable();
    let mut hits: Vec<(u32, u32, u32, u32)> = Vec::new();
    let mut s = 0;
    while s < all.len() {
        let mut e = s + 1;
        while e < all.len() && all[e].0 == all[s].0 {
            e += 1;
        }
        let run = &all[s..e];
        if run.len() <= opts.max_anchor_df && run.first().map(|x| x.1) != run.last().map(|x| x.1) {
            for x in 0..run.len() {
                for y in x + 1..run.len() {
                    if run[x].1 != run[y].1 {
                        hits.push((run[x].1, run[y].1, run[x].2, run[y].2));
                    }
                }
            }
        }
        s = e;
    }
    drop(all);
    hits.sort_unstable();
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut s = 0;
    while s < hits.len() {
        let mut e = s + 1;
        while e < hits.len() && (hits[e].0, hits[e].1) == (hits[s].0, hits[s].1) {
            e += 1;
        }
        groups.push((s, e));
        s = e;
    }
    let per_pair: Vec<Vec<Passage>> = parallel::map(threads, &groups, |&(s, e)| {
        let (da, db) = (hits[s].0 as usize, hits[s].1 as usize);
        let mut h: Vec<(u32, u32)> = hits[s..e].iter().map(|x| (x.2, x.3)).collect();
        let (ta, tb) = (&toks[da], &toks[db]);
        align_pair(&ta.hashes, &tb.hashes, &mut h, k, opts)
            .into_iter()
            .map(|al| Passage {
                doc_a: da,
                span_a: byte_span(ta, al.a),
                doc_b: db,
                span_b: byte_span(tb, al.b),
                words: al.words(),
            })
            .collect()
    });
    Ok(per_pair.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerant_alignment_with_offsets() {
        let a = "Intro text here. The minister said on Monday that the port talks would resume \
                 within weeks, not months, and that both sides had agreed. Unrelated ending.";
        let b = "Different start! The minister said on Tuesday that the port talks would resume \
                 within weeks, not months, and that both sides agreed. Another ending here.";
        let p = shared_passages(&[a, b], &AlignOptions::default(), Threads::Serial).unwrap();
        assert_eq!(p.len(), 1, "{p:?}");
        let q = &p[0];
        // "had agreed" / "agreed" is followed by different words: SYNC tokens cannot agree, so
        // the passage ends before it.
        assert_eq!(&a[q.span_a.0..q.span_a.1], "The minister said on Monday that the port talks would resume within weeks, not months, and that both sides");
        assert_eq!(&b[q.span_b.0..q.span_b.1], "The minister said on Tuesday that the port talks would resume within weeks, not months, and that both sides");
        assert_eq!(q.words, 18);
    }

    #[test]
    fn nothing_shared_and_short() {
        let p = shared_passages(
            &["a b c", "d e f", ""],
            &AlignOptions::default(),
            Threads::Serial,
        )
        .unwrap();
        assert!(p.is_empty());
    }

    #[test]
    fn thread_count_does_not_matter() {
        let base = "one two three four five six seven eight nine ten eleven twelve";
        let texts = [
            format!("x {base} y"),
            format!("{base} z"),
            format!("q r {base}"),
        ];
        let s = shared_passages(&texts, &AlignOptions::default(), Threads::Serial).unwrap();
        assert_eq!(s.len(), 3);
        for n in [2, 8] {
            assert_eq!(
                shared_passages(&texts, &AlignOptions::default(), Threads::Count(n)).unwrap(),
                s
            );
        }
    }
}
