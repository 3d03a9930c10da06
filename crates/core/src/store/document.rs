//! How each kind of stored document is read, written and merged with another tab's.
//!
//! One [`Document`] implementation per kind, over the codecs that already exist (progress's
//! schema, the results file, the studies list, the classroom sessions, the keyring and the
//! sealed log) and one rule for
//! the three small text values (participant, locale, band). Reading sorts stored text into
//! ready (perhaps migrated from an older version), corrupt, or newer than this app; merging is
//! three-way: `base` is what this tab last saw in storage, `ours` what it holds now, `theirs` what
//! storage holds now.
//!
//! **The small values** are stored as plain text (version 1: `STUDYID/CODE`, a language tag,
//! `12-14`). A later format of any of them will be a JSON object with a `version` of 2 or more,
//! so such a value is recognised as newer and left alone rather than taken for damage.

use std::collections::BTreeSet;
use std::str::FromStr;

use serde::Deserialize;

use super::WriteFailure;
use super::keys::Kind;
use super::teacher::envelope::LogError;
use super::teacher::keyring::KeyringError;
use super::teacher::{Keyring, SealedLog, envelope, keyring};
use crate::band::AgeBand;
use crate::classroom::ClassSessions;
use crate::classroom::stored::{MAX_SESSIONS_BYTES, SESSIONS_VERSION, SessionsDecodeError};
use crate::progress::{self, Loaded, Progress, Unreadable};
use crate::study::device::{DeviceDecodeError, MAX_STUDIES_BYTES, STUDIES_VERSION};
use crate::study::file::{self, ImportError};
use crate::study::{Locale, Participant, RecordKey, ResultsFile, StudyId, TeacherStudies};

/// What stored text turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Decoded<T> {
    Ready {
        value: T,
        /// The version it was stored in, when that was older and it has been migrated.
        migrated_from: Option<u64>,
    },
    /// Damaged, cut short, too large, or not this kind of document at all.
    Corrupt,
    /// Written by a newer version of the app, in a format this one does not know.
    Newer { version: u64 },
}

/// A merge's result, and whether it dropped a value another tab had stored (last writer wins).
pub(super) struct Merged<T> {
    pub value: T,
    pub replaced: bool,
}

pub(super) trait Document: Clone + PartialEq + Default {
    const KIND: Kind;
    /// Stored text longer than this is not decoded: it counts as corrupt.
    const MAX_BYTES: usize;

    fn decode(raw: &str) -> Decoded<Self>;

    /// The text to store; `None` when there is nothing to keep, so the key is removed (an
    /// empty document is never written: after "Delete", no key comes back by itself).
    fn encode(&self) -> Result<Option<String>, WriteFailure>;

    fn merge(base: &Self, ours: &Self, theirs: &Self) -> Result<Merged<Self>, WriteFailure>;

    /// Size-checked decoding: what the store calls.
    fn read(raw: &str) -> Decoded<Self> {
        if raw.len() > Self::MAX_BYTES { Decoded::Corrupt } else { Self::decode(raw) }
    }
}

impl Kind {
    /// The longest text read for this kind; longer counts as damage (kept aside, not parsed).
    pub fn max_bytes(self) -> usize {
        match self {
            Kind::Progress => Progress::MAX_BYTES,
            Kind::Results => ResultsFile::MAX_BYTES,
            Kind::Studies => TeacherStudies::MAX_BYTES,
            Kind::Sessions => ClassSessions::MAX_BYTES,
            Kind::Participant => Option::<Participant>::MAX_BYTES,
            Kind::Locale => Option::<Locale>::MAX_BYTES,
            Kind::Band => Option::<AgeBand>::MAX_BYTES,
            Kind::Keyring => Option::<Keyring>::MAX_BYTES,
            Kind::Sealed => SealedLog::MAX_BYTES,
        }
    }
}

fn ready<T>(value: T) -> Decoded<T> {
    Decoded::Ready { value, migrated_from: None }
}

fn kept(value: Option<String>) -> Result<Option<String>, WriteFailure> {
    Ok(value)
}

fn merged<T>(value: T) -> Result<Merged<T>, WriteFailure> {
    Ok(Merged { value, replaced: false })
}

impl Document for Progress {
    const KIND: Kind = Kind::Progress;
    /// Eight lessons' progress is a few kilobytes.
    const MAX_BYTES: usize = 1024 * 1024;

    fn decode(raw: &str) -> Decoded<Progress> {
        match progress::load(Some(raw)) {
            Loaded::Empty => ready(Progress::default()),
            Loaded::Ready { progress, migrated_from } => {
                Decoded::Ready { value: progress, migrated_from: migrated_from.map(u64::from) }
            }
            Loaded::Unreadable(Unreadable::UnknownVersion(version))
                if version > u64::from(progress::CURRENT_SCHEMA) =>
            {
                Decoded::Newer { version }
            }
            Loaded::Unreadable(_) => Decoded::Corrupt,
        }
    }

    fn encode(&self) -> Result<Option<String>, WriteFailure> {
        kept((!self.lessons.is_empty()).then(|| progress::save(self)))
    }

    fn merge(base: &Progress, ours: &Progress, theirs: &Progress) -> Result<Merged<Progress>, WriteFailure> {
        merged(Progress::merge(base, ours, theirs))
    }
}

impl Document for ResultsFile {
    const KIND: Kind = Kind::Results;
    const MAX_BYTES: usize = file::MAX_FILE_BYTES;

    fn decode(raw: &str) -> Decoded<ResultsFile> {
        match ResultsFile::decode(raw.as_bytes()) {
            Ok(results) => ready(results),
            Err(ImportError::UnsupportedVersion { found }) if found > file::VERSION => {
                Decoded::Newer { version: found }
            }
            Err(_) => Decoded::Corrupt,
        }
    }

    fn encode(&self) -> Result<Option<String>, WriteFailure> {
        if self.is_empty() {
            return kept(None);
        }
        self.encode().map(Some).map_err(|_| WriteFailure::TooLarge)
    }

    /// Records are never edited, only added or deleted: theirs, less what we deleted, plus what
    /// we added. A record we added under a key they hold with other content is a conflict, and
    /// theirs (stored first) stands, as in an import.
    fn merge(
        base: &ResultsFile,
        ours: &ResultsFile,
        theirs: &ResultsFile,
    ) -> Result<Merged<ResultsFile>, WriteFailure> {
        let deleted: BTreeSet<RecordKey> =
            base.records().filter(|record| ours.get(&record.key()) != Some(record)).map(|r| r.key()).collect();
        let mut merged = theirs.clone();
        merged.retain(|record| !(deleted.contains(&record.key()) && base.get(&record.key()) == Some(record)));
        let added: Vec<_> = ours.records().filter(|record| base.get(&record.key()) != Some(*record)).cloned().collect();
        let added = ResultsFile::new(added).map_err(|_| WriteFailure::TooMany)?;
        merged.merge(added).map_err(|_| WriteFailure::TooMany)?;
        self::merged(merged)
    }
}

impl Document for TeacherStudies {
    const KIND: Kind = Kind::Studies;
    const MAX_BYTES: usize = MAX_STUDIES_BYTES;

    fn decode(raw: &str) -> Decoded<TeacherStudies> {
        match TeacherStudies::decode_stored(raw) {
            Ok((studies, version)) => {
                Decoded::Ready { value: studies, migrated_from: (version < STUDIES_VERSION).then_some(version) }
            }
            Err(DeviceDecodeError::UnsupportedVersion(version)) if version > STUDIES_VERSION => {
                Decoded::Newer { version }
            }
            Err(_) => Decoded::Corrupt,
        }
    }

    fn encode(&self) -> Result<Option<String>, WriteFailure> {
        kept((!self.studies.is_empty()).then(|| TeacherStudies::encode(self)))
    }

    /// A study is created once and never edited: theirs, less what we deleted, with what we
    /// created first (newest first).
    fn merge(
        base: &TeacherStudies,
        ours: &TeacherStudies,
        theirs: &TeacherStudies,
    ) -> Result<Merged<TeacherStudies>, WriteFailure> {
        let deleted: BTreeSet<StudyId> =
            base.studies.iter().filter(|study| ours.find(study.id) != Some(*study)).map(|s| s.id).collect();
        let mut studies: Vec<_> = ours
            .studies
            .iter()
            .filter(|study| base.find(study.id) != Some(*study) && theirs.find(study.id).is_none())
            .cloned()
            .collect();
        studies.extend(
            theirs
                .studies
                .iter()
                .filter(|study| !(deleted.contains(&study.id) && base.find(study.id) == Some(*study)))
                .cloned(),
        );
        merged(TeacherStudies { studies })
    }
}

impl Document for ClassSessions {
    const KIND: Kind = Kind::Sessions;
    const MAX_BYTES: usize = MAX_SESSIONS_BYTES;

    fn decode(raw: &str) -> Decoded<ClassSessions> {
        match ClassSessions::decode(raw) {
            Ok(sessions) => ready(sessions),
            Err(SessionsDecodeError::UnsupportedVersion(version)) if version > SESSIONS_VERSION => {
                Decoded::Newer { version }
            }
            Err(_) => Decoded::Corrupt,
        }
    }

    fn encode(&self) -> Result<Option<String>, WriteFailure> {
        if self.is_empty() {
            return kept(None);
        }
        let text = ClassSessions::encode(self);
        if text.len() > MAX_SESSIONS_BYTES {
            return Err(WriteFailure::TooLarge);
        }
        kept(Some(text))
    }

    /// A union by session id, the later copy of each (see `classroom::stored`).
    fn merge(
        base: &ClassSessions,
        ours: &ClassSessions,
        theirs: &ClassSessions,
    ) -> Result<Merged<ClassSessions>, WriteFailure> {
        ClassSessions::merge(base, ours, theirs).map_or(Err(WriteFailure::TooMany), merged)
    }
}

/// A participant, a language or a band: one plain-text value, the last writer wins.
pub(super) trait SmallValue: Clone + PartialEq {
    const KIND: Kind;
    fn parse(text: &str) -> Option<Self>;
    fn text(&self) -> String;
}

/// Longer than any value of a small kind.
pub(super) const SMALL_MAX_BYTES: usize = 256;

impl SmallValue for Participant {
    const KIND: Kind = Kind::Participant;

    fn parse(text: &str) -> Option<Participant> {
        Participant::decode(text)
    }

    fn text(&self) -> String {
        self.encode()
    }
}

impl SmallValue for Locale {
    const KIND: Kind = Kind::Locale;

    fn parse(text: &str) -> Option<Locale> {
        Locale::new(text)
    }

    fn text(&self) -> String {
        self.as_str().to_owned()
    }
}

impl SmallValue for AgeBand {
    const KIND: Kind = Kind::Band;

    fn parse(text: &str) -> Option<AgeBand> {
        AgeBand::from_str(text).ok()
    }

    fn text(&self) -> String {
        self.as_str().to_owned()
    }
}

impl<T: SmallValue> Document for Option<T> {
    const KIND: Kind = T::KIND;
    const MAX_BYTES: usize = SMALL_MAX_BYTES;

    fn decode(raw: &str) -> Decoded<Option<T>> {
        #[derive(Deserialize)]
        struct Later {
            version: u64,
        }
        if let Some(value) = T::parse(raw) {
            return ready(Some(value));
        }
        match serde_json::from_str::<Later>(raw) {
            Ok(Later { version }) if version >= 2 => Decoded::Newer { version },
            _ => Decoded::Corrupt,
        }
    }

    fn encode(&self) -> Result<Option<String>, WriteFailure> {
        kept(self.as_ref().map(T::text))
    }

    /// The last writer wins; the caller is told when that drops a value another tab stored.
    fn merge(base: &Option<T>, ours: &Option<T>, theirs: &Option<T>) -> Result<Merged<Option<T>>, WriteFailure> {
        if ours == base {
            return merged(theirs.clone());
        }
        Ok(Merged { value: ours.clone(), replaced: theirs != base && theirs != ours })
    }
}

/// The keyring is written once: a keyring in storage is never replaced by another tab's, because
/// envelopes may already be sealed to it.
impl Document for Option<Keyring> {
    const KIND: Kind = Kind::Keyring;
    const MAX_BYTES: usize = keyring::MAX_BYTES;

    fn decode(raw: &str) -> Decoded<Option<Keyring>> {
        match Keyring::decode(raw) {
            Ok(keyring) => ready(Some(keyring)),
            Err(KeyringError::UnsupportedVersion(version)) if version > keyring::VERSION => Decoded::Newer { version },
            Err(_) => Decoded::Corrupt,
        }
    }

    fn encode(&self) -> Result<Option<String>, WriteFailure> {
        kept(self.as_ref().map(Keyring::encode))
    }

    fn merge(
        base: &Option<Keyring>,
        ours: &Option<Keyring>,
        theirs: &Option<Keyring>,
    ) -> Result<Merged<Option<Keyring>>, WriteFailure> {
        if ours == base || theirs == ours {
            return merged(theirs.clone());
        }
        if theirs == base || theirs.is_none() {
            return merged(ours.clone());
        }
        Ok(Merged { value: theirs.clone(), replaced: false })
    }
}

impl Document for SealedLog {
    const KIND: Kind = Kind::Sealed;
    const MAX_BYTES: usize = envelope::MAX_LOG_BYTES;

    fn decode(raw: &str) -> Decoded<SealedLog> {
        match SealedLog::decode(raw) {
            Ok(log) => ready(log),
            Err(LogError::UnsupportedVersion(version)) if version > envelope::LOG_VERSION => Decoded::Newer { version },
            Err(_) => Decoded::Corrupt,
        }
    }

    fn encode(&self) -> Result<Option<String>, WriteFailure> {
        if self.envelopes.len() > envelope::MAX_ENVELOPES {
            return Err(WriteFailure::TooMany);
        }
        let text = SealedLog::encode(self);
        if text.len() > envelope::MAX_LOG_BYTES {
            return Err(WriteFailure::TooLarge);
        }
        kept((!self.is_empty()).then_some(text))
    }

    fn merge(base: &SealedLog, ours: &SealedLog, theirs: &SealedLog) -> Result<Merged<SealedLog>, WriteFailure> {
        merged(SealedLog::merge(base, ours, theirs))
    }
}
