//! The teacher's scan sessions: codes arrive one camera frame after another, and the same screen
//! is seen in many frames. Each session checks a code once, remembers what became of it, and
//! answers a code seen again at once.
//!
//! - [`StudyScan`] collects pre/post records for one study. Each new record is for the app to add
//!   with `DeviceStore::add_record` (the same merge as a file import: a record already held is
//!   skipped, a different one for the same code, phase and form is a conflict and the held one
//!   stands). Within the session the same rule, [`ResultsFile::merge`], tells a repeat from a
//!   conflict.
//! - [`QuizScan`] collects finished quizzes of one lesson for the classroom poll, and [`tally`]
//!   counts them per item.
//!
//! Nothing here is stored: a session lives while the scan screen is open.

use std::collections::BTreeMap;

use super::quiz::{QuizResult, ShowingToken};
use super::{DecodeError, check};
use crate::assessment::Assessment;
use crate::content::Lesson;
use crate::study::{Record, RecordKey, ResultsFile, StudyId};

/// Distinct codes a session remembers; a camera pointed at a stream of different codes cannot
/// make it grow without bound (codes after this are checked every time they are seen).
pub const MAX_REMEMBERED: usize = 10_000;

/// Results one quiz scan counts at most: more than any class.
pub const MAX_QUIZ_RESULTS: usize = 1_000;

/// What a session has counted: each distinct code once, however many frames showed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScanCounts {
    /// Records to add to the study, or quiz results counted.
    pub added: usize,
    /// Records whose study, code, phase and form were already scanned with other answers.
    pub conflicts: usize,
    /// Codes refused (damaged, another study's, another kind, other content).
    pub refused: usize,
}

/// Why a session refused a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanRefusal {
    Code(DecodeError),
    /// A record of another study than the one being collected.
    OtherStudy {
        found: StudyId,
    },
    /// A quiz taken on another version of the lesson.
    OtherVersion {
        found: u32,
    },
    /// The session holds as many results as it may.
    Full,
}

/// What became of one scanned pre/post code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StudyScanOutcome {
    /// A record not scanned before in this session: add it with `DeviceStore::add_record`.
    New(Record),
    /// The same record was scanned before in this session (the same screen, seen again).
    AlreadyScanned,
    /// A record with other answers for the same study, code, phase and form was scanned before
    /// in this session; the first stands. `again` when this very code was seen before.
    Conflict {
        key: RecordKey,
        again: bool,
    },
    Refused {
        reason: ScanRefusal,
        again: bool,
    },
}

/// What became of one scanned quiz code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizScanOutcome {
    /// A result not counted before: the tally has changed.
    Counted(QuizResult),
    /// This showing was counted before (the same screen, seen again).
    AlreadyScanned,
    Refused {
        reason: ScanRefusal,
        again: bool,
    },
}

/// A scan of pre/post codes for one study.
pub struct StudyScan {
    study: StudyId,
    scanned: ResultsFile,
    seen: BTreeMap<Vec<u8>, StudyScanOutcome>,
    counts: ScanCounts,
}

impl StudyScan {
    pub fn new(study: StudyId) -> StudyScan {
        StudyScan { study, scanned: ResultsFile::default(), seen: BTreeMap::new(), counts: ScanCounts::default() }
    }

    /// Checks one code (`bytes` as the camera worker read them) against `assessment` and this
    /// session's study, and counts it if it is new.
    pub fn scan(&mut self, assessment: &Assessment, bytes: &[u8]) -> StudyScanOutcome {
        if let Some(earlier) = self.seen.get(bytes) {
            return match earlier {
                StudyScanOutcome::New(_) | StudyScanOutcome::AlreadyScanned => StudyScanOutcome::AlreadyScanned,
                StudyScanOutcome::Conflict { key, .. } => StudyScanOutcome::Conflict { key: *key, again: true },
                StudyScanOutcome::Refused { reason, .. } => {
                    StudyScanOutcome::Refused { reason: reason.clone(), again: true }
                }
            };
        }
        let outcome = self.check(assessment, bytes);
        match &outcome {
            StudyScanOutcome::New(_) => self.counts.added += 1,
            StudyScanOutcome::Conflict { .. } => self.counts.conflicts += 1,
            StudyScanOutcome::Refused { .. } => self.counts.refused += 1,
            StudyScanOutcome::AlreadyScanned => {}
        }
        if self.seen.len() < MAX_REMEMBERED {
            self.seen.insert(bytes.to_vec(), outcome.clone());
        }
        outcome
    }

    fn check(&mut self, assessment: &Assessment, bytes: &[u8]) -> StudyScanOutcome {
        let refused = |reason| StudyScanOutcome::Refused { reason, again: false };
        let record = match check::decode(assessment, bytes) {
            Ok(record) => record,
            Err(error) => return refused(ScanRefusal::Code(error)),
        };
        if record.study != self.study {
            return refused(ScanRefusal::OtherStudy { found: record.study });
        }
        let key = record.key();
        let merged = ResultsFile::new(vec![record.clone()]).and_then(|single| self.scanned.merge(single));
        match merged {
            Ok(report) if report.added == 1 => StudyScanOutcome::New(record),
            Ok(report) if !report.conflicts.is_empty() => StudyScanOutcome::Conflict { key, again: false },
            Ok(_) => StudyScanOutcome::AlreadyScanned,
            Err(_) => refused(ScanRefusal::Full),
        }
    }

    pub fn study(&self) -> StudyId {
        self.study
    }

    /// The records added in this session, in key order (not the order scanned).
    pub fn scanned(&self) -> &ResultsFile {
        &self.scanned
    }

    pub fn counts(&self) -> ScanCounts {
        self.counts
    }
}

/// A scan of quiz codes for one lesson.
#[derive(Default)]
pub struct QuizScan {
    results: BTreeMap<ShowingToken, QuizResult>,
    seen: BTreeMap<Vec<u8>, QuizScanOutcome>,
    counts: ScanCounts,
}

impl QuizScan {
    pub fn new() -> QuizScan {
        QuizScan::default()
    }

    /// Checks one code against `lesson` (its fingerprint and version) and counts it if this
    /// showing was not counted before.
    pub fn scan(&mut self, lesson: &Lesson, bytes: &[u8]) -> QuizScanOutcome {
        if let Some(earlier) = self.seen.get(bytes) {
            return match earlier {
                QuizScanOutcome::Counted(_) | QuizScanOutcome::AlreadyScanned => QuizScanOutcome::AlreadyScanned,
                QuizScanOutcome::Refused { reason, .. } => {
                    QuizScanOutcome::Refused { reason: reason.clone(), again: true }
                }
            };
        }
        let refused = |reason| QuizScanOutcome::Refused { reason, again: false };
        let outcome = match QuizResult::decode(lesson, bytes) {
            Err(error) => refused(ScanRefusal::Code(error)),
            Ok(result) if result.lesson_version() != lesson.version => {
                refused(ScanRefusal::OtherVersion { found: result.lesson_version() })
            }
            // The same showing (the odds of two showings drawing one token are 1 in 4 billion).
            Ok(result) if self.results.contains_key(&result.token()) => QuizScanOutcome::AlreadyScanned,
            Ok(_) if self.results.len() >= MAX_QUIZ_RESULTS => refused(ScanRefusal::Full),
            Ok(result) => {
                self.results.insert(result.token(), result.clone());
                QuizScanOutcome::Counted(result)
            }
        };
        match &outcome {
            QuizScanOutcome::Counted(_) => self.counts.added += 1,
            QuizScanOutcome::Refused { .. } => self.counts.refused += 1,
            QuizScanOutcome::AlreadyScanned => {}
        }
        if self.seen.len() < MAX_REMEMBERED {
            self.seen.insert(bytes.to_vec(), outcome.clone());
        }
        outcome
    }

    /// The results counted, in no meaningful order (by their random tokens).
    pub fn results(&self) -> impl ExactSizeIterator<Item = &QuizResult> {
        self.results.values()
    }

    pub fn counts(&self) -> ScanCounts {
        self.counts
    }
}

/// The classroom poll's counts for one quiz.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuizTally {
    /// Results counted.
    pub results: usize,
    /// For each quiz item, in the lesson's order: how many results had it right at the first try.
    pub first_try_correct: Vec<usize>,
}

/// Counts `results` of a quiz of `items` items per item (results of another length are left out).
pub fn tally<'a>(items: usize, results: impl IntoIterator<Item = &'a QuizResult>) -> QuizTally {
    let mut tally = QuizTally { results: 0, first_try_correct: vec![0; items] };
    for result in results.into_iter().filter(|result| result.first_try().len() == items) {
        tally.results += 1;
        for (count, &right) in tally.first_try_correct.iter_mut().zip(result.first_try()) {
            *count += usize::from(right);
        }
    }
    tally
}
