//! The sessions a teacher's device keeps (`aware.sessions`, or sealed to the teacher's key).
//!
//! A session is saved again and again while it runs (at each checkpoint); the copy with the
//! higher [`Session::revision`] is the later one. Two tabs' lists merge as a union by session
//! id, the later copy of each; a session deleted in one tab stays deleted unless the other tab
//! changed it since (it is still being presented there). Undo histories are never stored.
//!
//! Version 1: `{"format":"aware-sessions","version":1,"sessions":[S, …]}`, newest first, each
//! `S` a session as [`super::codec`] writes it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::codec::SessionV1;
use super::session::{Session, SessionId};

pub const SESSIONS_FORMAT: &str = "aware-sessions";
pub const SESSIONS_VERSION: u64 = 1;
/// A session is a few kilobytes: this holds hundreds, and stays well inside storage quotas.
pub const MAX_SESSIONS_BYTES: usize = 2 * 1024 * 1024;
/// More lessons than a teacher presents in years on one device.
pub const MAX_SESSIONS: usize = 500;

/// The sessions kept on a device, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClassSessions {
    sessions: Vec<Session>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionsDecodeError {
    TooLarge,
    Malformed(String),
    UnsupportedVersion(u64),
    TooMany,
}

/// What [`ClassSessions::keep`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    Added,
    /// A held copy was replaced by this later one.
    Updated,
    /// The same copy was held already.
    AlreadyHeld,
    /// A later copy (revision `held`) is kept; this one was not.
    Stale {
        held: u64,
    },
    /// [`MAX_SESSIONS`] are held already.
    Full,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SessionsV1 {
    format: String,
    version: u64,
    sessions: Vec<SessionV1>,
}

impl ClassSessions {
    pub fn new(sessions: Vec<Session>) -> ClassSessions {
        let mut held = ClassSessions::default();
        for session in sessions.into_iter().rev() {
            held.keep(&session);
        }
        held
    }

    pub fn sessions(&self) -> &[Session] {
        &self.sessions
    }

    pub fn find(&self, id: SessionId) -> Option<&Session> {
        self.sessions.iter().find(|session| session.id() == id)
    }

    pub fn len(&self) -> usize {
        self.sessions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sessions.is_empty()
    }

    /// Keeps `session` (without its undo history) unless a later copy is held; a new session
    /// goes first.
    pub fn keep(&mut self, session: &Session) -> Kept {
        let session = session.without_history();
        let full = self.sessions.len() >= MAX_SESSIONS;
        match self.sessions.iter_mut().find(|held| held.id() == session.id()) {
            Some(held) if *held == session => Kept::AlreadyHeld,
            Some(held) if held.revision() >= session.revision() => Kept::Stale { held: held.revision() },
            Some(held) => {
                *held = session;
                Kept::Updated
            }
            None if full => Kept::Full,
            None => {
                self.sessions.insert(0, session);
                Kept::Added
            }
        }
    }

    pub fn remove(&mut self, id: SessionId) -> bool {
        let before = self.sessions.len();
        self.sessions.retain(|session| session.id() != id);
        self.sessions.len() != before
    }

    /// What both tabs hold, the later copy of each session; see the module documentation.
    /// `None` when the union would hold more than [`MAX_SESSIONS`].
    pub fn merge(base: &ClassSessions, ours: &ClassSessions, theirs: &ClassSessions) -> Option<ClassSessions> {
        let in_base: BTreeMap<SessionId, &Session> = base.sessions.iter().map(|s| (s.id(), s)).collect();
        let in_ours: BTreeMap<SessionId, &Session> = ours.sessions.iter().map(|s| (s.id(), s)).collect();
        let deleted_by_us = |session: &Session| {
            in_base.get(&session.id()).is_some_and(|base| base.revision() >= session.revision())
                && !in_ours.contains_key(&session.id())
        };
        let mut merged = ClassSessions {
            sessions: theirs.sessions.iter().filter(|session| !deleted_by_us(session)).cloned().collect(),
        };
        let changed_by_us = ours.sessions.iter().filter(|session| in_base.get(&session.id()) != Some(session));
        let mut new = Vec::new();
        for session in changed_by_us {
            match merged.sessions.iter_mut().find(|held| held.id() == session.id()) {
                Some(held) if held.revision() < session.revision() => *held = session.clone(),
                Some(_) => {}
                None => new.push(session.clone()),
            }
        }
        new.append(&mut merged.sessions);
        merged.sessions = new;
        (merged.sessions.len() <= MAX_SESSIONS).then_some(merged)
    }

    pub fn encode(&self) -> String {
        let document = SessionsV1 {
            format: SESSIONS_FORMAT.to_owned(),
            version: SESSIONS_VERSION,
            sessions: self.sessions.iter().map(|session| SessionV1::of(session, false)).collect(),
        };
        serde_json::to_string(&document).expect("strings and numbers always serialise")
    }

    /// Reads a sessions document of any content without panicking.
    pub fn decode(text: &str) -> Result<ClassSessions, SessionsDecodeError> {
        #[derive(Deserialize)]
        struct Header {
            format: String,
            version: u64,
        }
        if text.len() > MAX_SESSIONS_BYTES {
            return Err(SessionsDecodeError::TooLarge);
        }
        let header: Header = serde_json::from_str(text).map_err(|e| SessionsDecodeError::Malformed(e.to_string()))?;
        if header.format != SESSIONS_FORMAT {
            let format: String = header.format.chars().take(40).collect();
            return Err(SessionsDecodeError::Malformed(format!("format {format:?}")));
        }
        if header.version != SESSIONS_VERSION {
            return Err(SessionsDecodeError::UnsupportedVersion(header.version));
        }
        let document: SessionsV1 =
            serde_json::from_str(text).map_err(|e| SessionsDecodeError::Malformed(e.to_string()))?;
        if document.sessions.len() > MAX_SESSIONS {
            return Err(SessionsDecodeError::TooMany);
        }
        let mut sessions: Vec<Session> = Vec::with_capacity(document.sessions.len());
        for (index, session) in document.sessions.into_iter().enumerate() {
            let problem = |why: String| SessionsDecodeError::Malformed(format!("session {}: {why}", index + 1));
            let session = session.into_session().map_err(problem)?;
            if sessions.iter().any(|held| held.id() == session.id()) {
                return Err(problem("listed twice".to_owned()));
            }
            sessions.push(session);
        }
        Ok(ClassSessions { sessions })
    }
}

impl std::fmt::Display for SessionsDecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionsDecodeError::TooLarge => write!(f, "it is too large"),
            SessionsDecodeError::Malformed(detail) => write!(f, "it is damaged ({detail})"),
            SessionsDecodeError::UnsupportedVersion(found) => {
                write!(f, "it has version {found}, which this app cannot read")
            }
            SessionsDecodeError::TooMany => write!(f, "it lists more than {MAX_SESSIONS} sessions"),
        }
    }
}
