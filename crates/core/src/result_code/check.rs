//! The body of a pre/post record's code ([`Kind::Record`]): a [`Record`] as positions in the
//! compiled [`Assessment`] instead of ids.
//!
//! | bits | field |
//! | --- | --- |
//! | 32 | the assessment's [`fingerprint`] |
//! | 46 | study id: its 10 characters' values (0–22) as one base-23 number |
//! | 28 | participant code: its 6 characters' values as one base-23 number |
//! | 1 | phase: 0 pre, 1 post |
//! | 1 | form: 0 A, 1 B |
//! | 22 | the day, counted from 1000-01-01 (the first day a [`Date`] can be) |
//! | ⌈log₂ locales⌉ | the language: its position in the assessment's locales (no bits for one) |
//! | 8 or more | the content version, LEB128 (one byte below 128) |
//! | 1 an item | which items are answered: knowledge items in the assessment's order, then statements |
//!
//! then for each answered item, in that order: its version (LEB128), and for a knowledge item
//! with *n* options *n* bits, one for each option chosen (none: "prefer not to answer"), for a
//! statement 3 bits, 1–5 on the scale or 0 for "prefer not to answer".
//!
//! The study id's and code's check characters are carried and checked, so a code also refuses
//! an id no sheet could have printed. Item versions are carried as they are in the record (a
//! student's device may hold an answer to an older version of an item); the fingerprint covers
//! only what gives positions their meaning: the languages and, in order, the item ids and each
//! knowledge item's option ids.

use std::collections::BTreeMap;

use super::bits::{BitReader, BitWriter, width_for};
use super::{CRC32, DecodeError, Kind, MAX_BYTES, Malformed, open_as, seal};
use crate::assessment::Assessment;
use crate::study::{Answer, Code, Date, Form, Id, Likert, Locale, Phase, Record, RecordError, Response, StudyId};

const STUDY_BITS: u32 = 46;
const CODE_BITS: u32 = 28;
const DAY_BITS: u32 = 22;
const LIKERT_BITS: u32 = 3;

/// Why a record cannot be shown as a code; the app offers the results file instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodeError {
    /// The record breaks a rule of [`Record::validate`].
    Invalid(RecordError),
    /// The record names a language, item or option the assessment does not have, or answers an
    /// item with the wrong kind of answer: it was taken on other content.
    NotInAssessment,
    /// More than [`MAX_BYTES`] (an assessment far larger than Aware's).
    TooLarge { bytes: usize },
}

/// One item of the assessment, as the code sees it.
enum Item<'a> {
    Knowledge { id: &'a str, options: Vec<&'a str> },
    Statement { id: &'a str },
}

impl Item<'_> {
    fn id(&self) -> &str {
        match self {
            Item::Knowledge { id, .. } | Item::Statement { id } => id,
        }
    }
}

fn items(assessment: &Assessment) -> Vec<Item<'_>> {
    let knowledge = assessment.knowledge.iter().map(|item| Item::Knowledge {
        id: &item.id,
        options: item.options.iter().map(|option| option.id.as_str()).collect(),
    });
    knowledge.chain(assessment.likert.iter().map(|item| Item::Statement { id: &item.id })).collect()
}

/// CRC-32 of the assessment's structure, written as text:
/// `aware-assessment 1\nlocales mn en\nknowledge ID OPTION…\n…statement ID\n…`.
pub fn fingerprint(assessment: &Assessment) -> u32 {
    let mut digest = CRC32.digest();
    digest.update(b"aware-assessment 1\nlocales");
    for locale in &assessment.locales {
        digest.update(b" ");
        digest.update(locale.as_bytes());
    }
    for item in items(assessment) {
        match item {
            Item::Knowledge { id, options } => {
                digest.update(b"\nknowledge ");
                digest.update(id.as_bytes());
                for option in options {
                    digest.update(b" ");
                    digest.update(option.as_bytes());
                }
            }
            Item::Statement { id } => {
                digest.update(b"\nstatement ");
                digest.update(id.as_bytes());
            }
        }
    }
    digest.finalize()
}

/// The code of `record`, taken on `assessment`.
pub fn encode(assessment: &Assessment, record: &Record) -> Result<Vec<u8>, EncodeError> {
    record.validate().map_err(EncodeError::Invalid)?;
    let locale = assessment
        .locales
        .iter()
        .position(|locale| Locale::new(locale).as_ref() == Some(&record.locale))
        .ok_or(EncodeError::NotInAssessment)?;
    let items = items(assessment);
    // Every answer must name an item of the assessment.
    if record.answers.keys().any(|id| !items.iter().any(|item| item.id() == id.as_str())) {
        return Err(EncodeError::NotInAssessment);
    }

    let mut out = BitWriter::default();
    out.bits(u64::from(fingerprint(assessment)), 32);
    out.bits(base23(&record.study.values()), STUDY_BITS);
    out.bits(base23(&record.code.values()), CODE_BITS);
    out.flag(record.phase == Phase::Post);
    out.flag(record.form == Form::B);
    out.bits(u64::from(day_number(record.date)), DAY_BITS);
    out.bits(locale as u64, width_for(assessment.locales.len()));
    out.varint(record.content_version);
    for item in &items {
        out.flag(record.answers.contains_key(item.id()));
    }
    for item in &items {
        let Some(answer) = record.answers.get(item.id()) else { continue };
        out.varint(answer.version);
        match (item, &answer.response) {
            (Item::Knowledge { options, .. }, Response::Declined) => out.bits(0, options.len() as u32),
            (Item::Knowledge { options, .. }, Response::Chose(chosen)) => {
                if options.iter().filter(|option| chosen.contains(option)).count() != chosen.len() {
                    return Err(EncodeError::NotInAssessment);
                }
                for option in options {
                    out.flag(chosen.contains(option));
                }
            }
            (Item::Statement { .. }, Response::Declined) => out.bits(0, LIKERT_BITS),
            (Item::Statement { .. }, Response::Likert(value)) => out.bits(u64::from(value.get()), LIKERT_BITS),
            (Item::Knowledge { .. }, Response::Likert(_)) | (Item::Statement { .. }, Response::Chose(_)) => {
                return Err(EncodeError::NotInAssessment);
            }
        }
    }
    let bytes = seal(Kind::Record, out.finish());
    if bytes.len() > MAX_BYTES {
        return Err(EncodeError::TooLarge { bytes: bytes.len() });
    }
    Ok(bytes)
}

/// The record in a code made on `assessment`; see the module documentation for what is refused.
pub fn decode(assessment: &Assessment, bytes: &[u8]) -> Result<Record, DecodeError> {
    let body = open_as(Kind::Record, bytes)?;
    let mut input = BitReader::new(body);
    if input.bits(32)? != u64::from(fingerprint(assessment)) {
        return Err(DecodeError::OtherContent);
    }
    let study =
        digits::<{ StudyId::LEN }>(input.bits(STUDY_BITS)?).and_then(StudyId::from_values).ok_or(Malformed::StudyId)?;
    let code = digits::<{ Code::LEN }>(input.bits(CODE_BITS)?).and_then(Code::from_values).ok_or(Malformed::Code)?;
    let phase = if input.flag()? { Phase::Post } else { Phase::Pre };
    let form = if input.flag()? { Form::B } else { Form::A };
    let date = u32::try_from(input.bits(DAY_BITS)?).ok().and_then(date_of).ok_or(Malformed::Date)?;
    let locale = usize::try_from(input.bits(width_for(assessment.locales.len()))?)
        .ok()
        .and_then(|index| assessment.locales.get(index))
        .and_then(|tag| Locale::new(tag))
        .ok_or(Malformed::Locale)?;
    let content_version = input.varint()?;
    let items = items(assessment);
    let mut answered = Vec::with_capacity(items.len());
    for _ in &items {
        answered.push(input.flag()?);
    }
    let mut answers = BTreeMap::new();
    for (item, _) in items.iter().zip(answered).filter(|(_, answered)| *answered) {
        let version = input.varint()?;
        let response = match item {
            Item::Knowledge { options, .. } => {
                let mut chosen = Vec::new();
                for option in options {
                    if input.flag()? {
                        chosen.push(Id::new(option).map_err(|_| DecodeError::OtherContent)?);
                    }
                }
                if chosen.is_empty() { Response::Declined } else { Response::Chose(chosen.into_iter().collect()) }
            }
            Item::Statement { .. } => match input.bits(LIKERT_BITS)? {
                0 => Response::Declined,
                value => Response::Likert(u8::try_from(value).ok().and_then(Likert::new).ok_or(Malformed::Likert)?),
            },
        };
        let id = Id::new(item.id()).map_err(|_| DecodeError::OtherContent)?;
        answers.insert(id, Answer { version, response });
    }
    input.finish()?;
    let record = Record { study, code, phase, form, locale, content_version, date, answers };
    record.validate().map_err(|_| Malformed::Answers)?;
    Ok(record)
}

/// The values as one base-23 number, first value most significant.
fn base23(values: &[u8]) -> u64 {
    values.iter().fold(0, |number, &value| number * 23 + u64::from(value))
}

/// The `N` base-23 digits of `number`; `None` if it has more.
fn digits<const N: usize>(mut number: u64) -> Option<[u8; N]> {
    let mut values = [0u8; N];
    for value in values.iter_mut().rev() {
        *value = (number % 23) as u8;
        number /= 23;
    }
    (number == 0).then_some(values)
}

/// Days from 1000-01-01 (day 0) to `date` (Hinnant's `days_from_civil`).
fn day_number(date: Date) -> u32 {
    let (month, day) = (u32::from(date.month()), u32::from(date.day()));
    let year = u32::from(date.year()) - u32::from(month <= 2);
    let era = year / 400;
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - FIRST_DAY
}

/// [`day_number`] of 1000-01-01 counted from 0000-03-01, the start of Hinnant's eras.
const FIRST_DAY: u32 = 365_183;

/// The date `number` days after 1000-01-01, if a [`Date`] can be that day (Hinnant's
/// `civil_from_days`).
fn date_of(number: u32) -> Option<Date> {
    let days = number.checked_add(FIRST_DAY)?;
    let era = days / 146_097;
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    let year = year_of_era + era * 400 + u32::from(month <= 2);
    Date::new(u16::try_from(year).ok()?, month as u8, day as u8)
}

impl std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EncodeError::Invalid(problem) => write!(f, "the result is not valid: {problem}"),
            EncodeError::NotInAssessment => write!(f, "the result was taken on other questions than these"),
            EncodeError::TooLarge { bytes } => write!(f, "the result would take {bytes} bytes, more than a code holds"),
        }
    }
}

impl std::error::Error for EncodeError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_day_a_date_can_be_has_its_own_number_and_back() {
        let first = Date::new(1000, 1, 1).unwrap();
        let last = Date::new(9999, 12, 31).unwrap();
        assert_eq!(day_number(first), 0);
        assert_eq!(day_number(Date::new(1970, 1, 1).unwrap()), 354_285);
        assert!(day_number(last) < 1 << DAY_BITS);
        let mut previous = None;
        for number in 0..=day_number(last) {
            let date = date_of(number).unwrap_or_else(|| panic!("day {number}"));
            assert_eq!(day_number(date), number);
            if let Some(previous) = previous {
                assert!(date > previous);
            }
            previous = Some(date);
        }
        assert_eq!(date_of(day_number(last) + 1), None);
        assert_eq!(date_of((1 << DAY_BITS) - 1), None);
    }

    #[test]
    fn study_ids_and_codes_fill_their_bits_and_no_more() {
        assert!(base23(&[22; StudyId::LEN]) < 1 << STUDY_BITS);
        assert!(base23(&[22; StudyId::LEN]) >= 1 << (STUDY_BITS - 1));
        assert!(base23(&[22; Code::LEN]) < 1 << CODE_BITS);
        assert!(base23(&[22; Code::LEN]) >= 1 << (CODE_BITS - 1));
        assert_eq!(digits::<{ Code::LEN }>(base23(&[1, 2, 3, 4, 5, 22])), Some([1, 2, 3, 4, 5, 22]));
        assert_eq!(digits::<{ Code::LEN }>(base23(&[22; Code::LEN]) + 1), None);
    }
}
