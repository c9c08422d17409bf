//! Greedy string tiling (GST) of one article against source texts, over normalised tokens.
//!
//! Greedy string tiling (Wise 1993; used for journalistic text reuse by Clough et al., METER,
//! 2002) covers the article with non-overlapping *tiles*: maximal runs of identical tokens
//! shared with a source, taken longest first, each article token and each source token used
//! at most once. Runs shorter than the minimum match length are not tiles.
//!
//! 1. **Candidates.** Every article position of every `min_match`-gram is indexed by hash; a
//!    source position whose `min_match`-gram is in the index and that starts a maximal run
//!    (the tokens before differ) gives one candidate, extended to its full length and checked
//!    on the tokens themselves (a hash collision cannot create a tile). A gram occurring more
//!    than [`MAX_GRAM_POSITIONS`] times in the article is skipped, which bounds the work on
//!    repetitive text (`n` copies of one word are not `n²` candidates).
//! 2. **Greedy.** Candidates come out of a max-heap, longest first (ties: article position,
//!    source, source position, so the result is deterministic). A candidate whose tokens are
//!    all unmarked becomes a tile; one that overlaps marked tokens is cut into its unmarked
//!    pieces, and the pieces of at least `min_match` tokens go back into the heap.
//! 3. **Near extension** ([`extend_near`]). Rewritten wire copy keeps short verbatim pieces
//!    (a name, "told the court") between the tiles. Next to a tile of at least `seed` tokens,
//!    or next to a tile added this way (at most `near` article
//!    tokens away, and at most `4 * near` source tokens away in the same direction, same
//!    source), any run of equal unmarked tokens becomes a tile too, except a single stop word;
//!    repeated until nothing changes. Far from every tile, short matches are chance.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use ahash::AHashMap;

use crate::overlap::shingles::shingles_of;

/// Grams occurring more often than this in the article are not used as candidates.
pub const MAX_GRAM_POSITIONS: usize = 64;

/// A tile: `len` tokens of the article from `a` equal to the tokens of source `source` from
/// `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tile {
    /// First article token.
    pub a: usize,
    /// Index of the source.
    pub source: usize,
    /// First source token.
    pub b: usize,
    /// Number of tokens.
    pub len: usize,
}

/// The tiling state: tiles and which tokens they use.
#[derive(Debug, Clone)]
pub struct Tiling {
    /// Tiles, in the order they were taken.
    pub tiles: Vec<Tile>,
    /// Article tokens inside a tile.
    pub marked: Vec<bool>,
    /// Source tokens inside a tile, per source.
    pub source_marked: Vec<Vec<bool>>,
}

impl Tiling {
    fn free(&self, s: usize, i: usize, j: usize) -> bool {
        !self.marked[i] && !self.source_marked[s][j]
    }

    fn take(&mut self, t: Tile) {
        self.marked[t.a..t.a + t.len].fill(true);
        self.source_marked[t.source][t.b..t.b + t.len].fill(true);
        self.tiles.push(t);
    }
}

type Cand = (usize, Reverse<(usize, usize, usize)>);

/// Greedy string tiling of `article` against `sources` (token hashes) with tiles of at least
/// `min_match` tokens (at least 1).
///
/// ```
/// use presslens::overlap::tiling::greedy_tiling;
/// let a = [1, 2, 3, 4, 9, 5, 6, 7];
/// let s = [5, 6, 7, 0, 1, 2, 3, 4];
/// let t = greedy_tiling(&a, &[&s[..]], 3);
/// assert_eq!(t.tiles.len(), 2);
/// assert_eq!((t.tiles[0].a, t.tiles[0].b, t.tiles[0].len), (0, 4, 4));
/// assert_eq!(t.marked, [true, true, true, true, false, true, true, true]);
/// ```
pub fn greedy_tiling(article: &[u64], sources: &[&[u64]], min_match: usize) -> Tiling {
    let k = min_match.max(1);
    let mut tiling = Tiling {
        tiles: Vec::new(),
        marked: vec![false; article.len()],
        source_marked: sources.iter().map(|s| vec![false; s.len()]).collect(),
    };
    if article.len() < k {
        return tiling;
    }
    let mut index: AHashMap<u64, Vec<u32>> = AHashMap::new();
    for (p, h) in shingles_of(article, k).into_iter().enumerate() {
        index.entry(h).or_default().push(p as u32);
    }
    let mut heap: BinaryHeap<Cand> = BinaryHeap::new();
    for (si, src) in sources.iter().enumerate() {
        if src.len() < k {
            continue;
        }
        for (j, h) in shingles_of(src, k).into_iter().enumerate() {
            let Some(ps) = index.get(&h) else { continue };
            if ps.len() > MAX_GRAM_POSITIONS {
                continue;
            }
            for &i in ps {
                let i = i as usize;
                if (i > 0 && j > 0 && article[i - 1] == src[j - 1])
                    || article[i..i + k] != src[j..j + k]
                {
                    continue;
                }
                let mut len = k;
                while i + len < article.len()
                    && j + len < src.len()
                    && article[i + len] == src[j + len]
                {
                    len += 1;
                }
                heap.push((len, Reverse((i, si, j))));
            }
        }
    }
    while let Some((len, Reverse((i, si, j)))) = heap.pop() {
        if (0..len).all(|d| tiling.free(si, i + d, j + d)) {
            tiling.take(Tile {
                a: i,
                source: si,
                b: j,
                len,
            });
            continue;
        }
        let mut d = 0;
        while d < len {
            if !tiling.free(si, i + d, j + d) {
                d += 1;
                continue;
            }
            let s = d;
            while d < len && tiling.free(si, i + d, j + d) {
                d += 1;
            }
            if d - s >= k {
                heap.push((d - s, Reverse((i + s, si, j + s))));
            }
        }
    }
    tiling
}

/// Add short tiles next to existing ones (step 3 of the module docs): runs of equal unmarked
/// tokens at most `near` article tokens from a tile of at least `seed` tokens (or from a tile
/// added this way) and at most `4 * near` source tokens from it on the same side, same source;
/// a single token is taken only when `stop[i]` is false.
pub fn extend_near(
    tiling: &mut Tiling,
    article: &[u64],
    sources: &[&[u64]],
    stop: &[bool],
    near: usize,
    seed: usize,
) {
    let wide = 4 * near;
    let mut queue: Vec<Tile> = tiling
        .tiles
        .iter()
        .filter(|t| t.len >= seed)
        .copied()
        .collect();
    while let Some(t) = queue.pop() {
        let src = sources[t.source];
        // Right of the tile.
        let (a_end, b_end) = (t.a + t.len, t.b + t.len);
        'right: for i in a_end..(a_end + near).min(article.len()) {
            for j in b_end..(b_end + wide).min(src.len()) {
                if article[i] != src[j] || !tiling.free(t.source, i, j) {
                    continue;
                }
                let mut len = 0;
                while i + len < article.len()
                    && j + len < src.len()
                    && article[i + len] == src[j + len]
                    && tiling.free(t.source, i + len, j + len)
                {
                    len += 1;
                }
                if len == 1 && stop[i] {
                    continue;
                }
                let new = Tile {
                    a: i,
                    source: t.source,
                    b: j,
                    len,
                };
                tiling.take(new);
                queue.push(new);
                break 'right;
            }
        }
        // Left of the tile.
        'left: for i in (t.a.saturating_sub(near)..t.a).rev() {
            for j in (t.b.saturating_sub(wide)..t.b).rev() {
                if article[i] != src[j] || !tiling.free(t.source, i, j) {
                    continue;
                }
                let mut len = 1;
                while len <= i
                    && len <= j
                    && article[i - len] == src[j - len]
                    && tiling.free(t.source, i - len, j - len)
                {
                    len += 1;
                }
                if len == 1 && stop[i] {
                    continue;
                }
                let new = Tile {
                    a: i + 1 - len,
                    source: t.source,
                    b: j + 1 - len,
                    len,
                };
                tiling.take(new);
                queue.push(new);
                break 'left;
            }
        }
    }
}

/// A passage: consecutive tiles of one source merged across small gaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TiledPassage {
    /// Index of the source.
    pub source: usize,
    /// Token range in the article.
    pub a: (usize, usize),
    /// Token range in the source.
    pub b: (usize, usize),
    /// Tiled tokens inside.
    pub words: usize,
}

/// Merge tiles into passages: in article order, a tile joins the previous passage when it
/// has the same source, starts at most `max_gap` article tokens after it and at most
/// `max_source_gap` source tokens after it (never before: the order is kept).
///
/// ```
/// use presslens::overlap::tiling::{merge_tiles, Tile};
/// let t = |a, b, len| Tile { a, source: 0, b, len };
/// let p = merge_tiles(&[t(0, 0, 3), t(4, 5, 3), t(20, 9, 3)], 2, 10);
/// assert_eq!(p.len(), 2);
/// assert_eq!((p[0].a, p[0].b, p[0].words), ((0, 7), (0, 8), 6));
/// ```
pub fn merge_tiles(tiles: &[Tile], max_gap: usize, max_source_gap: usize) -> Vec<TiledPassage> {
    let mut ts = tiles.to_vec();
    ts.sort_unstable();
    let mut out: Vec<TiledPassage> = Vec::new();
    for t in ts {
        if let Some(p) = out.last_mut() {
            if p.source == t.source
                && t.a >= p.a.1
                && t.a - p.a.1 <= max_gap
                && t.b >= p.b.1
                && t.b - p.b.1 <= max_source_gap
            {
                p.a.1 = t.a + t.len;
                p.b.1 = t.b + t.len;
                p.words += t.len;
                continue;
            }
        }
        out.push(TiledPassage {
            source: t.source,
            a: (t.a, t.a + t.len),
            b: (t.b, t.b + t.len),
            words: t.len,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_first_and_one_to_one() {
        // The article repeats a run the source has once: only one copy is tiled.
        let a = [1, 2, 3, 1, 2, 3, 4];
        let s = [1, 2, 3, 4];
        let t = greedy_tiling(&a, &[&s[..]], 3);
        assert_eq!(
            t.tiles,
            vec![Tile {
                a: 3,
                source: 0,
                b: 0,
                len: 4
            }]
        );
        // Two sources: each article token is used once.
        let t = greedy_tiling(&a, &[&s[..], &s[..]], 3);
        assert_eq!(t.tiles.len(), 2);
        assert!(t.marked.iter().all(|&m| m));
    }

    #[test]
    fn short_runs_and_repetition() {
        let t = greedy_tiling(&[1, 2], &[&[1, 2][..]], 3);
        assert!(t.tiles.is_empty());
        let a = vec![7u64; 5000];
        let t = greedy_tiling(&a, &[&a[..]], 3);
        // Too frequent a gram: skipped, not quadratic.
        assert!(t.tiles.is_empty());
        let t = greedy_tiling(&[], &[], 3);
        assert!(t.marked.is_empty());
    }

    #[test]
    fn near_extension_takes_short_pieces() {
        // Article: [10 11] x [1 2 3 4] y [20]; source: [10 11] q [1 2 3 4] r [20]
        let a = [10, 11, 90, 1, 2, 3, 4, 91, 20, 92, 30];
        let s = [10, 11, 80, 1, 2, 3, 4, 81, 20, 82, 83, 84, 85, 86, 87, 30];
        let mut t = greedy_tiling(&a, &[&s[..]], 3);
        assert_eq!(t.tiles.len(), 1);
        let stop = vec![false; a.len()];
        extend_near(&mut t, &a, &[&s[..]], &stop, 2, 3);
        let mut got: Vec<_> = t.tiles.iter().map(|t| (t.a, t.b, t.len)).collect();
        got.sort_unstable();
        // 30 is 2 article tokens and 7 source tokens past the tile [20]: near enough (the
        // limits are 2 and 4 * 2 = 8). Single stop words are not taken.
        assert_eq!(got, vec![(0, 0, 2), (3, 3, 4), (8, 8, 1), (10, 15, 1)]);
        let mut t = greedy_tiling(&a, &[&s[..]], 3);
        let stop = vec![true; a.len()];
        extend_near(&mut t, &a, &[&s[..]], &stop, 2, 3);
        let got: Vec<_> = t.tiles.iter().map(|t| (t.a, t.b, t.len)).collect();
        assert_eq!(got, vec![(3, 3, 4), (0, 0, 2)]);
        // Seeds shorter than `seed` are not extended.
        let mut t = greedy_tiling(&a, &[&s[..]], 3);
        extend_near(&mut t, &a, &[&s[..]], &stop, 2, 5);
        assert_eq!(t.tiles.len(), 1);
    }
}
