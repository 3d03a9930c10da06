//! Statement ids and anonymous account names: random UUIDs (version 4) made from bytes the
//! caller supplies (the browser's `crypto.getRandomValues`; fixed bytes in tests), so the core
//! needs no random source of its own and a test can replay any id.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A UUID, written in the standard lower-case form `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Uuid([u8; 16]);

impl Uuid {
    /// How many random bytes one UUID consumes (122 of their 128 bits stay random).
    pub const RANDOM_BYTES: usize = 16;

    /// A version 4 (random) UUID of RFC 9562 / RFC 4122's variant: the version and variant bits
    /// are set, every other bit is the caller's.
    pub fn v4(mut bytes: [u8; Uuid::RANDOM_BYTES]) -> Uuid {
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        Uuid(bytes)
    }

    /// Reads the standard 36-character form (hex digits in either case).
    pub fn parse(text: &str) -> Option<Uuid> {
        let text = text.as_bytes();
        if text.len() != 36 {
            return None;
        }
        let mut bytes = [0u8; 16];
        let mut digits = text.iter().enumerate().filter(|&(at, _)| !matches!(at, 8 | 13 | 18 | 23));
        if [8, 13, 18, 23].iter().any(|&at| text[at] != b'-') {
            return None;
        }
        for byte in &mut bytes {
            let high = hex_value(*digits.next()?.1)?;
            let low = hex_value(*digits.next()?.1)?;
            *byte = high << 4 | low;
        }
        Some(Uuid(bytes))
    }

    /// Whether this is a version 4 UUID of the RFC variant, as [`Uuid::v4`] makes.
    pub fn is_v4(&self) -> bool {
        self.0[6] >> 4 == 4 && self.0[8] >> 6 == 0b10
    }
}

fn hex_value(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

impl fmt::Display for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (at, byte) in self.0.iter().enumerate() {
            if matches!(at, 4 | 6 | 8 | 10) {
                f.write_str("-")?;
            }
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Uuid({self})")
    }
}

impl Serialize for Uuid {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Uuid {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Uuid, D::Error> {
        let text = String::deserialize(deserializer)?;
        Uuid::parse(&text).ok_or_else(|| serde::de::Error::custom("not a UUID"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v4_sets_only_the_version_and_variant_bits() {
        assert_eq!(Uuid::v4([0; 16]).to_string(), "00000000-0000-4000-8000-000000000000");
        assert_eq!(Uuid::v4([0xff; 16]).to_string(), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert!(Uuid::v4([0x5a; 16]).is_v4());
    }

    #[test]
    fn the_standard_form_reads_back() {
        let uuid = Uuid::v4(*b"0123456789abcdef");
        assert_eq!(Uuid::parse(&uuid.to_string()), Some(uuid));
        assert_eq!(Uuid::parse(&uuid.to_string().to_uppercase()), Some(uuid));
        for bad in [
            "",
            "00000000-0000-4000-8000-00000000000",
            "00000000-0000-4000-8000-0000000000000",
            "000000000000-4000-8000-0000-00000000",
            "00000000-0000-4000-8000-00000000000g",
            "{00000000-0000-4000-8000-0000000000}",
            "00000000_0000_4000_8000_000000000000",
            "0000000é-000-4000-8000-000000000000",
        ] {
            assert_eq!(Uuid::parse(bad), None, "{bad}");
        }
    }
}
