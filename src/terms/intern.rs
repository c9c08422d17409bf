//! The chunk-local interner behind [`super::vocab::ChunkCounter`]: open addressing with
//! linear probing, built for the shape of word counting.
//!
//! * A string of at most [`INLINE`] bytes is its own key: three `u64` words (the bytes,
//!   zero-padded, the length in the last byte), hashed and compared without touching memory
//!   elsewhere; longer strings (rare in text) are kept in a side list.
//! * The slot table holds 8 bytes per slot (32 hash bits and a dense ordinal), so it stays
//!   small enough for the cache; keys live in a dense array in first-seen order, which puts
//!   the frequent words (seen first) close together.
//! * Lookups take their hash up front, so a caller that has a whole document of tokens can
//!   [`Interner::prefetch_string`] the slot of token `i + k` while it resolves token `i`
//!   (the table misses of rare words then overlap instead of stalling one after another).
//! * n-grams are interned as `(prefix id, last token id)` pairs in a second table whose
//!   16-byte slots carry the whole key.
//!
//! Ids are shared by strings and pairs (`0..len()`), in order of first appearance.

/// Sentinel for "no id".
pub(super) const NONE: u32 = u32::MAX;

/// Longest string stored inline in its key.
const INLINE: usize = 23;

/// Length byte of a key whose string is in the long-string list.
const LONG: u64 = 0xFF;

const EMPTY: u64 = u64::MAX;

/// `LOW_BYTES[k]`: the low `k` bytes of a word set (masks of [`StrKey::at`]).
const LOW_BYTES: [u64; 9] = {
    let mut t = [0u64; 9];
    let mut k = 1;
    while k < 9 {
        t[k] = u64::MAX >> (64 - 8 * k);
        k += 1;
    }
    t
};

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let r = u128::from(a) * u128::from(b);
    (r as u64) ^ ((r >> 64) as u64)
}

/// Up to 8 bytes as a little-endian word (overlapping loads, no byte loop).
#[inline]
fn load(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 4 {
        let lo = u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        let hi = u64::from(u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]));
        lo | (hi << ((n - 4) * 8))
    } else if n >= 2 {
        let lo = u64::from(u16::from_le_bytes([b[0], b[1]]));
        let hi = u64::from(u16::from_le_bytes([b[n - 2], b[n - 1]]));
        lo | (hi << ((n - 2) * 8))
    } else if n == 1 {
        u64::from(b[0])
    } else {
        0
    }
}

/// The inline key of a string of at most [`INLINE`] bytes.
#[inline]
fn inline_key(s: &[u8]) -> [u64; 3] {
    let n = s.len();
    let w0 = load(&s[..n.min(8)]);
    let w1 = if n > 8 { load(&s[8..n.min(16)]) } else { 0 };
    let w2 = if n > 16 { load(&s[16..]) } else { 0 };
    [w0, w1, w2 | ((n as u64) << 56)]
}

#[inline]
fn hash_key(k: &[u64; 3]) -> u64 {
    mix(k[0] ^ 0x243f_6a88_85a3_08d3, k[1] ^ 0x1319_8a2e_0370_7344)
        ^ mix(k[2] ^ 0xa409_3822_299f_31d0, 0x082e_fa98_ec4e_6c89)
}

fn hash_long(s: &[u8]) -> u64 {
    let mut h = 0x4528_21e6_38d0_1377u64 ^ s.len() as u64;
    for c in s.chunks(8) {
        h = mix(h ^ load(c), 0xbe54_66cf_34e9_0c6c);
    }
    h
}

#[inline]
fn hash_pair(key: u64) -> u64 {
    mix(key ^ 0xc0ac_29b7_c97c_50dd, 0x3f84_d5b5_b547_0917)
}

/// A string's hash and key, computed once per token.
#[derive(Clone, Copy, Debug)]
pub(super) struct StrKey {
    hash: u64,
    key: [u64; 3],
}

impl StrKey {
    /// Key of `s`.
    #[inline]
    pub(super) fn of(s: &str) -> StrKey {
        StrKey::of_bytes(s.as_bytes())
    }

    #[inline]
    fn of_bytes(b: &[u8]) -> StrKey {
        if b.len() <= INLINE {
            let key = inline_key(b);
            StrKey {
                hash: hash_key(&key),
                key,
            }
        } else {
            StrKey {
                hash: hash_long(b),
                key: [0, 0, LONG << 56],
            }
        }
    }
}

impl StrKey {
    /// Key of `bytes[s..e]` (the same as [`StrKey::of`] of that text): when 24 bytes from `s`
    /// are inside `bytes`, the key words are three whole loads, masked to the token's length.
    #[inline]
    pub(super) fn at(bytes: &[u8], s: usize, e: usize) -> StrKey {
        let n = e - s;
        match bytes.get(s..s + 24) {
            Some(w) if n <= INLINE => {
                let word = |i: usize| {
                    let v = u64::from_le_bytes(w[i * 8..i * 8 + 8].try_into().expect("8 bytes"));
                    v & LOW_BYTES[n.saturating_sub(i * 8).min(8)]
                };
                let key = [word(0), word(1), word(2) | ((n as u64) << 56)];
                StrKey {
                    hash: hash_key(&key),
                    key,
                }
            }
            _ => StrKey::of_bytes(&bytes[s..e]),
        }
    }
}

/// Hint the CPU to bring the cache line at `p` in (never faults, whatever the address).
#[inline]
pub(super) fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: SSE is part of the x86_64 baseline, and a prefetch never faults, whatever
        // the address.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(p.cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Chunk-local interner of strings and `(prefix, last)` pairs.
pub(super) struct Interner {
    /// `(hash >> 32) << 32 | ordinal` of string entries, or [`EMPTY`].
    slots: Vec<u64>,
    /// Keys of the strings by ordinal, with their id.
    keys: Vec<([u64; 3], u32)>,
    /// Strings longer than [`INLINE`], by the index in their key's first word.
    long: Vec<Box<str>>,
    /// `(key, id)` of pairs; key [`EMPTY`] marks a free slot.
    pair_slots: Vec<(u64, u32)>,
    n_pairs: usize,
    /// `(prefix, last)` for pair ids, `(NONE, ordinal)` for string ids.
    pub(super) parent: Vec<(u32, u32)>,
    /// Stop-word flag of every id (false for pairs).
    pub(super) stop: Vec<bool>,
}

impl Default for Interner {
    fn default() -> Self {
        Interner {
            slots: vec![EMPTY; 1 << 12],
            keys: Vec::new(),
            long: Vec::new(),
            pair_slots: vec![(EMPTY, 0); 1 << 10],
            n_pairs: 0,
            parent: Vec::new(),
            stop: Vec::new(),
        }
    }
}

impl Interner {
    /// Number of ids.
    pub(super) fn len(&self) -> usize {
        self.parent.len()
    }

    /// Hint that `k` will be looked up soon.
    #[inline]
    pub(super) fn prefetch_string(&self, k: &StrKey) {
        let i = (k.hash as usize) & (self.slots.len() - 1);
        prefetch(self.slots.as_ptr().wrapping_add(i));
    }

    /// Second prefetch stage, some tokens after [`Self::prefetch_string`]: read the (by now
    /// cached) slot and fetch the key it points to, so the comparison does not stall either.
    #[inline]
    pub(super) fn prefetch_key(&self, k: &StrKey) {
        let mask = self.slots.len() - 1;
        let tag = k.hash & 0xFFFF_FFFF_0000_0000;
        let mut i = (k.hash as usize) & mask;
        for _ in 0..4 {
            let slot = self.slots[i];
            if slot == EMPTY {
                return;
            }
            if slot & 0xFFFF_FFFF_0000_0000 == tag {
                prefetch(
                    self.keys
                        .as_ptr()
                        .wrapping_add((slot & 0xFFFF_FFFF) as usize),
                );
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// Hint that the pair `(prefix, last)` will be looked up soon.
    #[inline]
    pub(super) fn prefetch_pair(&self, prefix: u32, last: u32) {
        let key = (u64::from(prefix) << 32) | u64::from(last);
        let i = (hash_pair(key) as usize) & (self.pair_slots.len() - 1);
        prefetch(self.pair_slots.as_ptr().wrapping_add(i));
    }

    /// The id of `s` (key `k`), added when new with the stop flag `is_stop(s)`.
    #[inline]
    pub(super) fn string(
        &mut self,
        s: &str,
        k: &StrKey,
        is_stop: impl FnOnce(&str) -> bool,
    ) -> u32 {
        let mask = self.slots.len() - 1;
        let tag = k.hash & 0xFFFF_FFFF_0000_0000;
        let mut i = (k.hash as usize) & mask;
        loop {
            let slot = self.slots[i];
            if slot == EMPTY {
                break;
            }
            if slot & 0xFFFF_FFFF_0000_0000 == tag {
                let (key, id) = &self.keys[(slot & 0xFFFF_FFFF) as usize];
                let hit = if k.key[2] >> 56 == LONG {
                    key[2] >> 56 == LONG && *self.long[key[0] as usize] == *s
                } else {
                    *key == k.key
                };
                if hit {
                    return *id;
                }
            }
            i = (i + 1) & mask;
        }
        // New string.
        let id = self.parent.len() as u32;
        let ord = self.keys.len() as u32;
        let mut key = k.key;
        if key[2] >> 56 == LONG {
            key[0] = self.long.len() as u64;
            self.long.push(s.into());
        }
        self.keys.push((key, id));
        self.parent.push((NONE, ord));
        self.stop.push(is_stop(s));
        self.slots[i] = tag | u64::from(ord);
        if self.keys.len() * 8 > self.slots.len() * 5 {
            self.grow_strings();
        }
        id
    }

    fn grow_strings(&mut self) {
        let cap = self.slots.len() * 2;
        let mask = cap - 1;
        let mut slots = vec![EMPTY; cap];
        for &slot in &self.slots {
            if slot == EMPTY {
                continue;
            }
            let (key, _) = &self.keys[(slot & 0xFFFF_FFFF) as usize];
            let h = if key[2] >> 56 == LONG {
                hash_long(self.long[key[0] as usize].as_bytes())
            } else {
                hash_key(key)
            };
            let mut i = (h as usize) & mask;
            while slots[i] != EMPTY {
                i = (i + 1) & mask;
            }
            slots[i] = slot;
        }
        self.slots = slots;
    }

    /// The id of the pair `(prefix, last)`, added when new.
    #[inline]
    pub(super) fn pair(&mut self, prefix: u32, last: u32) -> u32 {
        let key = (u64::from(prefix) << 32) | u64::from(last);
        let mask = self.pair_slots.len() - 1;
        let mut i = (hash_pair(key) as usize) & mask;
        loop {
            let (k, id) = self.pair_slots[i];
            if k == key {
                return id;
            }
            if k == EMPTY {
                break;
            }
            i = (i + 1) & mask;
        }
        let id = self.parent.len() as u32;
        self.parent.push((prefix, last));
        self.stop.push(false);
        self.pair_slots[i] = (key, id);
        self.n_pairs += 1;
        if self.n_pairs * 8 > self.pair_slots.len() * 5 {
            let cap = self.pair_slots.len() * 2;
            let mask = cap - 1;
            let mut slots = vec![(EMPTY, 0u32); cap];
            for &(k, id) in &self.pair_slots {
                if k == EMPTY {
                    continue;
                }
                let mut i = (hash_pair(k) as usize) & mask;
                while slots[i].0 != EMPTY {
                    i = (i + 1) & mask;
                }
                slots[i] = (k, id);
            }
            self.pair_slots = slots;
        }
        id
    }

    /// Every interned string with its id.
    pub(super) fn into_strings(self) -> Vec<(Box<str>, u32)> {
        let long = self.long;
        self.keys
            .into_iter()
            .map(|(k, id)| {
                let s: Box<str> = if k[2] >> 56 == LONG {
                    long[k[0] as usize].clone()
                } else {
                    let mut b = [0u8; 24];
                    for (i, w) in k.iter().enumerate() {
                        b[i * 8..i * 8 + 8].copy_from_slice(&w.to_le_bytes());
                    }
                    let len = b[23] as usize;
                    String::from_utf8_lossy(&b[..len]).into()
                };
                (s, id)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_pairs_round_trip() {
        let mut it = Interner::default();
        let words: Vec<String> = (0..5000)
            .map(|i| match i % 4 {
                0 => format!("w{i}"),
                1 => format!("a-rather-long-token-of-more-than-23-bytes-{i}"),
                2 => "x".repeat(i % 24),
                _ => format!("é{}", i % 97),
            })
            .collect();
        let ids: Vec<u32> = words
            .iter()
            .map(|w| it.string(w, &StrKey::of(w), |_| false))
            .collect();
        for (w, &id) in words.iter().zip(&ids) {
            assert_eq!(it.string(w, &StrKey::of(w), |_| true), id);
        }
        let p: Vec<u32> = ids.windows(2).map(|w| it.pair(w[0], w[1])).collect();
        let q: Vec<u32> = ids.windows(2).map(|w| it.pair(w[0], w[1])).collect();
        assert_eq!(p, q);
        let n = it.len();
        let mut strs = it.into_strings();
        strs.sort_by_key(|s| s.1);
        strs.dedup();
        for (s, id) in &strs {
            assert_eq!(&words[ids.iter().position(|x| x == id).unwrap()][..], &**s);
        }
        assert!(n > strs.len());
    }

    #[test]
    fn key_at_matches_key_of() {
        let text = "a bb ccc dddddddd eeeeeeeee ffffffffffffffff ggggggggggggggggg \
                    hhhhhhhhhhhhhhhhhhhhhhh iiiiiiiiiiiiiiiiiiiiiiii é_x² jj";
        let b = text.as_bytes();
        for s in 0..b.len() {
            for e in s..=b.len().min(s + 30) {
                if let Some(t) = text.get(s..e) {
                    let (x, y) = (StrKey::at(b, s, e), StrKey::of(t));
                    assert_eq!((x.hash, x.key), (y.hash, y.key), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn keys_distinguish_lengths_and_padding() {
        assert_ne!(inline_key(b"ab"), inline_key(b"ab\0"));
        assert_eq!(load(b"abcdefg"), u64::from_le_bytes(*b"abcdefg\0"));
        assert_eq!(load(b"abc"), u64::from_le_bytes(*b"abc\0\0\0\0\0"));
    }
}
