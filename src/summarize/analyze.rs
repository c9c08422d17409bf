//! One pass over the documents: sentences, their words, stemmed terms and stop-word flags.

use ahash::AHashMap;
use rust_stemmers::Stemmer;

use crate::parallel::{self, Threads};
use crate::text::{for_each_token, sentence_spans, stop_words, Language};

/// Sentences longer than this many words (a text without sentence punctuation) are cut into
/// pieces of [`PIECE_WORDS`] words at white space.
pub const MAX_SENTENCE_WORDS: usize = 120;
/// Length of the pieces an over-long sentence is cut into.
pub const PIECE_WORDS: usize = 60;

/// One sentence of the input.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Index of its document.
    pub doc: u32,
    /// Position of the sentence in its document (0 = first).
    pub pos: u32,
    /// Byte span in the document's text.
    pub start: usize,
    /// End of the byte span.
    pub end: usize,
    /// White-space separated words (what word budgets count).
    pub words: u32,
    /// Term ids of every token, stemmed, in order (stop words included).
    pub tokens: Vec<u32>,
}

/// The analysed input.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Every sentence, documents in input order, sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Number of documents.
    pub n_docs: usize,
    /// Per term id: is the (unstemmed) word a stop word.
    pub is_stop: Vec<bool>,
    /// Sentences per document.
    pub doc_sentences: Vec<u32>,
}

impl Analysis {
    /// Number of distinct terms.
    pub fn n_terms(&self) -> usize {
        self.is_stop.len()
    }

    /// The content terms (non-stop-word tokens) of sentence `i`, with repeats.
    pub fn content(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        self.sentences[i]
            .tokens
            .iter()
            .copied()
            .filter(|&t| !self.is_stop[t as usize])
    }
}

struct LocalDoc {
    /// (start, end, words, local token ids)
    sentences: Vec<(usize, usize, u32, Vec<u32>)>,
    /// local id → (stemmed term, is stop word)
    terms: Vec<(String, bool)>,
}

fn white_words(s: &str) -> u32 {
    s.split_whitespace().count() as u32
}

/// Cut `span` of `text` (with its word count) into pieces of at most [`PIECE_WORDS`] words when it is longer than
/// [`MAX_SENTENCE_WORDS`].
fn pieces(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize, u32)>) {
    let s = &text[start..end];
    let words = white_words(s);
    if words as usize <= MAX_SENTENCE_WORDS {
        out.push((start, end, words));
        return;
    }
    let mut piece_start: Option<usize> = None;
    let mut last_end = start;
    let mut count = 0usize;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        let ws = c.is_whitespace();
        if !ws && !in_word {
            if count == PIECE_WORDS {
                if let Some(ps) = piece_start {
                    out.push((ps, last_end, count as u32));
                }
                piece_start = None;
                count = 0;
            }
            if piece_start.is_none() {
                piece_start = Some(start + i);
            }
            count += 1;
        }
        if !ws {
            last_end = start + i + c.len_utf8();
        }
        in_word = !ws;
    }
    if let Some(ps) = piece_start {
        out.push((ps, last_end, count as u32));
    }
}

/// Words whose stems one thread remembers across calls before it starts afresh.
const STEM_CACHE_LIMIT: usize = 1 << 17;

/// The memo of one thread: its language and lower-cased word → stem.
type StemMemo = (Option<Language>, AHashMap<Box<str>, Box<str>>);

thread_local! {
    /// Per-thread memo of Snowball stems (language, lower-cased word → stem): news vocabulary
    /// repeats across articles and calls, and stemming was the largest cost of analysing a
    /// summary's input. Bounded by [`STEM_CACHE_LIMIT`]; results are the stemmer's own.
    static STEMS: std::cell::RefCell<StemMemo> =
        std::cell::RefCell::new((None, AHashMap::new()));
}

/// `stemmer.stem(word)` for `language`, memoised per thread.
fn cached_stem(language: Language, stemmer: &Stemmer, word: &str) -> String {
    STEMS.with(|cell| {
        let mut guard = cell.borrow_mut();
        let (lang, map) = &mut *guard;
        if *lang != Some(language) || map.len() >= STEM_CACHE_LIMIT {
            map.clear();
            *lang = Some(language);
        }
        if let Some(stem) = map.get(word) {
            return stem.to_string();
        }
        let stem = stemmer.stem(word).into_owned();
        map.insert(word.into(), stem.as_str().into());
        stem
    })
}

fn analyze_doc(text: &str, language: Language, stemmer: &Stemmer) -> LocalDoc {
    let stops = stop_words(language);
    let mut ids: AHashMap<String, u32> = AHashMap::new();
    let mut terms: Vec<(String, bool)> = Vec::new();
    let mut spans = Vec::new();
    for (s, e) in sentence_spans(text, language) {
        pieces(text, s, e, &mut spans);
    }
    let mut sentences = Vec::with_capacity(spans.len());
    let mut lower = String::new();
    for (s, e, words) in spans {
        let sent = &text[s..e];
        let mut toks = Vec::new();
        for_each_token(sent, |a, b| {
            let raw = &sent[a..b];
            lower.clear();
            if raw.is_ascii() {
                lower.push_str(raw);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(raw.chars().map(|c| match c {
                    '\u{2019}' | '\u{02BC}' => '\'',
                    '\u{2010}' | '\u{2011}' => '-',
                    c => c,
                }));
                lower = lower.to_lowercase();
            }
            let id = if let Some(&id) = ids.get(lower.as_str()) {
                id
            } else {
                let stop = stops.contains(lower.as_str());
                let stem = cached_stem(language, stemmer, &lower);
                let id = terms.len() as u32;
                terms.push((stem, stop));
                ids.insert(lower.clone(), id);
                id
            };
            toks.push(id);
        });
        sentences.push((s, e, words, toks));
    }
    LocalDoc { sentences, terms }
}

/// Split, tokenise and stem every document (in parallel), then give every stemmed term one id.
/// Surface words with one stem share the id; a stem is a stop word only when every surface
/// form seen is one.
pub fn analyze<S: AsRef<str> + Sync>(
    texts: &[S],
    language: Language,
    threads: Threads,
) -> Analysis {
    let locals = parallel::map(threads, texts, |t| {
        let stemmer = Stemmer::create(language.algorithm());
        analyze_doc(t.as_ref(), language, &stemmer)
    });
    let mut global: AHashMap<String, u32> = AHashMap::new();
    let mut is_stop: Vec<bool> = Vec::new();
    let mut sentences = Vec::new();
    let mut doc_sentences = Vec::with_capacity(texts.len());
    for (d, local) in locals.into_iter().enumerate() {
        let map: Vec<u32> = local
            .terms
            .into_iter()
            .map(|(stem, stop)| {
                if let Some(&id) = global.get(&stem) {
                    is_stop[id as usize] &= stop;
                    id
                } else {
                    let id = is_stop.len() as u32;
                    global.insert(stem, id);
                    is_stop.push(stop);
                    id
                }
            })
            .collect();
        doc_sentences.push(local.sentences.len() as u32);
        for (pos, (start, end, words, toks)) in local.sentences.into_iter().enumerate() {
            sentences.push(Sentence {
                doc: d as u32,
                pos: pos as u32,
                start,
                end,
                words,
                tokens: toks.into_iter().map(|t| map[t as usize]).collect(),
            });
        }
    }
    Analysis {
        sentences,
        n_docs: texts.len(),
        is_stop,
        doc_sentences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_terms_and_stops() {
        let a = analyze(
            &["The talks failed. Talks resume today.", ""],
            Language::English,
            Threads::Serial,
        );
        assert_eq!(a.sentences.len(), 2);
        assert_eq!(a.doc_sentences, [2, 0]);
        let s0 = &a.sentences[0];
        assert_eq!(s0.tokens.len(), 3);
        assert!(a.is_stop[s0.tokens[0] as usize]);
        // "talks" and "Talks" share one stemmed id
        assert_eq!(s0.tokens[1], a.sentences[1].tokens[0]);
        assert_eq!(a.content(1).count(), 3);
    }

    #[test]
    fn memoised_stems_are_the_stemmers_own_per_language() {
        let en = Stemmer::create(Language::English.algorithm());
        let fr = Stemmer::create(Language::French.algorithm());
        for _ in 0..2 {
            for w in ["running", "talks", "généralement", "nationales"] {
                assert_eq!(cached_stem(Language::English, &en, w), en.stem(w));
                assert_eq!(cached_stem(Language::French, &fr, w), fr.stem(w));
            }
        }
    }

    #[test]
    fn long_unpunctuated_text_is_cut_into_pieces() {
        let text = vec!["word"; 250].join(" ");
        let a = analyze(&[text.as_str()], Language::English, Threads::Serial);
        let words: Vec<u32> = a.sentences.iter().map(|s| s.words).collect();
        assert_eq!(words, [60, 60, 60, 60, 10]);
        for s in &a.sentences {
            assert_eq!(&text[s.start..s.start + 4], "word");
            assert!(text[s.start..s.end].ends_with("word"));
        }
    }
}
