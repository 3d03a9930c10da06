//! A small deterministic random number generator for synthetic data (the command line's
//! benchmark classes and the tests' generated classes) and for the order of options
//! ([`crate::shuffle`], from a seed the caller draws). Never for codes or study ids, which take
//! the browser's cryptographic randomness (`Code::generate` takes its bytes from the caller).

use crate::study::code::RANDOM_BYTES;

/// SplitMix64 (Steele, Lea & Flood 2014, as in Java's `SplittableRandom`): fast, and the same
/// sequence for the same seed on every machine, so a failing test or a benchmark can be replayed.
#[derive(Debug, Clone)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (up to a bias below n/2⁶⁴); `n` must not be 0.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in [0, 1), from the top 53 bits.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn bytes(&mut self) -> [u8; RANDOM_BYTES] {
        self.next_u64().to_le_bytes()
    }

    /// One of `items`, which must not be empty.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Damages `bytes` one of four ways, as a decoder test wants: cut short anywhere, one to
    /// four bytes changed at random, replaced by up to 255 random bytes, or one of `tokens`
    /// (JSON's punctuation, say) inserted anywhere.
    pub fn damage(&mut self, bytes: &mut Vec<u8>, tokens: &[u8]) {
        match self.below(4) {
            0 => bytes.truncate(self.below(bytes.len() + 1)),
            1 if !bytes.is_empty() => {
                for _ in 0..=self.below(4) {
                    let at = self.below(bytes.len());
                    bytes[at] = self.next_u64() as u8;
                }
            }
            2 => *bytes = (0..self.below(256)).map(|_| self.next_u64() as u8).collect(),
            _ if !tokens.is_empty() => {
                let at = self.below(bytes.len() + 1);
                bytes.insert(at, *self.pick(tokens));
            }
            _ => {}
        }
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SplitMix64;

    #[test]
    fn the_sequence_is_splitmix64s() {
        // The first outputs for seed 0 of the reference implementation.
        let mut rng = SplitMix64(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn below_and_unit_stay_in_range() {
        let mut rng = SplitMix64(7);
        for _ in 0..1000 {
            assert!(rng.below(3) < 3);
            assert!((0.0..1.0).contains(&rng.unit()));
        }
    }
}
