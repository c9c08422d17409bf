//! One pass over a sentence: the token-level views the similarity reads.

use ahash::AHashMap;
use rust_stemmers::{Algorithm, Stemmer};

use crate::overlap::hash_bytes;
use crate::text::{for_each_token, stop_words, Language, TokenizeOptions, Tokenizer};

/// Longest token sequence the word-order features (LCS) look at, per sentence: keeps a pair's
/// cost bounded (at most 256 × 256 steps) whatever the input.
pub const MAX_LCS_TOKENS: usize = 256;

/// A sentence prepared for [`crate::align::similarity`]: hashes of its stems in order, which
/// of them are stop words, its capitalised words, and its character 4-grams.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    /// Hash of each token's stem (lower-cased, apostrophes folded, Snowball English), in order.
    pub stems: Vec<u64>,
    /// Whether each token is an English stop word.
    pub stop: Vec<bool>,
    /// Distinct content stems (not stop words), sorted.
    pub content: Vec<u64>,
    /// Distinct hashes of capitalised, non-initial, non-stop words (lower-cased): names.
    pub names: Vec<u64>,
    /// Distinct hashes of the character 4-grams of the lower-cased tokens joined by spaces.
    pub chargrams: Vec<u64>,
    /// Sorted hashes of the stem uni-, bi- and trigrams (multisets, duplicates kept).
    pub grams: [Vec<u64>; 3],
}

impl Prepared {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.stems.len()
    }

    /// True when the sentence has no word token.
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }

    /// Distinct stems (stop words included), sorted: what document frequencies count.
    pub fn distinct_stems(&self) -> Vec<u64> {
        let mut s = self.stems.clone();
        s.sort_unstable();
        s.dedup();
        s
    }
}

/// Builds [`Prepared`] sentences; holds the stemmer and the lower-casing tokenizer.
pub struct Preparer {
    tokenizer: Tokenizer,
    stemmer: Stemmer,
    stop: &'static ahash::AHashSet<&'static str>,
}

impl Default for Preparer {
    fn default() -> Self {
        Preparer {
            tokenizer: Tokenizer::new(&TokenizeOptions::default()),
            stemmer: Stemmer::create(Algorithm::English),
            stop: stop_words(Language::English),
        }
    }
}

fn sorted_dedup(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v.dedup();
    v
}

impl Preparer {
    /// Prepare one sentence (any text: a sentence, a quote, a headline).
    ///
    /// ```
    /// use presslens::align::Preparer;
    /// let p = Preparer::default().prepare("The Kremlin said talks were paused.");
    /// assert_eq!(p.len(), 6);
    /// assert!(p.stop[0] && !p.stop[1]); // "the" is a stop word, "kremlin" is not
    /// assert_eq!(p.names.len(), 1); // "Kremlin": capitalised, not the first token
    /// ```
    pub fn prepare(&self, text: &str) -> Prepared {
        let mut p = Prepared::default();
        let mut low = String::with_capacity(text.len());
        let mut joined = String::with_capacity(text.len() + 8);
        let mut names = Vec::new();
        let mut content = Vec::new();
        let mut index = 0usize;
        for_each_token(text, |s, e| {
            let raw = &text[s..e];
            low.clear();
            if !self.tokenizer.push_term(raw, &mut low) {
                return;
            }
            let is_stop = self.stop.contains(low.as_str());
            let stem = self.stemmer.stem(&low);
            let h = hash_bytes(stem.as_bytes());
            p.stems.push(h);
            p.stop.push(is_stop);
            if !is_stop {
                content.push(h);
                if index > 0 && raw.chars().next().is_some_and(char::is_uppercase) {
                    names.push(hash_bytes(low.as_bytes()));
                }
            }
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(&low);
            index += 1;
        });
        p.content = sorted_dedup(content);
        p.names = sorted_dedup(names);
        p.chargrams = sorted_dedup(chargrams(&joined));
        p.grams = [
            word_grams(&p.stems, 1),
            word_grams(&p.stems, 2),
            word_grams(&p.stems, 3),
        ];
        // `names` skips the sentence's first token only.
        p
    }
}

/// Sorted hashes of the `n`-grams of a hash sequence (duplicates kept).
pub fn word_grams(s: &[u64], n: usize) -> Vec<u64> {
    if s.len() < n {
        return Vec::new();
    }
    let mut g: Vec<u64> = s
        .windows(n)
        .map(|w| {
            w.iter().fold(0x9E37_79B9_7F4A_7C15u64, |h, &x| {
                (h.rotate_left(21) ^ x).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
            })
        })
        .collect();
    g.sort_unstable();
    g
}

/// Hashes of the 4-character windows of `s` (code points); a string of fewer than four
/// characters has none.
fn chargrams(s: &str) -> Vec<u64> {
    let idx: Vec<usize> = s
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .collect();
    if idx.len() < 5 {
        return Vec::new();
    }
    (0..idx.len() - 4)
        .map(|i| hash_bytes(&s.as_bytes()[idx[i]..idx[i + 4]]))
        .collect()
}

/// Inverse document frequencies of stems over a set of sentences (each sentence one
/// "document"): `ln((N + 1) / (df + 1)) + 1` with `N = max(sentences, 1000)`.
///
/// The floor of 1,000 acts as a background of 1,000 sentences that contain none of the words:
/// on a handful of inputs every word stays "rare" (the weights are then nearly uniform) instead
/// of words shared by the two texts being down-weighted because they occur twice.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    df: AHashMap<u64, u32>,
    n: usize,
}

/// The background size of [`Idf`].
pub const IDF_BACKGROUND: usize = 1000;

impl Idf {
    /// Count document frequencies over `sentences`.
    pub fn new<'a>(sentences: impl IntoIterator<Item = &'a Prepared>) -> Self {
        let mut idf = Idf::default();
        for s in sentences {
            idf.add(s);
        }
        idf
    }

    /// Add one sentence.
    pub fn add(&mut self, s: &Prepared) {
        self.n += 1;
        for h in s.distinct_stems() {
            *self.df.entry(h).or_insert(0) += 1;
        }
    }

    /// Merge another count (mergeable statistics).
    pub fn merge(&mut self, other: Idf) {
        self.n += other.n;
        for (k, v) in other.df {
            *self.df.entry(k).or_insert(0) += v;
        }
    }

    /// Sentences counted.
    pub fn sentences(&self) -> usize {
        self.n
    }

    /// Document frequency of a stem hash.
    pub fn df(&self, h: u64) -> u32 {
        self.df.get(&h).copied().unwrap_or(0)
    }

    /// The weight of a stem hash.
    pub fn weight(&self, h: u64) -> f64 {
        let n = self.n.max(IDF_BACKGROUND) as f64;
        ((n + 1.0) / (f64::from(self.df(h)) + 1.0)).ln() + 1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chargrams_count_code_points() {
        assert_eq!(chargrams("abcde").len(), 2);
        assert_eq!(chargrams("äöüß").len(), 1);
        assert!(chargrams("abc").is_empty());
    }

    #[test]
    fn names_skip_first_token_and_stop_words() {
        let pr = Preparer::default();
        let a = pr.prepare("Peskov met Dmitry Ivanov in The Hague");
        // Dmitry, Ivanov, Hague (The is a stop word, Peskov is the first token)
        assert_eq!(a.names.len(), 3);
    }

    #[test]
    fn idf_background_keeps_small_inputs_near_uniform() {
        let pr = Preparer::default();
        let a = pr.prepare("talks paused");
        let b = pr.prepare("talks resumed");
        let idf = Idf::new([&a, &b]);
        let (w2, w1) = (idf.weight(a.stems[0]), idf.weight(a.stems[1]));
        assert!(w1 > w2 && (w1 - w2) < 0.5);
    }
}
