//! Turning payloads the app has decrypted into the teacher's results, studies and sessions.
//!
//! Each payload is read as untrusted input, like an imported file (it was sealed on a shared
//! device by whoever used it): a payload that does not decode is named and left out, and its
//! envelope is not counted as opened, so a compaction never consumes it.

use std::collections::BTreeSet;

use super::envelope::{EnvelopeId, PayloadKind};
use crate::classroom::{ClassSessions, SessionsDecodeError};
use crate::study::device::DeviceDecodeError;
use crate::study::file::ImportError;
use crate::study::{RecordKey, ResultsFile, StudyEntry, TeacherStudies};

/// One envelope's payload, decrypted by the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub id: EnvelopeId,
    pub kind: PayloadKind,
    pub plaintext: Vec<u8>,
}

/// The teacher's data as opened: every result, study and session in the payloads given.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TeacherData {
    pub results: ResultsFile,
    /// Newest first: a later envelope's studies come before an earlier one's.
    pub studies: TeacherStudies,
    /// A session is sealed again at each checkpoint: the copy with the highest revision is kept.
    pub sessions: ClassSessions,
    /// The envelopes whose payloads are in `results`, `studies` and `sessions`.
    pub opened: BTreeSet<EnvelopeId>,
    pub problems: Vec<OpenProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenProblem {
    /// A results payload that is not a results file, or would make too many records.
    Results {
        id: EnvelopeId,
        error: ImportError,
    },
    Studies {
        id: EnvelopeId,
        error: DeviceDecodeError,
    },
    Sessions {
        id: EnvelopeId,
        error: SessionsDecodeError,
    },
    /// Records with the key of one already opened but other content (a code used twice): the
    /// first one stands, as in an import.
    Conflicts {
        id: EnvelopeId,
        keys: Vec<RecordKey>,
    },
}

/// Opens payloads in the order their envelopes were appended.
pub fn open(payloads: impl IntoIterator<Item = Opened>) -> TeacherData {
    let mut data = TeacherData::default();
    for payload in payloads {
        data.add(payload);
    }
    data
}

impl TeacherData {
    /// Adds one more payload (an envelope another tab appended since, say).
    pub fn add(&mut self, payload: Opened) {
        let Opened { id, kind, plaintext } = payload;
        if self.opened.contains(&id) {
            return;
        }
        match kind {
            PayloadKind::Results => {
                let merged = ResultsFile::decode(&plaintext).and_then(|file| self.results.merge(file));
                match merged {
                    Ok(report) => {
                        if !report.conflicts.is_empty() {
                            self.problems.push(OpenProblem::Conflicts { id: id.clone(), keys: report.conflicts });
                        }
                    }
                    Err(error) => {
                        self.problems.push(OpenProblem::Results { id, error });
                        return;
                    }
                }
            }
            PayloadKind::Studies => {
                let decoded = std::str::from_utf8(&plaintext)
                    .map_err(|_| DeviceDecodeError::Malformed("not UTF-8".to_owned()))
                    .and_then(TeacherStudies::decode);
                match decoded {
                    Ok(studies) => {
                        let mut newer: Vec<StudyEntry> = Vec::new();
                        for study in studies.studies {
                            if self.studies.find(study.id).is_none() && newer.iter().all(|held| held.id != study.id) {
                                newer.push(study);
                            }
                        }
                        newer.append(&mut self.studies.studies);
                        self.studies.studies = newer;
                    }
                    Err(error) => {
                        self.problems.push(OpenProblem::Studies { id, error });
                        return;
                    }
                }
            }
            PayloadKind::Sessions => {
                let decoded = std::str::from_utf8(&plaintext)
                    .map_err(|_| SessionsDecodeError::Malformed("not UTF-8".to_owned()))
                    .and_then(ClassSessions::decode);
                match decoded {
                    Ok(sessions) => {
                        // Oldest first, so each session's newest copies stay in front.
                        for session in sessions.sessions().iter().rev() {
                            self.sessions.keep(session);
                        }
                    }
                    Err(error) => {
                        self.problems.push(OpenProblem::Sessions { id, error });
                        return;
                    }
                }
            }
        }
        self.opened.insert(id);
    }
}
