//! Sentence boundary detection.
//!
//! The splitter is a single left-to-right pass over the bytes of the text (ASCII fast path,
//! UTF-8 decoded only next to punctuation). The text is cut into *chunks*, maximal runs of
//! non-white-space characters; a sentence boundary can only fall in the white space between two
//! chunks, so every non-white-space character ends up in exactly one sentence and every
//! sentence is trimmed. For each gap the decision looks at the end of the chunk before it, at
//! most three chunks after it and the number of line breaks inside the gap:
//!
//! 1. A blank line (two or more line breaks) always ends a sentence.
//! 2. A line that starts a list item (`- `, `* `, `• `, `1. `, `2) `, `(a) `, `a) `) or a
//!    markdown heading (`# `) starts a new sentence, and a heading line ends one.
//! 3. A single line break after a line without terminal punctuation ends the sentence unless
//!    the next line starts in lower case or the line ends with a comma, a dash or a function
//!    word (`the`, `of`, `and`, ...). Headlines, bylines and captions therefore stand alone.
//! 4. `?`, `!` (and runs such as `?!`, `!!!`, `?..`) end a sentence unless the next word is in
//!    lower case or the quotation they close is followed by an attribution
//!    (`“Is it over?” Peskov asked.`).
//! 5. An ellipsis (`...`, `…`) ends a sentence only before a capitalised word or a number.
//! 6. A single `.` ends a sentence before anything that does not start in lower case, except
//!    after abbreviations, which come in classes (see `lexicon.rs`, per-language lists for
//!    English, German, French, Spanish and Russian, the English list for the other languages):
//!    - titles and Latin connectives (`Mr.`, `Dr.`, `Gen.`, `e.g.`, `vs.`) never end one;
//!    - `No.`, `Art.`, `p.` and month names (`Jan.`, `Sept.`) are abbreviations only before a
//!      number;
//!    - adjective-like abbreviations (`St.`, US state abbreviations), initials (`W.`, `K.P.`)
//!      and unknown initialisms end a sentence only before a *sentence-starter* word (a closed
//!      list of determiners, pronouns, conjunctions and adverbs such as `The`, `He`, `But`,
//!      `Meanwhile`) or an opening quote;
//!    - noun-phrase enders (`Inc.`, `Ltd.`, `Jr.`, `etc.`) end a sentence before a capitalised
//!      word unless it looks like a continuation: a weekday, month or time zone, another
//!      abbreviation, a bracket (`Inc. (ORB.N)`), or a capitalised word followed by another
//!      capitalised word (`Apple Inc. Chief Executive Tim Cook`);
//!    - `U.S.`, `U.K.`, `U.N.`, `E.U.` follow the same rule, and the institution nouns they
//!      modify also continue (`U.S. Senate voted`, but `by the U.S. Moscow denied` splits);
//!    - `a.m.`, `p.m.` end a sentence before any capitalised word except a time zone, weekday or
//!      month, or a word followed by `time` (`2 p.m. Moscow time`);
//!    - in German, where nouns are capitalised, all abbreviations that can end a sentence follow
//!      the starter rule;
//!    - in German, Danish, Norwegian, Finnish, Hungarian and Turkish a one- or two-digit number
//!      with a dot is an ordinal (`am 3. Oktober`) unless a sentence starter follows;
//!    - a quotation closed by `.` followed by `Name said,` / `Name said.`, or closed by `?`/`!`
//!      followed by `Name asked` (not a pronoun), is one sentence.
//! 7. Without white space there is no boundary, except for a glued sentence (`tomorrow.Results`:
//!    two lower-case letters, `.!?`, an upper-case and a lower-case letter) outside URL-like
//!    chunks (containing `/`, `@`, `:`, `=`).
//!
//! Closing quotes and brackets after terminal punctuation stay with their sentence. URLs,
//! e-mail addresses, decimals and dates contain no white space and are never split.

mod lexicon;

use lexicon::{lexicon, Class, Lexicon, INSTITUTIONS, LINE_CONTINUERS, SPEECH_VERBS, TIME_WORDS};

use super::Language;

/// Byte classes: 0 = part of a chunk, 1 = ASCII white space, 2 = lead byte of a possible
/// multibyte white space character (U+0085, U+00A0, U+1680, U+2000..U+3000), 3 = `.!?`,
/// 4 = URL / e-mail punctuation (`/@:=`), which disables splits inside the chunk.
const BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b' ' as usize] = 1;
    t[b'\t' as usize] = 1;
    t[b'\n' as usize] = 1;
    t[b'\r' as usize] = 1;
    t[0x0b] = 1;
    t[0x0c] = 1;
    t[0xc2] = 2;
    t[0xe1] = 2;
    t[0xe2] = 2;
    t[0xe3] = 2;
    t[b'.' as usize] = 3;
    t[b'!' as usize] = 3;
    t[b'?' as usize] = 3;
    t[b'/' as usize] = 4;
    t[b'@' as usize] = 4;
    t[b':' as usize] = 4;
    t[b'=' as usize] = 4;
    t
};

/// A missing space after terminal punctuation (`tomorrow.Results`): the punctuation just
/// before `i` follows two lower-case letters and an upper-case plus a lower-case letter follow.
#[inline]
fn glued_boundary(b: &[u8], start: usize, i: usize) -> bool {
    i >= start + 3
        && b[i - 2].is_ascii_lowercase()
        && b[i - 3].is_ascii_lowercase()
        && b.get(i).is_some_and(u8::is_ascii_uppercase)
        && b.get(i + 1).is_some_and(u8::is_ascii_lowercase)
}

/// Length and line-break weight of the multibyte white space character at `i`, if any.
#[inline]
fn multibyte_space(b: &[u8], i: usize) -> Option<(usize, u32)> {
    let b1 = *b.get(i + 1)?;
    match b[i] {
        0xc2 => match b1 {
            0x85 => Some((2, 1)),
            0xa0 => Some((2, 0)),
            _ => None,
        },
        0xe1 => (b1 == 0x9a && b.get(i + 2) == Some(&0x80)).then_some((3, 0)),
        0xe2 => {
            let b2 = *b.get(i + 2)?;
            match (b1, b2) {
                (0x80, 0x80..=0x8a | 0xaf) | (0x81, 0x9f) => Some((3, 0)),
                (0x80, 0xa8) => Some((3, 1)),
                (0x80, 0xa9) => Some((3, 2)),
                _ => None,
            }
        }
        0xe3 => (b1 == 0x80 && b.get(i + 2) == Some(&0x80)).then_some((3, 0)),
        _ => None,
    }
}

/// How a chunk starts, after any opening quotes and brackets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lead {
    Lower,
    Upper,
    /// A letter without case (Arabic, Tamil, CJK, ...).
    Caseless,
    Digit,
    /// Punctuation that continues a sentence: `,` `;` `:` `.` `…` closing brackets.
    Continuation,
    Other,
    /// The chunk is made of opening quotes and brackets only (`«` in `« Bonjour »`).
    OpenersOnly,
}

#[derive(Debug, Clone, Copy)]
struct Chunk {
    start: usize,
    end: usize,
    /// Line breaks in the white space in front of the chunk (2 or more = paragraph break).
    breaks: u32,
    lead: Lead,
    /// Offset of the first character after the opening quotes and brackets.
    body: usize,
    /// An opening quote precedes the body.
    quoted: bool,
}

impl Chunk {
    const EMPTY: Chunk = Chunk {
        start: 0,
        end: 0,
        breaks: 0,
        lead: Lead::Other,
        body: 0,
        quoted: false,
    };
}

#[inline]
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '„' | '‚' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡'
    )
}

#[inline]
fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '„' | '‚' | '«' | '‹')
}

#[inline]
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '“' | '‘' | '»' | '›' | ')' | ']' | '}'
    )
}

#[inline]
fn is_closing_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '“' | '‘' | '»' | '›')
}

/// Terminal punctuation that is never an abbreviation dot.
#[inline]
fn is_strong_stop(c: char, greek: bool) -> bool {
    matches!(
        c,
        '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' | '！' | '？' | '؟' | '。' | '۔' | '।' | '॥' | '\u{37e}'
    ) || (greek && c == ';')
}

fn classify_lead(text: &str, start: usize, end: usize) -> (Lead, usize, bool) {
    // ASCII fast path: most chunks start with a letter or a digit.
    match text.as_bytes()[start] {
        b'a'..=b'z' => return (Lead::Lower, start, false),
        b'A'..=b'Z' => return (Lead::Upper, start, false),
        b'0'..=b'9' => return (Lead::Digit, start, false),
        _ => {}
    }
    let mut quoted = false;
    for (i, c) in text[start..end].char_indices() {
        if is_opener(c) {
            quoted |= is_opening_quote(c);
            continue;
        }
        let lead = if c.is_ascii() {
            match c {
                'a'..='z' => Lead::Lower,
                'A'..='Z' => Lead::Upper,
                '0'..='9' => Lead::Digit,
                ',' | ';' | ':' | '.' | ')' | ']' | '}' | '?' | '!' => Lead::Continuation,
                _ => Lead::Other,
            }
        } else if c.is_lowercase() {
            Lead::Lower
        } else if c.is_uppercase() {
            Lead::Upper
        } else if c.is_alphabetic() {
            Lead::Caseless
        } else if c.is_numeric() {
            Lead::Digit
        } else if matches!(c, '…' | '”' | '’' | '»' | '›' | '、' | '，') {
            Lead::Continuation
        } else {
            Lead::Other
        };
        return (lead, start + i, quoted);
    }
    (Lead::OpenersOnly, end, quoted)
}

/// Ring buffer size (a power of two); the decisions look at most [`AHEAD`] chunks ahead.
const WINDOW: usize = 8;
/// Look-ahead of the decisions: the next chunk and the five after it (attributions such as
/// `“...!” Mayor Karen Bass said` need them).
const AHEAD: usize = 6;

/// A ring buffer of upcoming chunks.
struct Window<'a> {
    sc: Scanner<'a>,
    buf: [Chunk; WINDOW],
    head: usize,
    len: usize,
    done: bool,
}

impl Window<'_> {
    /// Make at least `k + 1` chunks available if the text has them.
    #[inline]
    fn fill(&mut self, k: usize) {
        while self.len <= k && !self.done {
            match self.sc.next_chunk() {
                Some(c) => {
                    self.buf[(self.head + self.len) % WINDOW] = c;
                    self.len += 1;
                }
                None => self.done = true,
            }
        }
    }

    /// The `k`-th upcoming chunk (`k < WINDOW`).
    #[inline]
    fn peek(&mut self, k: usize) -> Option<Chunk> {
        self.fill(k);
        (k < self.len).then(|| self.buf[(self.head + k) % WINDOW])
    }

    /// The next chunk exists and is on the same line.
    #[inline]
    fn next_on_same_line(&mut self) -> bool {
        self.fill(0);
        self.len > 0 && self.buf[self.head].breaks == 0
    }

    #[inline]
    fn pop(&mut self) -> Option<Chunk> {
        self.fill(0);
        if self.len == 0 {
            return None;
        }
        let c = self.buf[self.head];
        self.head = (self.head + 1) % WINDOW;
        self.len -= 1;
        Some(c)
    }
}

/// Iterator over the chunks of a text.
struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl Scanner<'_> {
    fn next_chunk(&mut self) -> Option<Chunk> {
        let b = self.text.as_bytes();
        let n = b.len();
        let mut i = self.pos;
        let mut breaks = 0u32;
        // The usual gap: a single space before a word.
        if b.get(i) == Some(&b' ') && b.get(i + 1).is_some_and(|&x| BYTE_CLASS[x as usize] == 0) {
            i += 1;
        }
        // White space, counting line breaks.
        loop {
            if i >= n {
                self.pos = n;
                return None;
            }
            match BYTE_CLASS[b[i] as usize] {
                0 => break,
                1 => {
                    match b[i] {
                        b'\n' => breaks += 1,
                        b'\r' if b.get(i + 1) != Some(&b'\n') => breaks += 1,
                        0x0b | 0x0c => breaks += 2,
                        _ => {}
                    }
                    i += 1;
                }
                _ => match multibyte_space(b, i) {
                    Some((len, w)) => {
                        breaks += w;
                        i += len;
                    }
                    None => break,
                },
            }
        }
        let start = i;
        let mut url_like = false;
        loop {
            // Tight loop over ordinary bytes (letters, digits, most punctuation).
            while i < n && BYTE_CLASS[b[i] as usize] == 0 {
                i += 1;
            }
            if i >= n {
                break;
            }
            match BYTE_CLASS[b[i] as usize] {
                1 => break,
                2 => {
                    if multibyte_space(b, i).is_some() {
                        break;
                    }
                    i += 1;
                }
                3 => {
                    i += 1;
                    if !url_like && glued_boundary(b, start, i) {
                        break;
                    }
                }
                _ => {
                    url_like = true;
                    i += 1;
                }
            }
        }
        self.pos = i;
        let (lead, body, quoted) = classify_lead(self.text, start, i);
        Some(Chunk {
            start,
            end: i,
            breaks: breaks.min(2),
            lead,
            body,
            quoted,
        })
    }
}

/// Terminal punctuation at the end of a chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    None,
    /// A single `.`.
    Period,
    /// `?`, `!`, `。` and runs containing them.
    Strong,
    /// `...`, `…`.
    Ellipsis,
}

#[derive(Debug, Clone, Copy)]
struct End {
    stop: Stop,
    /// A closing quote follows the punctuation.
    quoted: bool,
    /// The word in front of the punctuation (without opening quotes), as byte offsets.
    word: (usize, usize),
    /// The last character before the terminal punctuation and closers.
    last: char,
}

impl End {
    fn none(at: usize, last: char) -> End {
        End {
            stop: Stop::None,
            quoted: false,
            word: (at, at),
            last,
        }
    }
}

fn end_info(text: &str, c: &Chunk, greek: bool) -> End {
    let mut quoted = false;
    let mut closers_end = c.start; // start of the closers suffix
    let mut dots = 0usize;
    let mut strong = false;
    let mut ellipsis = false;
    let mut run_start = None;
    let mut last = '\0';
    let mut in_closers = true;
    for (i, ch) in text[c.start..c.end].char_indices().rev() {
        if in_closers {
            if is_closer(ch) {
                quoted |= is_closing_quote(ch);
                continue;
            }
            in_closers = false;
            closers_end = c.start + i + ch.len_utf8();
        }
        if ch == '.' || ch == '．' {
            dots += 1;
        } else if ch == '…' || ch == '⋯' {
            ellipsis = true;
        } else if is_strong_stop(ch, greek) {
            strong = true;
        } else {
            last = ch;
            break;
        }
        run_start = Some(c.start + i);
    }
    let word_start = c.body.min(closers_end);
    let Some(run) = run_start else {
        let mut e = End::none(closers_end, last);
        e.word = (word_start, closers_end);
        return e;
    };
    let stop = if strong {
        Stop::Strong
    } else if ellipsis || dots >= 3 {
        Stop::Ellipsis
    } else {
        Stop::Period
    };
    End {
        stop,
        quoted,
        word: (word_start.min(run), run),
        last,
    }
}

/// The kind of line a chunk at the start of a line opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Normal,
    Heading,
    Item,
}

fn line_kind(s: &str) -> LineKind {
    let b = s.as_bytes();
    if !b.is_empty() && b.len() <= 6 && b.iter().all(|&x| x == b'#') {
        return LineKind::Heading;
    }
    if is_item_marker(s) {
        LineKind::Item
    } else {
        LineKind::Normal
    }
}

fn is_item_marker(s: &str) -> bool {
    if matches!(
        s,
        "-" | "*"
            | "+"
            | "•"
            | "–"
            | "—"
            | "·"
            | "▪"
            | "◦"
            | "‣"
            | "●"
            | "○"
            | "■"
            | "□"
            | "►"
            | "✓"
            | "✔"
    ) {
        return true;
    }
    let b = s.as_bytes();
    match b {
        [b'(', inner @ .., b')'] => {
            !inner.is_empty() && inner.len() <= 4 && inner.iter().all(u8::is_ascii_alphanumeric)
        }
        [body @ .., b'.' | b')'] if !body.is_empty() => {
            (body.len() <= 3 && body.iter().all(u8::is_ascii_digit))
                || (body.len() == 1 && body[0].is_ascii_lowercase())
                || (body.len() <= 4 && body.iter().all(|x| matches!(x, b'i' | b'v' | b'x')))
                || (b[b.len() - 1] == b')' && body.len() == 1 && body[0].is_ascii_alphabetic())
        }
        _ => false,
    }
}

/// Letters separated by dots, each a single letter: `U.S`, `K.P`, `W`, `т.е`.
fn is_initialism(w: &str) -> bool {
    super::tokenize::is_initialism_prefix(w)
}

/// The run of letters at the start of `text[from..to]`.
fn word_at(text: &str, from: usize, to: usize) -> &str {
    let s = &text[from..to];
    let len = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    &s[..len]
}

/// What the word in front of a single dot is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DotWord {
    Plain,
    Abbrev(Class),
    /// A single upper-case letter (`W.` in `George W. Bush`).
    Initial,
    /// Other initialisms (`K.P.`), treated like [`Class::Starter`].
    Initialism,
    /// A one- or two-digit ordinal number in a language that writes `3.` for "third".
    Ordinal,
}

/// The next word and what follows it, seen past a chunk of opening quotes only.
#[derive(Debug, Clone, Copy)]
struct Next {
    lead: Lead,
    quoted: bool,
    /// The chunk holding the next word.
    chunk: Chunk,
    /// The chunk after it on the same line, if any.
    after: Option<Chunk>,
    /// The chunks after it on the same line (`None` from the first line break on).
    following: [Option<Chunk>; 4],
}

struct Splitter<'a> {
    text: &'a str,
    lex: &'static Lexicon,
    ordinal_dots: bool,
    greek: bool,
}

impl Splitter<'_> {
    fn dot_word(&self, end: &End, prev: Option<&Chunk>) -> DotWord {
        let w = &self.text[end.word.0..end.word.1];
        if w.is_empty() {
            return DotWord::Plain;
        }
        let mut chars = w.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_uppercase() {
                let lower: String = c.to_lowercase().collect();
                return match self.lex.abbrev_capitalised_only(&lower) {
                    Some(class) => DotWord::Abbrev(class),
                    None => DotWord::Initial,
                };
            }
        }
        if w.len() <= 24 {
            let capitalised = w.chars().next().is_some_and(char::is_uppercase);
            let class = if w.is_ascii() {
                let mut buf = [0u8; 24];
                buf[..w.len()].copy_from_slice(w.as_bytes());
                buf[..w.len()].make_ascii_lowercase();
                // Lower-casing ASCII keeps valid UTF-8.
                std::str::from_utf8(&buf[..w.len()])
                    .ok()
                    .and_then(|l| self.lex.abbrev(l, capitalised))
            } else {
                self.lex.abbrev(&w.to_lowercase(), capitalised)
            };
            match class {
                Some(Class::RussianYear) => {
                    let after_number = prev.is_some_and(|p| {
                        let s = &self.text[p.start..p.end];
                        !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'-')
                    });
                    return DotWord::Abbrev(if after_number {
                        Class::Suffix
                    } else {
                        Class::Prefix
                    });
                }
                Some(c) => return DotWord::Abbrev(c),
                None => {}
            }
        }
        if is_initialism(w) {
            let mut chars = w.chars();
            let first = chars.next().unwrap_or(' ');
            if chars.next().is_none() {
                return if first.is_uppercase() {
                    DotWord::Initial
                } else {
                    DotWord::Plain
                };
            }
            return DotWord::Initialism;
        }
        if self.ordinal_dots && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()) {
            return DotWord::Ordinal;
        }
        DotWord::Plain
    }

    fn word(&self, c: &Chunk) -> &str {
        word_at(self.text, c.body, c.end)
    }

    fn is_starter(&self, c: &Chunk) -> bool {
        // "A." in "J. A. Smith" is an initial, not the article.
        let w = self.word(c);
        if self.text[c.body + w.len()..c.end].starts_with('.') && w.chars().count() == 1 {
            return false;
        }
        self.lex.is_starter(w)
    }

    /// `c` opens with a bracket (`Inc. (ORB.N)`).
    fn bracketed(&self, c: &Chunk) -> bool {
        matches!(self.text.as_bytes()[c.start], b'(' | b'[')
    }

    /// `c` is an abbreviation with its dot (`Ltd.` after `Co.`).
    fn is_abbrev_chunk(&self, c: &Chunk) -> bool {
        let w = self.word(c);
        if !self.text[c.body + w.len()..c.end].starts_with('.') {
            return false;
        }
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        self.lex.abbrev(&w.to_lowercase(), capitalised).is_some()
    }

    /// `“...?” Peskov asked` / `“....” Peskov said,`: an attribution after a quotation.
    fn attribution(&self, next: &Next, strong: bool) -> bool {
        // A capitalised pronoun or article starts a new sentence (`“Why?” She left.`).
        if next.lead != Lead::Upper || next.quoted || self.is_starter(&next.chunk) {
            return false;
        }
        let verb_ok = |c: &Chunk| {
            let w = self.word(c);
            if !SPEECH_VERBS.contains(&w) {
                return false;
            }
            strong || matches!(&self.text[c.body + w.len()..c.end], "," | ".")
        };
        // Up to three more capitalised words (`Mayor Karen Bass said`), then the verb.
        for (k, c) in next.following.iter().enumerate() {
            let Some(c) = c else { return false };
            if verb_ok(c) {
                return true;
            }
            if k == 3 || c.lead != Lead::Upper || c.quoted || self.is_starter(c) {
                return false;
            }
        }
        false
    }

    /// Starter rule: split only before a sentence-starter word or an opening quote.
    fn starter_split(&self, next: &Next) -> bool {
        match next.lead {
            Lead::Upper => next.quoted || self.is_starter(&next.chunk),
            Lead::Caseless | Lead::Other | Lead::OpenersOnly => next.quoted,
            _ => false,
        }
    }

    /// Suffix rule: split before a capitalised word unless it continues a name or a time.
    fn suffix_split(&self, next: &Next, class: Class) -> bool {
        if self.lex.noun_capitals {
            return self.starter_split(next);
        }
        match next.lead {
            Lead::Upper => {}
            Lead::Caseless | Lead::Other | Lead::OpenersOnly => return true,
            _ => return false,
        }
        if next.quoted || self.is_starter(&next.chunk) {
            return true;
        }
        let w = self.word(&next.chunk);
        if TIME_WORDS.contains(&w)
            || self.is_abbrev_chunk(&next.chunk)
            || self.bracketed(&next.chunk)
            || (class == Class::Country && INSTITUTIONS.contains(&w))
        {
            return false;
        }
        if class == Class::Time {
            // Only `Moscow time`, `Eastern Time` continue after a.m./p.m.
            return next
                .after
                .is_none_or(|a| !self.word(&a).eq_ignore_ascii_case("time"));
        }
        match next.after {
            Some(a) => (a.quoted || a.lead != Lead::Upper) && self.word(&a) != "time",
            None => true,
        }
    }

    fn next_view(ahead: &[Option<Chunk>; AHEAD]) -> Option<Next> {
        let next = ahead[0]?;
        // Chunks on the same line as `next`, in order, cut at the first line break.
        let mut line = [None; AHEAD];
        line[0] = Some(next);
        for k in 1..AHEAD {
            line[k] = line[k - 1].and(ahead[k]).filter(|c| c.breaks == 0);
        }
        let (word_index, lead, quoted) = if next.lead == Lead::OpenersOnly {
            match line[1] {
                Some(w) if w.lead != Lead::OpenersOnly => (1, w.lead, next.quoted || w.quoted),
                Some(w) => (1, Lead::Other, next.quoted || w.quoted),
                None => (0, Lead::Other, next.quoted),
            }
        } else {
            (0, next.lead, next.quoted)
        };
        let mut following = [None; 4];
        for (k, slot) in following.iter_mut().enumerate() {
            *slot = line.get(word_index + 1 + k).copied().flatten();
        }
        Some(Next {
            lead,
            quoted,
            chunk: line[word_index].unwrap_or(next),
            after: following[0],
            following,
        })
    }

    /// Does a dot after `end` end the sentence before `next`? (same line)
    fn period_split(&self, end: &End, prev: Option<&Chunk>, next: &Next) -> bool {
        if matches!(next.lead, Lead::Lower | Lead::Continuation) {
            return false;
        }
        match self.dot_word(end, prev) {
            DotWord::Plain => !(end.quoted && self.attribution(next, false)),
            DotWord::Abbrev(Class::Prefix) => false,
            DotWord::Abbrev(Class::NumPrefix) => next.lead != Lead::Digit,
            DotWord::Abbrev(Class::Starter | Class::RussianYear)
            | DotWord::Initial
            | DotWord::Initialism => self.starter_split(next),
            DotWord::Abbrev(class @ (Class::Suffix | Class::Country | Class::Time)) => {
                self.suffix_split(next, class)
            }
            DotWord::Ordinal => next.quoted || self.is_starter(&next.chunk),
        }
    }

    /// The decision for the gap between `cur` and `next`.
    fn boundary(
        &self,
        prev: Option<&Chunk>,
        end: &End,
        line: LineKind,
        marker: bool,
        ahead: [Option<Chunk>; AHEAD],
    ) -> bool {
        let Some(next) = ahead[0] else {
            return true;
        };
        if next.breaks >= 2 {
            return true;
        }
        if marker {
            return false;
        }
        // Closing quotes or brackets standing alone (`partons ! »`) stay with the sentence.
        if next.lead == Lead::Continuation && self.text[next.start..next.end].chars().all(is_closer)
        {
            return false;
        }
        let Some(view) = Self::next_view(&ahead) else {
            return true;
        };
        if next.breaks == 1 {
            if line == LineKind::Heading
                || line_kind(&self.text[next.start..next.end]) != LineKind::Normal
            {
                return true;
            }
            if matches!(view.lead, Lead::Lower | Lead::Continuation) {
                return false;
            }
            return match end.stop {
                Stop::None => self.line_break_splits(end),
                Stop::Period => match self.dot_word(end, prev) {
                    DotWord::Abbrev(Class::Prefix) | DotWord::Initial => false,
                    DotWord::Abbrev(Class::NumPrefix) => view.lead != Lead::Digit,
                    _ => true,
                },
                Stop::Strong | Stop::Ellipsis => true,
            };
        }
        match end.stop {
            Stop::None => false,
            Stop::Strong => match view.lead {
                Lead::Lower | Lead::Continuation => false,
                _ => !(end.quoted && self.attribution(&view, true)),
            },
            Stop::Ellipsis => matches!(view.lead, Lead::Upper | Lead::Digit | Lead::Caseless),
            Stop::Period => self.period_split(end, prev, &view),
        }
    }

    /// A line without terminal punctuation, followed by a line that does not start in lower
    /// case: a boundary unless the line visibly continues.
    fn line_break_splits(&self, end: &End) -> bool {
        if matches!(
            end.last,
            ',' | ';' | '-' | '–' | '—' | '(' | '[' | '/' | '&' | '+' | '‐'
        ) {
            return false;
        }
        let w = &self.text[end.word.0..end.word.1];
        !LINE_CONTINUERS.contains(&w)
    }

    fn run(&self, mut emit: impl FnMut(usize, usize)) {
        let mut win = Window {
            sc: Scanner {
                text: self.text,
                pos: 0,
            },
            buf: [Chunk::EMPTY; WINDOW],
            head: 0,
            len: 0,
            done: false,
        };
        let Some(mut cur) = win.pop() else {
            return;
        };
        let bytes = self.text.as_bytes();
        let mut sentence_start = cur.start;
        let mut prev: Option<Chunk> = None;
        let mut carried = End::none(0, '\0');
        let mut line = LineKind::Normal;
        let mut at_line_start = true;
        loop {
            if at_line_start {
                line = line_kind(&self.text[cur.start..cur.end]);
            }
            let fast = bytes[cur.end - 1].is_ascii_alphanumeric() && win.next_on_same_line();
            if fast {
                // A chunk ending in a letter or digit with the next chunk on the same line.
                carried = End::none(cur.end, bytes[cur.end - 1] as char);
            } else {
                let marker = at_line_start && line != LineKind::Normal;
                let end = self.end_of(&cur, &carried);
                let next = win.peek(0);
                if end.stop == Stop::None && next.is_some_and(|n| n.breaks == 0) {
                    // No terminal punctuation and no line break (`word,` `(Reuters)`).
                    carried = end;
                    let Some(next) = win.pop() else { break };
                    prev = Some(cur);
                    cur = next;
                    at_line_start = false;
                    continue;
                }
                let mut ahead = [None; AHEAD];
                for (k, slot) in ahead.iter_mut().enumerate() {
                    *slot = win.peek(k);
                }
                if self.boundary(prev.as_ref(), &end, line, marker, ahead) {
                    emit(sentence_start, cur.end);
                    if let Some(n) = next {
                        sentence_start = n.start;
                    }
                }
                carried = end;
            }
            let Some(next) = win.pop() else { break };
            prev = Some(cur);
            cur = next;
            at_line_start = cur.breaks > 0;
        }
    }

    /// The end information of `cur`; a chunk of closers only inherits that of the chunk before.
    fn end_of(&self, cur: &Chunk, carried: &End) -> End {
        if cur.lead == Lead::Continuation && self.text[cur.start..cur.end].chars().all(is_closer) {
            let mut e = *carried;
            e.quoted |= self.text[cur.start..cur.end].chars().any(is_closing_quote);
            return e;
        }
        end_info(self.text, cur, self.greek)
    }
}

/// Byte spans `(start, end)` of the sentences of `text`, in order, each trimmed of white space.
///
/// Every non-white-space character of `text` lies in exactly one span; spans never overlap and
/// always fall on character boundaries. `language` selects the abbreviation lists (dedicated
/// ones for English, German, French, Spanish and Russian, the English ones otherwise) and
/// language-specific rules such as German ordinals (`am 3. Oktober`). Runs in linear time.
///
/// ```
/// use presslens::text::{sentence_spans, Language};
/// let text = "Mr. Smith arrived at 9 a.m. Monday. “It is over.” He left.";
/// let spans = sentence_spans(text, Language::English);
/// let parts: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
/// assert_eq!(parts, ["Mr. Smith arrived at 9 a.m. Monday.", "“It is over.”", "He left."]);
/// ```
pub fn sentence_spans(text: &str, language: Language) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    splitter(text, language).run(|s, e| out.push((s, e)));
    out
}

/// The sentences of `text` as borrowed slices; see [`sentence_spans`] for the rules.
///
/// ```
/// use presslens::text::{split_sentences, Language};
/// let text = "MOSCOW (Reuters) - U.S. President Donald Trump spoke... and left. Talks resume\n\nBy Jane Doe";
/// assert_eq!(
///     split_sentences(text, Language::English),
///     ["MOSCOW (Reuters) - U.S. President Donald Trump spoke... and left.", "Talks resume", "By Jane Doe"]
/// );
/// assert_eq!(
///     split_sentences("Die Wahl findet am 3. Oktober statt. Sie gilt als offen.", Language::German),
///     ["Die Wahl findet am 3. Oktober statt.", "Sie gilt als offen."]
/// );
/// ```
pub fn split_sentences(text: &str, language: Language) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    splitter(text, language).run(|s, e| out.push(&text[s..e]));
    out
}

fn splitter(text: &str, language: Language) -> Splitter<'_> {
    Splitter {
        text,
        lex: lexicon(language),
        ordinal_dots: matches!(
            language,
            Language::German
                | Language::Danish
                | Language::Norwegian
                | Language::Finnish
                | Language::Hungarian
                | Language::Turkish
        ),
        greek: language == Language::Greek,
    }
}

#[cfg(test)]
mod tests;
