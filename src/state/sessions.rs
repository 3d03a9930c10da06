//! The classroom sessions kept on the teacher's device, as the screens see them: the list
//! (newest first), saving one at a checkpoint, deleting one, and what to tell the teacher when
//! storage fails.
//!
//! Sessions live in the one device store (`state::device`), under its rules: on a device with a
//! teacher set up they are stored only sealed, like results and studies (the store shows the
//! sessions this tab saved while the area is locked to this tab alone), and the summary opens
//! behind the passphrase. This hook only reads the store's state and runs its sessions verbs.

use std::rc::Rc;

use aware_core::classroom::{ClassSessions, Session, SessionId};
use aware_core::store::{Kind, Notice};
use yew::prelude::*;

use super::device::use_device;

/// Why the sessions may not be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionsNotice {
    /// No storage, or it refused to read: sessions last for this visit only.
    Unavailable,
    /// A save failed (storage full?); the next checkpoint tries again.
    WriteFailed,
    /// What was stored could not be read: it was kept aside (or left as it was) and a new list begun.
    Unreadable,
    /// Stored by a newer version of Aware: left untouched; new sessions last for this visit.
    Newer,
}

impl SessionsNotice {
    /// The store's notice about sessions, if it is one.
    fn of(notice: &Notice) -> Option<SessionsNotice> {
        match notice {
            Notice::Blocked | Notice::MemoryOnly { kind: Kind::Sessions } => Some(SessionsNotice::Unavailable),
            Notice::WriteFailed { kind: Kind::Sessions, .. } => Some(SessionsNotice::WriteFailed),
            Notice::KeptAside { kind: Kind::Sessions, .. } | Notice::NotKeptAside { kind: Kind::Sessions } => {
                Some(SessionsNotice::Unreadable)
            }
            Notice::ReadOnly { kind: Kind::Sessions, .. } => Some(SessionsNotice::Newer),
            _ => None,
        }
    }
}

#[derive(Clone, PartialEq)]
pub struct SessionsContext {
    /// Every session shown, newest first.
    pub sessions: Rc<ClassSessions>,
    /// The latest problem with keeping them, until dismissed.
    pub notice: Option<SessionsNotice>,
    /// Keeps a session (at a checkpoint); a copy older than the one kept is ignored.
    pub save: Callback<Session>,
    pub delete: Callback<SessionId>,
    pub dismiss: Callback<()>,
}

impl SessionsContext {
    pub fn find(&self, id: SessionId) -> Option<&Session> {
        self.sessions.find(id)
    }
}

#[hook]
pub fn use_sessions() -> SessionsContext {
    let device = use_device();
    let state = &device.state;
    let latest = state.notices.iter().rev().find(|notice| SessionsNotice::of(notice).is_some()).cloned();
    let save = {
        let device = device.clone();
        Callback::from(move |session: Session| {
            device.act(|store| store.save_session(&session));
        })
    };
    let delete = {
        let device = device.clone();
        Callback::from(move |id: SessionId| {
            device.act(|store| store.delete_session(id));
        })
    };
    let dismiss = {
        let (device, latest) = (device.clone(), latest.clone());
        Callback::from(move |()| {
            if let Some(notice) = &latest {
                device.dismiss(notice);
            }
        })
    };
    SessionsContext {
        sessions: state.sessions.clone(),
        notice: latest.as_ref().and_then(SessionsNotice::of),
        save,
        delete,
        dismiss,
    }
}
