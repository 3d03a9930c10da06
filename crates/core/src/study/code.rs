//! Participant codes and study ids: random, short, hard to misread, and self-checking.
//!
//! A participant code links a student's pre-test to their post-test without a name. It is made by
//! the app from random bytes (never from personal facts, which would make it a quasi-identifier),
//! printed on a card, and typed in again weeks later — so it must survive bad handwriting and
//! hurried typing:
//!
//! - The [`ALPHABET`] leaves out characters that are easily confused: `0 O`, `1 I L`, `5 S`,
//!   `2 Z`, and also `B` (like `8`), `G` (like `6`), `U` (like `V`) and `Q` (like `O`). That leaves
//!   23 characters, and 23 is prime, which the check character needs.
//! - The last character is a check character: the weighted sum of all characters' values, with
//!   weights `n, n−1, …, 1` from the left, is `0 (mod 23)`. This is the ISBN-10 construction over
//!   a prime alphabet instead of digits. It detects **every** single-character substitution and
//!   **every** transposition of two characters (adjacent or not), and, for the lengths used here,
//!   every "twin" error (`aa → bb`):
//!   - substituting `v → v′` at weight `w` changes the sum by `w·(v′ − v)`; both factors lie in
//!     `1..=22` in absolute value, and 23 is prime, so the change is never `0 (mod 23)`;
//!   - swapping values `a ≠ b` at weights `w₁ ≠ w₂` changes it by `(w₁ − w₂)·(b − a)`, again a
//!     product of two non-zero numbers smaller than 23 in absolute value;
//!   - a twin error at neighbouring weights changes it by `(w₁ + w₂)·(b − a)`, and `w₁ + w₂ ≤ 19`.
//!
//!   The change depends only on the positions and the two values, not on the rest of the code,
//!   so the unit tests check the claim for every position and every pair of values, which covers
//!   every code. Weights must stay distinct and non-zero mod 23, so a checked string may have at
//!   most 22 characters.
//! - Because any two valid codes differ in at least two places, a single typo never turns one
//!   student's code into another's: it is always reported.
//!
//! Parsing is tolerant of what people type: lower case, spaces and dashes (including the dashes
//! phones substitute), Latin look-alikes of the alphabet (`B → 8`, `G → 6`, `U → V`) and Cyrillic
//! look-alikes (a student on a Mongolian keyboard types `А`, `Е`, `К`, `М`, `Н`, `Р`, `С`, `Т`,
//! `Х`, `У`, `Ү`, `В`, `З` for what they see). The check character still guards every mapping.
//!
//! Randomness is passed in: the browser fills the bytes with `crypto.getRandomValues`, and tests
//! pass fixed bytes.

use std::fmt;

/// The characters of codes and study ids, in value order: a character's value is its index.
pub const ALPHABET: &[u8; 23] = b"346789ACDEFHJKMNPRTVWXY";

/// How many random bytes one code or study id consumes.
pub const RANDOM_BYTES: usize = 8;

const BASE: u32 = ALPHABET.len() as u32;

/// A participant's code: 5 random characters and a check character, shown as `K7M-4PX`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code([u8; Code::LEN]);

/// A study (one teacher's pre/post round): 9 random characters and a check character, shown as
/// `ACDEF-HJKMN`. Longer than a code because study ids from different schools must not collide.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StudyId([u8; StudyId::LEN]);

/// Why typed text is not a code or study id. Positions count code characters from 1, ignoring
/// spaces and dashes, as a student counts the characters on their card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing but spaces and dashes.
    Empty,
    WrongLength {
        expected: usize,
        found: usize,
    },
    NotInAlphabet {
        position: usize,
        found: char,
    },
    /// Every character is valid but the check character does not match: a typo somewhere.
    CheckFailed,
}

/// A printable set of distinct codes for one study: the teacher prints one card per code.
///
/// The codes carry no numbering or order that could link a card to a seat or a name; the UI
/// prints them in this (random) order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    study: StudyId,
    codes: Vec<Code>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    NoCodes,
    TooMany {
        requested: usize,
        max: usize,
    },
    /// The random source kept repeating itself: it is broken, and codes from it would be guessable.
    RandomnessRepeats,
}

impl Code {
    pub const LEN: usize = 6;

    /// A new random code. Every code is equally likely (up to a bias below 10⁻¹²).
    pub fn generate(random: &[u8; RANDOM_BYTES]) -> Code {
        Code(generate(random))
    }

    pub fn parse(text: &str) -> Result<Code, ParseError> {
        parse(text).map(Code)
    }

    /// Without the dash, as stored in results files and CSV exports.
    pub fn compact(&self) -> String {
        compact(&self.0)
    }

    /// The value (0–22) of the first character: uniformly random, see [`super::Design`].
    pub(crate) fn first_value(&self) -> u8 {
        self.0[0]
    }

    /// The characters' values (0–22), for result codes (`crate::result_code`).
    pub(crate) fn values(&self) -> [u8; Code::LEN] {
        self.0
    }

    /// The code of these values, if each is in the alphabet and the check character matches.
    pub(crate) fn from_values(values: [u8; Code::LEN]) -> Option<Code> {
        checked(values).map(Code)
    }
}

impl StudyId {
    pub const LEN: usize = 10;

    pub fn generate(random: &[u8; RANDOM_BYTES]) -> StudyId {
        StudyId(generate(random))
    }

    pub fn parse(text: &str) -> Result<StudyId, ParseError> {
        parse(text).map(StudyId)
    }

    pub fn compact(&self) -> String {
        compact(&self.0)
    }

    pub(crate) fn first_value(&self) -> u8 {
        self.0[0]
    }

    pub(crate) fn values(&self) -> [u8; StudyId::LEN] {
        self.0
    }

    pub(crate) fn from_values(values: [u8; StudyId::LEN]) -> Option<StudyId> {
        checked(values).map(StudyId)
    }
}

impl Sheet {
    /// More cards than any school prints for one round; keeps a mistyped count from hanging the app.
    pub const MAX_CODES: usize = 1000;

    /// `count` distinct codes. `random` is called once per code, plus once per (rare) repeat.
    pub fn generate(
        study: StudyId,
        count: usize,
        random: &mut dyn FnMut() -> [u8; RANDOM_BYTES],
    ) -> Result<Sheet, SheetError> {
        if count == 0 {
            return Err(SheetError::NoCodes);
        }
        if count > Sheet::MAX_CODES {
            return Err(SheetError::TooMany { requested: count, max: Sheet::MAX_CODES });
        }
        // With 23⁵ codes, even 1000 cards repeat a draw less than once on average; 64 spare draws
        // are only ever used up by a broken random source.
        let mut spare_draws = 64;
        let mut codes: Vec<Code> = Vec::with_capacity(count);
        // Sorted, to find a repeat by halving: a pooled report derives half a million codes.
        let mut seen: Vec<Code> = Vec::with_capacity(count);
        while codes.len() < count {
            let code = Code::generate(&random());
            let place = seen.binary_search(&code);
            if let Err(at) = place {
                seen.insert(at, code);
            }
            if place.is_ok() {
                if spare_draws == 0 {
                    return Err(SheetError::RandomnessRepeats);
                }
                spare_draws -= 1;
            } else {
                codes.push(code);
            }
        }
        Ok(Sheet { study, codes })
    }

    pub fn study(&self) -> StudyId {
        self.study
    }

    pub fn codes(&self) -> &[Code] {
        &self.codes
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_grouped(f, &self.0, 3)
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Code({})", self.compact())
    }
}

impl fmt::Display for StudyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_grouped(f, &self.0, 5)
    }
}

impl fmt::Debug for StudyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StudyId({})", self.compact())
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Empty => write!(f, "nothing was entered"),
            ParseError::WrongLength { expected, found } => {
                write!(f, "it has {found} characters, it should have {expected}")
            }
            ParseError::NotInAlphabet { position, found } => {
                write!(f, "character {position} ({found:?}) is never used in codes")
            }
            ParseError::CheckFailed => write!(f, "a character is wrong or two are swapped"),
        }
    }
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SheetError::NoCodes => write!(f, "a sheet needs at least one code"),
            SheetError::TooMany { requested, max } => write!(f, "{requested} codes asked for, at most {max} per sheet"),
            SheetError::RandomnessRepeats => write!(f, "the random source repeats itself"),
        }
    }
}

impl std::error::Error for ParseError {}
impl std::error::Error for SheetError {}

/// The value of a typed character, after folding case and look-alikes; `None` if it has none.
fn value_of(typed: char) -> Option<u8> {
    let latin = match typed.to_uppercase().next().unwrap_or(typed) {
        'B' | 'В' => '8',
        'G' => '6',
        'U' => 'V',
        'А' => 'A',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'У' | 'Ү' => 'Y',
        'З' => '3',
        other => other,
    };
    let byte = u8::try_from(latin).ok()?;
    ALPHABET.iter().position(|&c| c == byte).map(|index| index as u8)
}

fn is_separator(typed: char) -> bool {
    typed.is_whitespace() || matches!(typed, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

fn parse<const N: usize>(text: &str) -> Result<[u8; N], ParseError> {
    if let Some(values) = parse_compact(text.as_bytes()) {
        return Ok(values);
    }
    let mut values = [0u8; N];
    let mut found = 0;
    for typed in text.chars().filter(|&c| !is_separator(c)) {
        let Some(value) = value_of(typed) else {
            return Err(ParseError::NotInAlphabet { position: found + 1, found: typed });
        };
        if let Some(slot) = values.get_mut(found) {
            *slot = value;
        }
        found += 1;
    }
    if found == 0 {
        return Err(ParseError::Empty);
    }
    if found != N {
        return Err(ParseError::WrongLength { expected: N, found });
    }
    if !weighted_sum(&values).is_multiple_of(BASE) {
        return Err(ParseError::CheckFailed);
    }
    Ok(values)
}

/// The form files and exports write: exactly `N` characters of [`ALPHABET`] and a check that holds.
/// Anything else takes the general path, which gives the same values and says what is wrong.
fn parse_compact<const N: usize>(bytes: &[u8]) -> Option<[u8; N]> {
    let bytes: &[u8; N] = bytes.try_into().ok()?;
    let mut values = [0u8; N];
    for (value, &byte) in values.iter_mut().zip(bytes) {
        *value = VALUE_OF[usize::from(byte)];
        if *value == NOT_IN_ALPHABET {
            return None;
        }
    }
    weighted_sum(&values).is_multiple_of(BASE).then_some(values)
}

const NOT_IN_ALPHABET: u8 = u8::MAX;

/// The value of each byte of [`ALPHABET`], [`NOT_IN_ALPHABET`] for the others.
const VALUE_OF: [u8; 256] = {
    let mut table = [NOT_IN_ALPHABET; 256];
    let mut value = 0;
    while value < ALPHABET.len() {
        table[ALPHABET[value] as usize] = value as u8;
        value += 1;
    }
    table
};

/// `values` if each is a character's value and the check character matches.
fn checked<const N: usize>(values: [u8; N]) -> Option<[u8; N]> {
    (values.iter().all(|&value| u32::from(value) < BASE) && weighted_sum(&values).is_multiple_of(BASE))
        .then_some(values)
}

/// `Σ wᵢ·vᵢ` with weights `n, n−1, …, 1` from the left. A valid string sums to `0 (mod 23)`.
fn weighted_sum(values: &[u8]) -> u32 {
    let n = values.len() as u32;
    values.iter().zip((1..=n).rev()).map(|(&value, weight)| weight * u32::from(value)).sum()
}

/// Random values in every position but the last, then the check value (whose weight is 1).
fn generate<const N: usize>(random: &[u8; RANDOM_BYTES]) -> [u8; N] {
    // Base-23 digits of a uniform 64-bit number: the first 9 digits are uniform up to
    // 23⁹ / 2⁶⁴ < 10⁻⁷ (23⁵ / 2⁶⁴ < 10⁻¹² for codes).
    let mut x = u64::from_le_bytes(*random);
    let mut values = [0u8; N];
    for value in &mut values[..N - 1] {
        *value = (x % u64::from(BASE)) as u8;
        x /= u64::from(BASE);
    }
    values[N - 1] = ((BASE - weighted_sum(&values) % BASE) % BASE) as u8;
    values
}

fn compact(values: &[u8]) -> String {
    values.iter().map(|&value| char::from(ALPHABET[usize::from(value)])).collect()
}

fn write_grouped(f: &mut fmt::Formatter<'_>, values: &[u8], group: usize) -> fmt::Result {
    for (i, chunk) in values.chunks(group).enumerate() {
        if i > 0 {
            f.write_str("-")?;
        }
        f.write_str(&compact(chunk))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    //! The proof of the check character, made finite: the change a typo makes to the weighted
    //! sum depends only on the positions and the values involved, so enumerating those covers
    //! every code of every length used.

    use super::*;

    const LENGTHS: [usize; 2] = [Code::LEN, StudyId::LEN];

    fn weights(n: usize) -> Vec<u32> {
        (1..=n as u32).rev().collect()
    }

    #[test]
    fn alphabet_has_prime_size_and_no_confusable_characters() {
        assert!((2..BASE).all(|d| !BASE.is_multiple_of(d)), "{BASE} is not prime");
        for confusable in b"0O1IL5S2ZBGUQ" {
            assert!(!ALPHABET.contains(confusable), "{} is in the alphabet", char::from(*confusable));
        }
        let mut sorted = ALPHABET.to_vec();
        sorted.dedup();
        assert_eq!(sorted.len(), ALPHABET.len(), "characters repeat");
    }

    #[test]
    fn every_substitution_changes_the_sum_for_every_code() {
        for n in LENGTHS {
            for w in weights(n) {
                for old in 0..BASE {
                    for new in (0..BASE).filter(|&new| new != old) {
                        let change = (w * new + BASE * BASE - w * old) % BASE;
                        assert_ne!(change, 0, "length {n}, weight {w}: {old} → {new} is not detected");
                    }
                }
            }
        }
    }

    #[test]
    fn every_transposition_changes_the_sum_for_every_code() {
        for n in LENGTHS {
            let weights = weights(n);
            for (i, &w1) in weights.iter().enumerate() {
                for &w2 in &weights[i + 1..] {
                    for a in 0..BASE {
                        for b in (0..BASE).filter(|&b| b != a) {
                            let before = w1 * a + w2 * b;
                            let after = w1 * b + w2 * a;
                            assert_ne!(
                                before % BASE,
                                after % BASE,
                                "length {n}: swapping weights {w1},{w2} undetected"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn every_adjacent_twin_error_changes_the_sum_for_every_code() {
        for n in LENGTHS {
            for pair in weights(n).windows(2) {
                for a in 0..BASE {
                    for b in (0..BASE).filter(|&b| b != a) {
                        let before = (pair[0] + pair[1]) * a;
                        let after = (pair[0] + pair[1]) * b;
                        assert_ne!(before % BASE, after % BASE, "length {n}: twin {a}{a} → {b}{b} undetected");
                    }
                }
            }
        }
    }

    #[test]
    fn generated_values_always_pass_the_check() {
        for seed in 0..2000u64 {
            let random = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).to_le_bytes();
            assert_eq!(weighted_sum(&generate::<{ Code::LEN }>(&random)) % BASE, 0);
            assert_eq!(weighted_sum(&generate::<{ StudyId::LEN }>(&random)) % BASE, 0);
        }
    }
}
