//! Locality-sensitive hashing over MinHash signatures, and corpus-wide near-duplicate search.
//!
//! ## Choosing bands and rows
//! A signature of `num_perm` values is cut into `b` bands of `r` rows. Two documents with
//! Jaccard similarity `s` share at least one band with probability `P(s) = 1 - (1 - s^r)^b`.
//! [`optimal_params`] picks the `(b, r)` with `b * r <= num_perm` minimising
//! `w_fp * ∫_0^t P(s) ds + w_fn * ∫_t^1 (1 - P(s)) ds`, the weighted areas of false positives
//! and false negatives around the threshold `t`: the same objective as datasketch's
//! `_optimal_param`, integrated here with Simpson's rule (256 intervals) instead of
//! `scipy.integrate.quad`. Because candidates are verified exactly, [`NearDupOptions`] weights
//! false negatives much more (`w_fp = 0.05`, `w_fn = 0.95`) than datasketch's default
//! (0.5 / 0.5): extra candidates only cost a set intersection, missed pairs are lost. At
//! `t = 0.8`, `num_perm = 128` this gives 16 bands of 8 rows: a pair at exactly the threshold
//! is a candidate with probability 0.947, at 0.85 with 0.994 (datasketch's 9 x 13: 0.40 and
//! 0.69).
//!
//! ## Bounded buckets
//! * Documents whose shingle sets are identical are collapsed to the first of them before
//!   banding (grouped by a hash of the whole set, then compared exactly). A group of up to
//!   [`ALL_PAIRS_GROUP`] documents reports all its pairs; a larger group reports each member
//!   paired with the group's first document, so 10,000 identical documents give 9,999 pairs,
//!   not 50 million.
//! * A pair found between two groups is reported for every member of both when both groups
//!   have at most [`ALL_PAIRS_GROUP`] members, else only between their first documents.
//! * A band bucket holding more than `max_bucket` distinct documents pairs each later
//!   member only with the first `max_bucket` members (candidate work stays
//!   `O(n * max_bucket)` per band).
//!
//! Everything is deterministic: signatures do not depend on the thread count, buckets are
//! built by sorting `(band key, document)` pairs and candidate pairs are sorted.

use ahash::AHashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use crate::error::{Error, Result};
use crate::overlap::minhash::{estimate_jaccard, MinHasher};
use crate::overlap::shingles::{jaccard, mix64, shingles_of, TokenHasher};
use crate::parallel::{self, Threads};

/// Exact-duplicate groups up to this size report all their pairs.
pub const ALL_PAIRS_GROUP: usize = 64;

fn simpson(f: impl Fn(f64) -> f64, a: f64, b: f64) -> f64 {
    const N: usize = 256;
    if b <= a {
        return 0.0;
    }
    let h = (b - a) / N as f64;
    let mut s = f(a) + f(b);
    for i in 1..N {
        let w = if i % 2 == 1 { 4.0 } else { 2.0 };
        s += w * f(a + h * i as f64);
    }
    s * h / 3.0
}

/// Bands and rows minimising the weighted false positive and false negative areas around
/// `threshold` (see the module docs). Returns `(bands, rows)`.
///
/// The search integrates ~`num_perm * ln(num_perm)` curves (milliseconds at 128
/// permutations), so results are memoised per argument tuple: repeated calls on small
/// batches do not pay it again.
pub fn optimal_params(
    threshold: f64,
    num_perm: usize,
    fp_weight: f64,
    fn_weight: f64,
) -> (usize, usize) {
    type Key = (u64, usize, u64, u64);
    static MEMO: OnceLock<Mutex<AHashMap<Key, (usize, usize)>>> = OnceLock::new();
    let key = (
        threshold.to_bits(),
        num_perm,
        fp_weight.to_bits(),
        fn_weight.to_bits(),
    );
    let memo = MEMO.get_or_init(|| Mutex::new(AHashMap::new()));
    if let Some(&hit) = memo
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&key)
    {
        return hit;
    }
    let best = search_params(threshold, num_perm, fp_weight, fn_weight);
    memo.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(key, best);
    best
}

fn search_params(
    threshold: f64,
    num_perm: usize,
    fp_weight: f64,
    fn_weight: f64,
) -> (usize, usize) {
    let mut best = (1usize, 1usize);
    let mut best_err = f64::INFINITY;
    for b in 1..=num_perm {
        for r in 1..=num_perm / b {
            let (bf, ri) = (b as f64, r as i32);
            let fp = simpson(|s| 1.0 - (1.0 - s.powi(ri)).powf(bf), 0.0, threshold);
            let fnn = simpson(|s| (1.0 - s.powi(ri)).powf(bf), threshold, 1.0);
            let err = fp * fp_weight + fnn * fn_weight;
            if err < best_err {
                best_err = err;
                best = (b, r);
            }
        }
    }
    best
}

/// The key of band `band` of a signature (rows `band*r .. band*r + r`).
#[inline]
pub(crate) fn band_key(sig: &[u32], band: usize, rows: usize) -> u64 {
    let mut h = mix64(band as u64 + 1);
    for &v in &sig[band * rows..(band + 1) * rows] {
        h = mix64(h ^ u64::from(v));
    }
    h
}

fn check_threshold(threshold: f64) -> Result<()> {
    if threshold.is_finite() && threshold > 0.0 && threshold <= 1.0 {
        Ok(())
    } else {
        Err(Error::InvalidArgument(format!(
            "threshold must be in (0, 1], got {threshold}"
        )))
    }
}

fn check_ngram(ngram: usize) -> Result<()> {
    if ngram == 0 {
        Err(Error::InvalidArgument("ngram must be at least 1".into()))
    } else {
        Ok(())
    }
}

/// Options of [`near_duplicates`].
#[derive(Debug, Clone)]
pub struct NearDupOptions {
    /// Jaccard similarity (of shingle sets) at or above which two documents are reported.
    pub threshold: f64,
    /// Words per shingle.
    pub ngram: usize,
    /// MinHash permutations.
    pub num_perm: usize,
    /// Seed of the permutations.
    pub seed: u64,
    /// Verify candidates by exact Jaccard (else report the MinHash estimate of every candidate).
    pub verify: bool,
    /// Weights of false positives and false negatives when choosing bands and rows.
    pub weights: (f64, f64),
    /// Explicit `(bands, rows)`; `None` uses [`optimal_params`].
    pub params: Option<(usize, usize)>,
    /// Bucket size beyond which later members are paired only with the first ones.
    pub max_bucket: usize,
}

impl Default for NearDupOptions {
    fn default() -> Self {
        NearDupOptions {
            threshold: 0.8,
            ngram: 5,
            num_perm: 128,
            seed: 0,
            verify: true,
            weights: (0.05, 0.95),
            params: None,
            max_bucket: 200,
        }
    }
}

/// One reported pair: document indices `a < b` and their similarity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NearDupPair {
    /// Index of the first document.
    pub a: usize,
    /// Index of the second document.
    pub b: usize,
    /// Exact Jaccard similarity (or the MinHash estimate when not verified).
    pub similarity: f64,
}

/// Near-duplicate pairs of `texts`: MinHash + LSH candidates, verified exactly unless
/// `opts.verify` is false. Pairs are sorted by `(a, b)`. Documents without any token are
/// never reported.
pub fn near_duplicates<S: AsRef<str> + Sync>(
    texts: &[S],
    opts: &NearDupOptions,
    threads: Threads,
) -> Result<Vec<NearDupPair>> {
    check_threshold(opts.threshold)?;
    check_ngram(opts.ngram)?;
    let hasher = MinHasher::new(opts.num_perm, opts.seed)?;
    let (bands, rows) = opts.params.unwrap_or_else(|| {
        optimal_params(
            opts.threshold,
            opts.num_perm,
            opts.weights.0,
            opts.weights.1,
        )
    });
    if bands == 0 || rows == 0 || bands * rows > opts.num_perm {
        return Err(Error::InvalidArgument(format!(
            "bands * rows must be at most num_perm ({}), got {bands} * {rows}",
            opts.num_perm
        )));
    }
    let th = TokenHasher::default();
    // 1. Shingle sets and signatures, one document per task.
    let docs: Vec<(Vec<u64>, Vec<u32>, u64)> = parallel::map(threads, texts, |t| {
        let mut s = shingles_of(&th.hashes(t.as_ref()), opts.ngram);
        s.sort_unstable();
        s.dedup();
        let sig = hasher.signature(&s);
        let set_key = s.iter().fold(mix64(s.len() as u64), |h, &x| mix64(h ^ x));
        (s, sig, set_key)
    });
    // 2. Collapse identical shingle sets.
    let mut order: Vec<usize> = (0..docs.len()).filter(|&i| !docs[i].0.is_empty()).collect();
    order.sort_by_key(|&i| (docs[i].2, i));
    let mut reps: Vec<usize> = Vec::new();
    let mut group_of: AHashMap<usize, Vec<usize>> = AHashMap::new();
    let mut out: Vec<NearDupPair> = Vec::new();
    let mut k = 0;
    while k < order.len() {
        let mut end = k + 1;
        while end < order.len() && docs[order[end]].2 == docs[order[k]].2 {
            end += 1;
        }
        // Within a key run, split by exact set equality (hash collisions are possible).
        let mut run: Vec<usize> = order[k..end].to_vec();
        while !run.is_empty() {
            let first = run[0];
            let (same, rest): (Vec<usize>, Vec<usize>) =
                run.into_iter().partition(|&i| docs[i].0 == docs[first].0);
            reps.push(first);
            if same.len() <= ALL_PAIRS_GROUP {
                for x in 0..same.len() {
                    for y in x + 1..same.len() {
                        out.push(NearDupPair {
                            a: same[x],
                            b: same[y],
                            similarity: 1.0,
                        });
                    }
                }
            } else {
                for &m in &same[1..] {
                    out.push(NearDupPair {
                        a: first,
                        b: m,
                        similarity: 1.0,
                    });
                }
            }
            group_of.insert(first, same);
            run = rest;
        }
        k = end;
    }
    reps.sort_unstable();
    // 3. Band keys of the representatives; buckets by sorting.
    let mut keyed: Vec<(u64, u32)> = Vec::with_capacity(reps.len() * bands);
    for &r in &reps {
        let sig = &docs[r].1;
        for band in 0..bands {
            keyed.push((band_key(sig, band, rows), r as u32));
        }
    }
    keyed.sort_unstable();
    let mut cands: Vec<(u32, u32)> = Vec::new();
    let mut k = 0;
    while k < keyed.len() {
        let mut end = k + 1;
        while end < keyed.len() && keyed[end].0 == keyed[k].0 {
            end += 1;
        }
        let bucket = &keyed[k..end];
        for j in 1..bucket.len() {
            let lim = j.min(opts.max_bucket);
            for i in 0..lim {
                cands.push((bucket[i].1, bucket[j].1));
            }
        }
        k = end;
    }
    cands.sort_unstable();
    cands.dedup();
    // 4. Verify.
    let scored: Vec<Option<NearDupPair>> = parallel::map(threads, &cands, |&(a, b)| {
        let (a, b) = (a as usize, b as usize);
        let sim = if opts.verify {
            jaccard(&docs[a].0, &docs[b].0)
        } else {
            estimate_jaccard(&docs[a].1, &docs[b].1)
        };
        (!opts.verify || sim >= opts.threshold).then_some(NearDupPair {
            a,
            b,
            similarity: sim,
        })
    });
    for p in scored.into_iter().flatten() {
        let (ga, gb) = (&group_of[&p.a], &group_of[&p.b]);
        if ga.len() <= ALL_PAIRS_GROUP && gb.len() <= ALL_PAIRS_GROUP {
            for &x in ga {
                for &y in gb {
                    out.push(NearDupPair {
                        a: x.min(y),
                        b: x.max(y),
                        similarity: p.similarity,
                    });
                }
            }
        } else {
            out.push(p);
        }
    }
    out.sort_by_key(|x| (x.a, x.b));
    Ok(out)
}

/// A streaming MinHash LSH index: insert documents under string ids, query texts, merge
/// indexes built elsewhere (per chunk, per Dask partition), serialise to bytes.
#[derive(Debug, Clone)]
pub struct LshIndex {
    threshold: f64,
    ngram: usize,
    hasher: MinHasher,
    bands: usize,
    rows: usize,
    ids: Vec<String>,
    id_pos: AHashMap<String, u32>,
    /// Signatures, `num_perm` values per id (all `u32::MAX` for a text without tokens).
    sigs: Vec<u32>,
    tables: Vec<AHashMap<u64, Vec<u32>>>,
    tokens: TokenHasherBox,
}

/// `TokenHasher` is not `Debug`/`Clone`; a thin wrapper that is.
struct TokenHasherBox(TokenHasher);
impl std::fmt::Debug for TokenHasherBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenHasher")
    }
}
impl Clone for TokenHasherBox {
    fn clone(&self) -> Self {
        TokenHasherBox(TokenHasher::default())
    }
}

const FORMAT_VERSION: u8 = 1;
const MAGIC: &[u8; 4] = b"PLSH";

impl LshIndex {
    /// An empty index. Bands and rows come from [`optimal_params`] with equal weights
    /// (datasketch's default), unless `params` is given.
    pub fn new(
        threshold: f64,
        num_perm: usize,
        ngram: usize,
        seed: u64,
        params: Option<(usize, usize)>,
    ) -> Result<Self> {
        check_threshold(threshold)?;
        check_ngram(ngram)?;
        let hasher = MinHasher::new(num_perm, seed)?;
        let (bands, rows) = params.unwrap_or_else(|| optimal_params(threshold, num_perm, 0.5, 0.5));
        if bands == 0 || rows == 0 || bands * rows > num_perm {
            return Err(Error::InvalidArgument(format!(
                "bands * rows must be at most num_perm ({num_perm}), got {bands} * {rows}"
            )));
        }
        Ok(LshIndex {
            threshold,
            ngram,
            hasher,
            bands,
            rows,
            ids: Vec::new(),
            id_pos: AHashMap::new(),
            sigs: Vec::new(),
            tables: vec![AHashMap::new(); bands],
            tokens: TokenHasherBox(TokenHasher::default()),
        })
    }

    /// Threshold, num_perm, ngram, seed, bands, rows.
    pub fn config(&self) -> (f64, usize, usize, u64, usize, usize) {
        (
            self.threshold,
            self.hasher.num_perm(),
            self.ngram,
            self.hasher.seed(),
            self.bands,
            self.rows,
        )
    }

    /// Number of documents inserted.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when nothing was inserted.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The inserted ids, in insertion order.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    fn signatures<S: AsRef<str> + Sync>(&self, texts: &[S], threads: Threads) -> Vec<Vec<u32>> {
        parallel::map(threads, texts, |t| {
            let s = shingles_of(&self.tokens.0.hashes(t.as_ref()), self.ngram);
            if s.is_empty() {
                Vec::new()
            } else {
                self.hasher.signature(&s)
            }
        })
    }

    fn add(&mut self, id: String, sig: &[u32]) {
        let pos = self.ids.len() as u32;
        let np = self.hasher.num_perm();
        if sig.is_empty() {
            self.sigs.extend(std::iter::repeat_n(u32::MAX, np));
        } else {
            self.sigs.extend_from_slice(sig);
            for band in 0..self.bands {
                self.tables[band]
                    .entry(band_key(sig, band, self.rows))
                    .or_default()
                    .push(pos);
            }
        }
        self.id_pos.insert(id.clone(), pos);
        self.ids.push(id);
    }

    fn check_new_ids<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Result<()> {
        let mut seen = ahash::AHashSet::new();
        for id in ids {
            if self.id_pos.contains_key(id) || !seen.insert(id) {
                return Err(Error::InvalidArgument(format!(
                    "id {id:?} is already in the index; ids must be unique"
                )));
            }
        }
        Ok(())
    }

    /// Insert documents. Ids must be new and unique; nothing is inserted on error.
    pub fn insert<S: AsRef<str> + Sync>(
        &mut self,
        ids: &[String],
        texts: &[S],
        threads: Threads,
    ) -> Result<()> {
        if ids.len() != texts.len() {
            return Err(Error::InvalidArgument(format!(
                "insert got {} ids and {} texts; pass one id per text",
                ids.len(),
                texts.len()
            )));
        }
        self.check_new_ids(ids.iter().map(String::as_str))?;
        let sigs = self.signatures(texts, threads);
        for (id, sig) in ids.iter().zip(&sigs) {
            self.add(id.clone(), sig);
        }
        Ok(())
    }

    /// For each text, the ids sharing at least one band with it, with their estimated Jaccard
    /// similarity, most similar first (ties in insertion order). A text without tokens has no
    /// candidates.
    pub fn query<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        threads: Threads,
    ) -> Vec<Vec<(String, f64)>> {
        let sigs = self.signatures(texts, threads);
        let np = self.hasher.num_perm();
        parallel::map(threads, &sigs, |sig| {
            if sig.is_empty() {
                return Vec::new();
            }
            let mut hits: Vec<u32> = Vec::new();
            for band in 0..self.bands {
                if let Some(v) = self.tables[band].get(&band_key(sig, band, self.rows)) {
                    hits.extend_from_slice(v);
                }
            }
            hits.sort_unstable();
            hits.dedup();
            let mut scored: Vec<(u32, f64)> = hits
                .into_iter()
                .map(|p| {
                    let s = &self.sigs[p as usize * np..(p as usize + 1) * np];
                    (p, estimate_jaccard(sig, s))
                })
                .collect();
            scored.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            scored
                .into_iter()
                .map(|(p, s)| (self.ids[p as usize].clone(), s))
                .collect()
        })
    }

    /// Add every document of `other` (same threshold, num_perm, ngram, seed, bands and rows
    /// required; ids must not overlap).
    pub fn merge(&mut self, other: &LshIndex) -> Result<()> {
        if self.config() != other.config() {
            return Err(Error::InvalidArgument(format!(
                "cannot merge MinHashLSH indexes with different settings: {:?} vs {:?} \
                 (threshold, num_perm, ngram, seed, bands, rows)",
                self.config(),
                other.config()
            )));
        }
        self.check_new_ids(other.ids.iter().map(String::as_str))?;
        let np = self.hasher.num_perm();
        for (i, id) in other.ids.iter().enumerate() {
            let sig = &other.sigs[i * np..(i + 1) * np];
            if sig.iter().all(|&v| v == u32::MAX) {
                self.add(id.clone(), &[]);
            } else {
                self.add(id.clone(), sig);
            }
        }
        Ok(())
    }

    /// Serialise: `PLSH`, a version byte, the settings, then ids and signatures
    /// (little-endian). Buckets are rebuilt on load.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.sigs.len() * 4 + self.ids.len() * 16);
        out.extend_from_slice(MAGIC);
        out.push(FORMAT_VERSION);
        out.extend_from_slice(&self.threshold.to_le_bytes());
        for v in [
            self.hasher.num_perm() as u64,
            self.ngram as u64,
            self.hasher.seed(),
            self.bands as u64,
            self.rows as u64,
            self.ids.len() as u64,
        ] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for id in &self.ids {
            out.extend_from_slice(&(id.len() as u64).to_le_bytes());
            out.extend_from_slice(id.as_bytes());
        }
        for &s in &self.sigs {
            out.extend_from_slice(&s.to_le_bytes());
        }
        out
    }

    /// Inverse of [`Self::to_bytes`].
    pub fn from_bytes(data: &[u8]) -> Result<Self> {
        let bad = |what: &str| {
            Error::InvalidArgument(format!(
                "not a serialised MinHashLSH ({what}); use bytes from MinHashLSH.to_bytes()"
            ))
        };
        let mut r = Reader { data, pos: 0 };
        if r.take(4).ok_or_else(|| bad("too short"))? != MAGIC {
            return Err(bad("bad magic"));
        }
        let version = r.take(1).ok_or_else(|| bad("too short"))?[0];
        if version != FORMAT_VERSION {
            return Err(Error::InvalidArgument(format!(
                "MinHashLSH format version {version} is not supported by this presslens \
                 (it reads version {FORMAT_VERSION}); rebuild the index"
            )));
        }
        let threshold = f64::from_bits(r.u64().ok_or_else(|| bad("truncated"))?);
        let mut v = [0u64; 6];
        for x in &mut v {
            *x = r.u64().ok_or_else(|| bad("truncated"))?;
        }
        let [num_perm, ngram, seed, bands, rows, n] = v;
        let mut idx = LshIndex::new(
            threshold,
            num_perm as usize,
            ngram as usize,
            seed,
            Some((bands as usize, rows as usize)),
        )?;
        let mut ids = Vec::with_capacity(n.min(1 << 20) as usize);
        for _ in 0..n {
            let len = r.u64().ok_or_else(|| bad("truncated"))? as usize;
            let s = r.take(len).ok_or_else(|| bad("truncated"))?;
            ids.push(String::from_utf8(s.to_vec()).map_err(|_| bad("invalid id"))?);
        }
        let np = num_perm as usize;
        let need = (n as usize)
            .checked_mul(np * 4)
            .ok_or_else(|| bad("too large"))?;
        let raw = r.take(need).ok_or_else(|| bad("truncated"))?;
        if r.pos != data.len() {
            return Err(bad("trailing bytes"));
        }
        let sigs: Vec<u32> = raw
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        for (i, id) in ids.into_iter().enumerate() {
            let sig = &sigs[i * np..(i + 1) * np];
            if sig.iter().all(|&x| x == u32::MAX) {
                idx.add(id, &[]);
            } else {
                idx.add(id, sig);
            }
        }
        Ok(idx)
    }
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.data.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }
    fn u64(&mut self) -> Option<u64> {
        let s = self.take(8)?;
        Some(u64::from_le_bytes(s.try_into().ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_match_datasketch() {
        // datasketch.MinHashLSH(threshold=0.8, num_perm=128).b, .r == 9, 13
        assert_eq!(optimal_params(0.8, 128, 0.5, 0.5), (9, 13));
        assert_eq!(optimal_params(0.5, 128, 0.5, 0.5), (25, 5));
        assert_eq!(optimal_params(0.8, 128, 0.2, 0.8), (12, 10));
    }

    fn texts() -> Vec<String> {
        let base = "the port strike entered its third week on monday as talks between the \
                    dockers union and the shipping companies stalled again over pay";
        vec![
            base.to_string(),
            base.replace("monday", "tuesday"),
            "an entirely different story about a football final won on penalties".into(),
            base.to_string(),
            String::new(),
            "short".into(),
        ]
    }

    #[test]
    fn finds_pairs_for_any_thread_count() {
        let t = texts();
        let opts = NearDupOptions {
            threshold: 0.5,
            ..Default::default()
        };
        let serial = near_duplicates(&t, &opts, Threads::Serial).unwrap();
        let got: Vec<(usize, usize)> = serial.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(got, [(0, 1), (0, 3), (1, 3)]);
        for n in [2, 8] {
            assert_eq!(
                near_duplicates(&t, &opts, Threads::Count(n)).unwrap(),
                serial
            );
        }
    }

    #[test]
    fn identical_documents_stay_bounded() {
        let t = vec!["one two three four five six seven"; 1000];
        let pairs = near_duplicates(&t, &NearDupOptions::default(), Threads::Serial).unwrap();
        assert_eq!(pairs.len(), 999);
        assert!(pairs
            .iter()
            .all(|p| p.a == 0 && (p.similarity - 1.0).abs() < 1e-12));
    }

    #[test]
    fn index_roundtrip_and_merge() {
        let t = texts();
        let ids: Vec<String> = (0..t.len()).map(|i| format!("d{i}")).collect();
        let mut a = LshIndex::new(0.5, 64, 5, 1, None).unwrap();
        a.insert(&ids[..3], &t[..3], Threads::Serial).unwrap();
        let mut b = LshIndex::new(0.5, 64, 5, 1, None).unwrap();
        b.insert(&ids[3..], &t[3..], Threads::Serial).unwrap();
        a.merge(&b).unwrap();
        assert!(a.merge(&b).is_err());
        let back = LshIndex::from_bytes(&a.to_bytes()).unwrap();
        let q = back.query(&[t[0].as_str()], Threads::Serial);
        let got: Vec<&str> = q[0].iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(got[..2], ["d0", "d3"]);
        assert!(got.contains(&"d1"));
        assert_eq!(q, a.query(&[t[0].as_str()], Threads::Serial));
        assert!(LshIndex::from_bytes(b"nope").is_err());
    }
}
