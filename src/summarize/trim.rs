//! Trimming that keeps every summary sentence an exact substring of its document: leading
//! datelines and agency prefixes (`WASHINGTON (AP) _ `, `BEIJING, Dec. 3 (Xinhua) -- `,
//! `UNITED NATIONS _ `) and discourse connectives (`But `, `However, `) are skipped, and the
//! last sentence of a summary can be cut at the word budget.
//!
//! ```
//! use presslens::summarize::trim::{lead_trim, cut_words};
//! let s = "OSTRAVA, Lunmark (CPA) _ The river dam broke on Monday.";
//! assert_eq!(&s[lead_trim(s)..], "The river dam broke on Monday.");
//! let t = "But the talks stalled over pay again.";
//! assert_eq!(&t[lead_trim(t)..], "the talks stalled over pay again.");
//! assert_eq!(&t[..cut_words(t, 3)], "But the talks");
//! ```

use super::analyze::Analysis;
use crate::text::for_each_token;

/// Dash tokens that end a dateline.
const DASHES: [&str; 6] = ["_", "-", "--", "---", "\u{2014}", "\u{2013}"];
/// Leading connectives that are skipped (with the white space after them).
const CONNECTIVES: [&str; 9] = [
    "But",
    "And",
    "However,",
    "Meanwhile,",
    "Moreover,",
    "Also,",
    "Still,",
    "Nevertheless,",
    "Furthermore,",
];
/// A trim never leaves fewer words than this.
pub const MIN_KEPT_WORDS: usize = 4;
/// Longest dateline, in words (the dash included).
const MAX_DATELINE_WORDS: usize = 10;

/// White-space separated words of `s` with their byte starts.
pub(super) fn word_starts(s: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let mut rest = 0usize;
    std::iter::from_fn(move || {
        let tail = &s[rest..];
        let skip = tail.len() - tail.trim_start().len();
        let from = rest + skip;
        if from >= s.len() {
            return None;
        }
        let len = s[from..]
            .find(char::is_whitespace)
            .unwrap_or(s.len() - from);
        rest = from + len;
        Some((from, &s[from..from + len]))
    })
}

fn all_caps(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | ',' | '\'' | '-' | '&'))
}

fn dateline_part(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '(')
}

/// Index of the first word after a dateline (`PLACE[, Region|Date] [(Agency)] DASH`), or 0.
fn dateline(words: &[(usize, &str)]) -> usize {
    if words.first().is_some_and(|w| DASHES.contains(&w.1)) {
        return 1;
    }
    let Some(j) = words
        .iter()
        .take(MAX_DATELINE_WORDS)
        .position(|w| DASHES.contains(&w.1))
    else {
        return 0;
    };
    let head_ok = all_caps(words[0].1) || words[0].1.starts_with('(');
    if head_ok && words[1..j].iter().all(|w| dateline_part(w.1)) {
        j + 1
    } else {
        0
    }
}

/// Bytes to skip at the head of sentence `s`: a dateline or agency prefix, then a leading
/// connective, with the white space after them; 0 when nothing is trimmed or when fewer than
/// [`MIN_KEPT_WORDS`] words would remain.
pub fn lead_trim(s: &str) -> usize {
    let words: Vec<(usize, &str)> = word_starts(s).collect();
    let mut skip = dateline(&words);
    if words.get(skip).is_some_and(|w| CONNECTIVES.contains(&w.1)) {
        skip += 1;
    }
    if skip == 0 || words.len() < skip + MIN_KEPT_WORDS {
        return 0;
    }
    words[skip].0
}

/// Byte end of the first `words` white-space separated words of `s` (all of `s`, trailing
/// white space excluded, when it has fewer).
pub fn cut_words(s: &str, words: usize) -> usize {
    let mut end = 0;
    for (start, w) in word_starts(s).take(words) {
        end = start + w.len();
    }
    end
}

/// Number of tokens in `s`.
pub fn count_tokens(s: &str) -> usize {
    let mut n = 0;
    for_each_token(s, |_, _| n += 1);
    n
}

/// Apply [`lead_trim`] to every sentence of an analysis of `texts`: starts, word counts and
/// tokens then describe the trimmed sentences.
pub fn trim_leads<S: AsRef<str>>(a: &mut Analysis, texts: &[S]) {
    for s in &mut a.sentences {
        let text = &texts[s.doc as usize].as_ref()[s.start..s.end];
        let k = lead_trim(text);
        if k == 0 {
            continue;
        }
        let head = &text[..k];
        let n_tokens = count_tokens(head).min(s.tokens.len());
        s.tokens.drain(..n_tokens);
        s.words -= head.split_whitespace().count() as u32;
        s.start += k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parallel::Threads;
    use crate::summarize::analyze;
    use crate::text::Language;

    fn trimmed(s: &str) -> &str {
        &s[lead_trim(s)..]
    }

    #[test]
    fn datelines_and_agencies() {
        assert_eq!(
            trimmed("PORT VELLA, Lunmark (CPA) _ The harbour reopened on Friday."),
            "The harbour reopened on Friday."
        );
        assert_eq!(
            trimmed("NORTHGATE, Dec. 3 (Ledger) -- Talks resumed after a week of silence."),
            "Talks resumed after a week of silence."
        );
        assert_eq!(
            trimmed("CENDRAL _ The union voted to end the strike."),
            "The union voted to end the strike."
        );
        assert_eq!(
            trimmed("_ Farmers counted their losses after the flood."),
            "Farmers counted their losses after the flood."
        );
        assert_eq!(
            trimmed("However, the mayor said the bridge would stay shut."),
            "the mayor said the bridge would stay shut."
        );
        assert_eq!(
            trimmed("LUNMARK (CPA) _ But the ferry kept sailing all week."),
            "the ferry kept sailing all week."
        );
    }

    #[test]
    fn ordinary_sentences_are_kept() {
        for s in [
            "NATO, the alliance, said the drill - a routine one - went well.",
            "The strike - now in its third week - goes on.",
            "TO MOST READERS, the budget looked dull.",
            "But not now.",
            "ANDERSON _ short one.",
            "",
            "   ",
        ] {
            assert_eq!(lead_trim(s), 0, "{s:?}");
        }
    }

    #[test]
    fn cuts_at_words() {
        let s = "  The dam broke, (at dawn) on Monday.  ";
        assert_eq!(&s[..cut_words(s, 3)], "  The dam broke,");
        assert_eq!(
            &s[..cut_words(s, 30)],
            "  The dam broke, (at dawn) on Monday."
        );
        assert_eq!(cut_words(s, 0), 0);
    }

    #[test]
    fn trimmed_analysis_matches_a_fresh_one() {
        let docs = ["OSTRAVA (CPA) _ The river dam at the old mill broke on Monday. Crews came."];
        let mut a = analyze(&docs, Language::English, Threads::Serial);
        trim_leads(&mut a, &docs);
        let s = &a.sentences[0];
        let text = &docs[0][s.start..s.end];
        assert_eq!(text, "The river dam at the old mill broke on Monday.");
        let fresh = analyze(&[text], Language::English, Threads::Serial);
        assert_eq!(s.words, fresh.sentences[0].words);
        assert_eq!(s.tokens.len(), fresh.sentences[0].tokens.len());
    }
}
