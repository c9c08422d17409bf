//! Dump the removals of `clean` (or `clean_many` with `--many`) for NUL-separated texts, one
//! line per text: `start end reason;start end reason;...` (byte offsets). Used to score rule
//! changes on the truth files without rebuilding the Python wheel.
//!
//! `cargo run --release --example clean_dump -- FILE [--many OUTLETS_FILE]`

use presslens::clean::{clean, clean_many, CleanOptions};
use presslens::parallel::Threads;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = std::fs::read_to_string(&args[0]).expect("readable UTF-8 file");
    let texts: Vec<&str> = data.split('\0').collect();
    let opts = CleanOptions::default();
    let out = if args.get(1).map(String::as_str) == Some("--many") {
        let outlets = std::fs::read_to_string(&args[2]).expect("outlets file");
        let outlets: Vec<&str> = outlets.split('\0').collect();
        clean_many(&texts, &outlets, &opts, true, Threads::Serial)
    } else {
        texts.iter().map(|t| clean(t, &opts)).collect()
    };
    for c in out {
        let spans: Vec<String> = c
            .removed
            .iter()
            .map(|r| format!("{} {} {}", r.start, r.end, r.reason.as_str()))
            .collect();
        println!("{}", spans.join(";"));
    }
}
