//! Inline markup inside one line: markdown links, images, emphasis, heading and list marks,
//! autolinks, escapes, stray backslashes and control characters.
//!
//! One left-to-right pass per line; every search for a closing bracket stops at the next
//! opening one, so the pass is linear in the line length whatever the input.

use memchr::{memchr, memchr2};

/// What the pass found on a line.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct LineMarkup {
    /// The line was a `# Heading`.
    pub heading: bool,
    /// Nothing but markup (an image, a bare link, a rule) was on the line.
    pub only_markup: bool,
}

/// Bytes that can start markup, a control character or a BOM.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c < 0x20
            || matches!(
                c,
                0x7F | 0xEF | b'\\' | b'!' | b'[' | b'<' | b'*' | b'_' | b'`' | b'~'
            );
        b += 1;
    }
    t
};

fn special(b: u8) -> bool {
    SPECIAL[b as usize]
}

/// Position of the first [`SPECIAL`] byte of `bytes[from..to]`, or `to`: 16 bytes at a time.
#[inline]
fn skip_plain(bytes: &[u8], mut from: usize, to: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    while from + 16 <= to {
        let mask = special_mask16(bytes[from..from + 16].try_into().expect("16 bytes"));
        if mask != 0 {
            return from + mask.trailing_zeros() as usize;
        }
        from += 16;
    }
    while from < to && !special(bytes[from]) {
        from += 1;
    }
    from
}

/// Bit `k` set when byte `k` of the chunk is [`SPECIAL`] (SSE2, the x86-64 baseline).
#[cfg(target_arch = "x86_64")]
#[allow(clippy::cast_ptr_alignment)] // `loadu` reads unaligned memory
#[inline]
fn special_mask16(chunk: &[u8; 16]) -> u32 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    // SAFETY: SSE2 is enabled on every x86-64 target; the load reads the 16 bytes of `chunk`.
    unsafe {
        let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
        // Control characters: v <= 0x1F (unsigned).
        let mut hit = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
        for b in [0x7F, 0xEF, b'\\', b'!', b'[', b'<', b'*', b'_', b'`', b'~'] {
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8)));
        }
        _mm_movemask_epi8(hit) as u32
    }
}

fn is_punct(b: u8) -> bool {
    b.is_ascii_punctuation()
}

/// Strip markup from `text[start..end]` (one line, already trimmed), appending the kept text
/// to `out` and the removed byte spans (absolute offsets in `text`) to `removed`.
pub(crate) fn strip_line(
    text: &str,
    start: usize,
    end: usize,
    markdown: bool,
    out: &mut String,
    removed: &mut Vec<(usize, usize)>,
) -> LineMarkup {
    let bytes = text.as_bytes();
    let out_start = out.len();
    let mut info = LineMarkup::default();
    let mut i = start;
    let mut kept_from = start;
    let mut had_link_or_image = false;
    // Pending end of a link whose anchor is being copied: (close bracket, end of url).
    let mut link_tail: Option<(usize, usize)> = None;

    let mut cut = |out: &mut String, kept_from: &mut usize, s: usize, e: usize| {
        out.push_str(&text[*kept_from..s]);
        if e > s {
            removed.push((s, e));
        }
        *kept_from = e;
    };

    if markdown {
        // Line-start marks: headings, block quotes, list bullets, horizontal rules.
        let line = &bytes[start..end];
        let hashes = line.iter().take_while(|&&b| b == b'#').count();
        if (1..=6).contains(&hashes) && line.get(hashes).is_some_and(|&b| b == b' ') {
            let skip = hashes + line[hashes..].iter().take_while(|&&b| b == b' ').count();
            info.heading = true;
            cut(out, &mut kept_from, start, start + skip);
            i = start + skip;
        } else if line.len() >= 3
            && line.iter().all(|&b| matches!(b, b'-' | b'*' | b'_' | b' '))
            && line.iter().filter(|&&b| b != b' ').count() >= 3
        {
            cut(out, &mut kept_from, start, end);
            info.only_markup = true;
            return info;
        } else if line.len() >= 2 && matches!(line[0], b'>' | b'*' | b'-' | b'+') && line[1] == b' '
        {
            cut(out, &mut kept_from, start, start + 2);
            i = start + 2;
        }
    }

    while i < end {
        if let Some((close, url_end)) = link_tail {
            if i == close {
                cut(out, &mut kept_from, close, url_end);
                i = url_end;
                link_tail = None;
                continue;
            }
        }
        // Skip plain text in one tight loop: only a few bytes can start markup.
        let lim = link_tail.map_or(end, |(close, _)| close.max(i));
        let j = skip_plain(bytes, i, lim);
        if j != i {
            i = j;
            continue;
        }
        let b = bytes[i];
        match b {
            // Control characters (NUL and friends) and DEL.
            0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F => {
                let mut e = i + 1;
                while e < end && matches!(bytes[e], 0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F)
                {
                    e += 1;
                }
                cut(out, &mut kept_from, i, e);
                i = e;
            }
            // Byte order mark / zero-width no-break space.
            0xEF if bytes[i..end].starts_with("\u{FEFF}".as_bytes()) => {
                cut(out, &mut kept_from, i, i + 3);
                i += 3;
            }
            b'\\' => {
                let next = bytes.get(i + 1).copied().filter(|_| i + 1 < end);
                let at_word_start = i == start || bytes[i - 1] == b' ';
                match next {
                    Some(n) if markdown && is_punct(n) => {
                        // `\*` → `*`, kept literally.
                        cut(out, &mut kept_from, i, i + 1);
                        i += 2;
                    }
                    Some(n)
                        if at_word_start
                            && n.is_ascii_alphabetic()
                            && !is_escape_letter(bytes, i + 1, end) =>
                    {
                        // A stray backslash before a word (`\Negotiation`).
                        cut(out, &mut kept_from, i, i + 1);
                        i += 1;
                    }
                    _ => i += 1,
                }
            }
            b'!' if markdown && bytes.get(i + 1) == Some(&b'[') && i + 1 < end => {
                if let Some((close, url_end)) = find_link(bytes, i + 1, end) {
                    cut(out, &mut kept_from, i, url_end);
                    had_link_or_image = true;
                    i = url_end;
                    let _ = close;
                } else {
                    i += 1;
                }
            }
            b'[' if markdown && link_tail.is_none() => {
                if let Some((close, url_end)) = find_link(bytes, i, end) {
                    cut(out, &mut kept_from, i, i + 1);
                    link_tail = Some((close, url_end));
                    had_link_or_image = true;
                }
                i += 1;
            }
            b'<' if markdown && bytes[i..end].starts_with(b"<http") => {
                match bytes[i + 1..end]
                    .iter()
                    .position(|&c| matches!(c, b'>' | b' ' | b'<'))
                {
                    Some(p) if bytes[i + 1 + p] == b'>' => {
                        cut(out, &mut kept_from, i, i + p + 2);
                        had_link_or_image = true;
                        i += p + 2;
                    }
                    _ => i += 1,
                }
            }
            b'*' | b'_' | b'`' | b'~' if markdown => {
                let mut e = i + 1;
                while e < end && bytes[e] == b {
                    e += 1;
                }
                let run = e - i;
                let prev = if i > start { Some(bytes[i - 1]) } else { None };
                let next = if e < end { Some(bytes[e]) } else { None };
                let space = |c: Option<u8>| c.is_none_or(|c| c == b' ' || c == b'\t');
                let edge = |c: Option<u8>| c.is_none_or(|c| c == b' ' || c == b'\t' || is_punct(c));
                let left = !space(next) && edge(prev);
                let right = !space(prev) && edge(next);
                let intraword = prev.is_some_and(|c| c.is_ascii_alphanumeric())
                    && next.is_some_and(|c| c.is_ascii_alphanumeric());
                let ok_len = if b == b'~' { run == 2 } else { run <= 3 };
                if ok_len && (left || right) && !(b == b'_' && intraword) {
                    cut(out, &mut kept_from, i, e);
                }
                i = e;
            }
            _ => i += 1,
        }
    }
    out.push_str(&text[kept_from..end]);
    let kept = &out[out_start..];
    if had_link_or_image && !kept.bytes().any(|b| b.is_ascii_alphanumeric() || b >= 0x80) {
        info.only_markup = true;
    }
    info
}

/// `\n`, `\t`, `\r` written out literally are escapes, not stray backslashes before a word.
fn is_escape_letter(bytes: &[u8], at: usize, end: usize) -> bool {
    matches!(bytes[at], b'n' | b't' | b'r')
        && (at + 1 == end || !bytes[at + 1].is_ascii_alphabetic())
}

/// At `bytes[open] == b'['`, find `](url)` before `end`: returns the offset of `]` and the
/// offset just after `)`. The search for `]` stops at the next `[`, the search for `)` at white
/// space, so repeated calls stay linear.
fn find_link(bytes: &[u8], open: usize, end: usize) -> Option<(usize, usize)> {
    let rest = &bytes[open + 1..end];
    let p = memchr2(b']', b'[', rest)?;
    if rest[p] != b']' {
        return None;
    }
    let close = open + 1 + p;
    if bytes.get(close + 1) != Some(&b'(') || close + 1 >= end {
        return None;
    }
    let url = &bytes[close + 2..end];
    let q = url
        .iter()
        .position(|&c| matches!(c, b')' | b' ' | b'\t' | b'[' | b']' | b'<'))?;
    if matches!(url[q], b'[' | b']' | b'<') {
        return None;
    }
    if url[q] != b')' {
        // `[a](url "title")`: allow one quoted title.
        if url.get(q + 1) == Some(&b'"') {
            let r = memchr(b'"', &url[q + 2..])?;
            if url.get(q + 3 + r) == Some(&b')') {
                return Some((close, close + 2 + q + 3 + r + 1));
            }
        }
        return None;
    }
    Some((close, close + 2 + q + 1))
}

/// Does `text` look like markdown? (links, headings, strong emphasis)
pub(crate) fn looks_like_markdown(text: &str) -> bool {
    let b = text.as_bytes();
    if memchr::memmem::find(b, b"](").is_some() || memchr::memmem::find(b, b"**").is_some() {
        return true;
    }
    let mut from = 0;
    while let Some(p) = memchr(b'#', &b[from..]) {
        let at = from + p;
        let line_start = at == 0 || b[at - 1] == b'\n';
        if line_start {
            let hashes = b[at..].iter().take_while(|&&c| c == b'#').count();
            if hashes <= 6 && b.get(at + hashes) == Some(&b' ') {
                return true;
            }
        }
        from = at + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(line: &str, md: bool) -> (String, Vec<&str>, LineMarkup) {
        let mut out = String::new();
        let mut rem = Vec::new();
        let info = strip_line(line, 0, line.len(), md, &mut out, &mut rem);
        (out, rem.iter().map(|&(s, e)| &line[s..e]).collect(), info)
    }

    #[test]
    fn links_become_anchor_text() {
        let (t, r, _) = strip("The council [said](#) on Monday", true);
        assert_eq!(t, "The council said on Monday");
        assert_eq!(r, ["[", "](#)"]);
        let (t, _, _) = strip("See [the plan](https://example.org/a_b) now", true);
        assert_eq!(t, "See the plan now");
    }

    #[test]
    fn brackets_that_are_not_links_stay() {
        let (t, r, _) = strip("But [the ferries] were late", true);
        assert_eq!(t, "But [the ferries] were late");
        assert!(r.is_empty());
    }

    #[test]
    fn emphasis_headings_images() {
        let (t, r, info) = strip("# Harbour **reopens** after storm", true);
        assert_eq!(t, "Harbour reopens after storm");
        assert!(info.heading);
        assert_eq!(r, ["# ", "**", "**"]);
        let (t, _, info) = strip("![a boat](img/boat.png)", true);
        assert_eq!(t, "");
        assert!(info.only_markup);
        let (t, _, _) = strip("snake_case_name and 3 * 4", true);
        assert_eq!(t, "snake_case_name and 3 * 4");
    }

    #[test]
    fn stray_backslash_and_controls() {
        let (t, r, _) = strip("\\Ferry services resumed\u{0}.", false);
        assert_eq!(t, "Ferry services resumed.");
        assert_eq!(r, ["\\", "\u{0}"]);
        let (t, _, _) = strip("path C:\\temp and a\\nb", false);
        assert_eq!(t, "path C:\\temp and a\\nb");
    }

    #[test]
    fn pathological_brackets_finish() {
        // No wall-clock assertion (timing on a shared machine is noise): a quadratic scan
        // would make this test run for minutes, which CI's time limit catches.
        for unit in ["[", "[a](", "<http", "![x](u \""] {
            let line = unit.repeat(200_000) + "](";
            let (t, _, _) = strip(&line, true);
            assert!(!t.is_empty(), "{unit}");
        }
    }

    #[test]
    fn skip_plain_finds_every_special_byte() {
        for b in 0..=255u8 {
            for at in [0, 5, 15, 16, 17, 31, 40] {
                let mut bytes = vec![b'a'; 48];
                bytes[at] = b;
                let want = if special(b) { at } else { 48 };
                assert_eq!(skip_plain(&bytes, 0, 48), want, "byte {b:#x} at {at}");
                let want = if special(b) && (3..20).contains(&at) {
                    at
                } else {
                    20
                };
                assert_eq!(
                    skip_plain(&bytes, 3, 20),
                    want,
                    "byte {b:#x} at {at} in 3..20"
                );
            }
        }
    }
}
