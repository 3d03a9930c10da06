//! Result codes: a student's pre/post record or finished quiz as a few dozen bytes, shown on their
//! screen as a QR code (`aware-qr` draws it) and scanned by the teacher's camera, so results reach
//! the teacher without a file passed through a chat (a file sent from a student's account names
//! its sender).
//!
//! # Format
//! Every code is one header byte, a bit-packed body, and a CRC-32 of everything before it:
//!
//! | bytes | content |
//! | --- | --- |
//! | 1 | the [`Kind`] (high 4 bits: 1 a pre/post record, 2 a quiz) and the format [`VERSION`] (low 4 bits) |
//! | … | the body, fields most significant bit first, the last byte padded with zero bits |
//! | 4 | CRC-32 (ISO-HDLC, as in zip and PNG) of the bytes before, big-endian |
//!
//! The bodies are in [`check`] (a pre/post record on the real assessment: 63 bytes with the CRC
//! for a hand-in, 83 with every item of both forms answered, so a version-5 QR code at error
//! correction M; a record with item versions near 2³² − 1, which no real record has, may exceed
//! [`MAX_BYTES`] and is then refused with its size) and [`quiz`]
//! (16 bytes for a quiz of 11 items, version 2). `tests/result_code.rs` checks these bounds. A CRC-32 detects every change of up to 4
//! consecutive bytes and any other damage but one time in 4 billion: a corrupted byte, a code of
//! another app, or text typed by someone is refused before anything is read.
//!
//! Decoding is strict and never panics: a code longer than [`MAX_BYTES`], a wrong checksum, an
//! unknown kind or version, a value out of range (a Likert answer of 6, an option the item does
//! not have, a study id whose check character fails, an impossible day), a number written with
//! extra bytes, non-zero padding or any byte after the body is refused with its reason. An
//! encoder and a decoder agree on the meaning of item and option positions through a fingerprint
//! of the content ([`check::fingerprint`], [`quiz::fingerprint`]): a code made for other content
//! is refused ([`DecodeError::OtherContent`]), never misread.
//!
//! To change a body: add the new layout beside the old one under a new [`VERSION`], decode both,
//! encode the new one. Codes on screens are short-lived, but a teacher's app may be older or newer
//! than a student's.
//!
//! # What a code reveals, and to whom
//! A code on a screen can be photographed by anyone nearby, and any QR reader shows its bytes.
//! A pre/post code holds exactly what the results file holds today ([`crate::study::Record`]):
//! the study id, the participant code, pre or post, the form, the language, the day (no time),
//! the content and item versions and the answers. No name, no free text and no time of day can be
//! in it: its fields are numbers and positions in the assessment, so the types have no place for
//! them. Someone who photographs it learns the answers of the person behind one card code, as
//! someone who copies the results file does; they cannot read the answers without knowing the
//! assessment (positions, not words), and the codes link to a person only through the card. That
//! is acceptable for the same reason the file is: the card code is the pseudonym, and the app
//! shows the code only when the student asks for it, full screen, for the teacher's camera.
//! Unlike the file, a code leaves no copy on a chat server or in a teacher's downloads named
//! after the sender's account. A quiz code holds the lesson's fingerprint and version, which items
//! were right at the first try, and a random number drawn when the code is shown (so scanning the
//! same screen twice counts once): nothing that links it to the student, their device or another
//! showing.

mod bits;
pub mod check;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod quiz;
pub mod scan;

use std::fmt;

use crc::{CRC_32_ISO_HDLC, Crc, NoTable};

pub use check::{decode as decode_record, encode as encode_record};
pub use quiz::{QuizResult, ShowingToken};
pub use scan::{QuizScan, QuizScanOutcome, QuizTally, ScanCounts, ScanRefusal, StudyScan, StudyScanOutcome, tally};

/// The format version of the bodies this app writes and reads.
pub const VERSION: u8 = 1;

/// The most bytes a code may have: what a version-10 QR code holds at error correction M.
pub const MAX_BYTES: usize = 213;

/// Header byte and CRC.
const OVERHEAD: usize = 1 + 4;

const CRC32: Crc<u32, NoTable> = Crc::<u32, NoTable>::new(&CRC_32_ISO_HDLC);

/// What a code carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One student's pre/post record ([`check`]).
    Record = 1,
    /// One finished lesson quiz ([`quiz`]).
    Quiz = 2,
}

/// Why bytes are not a code this app can use. No text: the app maps each to its own message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Fewer bytes than a header and a checksum.
    TooShort,
    TooLong {
        bytes: usize,
        max: usize,
    },
    /// The checksum does not match: damaged, or not an Aware result code at all.
    Checksum,
    /// A kind this app does not know (a newer app's, or not an Aware code).
    UnknownKind {
        found: u8,
    },
    /// A format version this app does not read: made by a newer app (`found` above [`VERSION`]).
    UnsupportedVersion {
        found: u8,
    },
    /// A code of the other kind (a quiz scanned for a study, say).
    WrongKind {
        expected: Kind,
        found: Kind,
    },
    /// Made for different content (another assessment or lesson, or another version of its
    /// items' order): its positions would mean other items.
    OtherContent,
    /// The checksum matches but a field is out of range.
    Malformed(Malformed),
}

/// What is out of range in a code whose checksum matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Malformed {
    /// The body ends before its last field.
    Truncated,
    /// Bytes or non-zero bits after the body.
    TrailingBytes,
    /// A number written with more bytes than it needs, or beyond 2³² − 1.
    Number,
    StudyId,
    Code,
    Date,
    Locale,
    /// A Likert value outside 1–5.
    Likert,
    /// No answer at all, or more options chosen than an answer may have.
    Answers,
}

impl Kind {
    fn from_nibble(nibble: u8) -> Option<Kind> {
        match nibble {
            1 => Some(Kind::Record),
            2 => Some(Kind::Quiz),
            _ => None,
        }
    }
}

/// The kind of a code whose checksum, length and version are right; what the teacher's scan
/// screen calls first, to send the code to [`StudyScan`] or [`QuizScan`].
pub fn kind(bytes: &[u8]) -> Result<Kind, DecodeError> {
    open(bytes).map(|(kind, _)| kind)
}

/// The header and checksum around a body.
fn seal(kind: Kind, body: Vec<u8>) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(body.len() + OVERHEAD);
    bytes.push(((kind as u8) << 4) | VERSION);
    bytes.extend(body);
    let crc = CRC32.checksum(&bytes);
    bytes.extend(crc.to_be_bytes());
    bytes
}

/// Checks length, checksum, kind and version; returns the kind and the body.
fn open(bytes: &[u8]) -> Result<(Kind, &[u8]), DecodeError> {
    if bytes.len() > MAX_BYTES {
        return Err(DecodeError::TooLong { bytes: bytes.len(), max: MAX_BYTES });
    }
    let Some((content, crc)) = bytes.split_last_chunk::<4>().filter(|(content, _)| !content.is_empty()) else {
        return Err(DecodeError::TooShort);
    };
    if CRC32.checksum(content) != u32::from_be_bytes(*crc) {
        return Err(DecodeError::Checksum);
    }
    let (header, body) = (content[0], &content[1..]);
    let kind = Kind::from_nibble(header >> 4).ok_or(DecodeError::UnknownKind { found: header >> 4 })?;
    if header & 0x0F != VERSION {
        return Err(DecodeError::UnsupportedVersion { found: header & 0x0F });
    }
    Ok((kind, body))
}

/// The body of a code of `expected` kind.
fn open_as(expected: Kind, bytes: &[u8]) -> Result<&[u8], DecodeError> {
    match open(bytes)? {
        (found, body) if found == expected => Ok(body),
        (found, _) => Err(DecodeError::WrongKind { expected, found }),
    }
}

impl From<Malformed> for DecodeError {
    fn from(problem: Malformed) -> DecodeError {
        DecodeError::Malformed(problem)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Record => "a pre/post result",
            Kind::Quiz => "a quiz result",
        })
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::TooShort => write!(f, "too short to be a result code"),
            DecodeError::TooLong { bytes, max } => write!(f, "{bytes} bytes, a result code has at most {max}"),
            DecodeError::Checksum => write!(f, "damaged, or not an Aware result code"),
            DecodeError::UnknownKind { found } => write!(f, "an unknown kind of code ({found})"),
            DecodeError::UnsupportedVersion { found } if *found > VERSION => {
                write!(f, "made by a newer version of Aware (format {found}); update the app")
            }
            DecodeError::UnsupportedVersion { found } => write!(f, "an unknown format version ({found})"),
            DecodeError::WrongKind { expected, found } => write!(f, "{found}, not {expected}"),
            DecodeError::OtherContent => write!(f, "made for other content (another version of the questions)"),
            DecodeError::Malformed(problem) => write!(f, "a damaged code ({problem:?})"),
        }
    }
}

impl std::error::Error for DecodeError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_body_opens_with_its_kind() {
        let bytes = seal(Kind::Quiz, vec![1, 2, 3]);
        assert_eq!(bytes.len(), 3 + OVERHEAD);
        assert_eq!(bytes[0], 0x21);
        assert_eq!(open(&bytes), Ok((Kind::Quiz, &[1u8, 2, 3][..])));
        assert_eq!(kind(&bytes), Ok(Kind::Quiz));
        assert_eq!(
            open_as(Kind::Record, &bytes),
            Err(DecodeError::WrongKind { expected: Kind::Record, found: Kind::Quiz })
        );
    }

    #[test]
    fn the_crc_is_crc32_iso_hdlc() {
        // The standard check value of CRC-32 (as zip and PNG compute it).
        assert_eq!(CRC32.checksum(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn every_corrupted_byte_and_every_cut_is_refused() {
        let bytes = seal(Kind::Record, (0..60).collect());
        for index in 0..bytes.len() {
            for flip in 1..=255u8 {
                let mut damaged = bytes.clone();
                damaged[index] ^= flip;
                assert_eq!(open(&damaged), Err(DecodeError::Checksum), "byte {index} ^ {flip:#04x}");
            }
        }
        for cut in 0..bytes.len() {
            assert!(open(&bytes[..cut]).is_err(), "cut to {cut} bytes");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(open(&longer), Err(DecodeError::Checksum));
    }

    #[test]
    fn unknown_kinds_and_versions_are_refused_even_with_a_good_checksum() {
        let reseal = |header: u8| {
            let mut bytes = vec![header, 7];
            let crc = CRC32.checksum(&bytes);
            bytes.extend(crc.to_be_bytes());
            bytes
        };
        assert_eq!(open(&reseal(0x31)), Err(DecodeError::UnknownKind { found: 3 }));
        assert_eq!(open(&reseal(0x01)), Err(DecodeError::UnknownKind { found: 0 }));
        assert_eq!(open(&reseal(0x12)), Err(DecodeError::UnsupportedVersion { found: 2 }));
        assert_eq!(open(&reseal(0x10)), Err(DecodeError::UnsupportedVersion { found: 0 }));
        assert_eq!(open(&[0x11]), Err(DecodeError::TooShort));
        assert_eq!(open(&[0; 4]), Err(DecodeError::TooShort));
        assert_eq!(open(&[0; 214]), Err(DecodeError::TooLong { bytes: 214, max: MAX_BYTES }));
    }
}
