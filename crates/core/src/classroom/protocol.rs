//! The messages between a session's windows on one device (the presenter's and the audience's),
//! sent as JSON text over a `BroadcastChannel` named [`CHANNEL`].
//!
//! Every message is one JSON object with `"aware": 1` (the protocol version), a `"type"`, the
//! session it is about and the window that sent it:
//!
//! | type | fields | meaning |
//! |---|---|---|
//! | `hello` | `session`, `from`, `role` | a window opened (or still has no state): send me the session |
//! | `state` | `session`, `from`, `role`, `writer`, `state` | the whole session as `writer` last changed it |
//! | `alive` | `session`, `from`, `role`, `revision` | a heartbeat, with the revision the sender holds |
//! | `bye` | `session`, `from` | the window is closing |
//!
//! `session` is the session id (16 hex digits), `from` and `writer` window ids (16 hex digits,
//! random per window, never stored), `role` is `presenter` or `audience`, `revision` a number,
//! and `state` a session in the shape of [`super::codec`] (with its undo histories).
//!
//! [`Message::decode`] refuses, without panicking, anything that is not exactly this: text over
//! [`MAX_MESSAGE_BYTES`], not JSON, not an object, without `aware` (another app's message on
//! the channel: [`MessageError::NotOurs`]), another protocol version, an unknown type, a field
//! missing, unknown or out of its limits. A later protocol raises `aware`; a window then
//! ignores what it cannot read, and each window still works on its own.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::codec::SessionV1;
use super::session::{Session, SessionId};

/// The `BroadcastChannel`'s name. One channel for every session: messages name theirs.
pub const CHANNEL: &str = "aware.classroom";
pub const PROTOCOL_VERSION: u64 = 1;
/// Far more than a session with every poll's undo history.
pub const MAX_MESSAGE_BYTES: usize = 256 * 1024;

/// One window of a session, random per window (`crypto.getRandomValues`), never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WindowId(u64);

impl WindowId {
    pub fn from_random(bytes: [u8; 8]) -> WindowId {
        WindowId(u64::from_le_bytes(bytes))
    }

    fn parse(text: &str) -> Option<WindowId> {
        let hex = text.len() == 16 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        hex.then(|| u64::from_str_radix(text, 16).ok()).flatten().map(WindowId)
    }
}

impl fmt::Display for WindowId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// What a window shows: the presenter's view (notes, next screen, controls) on the teacher's
/// screen, or the audience's on the projector. Both take the same actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Presenter,
    Audience,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Presenter => "presenter",
            Role::Audience => "audience",
        }
    }

    fn parse(text: &str) -> Option<Role> {
        [Role::Presenter, Role::Audience].into_iter().find(|role| role.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Hello { session: SessionId, from: WindowId, role: Role },
    State { session: SessionId, from: WindowId, role: Role, writer: WindowId, state: Box<Session> },
    Alive { session: SessionId, from: WindowId, role: Role, revision: u64 },
    Bye { session: SessionId, from: WindowId },
}

/// Why a message was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MessageError {
    TooLarge,
    /// Not a JSON object.
    NotJson,
    /// A JSON object without `aware`: not a message of this app.
    NotOurs,
    /// Another version of this protocol.
    Version(u64),
    UnknownType(String),
    /// A field missing, unknown, of the wrong type or out of its limits.
    Malformed(String),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HelloV1 {
    aware: u64,
    #[serde(rename = "type")]
    kind: String,
    session: String,
    from: String,
    role: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateV1 {
    aware: u64,
    #[serde(rename = "type")]
    kind: String,
    session: String,
    from: String,
    role: String,
    writer: String,
    state: SessionV1,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AliveV1 {
    aware: u64,
    #[serde(rename = "type")]
    kind: String,
    session: String,
    from: String,
    role: String,
    revision: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ByeV1 {
    aware: u64,
    #[serde(rename = "type")]
    kind: String,
    session: String,
    from: String,
}

impl Message {
    pub fn session(&self) -> SessionId {
        match self {
            Message::Hello { session, .. }
            | Message::State { session, .. }
            | Message::Alive { session, .. }
            | Message::Bye { session, .. } => *session,
        }
    }

    pub fn from(&self) -> WindowId {
        match self {
            Message::Hello { from, .. }
            | Message::State { from, .. }
            | Message::Alive { from, .. }
            | Message::Bye { from, .. } => *from,
        }
    }

    /// The text to post on the channel.
    pub fn encode(&self) -> String {
        let aware = PROTOCOL_VERSION;
        let text = |kind: &str| kind.to_owned();
        let value = match self {
            Message::Hello { session, from, role } => serde_json::to_value(HelloV1 {
                aware,
                kind: text("hello"),
                session: session.to_string(),
                from: from.to_string(),
                role: role.as_str().to_owned(),
            }),
            Message::State { session, from, role, writer, state } => serde_json::to_value(StateV1 {
                aware,
                kind: text("state"),
                session: session.to_string(),
                from: from.to_string(),
                role: role.as_str().to_owned(),
                writer: writer.to_string(),
                state: SessionV1::of(state, true),
            }),
            Message::Alive { session, from, role, revision } => serde_json::to_value(AliveV1 {
                aware,
                kind: text("alive"),
                session: session.to_string(),
                from: from.to_string(),
                role: role.as_str().to_owned(),
                revision: *revision,
            }),
            Message::Bye { session, from } => serde_json::to_value(ByeV1 {
                aware,
                kind: text("bye"),
                session: session.to_string(),
                from: from.to_string(),
            }),
        };
        value.map(|value| value.to_string()).expect("strings and numbers always serialise")
    }

    /// Reads a message of any content without panicking; see the module documentation.
    pub fn decode(text: &str) -> Result<Message, MessageError> {
        if text.len() > MAX_MESSAGE_BYTES {
            return Err(MessageError::TooLarge);
        }
        let value: Value = serde_json::from_str(text).map_err(|_| MessageError::NotJson)?;
        let object = value.as_object().ok_or(MessageError::NotJson)?;
        let version = object.get("aware").ok_or(MessageError::NotOurs)?;
        let version = version.as_u64().ok_or_else(|| MessageError::Malformed("aware".into()))?;
        if version != PROTOCOL_VERSION {
            return Err(MessageError::Version(version));
        }
        let kind = object.get("type").and_then(Value::as_str).ok_or_else(|| MessageError::Malformed("type".into()))?;
        let malformed = |error: serde_json::Error| MessageError::Malformed(error.to_string());
        let session = |text: &str| SessionId::parse(text).ok_or_else(|| MessageError::Malformed("session".into()));
        let window = |text: &str| WindowId::parse(text).ok_or_else(|| MessageError::Malformed("window".into()));
        let role = |text: &str| Role::parse(text).ok_or_else(|| MessageError::Malformed("role".into()));
        match kind {
            "hello" => {
                let message: HelloV1 = serde_json::from_value(value).map_err(malformed)?;
                Ok(Message::Hello {
                    session: session(&message.session)?,
                    from: window(&message.from)?,
                    role: role(&message.role)?,
                })
            }
            "state" => {
                let message: StateV1 = serde_json::from_value(value).map_err(malformed)?;
                let id = session(&message.session)?;
                if message.state.id() != message.session {
                    return Err(MessageError::Malformed("state of another session".into()));
                }
                let state = message.state.into_session().map_err(MessageError::Malformed)?;
                Ok(Message::State {
                    session: id,
                    from: window(&message.from)?,
                    role: role(&message.role)?,
                    writer: window(&message.writer)?,
                    state: Box::new(state),
                })
            }
            "alive" => {
                let message: AliveV1 = serde_json::from_value(value).map_err(malformed)?;
                Ok(Message::Alive {
                    session: session(&message.session)?,
                    from: window(&message.from)?,
                    role: role(&message.role)?,
                    revision: message.revision,
                })
            }
            "bye" => {
                let message: ByeV1 = serde_json::from_value(value).map_err(malformed)?;
                Ok(Message::Bye { session: session(&message.session)?, from: window(&message.from)? })
            }
            other => Err(MessageError::UnknownType(other.chars().take(40).collect())),
        }
    }
}

impl fmt::Display for MessageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MessageError::TooLarge => write!(f, "longer than {MAX_MESSAGE_BYTES} bytes"),
            MessageError::NotJson => write!(f, "not a JSON object"),
            MessageError::NotOurs => write!(f, "not an Aware message"),
            MessageError::Version(version) => write!(f, "protocol version {version}"),
            MessageError::UnknownType(kind) => write!(f, "unknown type {kind:?}"),
            MessageError::Malformed(detail) => write!(f, "malformed ({detail})"),
        }
    }
}
