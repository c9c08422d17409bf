//! Cheap per-line features: word counts, sentence endings, case, dates, URLs, content-word
//! keys for lexical cohesion, and the normalised line hash used across documents.

use std::sync::OnceLock;

/// Number of white-space separated words containing a letter or digit.
pub(crate) fn word_count(line: &str) -> usize {
    // ASCII lines in one pass over the bytes; others word by word with Unicode classes.
    let mut words = 0usize;
    let mut counted = false;
    for &b in line.as_bytes() {
        match WORD_CLASS[b as usize] {
            WC_ALNUM => {
                words += usize::from(!counted);
                counted = true;
            }
            WC_SPACE => counted = false,
            WC_HIGH => return line.split_ascii_whitespace().filter(|w| is_word(w)).count(),
            _ => {}
        }
    }
    words
}

const WC_OTHER: u8 = 0;
const WC_ALNUM: u8 = 1;
const WC_SPACE: u8 = 2;
const WC_HIGH: u8 = 3;

/// Byte classes of [`word_count`].
const WORD_CLASS: [u8; 256] = {
    let mut t = [WC_OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            WC_ALNUM
        } else if c.is_ascii_whitespace() {
            WC_SPACE
        } else if c >= 0x80 {
            WC_HIGH
        } else {
            WC_OTHER
        };
        b += 1;
    }
    t
};

fn is_word(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_alphanumeric())
        || (!w.is_ascii() && w.chars().any(char::is_alphanumeric))
}

/// Does the line have at most `max` words (as counted by [`word_count`])? Stops early.
pub(crate) fn at_most_words(line: &str, max: usize) -> bool {
    line.split_ascii_whitespace()
        .filter(|w| is_word(w))
        .take(max + 1)
        .count()
        <= max
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '*', '_'];

/// Does the line end like a sentence (`.`, `!`, `?`, `…`, possibly before closing quotes)?
pub(crate) fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(|c: char| c.is_whitespace() || CLOSERS.contains(&c))
        .ends_with(['.', '!', '?', '…'])
}

/// Does the line start with a lower-case letter (a continuation of a broken paragraph)?
pub(crate) fn starts_lower(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_lowercase)
}

/// Are all letters upper case (with at least three letters)?
pub(crate) fn all_caps(line: &str) -> bool {
    let mut letters = 0;
    for c in line.chars() {
        if c.is_alphabetic() {
            if c.is_lowercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 3
}

/// Sentence-like prose: long enough and ending like a sentence, or simply long.
pub(crate) fn is_prose(words: usize, terminal: bool) -> bool {
    (words >= 10 && terminal) || words >= 30
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || w.len() > 9 || !w.is_ascii() {
        return None;
    }
    let lower = w.to_ascii_lowercase();
    let m = MONTHS.iter().position(|m| lower.starts_with(m))?;
    // Either the abbreviation (`Sep`, `Sept`) or the full name.
    let full = [
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
    ][m];
    (full.starts_with(&lower)).then_some(m as u32 + 1)
}

fn number(word: &str) -> Option<u32> {
    let w = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    let w = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(w);
    if w.is_empty() || w.len() > 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok()
}

/// The first calendar date in `line` as `YYYY-MM-DD`: `September 12, 2025`, `12 September
/// 2025`, `Sept. 12, 2025`, `2025-09-12`, `12.09.25`.
pub(crate) fn find_date(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_ascii_whitespace().take(64).collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(m) = month_of(w.trim_matches(|c: char| !c.is_ascii_alphabetic() && c != '.')) {
            let day_year = |d: Option<&&str>, y: Option<&&str>| -> Option<(u32, u32)> {
                let d = number(d?)?;
                let y = number(y?)?;
                ((1..=31).contains(&d) && (1900..=2100).contains(&y)).then_some((d, y))
            };
            let found = day_year(words.get(i + 1), words.get(i + 2)).or_else(|| {
                i.checked_sub(1)
                    .and_then(|p| day_year(words.get(p), words.get(i + 1)))
            });
            if let Some((d, y)) = found {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
        let t = w.split('T').next().unwrap_or(w);
        let t = t.trim_matches(|c: char| !c.is_ascii_digit());
        let parts: Vec<&str> = t.split(['-', '.', '/']).collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
            if n.len() == 3 {
                if parts[0].len() == 4 && (1..=12).contains(&n[1]) && (1..=31).contains(&n[2]) {
                    return Some(format!("{:04}-{:02}-{:02}", n[0], n[1], n[2]));
                }
                if parts[0].len() <= 2 && (1..=31).contains(&n[0]) && (1..=12).contains(&n[1]) {
                    let y = match parts[2].len() {
                        2 => 2000 + n[2],
                        4 => n[2],
                        _ => continue,
                    };
                    return Some(format!("{y:04}-{:02}-{:02}", n[1], n[0]));
                }
            }
        }
    }
    None
}

/// Does the sentence end with a full date (`... on August 15, 2025.`)? Photo captions do;
/// article sentences rarely do.
pub(crate) fn ends_with_full_date(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches('.');
    // Cheap test first: a year is four digits at the end.
    let tb = t.as_bytes();
    if tb.len() < 12 || !tb[tb.len() - 4..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let words: Vec<&str> = t.rsplitn(4, ' ').collect();
    if words.len() < 3 {
        return false;
    }
    // words[0] = year, words[1] = "15," , words[2] = month
    let year_ok =
        words[0].len() == 4 && number(words[0]).is_some_and(|y| (1900..=2100).contains(&y));
    let day_ok = words[1].ends_with(',') && number(words[1]).is_some_and(|d| (1..=31).contains(&d));
    year_ok && day_ok && month_of(words[2]).is_some()
}

/// One sentence only: no `. ` followed by an upper-case letter, except after a month
/// abbreviation (`Sept. 12`).
pub(crate) fn single_sentence(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches('.');
    let mut from = 0;
    while let Some(p) = t[from..].find(". ") {
        let at = from + p;
        let before = t[..at].rsplit(' ').next().unwrap_or("");
        if month_of(before).is_none() {
            return false;
        }
        from = at + 2;
    }
    true
}

/// The first `http(s)://` URL in the line.
pub(crate) fn find_url(line: &str) -> Option<&str> {
    let s = line.find("https://").or_else(|| line.find("http://"))?;
    let rest = &line[s..];
    let e = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '>' | ')' | '"' | ']'))
        .unwrap_or(rest.len());
    Some(&rest[..e])
}

/// Is the line nothing but a URL (`https://...`, `<https://...>`, `www.example.org/...`)?
pub(crate) fn is_bare_url(line: &str) -> bool {
    let t = line.trim_matches(|c: char| c == '<' || c == '>' || c.is_whitespace());
    !t.contains(char::is_whitespace)
        && (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
}

/// Does the line report speech or look ahead (`said`, `says`, `told`, `will`, `would`)? Photo
/// captions describe a picture; article sentences report and anticipate.
pub(crate) fn reports(line: &str) -> bool {
    line.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        w.len() >= 4
            && w.len() <= 5
            && matches!(
                w.to_ascii_lowercase().as_str(),
                "said" | "says" | "told" | "will" | "would"
            )
    })
}

/// A row of figures (`Revs 10.6 mln vs 24.2 mln`, `Shr 30 cts vs 5.92 dlrs`): at least two
/// words with digits, making up at least a quarter of the words.
pub(crate) fn is_figures(line: &str, words: usize) -> bool {
    let numeric = line
        .split_ascii_whitespace()
        .filter(|w| w.bytes().any(|b| b.is_ascii_digit()))
        .count();
    numeric >= 2 && numeric * 4 >= words
}

/// Count of first-person plural pronouns (`we`, `our`, `us`): appeals speak as the outlet.
pub(crate) fn we_count(line: &str) -> usize {
    line.split(|c: char| !c.is_alphabetic())
        .filter(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "we" | "our" | "us" | "ours"
            )
        })
        .count()
}

const STOPS: &str = "a about above after again against all also am an and any are as at be \
     because been before being below between both but by can could did do does doing down \
     during each even ever every few for from further had has have having he her here hers \
     herself him himself his how however i if in into is it its itself just last like made \
     make many may me might more most much must my myself new no nor not now of off on once \
     one only or other our ours out over own per said same says say saying she should since \
     so some still such than that the their theirs them then there these they this those \
     though through to told too two under until up upon us very was we were what when where \
     whether which while who whom why will with within without would year years yet you \
     your yours according week day days time times first";

/// A set of words packed by [`pack`]: open addressing with linear probing, at most a quarter
/// full (one probe, rarely two, instead of a binary search).
pub(crate) struct PackedSet {
    slots: Box<[u128]>,
    shift: u32,
}

impl PackedSet {
    fn new(words: &str) -> PackedSet {
        let n = words.split_ascii_whitespace().count();
        let size = (4 * n).next_power_of_two().max(16);
        let mut set = PackedSet {
            slots: vec![0; size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
        };
        for w in words.split_ascii_whitespace() {
            let x = pack(w.as_bytes());
            let mut i = set.slot(x);
            while set.slots[i] != 0 && set.slots[i] != x {
                i = (i + 1) & (size - 1);
            }
            set.slots[i] = x;
        }
        set
    }

    #[inline]
    fn slot(&self, x: u128) -> usize {
        let h = ((x as u64) ^ ((x >> 64) as u64)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> self.shift) as usize
    }

    /// Is the packed word `x` in the set?
    #[inline]
    pub(crate) fn contains(&self, x: u128) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(x);
        loop {
            let v = self.slots[i];
            if v == x {
                return x != 0;
            }
            if v == 0 {
                return false;
            }
            i = (i + 1) & mask;
        }
    }
}

/// Stop words, each packed by [`pack`] (lower-case ASCII, at most 16 bytes).
fn stop_set() -> &'static PackedSet {
    static SET: OnceLock<PackedSet> = OnceLock::new();
    SET.get_or_init(|| PackedSet::new(STOPS))
}

/// Weekday and month names: capitalised, but not names of this article's actors or places.
fn calendar_set() -> &'static PackedSet {
    static SET: OnceLock<PackedSet> = OnceLock::new();
    SET.get_or_init(|| {
        PackedSet::new(
            "monday tuesday wednesday thursday friday saturday sunday january february \
             march april may june july august september october november december jan feb mar \
             apr jun jul aug sep sept oct nov dec",
        )
    })
}

/// Lower-case ASCII bytes (at most 16) packed into an integer (for set lookups without
/// allocation).
fn pack(w: &[u8]) -> u128 {
    let mut x: u128 = 0;
    for &b in w.iter().take(16) {
        x = (x << 8) | u128::from(b.to_ascii_lowercase());
    }
    x
}

/// `0x20` in every byte: OR-ing it lower-cases ASCII letters and leaves digits as they are.
const LOWER_BITS: u128 = u128::from_ne_bytes([0x20; 16]);

/// [`pack`] of the word `bytes[s..s + len]` (ASCII letters and digits only, `len` at most 16)
/// and its [`ascii_key`], from one 16-byte load where the line allows it.
#[inline]
fn pack_alnum(bytes: &[u8], s: usize, len: usize) -> (u128, u64) {
    let Some(chunk) = bytes.get(s..s + 16) else {
        let w = &bytes[s..s + len];
        return (pack(w), ascii_key(w));
    };
    let v = u128::from_be_bytes(chunk.try_into().expect("16 bytes"));
    let prefix = |k: usize| (v >> (128 - 8 * k)) | (LOWER_BITS >> (128 - 8 * k));
    (prefix(len.min(16)), prefix(len.min(5)) as u64)
}

/// Key of a (lower-cased) word: its first five bytes packed (ASCII), else FNV-1a of its first
/// five characters with the top bit set, so the two kinds never collide.
fn ascii_key(w: &[u8]) -> u64 {
    let mut k: u64 = 0;
    for &b in w.iter().take(5) {
        k = (k << 8) | u64::from(b.to_ascii_lowercase());
    }
    k
}

/// Content-word keys of a line: words of at least three letters that are not stop words,
/// lower-cased and truncated to five characters (a cheap, language-light stem: "negotiations"
/// and "negotiators" both give "negot"). Distinct keys are appended to `out`.
pub(crate) fn content_keys(line: &str, out: &mut Vec<u64>) {
    keys(line, Some(out), None);
}

/// Keys of the names in a line: content words that are capitalised and do not start a
/// sentence (people, places, organisations: "said Lunmark's minister"), weekday and month
/// names aside.
pub(crate) fn entity_keys(line: &str, out: &mut Vec<u64>) {
    keys(line, None, Some(out));
}

/// Content-word keys and name keys of a line in one pass (either output may be absent).
/// ASCII words are handled on bytes (no allocation); other words go through Unicode
/// lower-casing.
pub(crate) fn keys(
    line: &str,
    mut content: Option<&mut Vec<u64>>,
    mut names: Option<&mut Vec<u64>>,
) {
    let stops = stop_set();
    let mask = stop_mask();
    let from_c = content.as_ref().map_or(0, |v| v.len());
    let from_n = names.as_ref().map_or(0, |v| v.len());
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut buf = String::new();
    // Does the next word start a sentence? (line start, or after `.`, `!`, `?`, `:`)
    let mut initial = true;
    while i < bytes.len() {
        let b = bytes[i];
        if CLASS[b as usize] == 0 {
            // `U.S.`, `48.5`: a full stop inside a token does not end a sentence.
            if matches!(b, b'.' | b'!' | b'?' | b':')
                && !bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
            {
                initial = true;
            }
            i += 1;
            continue;
        }
        let s = i;
        let mut high = 0u8;
        while i < bytes.len() && CLASS[bytes[i] as usize] != 0 {
            high |= bytes[i];
            i += 1;
        }
        let was_initial = initial;
        initial = false;
        let w = &bytes[s..i];
        let len = w.len();
        if high < 0x80 {
            if len < 3 || (w[0] <= b'9' && w.iter().all(u8::is_ascii_digit)) {
                continue;
            }
            let (packed, key) = pack_alnum(bytes, s, len);
            if len <= 10
                && mask[len] & (1u32 << ((w[0] | 0x20).wrapping_sub(b'a') & 31)) != 0
                && stops.contains(packed)
            {
                continue;
            }
            if let Some(out) = content.as_deref_mut() {
                out.push(key);
            }
            if let Some(out) = names.as_deref_mut() {
                // Calendar words are at most 9 letters long.
                if !was_initial
                    && w[0].is_ascii_uppercase()
                    && (len > 10 || !calendar_set().contains(packed))
                {
                    out.push(key);
                }
            }
        } else {
            // Non-ASCII bytes may include punctuation (quotes, dashes): split on non-alphanumerics.
            for (k, w) in line[s..i].split(|c: char| !c.is_alphanumeric()).enumerate() {
                if w.chars().count() < 3 || w.bytes().all(|b| b.is_ascii_digit()) {
                    continue;
                }
                let name = starts_upper(w) && !(k == 0 && was_initial);
                buf.clear();
                buf.extend(w.chars().flat_map(char::to_lowercase));
                let key = if buf.is_ascii() {
                    let lw = buf.as_bytes();
                    if lw.len() <= 10 && stops.contains(pack(lw)) {
                        continue;
                    }
                    if name && calendar_set().contains(pack(lw)) {
                        continue;
                    }
                    ascii_key(lw)
                } else {
                    let cut = buf.char_indices().nth(5).map_or(buf.len(), |(k, _)| k);
                    fnv(&buf.as_bytes()[..cut]) | (1 << 63)
                };
                if let Some(out) = content.as_deref_mut() {
                    out.push(key);
                }
                if name {
                    if let Some(out) = names.as_deref_mut() {
                        out.push(key);
                    }
                }
            }
        }
    }
    for (out, from) in [(content, from_c), (names, from_n)] {
        if let Some(out) = out {
            let tail = &mut out[from..];
            tail.sort_unstable();
            let n = dedup_len(tail);
            out.truncate(from + n);
        }
    }
}

/// Byte classes for word scanning: 1 ASCII letter or digit, 2 non-ASCII, 0 other.
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            1
        } else if c >= 0x80 {
            2
        } else {
            0
        };
        b += 1;
    }
    t
};

/// For each word length up to 10, a bit per first letter that some stop word has.
fn stop_mask() -> &'static [u32; 11] {
    static MASK: OnceLock<[u32; 11]> = OnceLock::new();
    MASK.get_or_init(|| {
        let mut m = [0u32; 11];
        for w in STOPS.split_ascii_whitespace() {
            if w.len() <= 10 {
                m[w.len()] |= 1 << ((w.as_bytes()[0] - b'a') & 31);
            }
        }
        m
    })
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn dedup_len(v: &mut [u64]) -> usize {
    if v.is_empty() {
        return 0;
    }
    let mut w = 1;
    for r in 1..v.len() {
        if v[r] != v[w - 1] {
            v[w] = v[r];
            w += 1;
        }
    }
    w
}

/// FNV-1a: deterministic across runs and platforms.
pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The byte each input byte contributes to [`line_hash`] (0: ignored).
const NORM: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            b'0'
        } else if c.is_ascii_alphabetic() {
            c.to_ascii_lowercase()
        } else if c >= 0x80 {
            c
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Hash of a line for cross-document comparison: ASCII letters lower-cased, digits folded to
/// `0` (visit counters, dates), punctuation, markup and white space ignored (FNV-1a of what
/// remains; 0 for a line without letters or digits).
pub(crate) fn line_hash(line: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut any = false;
    for &b in line.as_bytes() {
        let c = NORM[b as usize];
        if c != 0 {
            any = true;
            h ^= u64::from(c);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    if any {
        h
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(find_date("March 3, 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(
            find_date("site-logo Monday, 4 March 2024").as_deref(),
            Some("2024-03-04")
        );
        assert_eq!(
            find_date("Harbour Daily Published 03.04.25, 09:10 AM").as_deref(),
            Some("2025-04-03")
        );
        assert_eq!(
            find_date("updated 2024-03-05T10:00").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(find_date("The ferry may sail on time"), None);
        assert!(ends_with_full_date(
            "The mayor waves at a rally in Portsmouth on Sept. 3, 2024."
        ));
        assert!(!ends_with_full_date(
            "The mayor said the rally would go ahead."
        ));
    }

    #[test]
    fn line_features() {
        assert!(ends_sentence("He left.”"));
        assert!(!ends_sentence("would continue their advance"));
        assert!(starts_lower("in the harbour"));
        assert!(all_caps("MY TOWN NEWS"));
        assert_eq!(word_count("a — b  c"), 3);
        assert_eq!(word_count("a - b  c"), 3);
        assert_eq!(word_count(" -- a.b,\tc\x0c(d) ...  "), 3);
        assert_eq!(word_count("Ünïcode wörds and — dashes"), 4);
        assert!(is_bare_url("<https://example.org/a>"));
        assert_eq!(
            find_url("Original url: https://example.org/x)"),
            Some("https://example.org/x")
        );
    }

    #[test]
    fn keys_stem_by_truncation() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        content_keys("Negotiations stalled", &mut a);
        content_keys("the negotiators stall", &mut b);
        assert_eq!(a.len(), 2);
        assert_eq!(a, b);
        assert_eq!(line_hash("Visited 3 times"), line_hash("visited 7 times!"));
    }

    #[test]
    fn packed_sets_and_fast_pack() {
        let stops = stop_set();
        for w in STOPS.split_ascii_whitespace() {
            assert!(stops.contains(pack(w.as_bytes())), "{w}");
            assert!(
                stops.contains(pack(w.to_ascii_uppercase().as_bytes())),
                "{w}"
            );
        }
        for w in ["harbour", "ferry", "negot", "x", "", "aboutt", "abou"] {
            assert!(!stops.contains(pack(w.as_bytes())), "{w}");
        }
        assert!(calendar_set().contains(pack(b"Sept")));
        // The one-load pack agrees with the byte loop, near the end of the line and not.
        let line = b"Negotiations in 2025 ABOUT Sept DEC a9Z0 supercalifragilistic x";
        let mut s = 0;
        for w in line.split(|&b| b == b' ') {
            let len = w.len();
            let (p, k) = pack_alnum(line, s, len);
            assert_eq!(p, pack(w), "{:?}", std::str::from_utf8(w));
            assert_eq!(k, ascii_key(w));
            s += len + 1;
        }
    }
}
