//! Instruction-count harness for the term-counting core (run under `valgrind --tool=callgrind`).
//!
//! `cargo run --release --example terms_core -- FILE [REPEATS] [NGRAM_MAX] [THREADS]`: FILE holds documents
//! separated by NUL bytes; counts them with the default scikit-learn analyzer on one thread (or THREADS)
//! (`count_docs`, the heart of `TfidfVectorizer.fit_transform`), prints the vocabulary size and
//! the number of stored entries, and with REPEATS > 1 the median wall time of that many passes.

use std::time::Instant;

use presslens::parallel::Threads;
use presslens::terms::{count_docs, SkAnalyzer};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: terms_core FILE [REPEATS] [NGRAM_MAX] [THREADS]");
    let repeats: usize = args.next().map_or(1, |s| s.parse().expect("repeats"));
    let hi: usize = args.next().map_or(1, |s| s.parse().expect("ngram max"));
    let threads = match args.next().map(|s| s.parse::<usize>().expect("threads")) {
        None | Some(0 | 1) => Threads::Serial,
        Some(n) => Threads::Count(n),
    };
    let data = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let docs: Vec<&str> = data.split('\0').collect();
    let analyzer = SkAnalyzer {
        ngram_range: (1, hi),
        ..SkAnalyzer::default()
    };
    let run = || {
        let c = count_docs(threads, &docs, &analyzer);
        let nnz: usize = c.parts.iter().map(|p| p.ids.len()).sum();
        (c.vocab.len(), nnz)
    };
    let mut times = Vec::with_capacity(repeats);
    let mut out = (0, 0);
    for _ in 0..repeats.max(1) {
        let t = Instant::now();
        out = run();
        times.push(t.elapsed().as_secs_f64());
    }
    println!("vocabulary {} entries {}", out.0, out.1);
    if repeats > 1 {
        times.sort_by(f64::total_cmp);
        println!("median {:.1} ms", times[times.len() / 2] * 1000.0);
    }
}
