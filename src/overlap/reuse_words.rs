//! The word-level decision of [`super::reuse()`]: which article words come from the sources.
//!
//! 1. **Alignment.** Greedy string tiling of the article against all sources (tiles of 3+
//!    normalised words, [`super::tiling::greedy_tiling`]), then the near extension
//!    ([`super::tiling::extend_near`], within [`NEAR`] article words of a tile, single stop
//!    words included): every article word gets at most one source word.
//!    Then every untiled run of 2+ words found in a source becomes a tile too (source words may
//!    be used again: articles repeat the wire's phrases), and every other untiled word found
//!    in a source a one-word tile (in the source of the nearest tile when it is there).
//! 2. **Features.** For every article word, [`WORD_FEATURES`]: the length and pass of its
//!    tile, the longest source n-gram (n <= 8) containing it, the distance to the nearest tile
//!    of the first two passes, the gap between the two such tiles around it, the share of
//!    such tiled words around it, in its sentence and in the article, the words nearby aligned
//!    to the same source at about the same offset, stop word, capital, position.
//! 3. **Decision.** A logistic regression ([`word_probability`]) gives the probability that
//!    the word is *derived* (marked `verbatim` or `rewrite`, not `new`, by the METER
//!    journalists); it was trained on the word-level annotation of METER's showbiz domain
//!    (about 21,000 words of 90 articles; `benchmarks/fit_reuse_words.py`). A word is
//!    *covered* when it is tiled, or lies in a gap between two tiles of one source, and its
//!    probability is at least [`WORD_MIN_PROBABILITY`] ([`covered`]).
//! 4. **Passages** are runs of covered words of one source, in source order, starting and
//!    ending with a tiled word ([`passages`]).

use ahash::AHashSet;

use crate::overlap::shingles::{shingles_of, Tokens};
use crate::overlap::tiling::{extend_near, greedy_tiling, Tile, Tiling};
use crate::text::{is_stop_word, sentence_spans, Language};

/// Shortest tile of the first tiling pass, in words.
pub const MIN_MATCH: usize = 3;
/// Article words around a tile searched by the near extension.
pub const NEAR: usize = 8;
/// Longest gap (article words) between two tiles whose words can be covered.
pub const MAX_GAP: usize = 12;
/// Longest source gap between two consecutive tiled words of one passage.
pub const MAX_SOURCE_GAP: usize = 30;
/// Distances are capped at this many words.
const FAR: usize = 30;
/// Half width of the window of the local tiled shares.
const WINDOW: usize = 5;
/// Longest n-gram looked up in the sources.
const MAX_GRAM: usize = 8;

/// Names of the word features, in order.
pub const WORD_FEATURES: [&str; N_WORD_FEATURES] = [
    "tile_len",
    "seed_len",
    "pass",
    "longest_gram",
    "stop",
    "capital",
    "dist_tile",
    "dist_seed",
    "gap",
    "source_gap",
    "window_tiled",
    "window_seeded",
    "sentence_tiled",
    "sentence_seeded",
    "sentence_words",
    "position",
    "article_tiled",
    "article_seeded",
    "passage_words",
    "coherent_near",
    "coherent_wide",
];

/// Number of word features.
pub const N_WORD_FEATURES: usize = 21;

/// The alignment of an article's words to the sources, and their features.
#[derive(Debug, Clone, Default)]
pub struct WordAlignment {
    /// Features of each article word ([`WORD_FEATURES`]).
    pub features: Vec<[f64; N_WORD_FEATURES]>,
    /// The source word of each tiled article word: (source, source word).
    pub source_word: Vec<Option<(usize, usize)>>,
    /// The source of each untiled article word in a gap between two tiles of one source.
    pub gap_source: Vec<Option<usize>>,
    /// Sentence index of each article word.
    pub sentence: Vec<usize>,
    /// All tiles: the first [`WordAlignment::core_tiles`] from the tiling and the near
    /// extension, then the repeated and single-word matches.
    pub tiles: Vec<Tile>,
    /// Number of tiles from the tiling and the near extension.
    pub core_tiles: usize,
    /// Article words inside those tiles.
    pub core: Vec<bool>,
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Prefix sums of a boolean vector.
fn prefix(v: &[bool]) -> Vec<usize> {
    let mut out = Vec::with_capacity(v.len() + 1);
    out.push(0);
    let mut s = 0;
    for &x in v {
        s += usize::from(x);
        out.push(s);
    }
    out
}

/// Distance from each position to the nearest `true` position (capped at [`FAR`]), and the
/// nearest `true` positions on the left and right.
fn distances(marked: &[bool]) -> (Vec<usize>, Vec<Option<usize>>, Vec<Option<usize>>) {
    let n = marked.len();
    let mut left = vec![None; n];
    let mut right = vec![None; n];
    let mut last = None;
    for i in 0..n {
        if marked[i] {
            last = Some(i);
        }
        left[i] = last;
    }
    last = None;
    for i in (0..n).rev() {
        if marked[i] {
            last = Some(i);
        }
        right[i] = last;
    }
    let dist = (0..n)
        .map(|i| {
            let l = left[i].map_or(FAR, |l| i - l);
            let r = right[i].map_or(FAR, |r| r - i);
            l.min(r).min(FAR)
        })
        .collect();
    (dist, left, right)
}

/// Length of the longest n-gram (n <= [`MAX_GRAM`]) of the article containing each word that
/// occurs in some source.
fn longest_grams(article: &[u64], sources: &[&[u64]]) -> Vec<usize> {
    let n = article.len();
    let mut out = vec![0usize; n];
    for g in 1..=MAX_GRAM.min(n) {
        let set: AHashSet<u64> = sources
            .iter()
            .filter(|s| s.len() >= g)
            .flat_map(|s| shingles_of(s, g))
            .collect();
        if set.is_empty() {
            break;
        }
        let mut any = false;
        for (p, h) in shingles_of(article, g).into_iter().enumerate() {
            if set.contains(&h) {
                any = true;
                for o in &mut out[p..p + g] {
                    *o = g;
                }
            }
        }
        if !any {
            break;
        }
    }
    out
}

/// Second tiling pass: runs of 2+ untiled article words, source words reusable (articles
/// repeat the wire's phrases).
fn repeat_pass(tiling: &mut Tiling, article: &[u64], sources: &[&[u64]]) {
    // Tiled words get a value no source word has (a hash collision would only cost a tile).
    let masked: Vec<u64> = article
        .iter()
        .enumerate()
        .map(|(i, &h)| {
            if tiling.marked[i] {
                (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD6E8_FEB8_6659_FD93
            } else {
                h
            }
        })
        .collect();
    for t in greedy_tiling(&masked, sources, 2).tiles {
        tiling.marked[t.a..t.a + t.len].fill(true);
        tiling.tiles.push(t);
    }
}

/// Third pass: every other untiled article word that occurs in a source becomes a one-word
/// tile, in the source of the nearest tile when it occurs there (at the occurrence nearest to
/// where that tile puts it), else at its first occurrence in the first source that has it.
fn single_pass(tiling: &mut Tiling, article: &[u64], sources: &[&[u64]]) {
    let n = article.len();
    let wanted: AHashSet<u64> = (0..n)
        .filter(|&i| !tiling.marked[i])
        .map(|i| article[i])
        .collect();
    if wanted.is_empty() {
        return;
    }
    let index: Vec<ahash::AHashMap<u64, Vec<usize>>> = sources
        .iter()
        .map(|s| {
            let mut m: ahash::AHashMap<u64, Vec<usize>> = ahash::AHashMap::new();
            for (j, h) in s.iter().enumerate() {
                if wanted.contains(h) {
                    m.entry(*h).or_default().push(j);
                }
            }
            m
        })
        .collect();
    // The tile nearest to each article word (before this pass).
    let mut owner: Vec<Option<usize>> = vec![None; n];
    for (k, t) in tiling.tiles.iter().enumerate() {
        owner[t.a..t.a + t.len].fill(Some(k));
    }
    let (_, left, right) = distances(&tiling.marked);
    let mut new_tiles = Vec::new();
    for i in 0..n {
        if tiling.marked[i] {
            continue;
        }
        let near = match (left[i], right[i]) {
            (Some(l), Some(r)) => Some(if i - l <= r - i { l } else { r }),
            (l, r) => l.or(r),
        };
        let mut pick = None;
        if let Some(k) = near.and_then(|w| owner[w]) {
            let t = tiling.tiles[k];
            if let Some(ps) = index[t.source].get(&article[i]) {
                let expect = (t.b + i).saturating_sub(t.a);
                // Positions are ascending: the nearest is at the insertion point or before it.
                let k = ps.partition_point(|&j| j < expect);
                let j = [k.checked_sub(1), Some(k)]
                    .into_iter()
                    .flatten()
                    .filter_map(|k| ps.get(k).copied())
                    .min_by_key(|j| j.abs_diff(expect))
                    .unwrap_or(ps[0]);
                pick = Some((t.source, j));
            }
        }
        if pick.is_none() {
            pick = index
                .iter()
                .enumerate()
                .find_map(|(s, m)| m.get(&article[i]).map(|ps| (s, ps[0])));
        }
        if let Some((source, b)) = pick {
            new_tiles.push(Tile {
                a: i,
                source,
                b,
                len: 1,
            });
        }
    }
    for t in new_tiles {
        tiling.marked[t.a] = true;
        tiling.tiles.push(t);
    }
}

/// Align `art` (tokens of `text`) to `sources` and compute the word features.
pub fn align_words(text: &str, art: &Tokens, sources: &[&[u64]]) -> WordAlignment {
    let n = art.hashes.len();
    if n == 0 {
        return WordAlignment::default();
    }
    let mut tiling: Tiling = greedy_tiling(&art.hashes, sources, MIN_MATCH);
    let seeds = tiling.tiles.len();
    let seeded = tiling.marked.clone();
    let stop: Vec<bool> = art
        .spans
        .iter()
        .map(|&(s, e)| is_stop_word(Language::English, &text[s..e]))
        .collect();
    extend_near(
        &mut tiling,
        &art.hashes,
        sources,
        &vec![false; n],
        NEAR,
        MIN_MATCH,
    );
    let near_end = tiling.tiles.len();
    let core = tiling.marked.clone();
    repeat_pass(&mut tiling, &art.hashes, sources);
    let repeat_end = tiling.tiles.len();
    single_pass(&mut tiling, &art.hashes, sources);
    let mut tile_at: Vec<Option<usize>> = vec![None; n];
    for (k, t) in tiling.tiles.iter().enumerate() {
        tile_at[t.a..t.a + t.len].fill(Some(k));
    }
    let mut source_word = vec![None; n];
    for t in &tiling.tiles {
        for d in 0..t.len {
            source_word[t.a + d] = Some((t.source, t.b + d));
        }
    }
    let pass = |k: usize| -> f64 {
        if k < seeds {
            1.0
        } else if k < near_end {
            2.0
        } else if k < repeat_end {
            3.0
        } else {
            4.0
        }
    };
    let longest = longest_grams(&art.hashes, sources);
    let (dist_tile, left, right) = distances(&core);
    let (dist_seed, _, _) = distances(&seeded);
    let pt = prefix(&core);
    let ps = prefix(&seeded);
    // Sentences.
    let mut sentence = vec![0usize; n];
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    let mut t = 0;
    for (_, e) in sentence_spans(text, Language::English) {
        let first = t;
        while t < n && art.spans[t].0 < e {
            t += 1;
        }
        if t > first {
            sentence[first..t].fill(bounds.len());
            bounds.push((first, t));
        }
    }
    if t < n {
        sentence[t..].fill(bounds.len());
        bounds.push((t, n));
    }
    // Passages of tiles merged across small gaps, for `passage_words`.
    let mut passage_words = vec![0usize; n];
    for p in crate::overlap::tiling::merge_tiles(&tiling.tiles[..near_end], 2, 10) {
        passage_words[p.a.0..p.a.1].fill(p.words);
    }
    // Words nearby aligned to the same source with about the same offset (coherent reuse, not
    // chance matches).
    let offset = |w: usize| source_word[w].map(|(s, j)| (s, j as i64 - w as i64));
    let coherent = |i: usize, half: usize, slack: i64| -> f64 {
        let Some((s, d)) = offset(i) else { return 0.0 };
        let (lo, hi) = (i.saturating_sub(half), (i + half + 1).min(n));
        (lo..hi)
            .filter(|&w| w != i && offset(w).is_some_and(|(t, e)| t == s && (e - d).abs() <= slack))
            .count() as f64
    };
    let mut gap_source = vec![None; n];
    let mut features = Vec::with_capacity(n);
    for i in 0..n {
        let tile = tile_at[i].map(|k| tiling.tiles[k]);
        let (mut gap, mut source_gap) = (0, 0);
        if !core[i] {
            (gap, source_gap) = (FAR, FAR);
            if let (Some(l), Some(r)) = (left[i], right[i]) {
                let (lt, rt) = (
                    tiling.tiles[tile_at[l].unwrap_or(0)],
                    tiling.tiles[tile_at[r].unwrap_or(0)],
                );
                if lt.source == rt.source && rt.b >= lt.b + lt.len {
                    gap = r - l - 1;
                    source_gap = rt.b - (lt.b + lt.len);
                    if tile.is_none() && gap <= MAX_GAP && source_gap <= MAX_SOURCE_GAP {
                        gap_source[i] = Some(lt.source);
                    }
                    (gap, source_gap) = (gap.min(FAR), source_gap.min(FAR));
                }
            }
        }
        let (w0, w1) = (i.saturating_sub(WINDOW), (i + WINDOW + 1).min(n));
        let (s0, s1) = bounds[sentence[i]];
        let (a, b) = art.spans[i];
        let capital = text[a..b].chars().next().is_some_and(char::is_uppercase);
        features.push([
            tile.map_or(0.0, |t| t.len as f64),
            tile.filter(|_| seeded[i]).map_or(0.0, |t| t.len as f64),
            tile_at[i].map_or(0.0, pass),
            longest[i] as f64,
            f64::from(u8::from(stop[i])),
            f64::from(u8::from(capital)),
            dist_tile[i] as f64,
            dist_seed[i] as f64,
            gap as f64,
            source_gap as f64,
            ratio(pt[w1] - pt[w0], w1 - w0),
            ratio(ps[w1] - ps[w0], w1 - w0),
            ratio(pt[s1] - pt[s0], s1 - s0),
            ratio(ps[s1] - ps[s0], s1 - s0),
            (s1 - s0) as f64,
            ratio(i, n),
            ratio(pt[n], n),
            ratio(ps[n], n),
            passage_words[i] as f64,
            coherent(i, WINDOW, 3),
            coherent(i, 3 * WINDOW, 10),
        ]);
    }
    WordAlignment {
        features,
        source_word,
        gap_source,
        sentence,
        tiles: tiling.tiles,
        core_tiles: near_end,
        core,
    }
}

// ---- word model: fitted by benchmarks/fit_reuse_words.py on METER showbiz ----------------
/// Weight of each word feature ([`WORD_FEATURES`]) in the log-odds that the word is derived.
pub const WORD_WEIGHTS: [f64; N_WORD_FEATURES] = [
    0.196_385,  // tile_len
    -0.200_959, // seed_len
    0.119_120,  // pass
    0.222_337,  // longest_gram
    -0.773_347, // stop
    0.362_920,  // capital
    0.002_282,  // dist_tile
    0.007_016,  // dist_seed
    -0.014_957, // gap
    0.015_107,  // source_gap
    1.168_127,  // window_tiled
    0.433_561,  // window_seeded
    1.685_823,  // sentence_tiled
    0.939_622,  // sentence_seeded
    -0.017_880, // sentence_words
    -1.019_405, // position
    3.945_548,  // article_tiled
    -1.876_446, // article_seeded
    0.016_674,  // passage_words
    0.175_311,  // coherent_near
    0.050_589,  // coherent_wide
];
/// Constant term of the word log-odds.
pub const WORD_BIAS: f64 = -2.720_072;
/// A tiled or gap word at or above this probability is covered.
pub const WORD_MIN_PROBABILITY: f64 = 0.48;
// -------------------------------------------------------------------------------------------

/// Probability that a word with these features is derived from the sources (logistic).
pub fn word_probability(features: &[f64; N_WORD_FEATURES]) -> f64 {
    let z = WORD_BIAS
        + WORD_WEIGHTS
            .iter()
            .zip(features)
            .map(|(w, f)| w * f)
            .sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// Covered words: tiled or gap words whose probability is at least
/// [`WORD_MIN_PROBABILITY`].
pub fn covered(al: &WordAlignment, probability: &[f64]) -> Vec<bool> {
    probability
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            (al.source_word[i].is_some() || al.gap_source[i].is_some()) && p >= WORD_MIN_PROBABILITY
        })
        .collect()
}

/// A passage in word ranges: (source, article words, source words, tiled words).
pub type WordPassage = (usize, (usize, usize), (usize, usize), usize);

/// Passages from the covered words (step 4 of the module docs): in article order, a tiled
/// covered word extends the open passage when it follows it directly, has the same source and
/// its source word is at most [`MAX_SOURCE_GAP`] words after the passage's last one; a covered
/// gap word extends a passage of its source that it follows directly; any other word closes
/// the passage. Passages end on their last tiled word.
pub fn passages(al: &WordAlignment, covered: &[bool]) -> Vec<WordPassage> {
    let mut out = Vec::new();
    // (source, start, end, last tiled end, source start, source end, words)
    let mut cur: Option<(usize, usize, usize, usize, usize, usize, usize)> = None;
    let close = |c: &mut Option<(usize, usize, usize, usize, usize, usize, usize)>,
                 out: &mut Vec<WordPassage>| {
        if let Some((s, a0, _, a1, b0, b1, w)) = c.take() {
            out.push((s, (a0, a1), (b0, b1), w));
        }
    };
    for (i, &c) in covered.iter().enumerate() {
        if !c {
            close(&mut cur, &mut out);
            continue;
        }
        if let Some((s, j)) = al.source_word[i] {
            if let Some(c) = cur.as_mut() {
                if c.0 == s && c.2 == i && j >= c.5 && j - c.5 <= MAX_SOURCE_GAP {
                    (c.2, c.3, c.5, c.6) = (i + 1, i + 1, j + 1, c.6 + 1);
                    continue;
                }
            }
            close(&mut cur, &mut out);
            cur = Some((s, i, i + 1, i + 1, j, j + 1, 1));
        } else {
            match (cur.as_mut(), al.gap_source[i]) {
                (Some(c), Some(s)) if c.0 == s && c.2 == i => c.2 = i + 1,
                _ => close(&mut cur, &mut out),
            }
        }
    }
    close(&mut cur, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overlap::shingles::TokenHasher;

    #[test]
    fn features_and_passages() {
        let th = TokenHasher::default();
        let src = "the quick brown fox jumps over the lazy dog near the old river bank today";
        let art = "yesterday the quick brown fox leapt over the lazy dog near a river";
        let (a, s) = (th.tokens(art), th.tokens(src));
        let al = align_words(art, &a, &[s.hashes.as_slice()]);
        assert_eq!(al.features.len(), a.hashes.len());
        // "the quick brown fox": tile of 4 words; "yesterday": untiled, not in the sources.
        assert!((al.features[1][0] - 4.0).abs() < 1e-12);
        assert!(al.features[0][0].abs() < 1e-12 && al.features[0][2].abs() < 1e-12);
        // "leapt" lies in a gap between two tiles of source 0.
        assert_eq!(al.gap_source[5], Some(0));
        assert!((al.features[5][7] - 1.0).abs() < 1e-12);
        let all = vec![true; a.hashes.len()];
        let ps = passages(&al, &all);
        // One passage from "the" to "river": "a" is a gap word (its source word differs).
        assert_eq!(ps[0].0, 0);
        assert_eq!(ps[0].1 .0, 1);
        assert_eq!(ps.last().unwrap().1 .1, a.hashes.len());
        let none = vec![false; a.hashes.len()];
        assert!(passages(&al, &none).is_empty());
        // Gap words alone never start a passage.
        let mut gap_only = vec![false; a.hashes.len()];
        gap_only[5] = true;
        assert!(passages(&al, &gap_only).is_empty());
        let empty = align_words("", &th.tokens(""), &[s.hashes.as_slice()]);
        assert!(empty.features.is_empty());
    }
}
