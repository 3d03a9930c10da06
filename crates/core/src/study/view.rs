//! A record's answers seen without owning them: what scoring reads, whether the record is a
//! [`Record`] on this device or one being read from a results file ([`super::file::RecordRef`]),
//! so both are scored by the same code and a pooled report builds no `Record` at all.

use super::file::scan::Text;
use super::record::{Chosen, Id, Likert, Record, Response};

/// One answer: the item, the item version the student saw, and what they answered.
#[derive(Debug, Clone, Copy)]
pub struct AnswerRef<'r> {
    pub item: IdRef<'r>,
    pub version: u32,
    pub response: ResponseRef<'r>,
}

#[derive(Debug, Clone, Copy)]
pub enum ResponseRef<'r> {
    /// The options chosen, distinct.
    Chose(Options<'r>),
    Likert(Likert),
    Declined,
}

/// An item or option id as a view holds it: text that passed [`Id::check`], so ASCII, compared
/// as bytes (no UTF-8 check on the way, which a pooled report would pay a million times).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IdRef<'r>(&'r [u8]);

impl<'r> IdRef<'r> {
    pub fn as_bytes(self) -> &'r [u8] {
        self.0
    }

    pub fn as_str(self) -> &'r str {
        std::str::from_utf8(self.0).unwrap_or_default()
    }

    pub fn to_id(self) -> Id {
        Id::checked(self.as_str())
    }
}

/// The options of a choice.
#[derive(Debug, Clone, Copy)]
pub struct Options<'r>(Held<'r>);

#[derive(Debug, Clone, Copy)]
enum Held<'r> {
    Record(&'r Chosen),
    /// Text read from a file: in its bytes, or unescaped in the reader's buffer.
    Read {
        texts: &'r [Text],
        input: &'r [u8],
        buffer: &'r [u8],
    },
}

impl<'r> Options<'r> {
    pub(super) fn read(texts: &'r [Text], input: &'r [u8], buffer: &'r [u8]) -> Options<'r> {
        Options(Held::Read { texts, input, buffer })
    }

    pub fn len(&self) -> usize {
        match self.0 {
            Held::Record(options) => options.len(),
            Held::Read { texts, .. } => texts.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = IdRef<'r>> + 'r {
        let (held, read) = match self.0 {
            Held::Record(options) => (Some(options.iter().map(|id| IdRef(id.as_bytes()))), None),
            Held::Read { texts, input, buffer } => {
                (None, Some(texts.iter().map(move |&text| IdRef(bytes_of(text, input, buffer)))))
            }
        };
        held.into_iter().flatten().chain(read.into_iter().flatten())
    }
}

/// The bytes of a string read from a file.
#[inline]
pub(super) fn bytes_of<'r>(text: Text, input: &'r [u8], buffer: &'r [u8]) -> &'r [u8] {
    let bytes = if text.unescaped { buffer } else { input };
    bytes.get(text.start as usize..text.end as usize).unwrap_or_default()
}

/// The text of a string read from a file (always valid UTF-8: it was checked when read).
pub(super) fn text_of<'r>(text: Text, input: &'r [u8], buffer: &'r [u8]) -> &'r str {
    std::str::from_utf8(bytes_of(text, input, buffer)).unwrap_or_default()
}

/// An answer's id as read: checked on reading.
pub(super) fn id_ref(bytes: &[u8]) -> IdRef<'_> {
    IdRef(bytes)
}

impl Record {
    /// The answers as scoring reads them, in item order.
    pub fn answer_refs(&self) -> impl Iterator<Item = AnswerRef<'_>> {
        self.answers.iter().map(|(item, answer)| AnswerRef {
            item: IdRef(item.as_str().as_bytes()),
            version: answer.version,
            response: match &answer.response {
                Response::Chose(options) => ResponseRef::Chose(Options(Held::Record(options))),
                Response::Likert(value) => ResponseRef::Likert(*value),
                Response::Declined => ResponseRef::Declined,
            },
        })
    }
}
