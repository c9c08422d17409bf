//! Golden cases shared with pytest (tests/cases/*.toml).
//!
//! `sentences`: every case of tests/cases/sentences.toml is split with `split_sentences`; the
//! per-category and overall pass rates are printed, every failing case is shown, and the test
//! fails below 98.5 % overall.
//!
//! An ignored throughput benchmark runs with
//! `PRESSLENS_BENCH_JSONL=/path/articles.jsonl cargo test --release --test cases -- --ignored --nocapture`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use presslens::text::{sentence_spans, split_sentences, Language};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct SentenceCase {
    name: String,
    category: String,
    language: String,
    text: String,
    sentences: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct SentenceFile {
    case: Vec<SentenceCase>,
}

const THRESHOLD: f64 = 98.5;

fn cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("cases")
}

fn language(name: &str) -> Language {
    Language::ALL
        .into_iter()
        .find(|l| l.name() == name)
        .unwrap_or_else(|| panic!("unknown language {name:?}"))
}

fn load_sentence_cases() -> Vec<SentenceCase> {
    let path = cases_dir().join("sentences.toml");
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file: SentenceFile =
        toml::from_str(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    file.case
}

#[test]
fn sentence_cases_are_well_formed() {
    let cases = load_sentence_cases();
    assert!(cases.len() >= 120, "only {} cases", cases.len());
    let mut names = std::collections::HashSet::new();
    for c in &cases {
        assert!(
            names.insert(c.name.as_str()),
            "duplicate case name {}",
            c.name
        );
        assert!(!c.category.is_empty(), "{}: empty category", c.name);
        language(&c.language);
        // Expected sentences must be trimmed, non-empty and cover the text's non-space chars.
        let expected: String = c
            .sentences
            .concat()
            .chars()
            .filter(|ch| !ch.is_whitespace())
            .collect();
        let text: String = c.text.chars().filter(|ch| !ch.is_whitespace()).collect();
        assert_eq!(
            expected, text,
            "{}: sentences do not cover the text",
            c.name
        );
        for s in &c.sentences {
            assert!(
                !s.is_empty() && s.trim() == s,
                "{}: untrimmed sentence {s:?}",
                c.name
            );
        }
    }
}

#[test]
fn sentence_cases() {
    let cases = load_sentence_cases();
    let mut per_category: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for c in &cases {
        let lang = language(&c.language);
        let got = split_sentences(&c.text, lang);
        // The spans must agree with the slices.
        let spans = sentence_spans(&c.text, lang);
        let from_spans: Vec<&str> = spans.iter().map(|&(s, e)| &c.text[s..e]).collect();
        assert_eq!(
            got, from_spans,
            "{}: split_sentences and sentence_spans disagree",
            c.name
        );
        let ok = got == c.sentences;
        let entry = per_category.entry(c.category.as_str()).or_default();
        entry.1 += 1;
        if ok {
            entry.0 += 1;
        } else {
            failures.push(format!(
                "FAIL {} [{}/{}]\n  text:     {:?}\n  expected: {:?}\n  got:      {:?}",
                c.name, c.category, c.language, c.text, c.sentences, got
            ));
        }
    }
    println!("sentence cases per category:");
    for (cat, (pass, total)) in &per_category {
        println!(
            "  {cat:<18} {pass:>3}/{total:<3} {:6.1}%",
            100.0 * *pass as f64 / *total as f64
        );
    }
    let passed = cases.len() - failures.len();
    let rate = 100.0 * passed as f64 / cases.len() as f64;
    println!(
        "overall: {passed}/{} = {rate:.1}% (threshold {THRESHOLD}%)",
        cases.len()
    );
    for f in &failures {
        println!("{f}");
    }
    assert!(
        rate >= THRESHOLD,
        "sentence pass rate {rate:.1}% is below {THRESHOLD}%"
    );
}

/// Single-threaded throughput of `sentence_spans` on the concatenated texts of a JSONL file
/// (one object per line with a "text" field). Needs `PRESSLENS_BENCH_JSONL`.
#[test]
#[ignore = "benchmark; needs PRESSLENS_BENCH_JSONL"]
fn sentence_throughput() {
    let Ok(path) = std::env::var("PRESSLENS_BENCH_JSONL") else {
        println!("PRESSLENS_BENCH_JSONL not set; skipping");
        return;
    };
    let raw = std::fs::read_to_string(&path).expect("read corpus");
    let mut corpus = String::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        corpus.push_str(&json_text(line));
        corpus.push_str("\n\n");
    }
    let mb = corpus.len() as f64 / 1e6;
    let mut best = f64::MAX;
    let mut sentences = 0;
    for _ in 0..10 {
        let t = std::time::Instant::now();
        sentences = sentence_spans(&corpus, Language::English).len();
        best = best.min(t.elapsed().as_secs_f64());
    }
    // PRESSLENS_BENCH_SAMPLE=n prints n suspicious sentences of each kind for eyeballing:
    // very short ones (possible false splits) and ones with ". " inside (possible misses).
    if let Some(n) = std::env::var("PRESSLENS_BENCH_SAMPLE")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        let all = split_sentences(&corpus, Language::English);
        let short = all.iter().filter(|s| s.len() < 25 && !s.contains('\n'));
        for s in short.step_by(97).take(n) {
            println!("SHORT {s:?}");
        }
        let inner = all
            .iter()
            .filter(|s| s.trim_end_matches('.').contains(". "));
        for s in inner.step_by(13).take(n) {
            println!("INNER {s:?}");
        }
    }
    println!(
        "sentence_spans: {mb:.1} MB, {sentences} sentences, best {:.1} ms, {:.0} MB/s",
        best * 1e3,
        mb / best
    );
}

/// Minimal extraction of the "text" string of a JSON object (no JSON dev-dependency).
fn json_text(line: &str) -> String {
    let key = "\"text\": \"";
    let start = line.find(key).map(|i| i + key.len()).expect("text field");
    let mut out = String::new();
    let mut chars = line[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let code = u32::from_str_radix(&hex, 16).unwrap_or(0xfffd);
                    out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                }
                Some(other) => out.push(other),
                None => break,
            },
            c => out.push(c),
        }
    }
    out
}
