//! 64-byte block classification for the token scanner.
//!
//! [`classify`] turns up to 64 bytes into three bit masks (bit `k` is byte `k`): ASCII letters
//! and digits, non-ASCII bytes, and the ASCII joiners `'`, `-`, `.`, `,`. On x86-64 this is a
//! handful of SSE2 compares per 16 bytes (SSE2 is part of the x86-64 baseline, so there is no
//! runtime detection); [`classify_avx2`] does it with two nibble lookups (`vpshufb`) per 32
//! bytes; elsewhere a 256-entry class table fills the masks byte by byte.

/// Class bits of one byte in [`CLASS`] (bit `i` feeds field `i` of [`Masks`]).
const WORD: u8 = 1;
const HIGH: u8 = 2;
const JOINER: u8 = 4;

/// Class of each byte value.
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() {
            WORD
        } else if b >= 0x80 {
            HIGH
        } else if matches!(b, b'\'' | b'-' | b'.' | b',') {
            JOINER
        } else {
            0
        };
        i += 1;
    }
    t
};

/// Bit masks of one block: bit `k` describes byte `k`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Masks {
    /// ASCII letters and digits.
    pub word: u64,
    /// Bytes >= 0x80 (any part of a non-ASCII character).
    pub high: u64,
    /// `'`, `-`, `.` and `,`.
    pub joiner: u64,
}

/// Classify `bytes[pos..pos + 64]`; past the end of `bytes` the block reads as zero bytes
/// (separators).
#[inline]
pub(crate) fn classify(bytes: &[u8], pos: usize) -> Masks {
    if let Some(block) = bytes.get(pos..pos + 64) {
        classify_block(block.try_into().expect("64 bytes"))
    } else {
        classify_block(&padded(bytes, pos))
    }
}

/// `bytes[pos..]` (at most 64 bytes) followed by zero bytes.
#[inline]
fn padded(bytes: &[u8], pos: usize) -> [u8; 64] {
    let mut block = [0u8; 64];
    let rest = &bytes[pos.min(bytes.len())..];
    let rest = &rest[..rest.len().min(64)];
    block[..rest.len()].copy_from_slice(rest);
    block
}

/// `x`, hidden from the optimiser: without it LLVM reads the masks as vectors of booleans built
/// by `movemask` and turns the scanner's shifts of them into vector shuffles that it then
/// lowers one bit at a time (hundreds of instructions per block).
#[cfg(target_arch = "x86_64")]
#[allow(clippy::inline_always)] // a register move at most; must not become a call
#[inline(always)]
fn opaque(mut x: u64) -> u64 {
    // SAFETY: an empty assembly block that reads and writes one register and nothing else.
    unsafe {
        std::arch::asm!("/* {0} */", inout(reg) x, options(pure, nomem, nostack, preserves_flags));
    }
    x
}

#[cfg(target_arch = "x86_64")]
impl Masks {
    #[allow(clippy::inline_always)] // as `opaque`
    #[inline(always)]
    fn opaque(self) -> Masks {
        Masks {
            word: opaque(self.word),
            high: opaque(self.high),
            joiner: opaque(self.joiner),
        }
    }
}

/// `0xFF` in every byte of `v` that is an ASCII letter or digit, `0` elsewhere (SSE2).
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn ascii_alnum_sse2(v: std::arch::x86_64::__m128i) -> std::arch::x86_64::__m128i {
    use std::arch::x86_64::{_mm_and_si128, _mm_cmpgt_epi8, _mm_or_si128, _mm_set1_epi8};
    // SAFETY: SSE2 is enabled on every x86-64 target; these intrinsics only compute on
    // registers.
    unsafe {
        // Signed compares: bytes >= 0x80 are negative and fall outside both ranges.
        let folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        let letter = _mm_and_si128(
            _mm_cmpgt_epi8(folded, _mm_set1_epi8((b'a' - 1) as i8)),
            _mm_cmpgt_epi8(_mm_set1_epi8((b'z' + 1) as i8), folded),
        );
        let digit = _mm_and_si128(
            _mm_cmpgt_epi8(v, _mm_set1_epi8((b'0' - 1) as i8)),
            _mm_cmpgt_epi8(_mm_set1_epi8((b'9' + 1) as i8), v),
        );
        _mm_or_si128(letter, digit)
    }
}

#[cfg(target_arch = "x86_64")]
#[allow(clippy::cast_ptr_alignment)] // `loadu` reads unaligned memory
#[inline]
fn classify_block(block: &[u8; 64]) -> Masks {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let mut m = Masks::default();
    // SAFETY: SSE2 is enabled on every x86-64 target, and each load reads 16 bytes inside
    // `block` (offsets 0, 16, 32, 48 of a 64-byte array; `loadu` has no alignment needs).
    unsafe {
        let apos = _mm_set1_epi8(b'\'' as i8);
        let hyphen = _mm_set1_epi8(b'-' as i8);
        let dot = _mm_set1_epi8(b'.' as i8);
        let comma = _mm_set1_epi8(b',' as i8);
        for k in 0..4 {
            let v = _mm_loadu_si128(block.as_ptr().add(16 * k).cast::<__m128i>());
            let joiner = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, apos), _mm_cmpeq_epi8(v, hyphen)),
                _mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, comma)),
            );
            let bits = |x: __m128i| u64::from(_mm_movemask_epi8(x) as u16) << (16 * k);
            m.word |= bits(ascii_alnum_sse2(v));
            m.high |= bits(v);
            m.joiner |= bits(joiner);
        }
    }
    m.opaque()
}

/// Nibble tables for [`classify_avx2`]: a byte's class is `HI[b >> 4] & LO[b & 15]` (zero for
/// bytes >= 0x80). Bits 0 to 2 are the three ranges of word bytes (`A`: 0x41..0x4F and
/// 0x61..0x6F; `B`: 0x50..0x5A and 0x70..0x7A; `C`: 0x30..0x39), bit 7 the joiners (0x27, 0x2C,
/// 0x2D, 0x2E), so `movemask` reads the joiners directly.
#[cfg(target_arch = "x86_64")]
const NIBBLE_HI: [u8; 16] = [0, 0, 0x80, 4, 1, 2, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0];
#[cfg(target_arch = "x86_64")]
const NIBBLE_LO: [u8; 16] = [
    2 | 4,
    1 | 2 | 4,
    1 | 2 | 4,
    1 | 2 | 4,
    1 | 2 | 4,
    1 | 2 | 4,
    1 | 2 | 4,
    1 | 2 | 4 | 0x80,
    1 | 2 | 4,
    1 | 2 | 4,
    1 | 2,
    1,
    1 | 0x80,
    1 | 0x80,
    1 | 0x80,
    1,
];

/// [`classify`] with AVX2: the same masks from two 32-byte halves.
///
/// # Safety
/// The CPU must support AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
pub(crate) unsafe fn classify_avx2(bytes: &[u8], pos: usize) -> Masks {
    if let Some(block) = bytes.get(pos..pos + 64) {
        // SAFETY: the caller guarantees AVX2.
        unsafe { classify_block_avx2(block.try_into().expect("64 bytes")) }
    } else {
        // SAFETY: the caller guarantees AVX2.
        unsafe { classify_block_avx2(&padded(bytes, pos)) }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[allow(clippy::cast_ptr_alignment)] // `loadu` reads unaligned memory
#[inline]
unsafe fn classify_block_avx2(block: &[u8; 64]) -> Masks {
    use std::arch::x86_64::{
        __m128i, __m256i, _mm256_and_si256, _mm256_broadcastsi128_si256, _mm256_cmpgt_epi8,
        _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_set1_epi8, _mm256_setzero_si256,
        _mm256_shuffle_epi8, _mm256_srli_epi16, _mm_loadu_si128,
    };
    let mut m = Masks::default();
    // SAFETY: the caller guarantees AVX2; each 32-byte load reads inside `block` (offsets 0
    // and 32 of a 64-byte array) and each 16-byte load reads one 16-byte table (`loadu` has no
    // alignment needs).
    unsafe {
        let hi_table =
            _mm256_broadcastsi128_si256(_mm_loadu_si128(NIBBLE_HI.as_ptr().cast::<__m128i>()));
        let lo_table =
            _mm256_broadcastsi128_si256(_mm_loadu_si128(NIBBLE_LO.as_ptr().cast::<__m128i>()));
        let low_nibble = _mm256_set1_epi8(0x0F);
        let word_bits = _mm256_set1_epi8(7);
        let zero = _mm256_setzero_si256();
        for k in 0..2 {
            let v = _mm256_loadu_si256(block.as_ptr().add(32 * k).cast::<__m256i>());
            let hi = _mm256_and_si256(_mm256_srli_epi16::<4>(v), low_nibble);
            // `vpshufb` gives zero where the index has bit 7 set: bytes >= 0x80 get class 0.
            let class = _mm256_and_si256(
                _mm256_shuffle_epi8(hi_table, hi),
                _mm256_shuffle_epi8(lo_table, v),
            );
            let word = _mm256_cmpgt_epi8(_mm256_and_si256(class, word_bits), zero);
            // (No closure here: it would not inherit AVX2 and the intrinsics would not inline.)
            let shift = 32 * k;
            m.word |= u64::from(_mm256_movemask_epi8(word) as u32) << shift;
            m.high |= u64::from(_mm256_movemask_epi8(v) as u32) << shift;
            m.joiner |= u64::from(_mm256_movemask_epi8(class) as u32) << shift;
        }
    }
    m.opaque()
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn classify_block(block: &[u8; 64]) -> Masks {
    classify_table(block)
}

/// Portable classification through [`CLASS`] (the reference for the SIMD paths).
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn classify_table(block: &[u8; 64]) -> Masks {
    let mut m = Masks::default();
    for (k, &b) in block.iter().enumerate() {
        let c = CLASS[b as usize];
        let bit = |class: u8| u64::from(c & class != 0) << k;
        m.word |= bit(WORD);
        m.high |= bit(HIGH);
        m.joiner |= bit(JOINER);
    }
    m
}

/// [`classify`] through the portable table, for tests of the scanner's non-SIMD build.
#[cfg(test)]
pub(crate) fn classify_portable(bytes: &[u8], pos: usize) -> Masks {
    classify_table(&padded(bytes, pos))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn simd_matches_table(bytes in proptest::collection::vec(any::<u8>(), 64)) {
            let block: [u8; 64] = bytes.as_slice().try_into().unwrap();
            prop_assert_eq!(classify_block(&block), classify_table(&block));
        }
    }

    #[cfg(target_arch = "x86_64")]
    proptest! {
        #[test]
        fn avx2_matches_table(bytes in proptest::collection::vec(any::<u8>(), 0..200), pos in 0usize..200) {
            if std::arch::is_x86_feature_detected!("avx2") {
                let pos = pos.min(bytes.len());
                // SAFETY: AVX2 is present (checked above).
                prop_assert_eq!(unsafe { classify_avx2(&bytes, pos) }, classify_portable(&bytes, pos));
            }
        }
    }

    #[test]
    fn every_byte_value() {
        for b in 0..=255u8 {
            let block = [b; 64];
            assert_eq!(
                classify_block(&block),
                classify_table(&block),
                "byte {b:#x}"
            );
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: AVX2 is present (checked above).
                let avx2 = unsafe { classify_avx2(&block, 0) };
                assert_eq!(avx2, classify_table(&block), "byte {b:#x}");
            }
        }
    }

    #[test]
    fn tail_reads_as_separators() {
        let m = classify(b"ab,", 0);
        assert_eq!(m.word, 0b011);
        assert_eq!(m.joiner, 0b100);
        assert_eq!(m.high, 0);
        assert_eq!(classify(b"ab", 2), classify(b"", 0));
        assert_eq!(classify_portable(b"ab,", 0), m);
    }
}
