//! What a device keeps about studies besides results: the teacher's own studies, and the
//! participant a student's device remembers.
//!
//! Both live in the browser's storage and are decoded here, so a damaged value is reported (and
//! kept aside by the app) rather than crashing anything or being silently replaced.

use serde::{Deserialize, Serialize};

use super::code::{Code, Sheet, StudyId};
use super::record::{Date, shorten};
use crate::json;

/// The studies a teacher created on this device, newest first. The label is the teacher's own
/// note ("Class 8B, autumn"); it never leaves the device and is never in an export.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TeacherStudies {
    pub studies: Vec<StudyEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudyEntry {
    pub id: StudyId,
    pub label: String,
    pub created: Date,
    /// The printed codes, so the cards can be printed again.
    pub codes: Vec<Code>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeviceDecodeError {
    TooLarge,
    Malformed(String),
    UnsupportedVersion(u64),
}

impl std::fmt::Display for DeviceDecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DeviceDecodeError::TooLarge => write!(f, "it is too large"),
            DeviceDecodeError::Malformed(detail) => write!(f, "it is damaged ({detail})"),
            DeviceDecodeError::UnsupportedVersion(found) => {
                write!(f, "it has version {found}, which this app cannot read")
            }
        }
    }
}

pub const STUDIES_FORMAT: &str = "aware-studies";
pub const STUDIES_VERSION: u64 = 1;
/// The largest studies document read; larger is damage, not a teacher's list.
pub const MAX_STUDIES_BYTES: usize = 2 * 1024 * 1024;
/// The longest text: a label of [`StudyEntry::MAX_LABEL_CHARS`] characters, each escaped as
/// `\uXXXX` at worst (see [`json::check_tokens`]).
const MAX_TOKEN_BYTES: usize = 6 * StudyEntry::MAX_LABEL_CHARS;
/// Far more studies than a teacher runs on one device; keeps a damaged value's cost bounded.
const MAX_STUDIES: usize = 500;
const MAX_CODES: usize = Sheet::MAX_CODES;

impl StudyEntry {
    /// Long enough for "Class 8B, autumn term, trafficking unit"; a label is a note, not a record.
    pub const MAX_LABEL_CHARS: usize = 60;

    /// The label trimmed and cut to [`Self::MAX_LABEL_CHARS`] characters, then trimmed again: a
    /// cut just after a space must not leave it, or the label would change when read back.
    pub fn clean_label(label: &str) -> String {
        let cut: String = label.trim().chars().take(StudyEntry::MAX_LABEL_CHARS).collect();
        cut.trim_end().to_owned()
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StudiesV1 {
    format: String,
    version: u64,
    #[serde(deserialize_with = "json::at_most::<_, _, MAX_STUDIES>")]
    studies: Vec<StudyV1>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StudyV1 {
    id: String,
    label: String,
    created: String,
    /// Parsed as they are read: a list of strings would take several times its text.
    #[serde(deserialize_with = "json::at_most::<_, _, MAX_CODES>")]
    codes: Vec<CodeText>,
}

/// A code as stored: written from a [`Code`], read back into one (`None` when damaged).
struct CodeText(Option<Code>);

impl Serialize for CodeText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.map(|code| code.compact()).unwrap_or_default())
    }
}

impl<'de> Deserialize<'de> for CodeText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<CodeText, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = CodeText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a participant code")
            }
            fn visit_str<E>(self, text: &str) -> Result<CodeText, E> {
                Ok(CodeText(Code::parse(text).ok()))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

impl TeacherStudies {
    pub fn find(&self, id: StudyId) -> Option<&StudyEntry> {
        self.studies.iter().find(|study| study.id == id)
    }

    pub fn encode(&self) -> String {
        let document = StudiesV1 {
            format: STUDIES_FORMAT.to_owned(),
            version: STUDIES_VERSION,
            studies: self
                .studies
                .iter()
                .map(|study| StudyV1 {
                    id: study.id.compact(),
                    label: study.label.clone(),
                    created: study.created.to_string(),
                    codes: study.codes.iter().map(|&code| CodeText(Some(code))).collect(),
                })
                .collect(),
        };
        serde_json::to_string(&document).expect("studies always serialise")
    }

    pub fn decode(text: &str) -> Result<TeacherStudies, DeviceDecodeError> {
        if text.len() > MAX_STUDIES_BYTES {
            return Err(DeviceDecodeError::TooLarge);
        }
        json::check_tokens(text.as_bytes(), MAX_TOKEN_BYTES)
            .map_err(|too_long| DeviceDecodeError::Malformed(too_long.to_string()))?;
        #[derive(Deserialize)]
        struct Header {
            format: String,
            version: u64,
        }
        let header: Header = serde_json::from_str(text).map_err(|e| DeviceDecodeError::Malformed(json::message(&e)))?;
        if header.format != STUDIES_FORMAT {
            // Shortened: the text is whatever the storage held (found by fuzzing, quoted in full
            // it made a message six times its length).
            return Err(DeviceDecodeError::Malformed(format!("format {:?}", shorten(&header.format))));
        }
        if header.version != STUDIES_VERSION {
            return Err(DeviceDecodeError::UnsupportedVersion(header.version));
        }
        let document: StudiesV1 =
            serde_json::from_str(text).map_err(|e| DeviceDecodeError::Malformed(json::message(&e)))?;
        let mut studies = Vec::with_capacity(document.studies.len());
        for (index, study) in document.studies.into_iter().enumerate() {
            let problem = |what: &str| DeviceDecodeError::Malformed(format!("study {}: {what}", index + 1));
            let id = StudyId::parse(&study.id).map_err(|_| problem("study id"))?;
            let created = Date::parse(&study.created).ok_or_else(|| problem("date"))?;
            let codes = study.codes.iter().map(|code| code.0).collect::<Option<Vec<Code>>>();
            let codes = codes.ok_or_else(|| problem("code"))?;
            studies.push(StudyEntry { id, label: StudyEntry::clean_label(&study.label), created, codes });
        }
        Ok(TeacherStudies { studies })
    }
}

/// The participant a student's device remembers between the pre-test and the post-test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Participant {
    pub study: StudyId,
    pub code: Code,
}

impl Participant {
    /// `STUDYID/CODE`, compact.
    pub fn encode(&self) -> String {
        format!("{}/{}", self.study.compact(), self.code.compact())
    }

    pub fn decode(text: &str) -> Option<Participant> {
        // Room for the spaces and dashes people type; the value is never longer than 17 bytes.
        const MAX_BYTES: usize = 64;
        if text.len() > MAX_BYTES {
            return None;
        }
        let (study, code) = text.split_once('/')?;
        Some(Participant { study: StudyId::parse(study).ok()?, code: Code::parse(code).ok()? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn study() -> StudyId {
        StudyId::generate(&[7, 1, 2, 3, 4, 5, 6, 8])
    }

    #[test]
    fn studies_survive_a_round_trip() {
        let studies = TeacherStudies {
            studies: vec![StudyEntry {
                id: study(),
                label: "Class 8B".into(),
                created: Date::new(2026, 11, 29).unwrap(),
                codes: vec![Code::generate(&[1; 8]), Code::generate(&[2; 8])],
            }],
        };
        assert_eq!(TeacherStudies::decode(&studies.encode()), Ok(studies));
    }

    #[test]
    fn damaged_studies_are_reported_not_guessed() {
        assert!(matches!(TeacherStudies::decode("{"), Err(DeviceDecodeError::Malformed(_))));
        assert!(matches!(
            TeacherStudies::decode(r#"{"format":"aware-studies","version":9,"studies":[]}"#),
            Err(DeviceDecodeError::UnsupportedVersion(9))
        ));
        let bad_code = format!(
            r#"{{"format":"aware-studies","version":1,"studies":[{{"id":"{}","label":"x","created":"2026-11-29","codes":["AAAAAA"]}}]}}"#,
            study().compact()
        );
        assert_eq!(TeacherStudies::decode(&bad_code), Err(DeviceDecodeError::Malformed("study 1: code".into())));
        let extra = r#"{"format":"aware-studies","version":1,"studies":[],"names":[]}"#;
        assert!(matches!(TeacherStudies::decode(extra), Err(DeviceDecodeError::Malformed(_))));
    }

    #[test]
    fn a_wrong_format_is_named_shortened() {
        let wrong = format!(r#"{{"format":"{}aware-studies","version":1,"studies":[]}}"#, "\u{7f}".repeat(128));
        let Err(DeviceDecodeError::Malformed(detail)) = TeacherStudies::decode(&wrong) else {
            panic!("{wrong} is refused as damaged");
        };
        assert_eq!(detail, format!("format {:?}", format!("{}…", "\u{7f}".repeat(40))));
    }

    #[test]
    fn labels_are_trimmed_and_cut() {
        assert_eq!(StudyEntry::clean_label("  8B  "), "8B");
        assert_eq!(StudyEntry::clean_label(&"я".repeat(100)).chars().count(), StudyEntry::MAX_LABEL_CHARS);
        // Found by fuzzing: the cut fell just after a space, and reading the label back trimmed it.
        let space_at_the_cut = format!("{} 8B", "a".repeat(StudyEntry::MAX_LABEL_CHARS - 1));
        let cleaned = StudyEntry::clean_label(&space_at_the_cut);
        assert_eq!(cleaned, "a".repeat(StudyEntry::MAX_LABEL_CHARS - 1));
        assert_eq!(StudyEntry::clean_label(&cleaned), cleaned, "cleaning twice changes nothing");
    }

    #[test]
    fn a_remembered_participant_round_trips_and_a_typo_is_refused() {
        let participant = Participant { study: study(), code: Code::generate(&[3; 8]) };
        assert_eq!(Participant::decode(&participant.encode()), Some(participant));
        let mut damaged = participant.encode();
        damaged.pop();
        damaged.push(if damaged.ends_with('3') { '4' } else { '3' });
        assert_eq!(Participant::decode(&damaged), None);
        assert_eq!(Participant::decode("nonsense"), None);
    }
}
