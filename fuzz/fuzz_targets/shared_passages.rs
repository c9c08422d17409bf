#![no_main]
//! shared_passages and reuse: spans inside their documents, shares in [0, 1], thread-count
//! invariance.
use libfuzzer_sys::fuzz_target;
use presslens::overlap::{reuse, shared_passages, AlignOptions};
use presslens::parallel::Threads;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let docs = common::documents(data);
    let opts = AlignOptions {
        min_words: 3,
        max_gap: 2,
        ..AlignOptions::default()
    };
    let passages = shared_passages(&docs, &opts, Threads::Serial).expect("valid options");
    let pooled = shared_passages(&docs, &opts, Threads::Count(2)).expect("valid options");
    assert_eq!(passages, pooled, "thread count changed the result");
    for p in &passages {
        assert!(p.doc_a < docs.len() && p.doc_b < docs.len() && p.doc_a != p.doc_b);
        common::check_span(&docs[p.doc_a], p.span_a.0, p.span_a.1);
        common::check_span(&docs[p.doc_b], p.span_b.0, p.span_b.1);
        assert!(p.words >= opts.min_words);
    }
    if let Some((article, sources)) = docs.split_first() {
        let r = reuse(article, sources, &Default::default(), Threads::Serial).expect("defaults");
        assert!(
            (0.0..=1.0).contains(&r.share) && (0.0..=r.share + 1e-12).contains(&r.verbatim_share)
        );
        for p in &r.passages {
            common::check_span(article, p.article_span.0, p.article_span.1);
            common::check_span(&sources[p.source], p.source_span.0, p.source_span.1);
        }
    }
});
