//! Test data for the device store's tests: a lesson, records, studies, participants, a keyring
//! and envelopes, each numbered so that two tabs' changes are told apart.

#![allow(dead_code)]

use aware_core::content::{Block, Inline, Lesson, QuizItem, QuizKind, QuizOption, Section};
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

/// A lesson `basics` with three sections and items `q1` (a is right) and `q2` (true is right).
pub fn lesson() -> Lesson {
    let section = |heading: &str| Section {
        heading: vec![Inline::Text(heading.to_owned())],
        blocks: vec![Block::Paragraph(vec![Inline::Text("Text.".to_owned())])],
    };
    let option = |id: &str, correct: bool| QuizOption {
        id: id.to_owned(),
        text: String::new(),
        explanation: format!("why {id}"),
        correct,
    };
    let item = |id: &str, kind, options| QuizItem {
        id: id.to_owned(),
        kind,
        prompt: "?".to_owned(),
        options,
        sources: Vec::new(),
    };
    Lesson {
        id: "basics".to_owned(),
        version: 2,
        age_min: 12,
        age_max: 18,
        duration_minutes: 30,
        title: "Basics".to_owned(),
        summary: "What it is.".to_owned(),
        content_note: String::new(),
        reviewed: true,
        objectives: Vec::new(),
        sections: vec![section("One"), section("Two"), section("Three")],
        key_points: Vec::new(),
        scenarios: Vec::new(),
        teacher_guide: Vec::new(),
        quiz: vec![
            item("q1", QuizKind::Single, vec![option("a", true), option("b", false)]),
            item("q2", QuizKind::TrueFalse, vec![option("true", true), option("false", false)]),
        ],
        sources: Vec::new(),
    }
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
