//! Instruction-count harness for the text kernels (run under `valgrind --tool=callgrind`).
//!
//! `cargo run --release --example scan -- FILE [tokens|sentences|scan]`: FILE holds documents
//! separated by NUL bytes; prints the total count.

use presslens::text::{count_tokens, raw_scan, sentence_spans, Language};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: scan FILE [tokens|sentences|scan]");
    let what = args.next().unwrap_or_else(|| "tokens".to_string());
    let data = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let total: usize = data
        .split('\0')
        .map(|doc| match what.as_str() {
            "tokens" => count_tokens(doc),
            "sentences" => sentence_spans(doc, Language::English).len(),
            _ => raw_scan(doc),
        })
        .sum();
    println!("{what}: {total}");
}
