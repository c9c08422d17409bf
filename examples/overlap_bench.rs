//! Rust-only harness for `overlap_matrix` by outlet (no Python), for timing and for
//! `valgrind --tool=callgrind` instruction counts.
//!
//! `cargo run --release --example overlap_bench -- FILE [MEASURE] [REPEATS] [THREADS]`: FILE
//! holds records separated by NUL bytes, each `outlet<TAB>text`; MEASURE is `containment`,
//! `jaccard`, `cosine` or `all`. Prints a checksum of each matrix and, with REPEATS > 1, the
//! median wall time and MB/s of the texts. The `bits` fingerprint changes when any
//! value changes in any bit.

use std::collections::BTreeMap;
use std::time::Instant;

use presslens::overlap::{overlap_matrix, Measure};
use presslens::parallel::Threads;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: overlap_bench FILE [MEASURE] [REPEATS] [THREADS]");
    let which = args.next().unwrap_or_else(|| "all".to_string());
    let repeats: usize = args.next().map_or(1, |s| s.parse().expect("repeats"));
    let threads: usize = args.next().map_or(1, |s| s.parse().expect("threads"));
    let data = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let mut outlets: BTreeMap<&str, u32> = BTreeMap::new();
    let mut texts: Vec<&str> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    for rec in data.split('\0') {
        let (o, t) = rec.split_once('\t').unwrap_or(("", rec));
        outlets.insert(o, 0);
        names.push(o);
        texts.push(t);
    }
    for (i, v) in outlets.values_mut().enumerate() {
        *v = i as u32;
    }
    let units: Vec<u32> = names.iter().map(|o| outlets[o]).collect();
    let n = outlets.len();
    let mb = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    let t = if threads == 1 {
        Threads::Serial
    } else {
        Threads::Count(threads)
    };
    let measures: Vec<Measure> = if which == "all" {
        vec![Measure::Containment, Measure::Jaccard, Measure::Cosine]
    } else {
        vec![Measure::parse(&which).expect("measure")]
    };
    for m in measures {
        let mut times = Vec::with_capacity(repeats);
        let mut sum = 0.0;
        let mut bits = 0u64;
        for _ in 0..repeats.max(1) {
            let t0 = Instant::now();
            let v = overlap_matrix(&texts, &units, n, m, 5, t).expect("matrix");
            times.push(t0.elapsed().as_secs_f64());
            sum = v.iter().sum::<f64>();
            bits = v.iter().fold(0u64, |h, x| {
                (h ^ x.to_bits()).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            });
        }
        times.sort_by(f64::total_cmp);
        let med = times[times.len() / 2];
        println!(
            "{m:?}: {n} outlets, checksum {sum:.12} bits {bits:016x}, median of {repeats}: {:.1} ms, {:.1} MB/s",
            med * 1e3,
            mb / med
        );
    }
}
