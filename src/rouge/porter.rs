//! The original Porter (1980) stemmer exactly as NLTK runs it in its default mode
//! (`PorterStemmer.NLTK_EXTENSIONS`), which is the stemmer Google's `rouge-score` applies.
//!
//! This is *not* Snowball's Porter2 (`rust-stemmers`' English): `"generously"` is `"gener"` here
//! and `"generous"` there. NLTK's extensions over the 1980 paper are kept: a table of irregular
//! forms (`dying` → `die`, `news` → `news`), `ies`/`ied` of four letters (`dies` → `die`), the
//! `y` → `i` rule only after a consonant that is not the whole stem, `alli` applied before the
//! other step-2 rules, the `fulli` and `logi` rules, `bli` → `ble`, and a two-letter `*o`.
//! Words of one or two letters are returned as they are.
//!
//! The stemmer works on ASCII lower-case words (the only words ROUGE's tokenizer produces);
//! other words are returned lower-cased and otherwise unchanged.

/// Stem one word with NLTK's Porter stemmer (see the module docs).
///
/// ```
/// use presslens::rouge::porter_stem;
/// assert_eq!(porter_stem("caresses"), "caress");
/// assert_eq!(porter_stem("generously"), "gener");
/// assert_eq!(porter_stem("dying"), "die");
/// assert_eq!(porter_stem("happy"), "happi");
/// ```
pub fn porter_stem(word: &str) -> String {
    let lower = word.to_lowercase();
    if !lower.is_ascii() {
        return lower;
    }
    if let Some(irregular) = irregular(&lower) {
        return irregular.to_string();
    }
    if word.chars().count() <= 2 {
        return lower;
    }
    let mut w = lower.into_bytes();
    w = step1a(w);
    w = step1b(w);
    w = step1c(w);
    w = step2(w);
    w = step3(w);
    w = step4(w);
    w = step5a(w);
    w = step5b(w);
    // Only ASCII bytes were ever written.
    String::from_utf8(w).unwrap_or_default()
}

fn irregular(w: &str) -> Option<&'static str> {
    Some(match w {
        "sky" | "skies" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "news" => "news",
        "innings" | "inning" => "inning",
        "outings" | "outing" => "outing",
        "cannings" | "canning" => "canning",
        "howe" => "howe",
        "proceed" => "proceed",
        "exceed" => "exceed",
        "succeed" => "succeed",
        _ => return None,
    })
}

#[inline]
fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Consonant flag of every letter: `y` is a consonant at the start or after a vowel.
fn flags(w: &[u8]) -> impl Iterator<Item = bool> + '_ {
    let mut prev = false;
    w.iter().enumerate().map(move |(i, &b)| {
        let c = if is_vowel(b) {
            false
        } else if b == b'y' {
            i == 0 || !prev
        } else {
            true
        };
        prev = c;
        c
    })
}

fn is_consonant(w: &[u8], i: usize) -> bool {
    flags(&w[..=i]).last().unwrap_or(false)
}

/// Porter's *m*: the number of vowel→consonant transitions.
fn measure(w: &[u8]) -> usize {
    let mut m = 0;
    let mut prev_vowel = false;
    for c in flags(w) {
        if prev_vowel && c {
            m += 1;
        }
        prev_vowel = !c;
    }
    m
}

fn contains_vowel(w: &[u8]) -> bool {
    flags(w).any(|c| !c)
}

fn ends_double_consonant(w: &[u8]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1)
}

fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    (n >= 3
        && is_consonant(w, n - 3)
        && !is_consonant(w, n - 2)
        && is_consonant(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y'))
        || (n == 2 && !is_consonant(w, 0) && is_consonant(w, 1))
}

#[derive(Clone, Copy)]
enum Cond {
    Always,
    /// m(stem) > 0
    M0,
    /// m(stem) > 1
    M1,
    /// m(stem) > 1 and the stem ends in `s` or `t`
    Ion,
    /// m(word minus the last three letters) > 0 (NLTK's `logi` rule keeps the `l`)
    Logi,
}

impl Cond {
    fn holds(self, stem: &[u8], word: &[u8]) -> bool {
        match self {
            Cond::Always => true,
            Cond::M0 => measure(stem) > 0,
            Cond::M1 => measure(stem) > 1,
            Cond::Ion => measure(stem) > 1 && matches!(stem.last(), Some(b's' | b't')),
            Cond::Logi => measure(&word[..word.len() - 3]) > 0,
        }
    }
}

/// The first rule whose suffix matches decides: replaced when its condition holds, else the
/// word is kept and no further rule is tried.
fn apply(w: Vec<u8>, rules: &[(&str, &str, Cond)]) -> Vec<u8> {
    for &(suffix, replacement, cond) in rules {
        if w.ends_with(suffix.as_bytes()) {
            let stem = &w[..w.len() - suffix.len()];
            if cond.holds(stem, &w) {
                let mut out = stem.to_vec();
                out.extend_from_slice(replacement.as_bytes());
                return out;
            }
            return w;
        }
    }
    w
}

fn replace(w: &[u8], cut: usize, with: &str) -> Vec<u8> {
    let mut out = w[..w.len() - cut].to_vec();
    out.extend_from_slice(with.as_bytes());
    out
}

fn step1a(w: Vec<u8>) -> Vec<u8> {
    if w.ends_with(b"ies") && w.len() == 4 {
        return replace(&w, 3, "ie");
    }
    apply(
        w,
        &[
            ("sses", "ss", Cond::Always),
            ("ies", "i", Cond::Always),
            ("ss", "ss", Cond::Always),
            ("s", "", Cond::Always),
        ],
    )
}

fn step1b(w: Vec<u8>) -> Vec<u8> {
    if w.ends_with(b"ied") {
        return if w.len() == 4 {
            replace(&w, 3, "ie")
        } else {
            replace(&w, 3, "i")
        };
    }
    if w.ends_with(b"eed") {
        let stem = &w[..w.len() - 3];
        return if measure(stem) > 0 {
            replace(&w, 3, "ee")
        } else {
            w
        };
    }
    let mut inter = None;
    for suffix in ["ed", "ing"] {
        if w.ends_with(suffix.as_bytes()) {
            let stem = &w[..w.len() - suffix.len()];
            if contains_vowel(stem) {
                inter = Some(stem.to_vec());
                break;
            }
        }
    }
    let Some(s) = inter else { return w };
    for (suffix, replacement) in [("at", "ate"), ("bl", "ble"), ("iz", "ize")] {
        if s.ends_with(suffix.as_bytes()) {
            return replace(&s, suffix.len(), replacement);
        }
    }
    if ends_double_consonant(&s) {
        let last = s[s.len() - 1];
        return if matches!(last, b'l' | b's' | b'z') {
            s
        } else {
            s[..s.len() - 1].to_vec()
        };
    }
    if measure(&s) == 1 && ends_cvc(&s) {
        let mut out = s;
        out.push(b'e');
        return out;
    }
    s
}

fn step1c(w: Vec<u8>) -> Vec<u8> {
    if w.ends_with(b"y") {
        let stem = &w[..w.len() - 1];
        if stem.len() > 1 && is_consonant(stem, stem.len() - 1) {
            return replace(&w, 1, "i");
        }
    }
    w
}

fn step2(w: Vec<u8>) -> Vec<u8> {
    if w.ends_with(b"alli") && measure(&w[..w.len() - 4]) > 0 {
        return step2(replace(&w, 4, "al"));
    }
    apply(
        w,
        &[
            ("ational", "ate", Cond::M0),
            ("tional", "tion", Cond::M0),
            ("enci", "ence", Cond::M0),
            ("anci", "ance", Cond::M0),
            ("izer", "ize", Cond::M0),
            ("bli", "ble", Cond::M0),
            ("alli", "al", Cond::M0),
            ("entli", "ent", Cond::M0),
            ("eli", "e", Cond::M0),
            ("ousli", "ous", Cond::M0),
            ("ization", "ize", Cond::M0),
            ("ation", "ate", Cond::M0),
            ("ator", "ate", Cond::M0),
            ("alism", "al", Cond::M0),
            ("iveness", "ive", Cond::M0),
            ("fulness", "ful", Cond::M0),
            ("ousness", "ous", Cond::M0),
            ("aliti", "al", Cond::M0),
            ("iviti", "ive", Cond::M0),
            ("biliti", "ble", Cond::M0),
            ("fulli", "ful", Cond::M0),
            ("logi", "log", Cond::Logi),
        ],
    )
}

fn step3(w: Vec<u8>) -> Vec<u8> {
    apply(
        w,
        &[
            ("icate", "ic", Cond::M0),
            ("ative", "", Cond::M0),
            ("alize", "al", Cond::M0),
            ("iciti", "ic", Cond::M0),
            ("ical", "ic", Cond::M0),
            ("ful", "", Cond::M0),
            ("ness", "", Cond::M0),
        ],
    )
}

fn step4(w: Vec<u8>) -> Vec<u8> {
    apply(
        w,
        &[
            ("al", "", Cond::M1),
            ("ance", "", Cond::M1),
            ("ence", "", Cond::M1),
            ("er", "", Cond::M1),
            ("ic", "", Cond::M1),
            ("able", "", Cond::M1),
            ("ible", "", Cond::M1),
            ("ant", "", Cond::M1),
            ("ement", "", Cond::M1),
            ("ment", "", Cond::M1),
            ("ent", "", Cond::M1),
            ("ion", "", Cond::Ion),
            ("ou", "", Cond::M1),
            ("ism", "", Cond::M1),
            ("ate", "", Cond::M1),
            ("iti", "", Cond::M1),
            ("ous", "", Cond::M1),
            ("ive", "", Cond::M1),
            ("ize", "", Cond::M1),
        ],
    )
}

fn step5a(w: Vec<u8>) -> Vec<u8> {
    if w.ends_with(b"e") {
        let stem = &w[..w.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            return stem.to_vec();
        }
    }
    w
}

fn step5b(w: Vec<u8>) -> Vec<u8> {
    if w.ends_with(b"ll") && measure(&w[..w.len() - 1]) > 1 {
        return w[..w.len() - 1].to_vec();
    }
    w
}

#[cfg(test)]
mod tests {
    use super::porter_stem;

    #[test]
    fn paper_and_nltk_examples() {
        let cases = [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("troubled", "troubl"),
            ("sized", "size"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("hissing", "hiss"),
            ("failing", "fail"),
            ("filing", "file"),
            ("happy", "happi"),
            ("enjoy", "enjoy"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("generously", "gener"),
            ("spied", "spi"),
            ("died", "die"),
            ("flies", "fli"),
            ("dies", "die"),
            ("news", "news"),
            ("controlling", "control"),
            ("adoption", "adopt"),
            ("electrical", "electr"),
            ("archaeology", "archaeolog"),
            ("geology", "geolog"),
            ("yyyy", "yyyi"),
            ("1990s", "1990"),
            ("is", "is"),
        ];
        for (w, s) in cases {
            assert_eq!(porter_stem(w), s, "{w}");
        }
    }
}
