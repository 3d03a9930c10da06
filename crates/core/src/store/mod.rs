//! The device store: everything Aware keeps on a device, behind one type, [`DeviceStore`].
//!
//! The app calls domain verbs (answer a quiz item, add a record, import files, remember a code,
//! set the language, delete a category, …) and gets back the new [`DeviceState`], the
//! [`Notice`]s to show, the verb's own outcome and, on a teacher's device, what to seal
//! ([`Done`]). The store does the rest, the same way for every kind of data: it decodes each key
//! once at start-up, migrates older versions, keeps damaged data aside, leaves newer data alone,
//! merges with other tabs and survives storage that is blocked, full or throwing.
//!
//! # Keys
//! | kind | key | format |
//! |---|---|---|
//! | progress | `aware.progress` | `progress::schema` (versioned JSON; older versions migrate) |
//! | results | `aware.results` | `study::file` (`aware-results`, version 1) |
//! | studies | `aware.studies` | `study::device` (`aware-studies`, version 1) |
//! | sessions | `aware.sessions` | `classroom::stored` (`aware-sessions`, version 1) |
//! | participant | `aware.participant` | `STUDYID/CODE` |
//! | locale | `aware.locale` | a BCP 47 tag (`mn`, `en`) |
//! | band | `aware.band` | `12-14` or `15-18` |
//! | teacher's keyring | `aware.teacher.keyring` | [`teacher::keyring`] |
//! | sealed results, studies and sessions | `aware.teacher.sealed` | [`teacher::envelope`] |
//!
//! and up to [`MAX_BACKUPS`] backups of each, `KEY.backup`, `KEY.backup.N` (see [`keys`]).
//!
//! # The rules
//! - **Loading** reads each key once. Damaged text (not JSON, cut short, wrong shape, too large)
//!   is copied to a backup before anything is written and the key removed; if the copy fails
//!   (storage full), it stays where it is, untouched, and this tab keeps that kind in memory until
//!   a later save manages the copy. Text in a *newer* format is left untouched, and that kind is
//!   [`Status::ReadOnly`] until the app is updated: changes are kept in memory only. An *older*
//!   version is migrated; its original text is copied to a backup before the first save
//!   replaces it. Backups are capped at three per key (the oldest is dropped, with a notice),
//!   and can be listed, downloaded and restored (merged back in).
//! - **Saving** re-reads the key first and, if another tab stored something since, merges:
//!   results, studies and sessions are unions (less what either tab deleted; of a session, the
//!   copy with the higher revision), progress is
//!   `Progress::merge` (three-way, per lesson and item: no answer or read section is lost), the
//!   sealed log is a union; participant, locale and band are last-writer-wins, with
//!   [`Notice::Replaced`] when that drops another tab's value. The app also calls
//!   [`DeviceStore::sync`] on the browser's `storage` event, so a tab follows the others without
//!   writing.
//! - **Failures**: no storage at all ([`DeviceStore::open`] with `None`) or a key whose read
//!   throws: that data lives in memory only ([`Status::MemoryOnly`]). A write that throws (quota
//!   full, refused): a [`Notice::WriteFailed`], the value stays in memory, and the next save
//!   tries again. Nothing here panics on any stored text or any backend failure.
//! - **Deleting**: [`DeviceStore::delete`] one [`Category`], or [`DeviceStore::delete_everything`],
//!   after which no `aware.*` key remains. Nothing is ever remembered by default: the participant
//!   is stored only by [`DeviceStore::remember_participant`], and [`DeviceStore::next_student`]
//!   forgets it.
//! - **A teacher's device** ([`teacher`]): once a teacher has set up a keyring, results,
//!   studies and classroom sessions are stored only sealed; verbs that would store them return a
//!   [`SealRequest`].
//! - **A page's scope** ([`Scope`]): each page opens the store with the kinds it uses, and links
//!   only their codecs. A kind outside the scope is [`Status::NotKept`]: never decoded or written
//!   by that page, listed by size, deleted on request, and its backups restored by a page that
//!   keeps it.
//!
//! # The browser backend (`src/platform/storage.rs`)
//! It implements [`Backend`] over `window.localStorage` and never panics:
//! - the `localStorage` getter throws (`SecurityError`: blocked, sandboxed, opaque origin) or
//!   returns null: no backend, [`DeviceStore::open`]`(None)`, everything in memory;
//! - `getItem` or `key(i)`/`length` throws: [`BackendError::Refused`];
//! - `setItem` throws a `DOMException` named `QuotaExceededError` (or `NS_ERROR_DOM_QUOTA_REACHED`,
//!   or with code 22 or 1014): [`BackendError::Full`]; anything else it throws:
//!   [`BackendError::Refused`]; `removeItem` throwing: [`BackendError::Refused`];
//! - `keys()` lists `key(0)`…`key(length - 1)`.
//!
//! and the app passes every `storage` event's `key` (null for `clear()`) to [`DeviceStore::sync`].

mod backend;
mod document;
pub mod keys;
mod memory;
mod slot;
pub mod teacher;
mod verbs;

use std::collections::BTreeMap;
use std::rc::Rc;

pub use backend::{Backend, BackendError};
pub use keys::{Backup, Kind, MAX_BACKUPS, PREFIX};
pub use memory::{Faults, MemoryBackend};
pub use teacher::{Envelope, EnvelopeId, Keyring, OpenProblem, Opened, Payload, PayloadKind, SealRequest};
pub use verbs::{
    Category, FileOutcome, ImportFile, Imported, Inventory, InventoryEntry, PlainToSeal, RecordOutcome, SessionOutcome,
    SetUpOutcome,
};

use self::slot::{Codec, Slot};
use self::teacher::SealedLog;
use self::verbs::TeacherView;
use crate::band::AgeBand;
use crate::classroom::ClassSessions;
use crate::progress::Progress;
use crate::study::{Locale, Participant, ResultsFile, TeacherStudies};

/// Whether a kind is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Saved to storage after every change.
    Saved,
    /// Kept in memory for this visit only: storage is blocked, or refused to read this key.
    MemoryOnly,
    /// Storage holds this kind in a newer format (`version`), left untouched; changes are kept
    /// in memory only until the app is updated.
    ReadOnly { version: u64 },
    /// Stored, but this page does not use it (see [`Scope`]): not read, never written here;
    /// "Data on this device" can still delete it.
    NotKept,
}

/// Why a save did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteFailure {
    /// Storage is full.
    Full,
    /// The browser refused the call.
    Refused,
    /// The document would be larger than it may be.
    TooLarge,
    /// Merging with another tab's data would hold more records than allowed.
    TooMany,
}

/// Something the person should be told. No text: the app maps each to its own messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// There is no storage at all (blocked): everything is kept for this visit only.
    Blocked,
    /// Reading this kind's key was refused: it is kept in memory for this visit only.
    MemoryOnly { kind: Kind },
    /// Stored data could not be read; it was copied to `backup` and this kind started afresh.
    KeptAside { kind: Kind, backup: String },
    /// Stored data (damaged, or an older version) could not be copied aside: it is left as it
    /// was, and changes are kept in memory until it can be.
    NotKeptAside { kind: Kind },
    /// Stored data was from an older version and has been updated.
    Migrated { kind: Kind, from: u64 },
    /// Stored data is from a newer version of Aware: left untouched, not saved until the app is
    /// updated.
    ReadOnly { kind: Kind, version: u64 },
    /// A change could not be saved; it is kept in memory and the next change tries again.
    WriteFailed { kind: Kind, failure: WriteFailure },
    /// This tab's value replaced a different one another tab had stored (last writer wins).
    Replaced { kind: Kind },
    /// The oldest backup was deleted to keep at most [`MAX_BACKUPS`].
    BackupDropped { kind: Kind, key: String },
    /// A delete was refused: `key` is still stored.
    DeleteFailed { key: String },
}

/// Where the teacher's area stands on this device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeacherState {
    /// No teacher set up: results, studies and sessions are kept in the clear, as on a student's
    /// own device.
    NotSetUp,
    /// Set up; results, studies and sessions are sealed (`sealed` envelopes) and not shown.
    Locked { sealed: usize },
    /// The teacher has opened the sealed data; `unopened` envelopes (appended by another tab
    /// since, say) are not in it yet.
    Unlocked { sealed: usize, unopened: usize, problems: Vec<OpenProblem> },
    /// Sealed data is kept but the keyring cannot be used (damaged and kept aside, or newer):
    /// nothing can be sealed or opened until it is restored or the app is updated.
    KeyringUnusable { sealed: usize },
}

/// What the app shows: a snapshot, cheap to clone (the documents are shared).
#[derive(Debug, Clone, PartialEq)]
pub struct DeviceState {
    pub progress: Rc<Progress>,
    /// Without a teacher: every result taken or imported here. With one: the teacher's opened
    /// results while unlocked, and none while locked.
    pub results: Rc<ResultsFile>,
    /// Likewise for the teacher's studies.
    pub studies: Rc<TeacherStudies>,
    /// Likewise for the teacher's classroom sessions.
    pub sessions: Rc<ClassSessions>,
    pub participant: Option<Participant>,
    pub locale: Option<Locale>,
    pub band: Option<AgeBand>,
    pub teacher: TeacherState,
    pub statuses: BTreeMap<Kind, Status>,
    pub backups: Vec<Backup>,
    /// Every notice not yet dismissed, oldest first, each once.
    pub notices: Vec<Notice>,
}

impl DeviceState {
    pub fn status(&self, kind: Kind) -> Status {
        self.statuses.get(&kind).copied().unwrap_or(Status::MemoryOnly)
    }
}

/// What [`DeviceStore::restore_backup`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreOutcome {
    /// Merged into what is held now: nothing held is lost; a single value (participant, locale,
    /// band) takes the backup's.
    Restored,
    /// The backup cannot be read by this version: it can only be downloaded.
    Unreadable,
    /// The backup is from a newer version: update the app to restore it.
    Newer { version: u64 },
    /// Merged, it would hold more than allowed: nothing changed.
    TooMuch,
    /// No such backup.
    NotFound,
    /// This page does not keep that kind (see [`Scope`]): the page that uses it can put it back.
    NotHere,
}

/// A verb's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Done<O = ()> {
    pub state: DeviceState,
    pub outcome: O,
    /// The notices this verb raised (also in `state.notices` until dismissed).
    pub notices: Vec<Notice>,
    /// On a teacher's device: what the app must seal and hand back to the store.
    pub seal: Option<SealRequest>,
}

/// Everything the device keeps; see the module documentation.
pub struct DeviceStore {
    backend: Option<Box<dyn Backend>>,
    progress: Slot<Progress>,
    results: Slot<ResultsFile>,
    studies: Slot<TeacherStudies>,
    sessions: Slot<ClassSessions>,
    participant: Slot<Option<Participant>>,
    locale: Slot<Option<Locale>>,
    band: Slot<Option<AgeBand>>,
    keyring: Slot<Option<Keyring>>,
    sealed: Slot<SealedLog>,
    /// The teacher's data while unlocked.
    view: Option<TeacherView>,
    /// Sessions this tab saved while the teacher's area was locked: stored only sealed, and shown
    /// to this tab alone (its class is still using them), until the area is locked or opened.
    written: Rc<ClassSessions>,
    backups: Vec<Backup>,
    notices: Vec<Notice>,
}

/// The kinds a page reads and writes. A page keeps only those it uses, so its code links only
/// their decoders (each kind's codec is reached through this table, never called by name): the
/// student's lessons do not carry the results, studies, sessions or the teacher's keys. Kinds a
/// page does not keep are left as stored ([`Status::NotKept`]), listed by size, and deleted
/// when asked.
#[derive(Clone, Copy)]
pub struct Scope {
    progress: Option<&'static Codec<Progress>>,
    results: Option<&'static Codec<ResultsFile>>,
    studies: Option<&'static Codec<TeacherStudies>>,
    sessions: Option<&'static Codec<ClassSessions>>,
    participant: Option<&'static Codec<Option<Participant>>>,
    locale: Option<&'static Codec<Option<Locale>>>,
    band: Option<&'static Codec<Option<AgeBand>>>,
    keyring: Option<&'static Codec<Option<Keyring>>>,
    sealed: Option<&'static Codec<SealedLog>>,
}

impl Scope {
    /// Every kind: the teacher's screens, the CLI, the tests.
    pub const ALL: Scope = Scope {
        progress: Some(&Codec::OF),
        results: Some(&Codec::OF),
        studies: Some(&Codec::OF),
        sessions: Some(&Codec::OF),
        participant: Some(&Codec::OF),
        locale: Some(&Codec::OF),
        band: Some(&Codec::OF),
        keyring: Some(&Codec::OF),
        sealed: Some(&Codec::OF),
    };
    /// The student's lessons (and the embed view): progress and the small settings.
    pub const LESSONS: Scope =
        Scope { results: None, studies: None, sessions: None, keyring: None, sealed: None, ..Scope::ALL };
    /// The awareness check: a student's results and the remembered code, the teacher's studies
    /// (the codes a study issued) and keys (to seal a hand-in); not the classroom sessions.
    pub const CHECK: Scope = Scope { sessions: None, ..Scope::ALL };

    /// Whether this scope reads and writes `kind`.
    pub fn keeps(&self, kind: Kind) -> bool {
        match kind {
            Kind::Progress => self.progress.is_some(),
            Kind::Results => self.results.is_some(),
            Kind::Studies => self.studies.is_some(),
            Kind::Sessions => self.sessions.is_some(),
            Kind::Participant => self.participant.is_some(),
            Kind::Locale => self.locale.is_some(),
            Kind::Band => self.band.is_some(),
            Kind::Keyring => self.keyring.is_some(),
            Kind::Sealed => self.sealed.is_some(),
        }
    }
}

impl DeviceStore {
    /// Loads every kind from `backend`; `None` when the browser has no usable storage.
    pub fn open(backend: Option<Box<dyn Backend>>) -> DeviceStore {
        DeviceStore::open_scoped(backend, Scope::ALL)
    }

    /// Loads the kinds `scope` keeps from `backend` (see [`Scope`]).
    pub fn open_scoped(backend: Option<Box<dyn Backend>>, scope: Scope) -> DeviceStore {
        let mut notices = Vec::new();
        let mut store = match backend.as_deref() {
            None => {
                notices.push(Notice::Blocked);
                DeviceStore {
                    backend: None,
                    progress: Slot::memory_only(scope.progress),
                    results: Slot::memory_only(scope.results),
                    studies: Slot::memory_only(scope.studies),
                    sessions: Slot::memory_only(scope.sessions),
                    participant: Slot::memory_only(scope.participant),
                    locale: Slot::memory_only(scope.locale),
                    band: Slot::memory_only(scope.band),
                    keyring: Slot::memory_only(scope.keyring),
                    sealed: Slot::memory_only(scope.sealed),
                    view: None,
                    written: Rc::default(),
                    backups: Vec::new(),
                    notices: Vec::new(),
                }
            }
            Some(storage) => DeviceStore {
                progress: Slot::load(storage, scope.progress, &mut notices),
                results: Slot::load(storage, scope.results, &mut notices),
                studies: Slot::load(storage, scope.studies, &mut notices),
                sessions: Slot::load(storage, scope.sessions, &mut notices),
                participant: Slot::load(storage, scope.participant, &mut notices),
                locale: Slot::load(storage, scope.locale, &mut notices),
                band: Slot::load(storage, scope.band, &mut notices),
                keyring: Slot::load(storage, scope.keyring, &mut notices),
                sealed: Slot::load(storage, scope.sealed, &mut notices),
                backend: None,
                view: None,
                written: Rc::default(),
                backups: Vec::new(),
                notices: Vec::new(),
            },
        };
        store.backend = backend;
        store.refresh_backups();
        store.raise(notices);
        store
    }

    /// The current state.
    pub fn state(&self) -> DeviceState {
        let statuses = Kind::ALL.into_iter().map(|kind| (kind, self.status(kind))).collect();
        let (results, studies, sessions) = match (&self.view, self.is_sealed()) {
            (_, false) => (self.results.value.clone(), self.studies.value.clone(), self.sessions.value.clone()),
            (Some(view), true) => (view.results.clone(), view.studies.clone(), view.sessions.clone()),
            (None, true) => (Rc::default(), Rc::default(), self.written.clone()),
        };
        DeviceState {
            progress: self.progress.value.clone(),
            results,
            studies,
            sessions,
            participant: *self.participant.value,
            locale: (*self.locale.value).clone(),
            band: *self.band.value,
            teacher: self.teacher_state(),
            statuses,
            backups: self.backups.clone(),
            notices: self.notices.clone(),
        }
    }

    pub fn status(&self, kind: Kind) -> Status {
        match kind {
            Kind::Progress => self.progress.status,
            Kind::Results => self.results.status,
            Kind::Studies => self.studies.status,
            Kind::Sessions => self.sessions.status,
            Kind::Participant => self.participant.status,
            Kind::Locale => self.locale.status,
            Kind::Band => self.band.status,
            Kind::Keyring => self.keyring.status,
            Kind::Sealed => self.sealed.status,
        }
    }

    /// Another tab changed `key` (the `storage` event's key; `None` when it cleared storage):
    /// takes the change in, without writing. Returns the kinds whose values changed.
    pub fn sync(&mut self, key: Option<&str>) -> Done<Vec<Kind>> {
        let mut notices = Vec::new();
        let kinds: Vec<Kind> = match key {
            None => Kind::ALL.to_vec(),
            Some(key) => Kind::of_key(key).into_iter().collect(),
        };
        let backend = self.backend.as_deref();
        let mut changed = Vec::new();
        for kind in kinds {
            let moved = match kind {
                Kind::Progress => self.progress.sync(backend, &mut notices),
                Kind::Results => self.results.sync(backend, &mut notices),
                Kind::Studies => self.studies.sync(backend, &mut notices),
                Kind::Sessions => self.sessions.sync(backend, &mut notices),
                Kind::Participant => self.participant.sync(backend, &mut notices),
                Kind::Locale => self.locale.sync(backend, &mut notices),
                Kind::Band => self.band.sync(backend, &mut notices),
                Kind::Keyring => self.keyring.sync(backend, &mut notices),
                Kind::Sealed => self.sealed.sync(backend, &mut notices),
            };
            if moved {
                changed.push(kind);
            }
        }
        if !self.is_sealed() {
            self.view = None;
        }
        self.done(changed, notices, None)
    }

    /// Hides a notice (the person has read it).
    pub fn dismiss(&mut self, notice: &Notice) -> DeviceState {
        self.notices.retain(|held| held != notice);
        self.state()
    }

    fn raise(&mut self, notices: impl IntoIterator<Item = Notice>) {
        for notice in notices {
            if !self.notices.contains(&notice) {
                self.notices.push(notice);
            }
        }
    }

    fn done<O>(&mut self, outcome: O, notices: Vec<Notice>, seal: Option<SealRequest>) -> Done<O> {
        // A save may have kept something aside or dropped a backup.
        self.refresh_backups();
        self.raise(notices.iter().cloned());
        Done { state: self.state(), outcome, notices, seal }
    }

    fn refresh_backups(&mut self) {
        let Some(backend) = self.backend.as_deref() else { return };
        let Ok(keys) = backend.keys() else { return };
        let mut backups: Vec<Backup> = keys
            .into_iter()
            .filter_map(|key| {
                let (kind, number) = keys::parse_backup_key(&key)?;
                let bytes = backend.get(&key).ok().flatten()?.len();
                Some(Backup { kind, key, number, bytes })
            })
            .collect();
        backups.sort_by_key(|backup| (backup.kind, backup.number));
        self.backups = backups;
    }

    /// Whether results, studies and sessions go to the teacher's sealed log rather than the clear.
    fn is_sealed(&self) -> bool {
        let stored_unread = |status: Status, stored: bool| match status {
            Status::ReadOnly { .. } => true,
            Status::NotKept => stored,
            Status::Saved | Status::MemoryOnly => false,
        };
        self.keyring.value.is_some()
            || stored_unread(self.keyring.status, self.keyring.is_stored())
            || !self.sealed.value.is_empty()
            || stored_unread(self.sealed.status, self.sealed.is_stored())
    }

    fn teacher_state(&self) -> TeacherState {
        let sealed = self.sealed.value.len();
        if !self.is_sealed() {
            return TeacherState::NotSetUp;
        }
        if self.keyring.status == Status::NotKept {
            // This page does not read the teacher's data: it is there, and locked.
            return TeacherState::Locked { sealed };
        }
        if self.keyring.value.is_none() || matches!(self.sealed.status, Status::ReadOnly { .. }) {
            return TeacherState::KeyringUnusable { sealed };
        }
        match &self.view {
            None => TeacherState::Locked { sealed },
            Some(view) => TeacherState::Unlocked {
                sealed,
                unopened: self.sealed.value.envelopes.iter().filter(|e| !view.opened.contains(&e.id())).count(),
                problems: view.problems.clone(),
            },
        }
    }
}
