//! The decoders' properties on any bytes, as one check function: the fuzz target
//! `fuzz/fuzz_targets/result_code.rs` calls [`result_code`] with libFuzzer's input, and
//! `tests/fuzz_corpus.rs` replays `fuzz/corpus/result_code/` through it on stable Rust (it is
//! listed in [`crate::fuzzing::TARGETS`]).
//!
//! A fuzzer would almost never guess a CRC-32, so when the input's first byte is odd the rest is
//! sealed with its own checksum first: the bodies' readers meet arbitrary fields. Even: the rest
//! is decoded as it is. Both go through every decoder and both scan sessions, against a small
//! assessment (two languages, items of 2, 3 and 5 options, two statements) and a lesson of five
//! quiz items.
//!
//! Properties: nothing panics; what decodes encodes back to the same bytes (one code per
//! result); [`kind`] agrees with the decoders; a scan session counts a code once.

use super::quiz::QuizResult;
use super::scan::{QuizScan, QuizScanOutcome, StudyScan, StudyScanOutcome};
use super::{CRC32, DecodeError, check, kind};
use crate::assessment::Assessment;
use crate::content::Lesson;
use crate::study::StudyId;

/// The assessment and lesson the fuzz target decodes against.
pub fn content() -> (Assessment, Lesson) {
    let option = |id: &str| format!(r#"{{"id":"{id}","correct":false,"text":{{}}}}"#);
    let knowledge = |id: &str, form: &str, options: &[&str]| {
        let options: Vec<String> = options.iter().map(|o| option(o)).collect();
        format!(
            r#"{{"id":"{id}","version":1,"since":1,"pair":"{id}","form":"{form}","true_false":false,"options":[{}],
            "prompt":{{}},"explanation":{{}},"sources":[]}}"#,
            options.join(",")
        )
    };
    let statement =
        |id: &str| format!(r#"{{"id":"{id}","version":2,"since":1,"scale":"s","reversed":false,"statement":{{}}}}"#);
    let assessment = format!(
        r#"{{"format":2,"version":3,"locales":["mn","en"],"labels":{{}},"scales":[{{"id":"s","name":{{}}}}],
        "knowledge":[{},{},{}],"likert":[{},{}]}}"#,
        knowledge("k-one", "A", &["a", "b"]),
        knowledge("k-two", "B", &["true", "false", "x"]),
        knowledge("k-three", "A", &["a", "b", "c", "d", "e"]),
        statement("s-one"),
        statement("s-two"),
    );
    let item = |id: &str| {
        format!(
            r#"{{"id":"{id}","kind":"single","prompt":"?","options":[{{"id":"a","text":"","explanation":"","correct":true}}],"sources":[]}}"#
        )
    };
    let items: Vec<String> = ["q1", "q2", "q3", "q4", "q5"].iter().map(|id| item(id)).collect();
    let lesson = format!(
        r#"{{"id":"fuzz","version":4,"age_min":12,"age_max":18,"duration_minutes":30,"title":"","summary":"",
        "reviewed":true,"content_note":"","objectives":[],"sections":[],"key_points":[],"quiz":[{}],
        "scenarios":[],"teacher_guide":[],"sources":[]}}"#,
        items.join(",")
    );
    (
        serde_json::from_str(&assessment).expect("the fuzz assessment is well-formed"),
        serde_json::from_str(&lesson).expect("the fuzz lesson is well-formed"),
    )
}

/// A study id whose codes the fuzzer may find (all character values 0 but the check character).
const STUDY: [u8; 8] = [0; 8];

pub fn result_code(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else { return };
    let bytes = if mode % 2 == 1 {
        let mut sealed = rest.to_vec();
        sealed.extend(CRC32.checksum(rest).to_be_bytes());
        sealed
    } else {
        rest.to_vec()
    };
    let (assessment, lesson) = content();
    let kind = kind(&bytes);

    let record = check::decode(&assessment, &bytes);
    if let Ok(record) = &record {
        assert_eq!(check::encode(&assessment, record).as_deref(), Ok(&bytes[..]), "a record re-encodes to its code");
        assert_eq!(kind, Ok(super::Kind::Record));
    }
    let quiz = QuizResult::decode(&lesson, &bytes);
    if let Ok(quiz) = &quiz {
        assert_eq!(quiz.encode(), bytes, "a quiz result re-encodes to its code");
        assert_eq!(kind, Ok(super::Kind::Quiz));
    }
    if let Err(error) = &kind {
        assert_eq!(record.as_ref().err(), Some(error));
        assert_eq!(quiz.as_ref().err(), Some(error));
    }
    assert!(!matches!(record, Err(DecodeError::TooLong { .. })) || bytes.len() > super::MAX_BYTES);

    let mut study_scan = StudyScan::new(StudyId::generate(&STUDY));
    let first = study_scan.scan(&assessment, &bytes);
    let again = study_scan.scan(&assessment, &bytes);
    match first {
        StudyScanOutcome::New(_) => assert_eq!(again, StudyScanOutcome::AlreadyScanned),
        _ => assert!(!matches!(again, StudyScanOutcome::New(_))),
    }
    assert!(study_scan.counts().added + study_scan.counts().refused + study_scan.counts().conflicts == 1);

    let mut quiz_scan = QuizScan::new();
    let first = quiz_scan.scan(&lesson, &bytes);
    assert!(!matches!(quiz_scan.scan(&lesson, &bytes), QuizScanOutcome::Counted(_)));
    assert_eq!(matches!(first, QuizScanOutcome::Counted(_)), quiz.is_ok_and(|q| q.lesson_version() == lesson.version));
}
