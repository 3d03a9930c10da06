//! The keys the store keeps, and the backups beside them.
//!
//! Every key starts with `aware.`. The names of the first five are those earlier versions of the
//! app used, so a student's data is found after an update; `aware.band`, `aware.sessions` and the
//! teacher's two keys are new. A backup of `aware.K` is `aware.K.backup` (the first one, as earlier versions named
//! it), then `aware.K.backup.2`, `.3`, …: the number only grows, so the lowest is the oldest, and
//! at most [`MAX_BACKUPS`] are kept per key.

use std::fmt;

use crate::progress;

/// What every key of the app starts with; "Delete everything" removes every key that does.
pub const PREFIX: &str = "aware.";

/// Backups kept per key; a new one drops the oldest beyond this.
pub const MAX_BACKUPS: usize = 3;

/// One kind of stored document, under one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The student's lesson progress (`aware.progress`, a versioned JSON document).
    Progress,
    /// Pre/post results taken or imported on a device without a teacher set up (`aware.results`).
    Results,
    /// A teacher's studies on such a device (`aware.studies`).
    Studies,
    /// A teacher's classroom sessions on such a device (`aware.sessions`).
    Sessions,
    /// The study and code a student chose to have remembered (`aware.participant`).
    Participant,
    /// The chosen language (`aware.locale`).
    Locale,
    /// The chosen age band (`aware.band`).
    Band,
    /// The teacher's public key and passphrase-wrapped private key (`aware.teacher.keyring`).
    Keyring,
    /// Results, studies and sessions sealed to the teacher's key (`aware.teacher.sealed`).
    Sealed,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Progress,
        Kind::Results,
        Kind::Studies,
        Kind::Sessions,
        Kind::Participant,
        Kind::Locale,
        Kind::Band,
        Kind::Keyring,
        Kind::Sealed,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Progress => progress::STORAGE_KEY,
            Kind::Results => "aware.results",
            Kind::Studies => "aware.studies",
            Kind::Sessions => "aware.sessions",
            Kind::Participant => "aware.participant",
            Kind::Locale => "aware.locale",
            Kind::Band => "aware.band",
            Kind::Keyring => "aware.teacher.keyring",
            Kind::Sealed => "aware.teacher.sealed",
        }
    }

    /// The kind stored under `key` itself (not under one of its backups).
    pub fn of_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.key() == key)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A copy of data that could not be used, kept under its own key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub kind: Kind,
    pub key: String,
    /// 1 for `….backup`, N for `….backup.N`: the higher, the newer.
    pub number: u64,
    /// The stored text's length in UTF-8 bytes (what a download of it holds).
    pub bytes: usize,
}

/// The kind and number of a backup key, or `None` for any other key.
pub fn parse_backup_key(key: &str) -> Option<(Kind, u64)> {
    Kind::ALL.into_iter().find_map(|kind| {
        let rest = key.strip_prefix(kind.key())?.strip_prefix(".backup")?;
        if rest.is_empty() {
            return Some((kind, 1));
        }
        let digits = rest.strip_prefix('.')?;
        if digits.is_empty() || digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok().filter(|&n| n >= 2).map(|n| (kind, n))
    })
}

/// The key of backup number `number` of `kind`.
pub fn backup_key(kind: Kind, number: u64) -> String {
    match number {
        0 | 1 => format!("{}.backup", kind.key()),
        n => format!("{}.backup.{n}", kind.key()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn todays_key_names_are_kept_for_existing_users() {
        let keys: Vec<&str> = Kind::ALL.iter().map(|kind| kind.key()).collect();
        assert_eq!(
            keys,
            [
                "aware.progress",
                "aware.results",
                "aware.studies",
                "aware.sessions",
                "aware.participant",
                "aware.locale",
                "aware.band",
                "aware.teacher.keyring",
                "aware.teacher.sealed"
            ]
        );
        assert!(keys.iter().all(|key| key.starts_with(PREFIX)));
    }

    #[test]
    fn backup_keys_name_their_kind_and_age_and_nothing_else_is_a_backup() {
        let check = |key: &str, expected: Option<(Kind, u64)>| assert_eq!(parse_backup_key(key), expected, "{key}");
        check("aware.progress.backup", Some((Kind::Progress, 1)));
        check("aware.progress.backup.2", Some((Kind::Progress, 2)));
        check("aware.teacher.sealed.backup.17", Some((Kind::Sealed, 17)));
        for other in [
            "aware.progress",
            "aware.progress.backup.",
            "aware.progress.backup.1",
            "aware.progress.backup.02",
            "aware.progress.backupx",
            "aware.other.backup",
            "aware.progress.backup.2x",
        ] {
            check(other, None);
        }
        for kind in Kind::ALL {
            for number in [1, 2, 3, 40] {
                assert_eq!(parse_backup_key(&backup_key(kind, number)), Some((kind, number)));
            }
        }
    }
}
