//! Golden tokenizer cases shared with pytest (tests/cases/tokens.toml).

use presslens::text::{token_spans, tokenize, TokenizeOptions};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    tokens: Vec<String>,
    terms: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[test]
fn golden_token_cases() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/tokens.toml");
    let cases: Cases = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.case.len() >= 25);
    let opts = TokenizeOptions::default();
    let mut failures = Vec::new();
    for c in &cases.case {
        let got: Vec<&str> = token_spans(&c.text)
            .iter()
            .map(|&(s, e)| &c.text[s..e])
            .collect();
        if got != c.tokens {
            failures.push(format!("{}: tokens {:?} != {:?}", c.name, got, c.tokens));
        }
        if let Some(terms) = &c.terms {
            let got = tokenize(&c.text, &opts);
            if &got != terms {
                failures.push(format!("{}: terms {:?} != {:?}", c.name, got, terms));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
