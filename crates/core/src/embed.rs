//! The embed protocol: the messages an embedded quiz (the child, in an `<iframe>`) and the
//! campaign page around it (the parent, through `embed.js`) send each other with `postMessage`.
//!
//! Every message is a small JSON object `{ "aware": 1, "type": …, … }`: namespaced (`aware`, so a
//! page that also embeds other widgets can tell them apart) and versioned (the value of `aware`).
//!
//! - parent → child: `hello`, how the parent introduces itself. The child answers only a `hello`
//!   whose `event.origin` is listed in `deployment.toml`'s `embed_origins` ([`is_allowed`]), and
//!   sends nothing at all before one ([`ParentLink`]). It answers every accepted `hello` with
//!   `ready`, so a parent may repeat `hello` until the child has loaded.
//! - child → parent: `ready`, `resize {height}`, `started {lesson}`,
//!   `answered {lesson, item, correct}` (a student's first check of an item in this attempt),
//!   `completed {lesson, score, max}` (`score`: items right on the first try, out of `max`).
//!
//! Nothing in a message can follow a person: the types hold content ids (a short slug alphabet,
//! [`ContentId`]), a bounded height, a yes/no and a bounded score. There is no field for an
//! identifier, a code, a time or free text, and the decoder refuses any field it does not know,
//! any id outside the content alphabet, any number out of range and anything longer than
//! [`MAX_MESSAGE_BYTES`]. Decoding never panics (fuzzed: `fuzz/fuzz_targets/embed_message.rs`).
//!
//! The app's side: [`Channel`] holds what waits for the parent's `hello`, and [`Reporter`] turns
//! changes of the student's progress into the events (and xAPI statements) of an attempt.

mod channel;
mod report;

pub use channel::{Channel, WAITING};
pub use report::{Report, Reporter};

use serde::{Deserialize, Serialize};

use crate::content::{ContentId, Lesson, QuizItem};
use crate::deployment::Origin;
use crate::quiz::{Score, Summary};

/// The protocol version: the value of every message's `aware` field.
pub const PROTOCOL: u8 = 1;

/// The longest message text accepted. The longest valid message (`answered` with two ids of
/// the maximum length) is about 150 bytes.
pub const MAX_MESSAGE_BYTES: usize = 256;

/// What the embedded quiz tells the page around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChildMessage {
    /// The quiz has loaded and heard the parent's `hello`.
    Ready,
    /// The content's height changed: the parent sets the iframe's height to it.
    Resize { height: Height },
    /// A student started the lesson's quiz.
    Started { lesson: ContentId },
    /// A student checked an item for the first time in this attempt.
    Answered { lesson: ContentId, item: ContentId, correct: bool },
    /// A student finished the quiz.
    Completed { lesson: ContentId, score: Score },
}

/// What the page around the quiz tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParentMessage {
    /// The parent introduces itself; the child learns the parent's origin from the event.
    Hello,
}

/// A content height in CSS pixels, within [`Height::MIN`]..=[`Height::MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Height(u16);

/// Why a message was refused. The app drops refused messages silently; the reason is for tests
/// and debugging.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Longer than [`MAX_MESSAGE_BYTES`].
    TooLong,
    /// Not a JSON object of the protocol's fields and types (including unknown or repeated
    /// fields, ids outside the content alphabet and unknown types).
    Malformed,
    /// `aware` is missing or is not [`PROTOCOL`].
    WrongVersion,
    /// A known type sent in the wrong direction (a `hello` from the child, a `ready` from the
    /// parent).
    WrongDirection,
    /// A field of another type is present, or one of this type is missing.
    WrongFields,
    /// A height or a score outside its range.
    OutOfRange,
    /// From an origin that is not listed, or not the parent already introduced.
    Origin,
}

impl Height {
    /// Smaller would hide the quiz; a parent must never be made to shrink the frame to nothing.
    pub const MIN: u16 = 100;
    /// Larger than any quiz screen on the narrowest phone; bounds what a page must accept.
    pub const MAX: u16 = 20_000;

    pub fn new(pixels: u32) -> Option<Height> {
        u16::try_from(pixels).ok().filter(|p| (Height::MIN..=Height::MAX).contains(p)).map(Height)
    }

    /// From a measured height (a `ResizeObserver`'s fractional pixels): rounded up so nothing is
    /// cut off, and clamped into range (`NaN` counts as the minimum).
    pub fn from_measured(pixels: f64) -> Height {
        let clamped = pixels.ceil().clamp(f64::from(Height::MIN), f64::from(Height::MAX));
        Height(if clamped.is_nan() { Height::MIN } else { clamped as u16 })
    }

    pub fn pixels(self) -> u16 {
        self.0
    }
}

impl ChildMessage {
    /// `None` only if the lesson's id is not a content id, which compiled content rules out.
    pub fn started(lesson: &Lesson) -> Option<ChildMessage> {
        Some(ChildMessage::Started { lesson: ContentId::parse(&lesson.id).ok()? })
    }

    pub fn answered(lesson: &Lesson, item: &QuizItem, correct: bool) -> Option<ChildMessage> {
        Some(ChildMessage::Answered {
            lesson: ContentId::parse(&lesson.id).ok()?,
            item: ContentId::parse(&item.id).ok()?,
            correct,
        })
    }

    pub fn completed(lesson: &Lesson, summary: &Summary) -> Option<ChildMessage> {
        Some(ChildMessage::Completed { lesson: ContentId::parse(&lesson.id).ok()?, score: Score::of(summary)? })
    }

    /// The message as JSON text (the app posts it as an object: `JSON.parse` of this text).
    pub fn encode(&self) -> String {
        let mut wire = Wire::of(Kind::Ready);
        match self {
            ChildMessage::Ready => {}
            ChildMessage::Resize { height } => {
                wire.kind = Kind::Resize;
                wire.height = Some(u32::from(height.0));
            }
            ChildMessage::Started { lesson } => {
                wire.kind = Kind::Started;
                wire.lesson = Some(lesson.clone());
            }
            ChildMessage::Answered { lesson, item, correct } => {
                wire.kind = Kind::Answered;
                wire.lesson = Some(lesson.clone());
                wire.item = Some(item.clone());
                wire.correct = Some(*correct);
            }
            ChildMessage::Completed { lesson, score } => {
                wire.kind = Kind::Completed;
                wire.lesson = Some(lesson.clone());
                wire.score = Some(u32::from(score.correct()));
                wire.max = Some(u32::from(score.max()));
            }
        }
        wire.encode()
    }

    /// Reads a message from the child (what `embed.js` does, and the tests).
    pub fn decode(text: &str) -> Result<ChildMessage, Refusal> {
        let Wire { kind, height, lesson, item, correct, score, max, aware: _ } = Wire::decode(text)?;
        let narrow = |n: u32| u16::try_from(n).ok();
        Ok(match (kind, height, lesson, item, correct, score, max) {
            (Kind::Ready, None, None, None, None, None, None) => ChildMessage::Ready,
            (Kind::Resize, Some(height), None, None, None, None, None) => {
                ChildMessage::Resize { height: Height::new(height).ok_or(Refusal::OutOfRange)? }
            }
            (Kind::Started, None, Some(lesson), None, None, None, None) => ChildMessage::Started { lesson },
            (Kind::Answered, None, Some(lesson), Some(item), Some(correct), None, None) => {
                ChildMessage::Answered { lesson, item, correct }
            }
            (Kind::Completed, None, Some(lesson), None, None, Some(score), Some(max)) => {
                let score = narrow(score).zip(narrow(max)).and_then(|(correct, max)| Score::new(correct, max));
                ChildMessage::Completed { lesson, score: score.ok_or(Refusal::OutOfRange)? }
            }
            (Kind::Hello, ..) => return Err(Refusal::WrongDirection),
            _ => return Err(Refusal::WrongFields),
        })
    }
}

impl ParentMessage {
    pub fn encode(self) -> String {
        match self {
            ParentMessage::Hello => Wire::of(Kind::Hello).encode(),
        }
    }

    /// Reads a message from the parent (what the embedded quiz does).
    pub fn decode(text: &str) -> Result<ParentMessage, Refusal> {
        let wire = Wire::decode(text)?;
        let bare = wire.height.is_none()
            && wire.lesson.is_none()
            && wire.item.is_none()
            && wire.correct.is_none()
            && wire.score.is_none()
            && wire.max.is_none();
        match wire.kind {
            Kind::Hello if bare => Ok(ParentMessage::Hello),
            Kind::Hello => Err(Refusal::WrongFields),
            _ => Err(Refusal::WrongDirection),
        }
    }
}

/// Whether a message event's `origin` is one of the embedding sites. Exact comparison: a prefix,
/// suffix or pattern match would accept look-alikes (`https://campaign.org.evil.example`).
/// Browsers write `event.origin` in lower case without a default port, like [`Origin::parse`]
/// requires, and an opaque origin as `"null"`, which no listed origin equals.
pub fn is_allowed(origin: &str, allowed: &[Origin]) -> bool {
    allowed.iter().any(|listed| listed.as_str() == origin)
}

/// The embedded quiz's side of the introduction: whom it may talk to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParentLink {
    parent: Option<Origin>,
}

impl ParentLink {
    pub fn new() -> ParentLink {
        ParentLink::default()
    }

    /// A message event from `window.parent` (the app checks `event.source` itself): its origin
    /// and its data as JSON text. `Ok` means "answer with `ready`", to [`ParentLink::parent`].
    /// Once introduced, the link stays with that origin: a `hello` from another is refused.
    pub fn hear(&mut self, origin: &str, data: &str, allowed: &[Origin]) -> Result<ParentMessage, Refusal> {
        let listed = allowed.iter().find(|listed| listed.as_str() == origin).ok_or(Refusal::Origin)?;
        if self.parent.as_ref().is_some_and(|parent| parent != listed) {
            return Err(Refusal::Origin);
        }
        let message = ParentMessage::decode(data)?;
        self.parent = Some(listed.clone());
        Ok(message)
    }

    /// The only origin the child may post to (the `targetOrigin` of every `postMessage`);
    /// `None` until a listed parent has said `hello`: then the child sends nothing.
    pub fn parent(&self) -> Option<&Origin> {
        self.parent.as_ref()
    }
}

/// The wire form of every message, both directions: unknown fields are refused by serde, and
/// which fields each type needs is checked after.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    aware: u8,
    #[serde(rename = "type")]
    kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    height: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lesson: Option<ContentId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    item: Option<ContentId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    correct: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    score: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Kind {
    Hello,
    Ready,
    Resize,
    Started,
    Answered,
    Completed,
}

impl Wire {
    fn of(kind: Kind) -> Wire {
        Wire { aware: PROTOCOL, kind, height: None, lesson: None, item: None, correct: None, score: None, max: None }
    }

    fn encode(&self) -> String {
        serde_json::to_string(self).expect("a message of numbers, ids and booleans always serialises")
    }

    fn decode(text: &str) -> Result<Wire, Refusal> {
        /// Read first, so that a message of another version is told apart from a malformed one.
        #[derive(Deserialize)]
        struct Version {
            aware: Option<u64>,
        }
        if text.len() > MAX_MESSAGE_BYTES {
            return Err(Refusal::TooLong);
        }
        let version: Version = serde_json::from_str(text).map_err(|_| Refusal::Malformed)?;
        if version.aware != Some(u64::from(PROTOCOL)) {
            return Err(Refusal::WrongVersion);
        }
        serde_json::from_str(text).map_err(|_| Refusal::Malformed)
    }
}

#[cfg(test)]
mod tests;
