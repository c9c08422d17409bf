#![no_main]
//! Shingles, MinHash and LSH: similarities in [0, 1], pairs ordered, verified pairs match the
//! exact Jaccard, and results do not depend on the thread count.
use libfuzzer_sys::fuzz_target;
use presslens::overlap::{jaccard, near_duplicates, shingle_set, NearDupOptions, TokenHasher};
use presslens::parallel::Threads;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let docs = common::documents(data);
    let ngram = 1 + usize::from(data.first().copied().unwrap_or(0) % 5);
    let opts = NearDupOptions {
        threshold: 0.3,
        ngram,
        num_perm: 32,
        ..NearDupOptions::default()
    };
    let pairs = near_duplicates(&docs, &opts, Threads::Serial).expect("valid options");
    let pooled = near_duplicates(&docs, &opts, Threads::Count(2)).expect("valid options");
    assert_eq!(pairs, pooled, "thread count changed the result");
    let th = TokenHasher::default();
    let sets: Vec<Vec<u64>> = docs.iter().map(|d| shingle_set(&th, d, ngram)).collect();
    for p in &pairs {
        assert!(p.a < p.b && p.b < docs.len());
        assert!((0.0..=1.0).contains(&p.similarity));
        let exact = jaccard(&sets[p.a], &sets[p.b]);
        assert!(
            (exact - p.similarity).abs() < 1e-12,
            "verified similarity is not exact"
        );
        assert!(exact >= opts.threshold);
    }
});
