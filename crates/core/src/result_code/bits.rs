//! Bit-packed fields, most significant bit first: the writer a code is built with and the strict
//! reader that takes it apart. The reader never reads past its bytes (it reports
//! [`Truncated`](super::Malformed::Truncated)) and accepts only zero padding to the last byte.

use super::Malformed;

#[derive(Default)]
pub(super) struct BitWriter {
    bytes: Vec<u8>,
    /// Bits used in the last byte (0 when it is full or there is none).
    used: u32,
}

impl BitWriter {
    /// The low `count` bits of `value`, `count` at most 64.
    pub fn bits(&mut self, value: u64, count: u32) {
        for shift in (0..count).rev() {
            let bit = (value >> shift) & 1 == 1;
            if self.used == 0 {
                self.bytes.push(0);
            }
            if bit && let Some(last) = self.bytes.last_mut() {
                *last |= 0x80 >> self.used;
            }
            self.used = (self.used + 1) % 8;
        }
    }

    pub fn flag(&mut self, value: bool) {
        self.bits(u64::from(value), 1);
    }

    /// A whole number in groups of 7 bits, least significant first, each group's high bit
    /// saying another follows (LEB128): one byte below 128, five at most for a `u32`.
    pub fn varint(&mut self, mut value: u32) {
        loop {
            let group = u64::from(value & 0x7F);
            value >>= 7;
            self.bits(group | if value > 0 { 0x80 } else { 0 }, 8);
            if value == 0 {
                return;
            }
        }
    }

    /// The bytes, the last one padded with zero bits.
    pub fn finish(self) -> Vec<u8> {
        self.bytes
    }
}

pub(super) struct BitReader<'a> {
    bytes: &'a [u8],
    /// Bits read so far.
    position: usize,
}

impl<'a> BitReader<'a> {
    pub fn new(bytes: &'a [u8]) -> BitReader<'a> {
        BitReader { bytes, position: 0 }
    }

    /// `count` bits (at most 64) as a number.
    pub fn bits(&mut self, count: u32) -> Result<u64, Malformed> {
        let end = self.position.checked_add(count as usize).ok_or(Malformed::Truncated)?;
        if count > 64 || end > self.bytes.len() * 8 {
            return Err(Malformed::Truncated);
        }
        let mut value = 0u64;
        for position in self.position..end {
            let byte = self.bytes[position / 8];
            value = (value << 1) | u64::from((byte >> (7 - position % 8)) & 1);
        }
        self.position = end;
        Ok(value)
    }

    pub fn flag(&mut self) -> Result<bool, Malformed> {
        Ok(self.bits(1)? == 1)
    }

    /// A [`BitWriter::varint`], written the shortest way (no zero group after the first) and
    /// within `u32`; anything else is [`Malformed::Number`].
    pub fn varint(&mut self) -> Result<u32, Malformed> {
        let mut value = 0u64;
        for index in 0..5 {
            let group = self.bits(8)?;
            value |= (group & 0x7F) << (7 * index);
            if group & 0x80 == 0 {
                if index > 0 && group == 0 {
                    return Err(Malformed::Number);
                }
                return u32::try_from(value).map_err(|_| Malformed::Number);
            }
        }
        Err(Malformed::Number)
    }

    /// Checks that only zero padding is left in the last byte, and no byte after it.
    pub fn finish(self) -> Result<(), Malformed> {
        let whole_bytes = self.position.div_ceil(8);
        if whole_bytes < self.bytes.len() {
            return Err(Malformed::TrailingBytes);
        }
        let padding = (whole_bytes * 8 - self.position) as u32;
        if padding > 0 && self.bytes[whole_bytes - 1] & ((1u8 << padding) - 1) != 0 {
            return Err(Malformed::TrailingBytes);
        }
        Ok(())
    }
}

/// Bits needed for an index below `count` (0 for a single choice).
pub(super) fn width_for(count: usize) -> u32 {
    usize::BITS - count.saturating_sub(1).leading_zeros()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_read_back_in_order_across_byte_boundaries() {
        let mut writer = BitWriter::default();
        writer.bits(0b101, 3);
        writer.varint(300);
        writer.flag(true);
        writer.bits(0x3FFF_FFFF_FFFF, 46);
        writer.varint(u32::MAX);
        let bytes = writer.finish();
        let mut reader = BitReader::new(&bytes);
        assert_eq!(reader.bits(3), Ok(0b101));
        assert_eq!(reader.varint(), Ok(300));
        assert_eq!(reader.flag(), Ok(true));
        assert_eq!(reader.bits(46), Ok(0x3FFF_FFFF_FFFF));
        assert_eq!(reader.varint(), Ok(u32::MAX));
        assert_eq!(reader.finish(), Ok(()));
    }

    #[test]
    fn numbers_take_one_byte_below_128_and_five_at_most() {
        for (value, bytes) in [(0, 1), (127, 1), (128, 2), (16_383, 2), (16_384, 3), (u32::MAX, 5)] {
            let mut writer = BitWriter::default();
            writer.varint(value);
            assert_eq!(writer.finish().len(), bytes, "{value}");
        }
    }

    #[test]
    fn overlong_or_oversized_numbers_are_refused() {
        for bytes in [&[0x80, 0x00][..], &[0xFF, 0xFF, 0xFF, 0xFF, 0x10], &[0x80, 0x80, 0x80, 0x80, 0x80, 0x01]] {
            assert_eq!(BitReader::new(bytes).varint(), Err(Malformed::Number), "{bytes:?}");
        }
    }

    #[test]
    fn reading_past_the_end_and_anything_after_the_padding_are_refused() {
        assert_eq!(BitReader::new(&[0xFF]).bits(9), Err(Malformed::Truncated));
        assert_eq!(BitReader::new(&[0x80]).varint(), Err(Malformed::Truncated));
        let mut reader = BitReader::new(&[0b1010_0000, 0]);
        assert_eq!(reader.bits(3), Ok(0b101));
        assert_eq!(reader.finish(), Err(Malformed::TrailingBytes));
        let mut reader = BitReader::new(&[0b1010_0001]);
        assert_eq!(reader.bits(3), Ok(0b101));
        assert_eq!(reader.finish(), Err(Malformed::TrailingBytes));
        let mut reader = BitReader::new(&[0b1010_0000]);
        assert_eq!(reader.bits(3), Ok(0b101));
        assert_eq!(reader.finish(), Ok(()));
    }

    #[test]
    fn an_index_below_n_takes_the_bits_of_n_minus_one() {
        for (count, bits) in [(0, 0), (1, 0), (2, 1), (3, 2), (4, 2), (5, 3), (16, 4), (17, 5)] {
            assert_eq!(width_for(count), bits, "{count}");
        }
    }
}
