//! The classroom sessions kept on the teacher's device, as app state: the list (newest first),
//! saving one at a checkpoint, deleting one, and what to tell the teacher when storage fails.
//!
//! **The seam with the device store.** The rules are `aware_core::store`'s: this provider holds
//! a `DeviceStore` over `localStorage` and uses only its sessions verbs (`save_session`,
//! `delete_session`, and `sync` when another window saved) and `DeviceState::sessions`. When the
//! whole app moves onto one device store (with the teacher lock, under which sessions are sealed:
//! `Done::seal`), this file is what changes: [`SessionsContext`] and [`use_sessions`] stay, and
//! read from that store instead.

use std::rc::Rc;

use aware_core::classroom::{ClassSessions, Session, SessionId};
use aware_core::store::{DeviceStore, Kind, Notice};
use yew::prelude::*;

use crate::platform::storage::{self, StorageListener};

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
    /// Every session kept, newest first.
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

#[derive(PartialEq)]
struct Shown {
    sessions: Rc<ClassSessions>,
    notice: Option<SessionsNotice>,
}

enum Change {
    /// The store's sessions after a verb, and the notices it raised.
    Stored(Rc<ClassSessions>, Vec<Notice>),
    Dismiss,
}

impl Reducible for Shown {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        Rc::new(match change {
            Change::Stored(sessions, notices) => {
                Shown { sessions, notice: notices.iter().find_map(SessionsNotice::of).or(self.notice) }
            }
            Change::Dismiss => Shown { sessions: self.sessions.clone(), notice: None },
        })
    }
}

#[derive(Properties, PartialEq)]
pub struct SessionsProviderProps {
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn SessionsProvider(props: &SessionsProviderProps) -> Html {
    let store = use_mut_ref(|| DeviceStore::open(storage::backend()));
    let shown = {
        let store = store.clone();
        use_reducer(move || {
            let state = store.borrow().state();
            Shown { sessions: state.sessions, notice: state.notices.iter().find_map(SessionsNotice::of) }
        })
    };
    // Another window (the presenter's, say) saved a session: follow it, without writing.
    {
        let (store, shown) = (store.clone(), shown.dispatcher());
        use_effect_with((), move |_| {
            let listener = StorageListener::new(move |key| {
                if key.as_deref().is_none_or(|key| key == Kind::Sessions.key()) {
                    let done = store.borrow_mut().sync(key.as_deref());
                    shown.dispatch(Change::Stored(done.state.sessions, done.notices));
                }
            });
            move || drop(listener)
        });
    }
    let save = {
        let (store, shown) = (store.clone(), shown.dispatcher());
        Callback::from(move |session: Session| {
            // `Done::seal` is never asked for yet: the app has no teacher lock (see the module docs).
            let done = store.borrow_mut().save_session(&session);
            shown.dispatch(Change::Stored(done.state.sessions, done.notices));
        })
    };
    let delete = {
        let (store, shown) = (store.clone(), shown.dispatcher());
        Callback::from(move |id: SessionId| {
            let done = store.borrow_mut().delete_session(id);
            shown.dispatch(Change::Stored(done.state.sessions, done.notices));
        })
    };
    let dismiss = {
        let shown = shown.dispatcher();
        Callback::from(move |()| shown.dispatch(Change::Dismiss))
    };
    let context = SessionsContext { sessions: shown.sessions.clone(), notice: shown.notice, save, delete, dismiss };
    html! { <ContextProvider<SessionsContext> {context}>{ props.children.clone() }</ContextProvider<SessionsContext>> }
}

#[hook]
pub fn use_sessions() -> SessionsContext {
    use_context::<SessionsContext>().expect("use_sessions is called inside SessionsProvider")
}
