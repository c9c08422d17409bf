//! 64-byte block classification for the token scanner.
//!
//! [`classify`] turns up to 64 bytes into bit masks (bit `k` is byte `k`): ASCII letters and
//! digits, ASCII digits, non-ASCII bytes, and the ASCII joiners (`'` and `-`, `.`, `,`). On
//! x86-64 this is a handful of SSE2 compares per 16 bytes (SSE2 is part of the x86-64 baseline,
//! so there is no runtime detection); elsewhere a 256-entry class table fills the masks byte by
//! byte.

/// Class bits of one byte in [`CLASS`] (bit `i` feeds field `i` of [`Masks`]).
const WORD: u8 = 1;
const DIGIT: u8 = 2;
const HIGH: u8 = 4;
const APOS_HYPHEN: u8 = 8;
const DOT: u8 = 16;
const COMMA: u8 = 32;

/// Class of each byte value.
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_digit() {
            WORD | DIGIT
        } else if b.is_ascii_alphabetic() {
            WORD
        } else if b >= 0x80 {
            HIGH
        } else if b == b'\'' || b == b'-' {
            APOS_HYPHEN
        } else if b == b'.' {
            DOT
        } else if b == b',' {
            COMMA
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
    /// ASCII digits.
    pub digit: u64,
    /// Bytes >= 0x80 (any part of a non-ASCII character).
    pub high: u64,
    /// `'` and `-`.
    pub apos_hyphen: u64,
    /// `.`.
    pub dot: u64,
    /// `,`.
    pub comma: u64,
}

/// Classify `bytes[pos..pos + 64]`; past the end of `bytes` the block reads as zero bytes
/// (separators).
#[inline]
pub(crate) fn classify(bytes: &[u8], pos: usize) -> Masks {
    if let Some(block) = bytes.get(pos..pos + 64) {
        classify_block(block.try_into().expect("64 bytes"))
    } else {
        let mut block = [0u8; 64];
        let rest = &bytes[pos.min(bytes.len())..];
        block[..rest.len()].copy_from_slice(rest);
        classify_block(&block)
    }
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
            digit: opaque(self.digit),
            high: opaque(self.high),
            apos_hyphen: opaque(self.apos_hyphen),
            dot: opaque(self.dot),
            comma: opaque(self.comma),
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[allow(clippy::cast_ptr_alignment)] // `loadu` reads unaligned memory
#[inline]
fn classify_block(block: &[u8; 64]) -> Masks {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8,
    };
    let mut m = Masks::default();
    // SAFETY: SSE2 is enabled on every x86-64 target, and each load reads 16 bytes inside
    // `block` (offsets 0, 16, 32, 48 of a 64-byte array; `loadu` has no alignment needs).
    unsafe {
        let below_a = _mm_set1_epi8((b'a' - 1) as i8);
        let above_z = _mm_set1_epi8((b'z' + 1) as i8);
        let below_0 = _mm_set1_epi8((b'0' - 1) as i8);
        let above_9 = _mm_set1_epi8((b'9' + 1) as i8);
        let case = _mm_set1_epi8(0x20);
        let apos = _mm_set1_epi8(b'\'' as i8);
        let hyphen = _mm_set1_epi8(b'-' as i8);
        let dot = _mm_set1_epi8(b'.' as i8);
        let comma = _mm_set1_epi8(b',' as i8);
        for k in 0..4 {
            let v = _mm_loadu_si128(block.as_ptr().add(16 * k).cast::<__m128i>());
            // Signed compares: bytes >= 0x80 are negative and fall outside both ranges.
            let folded = _mm_or_si128(v, case);
            let letter = _mm_and_si128(
                _mm_cmpgt_epi8(folded, below_a),
                _mm_cmpgt_epi8(above_z, folded),
            );
            let digit = _mm_and_si128(_mm_cmpgt_epi8(v, below_0), _mm_cmpgt_epi8(above_9, v));
            let ah = _mm_or_si128(_mm_cmpeq_epi8(v, apos), _mm_cmpeq_epi8(v, hyphen));
            let bits = |x: __m128i| u64::from(_mm_movemask_epi8(x) as u16) << (16 * k);
            m.word |= bits(_mm_or_si128(letter, digit));
            m.digit |= bits(digit);
            m.high |= bits(v);
            m.apos_hyphen |= bits(ah);
            m.dot |= bits(_mm_cmpeq_epi8(v, dot));
            m.comma |= bits(_mm_cmpeq_epi8(v, comma));
        }
    }
    m.opaque()
}

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
        let mut block = [0u8; 64];
        let rest = &bytes[pos.min(bytes.len())..];
        block[..rest.len()].copy_from_slice(rest);
        // SAFETY: the caller guarantees AVX2.
        unsafe { classify_block_avx2(&block) }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[allow(clippy::cast_ptr_alignment)] // `loadu` reads unaligned memory
#[inline]
unsafe fn classify_block_avx2(block: &[u8; 64]) -> Masks {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_cmpgt_epi8, _mm256_loadu_si256,
        _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
    };
    let mut m = Masks::default();
    // SAFETY: the caller guarantees AVX2, and each load reads 32 bytes inside `block`
    // (offsets 0 and 32 of a 64-byte array; `loadu` has no alignment needs).
    unsafe {
        let below_a = _mm256_set1_epi8((b'a' - 1) as i8);
        let above_z = _mm256_set1_epi8((b'z' + 1) as i8);
        let below_0 = _mm256_set1_epi8((b'0' - 1) as i8);
        let above_9 = _mm256_set1_epi8((b'9' + 1) as i8);
        let case = _mm256_set1_epi8(0x20);
        let apos = _mm256_set1_epi8(b'\'' as i8);
        let hyphen = _mm256_set1_epi8(b'-' as i8);
        let dot = _mm256_set1_epi8(b'.' as i8);
        let comma = _mm256_set1_epi8(b',' as i8);
        for k in 0..2 {
            let v = _mm256_loadu_si256(block.as_ptr().add(32 * k).cast::<__m256i>());
            // Signed compares: bytes >= 0x80 are negative and fall outside both ranges.
            let folded = _mm256_or_si256(v, case);
            let letter = _mm256_and_si256(
                _mm256_cmpgt_epi8(folded, below_a),
                _mm256_cmpgt_epi8(above_z, folded),
            );
            let digit =
                _mm256_and_si256(_mm256_cmpgt_epi8(v, below_0), _mm256_cmpgt_epi8(above_9, v));
            let ah = _mm256_or_si256(_mm256_cmpeq_epi8(v, apos), _mm256_cmpeq_epi8(v, hyphen));
            // (No closure here: it would not inherit AVX2 and the intrinsics would not inline.)
            let shift = 32 * k;
            let word = _mm256_movemask_epi8(_mm256_or_si256(letter, digit)) as u32;
            m.word |= u64::from(word) << shift;
            m.digit |= u64::from(_mm256_movemask_epi8(digit) as u32) << shift;
            m.high |= u64::from(_mm256_movemask_epi8(v) as u32) << shift;
            m.apos_hyphen |= u64::from(_mm256_movemask_epi8(ah) as u32) << shift;
            let dots = _mm256_movemask_epi8(_mm256_cmpeq_epi8(v, dot)) as u32;
            m.dot |= u64::from(dots) << shift;
            let commas = _mm256_movemask_epi8(_mm256_cmpeq_epi8(v, comma)) as u32;
            m.comma |= u64::from(commas) << shift;
        }
    }
    m.opaque()
}

#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn classify_block(block: &[u8; 64]) -> Masks {
    classify_table(block)
}

/// Portable classification through [`CLASS`] (the reference for the SIMD path).
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn classify_table(block: &[u8; 64]) -> Masks {
    let mut m = Masks::default();
    for (k, &b) in block.iter().enumerate() {
        let c = CLASS[b as usize];
        let bit = |class: u8| u64::from(c & class != 0) << k;
        m.word |= bit(WORD);
        m.digit |= bit(DIGIT);
        m.high |= bit(HIGH);
        m.apos_hyphen |= bit(APOS_HYPHEN);
        m.dot |= bit(DOT);
        m.comma |= bit(COMMA);
    }
    m
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
                prop_assert_eq!(unsafe { classify_avx2(&bytes, pos) }, classify(&bytes, pos));
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
        }
    }

    #[test]
    fn tail_reads_as_separators() {
        let m = classify(b"ab,", 0);
        assert_eq!(m.word, 0b011);
        assert_eq!(m.comma, 0b100);
        assert_eq!(m.high, 0);
        assert_eq!(classify(b"ab", 2), classify(b"", 0));
    }
}
