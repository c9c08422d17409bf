//! Phrase cues: the words scraped boilerplate is made of, matched with one Aho-Corasick
//! automaton (ASCII case-insensitive, leftmost-longest, linear in the line length).
//!
//! Each cue says which [`Reason`] it signals, on which lines it counts ([`Scope`]) and whether
//! it opens an end-of-article block ("trigger": what follows is judged by cohesion with the
//! body).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::Reason;

/// Where a cue counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// The line is the cue and nothing else (punctuation and digits aside).
    Exact,
    /// The line starts with the cue and is short.
    Prefix,
    /// The line starts with the cue, whatever its length (`Photo: ...`, `(Reporting by`).
    Lead,
    /// The cue occurs anywhere in a short line.
    Short,
    /// Anywhere; a long line is kept when it is cohesive with the article body.
    Any,
    /// Anywhere, whatever the length (photo credits, visit counters).
    Strong,
}

/// One matched cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    pub reason: Reason,
    pub scope: Scope,
    pub trigger: bool,
}

use Reason::{
    Advertisement as Ad, Byline, Caption, Donation, Metadata, Navigation, Newsletter, Related,
    Social,
};
use Scope::{Any, Exact, Lead, Prefix, Short, Strong};

/// `(pattern, reason, scope, trigger)`. Patterns are lower-case ASCII.
const CUES: &[(&str, Reason, Scope, bool)] = &[
    // advertisements
    ("advertisement", Ad, Exact, false),
    ("advertisment", Ad, Exact, false),
    ("advertising", Ad, Exact, false),
    ("sponsored", Ad, Exact, false),
    ("ad", Ad, Exact, false),
    ("sponsored content", Ad, Short, false),
    ("paid content", Ad, Short, false),
    ("paid post", Ad, Short, false),
    ("story continues below", Ad, Short, false),
    ("article continues below", Ad, Short, false),
    ("continue reading below", Ad, Short, false),
    ("scroll to continue", Ad, Short, false),
    ("ad feedback", Ad, Short, false),
    // newsletters
    ("sign up for", Newsletter, Short, true),
    ("sign up to", Newsletter, Short, true),
    ("subscribe to", Newsletter, Short, true),
    ("subscribe now", Newsletter, Short, true),
    ("subscribe", Newsletter, Exact, true),
    ("newsletter", Newsletter, Any, true),
    ("sign up", Newsletter, Short, true),
    ("our newsletter", Newsletter, Any, true),
    ("weekly newsletter", Newsletter, Any, true),
    ("daily newsletter", Newsletter, Any, true),
    ("free newsletter", Newsletter, Any, true),
    ("in your inbox", Newsletter, Any, true),
    ("in your mailbox", Newsletter, Any, true),
    ("subscribers agree", Newsletter, Any, true),
    ("by signing up", Newsletter, Any, true),
    ("enter your email", Newsletter, Any, true),
    ("privacy policy", Newsletter, Short, false),
    // donation appeals
    ("support us", Donation, Any, true),
    ("please support", Donation, Any, true),
    ("support independent journalism", Donation, Any, true),
    ("independent journalism", Donation, Any, true),
    ("your support", Donation, Any, true),
    ("every contribution", Donation, Any, true),
    ("make a contribution", Donation, Any, true),
    ("make a donation", Donation, Any, true),
    ("we need your help", Donation, Any, true),
    ("donate", Donation, Short, true),
    ("dear reader", Donation, Short, true),
    ("dear readers", Donation, Short, true),
    ("a message from", Donation, Short, true),
    ("not ready to support", Donation, Short, true),
    ("remind me later", Donation, Short, true),
    ("become a member", Donation, Short, true),
    ("support the", Donation, Prefix, true),
    ("payment methods", Donation, Short, false),
    ("paiment methods", Donation, Short, false),
    // lists of other stories
    ("related", Related, Exact, true),
    ("related article", Related, Short, true),
    ("related stories", Related, Short, true),
    ("related story", Related, Short, true),
    ("related news", Related, Short, true),
    ("related topics", Related, Short, true),
    ("related coverage", Related, Short, true),
    ("related content", Related, Short, true),
    ("related posts", Related, Short, true),
    ("also read", Related, Short, true),
    ("read also", Related, Short, true),
    ("read more", Related, Short, true),
    ("read next", Related, Short, true),
    ("more from", Related, Prefix, true),
    ("more stories", Related, Short, true),
    ("more on this", Related, Short, true),
    ("see also", Related, Prefix, true),
    ("you may also like", Related, Short, true),
    ("you might also like", Related, Short, true),
    ("recommended for you", Related, Short, true),
    ("recommended stories", Related, Short, true),
    ("promoted stories", Related, Short, true),
    ("most read", Related, Short, true),
    ("most popular", Related, Short, true),
    ("trending now", Related, Short, true),
    ("latest news", Related, Exact, true),
    // navigation
    ("tags:", Navigation, Prefix, false),
    ("topics:", Navigation, Prefix, false),
    ("filed under", Navigation, Prefix, false),
    ("skip to", Navigation, Short, false),
    ("main menu", Navigation, Short, false),
    ("back to top", Navigation, Short, false),
    ("click here", Navigation, Short, false),
    ("quote left quote right", Navigation, Short, false),
    ("menu", Navigation, Exact, false),
    ("home", Navigation, Exact, false),
    ("search", Navigation, Exact, false),
    ("log in", Navigation, Exact, false),
    ("sign in", Navigation, Exact, false),
    ("print", Navigation, Exact, false),
    ("comments", Navigation, Exact, false),
    ("leave a comment", Navigation, Short, false),
    ("terms of use", Navigation, Short, false),
    ("terms of service", Navigation, Short, false),
    // social
    ("follow us", Social, Short, false),
    ("share this", Social, Short, false),
    ("share on", Social, Prefix, false),
    ("share via", Social, Short, false),
    ("click to share", Social, Short, false),
    ("facebook twitter", Social, Short, false),
    ("twitter facebook", Social, Short, false),
    ("whatsapp", Social, Short, false),
    ("copy link", Social, Short, false),
    // metadata
    ("source link", Metadata, Exact, true),
    ("original url", Metadata, Short, false),
    ("visit(s) today", Metadata, Strong, false),
    ("visits today", Metadata, Strong, false),
    ("all rights reserved", Metadata, Strong, false),
    ("copyright", Metadata, Prefix, false),
    // bylines (with a date or a name)
    ("published", Byline, Short, false),
    ("updated", Byline, Short, false),
    ("posted", Byline, Short, false),
    ("by ", Byline, Prefix, false),
    ("written by", Byline, Prefix, false),
    // photo captions and credits
    ("photo:", Caption, Lead, false),
    ("image:", Caption, Lead, false),
    ("credit:", Caption, Lead, false),
    ("photograph:", Caption, Lead, false),
    ("file photo", Caption, Strong, false),
    ("(reporting by", Byline, Lead, false),
    ("(editing by", Byline, Lead, false),
    ("related:", Related, Lead, true),
    ("live updates", Navigation, Prefix, false),
    ("full coverage", Related, Short, true),
    ("reader-funded", Donation, Any, true),
    ("if you enjoyed this article", Donation, Any, true),
    ("©", Metadata, Lead, false),
    ("file photo", Caption, Short, false),
    ("hide caption", Caption, Strong, false),
    ("toggle caption", Caption, Strong, false),
    ("image credits", Caption, Strong, false),
    ("image credit", Caption, Strong, false),
    ("(credit", Caption, Strong, false),
    ("(photo", Caption, Strong, false),
    ("via ap)", Caption, Strong, false),
    ("via reuters)", Caption, Strong, false),
    ("getty images", Caption, Short, false),
];

fn build(patterns: impl IntoIterator<Item = &'static str>) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns)
        .expect("the cue patterns are valid")
}

/// Every cue.
fn automaton() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| build(CUES.iter().map(|c| c.0)))
}

/// The cues that count anywhere in a long line (`Any`, `Strong`), with their index in `CUES`.
///
/// This automaton is case-sensitive and searches an ASCII-lower-cased copy of the line (the
/// patterns are lower case, so the matches are those of a case-insensitive search): without
/// case folding, aho-corasick can put a vectorised prefilter (Teddy) in front of the
/// automaton, and most of a long line is skipped instead of stepped through byte by byte.
fn long_automaton() -> &'static (AhoCorasick, Vec<usize>) {
    static AC: OnceLock<(AhoCorasick, Vec<usize>)> = OnceLock::new();
    AC.get_or_init(|| {
        let ids: Vec<usize> = (0..CUES.len())
            .filter(|&i| matches!(CUES[i].2, Scope::Any | Scope::Strong))
            .collect();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(ids.iter().map(|&i| CUES[i].0))
            .expect("the cue patterns are valid");
        (ac, ids)
    })
}

/// Length of the longest cue pattern.
fn longest() -> usize {
    static N: OnceLock<usize> = OnceLock::new();
    *N.get_or_init(|| CUES.iter().map(|c| c.0.len()).max().unwrap_or(0))
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Is the match `s..e` of `pat` a cue of this line?
fn accept(
    bytes: &[u8],
    s: usize,
    e: usize,
    pat: &Cue0,
    short: bool,
    words: usize,
    terminal: bool,
) -> bool {
    // Whole words only ("ad" must not match inside "advance").
    let left_ok = s == 0 || !is_word_byte(bytes[s - 1]) || !is_word_byte(bytes[s]);
    let right_ok = e == bytes.len() || !is_word_byte(bytes[e]) || !is_word_byte(bytes[e - 1]);
    if !left_ok || !right_ok {
        return false;
    }
    let before_clean = !bytes[..s].iter().any(u8::is_ascii_alphanumeric);
    match pat.2 {
        Scope::Exact => before_clean && !bytes[e..].iter().any(u8::is_ascii_alphabetic),
        Scope::Prefix => before_clean && short && (pat.1 != Byline || (!terminal && words <= 6)),
        Scope::Short => short && (pat.1 != Byline || bytes.iter().any(u8::is_ascii_digit)),
        Scope::Lead => before_clean,
        Scope::Any | Scope::Strong => true,
    }
}

type Cue0 = (&'static str, Reason, Scope, bool);

/// Prefer a cue that removes unconditionally over one that needs the cohesion test.
fn prefer(best: Option<Cue>, pat: &Cue0) -> Cue {
    let cue = Cue {
        reason: pat.1,
        scope: pat.2,
        trigger: pat.3,
    };
    match best {
        Some(b) if !(b.scope == Scope::Any && cue.scope != Scope::Any) => b,
        _ => cue,
    }
}

/// The strongest cue that applies to `line` (already stripped of markup), given its word
/// count and whether it ends like a sentence. `None` when no cue applies.
///
/// Short lines are searched for every cue. On a long line only `Exact` and `Lead` cues (at its
/// start: searched in a window as long as the longest cue) and `Any` and `Strong` cues (one
/// smaller automaton over the line) can count, so most of the text meets the small automaton.
///
/// `lower` is scratch space (the line lower-cased for the long-line search).
pub(crate) fn find(line: &str, words: usize, terminal: bool, lower: &mut Vec<u8>) -> Option<Cue> {
    let bytes = line.as_bytes();
    // Short-line cues count on lines of at most 12 words, and on sentence-like lines only
    // when they are very short ("Remind me later.", "Support The Moscow Times!").
    let short = words <= 12 && (!terminal || words <= 6);
    let mut best: Option<Cue> = None;
    if short {
        for m in automaton().find_iter(line) {
            let pat = &CUES[m.pattern().as_usize()];
            if accept(bytes, m.start(), m.end(), pat, short, words, terminal) {
                best = Some(prefer(best, pat));
            }
        }
    } else {
        let k = bytes
            .iter()
            .position(u8::is_ascii_alphanumeric)
            .unwrap_or(bytes.len());
        let mut win = (k + longest() + 1).min(bytes.len());
        while !line.is_char_boundary(win) {
            win += 1;
        }
        for m in automaton().find_iter(&line[..win]) {
            let pat = &CUES[m.pattern().as_usize()];
            if matches!(pat.2, Scope::Exact | Scope::Lead)
                && accept(bytes, m.start(), m.end(), pat, short, words, terminal)
            {
                best = Some(prefer(best, pat));
            }
        }
        let (ac, ids) = long_automaton();
        lower.clear();
        lower.extend_from_slice(bytes);
        lower.make_ascii_lowercase();
        for m in ac.find_iter(lower.as_slice()) {
            let pat = &CUES[ids[m.pattern().as_usize()]];
            if accept(bytes, m.start(), m.end(), pat, short, words, terminal) {
                best = Some(prefer(best, pat));
            }
        }
    }
    // A cue that only needs cohesion, on a short line, removes it outright.
    best.map(|c| {
        if c.scope == Scope::Any && short {
            Cue {
                scope: Scope::Short,
                ..c
            }
        } else {
            c
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(line: &str) -> Option<Reason> {
        let words = line.split_whitespace().count();
        let terminal = line.trim_end().ends_with(['.', '!', '?']);
        find(line, words, terminal, &mut Vec::new()).map(|c| c.reason)
    }

    #[test]
    fn patterns_are_lower_case() {
        // The long-line automaton is case-sensitive over a lower-cased line.
        for c in CUES {
            assert_eq!(c.0, c.0.to_ascii_lowercase());
        }
    }

    #[test]
    fn long_lines_match_in_any_case() {
        let line = "The paper said it relies on YOUR SUPPORT to keep reporting on the harbour \
                    and the ferries, and on every reader who gives what they can afford.";
        let words = line.split_whitespace().count();
        let cue = find(line, words, true, &mut Vec::new()).unwrap();
        assert_eq!((cue.reason, cue.scope), (Donation, Any));
    }

    #[test]
    fn exact_and_short_cues() {
        assert_eq!(reason("ADVERTISEMENT"), Some(Ad));
        assert_eq!(
            reason("Sign up for our free weekly newsletter"),
            Some(Newsletter)
        );
        assert_eq!(reason("Support The Small Town Gazette!"), Some(Donation));
        assert_eq!(reason("Related Article"), Some(Related));
        assert_eq!(reason("READ MORE"), Some(Related));
        assert_eq!(reason("Follow us on:"), Some(Social));
        assert_eq!(reason("Visited 3 times, 1 visit(s) today"), Some(Metadata));
        assert_eq!(
            reason("Harbour Daily Published 03.04.25, 09:10 AM"),
            Some(Byline)
        );
    }

    #[test]
    fn body_sentences_do_not_match() {
        assert_eq!(
            reason("The mayor said the ad campaign would continue their advance."),
            None
        );
        assert_eq!(
            reason("It was published in a local paper, officials said on Monday."),
            None
        );
        assert_eq!(
            reason("Advertising revenue fell by a third last year, the company said."),
            None
        );
        assert_eq!(reason("The report was published."), None);
    }
}
