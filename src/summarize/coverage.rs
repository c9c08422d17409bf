//! Concept coverage (Gillick & Favre 2009, ICSISumm) with learned concept weights (in the
//! spirit of Hong & Nenkova 2014, RegSum): pick the sentences that together cover the most
//! weight of "concepts" within the word budget, each concept counted once.
//!
//! * Concepts are stemmed word bigrams (bigrams of two stop words are dropped) and stemmed
//!   content words, the latter weighted [`Params::unigram`] (0.5) relative to bigrams.
//! * Several documents: a concept's weight is the estimated probability that a human
//!   summary of the cluster contains it, a logistic model over features of how the
//!   documents use it ([`concept_features`]: share of documents, share of document leads and
//!   first sentences, sentence count, earliest relative position, singleton; three more,
//!   occurrence counts and squared share, have coefficient 0 in the shipped models),
//!   raised to [`Params::power`]. The coefficients ([`BIGRAM_MODEL`], [`UNIGRAM_MODEL`], one
//!   logistic regression with a bigram flag and its interaction with the share of documents)
//!   were fitted once on the DUC 2002 clusters and the DUC 2004 dev split (which words of the
//!   documents reappear in the human abstracts; `benchmarks/fit_duc_concepts.py`); the DUC
//!   2004 test split was never used.
//! * One document: the number of sentences that contain the concept, from 2 on.
//! * With an exactly filled budget, each sentence also gains a small bonus for its LexRank
//!   centrality per word ([`Params::centrality`], [`centrality_bonus`]).
//! * The budgeted maximum coverage problem is solved by greedy selection on
//!   `gain / words^r` for several scaling exponents `r`, the best single sentence (which
//!   bounds the greedy result to within a constant of the optimum), then local search over
//!   additions and swaps.

use ahash::AHashMap;

use super::analyze::Analysis;

/// Number of features of a concept.
pub const N_FEATURES: usize = 9;

/// Intercept and coefficients of the logistic model of bigram concepts, in the order of
/// [`concept_features`].
pub const BIGRAM_MODEL: [f64; N_FEATURES + 1] = [
    -5.373_667, 1.795_857, 2.362_929, 2.419_901, 0.976_138, 1.068_743, -0.608_732, 0.0, 0.0, 0.0,
];

/// Intercept and coefficients of the logistic model of content-word concepts, in the order of
/// [`concept_features`].
pub const UNIGRAM_MODEL: [f64; N_FEATURES + 1] = [
    -4.547_837, 0.433_228, 2.362_929, 2.419_901, 0.976_138, 1.068_743, -0.608_732, 0.0, 0.0, 0.0,
];

/// Tuning of the concept weights.
#[derive(Debug, Clone)]
pub struct Params {
    /// Smallest number of documents (sentences for one document) that must contain a concept
    /// for it to count; `0` = automatic (1 for several documents, where the model already
    /// discounts concepts of a single document; 2 for one document).
    pub min_df: u32,
    /// Sentences at the head of a document that make its lead (a model feature).
    pub lead: u32,
    /// Exponent applied to the model's probability (1 = the probability itself).
    pub power: f64,
    /// Unigram weight relative to bigrams (`0` = bigrams only).
    ///
    /// The defaults (automatic, 3 lead sentences as in the model's fit, power 1, unigrams 0.5,
    /// centrality 0.3) were chosen on the DUC 2004 dev split and DUC 2002 only
    /// (`benchmarks/tune_duc.py`).
    pub unigram: f64,
    /// Weight of sentence centrality when the budget is filled exactly
    /// ([`super::SummarizeOptions::truncate`]) and there are several documents: a sentence's
    /// value gains `centrality` × its LexRank score over the mean score × its words over the
    /// mean words × the mean concept value of a sentence (`0` = concepts only; see
    /// [`centrality_bonus`]). The default 0.3 was chosen on DUC 2004 dev and DUC 2002 only
    /// (`benchmarks/tune_duc.py`); without `truncate` the per-word bonus favours long
    /// sentences and did not help, so it is not used there.
    pub centrality: f64,
    /// Coefficients of the bigram model (default [`BIGRAM_MODEL`]; other values for fitting).
    pub bigram_model: [f64; N_FEATURES + 1],
    /// Coefficients of the content-word model (default [`UNIGRAM_MODEL`]).
    pub unigram_model: [f64; N_FEATURES + 1],
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_df: 0,
            lead: 3,
            power: 1.0,
            unigram: 0.5,
            centrality: 0.3,
            bigram_model: BIGRAM_MODEL,
            unigram_model: UNIGRAM_MODEL,
        }
    }
}

/// Concepts of every sentence (sorted unique concept ids) and their weights.
pub struct Concepts {
    /// Per sentence: its weighted concepts.
    pub of: Vec<Vec<u32>>,
    /// Per concept id: its weight.
    pub weight: Vec<f64>,
    /// Per sentence: value added to its concepts' (empty = none; see [`Params::centrality`]).
    pub bonus: Vec<f64>,
    /// Concept key → id (to find the concepts of part of a sentence).
    ids: AHashMap<u64, u32>,
    /// Whether content words are concepts.
    unigrams: bool,
    /// Per candidate: the sentence it is a variant of (candidates of one sentence exclude
    /// each other); empty when every candidate is its own sentence.
    pub group: Vec<u32>,
}

impl Concepts {
    /// The weighted concepts of the first `tokens` tokens of sentence `i` (sorted, unique).
    pub fn of_prefix(&self, a: &Analysis, i: usize, tokens: usize) -> Vec<u32> {
        let t = &a.sentences[i].tokens;
        self.of_tokens(a, &t[..tokens.min(t.len())])
    }

    /// The weighted concepts of a token sequence (sorted, unique).
    pub fn of_tokens(&self, a: &Analysis, tokens: &[u32]) -> Vec<u32> {
        let mut keys = Vec::new();
        concept_keys(a, tokens, self.unigrams, &mut keys);
        let mut cs: Vec<u32> = keys
            .iter()
            .filter_map(|k| self.ids.get(k).copied())
            .filter(|&c| self.weight[c as usize] > 0.0)
            .collect();
        cs.sort_unstable();
        cs.dedup();
        cs
    }

    /// Whether candidates `x` and `y` are one sentence or variants of one sentence.
    pub fn same(&self, x: usize, y: usize) -> bool {
        x == y || (!self.group.is_empty() && self.group[x] == self.group[y])
    }

    /// Whether candidate `x` is a compressed variant of another sentence.
    pub fn is_variant(&self, x: usize) -> bool {
        !self.group.is_empty() && self.group[x] as usize != x
    }

    /// Form value of sentence `s` of `words` words when `keep` of them are kept.
    pub fn bonus_of(&self, s: usize, keep: u32, words: u32) -> f64 {
        self.bonus
            .get(s)
            .map_or(0.0, |b| b * f64::from(keep) / f64::from(words.max(1)))
    }

    /// Weight of the concepts in `cs` not in `covered` (a sorted concept list).
    pub fn gain_over(&self, cs: &[u32], covered: &[u32]) -> f64 {
        cs.iter()
            .filter(|c| covered.binary_search(c).is_err())
            .map(|&c| self.weight[c as usize])
            .sum()
    }
}

/// What the documents say about one concept.
#[derive(Debug, Clone, Default)]
pub struct ConceptStats {
    /// Units (documents, or sentences for one document) that contain it.
    pub df: u32,
    /// Documents that contain it in their first [`Params::lead`] sentences.
    pub lead_df: u32,
    /// Documents whose first sentence contains it.
    pub first_df: u32,
    /// Sentences that contain it.
    pub sentences: u32,
    /// Occurrences (repeats within a sentence included).
    pub count: u32,
    /// Sum over the documents that contain it of its earliest relative position there
    /// (sentence position / sentences in the document).
    pub first_pos_sum: f64,
    /// A bigram (else a content word).
    pub bigram: bool,
    last_unit: u32,
    last_lead: u32,
    last_first: u32,
}

/// Model features of a concept in a cluster of `n_docs` documents whose concepts of the
/// same kind (bigrams, or content words) occur `total` times: share of documents containing
/// it, share of document leads, share of first sentences, `ln(1 + sentences)`, `1 −` mean
/// earliest relative position, single-document flag, `ln(1 + occurrences)`,
/// `ln(occurrences / total)`, squared share of documents.
pub fn concept_features(s: &ConceptStats, n_docs: usize, total: u64) -> [f64; N_FEATURES] {
    let n = n_docs.max(1) as f64;
    let df = f64::from(s.df);
    let count = f64::from(s.count.max(1));
    [
        df / n,
        f64::from(s.lead_df) / n,
        f64::from(s.first_df) / n,
        f64::from(s.sentences).ln_1p(),
        1.0 - s.first_pos_sum / df.max(1.0),
        if s.df == 1 { 1.0 } else { 0.0 },
        count.ln_1p(),
        (count / (total.max(1) as f64)).ln(),
        (df / n) * (df / n),
    ]
}

/// A logistic model's probability (`model`: intercept, then coefficients) for features `f`.
pub fn concept_probability(f: &[f64; N_FEATURES], model: &[f64; N_FEATURES + 1]) -> f64 {
    let z = model[0] + f.iter().zip(&model[1..]).map(|(x, b)| x * b).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// Occurrences of all bigram concepts and of all content-word concepts.
fn totals(stats: &[ConceptStats]) -> (u64, u64) {
    stats.iter().fold((0, 0), |(b, u), s| {
        if s.bigram {
            (b + u64::from(s.count), u)
        } else {
            (b, u + u64::from(s.count))
        }
    })
}

/// Every concept of the first `n_docs` documents of `a` with its model features, whether it
/// is a bigram, and the share of the remaining documents (the references) that contain it
/// (used to fit the models: `benchmarks/fit_duc_concepts.py`).
pub fn concept_table(
    a: &Analysis,
    n_docs: usize,
    p: &Params,
) -> Vec<([f64; N_FEATURES], bool, f64)> {
    let docs = Analysis {
        sentences: a
            .sentences
            .iter()
            .filter(|s| (s.doc as usize) < n_docs)
            .cloned()
            .collect(),
        n_docs,
        is_stop: a.is_stop.clone(),
        doc_sentences: a.doc_sentences[..n_docs.min(a.doc_sentences.len())].to_vec(),
    };
    let (_, stats, ids) = stats_and_ids(&docs, p);
    let n_refs = a.n_docs.saturating_sub(n_docs);
    let mut refs = vec![0u32; stats.len()];
    let mut last = vec![u32::MAX; stats.len()];
    let mut keys = Vec::new();
    for s in a.sentences.iter().filter(|s| s.doc as usize >= n_docs) {
        concept_keys(a, &s.tokens, true, &mut keys);
        for k in &keys {
            if let Some(&c) = ids.get(k) {
                if last[c as usize] != s.doc {
                    last[c as usize] = s.doc;
                    refs[c as usize] += 1;
                }
            }
        }
    }
    let (tb, tu) = totals(&stats);
    stats
        .iter()
        .zip(&refs)
        .map(|(st, &r)| {
            let total = if st.bigram { tb } else { tu };
            (
                concept_features(st, n_docs, total),
                st.bigram,
                f64::from(r) / (n_refs.max(1) as f64),
            )
        })
        .collect()
}

/// Concept keys of sentence `s`: bigrams (not two stop words) and, when `unigrams`, content
/// words (tagged in the top bit).
fn concept_keys(a: &Analysis, tokens: &[u32], unigrams: bool, out: &mut Vec<u64>) {
    out.clear();
    for w in tokens.windows(2) {
        let (x, y) = (w[0], w[1]);
        if a.is_stop[x as usize] && a.is_stop[y as usize] {
            continue;
        }
        out.push((u64::from(x) << 32) | u64::from(y));
    }
    if unigrams {
        for &t in tokens {
            if !a.is_stop[t as usize] {
                out.push(UNIGRAM_TAG | u64::from(t));
            }
        }
    }
}

const UNIGRAM_TAG: u64 = 1 << 63;

/// Count every concept's statistics; returns (per sentence: its concept ids, per concept:
/// its statistics).
pub fn concept_stats(a: &Analysis, p: &Params) -> (Vec<Vec<u32>>, Vec<ConceptStats>) {
    let (raw, stats, _) = stats_and_ids(a, p);
    (raw, stats)
}

type StatsAndIds = (Vec<Vec<u32>>, Vec<ConceptStats>, AHashMap<u64, u32>);

fn stats_and_ids(a: &Analysis, p: &Params) -> StatsAndIds {
    let multi = a.n_docs > 1;
    let mut ids: AHashMap<u64, u32> = AHashMap::new();
    let mut stats: Vec<ConceptStats> = Vec::new();
    let mut raw: Vec<Vec<u32>> = Vec::with_capacity(a.sentences.len());
    let mut keys: Vec<u64> = Vec::new();
    for (i, s) in a.sentences.iter().enumerate() {
        let unit = if multi { s.doc } else { i as u32 };
        let doc_len = f64::from(a.doc_sentences[s.doc as usize].max(1));
        let rel = f64::from(s.pos) / doc_len;
        concept_keys(a, &s.tokens, p.unigram > 0.0, &mut keys);
        let mut cs: Vec<u32> = keys
            .iter()
            .map(|&k| {
                let next = ids.len() as u32;
                let id = *ids.entry(k).or_insert(next);
                if id == next {
                    stats.push(ConceptStats {
                        bigram: k & UNIGRAM_TAG == 0,
                        last_unit: u32::MAX,
                        last_lead: u32::MAX,
                        last_first: u32::MAX,
                        ..ConceptStats::default()
                    });
                }
                id
            })
            .collect();
        for &c in &cs {
            stats[c as usize].count += 1;
        }
        cs.sort_unstable();
        cs.dedup();
        for &c in &cs {
            let st = &mut stats[c as usize];
            st.sentences += 1;
            if st.last_unit != unit {
                // sentences come in document order, so the first one seen is the earliest
                st.last_unit = unit;
                st.df += 1;
                st.first_pos_sum += rel;
            }
            if s.pos < p.lead && st.last_lead != s.doc {
                st.last_lead = s.doc;
                st.lead_df += 1;
            }
            if s.pos == 0 && st.last_first != s.doc {
                st.last_first = s.doc;
                st.first_df += 1;
            }
        }
        raw.push(cs);
    }
    (raw, stats, ids)
}

/// Extract weighted concepts.
pub fn concepts(a: &Analysis, p: &Params) -> Concepts {
    let multi = a.n_docs > 1;
    let min_df = match (p.min_df, multi) {
        (0, true) => 1,
        (0, false) => 2,
        (m, _) => m,
    };
    let (raw, stats, ids) = stats_and_ids(a, p);
    let (tb, tu) = totals(&stats);
    let weight: Vec<f64> = stats
        .iter()
        .map(|st| {
            if st.df < min_df {
                return 0.0;
            }
            let w = if multi {
                let (model, total) = if st.bigram {
                    (&p.bigram_model, tb)
                } else {
                    (&p.unigram_model, tu)
                };
                concept_probability(&concept_features(st, a.n_docs, total), model).powf(p.power)
            } else {
                f64::from(st.df)
            };
            if st.bigram {
                w
            } else {
                w * p.unigram
            }
        })
        .collect();
    let of = raw
        .into_iter()
        .map(|cs| {
            cs.into_iter()
                .filter(|&c| weight[c as usize] > 0.0)
                .collect()
        })
        .collect();
    Concepts {
        of,
        weight,
        bonus: Vec::new(),
        ids,
        unigrams: p.unigram > 0.0,
        group: Vec::new(),
    }
}

/// Centrality bonus of every sentence ([`Params::centrality`]): `mu` × `lexrank[i]` / mean
/// LexRank score × `words[i]` / mean words × the mean of `values` (the sentences' concept
/// values), so that `mu` is free of the input's scale.
pub fn centrality_bonus(mu: f64, lexrank: &[f64], words: &[u32], values: &[f64]) -> Vec<f64> {
    let n = lexrank.len().max(1) as f64;
    let mean_rank = lexrank.iter().sum::<f64>() / n;
    let mean_value = values.iter().sum::<f64>() / n;
    let mean_words = words.iter().map(|&w| f64::from(w)).sum::<f64>() / n;
    if mean_rank <= 0.0 || mean_words <= 0.0 {
        return vec![0.0; lexrank.len()];
    }
    lexrank
        .iter()
        .zip(words)
        .map(|(&r, &w)| mu * r / mean_rank * f64::from(w) / mean_words * mean_value)
        .collect()
}

/// Standalone value of each sentence: the weight of its concepts.
pub fn sentence_values(c: &Concepts) -> Vec<f64> {
    c.of.iter()
        .map(|cs| cs.iter().map(|&k| c.weight[k as usize]).sum())
        .collect()
}

struct State<'a> {
    c: &'a Concepts,
    cover: Vec<u32>,
    value: f64,
}

impl<'a> State<'a> {
    fn new(c: &'a Concepts) -> Self {
        State {
            c,
            cover: vec![0; c.weight.len()],
            value: 0.0,
        }
    }
    fn gain(&self, s: usize) -> f64 {
        self.c.of[s]
            .iter()
            .filter(|&&k| self.cover[k as usize] == 0)
            .map(|&k| self.c.weight[k as usize])
            .sum::<f64>()
            + self.c.bonus.get(s).copied().unwrap_or(0.0)
    }
    fn loss(&self, s: usize) -> f64 {
        self.c.of[s]
            .iter()
            .filter(|&&k| self.cover[k as usize] == 1)
            .map(|&k| self.c.weight[k as usize])
            .sum::<f64>()
            + self.c.bonus.get(s).copied().unwrap_or(0.0)
    }
    fn add(&mut self, s: usize) {
        self.value += self.gain(s);
        for &k in &self.c.of[s] {
            self.cover[k as usize] += 1;
        }
    }
    fn remove(&mut self, s: usize) {
        self.value -= self.loss(s);
        for &k in &self.c.of[s] {
            self.cover[k as usize] -= 1;
        }
    }
}

/// The budget of a selection.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// Most words in total.
    pub words: usize,
    /// Most sentences.
    pub sentences: usize,
}

fn greedy(c: &Concepts, cands: &[usize], words: &[u32], b: Budget, r: f64) -> Vec<usize> {
    let mut st = State::new(c);
    let mut chosen: Vec<usize> = Vec::new();
    let mut used = 0usize;
    let mut open: Vec<usize> = cands.to_vec();
    // `words^r` for every length that can fit (at most the longest candidate)
    let longest = cands.iter().map(|&s| words[s] as usize).max().unwrap_or(0);
    let scale: Vec<f64> = (0..=longest.min(b.words))
        .map(|w| (w.max(1) as f64).powf(r))
        .collect();
    while chosen.len() < b.sentences {
        let mut best: Option<(f64, usize)> = None;
        for (k, &s) in open.iter().enumerate() {
            let w = words[s] as usize;
            if used + w > b.words {
                continue;
            }
            let g = st.gain(s);
            if g <= 0.0 {
                continue;
            }
            let ratio = g / scale[w];
            if best.is_none_or(|(v, _)| ratio > v) {
                best = Some((ratio, k));
            }
        }
        let Some((_, k)) = best else { break };
        let s = open.swap_remove(k);
        open.retain(|&o| !c.same(o, s));
        used += words[s] as usize;
        st.add(s);
        chosen.push(s);
    }
    chosen
}

/// Total weight of the concepts that `set` covers.
pub fn value_of(c: &Concepts, set: &[usize]) -> f64 {
    let mut st = State::new(c);
    for &s in set {
        st.add(s);
    }
    st.value
}

/// `value_of(c, &[s])` without a pass over every concept.
fn single(c: &Concepts, s: usize) -> f64 {
    c.of[s].iter().map(|&k| c.weight[k as usize]).sum::<f64>()
        + c.bonus.get(s).copied().unwrap_or(0.0)
}

/// Local search: improving additions, then the best improving swap (one out, one in) for
/// each chosen sentence, for at most 20 passes.
fn improve(c: &Concepts, cands: &[usize], words: &[u32], b: Budget, set: &mut Vec<usize>) {
    let mut st = State::new(c);
    for &s in set.iter() {
        st.add(s);
    }
    let mut used: usize = set.iter().map(|&s| words[s] as usize).sum();
    for _ in 0..20 {
        let mut improved = false;
        // additions
        for &s in cands {
            if set.len() >= b.sentences || set.iter().any(|&x| c.same(x, s)) {
                continue;
            }
            if used + words[s] as usize <= b.words && st.gain(s) > 1e-12 {
                st.add(s);
                set.push(s);
                used += words[s] as usize;
                improved = true;
            }
        }
        // swaps
        let mut k = 0;
        while k < set.len() {
            let out = set[k];
            st.remove(out);
            let free = b.words - (used - words[out] as usize);
            let keep = st.gain(out);
            let mut best: Option<(f64, usize)> = None;
            for &s in cands {
                let taken = set.iter().enumerate().any(|(j, &x)| j != k && c.same(x, s));
                if s == out || taken || words[s] as usize > free {
                    continue;
                }
                let g = st.gain(s);
                if g > keep + 1e-9 && best.is_none_or(|(bg, _)| g > bg) {
                    best = Some((g, s));
                }
            }
            if let Some((_, s)) = best {
                st.add(s);
                used = used - words[out] as usize + words[s] as usize;
                set[k] = s;
                improved = true;
            } else {
                st.add(out);
            }
            k += 1;
        }
        if !improved {
            break;
        }
    }
}

/// Select sentences among `cands` maximising concept coverage within `b`.
pub fn select(c: &Concepts, cands: &[usize], words: &[u32], b: Budget) -> Vec<usize> {
    let mut best: Vec<usize> = Vec::new();
    let mut best_v = f64::NEG_INFINITY;
    for r in [0.0, 0.5, 0.75, 1.0] {
        let mut set = greedy(c, cands, words, b, r);
        improve(c, cands, words, b, &mut set);
        let v = value_of(c, &set);
        if v > best_v + 1e-12 {
            best_v = v;
            best = set;
        }
    }
    // The best single sentence that fits (Khuller et al.'s guard for the ratio rule).
    if b.sentences > 0 {
        if let Some(&s) = cands
            .iter()
            .filter(|&&s| words[s] as usize <= b.words)
            .max_by(|&&x, &&y| single(c, x).total_cmp(&single(c, y)).then(y.cmp(&x)))
        {
            if single(c, s) > best_v + 1e-12 {
                best = vec![s];
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parallel::Threads;
    use crate::summarize::analyze;
    use crate::text::Language;

    const DOCS: [&str; 3] = [
        "The river dam at Ostrava broke on Monday. Rescue teams evacuated two villages. \
         A local bakery opened a new shop.",
        "Rescue teams evacuated villages after the river dam broke. The mayor asked for help.",
        "The river dam broke after days of rain, officials said. Rescue teams worked overnight.",
    ];

    /// Statistics of the unigram concept of `word` (its first occurrence in [`DOCS`]).
    fn stats_of(a: &Analysis, p: &Params, word: &str) -> ConceptStats {
        let (_, stats) = concept_stats(a, p);
        // concept ids are given in order of first appearance of the keys
        let mut ids: AHashMap<u64, u32> = AHashMap::new();
        let mut keys = Vec::new();
        for s in &a.sentences {
            concept_keys(a, &s.tokens, true, &mut keys);
            for &k in &keys {
                let next = ids.len() as u32;
                ids.entry(k).or_insert(next);
            }
        }
        let (i, k) = a
            .sentences
            .iter()
            .enumerate()
            .find_map(|(i, s)| {
                DOCS[s.doc as usize][s.start..s.end]
                    .split_whitespace()
                    .position(|w| w == word)
                    .map(|k| (i, k))
            })
            .expect("word in DOCS");
        let t = a.sentences[i].tokens[k];
        stats[ids[&(UNIGRAM_TAG | u64::from(t))] as usize].clone()
    }

    #[test]
    fn statistics_count_documents_leads_and_positions() {
        let a = analyze(&DOCS, Language::English, Threads::Serial);
        let p = Params::default();
        let dam = stats_of(&a, &p, "dam");
        assert!(!dam.bigram);
        assert_eq!(
            (dam.df, dam.lead_df, dam.first_df, dam.sentences),
            (3, 3, 3, 3)
        );
        assert!(dam.first_pos_sum.abs() < 1e-12);
        let rescue = stats_of(&a, &p, "Rescue");
        assert_eq!((rescue.df, rescue.first_df), (3, 1));
        // earliest relative positions 1/3, 0/2, 1/2
        assert!((rescue.first_pos_sum - 5.0 / 6.0).abs() < 1e-12);
        let bakery = stats_of(&a, &p, "bakery");
        assert_eq!((bakery.df, bakery.lead_df, bakery.first_df), (1, 1, 0));
    }

    #[test]
    fn shared_lead_concepts_outweigh_singletons() {
        let a = analyze(&DOCS, Language::English, Threads::Serial);
        let p = Params::default();
        let f_dam = concept_features(&stats_of(&a, &p, "dam"), 3, 30);
        let f_bakery = concept_features(&stats_of(&a, &p, "bakery"), 3, 30);
        assert!((f_dam[0] - 1.0).abs() < 1e-12);
        assert!((f_bakery[5] - 1.0).abs() < 1e-12);
        let model = &p.unigram_model;
        let (pd, pb) = (
            concept_probability(&f_dam, model),
            concept_probability(&f_bakery, model),
        );
        assert!(pd > 0.5 && pb < 0.1 && pb > 0.0, "{pd} {pb}");
    }

    #[test]
    fn selection_covers_the_shared_story_within_budget() {
        let a = analyze(&DOCS, Language::English, Threads::Serial);
        let c = concepts(&a, &Params::default());
        assert!(c.weight.iter().all(|w| (0.0..=1.0).contains(w)));
        let words: Vec<u32> = a.sentences.iter().map(|s| s.words).collect();
        let cands: Vec<usize> = (0..a.sentences.len()).collect();
        let b = Budget {
            words: 12,
            sentences: 5,
        };
        let set = select(&c, &cands, &words, b);
        assert!(!set.is_empty());
        assert!(set.iter().map(|&s| words[s] as usize).sum::<usize>() <= 12);
        let text = |s: usize| {
            let x = &a.sentences[s];
            &DOCS[x.doc as usize][x.start..x.end]
        };
        assert!(set.iter().all(|&s| !text(s).contains("bakery")));
        assert!(set.iter().any(|&s| text(s).contains("dam")));
        // the empty budget picks nothing
        let none = select(
            &c,
            &cands,
            &words,
            Budget {
                words: 0,
                sentences: 5,
            },
        );
        assert!(none.is_empty());
    }

    #[test]
    fn centrality_bonus_is_scale_free() {
        let words = [10, 20, 30];
        let b = centrality_bonus(0.1, &[1.0, 1.0, 4.0], &words, &[2.0, 2.0, 2.0]);
        // mean rank 2, mean words 20, mean value 2
        let want = [
            0.1 * 0.5 * 0.5 * 2.0,
            0.1 * 0.5 * 1.0 * 2.0,
            0.1 * 2.0 * 1.5 * 2.0,
        ];
        for (x, y) in b.iter().zip(want) {
            assert!((x - y).abs() < 1e-12, "{b:?}");
        }
        let scaled = centrality_bonus(0.1, &[10.0, 10.0, 40.0], &words, &[2.0, 2.0, 2.0]);
        assert!(b.iter().zip(&scaled).all(|(x, y)| (x - y).abs() < 1e-12));
        assert!(centrality_bonus(0.1, &[0.0; 3], &words, &[1.0; 3])
            .iter()
            .all(|&x| x == 0.0));
    }

    #[test]
    fn one_document_uses_sentence_frequencies() {
        let a = analyze(&DOCS[..1], Language::English, Threads::Serial);
        let c = concepts(&a, &Params::default());
        // nothing repeats across the sentences of the first document: no concept counts
        assert!(c.weight.iter().all(|&w| w.abs() < 1e-12));
        let doc = ["Dam works resumed. Dam works stopped again. Dam works are late."];
        let a = analyze(&doc, Language::English, Threads::Serial);
        let c = concepts(&a, &Params::default());
        assert!(c.weight.iter().any(|&w| (w - 3.0).abs() < 1e-12));
    }
}
