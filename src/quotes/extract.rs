//! Finding quoted spans: straight, curly, low-high („…“) and guillemet marks, in one linear pass.
//!
//! Rules:
//! * `“` or `„` opens a curly quote that `”` (or `“` after `„`) closes; `«` opens, `»` closes;
//!   `‘` opens a single quote (after a non-letter, before a letter) that `’` closes when no
//!   letter follows it (so `don’t` inside it is no close).
//! * A straight `"` opens when it follows a non-word character (or the start) and precedes a
//!   non-space character; inside a straight quote the next `"` closes it. A stray `"` (after a
//!   word character, as in `5"`, or before a space) is ignored.
//! * Inside an open quote every other kind of mark is nested text, not a new quote.
//! * A line break inside an open quote: when the next line starts with an opening mark of the
//!   same kind, the quote continues (the news convention for quotes running over paragraphs:
//!   no closing mark at the end of a paragraph, an opening one at the next); when it starts in
//!   lower case, the line was wrapped and the quote continues; otherwise the quote was
//!   unbalanced and is dropped.
//! * Quotes without a word character (`""`, `“ ”`) are skipped. Every byte is visited a
//!   bounded number of times, so 10,000 marks in a row cost no more than 10,000 letters.

use memchr::memchr;

/// Kinds of quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// `"…"`
    Straight,
    /// `“…”`
    Curly,
    /// `„…“` or `„…”`
    LowHigh,
    /// `«…»`
    Guillemet,
    /// `‘…’`
    Single,
}

/// One quote: byte offsets of the opening mark, the quoted text (trimmed of white space) and
/// the end of the closing mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Start of the quoted text.
    pub start: usize,
    /// End of the quoted text.
    pub end: usize,
    /// Byte offset just after the closing mark.
    pub close_end: usize,
    /// The kind of mark.
    pub mark: Mark,
}

/// A mark found at a byte offset: (kind of event, byte length).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ev {
    Straight,
    LeftDouble,  // “
    RightDouble, // ”
    Low,         // „
    LeftSingle,  // ‘
    RightSingle, // ’
    LeftGuil,    // «
    RightGuil,   // »
}

fn event_at(b: &[u8], i: usize) -> Option<(Ev, usize)> {
    match b[i] {
        b'"' => Some((Ev::Straight, 1)),
        0xC2 if i + 1 < b.len() => match b[i + 1] {
            0xAB => Some((Ev::LeftGuil, 2)),
            0xBB => Some((Ev::RightGuil, 2)),
            _ => None,
        },
        0xE2 if i + 2 < b.len() && b[i + 1] == 0x80 => match b[i + 2] {
            0x9C => Some((Ev::LeftDouble, 3)),
            0x9D => Some((Ev::RightDouble, 3)),
            0x9E => Some((Ev::Low, 3)),
            0x98 => Some((Ev::LeftSingle, 3)),
            0x99 => Some((Ev::RightSingle, 3)),
            _ => None,
        },
        _ => None,
    }
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

fn char_after(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Does `ev` open a quote of kind `m` when no quote is open?
fn opens(text: &str, i: usize, len: usize, ev: Ev) -> Option<Mark> {
    match ev {
        Ev::LeftDouble => Some(Mark::Curly),
        Ev::Low => Some(Mark::LowHigh),
        Ev::LeftGuil => Some(Mark::Guillemet),
        Ev::LeftSingle => (!is_word(char_before(text, i)) && is_word(char_after(text, i + len)))
            .then_some(Mark::Single),
        Ev::Straight => {
            let next = char_after(text, i + len);
            (!is_word(char_before(text, i)) && next.is_some_and(|c| !c.is_whitespace()))
                .then_some(Mark::Straight)
        }
        _ => None,
    }
}

/// Does `ev` close an open quote of kind `m`?
fn closes(text: &str, i: usize, len: usize, ev: Ev, m: Mark) -> bool {
    match (m, ev) {
        (Mark::Straight, Ev::Straight)
        | (Mark::Curly, Ev::RightDouble)
        | (Mark::LowHigh, Ev::LeftDouble | Ev::RightDouble)
        | (Mark::Guillemet, Ev::RightGuil) => true,
        (Mark::Single, Ev::RightSingle) => !is_word(char_after(text, i + len)),
        _ => false,
    }
}

/// Does the line starting at `i` (after white space) continue an open quote of kind `m`?
/// Returns the offset to resume scanning from.
fn continues(text: &str, i: usize, m: Mark) -> Option<usize> {
    let rest = &text[i..];
    let trimmed = rest.trim_start();
    let j = i + (rest.len() - trimmed.len());
    let b = text.as_bytes();
    if j >= b.len() {
        return None;
    }
    if let Some((ev, len)) = event_at(b, j) {
        let same = matches!(
            (m, ev),
            (Mark::Straight, Ev::Straight)
                | (Mark::Curly, Ev::LeftDouble)
                | (Mark::LowHigh, Ev::Low)
                | (Mark::Guillemet, Ev::LeftGuil)
                | (Mark::Single, Ev::LeftSingle)
        );
        return same.then_some(j + len);
    }
    // A wrapped line: the next line goes on in lower case (only across a single line break).
    let blank = rest[..j - i].matches('\n').count() > 1;
    (!blank && trimmed.chars().next().is_some_and(char::is_lowercase)).then_some(j)
}

/// Next candidate mark at or after `i`: a `"`, or the lead byte of a 2- or 3-byte mark.
fn next_candidate(b: &[u8], i: usize) -> Option<usize> {
    memchr::memchr3(b'"', 0xC2, 0xE2, &b[i..]).map(|k| i + k)
}

/// Trim white space inside `[s, e)`.
fn trim(text: &str, s: usize, e: usize) -> (usize, usize) {
    let inner = &text[s..e];
    let left = inner.len() - inner.trim_start().len();
    let right = inner.trim_end().len();
    (s + left, s + right.max(left))
}

/// The quotes of `text`, in order of their opening marks (see the module docs).
///
/// ```
/// use presslens::quotes::find_quotes;
/// let text = "“It is a pause,” Peskov said. He called it «temporary» and \"calm\".";
/// let q: Vec<&str> = find_quotes(text).iter().map(|q| &text[q.start..q.end]).collect();
/// assert_eq!(q, ["It is a pause,", "temporary", "calm"]);
/// ```
pub fn find_quotes(text: &str) -> Vec<QuoteSpan> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    // (mark, offset of the opening mark, start of content)
    let mut open: Option<(Mark, usize, usize)> = None;
    let mut i = 0usize;
    // Inside an open quote: the offset up to which line breaks were checked.
    let mut checked = 0usize;
    while i < b.len() {
        let Some(p) = next_candidate(b, i) else {
            break;
        };
        if let Some((m, o, s)) = open {
            // Any line break between the last check and this mark?
            if let Some(k) = memchr(b'\n', &b[checked..p]) {
                let nl = checked + k;
                if let Some(resume) = continues(text, nl + 1, m) {
                    checked = resume;
                    i = resume;
                } else {
                    open = None;
                    i = nl + 1;
                }
                let _ = (o, s);
                continue;
            }
        }
        let Some((ev, len)) = event_at(b, p) else {
            i = p + 1;
            continue;
        };
        match open {
            None => {
                if let Some(m) = opens(text, p, len, ev) {
                    open = Some((m, p, p + len));
                    checked = p + len;
                }
            }
            Some((m, o, s)) => {
                if closes(text, p, len, ev, m) {
                    let (qs, qe) = trim(text, s, p);
                    if text[qs..qe].chars().any(char::is_alphanumeric) {
                        out.push(QuoteSpan {
                            open: o,
                            start: qs,
                            end: qe,
                            close_end: p + len,
                            mark: m,
                        });
                    }
                    open = None;
                } else {
                    checked = p + len;
                }
            }
        }
        i = p + len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        find_quotes(text)
            .iter()
            .map(|q| &text[q.start..q.end])
            .collect()
    }

    #[test]
    fn marks() {
        assert_eq!(quotes("He said “yes.”"), ["yes."]);
        assert_eq!(quotes("Er sagte „ja“ und ging."), ["ja"]);
        assert_eq!(quotes("Il a dit « oui » hier."), ["oui"]);
        assert_eq!(quotes("Talks ‘On Pause,’ Kremlin Says"), ["On Pause,"]);
        assert_eq!(
            quotes("It's the students’ union, isn’t it?"),
            Vec::<&str>::new()
        );
        assert_eq!(quotes("a 5\" screen and \"quoted\" text"), ["quoted"]);
    }

    #[test]
    fn nested_and_unbalanced() {
        assert_eq!(
            quotes("“He told me ‘no’ twice,” she said."),
            ["He told me ‘no’ twice,"]
        );
        assert_eq!(
            quotes("“Unclosed quote here.\n\nNext paragraph “ok”."),
            ["ok"]
        );
        assert_eq!(quotes("stray” close and “open"), Vec::<&str>::new());
        assert_eq!(quotes("\"\"\"\"\"\""), Vec::<&str>::new());
    }

    #[test]
    fn paragraphs() {
        let t = "“First paragraph of the quote.\n\n“Second paragraph,” he said.";
        assert_eq!(
            quotes(t),
            ["First paragraph of the quote.\n\n“Second paragraph,"]
        );
        let wrapped = "“A quote that is\nwrapped,” he said.";
        assert_eq!(quotes(wrapped), ["A quote that is\nwrapped,"]);
    }

    #[test]
    fn many_marks_are_linear() {
        let t = "“".repeat(10_000) + &"”".repeat(10_000) + &"\"".repeat(10_001);
        let q = find_quotes(&t);
        assert!(q.is_empty());
        let mixed = "“a” ".repeat(10_000);
        assert_eq!(find_quotes(&mixed).len(), 10_000);
    }
}
