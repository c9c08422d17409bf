//! Unicode normalisation for news text: NFKC, typographic quote/apostrophe/dash folding and
//! white-space folding (newlines are kept).

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// What [`normalize`] folds. All on by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NormalizeOptions {
    /// Fold typographic quotes and apostrophes (`‘’‚‛′ʼ‹›` → `'`, `“”„‟″«»` → `"`).
    pub quotes: bool,
    /// Fold hyphen and dash variants (`‐‑‒–—―−`) to `-`.
    pub dashes: bool,
    /// Fold runs of horizontal white space to one space (dropped at the start and end of a
    /// line), `\r\n` and `\r` to `\n`, and drop zero-width characters and soft hyphens.
    /// Newlines are kept.
    pub whitespace: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            quotes: true,
            dashes: true,
            whitespace: true,
        }
    }
}

impl NormalizeOptions {
    /// Set quote folding.
    #[must_use]
    pub fn quotes(mut self, yes: bool) -> Self {
        self.quotes = yes;
        self
    }
    /// Set dash folding.
    #[must_use]
    pub fn dashes(mut self, yes: bool) -> Self {
        self.dashes = yes;
        self
    }
    /// Set white-space folding.
    #[must_use]
    pub fn whitespace(mut self, yes: bool) -> Self {
        self.whitespace = yes;
        self
    }
}

/// `'` for typographic single quotes and apostrophes.
pub(crate) fn fold_single_quote(c: char) -> bool {
    matches!(
        c,
        '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{2032}'
            | '\u{02BC}'
            | '\u{2039}'
            | '\u{203A}'
    )
}

/// `"` for typographic double quotes and guillemets.
pub(crate) fn fold_double_quote(c: char) -> bool {
    matches!(
        c,
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}'
    )
}

/// Hyphens, dashes and the minus sign.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Normalise `text`: NFKC, then the foldings chosen in `opts`.
///
/// ```
/// use presslens::text::{normalize, NormalizeOptions};
/// let s = normalize("“Pause,”  Peskov’s\u{00A0}aide said —\r\nnot   now", &NormalizeOptions::default());
/// assert_eq!(s, "\"Pause,\" Peskov's aide said -\nnot now");
/// ```
pub fn normalize(text: &str, opts: &NormalizeOptions) -> String {
    let nfkc: std::borrow::Cow<'_, str> = if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfkc().collect())
    };
    let mut out = String::with_capacity(nfkc.len());
    let mut pending_space = false;
    let mut chars = nfkc.chars().peekable();
    while let Some(c) = chars.next() {
        let c = if opts.quotes && fold_single_quote(c) {
            '\''
        } else if opts.quotes && fold_double_quote(c) {
            '"'
        } else if opts.dashes && is_dash(c) {
            '-'
        } else {
            c
        };
        if opts.whitespace {
            if is_invisible(c) {
                continue;
            }
            if c == '\r' {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                pending_space = false;
                out.push('\n');
                continue;
            }
            if c == '\n' || c == '\u{2028}' || c == '\u{2029}' {
                pending_space = false;
                out.push('\n');
                continue;
            }
            if c.is_whitespace() {
                pending_space = true;
                continue;
            }
            if pending_space {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push(' ');
                }
                pending_space = false;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_off_keep_text() {
        let opts = NormalizeOptions::default()
            .quotes(false)
            .dashes(false)
            .whitespace(false);
        assert_eq!(normalize("a  “b” – c", &opts), "a  “b” – c");
    }

    #[test]
    fn nfkc_applies() {
        // Ligature and full-width digits.
        assert_eq!(
            normalize("ﬁne ２０２５", &NormalizeOptions::default()),
            "fine 2025"
        );
    }

    #[test]
    fn newlines_kept_spaces_folded() {
        assert_eq!(
            normalize("a \t b\n\n  c  ", &NormalizeOptions::default()),
            "a b\n\nc"
        );
    }
}
