//! One attempt at a pre- or post-test, as kept on the student's device and in results files.
//!
//! A record holds what the analysis needs and nothing that could point at a person: no name, no
//! free text, no time of day, no device or browser data. The date is a calendar day only ([`Date`]
//! has no field a time could go in), because in a classroom the minute a test was handed in tells
//! the teacher who handed it in.
//!
//! Every leaf is a validated type ([`Id`], [`Locale`], [`Date`], [`Likert`], codes), so a record
//! cannot hold a malformed value; [`Record::validate`] adds the rules about counts.

use std::collections::BTreeMap;
use std::fmt;

use unic_langid::LanguageIdentifier;

use super::code::{Code, ParseError, StudyId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub study: StudyId,
    pub code: Code,
    pub phase: Phase,
    pub form: Form,
    /// The language the student took the test in (item wording differs between languages).
    pub locale: Locale,
    /// The version of the test content as a whole.
    pub content_version: u32,
    pub date: Date,
    /// Item id → answer. An item the student did not reach is absent.
    pub answers: BTreeMap<Id, Answer>,
}

/// What identifies a record: one participant's attempt at one form in one phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordKey {
    pub study: StudyId,
    pub code: Code,
    pub phase: Phase,
    pub form: Form,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    Pre,
    Post,
}

/// Parallel forms of the test, so the post-test need not repeat the pre-test's exact items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Form {
    A,
    B,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The version of the item the student saw; an edited item is a different measurement.
    pub version: u32,
    pub response: Response,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// The options chosen (one for single choice and true/false, one or more for "select all").
    Chose(Chosen),
    Likert(Likert),
    /// The student chose "prefer not to answer", which every item offers.
    Declined,
}

/// A set of option ids, in id order, held as one `;`-joined text (an id has no `;`).
///
/// Compact on purpose: a `BTreeSet` allocates a whole tree node (about 280 bytes) for a single
/// option, which made a decoded results file five times its size. Here an answer costs the length
/// of its ids; see the memory rule in `json.rs`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Chosen(Box<str>);

/// A point on a five-point agreement scale, 1 (strongly disagree) to 5 (strongly agree).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Likert(u8);

/// A calendar day. There is deliberately no time of day, time zone or timestamp constructor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// An item or option id: the content's id syntax (lower-case letters, digits and inner `-`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdError {
    Empty,
    TooLong {
        max: usize,
    },
    /// A character other than `a–z`, `0–9` and `-`, or `-` at either end.
    Syntax,
}

/// A language tag in canonical form (`mn`, `en`, `mn-Cyrl-MN`): a language, an optional script
/// and an optional region, nothing else (a variant like `en-boldbaat` could carry a word).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Locale(String);

/// Why a record is not valid. Text found in a file is quoted shortened, never in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// The structure is wrong (a field missing, unknown or of the wrong type), as the JSON reader says.
    Malformed {
        detail: String,
    },
    StudyId(ParseError),
    Code(ParseError),
    Phase {
        found: String,
    },
    Form {
        found: String,
    },
    Locale {
        found: String,
    },
    Date {
        found: String,
    },
    ItemId {
        found: String,
        problem: IdError,
    },
    OptionId {
        item: Id,
        found: String,
        problem: IdError,
    },
    Likert {
        item: Id,
        found: i64,
    },
    NoAnswers,
    TooManyAnswers {
        count: usize,
        max: usize,
    },
    ItemAnsweredTwice {
        item: Id,
    },
    /// The checks against the content ([`super::Vocabulary`]): a record may name only the
    /// languages, items and options the assessment defines.
    LocaleNotInContent {
        locale: Locale,
    },
    ItemNotInContent {
        item: Id,
    },
    OptionNotInContent {
        item: Id,
        option: String,
    },
    /// A scale value for a choice item, or options chosen for a statement.
    WrongKindOfAnswer {
        item: Id,
    },
    NothingChosen {
        item: Id,
    },
    OptionChosenTwice {
        item: Id,
        option: Id,
    },
    TooManyOptions {
        item: Id,
        count: usize,
        max: usize,
    },
}

impl Record {
    /// More items than any test a class sits through in one lesson.
    pub const MAX_ANSWERS: usize = 100;
    /// More options than any item has.
    pub const MAX_CHOSEN: usize = 16;

    pub fn key(&self) -> RecordKey {
        RecordKey { study: self.study, code: self.code, phase: self.phase, form: self.form }
    }

    /// The rules the types cannot express: at least one and at most [`Self::MAX_ANSWERS`]
    /// answers; a choice of at least one and at most [`Self::MAX_CHOSEN`] options.
    pub fn validate(&self) -> Result<(), RecordError> {
        if self.answers.is_empty() {
            return Err(RecordError::NoAnswers);
        }
        if self.answers.len() > Record::MAX_ANSWERS {
            return Err(RecordError::TooManyAnswers { count: self.answers.len(), max: Record::MAX_ANSWERS });
        }
        for (item, answer) in &self.answers {
            if let Response::Chose(options) = &answer.response {
                if options.is_empty() {
                    return Err(RecordError::NothingChosen { item: item.clone() });
                }
                if options.len() > Record::MAX_CHOSEN {
                    return Err(RecordError::TooManyOptions {
                        item: item.clone(),
                        count: options.len(),
                        max: Record::MAX_CHOSEN,
                    });
                }
            }
        }
        Ok(())
    }
}

impl Phase {
    pub const ALL: [Phase; 2] = [Phase::Pre, Phase::Post];

    /// The name in files and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Pre => "pre",
            Phase::Post => "post",
        }
    }

    pub fn parse(text: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|phase| phase.as_str() == text)
    }
}

impl Form {
    pub const ALL: [Form; 2] = [Form::A, Form::B];

    pub fn as_str(self) -> &'static str {
        match self {
            Form::A => "A",
            Form::B => "B",
        }
    }

    pub fn parse(text: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|form| form.as_str() == text)
    }
}

impl Likert {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    pub fn new(value: u8) -> Option<Likert> {
        (Likert::MIN..=Likert::MAX).contains(&value).then_some(Likert(value))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl Date {
    /// Four-digit years only. Old years are allowed: a device whose clock was reset still
    /// produces a usable record, and the date is informative only.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1000..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    /// Exactly `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = bytes.get(range)?;
            part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0, |n, &d| n * 10 + u16::from(d - b'0')))
        };
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        Date::new(digits(0..4)?, u8::try_from(digits(5..7)?).ok()?, u8::try_from(digits(8..10)?).ok()?)
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }
}

impl Id {
    pub const MAX_LEN: usize = 64;

    pub fn new(text: &str) -> Result<Id, IdError> {
        Id::check(text)?;
        Ok(Id(text.to_owned()))
    }

    /// An id from text that [`Self::check`] has accepted (a record's answers, read or held, are
    /// checked before anything reaches them). Text that is not an id becomes `invalid-id` rather
    /// than a panic.
    pub(crate) fn checked(text: &str) -> Id {
        match Id::check(text) {
            Ok(()) => Id(text.to_owned()),
            Err(_) => Id("invalid-id".to_owned()),
        }
    }

    /// Whether `text` is an id, without making one (for a reader that borrows its text).
    pub fn check(text: &str) -> Result<(), IdError> {
        Id::check_bytes(text.as_bytes())
    }

    /// [`Self::check`] of text still in bytes; an id is ASCII.
    pub fn check_bytes(bytes: &[u8]) -> Result<(), IdError> {
        if bytes.is_empty() {
            return Err(IdError::Empty);
        }
        if bytes.len() > Id::MAX_LEN {
            return Err(IdError::TooLong { max: Id::MAX_LEN });
        }
        let ok = bytes.iter().all(|&b| ID_BYTES[usize::from(b)]) && bytes[0] != b'-' && bytes[bytes.len() - 1] != b'-';
        if !ok {
            return Err(IdError::Syntax);
        }
        Ok(())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The bytes an id may hold: `a–z`, `0–9` and `-`.
const ID_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_lowercase() || (byte as u8).is_ascii_digit() || byte == b'-' as usize;
        byte += 1;
    }
    table
};

impl Locale {
    pub const MAX_LEN: usize = 35;

    /// A well-formed tag without variants, stored in canonical case (`en-us` becomes `en-US`).
    pub fn new(tag: &str) -> Option<Locale> {
        if tag.is_empty() || tag.len() > Locale::MAX_LEN {
            return None;
        }
        let langid = LanguageIdentifier::from_bytes(tag.as_bytes()).ok()?;
        if langid.variants().next().is_some() {
            return None;
        }
        Some(Locale(langid.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Chosen {
    /// The ids in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.split(';').filter(|id| !id.is_empty())
    }

    pub fn len(&self) -> usize {
        if self.0.is_empty() { 0 } else { self.0.bytes().filter(|&b| b == b';').count() + 1 }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.iter().any(|chosen| chosen == id)
    }
}

/// Like collecting into a set: in id order, each id once.
impl FromIterator<Id> for Chosen {
    fn from_iter<I: IntoIterator<Item = Id>>(ids: I) -> Chosen {
        let mut ids: Vec<Id> = ids.into_iter().collect();
        ids.sort_unstable();
        ids.dedup();
        Chosen(ids.iter().map(Id::as_str).collect::<Vec<_>>().join(";").into_boxed_str())
    }
}

impl<const N: usize> From<[Id; N]> for Chosen {
    fn from(ids: [Id; N]) -> Chosen {
        ids.into_iter().collect()
    }
}

impl fmt::Debug for Chosen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Ids compare as their text, so a map keyed by `Id` can be looked up with a `&str`.
impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdError::Empty => write!(f, "it is empty"),
            IdError::TooLong { max } => write!(f, "it is longer than {max} characters"),
            IdError::Syntax => write!(f, "it may use only a-z, 0-9 and '-' (not at the start or end)"),
        }
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Malformed { detail } => write!(f, "it is damaged ({detail})"),
            RecordError::StudyId(problem) => write!(f, "the study id is not valid: {problem}"),
            RecordError::Code(problem) => write!(f, "the participant code is not valid: {problem}"),
            RecordError::Phase { found } => write!(f, "the phase {found:?} is neither \"pre\" nor \"post\""),
            RecordError::Form { found } => write!(f, "the form {found:?} is neither \"A\" nor \"B\""),
            RecordError::Locale { found } => write!(f, "the language {found:?} is not a language tag"),
            RecordError::Date { found } => write!(f, "the date {found:?} is not a day written YYYY-MM-DD"),
            RecordError::ItemId { found, problem } => write!(f, "the item id {found:?} is not valid: {problem}"),
            RecordError::OptionId { item, found, problem } => {
                write!(f, "item {item}: the option id {found:?} is not valid: {problem}")
            }
            RecordError::Likert { item, found } => write!(f, "item {item}: {found} is not on the scale 1 to 5"),
            RecordError::NoAnswers => write!(f, "it holds no answers"),
            RecordError::TooManyAnswers { count, max } => {
                write!(f, "it holds {count} answers, at most {max} are allowed")
            }
            RecordError::ItemAnsweredTwice { item } => write!(f, "item {item} is answered twice"),
            RecordError::LocaleNotInContent { locale } => {
                write!(f, "the language {locale} is not one the assessment is written in")
            }
            RecordError::ItemNotInContent { item } => write!(f, "item {item} is not in the assessment"),
            RecordError::OptionNotInContent { item, option } => {
                write!(f, "item {item}: option {option:?} is not one of its options")
            }
            RecordError::WrongKindOfAnswer { item } => write!(f, "item {item}: the answer is of the wrong kind"),
            RecordError::NothingChosen { item } => write!(f, "item {item}: no option is chosen"),
            RecordError::OptionChosenTwice { item, option } => {
                write!(f, "item {item}: option {option} is listed twice")
            }
            RecordError::TooManyOptions { item, count, max } => {
                write!(f, "item {item}: {count} options chosen, at most {max} are allowed")
            }
        }
    }
}

impl std::error::Error for RecordError {}

/// Text from an untrusted file, cut to a length that fits in a message.
pub(crate) fn shorten(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    match text.char_indices().nth(MAX_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}
