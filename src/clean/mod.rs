//! Boilerplate removal for scraped news text (plain text or markdown).
//!
//! [`clean`] takes one document, [`clean_many`] a batch (document-parallel, with optional
//! cross-document detection of repeated lines per outlet). Both return the cleaned text and
//! **every** removed span with a [`Reason`]; nothing is dropped silently. Offsets are bytes.
//!
//! The heuristics, in the order they run (see `docs/cleaning.md` for the reasoning):
//! 1. Lines are split and stripped of inline markup (markdown links keep their anchor text;
//!    emphasis, heading marks, images, autolinks, stray backslashes, control characters go).
//! 2. Each line gets features (words, sentence ending, case, dates, URL) and phrase cues
//!    (advertisement, newsletter, donation, related, navigation, social, metadata, byline,
//!    caption) from one Aho-Corasick automaton.
//! 3. The head (lines before the first prose line) yields the title, the date, bylines and
//!    photo captions.
//! 4. After an end-of-article cue ("Related", "Read more", a newsletter or donation block),
//!    later lines are kept only when they are lexically cohesive with the body before the cue
//!    (content-word overlap, weighted by how often the body uses each word).
//! 5. Broken paragraphs (no sentence end, next starts in lower case) are joined.
//!
//! ```
//! use presslens::clean::{clean, CleanOptions, Reason};
//! let text = "Harbour reopens after storm\n\nThe harbour in Port Ellis reopened on Monday after \
//!             a storm closed it for three days, the port authority said.\n\nADVERTISEMENT\n\n\
//!             Ferries will run a reduced timetable until the \n\nweekend, officials said.";
//! let out = clean(text, &CleanOptions::default());
//! assert_eq!(out.title.as_deref(), Some("Harbour reopens after storm"));
//! assert!(out.text.ends_with("until the weekend, officials said."));
//! assert!(out.removed.iter().any(|r| r.reason == Reason::Advertisement));
//! ```

mod cues;
mod features;
mod markdown;
mod repeated;

use ahash::{AHashMap, AHashSet};
use memchr::memchr;

use crate::parallel::{self, Threads};
use cues::Scope;
use features::{
    all_caps, content_keys, ends_sentence, ends_with_full_date, entity_keys, find_date, find_url,
    is_bare_url, is_figures, is_prose, keys, reports, single_sentence, starts_lower, we_count,
    word_count,
};

/// Why a span was removed. The set is fixed and documented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    /// `ADVERTISEMENT`, "Story continues below", sponsored content.
    Advertisement,
    /// Newsletter sign-up boxes.
    Newsletter,
    /// Donation and membership appeals ("Support us").
    Donation,
    /// "Related article", "Also read", "Read more" and the lists of other stories after them.
    Related,
    /// Site navigation, section names, tag lists.
    Navigation,
    /// Photo captions and credits.
    Caption,
    /// Author and publication lines ("By ...", "Published ...").
    Byline,
    /// "Follow us", "Share on ...".
    Social,
    /// Title, date, URL and source lines taken into metadata; visit counters.
    Metadata,
    /// Lines repeated across documents of the same outlet (or short ones across the corpus).
    Repeated,
    /// Paragraphs after the article's end that are about other stories.
    OffTopic,
    /// Markup: markdown syntax, escapes, control characters, joined paragraph breaks.
    Markup,
}

impl Reason {
    /// Every reason, in documentation order.
    pub const ALL: [Reason; 12] = [
        Reason::Advertisement,
        Reason::Newsletter,
        Reason::Donation,
        Reason::Related,
        Reason::Navigation,
        Reason::Caption,
        Reason::Byline,
        Reason::Social,
        Reason::Metadata,
        Reason::Repeated,
        Reason::OffTopic,
        Reason::Markup,
    ];

    /// Position in [`Reason::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The lower-case name used in Python (`"off-topic"` for [`Reason::OffTopic`]).
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Advertisement => "advertisement",
            Reason::Newsletter => "newsletter",
            Reason::Donation => "donation",
            Reason::Related => "related",
            Reason::Navigation => "navigation",
            Reason::Caption => "caption",
            Reason::Byline => "byline",
            Reason::Social => "social",
            Reason::Metadata => "metadata",
            Reason::Repeated => "repeated",
            Reason::OffTopic => "off-topic",
            Reason::Markup => "markup",
        }
    }
}

/// Whether to read markdown syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Markdown {
    /// Detect it (links `](`, `**`, `# ` headings).
    #[default]
    Auto,
    /// Always strip markdown.
    Always,
    /// Never: only control characters and stray backslashes are stripped inline.
    Never,
}

/// Options of [`clean`] and [`clean_many`], built with `Default` and builder methods.
#[derive(Debug, Clone)]
pub struct CleanOptions {
    /// Markdown handling.
    pub markdown: Markdown,
    /// Join paragraphs broken mid-sentence.
    pub repair_paragraphs: bool,
    /// Minimum weighted content-word overlap with the body for a line after an end-of-article
    /// cue to count as the article going on.
    pub cohesion: f64,
    /// A line in at least this many documents of one outlet is `repeated`.
    pub min_outlet_docs: usize,
    /// A short line in at least this many documents of two or more outlets is `repeated`.
    pub min_corpus_docs: usize,
    /// "Short" for the corpus-wide rule: at most this many words.
    pub max_short_words: usize,
}

impl Default for CleanOptions {
    fn default() -> Self {
        CleanOptions {
            markdown: Markdown::Auto,
            repair_paragraphs: true,
            cohesion: 0.15,
            min_outlet_docs: 2,
            min_corpus_docs: 3,
            max_short_words: 12,
        }
    }
}

impl CleanOptions {
    /// Set markdown handling.
    #[must_use]
    pub fn markdown(mut self, m: Markdown) -> Self {
        self.markdown = m;
        self
    }
    /// Join paragraphs broken mid-sentence (default on).
    #[must_use]
    pub fn repair_paragraphs(mut self, yes: bool) -> Self {
        self.repair_paragraphs = yes;
        self
    }
    /// Cohesion threshold in `[0, 1]` (default 0.15).
    #[must_use]
    pub fn cohesion(mut self, t: f64) -> Self {
        self.cohesion = t;
        self
    }
    /// Outlet threshold of the repeated-line rule (default 2).
    #[must_use]
    pub fn min_outlet_docs(mut self, n: usize) -> Self {
        self.min_outlet_docs = n.max(2);
        self
    }
    /// Corpus threshold of the repeated-line rule (default 3).
    #[must_use]
    pub fn min_corpus_docs(mut self, n: usize) -> Self {
        self.min_corpus_docs = n.max(2);
        self
    }
}

/// One removed span of the original text (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removal {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// Why it was removed.
    pub reason: Reason,
}

/// The result of cleaning one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// The article body.
    pub text: String,
    /// Every removed span, sorted by start, non-overlapping.
    pub removed: Vec<Removal>,
    /// Title found in the text (first heading or headline line).
    pub title: Option<String>,
    /// Source URL found in the text.
    pub url: Option<String>,
    /// Publication date found in the text, `YYYY-MM-DD`.
    pub published: Option<String>,
}

/// Clean one document.
pub fn clean(text: &str, opts: &CleanOptions) -> Cleaned {
    clean_doc(text, opts, None)
}

/// Clean a batch of documents, in parallel over documents; `outlets[i]` names the outlet of
/// `texts[i]` (empty when unknown). With `cross_document`, lines repeated across documents of
/// one outlet (or short lines across several outlets) are removed as [`Reason::Repeated`].
/// The result is the same for every thread count.
///
/// ```
/// use presslens::clean::{clean_many, CleanOptions, Reason};
/// use presslens::parallel::Threads;
/// let body = |s: &str| format!("{s} The council met on Tuesday and agreed the budget for the \
///                                coming year after a long debate.\n\nBrought to you by Gazette");
/// let texts = [body("Roads."), body("Parks."), body("Schools.")];
/// let out = clean_many(&texts, &["gazette"; 3], &CleanOptions::default(), true, Threads::Serial);
/// assert!(out.iter().all(|c| !c.text.contains("Brought to you")));
/// assert_eq!(out[0].removed[0].reason, Reason::Repeated);
/// ```
pub fn clean_many<T, O>(
    texts: &[T],
    outlets: &[O],
    opts: &CleanOptions,
    cross_document: bool,
    threads: Threads,
) -> Vec<Cleaned>
where
    T: AsRef<str> + Sync,
    O: AsRef<str> + Sync,
{
    if !cross_document || texts.len() < 2 {
        return parallel::map(threads, texts, |t| clean_doc(t.as_ref(), opts, None));
    }
    let lines = parallel::map(threads, texts, |t| repeated::doc_lines(t.as_ref()));
    let outlet_names: Vec<&str> = (0..texts.len())
        .map(|i| outlets.get(i).map_or("", AsRef::as_ref))
        .collect();
    let text_refs: Vec<&str> = texts.iter().map(AsRef::as_ref).collect();
    let sets = repeated::repeated_sets(&text_refs, &lines, &outlet_names, opts, threads);
    drop(lines);
    parallel::map_range(threads, texts.len(), |i| {
        clean_doc(texts[i].as_ref(), opts, Some(&sets[i]))
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Kept (so far).
    Body,
    /// Removed.
    Noise(Reason),
    /// A long line with a soft cue: kept only if cohesive with the body.
    Soft(Reason),
}

#[derive(Debug, Clone)]
#[allow(clippy::struct_excessive_bools)] // plain per-line features
struct Line {
    /// Trimmed span in the original text.
    start: usize,
    end: usize,
    /// Paragraph number (blank lines separate paragraphs).
    para: usize,
    /// Display text (markup stripped) in the shared buffer.
    d0: usize,
    d1: usize,
    /// Markup removals of this line in the shared list.
    m0: usize,
    m1: usize,
    words: usize,
    terminal: bool,
    heading: bool,
    trigger: bool,
    repeated: bool,
    class: Class,
}

/// Minimum body words before an end-of-article cue opens a tail.
const MIN_BODY_WORDS: usize = 25;

/// Distinct names a held line must share with the body to resume the article.
const MIN_SHARED_NAMES: usize = 2;

struct Doc<'a> {
    text: &'a str,
    disp: String,
    markup: Vec<(usize, usize)>,
    lines: Vec<Line>,
    body: AHashMap<u64, u32>,
    /// Names (capitalised words inside sentences) of the body lines absorbed so far.
    names: AHashSet<u64>,
    title_keys: Vec<u64>,
    keys: Vec<u64>,
    /// Scratch buffer of [`Doc::flush`].
    name_keys: Vec<u64>,
    /// Body lines not yet absorbed: keys are only computed when a cohesion test needs them
    /// (most documents have no end-of-article cue and never do).
    queued: Vec<usize>,
}

impl Doc<'_> {
    fn display(&self, i: usize) -> &str {
        &self.disp[self.lines[i].d0..self.lines[i].d1]
    }

    /// Weighted overlap of line `i`'s content words with the body so far: a word of the
    /// title counts 1, a word used in two or more body lines 1, in one body line 0.5.
    fn cohesion(&mut self, i: usize) -> f64 {
        self.flush();
        self.keys.clear();
        let (d0, d1) = (self.lines[i].d0, self.lines[i].d1);
        content_keys(&self.disp[d0..d1], &mut self.keys);
        if self.keys.is_empty() {
            return 0.0;
        }
        let total: f64 = self
            .keys
            .iter()
            .map(|k| {
                if self.title_keys.binary_search(k).is_ok() {
                    1.0
                } else {
                    f64::from(self.body.get(k).copied().unwrap_or(0).min(2)) / 2.0
                }
            })
            .sum();
        total / self.keys.len() as f64
    }

    /// Distinct names of line `i` (capitalised words inside its sentences): how many the body
    /// so far also names, and how many it has.
    fn shared_names(&mut self, i: usize) -> (usize, usize) {
        self.flush();
        self.keys.clear();
        let (d0, d1) = (self.lines[i].d0, self.lines[i].d1);
        entity_keys(&self.disp[d0..d1], &mut self.keys);
        let shared = self.keys.iter().filter(|k| self.names.contains(k)).count();
        (shared, self.keys.len())
    }

    /// Does held line `i` go on with the article? It must share the body's words (cohesion)
    /// without naming only strangers, or share at least two of its names.
    fn continues(&mut self, i: usize, cohesion: f64) -> bool {
        let (shared, own) = self.shared_names(i);
        if shared >= MIN_SHARED_NAMES {
            return true;
        }
        self.cohesion(i) >= cohesion && !(shared == 0 && own >= MIN_SHARED_NAMES)
    }

    fn absorb(&mut self, i: usize) {
        self.queued.push(i);
    }

    fn flush(&mut self) {
        if self.body.is_empty() && !self.queued.is_empty() {
            // About one distinct content word per 12 bytes of news text, fewer names.
            self.body.reserve(self.text.len() / 12);
            self.names.reserve(self.text.len() / 64);
        }
        let mut name_keys = std::mem::take(&mut self.name_keys);
        for q in std::mem::take(&mut self.queued) {
            let (d0, d1) = (self.lines[q].d0, self.lines[q].d1);
            self.keys.clear();
            name_keys.clear();
            // Content words and names in one pass over the line.
            keys(
                &self.disp[d0..d1],
                Some(&mut self.keys),
                Some(&mut name_keys),
            );
            for &k in &self.keys {
                *self.body.entry(k).or_insert(0) += 1;
            }
            self.names.extend(name_keys.iter().copied());
        }
        self.name_keys = name_keys;
    }
}

fn split_lines<'a>(text: &'a str, md: bool, repeated: Option<&[bool]>) -> Doc<'a> {
    // Buffers sized once: at most one line per newline.
    let max_lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
    let mut doc = Doc {
        text,
        disp: String::with_capacity(text.len()),
        markup: Vec::with_capacity(16),
        lines: Vec::with_capacity(max_lines),
        body: AHashMap::new(),
        names: AHashSet::new(),
        title_keys: Vec::new(),
        keys: Vec::with_capacity(64),
        name_keys: Vec::with_capacity(64),
        queued: Vec::with_capacity(max_lines),
    };
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut para = 0;
    let mut blank_before = false;
    let mut raw_line = 0;
    let mut lower = Vec::new();
    while pos <= bytes.len() {
        let nl = memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |p| pos + p);
        let raw = &text[pos..nl];
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            blank_before = true;
        } else {
            if blank_before && !doc.lines.is_empty() {
                para += 1;
            }
            blank_before = false;
            let start = pos + (raw.len() - raw.trim_start().len());
            let end = start + trimmed.len();
            let d0 = doc.disp.len();
            let m0 = doc.markup.len();
            let info = markdown::strip_line(text, start, end, md, &mut doc.disp, &mut doc.markup);
            let d1 = doc.disp.len();
            let shown = &doc.disp[d0..d1];
            let words = word_count(shown);
            let terminal = ends_sentence(shown);
            let mut trigger = false;
            let class = if is_bare_url(trimmed) {
                Class::Noise(Reason::Metadata)
            } else if info.only_markup || !shown.chars().any(char::is_alphanumeric) {
                Class::Noise(Reason::Markup)
            } else if let Some(cue) = cues::find(shown, words, terminal, &mut lower) {
                trigger = cue.trigger;
                if cue.scope == Scope::Any {
                    Class::Soft(cue.reason)
                } else {
                    Class::Noise(cue.reason)
                }
            } else if (6..=60).contains(&words)
                && ends_with_full_date(shown)
                && !shown.contains(['"', '“', '”'])
                && single_sentence(shown)
                && !reports(shown)
            {
                Class::Noise(Reason::Caption)
            } else {
                Class::Body
            };
            let repeated = repeated.is_some_and(|r| r.get(raw_line).copied().unwrap_or(false));
            doc.lines.push(Line {
                start,
                end,
                para,
                d0,
                d1,
                m0,
                m1: doc.markup.len(),
                words,
                terminal,
                heading: info.heading,
                trigger,
                repeated,
                class,
            });
        }
        pos = nl + 1;
        raw_line += 1;
    }
    doc
}

/// Can this line, inside an end-of-article block of kind `tail`, be the article going on?
/// Only sentence-like prose can; headlines and teasers cut mid-sentence cannot, nor can a
/// paragraph speaking as the outlet ("we", "our") inside a newsletter or donation block.
fn resumes(l: &Line, tail: Reason, shown: &str) -> bool {
    l.terminal
        && l.words >= 8
        && !(matches!(tail, Reason::Newsletter | Reason::Donation) && we_count(shown) >= 2)
}

/// Reason for a line removed inside an end-of-article block opened by `tail`.
fn tail_reason(tail: Reason, shown: &str) -> Reason {
    match tail {
        Reason::Related => Reason::Related,
        Reason::Newsletter | Reason::Donation if we_count(shown) >= 2 || word_count(shown) <= 4 => {
            tail
        }
        _ => Reason::OffTopic,
    }
}

fn clean_doc(text: &str, opts: &CleanOptions, repeated: Option<&[bool]>) -> Cleaned {
    let md = match opts.markdown {
        Markdown::Auto => markdown::looks_like_markdown(text),
        Markdown::Always => true,
        Markdown::Never => false,
    };
    let mut doc = split_lines(text, md, repeated);
    let n = doc.lines.len();
    let mut out = Cleaned {
        text: String::with_capacity(text.len()),
        ..Cleaned::default()
    };

    // Cross-document repeats, unless the document shares whole paragraphs with another one
    // (a near-duplicate article): then its repeated lines are the article itself.
    let prose = |l: &&Line| is_prose(l.words, l.terminal);
    let repeated_prose = doc
        .lines
        .iter()
        .filter(|l| l.repeated)
        .filter(prose)
        .count();
    let all_prose = doc.lines.iter().filter(prose).count();
    if repeated_prose < 3 || repeated_prose * 2 < all_prose {
        for i in 0..n {
            let l = &doc.lines[i];
            if !l.repeated || l.heading || matches!(l.class, Class::Noise(_)) {
                continue;
            }
            // A dateline repeats in shape (digits are folded) but is this article's date.
            let reason = if l.words <= 8 && find_date(doc.display(i)).is_some() {
                Reason::Metadata
            } else {
                Reason::Repeated
            };
            doc.lines[i].class = Class::Noise(reason);
        }
    }

    // ---- head: title, date, bylines, captions before the first prose line
    // The head ends at the first prose line of the body. A cue line is not the body's first
    // prose line, and an end-of-article cue after enough words ends the search: what follows
    // it is another story, and the short lines before it (a table of results, a list of
    // prices) are the article, not a head. Without a prose line nothing is removed on
    // structure alone, and the end-of-article rules start at the first line.
    let mut h = n;
    let mut words_before = 0;
    for (i, l) in doc.lines.iter().enumerate() {
        if l.class == Class::Body && is_prose(l.words, l.terminal) {
            h = i;
            break;
        }
        // A row of figures (not a date line) starts the article: a table is not a head.
        if l.class == Class::Body
            && is_figures(doc.display(i), l.words)
            && !(l.words <= 8 && find_date(doc.display(i)).is_some())
        {
            h = i;
            break;
        }
        if l.trigger && words_before >= MIN_BODY_WORDS {
            break;
        }
        if l.class == Class::Body {
            words_before += l.words;
        }
    }
    let mut title: Option<usize> = None;
    if h < n {
        let body_head = |l: &Line| l.class == Class::Body;
        title = (0..h)
            .find(|&i| body_head(&doc.lines[i]) && doc.lines[i].heading)
            .or_else(|| {
                (0..h).find(|&i| {
                    let l = &doc.lines[i];
                    let s = doc.display(i);
                    body_head(l)
                        && (3..=30).contains(&l.words)
                        && !s.ends_with('.')
                        && !all_caps(s)
                        && (l.words > 8 || find_date(s).is_none())
                })
            })
            .or_else(|| {
                (0..h).find(|&i| body_head(&doc.lines[i]) && (3..=30).contains(&doc.lines[i].words))
            });
        for i in 0..h {
            if doc.lines[i].class != Class::Body {
                continue;
            }
            let l = &doc.lines[i];
            let s = doc.display(i);
            let new = if Some(i) == title || (l.words <= 8 && find_date(s).is_some()) {
                Class::Noise(Reason::Metadata)
            } else if title.is_some_and(|t| i < t) && l.words <= 8 {
                Class::Noise(Reason::Navigation)
            } else if l.words <= 8 && !l.terminal {
                Class::Noise(Reason::Caption)
            } else {
                Class::Body
            };
            doc.lines[i].class = new;
        }
    }
    if let Some(t) = title {
        out.title = Some(doc.display(t).trim().to_string());
    }

    // ---- body: end-of-article blocks judged by cohesion
    let h = if h == n { 0 } else { h };
    let mut body_words = 0;
    for i in 0..h {
        match doc.lines[i].class {
            Class::Body => {
                doc.absorb(i);
                body_words += doc.lines[i].words;
            }
            Class::Soft(_) => doc.lines[i].class = Class::Body,
            Class::Noise(_) => {}
        }
    }
    if let Some(t) = title {
        let mut keys = Vec::new();
        content_keys(doc.display(t), &mut keys);
        for &k in &keys {
            *doc.body.entry(k).or_insert(0) += 1;
        }
        doc.title_keys = keys;
    }
    let mut tail: Option<Reason> = None;
    let mut pending: Vec<(usize, Reason)> = Vec::new();
    for i in h..n {
        let class = doc.lines[i].class;
        let open = |tail: Option<Reason>, r: Reason| match r {
            Reason::Related | Reason::Newsletter | Reason::Donation => Some(r),
            _ => Some(tail.unwrap_or(Reason::OffTopic)),
        };
        match class {
            Class::Noise(r) => {
                if doc.lines[i].trigger && body_words >= MIN_BODY_WORDS {
                    tail = open(tail, r);
                }
            }
            Class::Soft(r) => {
                // A cue plus the article's words: inside an end block the bar is doubled.
                let bar = if let Some(t) = tail {
                    if resumes(&doc.lines[i], t, doc.display(i)) {
                        2.0 * opts.cohesion
                    } else {
                        f64::INFINITY
                    }
                } else {
                    opts.cohesion
                };
                if body_words < MIN_BODY_WORDS || doc.cohesion(i) >= bar {
                    doc.lines[i].class = Class::Body;
                    if tail.is_some() {
                        resolve(&mut doc, &mut pending, true);
                        tail = None;
                    }
                    doc.absorb(i);
                    body_words += doc.lines[i].words;
                } else {
                    doc.lines[i].class = Class::Noise(r);
                    if doc.lines[i].trigger {
                        tail = open(tail, r);
                    }
                }
            }
            Class::Body => {
                if let Some(t) = tail {
                    // The article goes on when the line shares its words, or at least two
                    // of its names (people, places): an article paragraph after an inline
                    // box may bring many new words but keeps naming the same actors. A
                    // paragraph naming two or more people or places, none of them the
                    // article's, is another story even when it shares common words.
                    if resumes(&doc.lines[i], t, doc.display(i)) && doc.continues(i, opts.cohesion)
                    {
                        resolve(&mut doc, &mut pending, true);
                        tail = None;
                        doc.absorb(i);
                        body_words += doc.lines[i].words;
                    } else {
                        pending.push((i, t));
                    }
                } else {
                    doc.absorb(i);
                    body_words += doc.lines[i].words;
                }
            }
        }
    }
    resolve(&mut doc, &mut pending, false);

    // ---- metadata from removed lines
    for i in 0..n {
        let l = &doc.lines[i];
        let raw = &text[l.start..l.end];
        if let Class::Noise(Reason::Metadata | Reason::Byline) = l.class {
            if Some(i) == title {
                continue;
            }
            if out.url.is_none() {
                if let Some(u) = find_url(raw).filter(|_| is_bare_url(raw) || raw.len() < 200) {
                    out.url = Some(u.to_string());
                }
            }
            if out.published.is_none() {
                out.published = find_date(doc.display(i));
            }
        }
    }

    // ---- assemble the text and the removals
    let mut removed: Vec<Removal> = Vec::with_capacity(n / 2 + doc.markup.len());
    let mut prev: Option<usize> = None;
    for i in 0..n {
        let l = &doc.lines[i];
        if let Class::Noise(reason) = l.class {
            removed.push(Removal {
                start: l.start,
                end: l.end,
                reason,
            });
            continue;
        }
        if let Some(p) = prev {
            let a = &doc.lines[p];
            let join = opts.repair_paragraphs
                && a.para != l.para
                && !a.terminal
                && !a.heading
                && a.words >= 3
                && starts_lower(doc.display(i));
            if join {
                out.text.push(' ');
                if p + 1 == i {
                    removed.push(Removal {
                        start: a.end,
                        end: l.start,
                        reason: Reason::Markup,
                    });
                }
            } else if a.para == l.para && p + 1 == i {
                out.text.push('\n');
            } else {
                out.text.push_str("\n\n");
            }
        }
        out.text.push_str(doc.display(i));
        removed.extend(doc.markup[l.m0..l.m1].iter().map(|&(s, e)| Removal {
            start: s,
            end: e,
            reason: Reason::Markup,
        }));
        prev = Some(i);
    }
    removed.sort_by_key(|r| (r.start, r.end));
    out.removed = removed;
    // The text was sized for the whole input: give back what removals left unused.
    out.text.shrink_to_fit();
    let _ = doc.text;
    out
}

/// Decide the lines held since an end-of-article cue (each with the block it was in). When the article goes on (`resumed`)
/// after at most two such lines, sentence-like ones are kept: an inline "Also read" box
/// interrupted the article. Everything else goes with the block's reason.
fn resolve(doc: &mut Doc<'_>, pending: &mut Vec<(usize, Reason)>, resumed: bool) {
    let sandwich = resumed && pending.len() <= 2;
    for (p, tail) in std::mem::take(pending) {
        let l = &doc.lines[p];
        if sandwich && l.terminal && l.words >= 8 {
            doc.absorb(p);
        } else {
            let r = tail_reason(tail, doc.display(p));
            doc.lines[p].class = Class::Noise(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> CleanOptions {
        CleanOptions::default()
    }

    /// Every non-white-space character is either kept or reported.
    fn check_accounting(text: &str, out: &Cleaned) {
        let mut rest = String::new();
        let mut at = 0;
        for r in &out.removed {
            assert!(r.start >= at, "overlapping removals {:?}", out.removed);
            assert!(r.end <= text.len() && r.start <= r.end);
            rest.push_str(&text[at..r.start]);
            at = r.end;
        }
        rest.push_str(&text[at..]);
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(squash(&rest), squash(&out.text));
    }

    const ARTICLE: &str = "# Harbour reopens after storm\n\nMarch 3, 2024\n\n\
        The harbour in Port Ellis [reopened](#) on Monday after a storm closed it for three days, \
        the port authority said.\n\nFerry operators said services would resume gradually and \
        warned passengers of delays on the harbour routes until the\n\nweekend, when the storm \
        damage to the harbour piers will be repaired.\n\nADVERTISEMENT\n\n\
        The port authority said the harbour piers suffered less damage than feared.\n\n\
        Related Article\n\nCity council approves new budget for schools\n\n\
        The city council voted on Tuesday to approve a budget that raises spending on schools \
        and libraries, ending months of debate among council members.\n\n\
        Sign up for our free weekly newsletter\n\nOriginal url:\n\n<https://example.org/harbour>";

    #[test]
    fn article_is_cleaned_and_accounted() {
        let out = clean(ARTICLE, &opts());
        check_accounting(ARTICLE, &out);
        assert_eq!(out.title.as_deref(), Some("Harbour reopens after storm"));
        assert_eq!(out.published.as_deref(), Some("2024-03-03"));
        assert_eq!(out.url.as_deref(), Some("https://example.org/harbour"));
        assert!(out
            .text
            .starts_with("The harbour in Port Ellis reopened on Monday"));
        assert!(out.text.contains("until the weekend, when the storm"));
        assert!(out.text.ends_with("less damage than feared."));
        let reasons: Vec<&str> = out.removed.iter().map(|r| r.reason.as_str()).collect();
        for r in [
            "metadata",
            "markup",
            "advertisement",
            "related",
            "newsletter",
        ] {
            assert!(reasons.contains(&r), "{r} missing in {reasons:?}");
        }
        let council = ARTICLE.find("The city council").unwrap();
        assert!(out
            .removed
            .iter()
            .any(|r| r.start == council && r.reason == Reason::Related));
    }

    #[test]
    fn cohesive_paragraph_after_inline_related_is_kept() {
        let text = "The harbour in Port Ellis reopened on Monday after a storm closed the harbour \
            for three days, the port authority said on Monday evening.\n\n\
            Related: Storm closes harbour\n\n\
            Ferry operators at the harbour said the storm damage to the port was repaired.";
        let out = clean(text, &opts());
        assert!(out.text.contains("Ferry operators"), "{out:?}");
        check_accounting(text, &out);
    }

    #[test]
    fn names_decide_held_paragraphs() {
        let text = "The harbour authority in Port Ellis said on Monday that the Marlow ferry \
            company would resume crossings to Dunmore once the storm damage was repaired.\n\n\
            Also read\n\nSchools close early for the holidays\n\n\
            Tickets sold by Marlow for the Dunmore route will be honoured until April, and \
            refunds are available at every office of the operator.\n\n\
            Related Article\n\n\
            The city council in Greyford voted to approve a new tram line linking the station \
            with the campus at Hollins Rise, said Councillor Bea Strand of the port committee.";
        let out = clean(text, &opts());
        check_accounting(text, &out);
        assert!(out.text.contains("Tickets sold by Marlow"), "{out:?}");
        assert!(!out.text.contains("Schools close"), "{out:?}");
        assert!(!out.text.contains("Greyford"), "{out:?}");
    }

    #[test]
    fn bad_inputs() {
        for text in [
            "",
            "\n\n\n",
            "\0\0\0",
            "ADVERTISEMENT\nRead more\nFollow us on:",
        ] {
            let out = clean(text, &opts());
            check_accounting(text, &out);
            assert!(out.text.is_empty(), "{text:?} -> {out:?}");
        }
        let noise = "ADVERTISEMENT\nRead more\nFollow us on:";
        assert_eq!(clean(noise, &opts()).removed.len(), 3);
        let long = "word ".repeat(200_000) + "[x](y) **z** \\q";
        let out = clean(&long, &opts());
        check_accounting(&long, &out);
        let junk: String = (0..5000u32)
            .filter_map(|i| char::from_u32(i * 7 % 0x2FFF))
            .collect();
        check_accounting(&junk, &clean(&junk, &opts()));
    }

    #[test]
    fn repeated_lines_and_near_duplicates() {
        let doc = |s: &str| {
            format!("{s} The council met on Tuesday and agreed the budget for the coming year.\n\nGazette staff")
        };
        let texts = [doc("Roads."), doc("Parks."), doc("Schools.")];
        let outlets = ["gazette"; 3];
        let out = clean_many(&texts, &outlets, &opts(), true, Threads::Count(2));
        for (t, o) in texts.iter().zip(&out) {
            check_accounting(t, o);
            assert!(!o.text.contains("Gazette staff"));
            assert!(o.text.contains("The council met"), "{o:?}");
        }
        let serial = clean_many(&texts, &outlets, &opts(), true, Threads::Serial);
        assert_eq!(out, serial);
    }
}
