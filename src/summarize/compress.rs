//! Rule-based sentence compression (in the spirit of Zajic et al. 2007's Trimmer and the
//! CLASSY system's sentence trimming, without a parser): a compressed sentence is a list of
//! kept byte pieces of the original, so every word stays traceable to the document.
//!
//! Rules (each drops a span; the spans are merged):
//! * parentheticals `(...)` and `[...]`;
//! * trailing attributions (`..., officials said.`, `..., according to the police.`) and
//!   leading ones ending in *that* (`The mayor said on Monday that ...`, `According to X, ...`);
//! * non-restrictive relative clauses (`, who ...,` `, which ...`), inline `according to`
//!   phrases, ages (`, 45,`) and appositives after a name (`Varga, the harbour master,`);
//! * short fronted adverbials (`On Monday, `, `In a statement, `) and, through
//!   [`super::trim::lead_trim`], datelines and leading connectives;
//! * time expressions: `on Monday (night)`, `late Monday`, `last week`, `this year`,
//!   `yesterday`, a day name right after a reporting verb;
//! * full variant only: prepositional phrases between commas (`Varga, during a visit to
//!   the port, promised ...`), short attributions between commas (`, officials said,`) and a
//!   leading `X said` without *that* (`Officials said the dam broke.` → `the dam broke.`).
//!
//! [`variants`] gives a moderate variant (every rule but the last three) and a full one;
//! the summariser chooses between the original sentence and its variants (on DUC 2004 dev
//! and DUC 2002, offering both scored higher than either alone). A variant keeps at least
//! [`MIN_KEPT_WORDS`] words.
//!
//! Concatenating the pieces (each `sentence[start..end]`, in order, with nothing added)
//! gives the compressed text:
//!
//! ```
//! use presslens::summarize::compress::{compress, join};
//! let s = "The old dam, which was built in 1931, broke after rain on Monday, officials said.";
//! assert_eq!(join(s, &compress(s)), "The old dam broke after rain.");
//! ```

use super::analyze::{Analysis, Sentence};
use super::trim;
use crate::quotes::speakers::WEEKDAYS_MONTHS;
use crate::text::for_each_token;

/// A compressed sentence keeps at least this many words.
pub const MIN_KEPT_WORDS: usize = 5;
/// Longest clause between commas (in words) that a rule drops.
const MAX_CLAUSE_WORDS: usize = 12;
/// Longest trailing attribution (in words).
const MAX_ATTRIBUTION_WORDS: usize = 8;
/// Longest fronted adverbial (in words, its comma included).
const MAX_FRONTED_WORDS: usize = 5;

const REPORTING: [&str; 20] = [
    "said",
    "says",
    "say",
    "told",
    "added",
    "reported",
    "announced",
    "stated",
    "explained",
    "noted",
    "warned",
    "insisted",
    "claimed",
    "argued",
    "declared",
    "confirmed",
    "acknowledged",
    "predicted",
    "estimated",
    "according",
];
const RELATIVE: [&str; 4] = ["who", "which", "whose", "whom"];
const PREPOSITIONS: [&str; 14] = [
    "during", "in", "at", "after", "before", "despite", "under", "with", "without", "amid", "for",
    "from", "since", "by",
];
const DETERMINERS: [&str; 7] = ["the", "a", "an", "his", "her", "its", "their"];
const FRONTED: [&str; 27] = [
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "since",
    "for",
    "by",
    "earlier",
    "later",
    "last",
    "meanwhile",
    "however",
    "still",
    "also",
    "moreover",
    "nevertheless",
    "instead",
    "yet",
    "thus",
    "yesterday",
    "now",
    "then",
    "separately",
    "elsewhere",
    "furthermore",
];
/// A day name (the first seven entries of the speaker rules' list of weekdays and months).
fn is_day(w: &str) -> bool {
    WEEKDAYS_MONTHS[..7].contains(&w)
}
const DAY_PARTS: [&str; 4] = ["morning", "afternoon", "evening", "night"];
const PERIODS: [&str; 5] = ["week", "month", "year", "weekend", "night"];

/// One white-space separated word: byte span and the lower-cased core (without the
/// punctuation and quotes around it).
struct Word {
    start: usize,
    end: usize,
    /// Byte offset of the end of the alphanumeric core.
    core_end: usize,
    core: String,
    /// The word, ignoring closing quotes, ends with a comma.
    comma: bool,
}

fn words_of(s: &str) -> Vec<Word> {
    trim::word_starts(s)
        .map(|(b, w)| word(s, b, b + w.len()))
        .collect()
}

fn word(s: &str, start: usize, end: usize) -> Word {
    let w = &s[start..end];
    let lead = w.len() - w.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    let trimmed = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    let core_end = start + trimmed.len().max(lead);
    let core = s[start + lead..core_end].to_lowercase();
    let comma = w
        .trim_end_matches(['\'', '"', '\u{2019}', '\u{201D}', '`'])
        .ends_with(',');
    Word {
        start,
        end,
        core_end,
        core,
        comma,
    }
}

/// Byte offset of the last comma in word `w`.
fn comma_at(s: &str, w: &Word) -> usize {
    w.start + s[w.start..w.end].rfind(',').unwrap_or(w.end - w.start)
}

fn is_capitalised(s: &str, w: &Word) -> bool {
    s[w.start..w.end]
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase)
}

/// Start of the sentence-final punctuation of the last word (its end when it has none).
fn final_punct(s: &str, w: &Word) -> usize {
    if !s[w.start..w.end].contains(char::is_alphanumeric) {
        w.start
    } else if s[w.core_end..w.end].contains(['.', '!', '?']) {
        w.core_end
    } else {
        w.end
    }
}

/// Which rules to apply (a bit set).
#[derive(Clone, Copy)]
struct Rules(u32);

const PARENS: u32 = 1;
const TRAILING: u32 = 2;
const AGES: u32 = 4;
const RELATIVES: u32 = 8;
const APPOSITIVES: u32 = 16;
const TIMES: u32 = 32;
const LEADING: u32 = 64;
const FRONTING: u32 = 128;
const PREPOSITIONAL: u32 = 256;
const LEADING_SAID: u32 = 512;
const INLINE: u32 = 1024;
const DATELINES: u32 = 2048;
/// The moderate variant's rules.
const MODERATE: u32 =
    PARENS | TRAILING | AGES | TIMES | DATELINES | RELATIVES | APPOSITIVES | LEADING | FRONTING;
/// The full variant's rules: also prepositional phrases and attributions between commas and
/// `X said` without `that` at the head.
const FULL: u32 = MODERATE | PREPOSITIONAL | LEADING_SAID | INLINE;

impl Rules {
    fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }
}

fn parentheticals(s: &str, ws: &[Word], drops: &mut Vec<(usize, usize)>) {
    for (open, close) in [('(', ')'), ('[', ']')] {
        let mut from = 0;
        while let Some(i) = s[from..].find(open).map(|i| i + from) {
            let Some(j) = s[i..].find(close).map(|j| j + i) else {
                break;
            };
            let inner = s[i..j].split_whitespace().count();
            // only a whole-word parenthetical inside the sentence
            let at_word = i == 0 || s[..i].ends_with(char::is_whitespace);
            if at_word && inner <= MAX_CLAUSE_WORDS && i > 0 {
                let begin = s[..i].trim_end().len();
                drops.push((begin, j + close.len_utf8()));
            }
            from = j + 1;
        }
    }
    let _ = ws;
}

fn trailing_attribution(s: &str, ws: &[Word], drops: &mut Vec<(usize, usize)>) {
    let n = ws.len();
    let Some(k) = (0..n.saturating_sub(1)).rev().find(|&k| ws[k].comma) else {
        return;
    };
    let tail = &ws[k + 1..];
    if tail.len() < 2 || tail.len() > MAX_ATTRIBUTION_WORDS || k + 1 < MIN_KEPT_WORDS {
        return;
    }
    // `, officials said (on Monday).`, `, said the mayor.`, `, according to the police.`
    let Some(p) = tail
        .iter()
        .position(|w| REPORTING.contains(&w.core.as_str()))
    else {
        return;
    };
    let after = tail.len() - p - 1;
    let fits = if p == 0 {
        tail[0].core == "according"
            || (after <= 4
                && (is_capitalised(s, &tail[1]) || DETERMINERS.contains(&tail[1].core.as_str())))
    } else {
        after <= 3
    };
    let clause = tail
        .iter()
        .any(|w| w.core == "that" || RELATIVE.contains(&w.core.as_str()));
    if fits && !clause {
        drops.push((comma_at(s, &ws[k]), final_punct(s, &ws[n - 1])));
    }
}

fn leading_attribution(ws: &[Word], rules: Rules, drops: &mut Vec<(usize, usize)>) {
    let n = ws.len();
    if n > 2 && ws[0].core == "according" && ws[1].core == "to" {
        if let Some(k) = (1..n.min(10)).find(|&k| ws[k].comma) {
            if n - k > MIN_KEPT_WORDS {
                drops.push((0, ws[k + 1].start));
            }
        }
        return;
    }
    let Some(j) = (1..n.min(12)).find(|&j| REPORTING.contains(&ws[j].core.as_str())) else {
        return;
    };
    if ws[..j].iter().any(|w| w.core == "that" || w.core == "not") || ws[j].comma {
        return;
    }
    if let Some(m) = (j + 1..n.min(j + 5)).find(|&m| ws[m].core == "that") {
        if n - m > MIN_KEPT_WORDS && !ws[m].comma {
            drops.push((0, ws[m + 1].start));
        }
    } else if rules.has(LEADING_SAID)
        && j <= 4
        && matches!(ws[j].core.as_str(), "said" | "says")
        && ws[..j].iter().all(|w| !w.comma)
        && n - j > MIN_KEPT_WORDS + 1
    {
        // `Officials said the dam broke.`: the reported clause
        let mut m = j + 1;
        if is_day(&ws[m].core) {
            m += 1;
        }
        if m < n && !ws[m - 1].comma && ws[m].core != "it" {
            drops.push((0, ws[m].start));
        }
    }
}

/// Clauses between commas: relative clauses, `according to`, ages and appositives.
fn comma_clauses(s: &str, ws: &[Word], rules: Rules, drops: &mut Vec<(usize, usize)>) {
    let n = ws.len();
    for i in 0..n.saturating_sub(1) {
        if !ws[i].comma {
            continue;
        }
        let f = ws[i + 1].core.as_str();
        // the clause: words i+1..=j, ending with a comma or the sentence
        let end = (i + 1..n.min(i + 1 + MAX_CLAUSE_WORDS)).find(|&j| ws[j].comma);
        let age = end == Some(i + 1) && !f.is_empty() && f.chars().all(|c| c.is_ascii_digit());
        if age && rules.has(AGES) {
            drops.push((comma_at(s, &ws[i]), comma_at(s, &ws[i + 1]) + 1));
            continue;
        }
        let relative = rules.has(RELATIVES)
            && (RELATIVE.contains(&f) || (f == "according" && i + 2 < n && ws[i + 2].core == "to"));
        let inline = rules.has(INLINE)
            && end.is_some_and(|j| {
                j > i + 1
                    && j <= i + 4
                    && ws[i + 1..=j]
                        .iter()
                        .any(|w| REPORTING.contains(&w.core.as_str()))
            });
        let prepositional = rules.has(PREPOSITIONAL)
            && PREPOSITIONS.contains(&f)
            && end.is_some_and(|j| {
                j <= i + 8
                    && j + 1 < n
                    && !matches!(ws[j + 1].core.as_str(), "and" | "or")
                    && !is_capitalised(s, &ws[j + 1])
            });
        let appositive = rules.has(APPOSITIVES)
            && (DETERMINERS.contains(&f) || f.ends_with("'s"))
            && is_capitalised(s, &ws[i])
            && end.is_some_and(|j| {
                j + 1 < n
                    && !matches!(ws[j + 1].core.as_str(), "and" | "or")
                    && !is_capitalised(s, &ws[j + 1])
                    && ws[i + 1..=j]
                        .iter()
                        .all(|w| !REPORTING.contains(&w.core.as_str()))
            });
        match end {
            Some(j) if relative || appositive || inline || prepositional => {
                drops.push((comma_at(s, &ws[i]), comma_at(s, &ws[j]) + 1));
            }
            None if relative && n - i - 1 <= MAX_CLAUSE_WORDS && !s[ws[i].end..].contains(';') => {
                drops.push((comma_at(s, &ws[i]), final_punct(s, &ws[n - 1])));
            }
            _ => {}
        }
    }
}

fn fronted(ws: &[Word], drops: &mut Vec<(usize, usize)>) {
    let n = ws.len();
    if n == 0 || !FRONTED.contains(&ws[0].core.as_str()) {
        return;
    }
    if let Some(k) = (0..n.min(MAX_FRONTED_WORDS)).find(|&k| ws[k].comma) {
        if n - k > MIN_KEPT_WORDS {
            drops.push((0, ws[k + 1].start));
        }
    }
}

fn time_expressions(s: &str, ws: &[Word], drops: &mut Vec<(usize, usize)>) {
    let n = ws.len();
    let plain = |k: usize| ws[k].core_end == ws[k].end;
    let mut i = 1;
    while i < n {
        let w = ws[i].core.as_str();
        let next = |k: usize| ws.get(k).map_or("", |x| x.core.as_str());
        let mut last = None;
        if matches!(w, "on" | "late" | "early") && is_day(next(i + 1)) {
            last = Some(i + 1);
        } else if is_day(w) && REPORTING.contains(&ws[i - 1].core.as_str()) && plain(i - 1) {
            last = Some(i);
        } else if matches!(w, "last" | "this") && PERIODS.contains(&next(i + 1)) {
            last = Some(i + 1);
        } else if w == "yesterday" {
            last = Some(i);
        }
        if let Some(mut l) = last {
            if plain(l) && l + 1 < n && DAY_PARTS.contains(&next(l + 1)) {
                l += 1;
            }
            // the white space before the expression up to its core, keeping its punctuation,
            // unless both sides carry a comma
            if plain(i - 1) || s[ws[l].core_end..ws[l].end].is_empty() {
                drops.push((ws[i - 1].end, ws[l].core_end));
            }
            i = l + 1;
        } else {
            i += 1;
        }
    }
}

/// Kept pieces (byte spans of `s`) of `s` after the rules; one piece `(0, len)` (white
/// space trimmed) when nothing is dropped or fewer than [`MIN_KEPT_WORDS`] would remain.
fn apply(s: &str, rules: Rules) -> Vec<(usize, usize)> {
    let lead = if rules.has(DATELINES) {
        trim::lead_trim(s)
    } else {
        0
    };
    let ws = words_of(&s[lead..]);
    let body = &s[lead..];
    let mut drops: Vec<(usize, usize)> = Vec::new();
    if rules.has(PARENS) {
        parentheticals(body, &ws, &mut drops);
    }
    if rules.has(TRAILING) {
        trailing_attribution(body, &ws, &mut drops);
    }
    comma_clauses(body, &ws, rules, &mut drops);
    if rules.has(TIMES) {
        time_expressions(body, &ws, &mut drops);
    }
    if rules.has(LEADING) {
        leading_attribution(&ws, rules, &mut drops);
    }
    if rules.has(FRONTING) {
        fronted(&ws, &mut drops);
    }
    let whole = whole(s);
    drops.sort_unstable();
    let mut pieces = Vec::new();
    let mut at = 0usize;
    for (a, b) in drops {
        if a > at {
            pieces.push((lead + at, lead + a));
        }
        at = at.max(b);
    }
    if at < body.len() {
        pieces.push((lead + at, s.len()));
    }
    // no leading or trailing white space, no empty piece
    if let Some(first) = pieces.first_mut() {
        first.0 += s[first.0..first.1].len() - s[first.0..first.1].trim_start().len();
    }
    if let Some(last) = pieces.last_mut() {
        last.1 = last.0 + s[last.0..last.1].trim_end().len();
    }
    pieces.retain(|&(a, b)| b > a);
    let kept: usize = join(s, &pieces).split_whitespace().count();
    if kept < MIN_KEPT_WORDS {
        return whole;
    }
    pieces
}

/// The one piece of an uncompressed sentence: `s` without its surrounding white space.
fn whole(s: &str) -> Vec<(usize, usize)> {
    let start = s.len() - s.trim_start().len();
    vec![(start, s.trim_end().len().max(start))]
}

/// The compressed text: the pieces concatenated.
pub fn join(s: &str, pieces: &[(usize, usize)]) -> String {
    pieces.iter().map(|&(a, b)| &s[a..b]).collect()
}

/// The pieces (byte spans of `doc`) that keep the first `words` white-space separated words
/// of the text the `pieces` make (all of them when it has fewer).
pub fn cut(doc: &str, pieces: &[(usize, usize)], words: usize) -> Vec<(usize, usize)> {
    let text = join(doc, pieces);
    let mut end = trim::cut_words(&text, words);
    let mut out = Vec::new();
    for &(a, b) in pieces {
        if end == 0 {
            break;
        }
        let take = (b - a).min(end);
        out.push((a, a + take));
        end -= take;
    }
    out
}

/// Every rule applied to `s`: the kept pieces (byte spans of `s`).
pub fn compress(s: &str) -> Vec<(usize, usize)> {
    apply(s, Rules(FULL))
}

/// The distinct compressed variants of `s` that differ from it: moderate, then full.
pub fn variants(s: &str) -> Vec<Vec<(usize, usize)>> {
    let whole = whole(s);
    let mut out: Vec<Vec<(usize, usize)>> = Vec::new();
    for rules in [MODERATE, FULL] {
        let v = apply(s, Rules(rules));
        if v != whole && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// Compressed variants of the sentences of an analysis of `texts`.
#[derive(Debug, Clone, Default)]
pub struct Variants {
    /// Per variant: the sentence it compresses (an index into the analysis).
    pub origin: Vec<usize>,
    /// Per variant: its kept pieces, byte spans of the document.
    pub pieces: Vec<Vec<(usize, usize)>>,
    /// Per variant: a sentence record with the original's document, position and span, the
    /// variant's word count and the tokens of its pieces.
    pub sentences: Vec<Sentence>,
}

/// Variants of every sentence of `a` (whose spans index `texts`).
pub fn sentence_variants<S: AsRef<str>>(a: &Analysis, texts: &[S]) -> Variants {
    let mut v = Variants::default();
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    for (i, sent) in a.sentences.iter().enumerate() {
        let text = &texts[sent.doc as usize].as_ref()[sent.start..sent.end];
        let found = variants(text);
        if found.is_empty() {
            continue;
        }
        bounds.clear();
        for_each_token(text, |x, y| bounds.push((x, y)));
        if bounds.len() != sent.tokens.len() {
            continue;
        }
        for pieces in found {
            let tokens = sent
                .tokens
                .iter()
                .zip(&bounds)
                .filter(|(_, &(x, y))| pieces.iter().any(|&(p, q)| p <= x && y <= q))
                .map(|(&t, _)| t)
                .collect();
            let words = join(text, &pieces).split_whitespace().count() as u32;
            v.origin.push(i);
            v.sentences.push(Sentence {
                words,
                tokens,
                ..sent.clone()
            });
            v.pieces.push(
                pieces
                    .into_iter()
                    .map(|(p, q)| (sent.start + p, sent.start + q))
                    .collect(),
            );
        }
    }
    v
}

/// Whether sorted `x` is a subset of sorted `y`.
fn subset(x: &[u32], y: &[u32]) -> bool {
    let mut j = 0;
    for &v in x {
        while j < y.len() && y[j] < v {
            j += 1;
        }
        if j == y.len() || y[j] != v {
            return false;
        }
    }
    true
}

/// Drop from `cands` every sentence or variant that another candidate of the same sentence
/// dominates: all its concepts (`of`) and no more words (`words`). Candidates `>= n` are
/// variants of `origin[i - n]`. Coverage selections among the rest are as good, with fewer
/// candidates to try.
pub fn prune(cands: &mut Vec<usize>, of: &[Vec<u32>], words: &[u32], n: usize, origin: &[usize]) {
    let group = |i: usize| if i < n { i } else { origin[i - n] };
    let mut members: ahash::AHashMap<usize, Vec<usize>> = ahash::AHashMap::new();
    for &i in cands.iter() {
        members.entry(group(i)).or_default().push(i);
    }
    let mut dropped: Vec<usize> = Vec::new();
    for m in members.values().filter(|m| m.len() > 1) {
        for &x in m {
            let beaten = m.iter().any(|&y| {
                y != x
                    && !dropped.contains(&y)
                    && words[y] <= words[x]
                    && subset(&of[x], &of[y])
                    && (words[y] < words[x] || of[y].len() > of[x].len() || y < x)
            });
            if beaten {
                dropped.push(x);
            }
        }
    }
    cands.retain(|i| !dropped.contains(i));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parallel::Threads;
    use crate::summarize::analyze;
    use crate::text::Language;

    fn full(s: &str) -> String {
        join(s, &compress(s))
    }

    proptest::proptest! {
        #[test]
        fn pieces_are_ordered_substrings(words in proptest::collection::vec(
            "(said|who|which|on|Monday|last|week|the|According|to|that|[A-Z][a-z]{0,3}|[a-zé’]{1,4}|\\(|\\)|,|\\.|_|``|''|45|Über|\u{2014})[,.]?",
            0..40,
        ), sep in "[ \n\t]{1,2}") {
            let s = words.join(&sep);
            for v in variants(&s).into_iter().chain([compress(&s)]) {
                let mut at = 0;
                for &(a, b) in &v {
                    proptest::prop_assert!(at <= a && a <= b && b <= s.len(), "{:?} {:?}", s, v);
                    proptest::prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
                    at = b;
                }
                let text = join(&s, &v);
                proptest::prop_assert!(text.split_whitespace().count() <= s.split_whitespace().count());
                for &k in &[0usize, 3, 7] {
                    let c = cut(&s, &v, k);
                    proptest::prop_assert!(join(&s, &c).split_whitespace().count() <= k);
                }
            }
        }
    }

    #[test]
    fn attributions() {
        assert_eq!(
            full("The river dam at Ostrava broke after days of rain, officials said."),
            "The river dam at Ostrava broke after days of rain."
        );
        assert_eq!(
            full("``The harbour will reopen within a week,'' the port director told reporters."),
            "``The harbour will reopen within a week."
        );
        assert_eq!(
            full("The mayor of Northgate said that the bridge would stay shut all winter."),
            "the bridge would stay shut all winter."
        );
        assert_eq!(
            full("According to the ferry company, two boats were damaged in the storm."),
            "two boats were damaged in the storm."
        );
        assert_eq!(
            full("Two boats, according to the ferry company, were damaged in the storm."),
            "Two boats were damaged in the storm."
        );
    }

    #[test]
    fn clauses_ages_and_appositives() {
        assert_eq!(
            full("Anna Varga, 54, was named harbour master of Port Vella."),
            "Anna Varga was named harbour master of Port Vella."
        );
        assert_eq!(
            full("Anna Varga, the new harbour master, promised to dredge the channel."),
            "Anna Varga promised to dredge the channel."
        );
        assert_eq!(
            full("The old ferry, which was built in 1931, sank in the harbour overnight."),
            "The old ferry sank in the harbour overnight."
        );
        assert_eq!(
            full("The council fired Tomas Brell, who had run the port for a decade."),
            "The council fired Tomas Brell."
        );
        // a list is not an appositive
        let s = "Talks in Ostrava, the capital, and Northgate went on all week.";
        assert_eq!(full(s), s);
    }

    #[test]
    fn parentheticals_times_and_fronted_phrases() {
        assert_eq!(
            full("The Lunmark Ferry Company (LFC) cancelled all sailings on Tuesday night."),
            "The Lunmark Ferry Company cancelled all sailings."
        );
        assert_eq!(
            full("On Monday, the union voted to end the long strike at the docks."),
            "the union voted to end the long strike at the docks."
        );
        assert_eq!(
            full("The union said Friday that it would end the strike next month."),
            "it would end the strike next month."
        );
        assert_eq!(
            full("The strike cost the port millions last year, and exports fell."),
            "The strike cost the port millions, and exports fell."
        );
        assert_eq!(
            full("OSTRAVA (CPA) _ But the ferry kept sailing all week despite the storm."),
            "the ferry kept sailing all week despite the storm."
        );
    }

    #[test]
    fn cuts_follow_the_joined_text() {
        let s = "The dam, which was built in 1931, broke after rain, officials said.";
        let p = compress(s);
        assert_eq!(join(s, &p), "The dam broke after rain.");
        assert_eq!(join(s, &cut(s, &p, 3)), "The dam broke");
        assert_eq!(join(s, &cut(s, &p, 5)), "The dam broke after rain.");
        assert_eq!(cut(s, &p, 9), p);
        assert!(cut(s, &p, 0).is_empty());
    }

    #[test]
    fn pruning_keeps_undominated_candidates() {
        // 0: original (concepts 1,2,3; 10 words); 2: its variant (1,2; 6 words);
        // 3: its variant (1,2; 7 words, dominated by 2); 1: another sentence
        let of = vec![vec![1, 2, 3], vec![4], vec![1, 2], vec![1, 2]];
        let words = [10, 9, 6, 7];
        let mut cands = vec![0, 1, 2, 3];
        prune(&mut cands, &of, &words, 2, &[0, 0]);
        assert_eq!(cands, [0, 1, 2]);
        // a variant that loses no concept beats its original
        let of = vec![vec![1, 2], vec![1, 2]];
        let mut cands = vec![0, 1];
        prune(&mut cands, &of, &[9, 6], 1, &[0]);
        assert_eq!(cands, [1]);
        assert!(subset(&[], &[1]) && !subset(&[2], &[1, 3]));
    }

    #[test]
    fn short_or_plain_sentences_are_kept() {
        for s in [
            "The dam broke, officials said.",
            "Crews worked through the night to close the breach.",
            "",
            "   ",
        ] {
            assert_eq!(full(s), s.trim(), "{s:?}");
            assert!(variants(s).is_empty());
        }
    }

    #[test]
    fn moderate_and_full_variants() {
        let s = "Anna Varga, the new harbour master, said the channel was dredged on Monday.";
        let v = variants(s);
        assert_eq!(v.len(), 1);
        assert_eq!(join(s, &v[0]), "Anna Varga said the channel was dredged.");
        let s = "Harbour officials said the old ferry, during a storm in March, sank at the \
                 pier on Monday.";
        let v = variants(s);
        assert_eq!(v.len(), 2);
        assert_eq!(
            join(s, &v[0]),
            "Harbour officials said the old ferry, during a storm in March, sank at the pier."
        );
        assert_eq!(join(s, &v[1]), "the old ferry sank at the pier.");
    }

    #[test]
    fn variants_carry_the_tokens_of_their_pieces() {
        let docs =
            ["Crews came. The old ferry, which was built in 1931, sank near the pier on Monday."];
        let a = analyze(&docs, Language::English, Threads::Serial);
        let v = sentence_variants(&a, &docs);
        assert_eq!(v.origin, [1]);
        let text: String = v.pieces[0].iter().map(|&(p, q)| &docs[0][p..q]).collect();
        assert_eq!(text, "The old ferry sank near the pier.");
        let fresh = analyze(&[text.as_str()], Language::English, Threads::Serial);
        assert_eq!(v.sentences[0].tokens.len(), fresh.sentences[0].tokens.len());
        assert_eq!(v.sentences[0].words, 7);
        assert_eq!(
            (v.sentences[0].start, v.sentences[0].end),
            (a.sentences[1].start, a.sentences[1].end)
        );
    }
}
