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

/// A message: which session it is about, which window sent it, and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub session: SessionId,
    pub from: WindowId,
    pub body: Body,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Hello { role: Role },
    State { role: Role, writer: WindowId, state: Box<Session> },
    Alive { role: Role, revision: u64 },
    Bye,
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

/// Every message of version 1; which optional fields a type has is checked on reading.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MessageV1 {
    aware: u64,
    #[serde(rename = "type")]
    kind: String,
    session: String,
    from: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    writer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    revision: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    state: Option<SessionV1>,
}

const TYPES: [&str; 4] = ["hello", "state", "alive", "bye"];

impl Message {
    /// The text to post on the channel.
    pub fn encode(&self) -> String {
        let role = |role: &Role| Some(role.as_str().to_owned());
        let (kind, role, writer, revision, state) = match &self.body {
            Body::Hello { role: r } => ("hello", role(r), None, None, None),
            Body::State { role: r, writer, state } => {
                ("state", role(r), Some(writer.to_string()), None, Some(SessionV1::of(state, true)))
            }
            Body::Alive { role: r, revision } => ("alive", role(r), None, Some(*revision), None),
            Body::Bye => ("bye", None, None, None, None),
        };
        let message = MessageV1 {
            aware: PROTOCOL_VERSION,
            kind: kind.to_owned(),
            session: self.session.to_string(),
            from: self.from.to_string(),
            role,
            writer,
            revision,
            state,
        };
        serde_json::to_string(&message).expect("strings and numbers always serialise")
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
        if !TYPES.contains(&kind) {
            return Err(MessageError::UnknownType(kind.chars().take(40).collect()));
        }
        let message: MessageV1 =
            serde_json::from_value(value).map_err(|error| MessageError::Malformed(error.to_string()))?;
        let malformed = |what: &str| MessageError::Malformed(what.to_owned());
        let session = SessionId::parse(&message.session).ok_or_else(|| malformed("session"))?;
        let from = WindowId::parse(&message.from).ok_or_else(|| malformed("from"))?;
        let role = |text: &str| Role::parse(text).ok_or_else(|| malformed("role"));
        let body = match (message.kind.as_str(), message.role, message.writer, message.revision, message.state) {
            ("hello", Some(r), None, None, None) => Body::Hello { role: role(&r)? },
            ("state", Some(r), Some(writer), None, Some(state)) => {
                if state.id() != message.session {
                    return Err(malformed("state of another session"));
                }
                Body::State {
                    role: role(&r)?,
                    writer: WindowId::parse(&writer).ok_or_else(|| malformed("writer"))?,
                    state: Box::new(state.into_session().map_err(MessageError::Malformed)?),
                }
            }
            ("alive", Some(r), None, Some(revision), None) => Body::Alive { role: role(&r)?, revision },
            ("bye", None, None, None, None) => Body::Bye,
            (kind, ..) => return Err(malformed(&format!("the fields of a {kind}"))),
        };
        Ok(Message { session, from, body })
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
