//! Filling the word budget exactly ([`super::SummarizeOptions::truncate`]): the words left
//! after the selection go to the best further sentence, cut at the budget.

use super::analyze::Analysis;
use super::compress;
use super::coverage::{self, Budget, Concepts};
use super::graph::{cosine, norm, SparseVec};
use super::trim;

/// `Coverage` also selects whole sentences within every budget down to this many words
/// below the full one before filling (a slightly smaller set of whole sentences can leave
/// room for a more valuable cut sentence); chosen on DUC 2004 dev and DUC 2002 only
/// (steps of 5 up to 20: ROUGE-1 38.12, every word up to 20: 38.28, up to 30: 38.32 with a
/// lower ROUGE-2).
const MAX_SLACK: usize = 20;

/// `Coverage` with a filled budget: the selection and the tail `(sentence, words kept)`
/// with the most concept weight over the budgets `b.words − slack`. The last
/// `variants.len()` sentences of `a` are compressed variants with these kept pieces.
pub fn coverage<S: AsRef<str>>(
    a: &Analysis,
    texts: &[S],
    c: &Concepts,
    pool: &[usize],
    words: &[u32],
    b: Budget,
    variants: &[Vec<(usize, usize)>],
) -> (Vec<usize>, Option<(usize, u32)>) {
    let n = a.sentences.len() - variants.len();
    let mut best: (Vec<usize>, Option<(usize, u32)>, f64) = (Vec::new(), None, f64::NEG_INFINITY);
    for slack in 0..=MAX_SLACK {
        if slack >= b.words && slack > 0 {
            break;
        }
        let budget = Budget {
            words: b.words - slack,
            sentences: b.sentences,
        };
        let set = coverage::select(c, pool, words, budget);
        let mut value = coverage::value_of(c, &set);
        let used: usize = set.iter().map(|&s| words[s] as usize).sum();
        let free = b.words.saturating_sub(used);
        let mut tail = None;
        if free > 0 && set.len() < b.sentences {
            let mut covered: Vec<u32> = set.iter().flat_map(|&s| c.of[s].iter().copied()).collect();
            covered.sort_unstable();
            covered.dedup();
            let mut best_gain = 0.0;
            for &s in pool {
                if set.iter().any(|&x| c.same(x, s)) {
                    continue;
                }
                let sent = &a.sentences[s];
                let keep = (words[s] as usize).min(free);
                let tokens = if keep == words[s] as usize {
                    sent.tokens.len()
                } else if s >= n {
                    let doc = texts[sent.doc as usize].as_ref();
                    let kept = compress::cut(doc, &variants[s - n], keep);
                    trim::count_tokens(&compress::join(doc, &kept))
                } else {
                    let text = &texts[sent.doc as usize].as_ref()[sent.start..sent.end];
                    trim::count_tokens(&text[..trim::cut_words(text, keep)])
                };
                let g = c.gain_over(&c.of_prefix(a, s, tokens), &covered)
                    + c.bonus_of(s, keep as u32, words[s]);
                if g > best_gain + 1e-12 {
                    best_gain = g;
                    tail = Some((s, keep as u32));
                }
            }
            value += best_gain;
        }
        if value > best.2 + 1e-12 {
            best = (set, tail, value);
        }
    }
    (best.0, best.1)
}

/// Score methods: the candidate outside `chosen` with the best MMR value, with the words
/// left in the budget (`None` when none are left).
pub fn mmr(
    scores: &[f64],
    cands: &[usize],
    vectors: &[SparseVec],
    words: &[u32],
    chosen: &[usize],
    b: Budget,
    lambda: f64,
) -> Option<(usize, u32)> {
    let used: usize = chosen.iter().map(|&s| words[s] as usize).sum();
    let free = b.words.saturating_sub(used);
    if free == 0 || chosen.len() >= b.sentences {
        return None;
    }
    let top = cands
        .iter()
        .map(|&i| scores[i])
        .fold(f64::NEG_INFINITY, f64::max);
    let scale = if top > 0.0 { top } else { 1.0 };
    let norms: Vec<f64> = chosen.iter().map(|&s| norm(&vectors[s])).collect();
    let mut best: Option<(f64, usize)> = None;
    for &i in cands {
        if chosen.contains(&i) {
            continue;
        }
        let ni = norm(&vectors[i]);
        let sim = chosen
            .iter()
            .zip(&norms)
            .map(|(&s, &ns)| cosine(&vectors[i], ni, &vectors[s], ns))
            .fold(0.0, f64::max);
        let v = (1.0 - lambda) * scores[i] / scale - lambda * sim;
        if best.is_none_or(|(bv, _)| v > bv) {
            best = Some((v, i));
        }
    }
    best.map(|(_, i)| (i, words[i].min(free as u32)))
}
