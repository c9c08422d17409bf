//! Concept coverage (Gillick & Favre 2009, ICSISumm): pick the sentences that together cover
//! the most weight of "concepts" within the word budget, each concept counted once.
//!
//! * Concepts are stemmed word bigrams (bigrams of two stop words are dropped) and, with
//!   weight [`Params::unigram`] relative to bigrams, stemmed content words.
//! * A concept's weight is the number of documents that contain it (sentences for a single
//!   document), counted only from [`Params::min_df`] on; a document whose first
//!   [`Params::lead`] sentences carry the concept counts [`Params::lead_bonus`] extra.
//! * The budgeted maximum coverage problem is solved by greedy selection on
//!   `gain / words^r` for several scaling exponents `r`, the best single sentence (which
//!   bounds the greedy result to within a constant of the optimum), then first-improvement
//!   local search over additions, removals and swaps.

use ahash::AHashMap;

use super::analyze::Analysis;

/// Tuning of the concept weights and the solver.
#[derive(Debug, Clone)]
pub struct Params {
    /// Smallest document (or sentence) frequency for a concept to count; `0` = automatic
    /// (`max(2, round(0.15 × documents))`: 2 up to 16 documents; 2 for one document).
    pub min_df: u32,
    /// Sentences at the head of a document whose concepts get the lead bonus.
    pub lead: u32,
    /// Extra weight per document that carries the concept in its lead.
    pub lead_bonus: f64,
    /// Unigram weight relative to bigrams (content words, same document frequency rule).
    ///
    /// The defaults (2 documents, 5 lead sentences, bonus 2.5, unigrams 0.7) were chosen by
    /// `benchmarks/tune_duc.py` on the DUC 2004 dev split and DUC 2002 only.
    pub unigram: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_df: 0,
            lead: 5,
            lead_bonus: 2.5,
            unigram: 0.7,
        }
    }
}

/// Concepts of every sentence (sorted unique concept ids) and their weights.
pub struct Concepts {
    /// Per sentence: its weighted concepts.
    pub of: Vec<Vec<u32>>,
    /// Per concept id: its weight.
    pub weight: Vec<f64>,
}

/// Extract weighted concepts.
pub fn concepts(a: &Analysis, p: &Params) -> Concepts {
    let multi = a.n_docs > 1;
    let auto = if multi {
        ((a.n_docs as f64 * 0.15).round() as u32).max(2)
    } else {
        2
    };
    let min_df = if p.min_df == 0 { auto } else { p.min_df };
    let mut ids: AHashMap<u64, u32> = AHashMap::new();
    // Per concept: (units containing it, lead units containing it, last unit seen, last lead unit)
    let mut stats: Vec<(u32, u32, u32, u32)> = Vec::new();
    let mut raw: Vec<Vec<u32>> = Vec::with_capacity(a.sentences.len());
    let unigram_tag = 1u64 << 63;
    for (i, s) in a.sentences.iter().enumerate() {
        let unit = if multi { s.doc } else { i as u32 };
        let lead = s.pos < p.lead;
        let mut keys: Vec<u64> = Vec::new();
        for w in s.tokens.windows(2) {
            let (x, y) = (w[0], w[1]);
            if a.is_stop[x as usize] && a.is_stop[y as usize] {
                continue;
            }
            keys.push((u64::from(x) << 32) | u64::from(y));
        }
        if p.unigram > 0.0 {
            for &t in &s.tokens {
                if !a.is_stop[t as usize] {
                    keys.push(unigram_tag | u64::from(t));
                }
            }
        }
        let mut cs: Vec<u32> = keys
            .into_iter()
            .map(|k| {
                let next = ids.len() as u32;
                let id = *ids.entry(k).or_insert(next);
                if id == next {
                    stats.push((0, 0, u32::MAX, u32::MAX));
                }
                id
            })
            .collect();
        cs.sort_unstable();
        cs.dedup();
        for &c in &cs {
            let st = &mut stats[c as usize];
            if st.2 != unit {
                st.2 = unit;
                st.0 += 1;
            }
            if lead && st.3 != unit {
                st.3 = unit;
                st.1 += 1;
            }
        }
        raw.push(cs);
    }
    let mut is_unigram = vec![false; stats.len()];
    for (&k, &id) in &ids {
        is_unigram[id as usize] = k & unigram_tag != 0;
    }
    let weight: Vec<f64> = stats
        .iter()
        .zip(&is_unigram)
        .map(|(&(df, lead_df, _, _), &uni)| {
            if df < min_df {
                0.0
            } else {
                let w = f64::from(df) + p.lead_bonus * f64::from(lead_df);
                if uni {
                    w * p.unigram
                } else {
                    w
                }
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
    Concepts { of, weight }
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
            .sum()
    }
    fn loss(&self, s: usize) -> f64 {
        self.c.of[s]
            .iter()
            .filter(|&&k| self.cover[k as usize] == 1)
            .map(|&k| self.c.weight[k as usize])
            .sum()
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
            let ratio = g / (w.max(1) as f64).powf(r);
            if best.is_none_or(|(v, _)| ratio > v) {
                best = Some((ratio, k));
            }
        }
        let Some((_, k)) = best else { break };
        let s = open.swap_remove(k);
        used += words[s] as usize;
        st.add(s);
        chosen.push(s);
    }
    chosen
}

fn value_of(c: &Concepts, set: &[usize]) -> f64 {
    let mut st = State::new(c);
    for &s in set {
        st.add(s);
    }
    st.value
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
            if set.len() >= b.sentences || set.contains(&s) {
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
                if s == out || set.contains(&s) || words[s] as usize > free {
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
            .max_by(|&&x, &&y| {
                value_of(c, &[x])
                    .total_cmp(&value_of(c, &[y]))
                    .then(y.cmp(&x))
            })
        {
            if value_of(c, &[s]) > best_v + 1e-12 {
                best = vec![s];
            }
        }
    }
    best
}
