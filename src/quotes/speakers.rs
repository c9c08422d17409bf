//! Who said it: attribution of quotes to speakers (English news conventions).
//!
//! For each quote, in order of preference:
//! 1. an attribution right after the closing mark, in the same sentence: `”, Peskov said`,
//!    `” said Dmitry Peskov`, `” top spokesman Dmitry Peskov told reporters`, `” she told CNN`,
//!    `”, according to Vedomosti`;
//! 2. an attribution before the opening mark, in the same sentence: `Peskov said: “…”`,
//!    `Trump said his patience was “running out fast.”`, `Peskov accused allies of “impeding”`,
//!    or a sentence that opens with a name or `He`/`She`;
//! 3. any attribution later in the sentence after the quote;
//! 4. the speaker of the previous quote in the same paragraph (`“…,” X said. “…”`).
//!
//! A speech verb is one of a closed list (`said`, `told`, `added`, `asked`, `warned`,
//! `according to`, ...). A name is a run of capitalised words next to the verb, without titles
//! and roles (`Kremlin Press Secretary Dmitry Peskov` gives `Dmitry Peskov`), weekdays, months
//! or stop words. `he`/`she` resolve to the last speaker in the document; a one-word name to the
//! last full name (two or more words) ending in that word before the quote (else the first one
//! after it). Descriptions (`the American president said`) give no speaker (`None`).

use ahash::AHashMap;

use crate::text::{for_each_token, is_stop_word, Language};

use super::extract::QuoteSpan;

/// Speech verbs (lower case).
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "adding",
    "asked",
    "asks",
    "stated",
    "states",
    "explained",
    "explains",
    "noted",
    "notes",
    "warned",
    "warns",
    "wrote",
    "writes",
    "insisted",
    "insists",
    "continued",
    "declared",
    "declares",
    "argued",
    "argues",
    "replied",
    "replies",
    "responded",
    "remarked",
    "announced",
    "announces",
    "claimed",
    "claims",
    "commented",
    "acknowledged",
    "admitted",
    "conceded",
    "urged",
    "cautioned",
    "stressed",
    "emphasised",
    "emphasized",
    "recalled",
    "predicted",
    "suggested",
    "tweeted",
    "posted",
    "quipped",
    "concluded",
    "observed",
    "maintained",
    "confirmed",
    "denied",
    "accused",
    "accuses",
    "questioned",
    "blamed",
    "vowed",
    "pledged",
    "promised",
    "reiterated",
    "agreed",
    "described",
    "called",
    "calls",
    "shouted",
    "recounted",
    "countered",
    "complained",
    "boasted",
    "joked",
    "mused",
    "wondered",
    "demanded",
    "repeated",
];

/// Capitalised words that are titles or roles, never part of a name.
const TITLES: &[&str] = &[
    "president",
    "presidential",
    "prime",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "gen",
    "general",
    "deputy",
    "foreign",
    "chief",
    "executive",
    "chairman",
    "chairwoman",
    "director",
    "mayor",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sir",
    "dame",
    "lord",
    "lady",
    "professor",
    "prof",
    "col",
    "colonel",
    "capt",
    "captain",
    "lt",
    "sgt",
    "adm",
    "admiral",
    "rev",
    "ambassador",
    "commissioner",
    "chancellor",
    "vice",
    "leader",
    "speaker",
    "coach",
    "manager",
    "head",
    "officer",
    "ceo",
    "state",
    "house",
    "senate",
    "federal",
    "national",
    "minority",
    "majority",
    "former",
    "top",
    "acting",
    "assistant",
    "attorney",
    "treasury",
    "defense",
    "defence",
    "interior",
    "labor",
    "labour",
    "health",
    "finance",
    "economy",
    "trade",
    "white",
    "u.s.",
    "us",
    "uk",
    "eu",
    "un",
];

/// Lower-case role nouns: a name run right before one of them is a modifier, not the speaker
/// (`Kremlin spokesman Dmitry Peskov`).
const ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "secretary",
    "official",
    "officials",
    "leader",
    "chief",
    "head",
    "director",
    "chairman",
    "envoy",
    "ambassador",
    "aide",
    "adviser",
    "advisor",
    "senator",
    "governor",
    "mayor",
    "general",
    "commander",
    "analyst",
    "correspondent",
    "prosecutor",
    "judge",
    "coach",
    "manager",
    "captain",
    "striker",
    "midfielder",
    "goalkeeper",
    "negotiator",
    "representative",
    "premier",
    "chancellor",
    "deputy",
    "lawmaker",
    "economist",
    "professor",
    "researcher",
    "fellow",
    "host",
    "reporter",
    "editor",
    "founder",
    "executive",
    "owner",
    "chair",
    "member",
    "colleague",
    "counterpart",
];

pub(crate) const WEEKDAYS_MONTHS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "today",
    "yesterday",
    "tomorrow",
];

/// Lower-case words allowed between a subject and its verb (`Peskov also said`).
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "earlier",
    "again",
    "previously",
    "repeatedly",
    "recently",
    "once",
    "further",
    "separately",
    "additionally",
    "had",
    "has",
    "have",
    "would",
    "will",
    "was",
    "once",
    "publicly",
    "reportedly",
    "simply",
    "just",
    "only",
    "flatly",
];

/// Abbreviations whose dot ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col",
];

const PRONOUNS: &[&str] = &["he", "she"];

/// Words that open a description of a speaker (`the minister said`).
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "one", "another",
];

fn in_list(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// A token of an attribution context.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    s: usize,
    e: usize,
    text: &'a str,
}

fn lower(w: &str) -> String {
    w.to_lowercase().replace('\u{2019}', "'")
}

fn strip_possessive(w: &str) -> Option<&str> {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s"))
}

fn is_speech_verb(w: &str) -> bool {
    // Verbs are written in lower case inside a sentence (`the United States said`).
    if !w.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let l = lower(w);
    in_list(SPEECH_VERBS, &l)
}

/// Is `t` a word that may be part of a name?
fn is_name_word(t: &Tok<'_>) -> bool {
    let Some(c) = t.text.chars().next() else {
        return false;
    };
    if !c.is_uppercase() {
        return false;
    }
    let l = lower(t.text);
    let l = l.trim_end_matches('.');
    !(in_list(TITLES, l)
        || in_list(WEEKDAYS_MONTHS, l)
        || is_stop_word(Language::English, l)
        || in_list(SPEECH_VERBS, l))
}

/// Only spaces (or an initial's dot) between two tokens?
fn adjacent(text: &str, a: &Tok<'_>, b: &Tok<'_>) -> bool {
    let gap = &text[a.e..b.s];
    if gap.contains('\n') {
        return false;
    }
    let g = gap.trim();
    g.is_empty() || (g == "." && a.text.chars().count() == 1)
}

fn tokens(text: &str, from: usize, to: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let slice = &text[from..to];
    for_each_token(slice, |s, e| {
        out.push(Tok {
            s: from + s,
            e: from + e,
            text: &slice[s..e],
        });
    });
    out
}

/// The name run ending at token `end` (inclusive), walking back; `None` if `toks[end]` is no
/// name word. Returns the first token index.
fn run_back(text: &str, toks: &[Tok<'_>], end: usize) -> Option<usize> {
    if !is_name_word(&toks[end]) {
        return None;
    }
    let mut start = end;
    while start > 0
        && is_name_word(&toks[start - 1])
        && adjacent(text, &toks[start - 1], &toks[start])
    {
        start -= 1;
    }
    Some(start)
}

/// The first name run at or after `from` within `limit` tokens, stopping at punctuation;
/// runs followed by a lower-case role word are skipped (`Kremlin spokesman Dmitry Peskov`).
fn run_forward(text: &str, toks: &[Tok<'_>], from: usize, limit: usize) -> Option<(usize, usize)> {
    let stop = toks.len().min(from + limit);
    let mut i = from;
    while i < stop {
        if i > from && !adjacent_or_soft(text, &toks[i - 1], &toks[i]) {
            return None;
        }
        if is_name_word(&toks[i]) {
            let mut j = i;
            while j + 1 < toks.len()
                && is_name_word(&toks[j + 1])
                && adjacent(text, &toks[j], &toks[j + 1])
            {
                j += 1;
            }
            let followed_by_role = toks
                .get(j + 1)
                .is_some_and(|t| in_list(ROLES, &lower(t.text)) && adjacent(text, &toks[j], t));
            if !followed_by_role {
                return Some((i, j));
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    None
}

/// Adjacent, or separated only by spaces and dashes (no clause punctuation).
fn adjacent_or_soft(text: &str, a: &Tok<'_>, b: &Tok<'_>) -> bool {
    let abbreviation =
        a.text.chars().count() == 1 || in_list(TITLES, lower(a.text).trim_end_matches('.'));
    text[a.e..b.s]
        .chars()
        .all(|c| c == ' ' || c == '\t' || c == '.' && abbreviation)
}

/// The last token of the name run starting at `i`, if `toks[i]` is a name word.
fn run_end(text: &str, toks: &[Tok<'_>], i: usize) -> Option<usize> {
    if !is_name_word(&toks[i]) {
        return None;
    }
    let mut j = i;
    while j + 1 < toks.len() && is_name_word(&toks[j + 1]) && adjacent(text, &toks[j], &toks[j + 1])
    {
        j += 1;
    }
    Some(j)
}

/// Nouns after a possessive name that make it the speaker (`Ostrin's words`).
const STATEMENT_NOUNS: &[&str] = &[
    "description",
    "words",
    "comments",
    "remarks",
    "statement",
    "message",
    "claim",
    "phrase",
    "warning",
    "verdict",
    "assessment",
    "characterisation",
    "characterization",
    "term",
];

/// What an attribution found.
#[derive(Debug, Clone, PartialEq)]
enum Who {
    Name(String),
    /// `he` / `she` at this byte offset.
    Pronoun(usize),
    Nobody,
}

fn name_of(text: &str, toks: &[Tok<'_>], a: usize, b: usize) -> Who {
    let raw = &text[toks[a].s..toks[b].e];
    let raw = strip_possessive(raw).unwrap_or(raw);
    Who::Name(raw.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The subject right before token `v` (a verb): a name run or a pronoun, skipping adverbs.
fn subject_before(text: &str, toks: &[Tok<'_>], v: usize) -> Option<Who> {
    let mut k = v;
    while k > 0 {
        let t = &toks[k - 1];
        let l = lower(t.text);
        if in_list(ADVERBS, &l) || in_list(WEEKDAYS_MONTHS, &l) || l == "on" {
            k -= 1;
            continue;
        }
        if in_list(PRONOUNS, &l) {
            return Some(Who::Pronoun(t.s));
        }
        if strip_possessive(t.text).is_some() {
            return None;
        }
        return run_back(text, toks, k - 1).map(|a| name_of(text, toks, a, k - 1));
    }
    None
}

/// `according to X`
fn according_to(text: &str, toks: &[Tok<'_>]) -> Option<Who> {
    for i in 0..toks.len().saturating_sub(2) {
        if lower(toks[i].text) == "according" && lower(toks[i + 1].text) == "to" {
            return run_forward(text, toks, i + 2, 6).map(|(a, b)| name_of(text, toks, a, b));
        }
    }
    None
}

/// Attribution after the closing mark: `toks` are the tokens of the rest of the sentence.
/// `strict`: only an attribution that starts the context.
fn after(text: &str, toks: &[Tok<'_>], strict: bool) -> Option<Who> {
    let limit = if strict { 9 } else { 14 };
    let v = toks
        .iter()
        .take(limit)
        .position(|t| is_speech_verb(t.text))?;
    if v == 0 {
        // `” said Dmitry Peskov`, `” said the minister`, `” he said` handled below.
        return Some(
            run_forward(text, toks, 1, 8).map_or(Who::Nobody, |(a, b)| name_of(text, toks, a, b)),
        );
    }
    if let Some(w) = subject_before(text, toks, v) {
        return Some(w);
    }
    if strict {
        // A description (`the American president said`) right after the quote: nobody named.
        let determiner = in_list(DETERMINERS, &toks[0].text.to_lowercase());
        if determiner && v <= 5 {
            return Some(Who::Nobody);
        }
        None
    } else {
        None
    }
}

/// Attribution before the opening mark: `toks` run from the sentence start to the mark.
fn before(text: &str, toks: &[Tok<'_>]) -> Option<Who> {
    for v in (0..toks.len()).rev() {
        if !is_speech_verb(toks[v].text) {
            continue;
        }
        if let Some(w) = subject_before(text, toks, v) {
            return Some(w);
        }
        // `said Peskov: “…”`: the name must end the context (only `:` or `,` after it).
        if let Some((a, b)) = run_forward(text, toks, v + 1, 4) {
            let end = toks.last().map_or(toks[b].e, |t| t.e);
            let tail_ok = toks[b].e == end;
            if tail_ok {
                return Some(name_of(text, toks, a, b));
            }
        }
    }
    let first = toks.first()?;
    // `Ostrin's description of the fee as “a toll”`
    if let (Some(p), Some(next)) = (strip_possessive(first.text), toks.get(1)) {
        if p.chars().next().is_some_and(char::is_uppercase)
            && in_list(STATEMENT_NOUNS, &lower(next.text))
        {
            return Some(Who::Name(p.to_string()));
        }
    }
    // `The envoy, Corin J. Hallam, issued a statement urging them to meet “within weeks”`:
    // with a speech verb in the sentence, its first full name.
    if toks.iter().any(|t| is_speech_verb(t.text)) {
        let mut i = 0;
        while i < toks.len() {
            if let Some(j) = run_end(text, toks, i) {
                if j > i && strip_possessive(toks[j].text).is_none() {
                    if let Who::Name(n) = name_of(text, toks, i, j) {
                        if person_like(&n) {
                            return Some(Who::Name(n));
                        }
                    }
                }
                i = j + 1;
            } else {
                i += 1;
            }
        }
    }
    let l = lower(first.text);
    if in_list(PRONOUNS, &l) {
        return Some(Who::Pronoun(first.s));
    }
    if is_name_word(first) {
        let mut j = 0;
        while j + 1 < toks.len()
            && is_name_word(&toks[j + 1])
            && adjacent(text, &toks[j], &toks[j + 1])
        {
            j += 1;
        }
        // The run must be the subject: followed by a lower-case word (a verb), not a
        // possessive or a clause.
        let next_lower = toks
            .get(j + 1)
            .is_some_and(|t| t.text.chars().next().is_some_and(char::is_lowercase));
        if next_lower && strip_possessive(toks[j].text).is_none() {
            return Some(name_of(text, toks, 0, j));
        }
    }
    None
}

fn is_sentence_end(text: &str, i: usize) -> bool {
    // `i` is the offset of a `.`, `!` or `?`; a sentence ends when white space follows and the
    // word before is not a one-letter initial.
    let after_ws = text[i + 1..].chars().next().is_none_or(char::is_whitespace);
    if !after_ws {
        return false;
    }
    let start = text[..i]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(i, |(k, _)| k);
    let word = &text[start..i];
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    !(initial || ABBREVIATIONS.contains(&word))
}

/// Start of the sentence that contains offset `pos` (bounded look-back of 400 bytes, never
/// before `floor`).
fn sentence_start(text: &str, pos: usize, floor: usize) -> usize {
    let lo = floor.max(pos.saturating_sub(400));
    let mut lo = lo;
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let b = text.as_bytes();
    let mut i = pos;
    while i > lo {
        i -= 1;
        match b[i] {
            b'\n' => return i + 1,
            b'.' | b'!' | b'?' if is_sentence_end(text, i) => return i + 1,
            _ => {}
        }
    }
    lo
}

/// End of the sentence that continues at `pos` (bounded look-ahead of 400 bytes, never past
/// `ceiling`).
fn sentence_end(text: &str, pos: usize, ceiling: usize) -> usize {
    let mut hi = ceiling.min(pos + 400);
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let b = text.as_bytes();
    for (i, &c) in b.iter().enumerate().take(hi).skip(pos) {
        match c {
            b'\n' => return i,
            b'.' | b'!' | b'?' if is_sentence_end(text, i) => return i,
            _ => {}
        }
    }
    hi
}

/// Full names (two or more name words) in `text`, by lower-cased last word: (offset, name).
fn full_names(text: &str) -> AHashMap<String, Vec<(usize, String)>> {
    let toks = tokens(text, 0, text.len());
    let mut map: AHashMap<String, Vec<(usize, String)>> = AHashMap::new();
    let mut i = 0;
    while i < toks.len() {
        if !is_name_word(&toks[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < toks.len()
            && is_name_word(&toks[j + 1])
            && adjacent(text, &toks[j], &toks[j + 1])
        {
            j += 1;
        }
        let after_the = i > 0 && toks[i - 1].text.eq_ignore_ascii_case("the");
        if j > i {
            if let Who::Name(n) = name_of(text, &toks, i, j) {
                let n = if after_the { format!("the {n}") } else { n };
                let last = lower(n.rsplit(' ').next().unwrap_or(""));
                map.entry(last).or_default().push((toks[i].s, n));
            }
        }
        i = j + 1;
    }
    map
}

/// Words that make a capitalised run an organisation, place or event rather than a person.
const NOT_PERSON: &[&str] = &[
    "forum",
    "summit",
    "post",
    "times",
    "institute",
    "association",
    "union",
    "council",
    "ministry",
    "department",
    "office",
    "alliance",
    "group",
    "agency",
    "news",
    "university",
    "party",
    "committee",
    "bank",
    "company",
    "lines",
    "airlines",
    "club",
    "league",
    "court",
    "base",
    "sea",
    "river",
    "street",
    "square",
    "city",
    "county",
    "republic",
    "kingdom",
    "states",
    "nations",
    "organization",
    "organisation",
    "service",
    "services",
    "corporation",
    "inc",
    "ltd",
    "fund",
    "foundation",
    "center",
    "centre",
    "school",
    "college",
    "hospital",
    "police",
    "army",
    "navy",
    "force",
    "forces",
    "government",
    "parliament",
    "assembly",
    "herald",
    "observer",
    "ledger",
    "courier",
    "star",
    "journal",
    "tribune",
    "gazette",
    "international",
    "radio",
    "television",
    "tv",
    "network",
    "authority",
    "commission",
    "treaty",
    "accord",
    "agreement",
    "war",
    "cup",
    "final",
    "championship",
    "games",
];

fn person_like(name: &str) -> bool {
    !name.starts_with("the ")
        && name.split(' ').count() <= 4
        && !name
            .split(' ')
            .any(|w| in_list(NOT_PERSON, lower(w).trim_end_matches('.')))
}

/// Full names of a document: by lower-cased last word, and the person-like ones in text
/// order.
struct NameIndex {
    by_last: AHashMap<String, Vec<(usize, String)>>,
    persons: Vec<(usize, String)>,
}

impl NameIndex {
    fn new(text: &str) -> Self {
        let by_last = full_names(text);
        let mut persons: Vec<(usize, String)> = by_last
            .values()
            .flat_map(|v| v.iter())
            .filter(|(_, n)| person_like(n))
            .cloned()
            .collect();
        persons.sort_unstable();
        NameIndex { by_last, persons }
    }

    /// The last person-like full name mentioned before byte offset `at`.
    fn last_person_before(&self, at: usize) -> Option<(usize, String)> {
        let k = self.persons.partition_point(|(pos, _)| *pos < at);
        k.checked_sub(1).map(|i| self.persons[i].clone())
    }
}

/// Speakers of `quotes` (as found by [`super::find_quotes`] in `text`), one per quote.
pub fn attribute(text: &str, quotes: &[QuoteSpan]) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = Vec::with_capacity(quotes.len());
    let mut names: Option<NameIndex> = None;
    let mut last_speaker: Option<(usize, String)> = None;
    for (qi, q) in quotes.iter().enumerate() {
        let prev_close = if qi > 0 { quotes[qi - 1].close_end } else { 0 };
        let next_open = quotes.get(qi + 1).map_or(text.len(), |n| n.open);
        let ended_inside = text[q.start..q.end].ends_with('.')
            && text[q.close_end..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        let s_end = if ended_inside {
            q.close_end
        } else {
            sentence_end(text, q.close_end, next_open)
        };
        let after_toks = tokens(text, q.close_end, s_end);
        let s_start = sentence_start(text, q.open, prev_close.min(q.open));
        let before_toks = tokens(text, s_start, q.open);
        let who = after(text, &after_toks, true)
            .or_else(|| before(text, &before_toks))
            .or_else(|| according_to(text, &after_toks))
            .or_else(|| after(text, &after_toks, false))
            .or_else(|| according_to(text, &before_toks));
        let Some(who) = who else {
            // Same paragraph as the previous quote: its speaker.
            let same_para = qi > 0 && !text[prev_close..q.open].contains('\n');
            out.push(if same_para { out[qi - 1].clone() } else { None });
            continue;
        };
        let speaker = match who {
            Who::Nobody => None,
            Who::Pronoun(at) => {
                let index = names.get_or_insert_with(|| NameIndex::new(text));
                index
                    .last_person_before(at)
                    .filter(|(pos, _)| last_speaker.as_ref().is_none_or(|(p, _)| pos >= p))
                    .map(|(_, n)| n)
                    .or_else(|| last_speaker.as_ref().map(|(_, n)| n.clone()))
            }
            Who::Name(n) if !n.contains(' ') => {
                let index = names.get_or_insert_with(|| NameIndex::new(text));
                let key = lower(&n);
                let full = index.by_last.get(&key).and_then(|v| {
                    let people = || v.iter().filter(|(_, f)| !f.starts_with("the "));
                    people()
                        .rfind(|(pos, _)| *pos < q.open)
                        .or_else(|| people().next())
                        .map(|(_, f)| f.clone())
                });
                Some(full.unwrap_or(n))
            }
            Who::Name(n) => Some(n),
        };
        if let Some(sp) = &speaker {
            last_speaker = Some((q.open, sp.clone()));
        }
        out.push(speaker);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::find_quotes;

    fn speakers(text: &str) -> Vec<Option<String>> {
        attribute(text, &find_quotes(text))
    }

    #[allow(clippy::unnecessary_wraps)]
    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn after_the_quote() {
        assert_eq!(speakers("“It is a pause,” Peskov said."), [s("Peskov")]);
        assert_eq!(
            speakers("“It is a pause,” said Dmitry Peskov."),
            [s("Dmitry Peskov")]
        );
        assert_eq!(
            speakers("“It is a pause,” top spokesman Dmitry Peskov told reporters."),
            [s("Dmitry Peskov")]
        );
        assert_eq!(
            speakers(
                "“It is a pause,” Kremlin Press Secretary Dmitry Peskov said during a briefing."
            ),
            [s("Dmitry Peskov")]
        );
        assert_eq!(speakers("“No,” the American president said."), [None]);
    }

    #[test]
    fn before_and_partial() {
        assert_eq!(
            speakers(
                "Asked about talks, Kremlin spokesman Dmitry Peskov said: \"There is a pause.\""
            ),
            [s("Dmitry Peskov")]
        );
        assert_eq!(
            speakers("Trump said on Friday that his patience was “running out fast.”"),
            [s("Trump")]
        );
        assert_eq!(
            speakers("Peskov accused allies of \"impeding\" talks but said Moscow was committed to \"the path of dialogue.\""),
            [s("Peskov"), s("Peskov")]
        );
    }

    #[test]
    fn pronouns_and_surnames() {
        let t = "Emily Ferris, a fellow, spoke on Monday. “It is new,” Ferris said. “There is no reason,” she told CNN.";
        assert_eq!(speakers(t), [s("Emily Ferris"), s("Emily Ferris")]);
        assert_eq!(speakers("“Hello,” he said."), [None]);
    }

    #[test]
    fn capitalised_words_are_no_verbs() {
        let t = "Trump said the United States would need to \"come down very strong\" on Russia.";
        assert_eq!(speakers(t), [s("Trump")]);
    }

    #[test]
    fn continuation_and_none() {
        let t = "“It is running out,” Trump said. “It is amazing.”\n\n“Unattributed.”";
        assert_eq!(speakers(t), [s("Trump"), s("Trump"), None]);
        assert_eq!(
            speakers("A so-called \"reassurance force\" was announced."),
            [None]
        );
    }
}
