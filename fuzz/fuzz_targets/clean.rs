#![no_main]
//! clean: removals sorted, disjoint, inside the text; every visible character of the input is
//! in the body or in a removal (nothing lost unreported); batch cleaning agrees.
use libfuzzer_sys::fuzz_target;
use presslens::clean::{clean, clean_many, CleanOptions};
use presslens::parallel::Threads;
use std::collections::HashMap;

#[path = "common.rs"]
mod common;

fn visible(s: &str, counts: &mut HashMap<char, i64>, sign: i64) {
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        *counts.entry(c).or_default() += sign;
    }
}

fuzz_target!(|data: &[u8]| {
    let s = common::text(data);
    let opts = CleanOptions::default();
    let out = clean(&s, &opts);
    let mut pos = 0;
    let mut counts = HashMap::new();
    visible(&s, &mut counts, 1);
    visible(&out.text, &mut counts, -1);
    for r in &out.removed {
        common::check_span(&s, r.start, r.end);
        assert!(r.start >= pos, "removals overlap");
        pos = r.end;
        visible(&s[r.start..r.end], &mut counts, -1);
    }
    assert!(
        counts.values().all(|&n| n <= 0),
        "characters lost without a removal record"
    );
    let docs = common::documents(data);
    let outlets = vec!["x"; docs.len()];
    let serial = clean_many(&docs, &outlets, &opts, true, Threads::Serial);
    let pooled = clean_many(&docs, &outlets, &opts, true, Threads::Count(2));
    assert_eq!(serial, pooled, "thread count changed the result");
});
