//! Quote clusters: renderings of the same statement across documents, including different
//! translations of the same spoken words.
//!
//! Two quotes are linked when any of these holds:
//! 1. their [`crate::align::score`] similarity is at least `threshold` (same wording or a
//!    close paraphrase; quotes of one or two words link only to the same words);
//! 2. the shorter one, of at least three words, appears word for word (stems) inside the
//!    longer (a partial quote of a fuller one);
//! 3. they come from different documents, have the same speaker (same last name, case
//!    insensitive) and share key content: the idf weight of the content stems they share is at
//!    least `speaker_threshold` of the smaller of their content weights. Translations of one
//!    statement share few words but keep its key terms and its speaker.
//!
//! Candidate pairs come from an inverted index of content stems (stems in more than
//! `max(200, quotes / 100)` quotes are not indexed): quotes sharing no indexed stem are never
//! compared. Clusters are the connected components (union-find), numbered by their first
//! quote; the result does not depend on the thread count.

use ahash::AHashMap;

use crate::align::prepare::{Idf, Prepared, Preparer};
use crate::align::sentences::{auto_max_postings, Blocker};
use crate::align::similarity::{score, weighted_intersection};
use crate::error::{Error, Result};
use crate::parallel::{self, Threads};

/// One quote to cluster.
#[derive(Debug, Clone)]
pub struct ClusterInput<'a> {
    /// Document index (quotes of one document are never linked by the speaker rule).
    pub doc: usize,
    /// The quoted text.
    pub text: &'a str,
    /// The speaker, if known.
    pub speaker: Option<&'a str>,
}

/// Options of [`quote_clusters`].
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Similarity at or above which two quotes are the same statement.
    pub threshold: f64,
    /// Shared content weight (of the smaller quote) at or above which two quotes by the same
    /// speaker are the same statement.
    pub speaker_threshold: f64,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            threshold: 0.5,
            speaker_threshold: 0.3,
        }
    }
}

fn speaker_key(s: Option<&str>) -> Option<String> {
    let s = s?.trim();
    let last = s.rsplit(char::is_whitespace).next()?;
    (!last.is_empty()).then(|| last.to_lowercase())
}

/// Is `short` a contiguous run inside `long`?
fn contains_run(long: &[u64], short: &[u64]) -> bool {
    !short.is_empty() && short.len() <= long.len() && long.windows(short.len()).any(|w| w == short)
}

fn shared_weight(a: &Prepared, b: &Prepared, idf: &Idf) -> f64 {
    weighted_intersection(&a.content, &b.content, idf).0
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Cluster id per quote (0-based, numbered in order of each cluster's first quote).
pub fn quote_clusters(
    quotes: &[ClusterInput<'_>],
    opts: &ClusterOptions,
    threads: Threads,
) -> Result<Vec<usize>> {
    for (name, v) in [
        ("threshold", opts.threshold),
        ("speaker_threshold", opts.speaker_threshold),
    ] {
        if !(v.is_finite() && (0.0..=1.0).contains(&v)) {
            return Err(Error::InvalidArgument(format!(
                "{name} must be a number in [0, 1], got {v}"
            )));
        }
    }
    let prepared: Vec<Prepared> =
        parallel::map(threads, quotes, |q| Preparer::default().prepare(q.text));
    let idf = Idf::new(&prepared);
    let keys: Vec<Option<String>> = quotes.iter().map(|q| speaker_key(q.speaker)).collect();
    let blocker =
        Blocker::new(&prepared, &idf, auto_max_postings(prepared.len())).without_share_rule();
    let links: Vec<Vec<usize>> = parallel::map_range(threads, quotes.len(), |i| {
        let mut counts = AHashMap::new();
        let cands = blocker.candidates_min(i, |j| j > i, 5000, 1, &mut counts);
        let (a, qa) = (&prepared[i], &quotes[i]);
        cands
            .into_iter()
            .filter(|&j| {
                let (b, qb) = (&prepared[j], &quotes[j]);
                let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
                if short.len() >= 3 && contains_run(&long.stems, &short.stems) {
                    return true;
                }
                // Scores of one- and two-word quotes say little: those link when equal.
                if short.len() < 3 {
                    if a.stems == b.stems {
                        return true;
                    }
                } else if score(a, b, &idf) >= opts.threshold {
                    return true;
                }
                if qa.doc != qb.doc && keys[i].is_some() && keys[i] == keys[j] {
                    let wa: f64 = a.content.iter().map(|&h| idf.weight(h)).sum();
                    let wb: f64 = b.content.iter().map(|&h| idf.weight(h)).sum();
                    let small = wa.min(wb);
                    return small > 0.0
                        && shared_weight(a, b, &idf) >= opts.speaker_threshold * small;
                }
                false
            })
            .collect()
    });
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    for (i, js) in links.iter().enumerate() {
        for &j in js {
            let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
            if ri != rj {
                let (lo, hi) = if ri < rj { (ri, rj) } else { (rj, ri) };
                parent[hi] = lo;
            }
        }
    }
    let mut ids: AHashMap<usize, usize> = AHashMap::new();
    Ok((0..quotes.len())
        .map(|i| {
            let r = find(&mut parent, i);
            let n = ids.len();
            *ids.entry(r).or_insert(n)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q<'a>(doc: usize, text: &'a str, speaker: Option<&'a str>) -> ClusterInput<'a> {
        ClusterInput { doc, text, speaker }
    }

    #[test]
    fn translations_partials_and_strangers() {
        let quotes = [
            q(0, "The door remains open, but nobody is walking through it, so it is a pause", Some("Halvard Ostrin")),
            q(1, "We keep the door open. Today there is no traffic through that door; call it a pause", Some("Ostrin")),
            q(2, "nobody is walking through it", None),
            q(3, "A football final was won on penalties", Some("Hannes Dahlberg")),
            q(1, "The port is a matter of sovereignty", Some("Halvard Ostrin")),
        ];
        let c = quote_clusters(&quotes, &ClusterOptions::default(), Threads::Serial).unwrap();
        assert_eq!(c, [0, 0, 0, 1, 2]);
        assert_eq!(
            quote_clusters(&quotes, &ClusterOptions::default(), Threads::Count(2)).unwrap(),
            c
        );
    }

    #[test]
    fn bad_options() {
        let o = ClusterOptions {
            threshold: -1.0,
            ..Default::default()
        };
        assert!(quote_clusters(&[], &o, Threads::Serial).is_err());
        assert!(
            quote_clusters(&[], &ClusterOptions::default(), Threads::Serial)
                .unwrap()
                .is_empty()
        );
    }
}
