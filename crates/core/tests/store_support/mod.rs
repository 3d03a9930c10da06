//! Test data for the device store's tests: a lesson, records, studies, participants, a keyring
//! and envelopes, each numbered so that two tabs' changes are told apart.

#![allow(dead_code)]

use aware_core::content::Lesson;
use aware_core::store::teacher::{Envelope, Keyring, PayloadKind, PublicKey, SealedLog};
use aware_core::store::{DeviceStore, MemoryBackend};
use aware_core::study::{
    Answer, Code, Date, Form, Id, Likert, Locale, Participant, Phase, Record, Response, ResultsFile, StudyEntry,
    StudyId, TeacherStudies,
};

/// A store over `backend`, as a tab that has just loaded.
pub fn tab(backend: &MemoryBackend) -> DeviceStore {
    DeviceStore::open(Some(Box::new(backend.clone())))
}

/// A lesson `basics` with three sections and items `q1` (a is right) and `q2` (true is right),
/// in the content bundle's JSON form: the store needs only ids, sections and options.
pub fn lesson() -> Lesson {
    let option = |id: &str, correct: bool| format!(r#"{{"id":"{id}","text":"","explanation":"","correct":{correct}}}"#);
    let item = |id: &str, kind: &str, right: &str, wrong: &str| {
        let options = [option(right, true), option(wrong, false)].join(",");
        format!(r#"{{"id":"{id}","kind":"{kind}","prompt":"?","options":[{options}],"sources":[]}}"#)
    };
    let section = r#"{"heading":[],"blocks":[]}"#;
    let json = format!(
        r#"{{"id":"basics","version":2,"age_min":12,"age_max":18,"duration_minutes":30,"title":"Basics",
        "summary":"","reviewed":true,"content_note":"","objectives":[],"sections":[{section},{section},{section}],
        "key_points":[],"quiz":[{},{}],"scenarios":[],"teacher_guide":[],"sources":[]}}"#,
        item("q1", "single", "a", "b"),
        item("q2", "true-false", "true", "false"),
    );
    serde_json::from_str(&json).expect("a lesson")
}

pub fn selection(ids: &[&str]) -> aware_core::quiz::Selection {
    ids.iter().map(|id| (*id).to_owned()).collect()
}

pub fn study(n: u8) -> StudyId {
    StudyId::generate(&[n, 7, 7, 7, 7, 7, 7, 7])
}

pub fn code(n: u8) -> Code {
    Code::generate(&[n, 1, 2, 3, 4, 5, 6, 7])
}

/// Participant `n` of study `study_n`'s pre-test, one Likert answer.
pub fn record_in(study_n: u8, n: u8) -> Record {
    let item = Id::new("feel-safe").expect("an id");
    Record {
        study: study(study_n),
        code: code(n),
        phase: Phase::Pre,
        form: Form::A,
        locale: Locale::new("mn").expect("a locale"),
        content_version: 1,
        date: Date::new(2026, 3, 2).expect("a day"),
        answers: [(item, Answer { version: 1, response: Response::Likert(Likert::new(1 + n % 5).expect("1-5")) })]
            .into_iter()
            .collect(),
    }
}

pub fn record(n: u8) -> Record {
    record_in(1, n)
}

pub fn results_text(records: &[Record]) -> String {
    ResultsFile::new(records.to_vec()).expect("valid records").encode().expect("small")
}

pub fn study_entry(n: u8) -> StudyEntry {
    StudyEntry {
        id: study(n),
        label: format!("Class {n}"),
        created: Date::new(2026, 2, n.clamp(1, 28)).expect("a day"),
        codes: vec![code(n), code(n.wrapping_add(100))],
        secret: None,
    }
}

pub fn studies_text(entries: &[StudyEntry]) -> String {
    TeacherStudies { studies: entries.to_vec() }.encode()
}

pub fn participant(n: u8) -> Participant {
    Participant { study: study(n), code: code(n) }
}

pub fn public_key(n: u8) -> PublicKey {
    let mut bytes = [n; PublicKey::BYTES];
    bytes[0] = 0x04;
    PublicKey::from_bytes(&bytes).expect("an uncompressed point's shape")
}

pub fn keyring(n: u8) -> Keyring {
    Keyring {
        public_key: public_key(n),
        salt: vec![n; 16],
        iterations: aware_core::store::teacher::keyring::ITERATIONS,
        wrap_nonce: [n; 12],
        wrapped_private_key: vec![n; 154],
    }
}

/// An envelope as the app would seal it (the ciphertext here is filler: the store never opens one).
pub fn envelope(n: u8, kind: PayloadKind) -> Envelope {
    Envelope { kind, ephemeral_public_key: public_key(n), nonce: [n; 12], ciphertext: vec![n; 40] }
}

pub fn log_text(envelopes: &[Envelope]) -> String {
    SealedLog { envelopes: envelopes.to_vec() }.encode()
}
