//! One stored document as the store holds it: the value in memory, what storage held when this
//! tab last read or wrote it, and the rules for loading, saving, following another tab, clearing
//! and restoring. Every kind goes through this one implementation.

use std::rc::Rc;

use super::backend::Backend;
use super::document::{Decoded, Document, Merged};
use super::keys::{Kind, MAX_BACKUPS, backup_key, parse_backup_key};
use super::{Notice, RestoreOutcome, Status, WriteFailure};

pub(super) struct Slot<T: 'static> {
    pub value: Rc<T>,
    pub status: Status,
    seen: Seen<T>,
    /// How this kind is read, written and merged; `None` when this page does not keep the kind
    /// (see [`super::Scope`]): the slot then only notes whether the key is there, never writes
    /// it, and deletes it when asked.
    codec: Option<&'static Codec<T>>,
}

/// A kind's [`Document`] functions, by address: a page links the codec of a kind only when its
/// [`super::Scope`] names it, so the student's lessons do not carry the teacher's decoders.
pub(super) struct Codec<T> {
    read: fn(&str) -> Decoded<T>,
    encode: fn(&T) -> Result<Option<String>, WriteFailure>,
    merge: fn(&T, &T, &T) -> Result<Merged<T>, WriteFailure>,
}

impl<T: Document> Codec<T> {
    pub const OF: Codec<T> = Codec { read: T::read, encode: T::encode, merge: T::merge };
}

/// What storage held when this tab last read or wrote the key: the base of a three-way merge.
struct Seen<T> {
    /// `None` when the key was absent.
    raw: Option<String>,
    /// `raw` decoded; the default when absent, damaged or newer.
    value: T,
    /// Why `raw` must be copied to a backup before it is overwritten, if it must.
    keep_aside: Option<Aside>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Aside {
    /// Damaged, and not yet kept aside.
    Damaged,
    /// An older version, kept byte for byte in case the migration erred.
    Older,
}

impl Aside {
    fn of_migration(migrated_from: Option<u64>) -> Option<Aside> {
        migrated_from.map(|_| Aside::Older)
    }
}

impl<T> Seen<T> {
    fn absent(value: T) -> Seen<T> {
        Seen { raw: None, value, keep_aside: None }
    }
}

impl<T: Document> Slot<T> {
    pub fn memory_only(codec: Option<&'static Codec<T>>) -> Slot<T> {
        Slot { value: Rc::default(), status: Status::MemoryOnly, seen: Seen::absent(T::default()), codec }
    }

    /// Reads the key once. Damaged data is copied to a backup and the key removed (or, when the
    /// copy fails, left untouched); newer data is left untouched and the kind becomes read-only.
    /// Without a codec, only notes whether the key is there.
    pub fn load(backend: &dyn Backend, codec: Option<&'static Codec<T>>, notices: &mut Vec<Notice>) -> Slot<T> {
        let kind = T::KIND;
        let raw = match backend.get(kind.key()) {
            Ok(raw) => raw,
            Err(_) => {
                notices.push(Notice::MemoryOnly { kind });
                return Slot::memory_only(codec);
            }
        };
        let mut slot = Slot { value: Rc::default(), status: Status::Saved, seen: Seen::absent(T::default()), codec };
        let Some(raw) = raw else { return slot };
        let Some(codec) = codec else {
            slot.status = Status::NotKept;
            slot.seen.raw = Some(raw);
            return slot;
        };
        match (codec.read)(&raw) {
            Decoded::Ready { value, migrated_from } => {
                if let Some(from) = migrated_from {
                    notices.push(Notice::Migrated { kind, from });
                }
                slot.value = Rc::new(value.clone());
                slot.seen = Seen { raw: Some(raw), value, keep_aside: Aside::of_migration(migrated_from) };
            }
            Decoded::Corrupt => match keep_aside(backend, kind, &raw, notices) {
                Ok(backup) => {
                    notices.push(Notice::KeptAside { kind, backup });
                    let removed = backend.remove(kind.key()).is_ok();
                    slot.seen = Seen { raw: (!removed).then_some(raw), value: T::default(), keep_aside: None };
                }
                Err(()) => {
                    notices.push(Notice::NotKeptAside { kind });
                    slot.seen = Seen { raw: Some(raw), value: T::default(), keep_aside: Some(Aside::Damaged) };
                }
            },
            Decoded::Newer { version } => {
                notices.push(Notice::ReadOnly { kind, version });
                slot.status = Status::ReadOnly { version };
                slot.seen = Seen { raw: Some(raw), value: T::default(), keep_aside: None };
            }
        }
        slot
    }

    pub fn value_mut(&mut self) -> &mut T {
        Rc::make_mut(&mut self.value)
    }

    /// Whether storage holds this kind, read or not (a page that does not keep it still knows).
    pub fn is_stored(&self) -> bool {
        self.seen.raw.is_some()
    }

    /// Saves the value: re-reads the key first and merges what another tab stored since; keeps
    /// damaged or older text aside before overwriting it; never writes over newer data. Returns
    /// whether storage now holds the value.
    pub fn persist(&mut self, backend: Option<&dyn Backend>, notices: &mut Vec<Notice>) -> bool {
        let kind = T::KIND;
        let Some(backend) = backend.filter(|_| self.status == Status::Saved) else { return false };
        let Some(codec) = self.codec else { return false };
        let failed = |notices: &mut Vec<Notice>, failure| {
            notices.push(Notice::WriteFailed { kind, failure });
            false
        };
        let now = match backend.get(kind.key()) {
            Ok(now) => now,
            Err(error) => return failed(notices, error.into()),
        };
        if now != self.seen.raw && !self.follow(now, notices) {
            return false;
        }
        let text = match (codec.encode)(&self.value) {
            Ok(text) => text,
            Err(failure) => return failed(notices, failure),
        };
        if text == self.seen.raw {
            return true;
        }
        if let (Some(aside), Some(raw)) = (self.seen.keep_aside, &self.seen.raw) {
            match keep_aside(backend, kind, raw, notices) {
                Ok(backup) if aside == Aside::Damaged => notices.push(Notice::KeptAside { kind, backup }),
                Ok(_) => {}
                Err(()) => {
                    notices.push(Notice::NotKeptAside { kind });
                    return false;
                }
            }
            self.seen.keep_aside = None;
        }
        let written = match &text {
            Some(text) => backend.set(kind.key(), text),
            None => backend.remove(kind.key()),
        };
        match written {
            Ok(()) => {
                self.seen = Seen { raw: text, value: (*self.value).clone(), keep_aside: None };
                true
            }
            Err(error) => failed(notices, error.into()),
        }
    }

    /// Takes in `now`, what storage holds now and this tab has not seen: merges it into the
    /// value. Returns false (and changes nothing) when `now` cannot be merged: newer data, which
    /// makes the kind read-only, or a merge that would hold too much.
    fn follow(&mut self, now: Option<String>, notices: &mut Vec<Notice>) -> bool {
        let kind = T::KIND;
        let Some(codec) = self.codec else { return false };
        let (theirs, keep_aside) = match now.as_deref().map(codec.read) {
            None => (T::default(), None),
            Some(Decoded::Ready { value, migrated_from }) => (value, Aside::of_migration(migrated_from)),
            // Damage says nothing about what the other tab changed: merge as if it changed nothing.
            Some(Decoded::Corrupt) => (self.seen.value.clone(), Some(Aside::Damaged)),
            Some(Decoded::Newer { version }) => {
                notices.push(Notice::ReadOnly { kind, version });
                self.status = Status::ReadOnly { version };
                self.seen = Seen { raw: now, value: T::default(), keep_aside: None };
                return false;
            }
        };
        match (codec.merge)(&self.seen.value, &self.value, &theirs) {
            Ok(merged) => {
                if merged.replaced {
                    notices.push(Notice::Replaced { kind });
                }
                self.value = Rc::new(merged.value);
                self.seen = Seen { raw: now, value: theirs, keep_aside };
                true
            }
            Err(failure) => {
                notices.push(Notice::WriteFailed { kind, failure });
                false
            }
        }
    }

    /// Another tab changed the key (a `storage` event): takes its value in without writing.
    /// Returns whether the value changed.
    pub fn sync(&mut self, backend: Option<&dyn Backend>, notices: &mut Vec<Notice>) -> bool {
        let Some(backend) = backend.filter(|_| self.status != Status::MemoryOnly) else { return false };
        let Ok(now) = backend.get(T::KIND.key()) else { return false };
        if now == self.seen.raw {
            return false;
        }
        let Some(codec) = self.codec else {
            self.seen.raw = now;
            return false;
        };
        let before = self.value.clone();
        if let Status::ReadOnly { .. } = self.status {
            match now.as_deref().map(codec.read) {
                Some(Decoded::Newer { .. }) => return false,
                // The newer data was deleted or replaced: this tab may save again.
                _ => self.status = Status::Saved,
            }
        }
        if matches!(now.as_deref().map(codec.read), Some(Decoded::Corrupt)) {
            // Kept aside by the next save, which overwrites it.
            self.seen = Seen { raw: now, value: self.seen.value.clone(), keep_aside: Some(Aside::Damaged) };
            return false;
        }
        self.follow(now, notices);
        *before != *self.value
    }

    /// Sets a single value the person chose (last writer wins): what another tab stored is
    /// taken in first, so the choice is saved over it even when it equals what this tab last
    /// saw, and replacing a different value is told.
    pub fn choose(&mut self, value: T, backend: Option<&dyn Backend>, notices: &mut Vec<Notice>) {
        let before = self.value.clone();
        self.sync(backend, notices);
        let replaced = Notice::Replaced { kind: T::KIND };
        if *self.value != *before && *self.value != value && !notices.contains(&replaced) {
            notices.push(replaced);
        }
        self.value = Rc::new(value);
        self.persist(backend, notices);
    }

    /// Deletes the stored document (and any newer one left read-only) and empties the value.
    pub fn clear(&mut self, backend: Option<&dyn Backend>, notices: &mut Vec<Notice>) {
        self.value = Rc::default();
        let Some(backend) = backend else { return };
        match backend.remove(T::KIND.key()) {
            Ok(()) => {
                self.seen = Seen::absent(T::default());
                if !matches!(self.status, Status::MemoryOnly | Status::NotKept) {
                    self.status = Status::Saved;
                }
            }
            Err(_) => notices.push(Notice::DeleteFailed { key: T::KIND.key().to_owned() }),
        }
    }

    /// Merges a backup's text into the value, as if it were another tab's with nothing in
    /// common: nothing held now is lost, and for a single value the backup's wins.
    pub fn restore(&mut self, text: &str, backend: Option<&dyn Backend>, notices: &mut Vec<Notice>) -> RestoreOutcome {
        let Some(codec) = self.codec else { return RestoreOutcome::NotHere };
        let restored = match (codec.read)(text) {
            Decoded::Ready { value, .. } => value,
            Decoded::Corrupt => return RestoreOutcome::Unreadable,
            Decoded::Newer { version } => return RestoreOutcome::Newer { version },
        };
        match (codec.merge)(&T::default(), &restored, &self.value) {
            Ok(merged) => self.value = Rc::new(merged.value),
            Err(failure) => {
                notices.push(Notice::WriteFailed { kind: T::KIND, failure });
                return RestoreOutcome::TooMuch;
            }
        }
        self.persist(backend, notices);
        RestoreOutcome::Restored
    }
}

/// Copies `raw` to a new backup of `kind` (unless one already holds exactly this text), then
/// drops the oldest backups beyond [`MAX_BACKUPS`]. Returns the backup's key.
pub(super) fn keep_aside(
    backend: &dyn Backend,
    kind: Kind,
    raw: &str,
    notices: &mut Vec<Notice>,
) -> Result<String, ()> {
    let keys = backend.keys().map_err(|_| ())?;
    let mut backups: Vec<(u64, String)> = keys
        .into_iter()
        .filter_map(|key| parse_backup_key(&key).filter(|(of, _)| *of == kind).map(|(_, number)| (number, key)))
        .collect();
    backups.sort();
    if let Some((_, key)) = backups.iter().find(|(_, key)| backend.get(key).ok().flatten().as_deref() == Some(raw)) {
        return Ok(key.clone());
    }
    let number = backups.last().map_or(1, |(number, _)| number.saturating_add(1));
    let key = backup_key(kind, number);
    backend.set(&key, raw).map_err(|_| ())?;
    let excess = (backups.len() + 1).saturating_sub(MAX_BACKUPS);
    for (_, oldest) in backups.into_iter().take(excess) {
        if backend.remove(&oldest).is_ok() {
            notices.push(Notice::BackupDropped { kind, key: oldest });
        }
    }
    Ok(key)
}

impl From<super::BackendError> for WriteFailure {
    fn from(error: super::BackendError) -> WriteFailure {
        match error {
            super::BackendError::Full => WriteFailure::Full,
            super::BackendError::Refused => WriteFailure::Refused,
        }
    }
}
