//! Instruction-count harness for the text kernels (run under `valgrind --tool=callgrind`).
//!
//! `cargo run --release --example scan -- FILE [tokens|spans|sentences|scan] [REPEATS]`: FILE
//! holds documents separated by NUL bytes; prints the total count (for `spans`, the total
//! length of the tokens, so every start and end offset is used), and with REPEATS > 1 the
//! median wall time of that many passes (one thread).

use std::time::Instant;

use presslens::text::{count_tokens, for_each_token, raw_scan, sentence_spans, Language};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: scan FILE [tokens|spans|sentences|scan] [REPEATS]");
    let what = args.next().unwrap_or_else(|| "tokens".to_string());
    let repeats: usize = args.next().map_or(1, |s| s.parse().expect("repeats"));
    let data = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let docs: Vec<&str> = data.split('\0').collect();
    let run = || -> usize {
        docs.iter()
            .map(|doc| match what.as_str() {
                "tokens" => count_tokens(doc),
                "spans" => {
                    let mut len = 0;
                    for_each_token(doc, |s, e| len += e - s);
                    len
                }
                "sentences" => sentence_spans(doc, Language::English).len(),
                _ => raw_scan(doc),
            })
            .sum()
    };
    let mut times = Vec::with_capacity(repeats);
    let mut total = 0;
    for _ in 0..repeats.max(1) {
        let t0 = Instant::now();
        total = run();
        times.push(t0.elapsed().as_secs_f64());
    }
    println!("{what}: {total}");
    if repeats > 1 {
        times.sort_by(f64::total_cmp);
        let med = times[times.len() / 2];
        println!(
            "median of {repeats}: {:.2} ms, {:.0} MB/s",
            med * 1e3,
            data.len() as f64 / 1e6 / med
        );
    }
}
