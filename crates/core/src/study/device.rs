//! What a device keeps about studies besides results: the teacher's own studies, and the
//! participant a student's device remembers.
//!
//! Both live in the browser's storage and are decoded here, so a damaged value is reported (and
//! kept aside by the app) rather than crashing anything or being silently replaced.

use serde::{Deserialize, Serialize};

use super::code::{Code, Sheet, StudyId};
use super::definition::{CodeText, FieldProblem, StudyDefinition, StudySecret};
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
    /// The printed codes, so the cards can be printed again: the only codes the study's report
    /// counts. Derived from `secret` when there is one (see [`super::definition`]).
    pub codes: Vec<Code>,
    /// `None` for a study created before codes were derived from a secret; its codes are kept as
    /// a list instead.
    pub secret: Option<StudySecret>,
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
/// 2: a study keeps its secret and number of cards instead of its codes (1 listed the codes;
/// still read).
pub const STUDIES_VERSION: u64 = 2;
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

    /// A study just created on this device, with the teacher's note.
    pub fn new(definition: &StudyDefinition, label: &str, created: Date) -> StudyEntry {
        StudyEntry {
            id: definition.id(),
            label: StudyEntry::clean_label(label),
            created,
            codes: definition.codes(),
            secret: definition.secret(),
        }
    }

    /// Which codes the study issued: for its report, and the file an evaluator pools with.
    pub fn definition(&self) -> StudyDefinition {
        self.secret
            .and_then(|secret| StudyDefinition::derived(self.id, secret, self.codes.len()).ok())
            .unwrap_or_else(|| StudyDefinition::listed(self.id, self.codes.clone()))
    }

    /// The label trimmed and cut to [`Self::MAX_LABEL_CHARS`] characters, then trimmed again: a
    /// cut just after a space must not leave it, or the label would change when read back.
    pub fn clean_label(label: &str) -> String {
        let cut: String = label.trim().chars().take(StudyEntry::MAX_LABEL_CHARS).collect();
        cut.trim_end().to_owned()
    }
}

/// Version 1: codes listed. Read, never written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StudiesV1 {
    #[serde(rename = "format")]
    _format: String,
    #[serde(rename = "version")]
    _version: u64,
    #[serde(deserialize_with = "json::at_most::<_, _, MAX_STUDIES>")]
    studies: Vec<StudyV1>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StudyV1 {
    id: String,
    label: String,
    created: String,
    /// Parsed as they are read: a list of strings would take several times its text.
    #[serde(deserialize_with = "json::at_most::<_, _, MAX_CODES>")]
    codes: Vec<CodeText>,
}

/// Version 2: a study with a secret keeps it and its number of cards; one without lists codes.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StudiesV2 {
    format: String,
    version: u64,
    #[serde(deserialize_with = "json::at_most::<_, _, MAX_STUDIES>")]
    studies: Vec<StudyV2>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StudyV2 {
    id: String,
    label: String,
    created: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    secret: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cards: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "some_codes")]
    codes: Option<Vec<CodeText>>,
}

/// A list of codes, read only to its limit.
fn some_codes<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Vec<CodeText>>, D::Error> {
    json::at_most::<_, _, MAX_CODES>(deserializer).map(Some)
}

impl TeacherStudies {
    pub fn find(&self, id: StudyId) -> Option<&StudyEntry> {
        self.studies.iter().find(|study| study.id == id)
    }

    pub fn encode(&self) -> String {
        let document = StudiesV2 {
            format: STUDIES_FORMAT.to_owned(),
            version: STUDIES_VERSION,
            studies: self
                .studies
                .iter()
                .map(|study| StudyV2 {
                    id: study.id.compact(),
                    label: study.label.clone(),
                    created: study.created.to_string(),
                    secret: study.secret.map(StudySecret::to_hex),
                    cards: study.secret.map(|_| study.codes.len() as u16),
                    codes: study.secret.is_none().then(|| study.codes.iter().map(|&code| CodeText(Ok(code))).collect()),
                })
                .collect(),
        };
        serde_json::to_string(&document).expect("studies always serialise")
    }

    pub fn decode(text: &str) -> Result<TeacherStudies, DeviceDecodeError> {
        TeacherStudies::decode_stored(text).map(|(studies, _)| studies)
    }

    /// [`Self::decode`], and the version the document was stored in: an older one is migrated
    /// as it is read, and the device store keeps its original aside before writing over it.
    pub fn decode_stored(text: &str) -> Result<(TeacherStudies, u64), DeviceDecodeError> {
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
        let studies: Vec<StudyV2> = match header.version {
            1 => {
                let document: StudiesV1 =
                    serde_json::from_str(text).map_err(|e| DeviceDecodeError::Malformed(json::message(&e)))?;
                document
                    .studies
                    .into_iter()
                    .map(|study| StudyV2 {
                        id: study.id,
                        label: study.label,
                        created: study.created,
                        secret: None,
                        cards: None,
                        codes: Some(study.codes),
                    })
                    .collect()
            }
            STUDIES_VERSION => {
                serde_json::from_str::<StudiesV2>(text)
                    .map_err(|e| DeviceDecodeError::Malformed(json::message(&e)))?
                    .studies
            }
            found => return Err(DeviceDecodeError::UnsupportedVersion(found)),
        };
        let mut entries = Vec::with_capacity(studies.len());
        for (index, study) in studies.into_iter().enumerate() {
            let problem = |what: &str| DeviceDecodeError::Malformed(format!("study {}: {what}", index + 1));
            let id = StudyId::parse(&study.id).map_err(|_| problem("study id"))?;
            let created = Date::parse(&study.created).ok_or_else(|| problem("date"))?;
            let definition =
                StudyDefinition::from_fields(id, study.secret.as_deref(), study.cards, study.codes.as_deref())
                    .map_err(|field| {
                        problem(match field {
                            FieldProblem::Secret => "secret",
                            FieldProblem::Cards(_) => "cards",
                            FieldProblem::Code(_) | FieldProblem::CodeTwice(_) => "code",
                            FieldProblem::CodeCount(_) | FieldProblem::Neither => "codes",
                        })
                    })?;
            entries.push(StudyEntry::new(&definition, &study.label, created));
        }
        Ok((TeacherStudies { studies: entries }, header.version))
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
        let mut n = 0u64;
        let mut random = || {
            n += 1;
            n.wrapping_mul(0x9E37_79B9_7F4A_7C15).to_le_bytes()
        };
        let derived = StudyDefinition::create(crate::study::Design::Parallel, 12, &mut random).unwrap();
        let created = Date::new(2026, 11, 29).unwrap();
        let studies = TeacherStudies {
            studies: vec![
                StudyEntry::new(&derived, "Class 8B", created),
                StudyEntry {
                    id: study(),
                    label: "Class 8A".into(),
                    created,
                    codes: vec![Code::generate(&[1; 8]), Code::generate(&[2; 8])],
                    secret: None,
                },
            ],
        };
        let encoded = studies.encode();
        assert!(!encoded.contains(&derived.codes()[0].compact()), "a derived study keeps its secret, not its codes");
        assert_eq!(TeacherStudies::decode(&encoded), Ok(studies.clone()));
        assert_eq!(studies.studies[0].definition(), derived);
    }

    #[test]
    fn studies_stored_by_the_first_version_are_read_with_their_codes_listed() {
        let code = Code::generate(&[1; 8]);
        let v1 = format!(
            r#"{{"format":"aware-studies","version":1,"studies":[{{"id":"{}","label":"8B","created":"2026-11-29","codes":["{}"]}}]}}"#,
            study().compact(),
            code.compact()
        );
        let studies = TeacherStudies::decode(&v1).unwrap();
        let entry = &studies.studies[0];
        assert_eq!((&entry.codes, entry.secret), (&vec![code], None));
        assert_eq!(entry.definition(), StudyDefinition::listed(study(), vec![code]));
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
        let bad_secret = format!(
            r#"{{"format":"aware-studies","version":2,"studies":[{{"id":"{}","label":"x","created":"2026-11-29","secret":"00","cards":3}}]}}"#,
            study().compact()
        );
        assert_eq!(TeacherStudies::decode(&bad_secret), Err(DeviceDecodeError::Malformed("study 1: secret".into())));
        for version in [1, 2] {
            let extra = format!(r#"{{"format":"aware-studies","version":{version},"studies":[],"names":[]}}"#);
            assert!(matches!(TeacherStudies::decode(&extra), Err(DeviceDecodeError::Malformed(_))));
        }
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
