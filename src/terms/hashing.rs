//! scikit-learn's `HashingVectorizer`: features hashed with signed 32-bit MurmurHash3
//! (seed 0) of their UTF-8 bytes; column `|h| mod n_features` (with scikit-learn's special case
//! for `h = i32::MIN`), value `+1` or `-1` by the sign of `h` when `alternate_sign`; duplicates
//! summed (explicit zeros kept), then `binary` and row normalisation.

use super::analyzer::{char_ngrams, char_wb_ngrams, AnalyzerKind, SkAnalyzer};
use super::tfidf::{normalize, Norm};
use super::vocab::{chunk_ranges, Csr};
use crate::parallel::{self, Threads};

/// Signed 32-bit MurmurHash3 (x86, 32-bit) of `data` (scikit-learn's `murmurhash3_32`).
pub fn murmur3_32(data: &[u8], seed: u32) -> i32 {
    const C1: u32 = 0xcc9e_2d51;
    const C2: u32 = 0x1b87_3593;
    let mut h = seed;
    let mut chunks = data.chunks_exact(4);
    for c in &mut chunks {
        let mut k = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        k = k.wrapping_mul(C1).rotate_left(15).wrapping_mul(C2);
        h ^= k;
        h = h.rotate_left(13).wrapping_mul(5).wrapping_add(0xe654_6b64);
    }
    let tail = chunks.remainder();
    let mut k = 0u32;
    for (i, &b) in tail.iter().enumerate() {
        k |= u32::from(b) << (8 * i);
    }
    if !tail.is_empty() {
        k = k.wrapping_mul(C1).rotate_left(15).wrapping_mul(C2);
        h ^= k;
    }
    h ^= data.len() as u32;
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^= h >> 16;
    h as i32
}

/// Options of the hashing vectorizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashOptions {
    /// Number of columns.
    pub n_features: usize,
    /// Sign features by the sign of their hash.
    pub alternate_sign: bool,
    /// Replace every stored value by 1 (after summing duplicates).
    pub binary: bool,
    /// Row normalisation.
    pub norm: Norm,
}

/// Column and sign of one feature.
#[inline]
pub fn hash_feature(f: &str, n_features: usize) -> (u32, f64) {
    let h = murmur3_32(f.as_bytes(), 0);
    let n = n_features as i64;
    let col = if h == i32::MIN {
        (2_147_483_647 - (n - 1)) % n
    } else {
        i64::from(h).abs() % n
    };
    (col as u32, if h >= 0 { 1.0 } else { -1.0 })
}

/// Call `f` on every feature string of `doc`, building word n-grams in a buffer.
pub fn for_each_feature(a: &SkAnalyzer, doc: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    let text = a.preprocess(doc, &mut buf);
    match a.kind {
        AnalyzerKind::Word => {
            let mut toks: Vec<&str> = Vec::new();
            a.for_each_token(&text, |t| {
                if !a.is_stop(t) {
                    toks.push(t);
                }
            });
            let (lo, hi) = a.ngram_range;
            if lo == 1 {
                for t in &toks {
                    f(t);
                }
            }
            let mut g = String::new();
            for n in lo.max(2)..=hi.min(toks.len()) {
                for w in toks.windows(n) {
                    g.clear();
                    for (i, t) in w.iter().enumerate() {
                        if i > 0 {
                            g.push(' ');
                        }
                        g.push_str(t);
                    }
                    f(&g);
                }
            }
        }
        AnalyzerKind::Char => char_ngrams(&text, a.ngram_range, f),
        AnalyzerKind::CharWb => char_wb_ngrams(&text, a.ngram_range, f),
    }
}

fn finish_row(pairs: &mut Vec<(u32, f64)>, opts: &HashOptions, csr: &mut Csr<f64>) {
    pairs.sort_by_key(|p| p.0);
    let start = csr.data.len();
    let mut i = 0;
    while i < pairs.len() {
        let col = pairs[i].0;
        let mut v = 0.0;
        while i < pairs.len() && pairs[i].0 == col {
            v += pairs[i].1;
            i += 1;
        }
        csr.indices.push(col as i32);
        csr.data.push(if opts.binary { 1.0 } else { v });
    }
    normalize(&mut csr.data[start..], opts.norm);
    csr.indptr.push(csr.data.len() as i64);
    pairs.clear();
}

fn concat(parts: Vec<Csr<f64>>, n_cols: usize) -> Csr<f64> {
    let mut out = Csr {
        n_cols,
        indptr: vec![0],
        ..Default::default()
    };
    for p in parts {
        let base = out.data.len() as i64;
        out.data.extend_from_slice(&p.data);
        out.indices.extend_from_slice(&p.indices);
        out.indptr.extend(p.indptr[1..].iter().map(|&x| x + base));
    }
    out
}

fn run<T: Sync>(
    threads: Threads,
    docs: &[T],
    opts: &HashOptions,
    features: impl Fn(&T, &mut dyn FnMut(&str)) + Sync + Send,
) -> Csr<f64> {
    let k = if parallel::effective_threads(threads) > 1 {
        16
    } else {
        1
    };
    let ranges = chunk_ranges(docs.len(), k);
    let parts = parallel::map(threads, &ranges, |&(a, b)| {
        let mut csr = Csr {
            indptr: vec![0],
            ..Default::default()
        };
        let mut pairs = Vec::new();
        for d in &docs[a..b] {
            features(d, &mut |f: &str| {
                pairs.push(hash_feature(f, opts.n_features));
            });
            finish_row(&mut pairs, opts, &mut csr);
        }
        csr
    });
    concat(parts, opts.n_features)
}

/// Hash `docs` with the native analyzer.
pub fn hash_docs<S: AsRef<str> + Sync>(
    threads: Threads,
    docs: &[S],
    analyzer: &SkAnalyzer,
    opts: &HashOptions,
) -> Csr<f64> {
    run(threads, docs, opts, |d, f| {
        for_each_feature(analyzer, d.as_ref(), f);
    })
}

/// Hash documents given as feature lists (the Python fallback).
pub fn hash_features<S: AsRef<str> + Sync>(
    threads: Threads,
    docs: &[Vec<S>],
    opts: &HashOptions,
) -> Csr<f64> {
    run(threads, docs, opts, |d, f| {
        for s in d {
            f(s.as_ref());
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn murmur_known_values() {
        // Values from sklearn.utils.murmurhash3_32(s, seed=0).
        assert_eq!(murmur3_32(b"", 0), 0);
        assert_eq!(murmur3_32(b"foo", 0), -156_908_512);
        assert_eq!(murmur3_32(b"hello world", 0), 1_586_663_183);
    }
}
