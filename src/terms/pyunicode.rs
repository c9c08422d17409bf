//! Python's Unicode semantics for the characters scikit-learn's analyzers depend on.
//!
//! scikit-learn tokenises with Python's `re` (`\w` is `str.isalnum()` or `_`, `\s` is
//! `str.isspace()`) after `str.lower()`. Rust's `char` methods follow a different Unicode
//! version and different definitions (`char::is_alphanumeric` includes combining vowel signs,
//! which `\w` does not), so the tables here are generated from Python itself by
//! `scripts/gen_pyunicode.py` (see [`UNIDATA_VERSION`]). ASCII takes table-free fast paths.

#[path = "pyunicode_tables.rs"]
mod tables;

pub use tables::UNIDATA_VERSION;

#[inline]
fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    table
        .binary_search_by(|&(a, b)| {
            if b < cp {
                std::cmp::Ordering::Less
            } else if a > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Unassigned in Python's Unicode database (category `Cn`): Python's NFKD and
/// `unicodedata.combining` leave such characters alone.
#[inline]
pub fn is_unassigned(c: char) -> bool {
    !c.is_ascii() && in_ranges(tables::UNASSIGNED, c)
}

/// Python's `re` `\w` for `str` patterns: `c.isalnum() or c == "_"`.
#[inline]
pub fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        in_ranges(tables::WORD, c)
    }
}

/// Python's `re` `\s` for `str` patterns, and `str.isspace()`.
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(
            c,
            ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r' | '\x1c'..='\x1f'
        )
    } else {
        in_ranges(tables::SPACE, c)
    }
}

fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_ranges(tables::CASED, c)
    }
}

fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\'' | '.' | ':' | '^' | '`')
    } else {
        in_ranges(tables::CASE_IGNORABLE, c)
    }
}

/// Python's `str.lower()` of `text`, appended to `out` (full mappings and the Greek final
/// sigma rule, as CPython implements them).
pub fn lower_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
        return;
    }
    for (i, c) in text.char_indices() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == '\u{3A3}' {
            out.push(if final_sigma(text, i) { 'ς' } else { 'σ' });
        } else if let Ok(k) = tables::LOWER.binary_search_by_key(&(c as u32), |&(a, _)| a) {
            out.push(char::from_u32(tables::LOWER[k].1).unwrap_or(c));
        } else if let Ok(k) = tables::LOWER_MULTI.binary_search_by_key(&(c as u32), |&(a, _)| a) {
            out.push_str(tables::LOWER_MULTI[k].1);
        } else {
            out.push(c);
        }
    }
}

/// CPython's `handle_capital_sigma`: the sigma at byte `i` is final when preceded by a cased
/// letter (skipping case-ignorable characters) and not followed by one.
fn final_sigma(text: &str, i: usize) -> bool {
    let before = text[..i].chars().rev().find(|&c| !is_case_ignorable(c));
    if !before.is_some_and(is_cased) {
        return false;
    }
    let after = text[i + 'Σ'.len_utf8()..]
        .chars()
        .find(|&c| !is_case_ignorable(c));
    !after.is_some_and(is_cased)
}

/// Python's `str.lower()` as a new string.
pub fn lower(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    lower_into(text, &mut s);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_chars_follow_python() {
        assert!(is_word('_') && is_word('é') && is_word('ª') && is_word('²') && is_word('٣'));
        // Combining marks are not `\w` in Python (they are alphabetic for Rust).
        assert!(!is_word('\u{301}') && !is_word('\u{93E}'));
        assert!(is_space('\u{85}') && is_space('\u{3000}') && !is_space('\u{200B}'));
    }

    #[test]
    fn lower_follows_python() {
        assert_eq!(lower("ΟΔΟΣ ΟΔΟΣ."), "οδος οδος.");
        assert_eq!(lower("İstanbul"), "i\u{307}stanbul");
        assert_eq!(lower("Σ"), "σ");
        assert_eq!(lower("ÀB"), "àb");
    }
}
