#![no_main]
//! quotes and quote clusters: spans ordered, inside the text, on char boundaries; speakers are
//! non-empty; every quote gets exactly one cluster; thread-count invariance.
use libfuzzer_sys::fuzz_target;
use presslens::parallel::Threads;
use presslens::quotes::{quote_clusters, quotes, quotes_many, ClusterInput, ClusterOptions};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let s = common::text(data);
    let found = quotes(&s);
    for q in &found {
        common::check_span(&s, q.start, q.end);
        if let Some(who) = &q.speaker {
            assert!(!who.trim().is_empty(), "empty speaker");
        }
    }
    let docs = common::documents(data);
    let serial = quotes_many(&docs, Threads::Serial);
    assert_eq!(
        serial,
        quotes_many(&docs, Threads::Count(2)),
        "thread count changed quotes"
    );
    let inputs: Vec<ClusterInput> = serial
        .iter()
        .enumerate()
        .flat_map(|(d, qs)| {
            let text = &docs[d];
            qs.iter().map(move |q| ClusterInput {
                doc: d,
                text: &text[q.start..q.end],
                speaker: q.speaker.as_deref(),
            })
        })
        .collect();
    let opts = ClusterOptions::default();
    let ids = quote_clusters(&inputs, &opts, Threads::Serial).expect("valid options");
    assert_eq!(ids.len(), inputs.len(), "a quote without a cluster");
    let pooled = quote_clusters(&inputs, &opts, Threads::Count(2)).expect("valid options");
    assert_eq!(ids, pooled, "thread count changed clusters");
});
