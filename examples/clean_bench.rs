//! Rust-only timing harness for `clean_many` (no Python): reads NUL-separated texts from a
//! file and reports MB/s, median of repeats.
//!
//! `cargo run --release --example clean_bench -- FILE [REPEATS] [THREADS]`

use std::time::Instant;

use presslens::clean::{clean_many, CleanOptions};
use presslens::parallel::Threads;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: clean_bench FILE [REPEATS] [THREADS]");
    let repeats: usize = args.next().map_or(5, |s| s.parse().expect("repeats"));
    let threads: usize = args.next().map_or(1, |s| s.parse().expect("threads"));
    let data = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let texts: Vec<&str> = data.split('\0').collect();
    let outlets: Vec<String> = (0..texts.len())
        .map(|i| format!("outlet{}", i % 20))
        .collect();
    let mb = data.len() as f64 / 1e6;
    let opts = CleanOptions::default();
    let t = if threads == 1 {
        Threads::Serial
    } else {
        Threads::Count(threads)
    };
    let mut times = Vec::new();
    let mut kept = 0;
    for _ in 0..repeats {
        let t0 = Instant::now();
        let out = clean_many(&texts, &outlets, &opts, true, t);
        times.push(t0.elapsed().as_secs_f64());
        kept = out.iter().map(|c| c.text.len()).sum::<usize>();
    }
    times.sort_by(f64::total_cmp);
    let med = times[times.len() / 2];
    println!(
        "{} texts, {mb:.2} MB, threads={threads}: median {med:.3} s = {:.1} MB/s (kept {kept} bytes)",
        texts.len(),
        mb / med
    );
}
