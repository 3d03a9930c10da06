//! The properties every decoder of untrusted bytes must keep, one check function per decoder.
//!
//! Each `fuzz/fuzz_targets/<name>.rs` calls its function here with libFuzzer's input, and
//! `crates/core/tests/fuzz_corpus.rs` replays every file of `fuzz/corpus/<name>/` through the
//! same function on stable Rust, so CI re-checks what fuzzing found. A check panics when a
//! property breaks; returning means the input was handled correctly, accepted or refused.
//!
//! Beyond "never panics", each check asserts what it can: what is accepted encodes and decodes
//! back to an equal value, and a refusal's message stays short (it never quotes a long input).
//!
//! Only built with the `fuzzing` feature. To add a decoder, see `fuzz/README.md`. The result
//! codes' check is listed here but lives beside them (`result_code::fuzzing`, with its test
//! content). The camera readers' targets are the exception: the card reader's (`detect_markers`)
//! is in `aware_vision::fuzzing` and the QR reader's (`read_qr`) in `aware_qr::fuzzing`, beside
//! each reader, and the replay test runs all three lists.

use std::collections::{BTreeMap, BTreeSet};

use crate::assessment::Assessment;
use crate::classroom::{Message, Role, SessionId, Window, WindowId};
use crate::content::{Curriculum, HelpDirectory};
use crate::deployment::Origin;
use crate::embed::{ChildMessage, MAX_MESSAGE_BYTES, ParentLink, ParentMessage};
use crate::progress::{self, Loaded, Unreadable};
use crate::study::{
    Allowed, Code, Id, ImportError, Participant, RecordError, Response, ResultsFile, StudyId, TeacherStudies,
    Vocabulary,
};
use crate::xapi::outbox::{self, Outbox};

/// A fuzz target: its name (the file in `fuzz/fuzz_targets/`, the folder in `fuzz/corpus/`) and
/// its check.
pub struct Target {
    pub name: &'static str,
    pub check: fn(&[u8]),
}

/// Every target, for the corpus replay test.
pub const TARGETS: &[Target] = &[
    Target { name: "results_file", check: results_file },
    Target { name: "progress", check: progress },
    Target { name: "teacher_studies", check: teacher_studies },
    Target { name: "participant", check: participant },
    Target { name: "curriculum", check: curriculum },
    Target { name: "assessment", check: assessment },
    Target { name: "help_directory", check: help_directory },
    Target { name: "embed_message", check: embed_message },
    Target { name: "xapi_queue", check: xapi_queue },
    Target { name: "classroom_message", check: classroom_message },
    Target { name: "result_code", check: crate::result_code::fuzzing::result_code },
    Target { name: "course_files", check: course_files },
    Target { name: "device_store", check: device_store },
];

/// Longer than any message a decoder writes for a person: a longer one is quoting its input.
const MAX_MESSAGE_CHARS: usize = 600;

fn short_message(message: &str, what: &str) {
    let chars = message.chars().count();
    assert!(chars <= MAX_MESSAGE_CHARS, "{what}: a message of {chars} characters quotes its input");
}

/// Results files: decode, round trip, and the import's check against the content.
pub fn results_file(bytes: &[u8]) {
    let file = match ResultsFile::decode(bytes) {
        Err(error) => {
            short_message(&error.to_string(), "a refused results file");
            let imported = ResultsFile::import(bytes, &Vocabulary::default());
            assert!(imported.is_err(), "the import accepts what the decoder refuses: {imported:?}");
            return;
        }
        Ok(file) => file,
    };
    let encoded = file.encode().expect("a decoded file is within the size limit");
    assert_eq!(ResultsFile::decode(encoded.as_bytes()).as_ref(), Ok(&file), "a decoded file round-trips");

    // The vocabulary of the file's own ids accepts it (unless it answers one item both ways);
    // without one of its items, the import refuses it.
    let items = answered_items(&file);
    let vocabulary = |leave_out: Option<&Id>| {
        let mut vocabulary = Vocabulary::new(file.records().map(|record| record.locale.clone()));
        for (item, kind) in items.iter().filter(|(item, _)| Some(*item) != leave_out) {
            vocabulary.allow(
                item.clone(),
                match kind {
                    Kind::Options(options) => Allowed::Options(options.clone()),
                    Kind::Scale | Kind::Both => Allowed::Likert,
                },
            );
        }
        vocabulary
    };
    let imported = ResultsFile::import(bytes, &vocabulary(None));
    if items.values().any(|kind| matches!(kind, Kind::Both)) {
        assert!(
            matches!(&imported, Err(ImportError::BadRecord { problem: RecordError::WrongKindOfAnswer { .. }, .. })),
            "an item answered with options and on the scale is refused: {imported:?}"
        );
    } else {
        assert_eq!(imported.as_ref(), Ok(&file), "the file's own vocabulary accepts it");
    }
    if let Some(item) = items.keys().next() {
        let refused = ResultsFile::import(bytes, &vocabulary(Some(item)));
        assert!(refused.is_err(), "an item outside the vocabulary is refused: {refused:?}");
    }
}

/// How a file answers an item: `Scale` also stands for "only ever declined".
enum Kind {
    Options(BTreeSet<Id>),
    Scale,
    Both,
}

fn answered_items(file: &ResultsFile) -> BTreeMap<Id, Kind> {
    let mut seen: BTreeMap<&Id, (Option<BTreeSet<Id>>, bool)> = BTreeMap::new();
    for (item, answer) in file.records().flat_map(|record| &record.answers) {
        let (options, on_scale) = seen.entry(item).or_default();
        match &answer.response {
            Response::Chose(chosen) => {
                options.get_or_insert_default().extend(chosen.iter().filter_map(|option| Id::new(option).ok()));
            }
            Response::Likert(_) => *on_scale = true,
            Response::Declined => {}
        }
    }
    seen.into_iter()
        .map(|(item, seen)| {
            let kind = match seen {
                (Some(options), false) => Kind::Options(options),
                (None, _) => Kind::Scale,
                (Some(_), true) => Kind::Both,
            };
            (item.clone(), kind)
        })
        .collect()
}

/// Stored progress: whatever loads saves and loads back unchanged.
pub fn progress(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    match progress::load(Some(text)) {
        Loaded::Ready { progress, .. } => {
            let saved = progress::save(&progress);
            assert_eq!(
                progress::load(Some(&saved)),
                Loaded::Ready { progress, migrated_from: None },
                "saved progress loads back"
            );
        }
        Loaded::Unreadable(Unreadable::Corrupt(message)) => short_message(&message, "unreadable progress"),
        Loaded::Unreadable(Unreadable::UnknownVersion(_)) | Loaded::Empty => {}
    }
}

/// A teacher's studies: decode, round trip.
pub fn teacher_studies(bytes: &[u8]) {
    round_trip(bytes, "studies", TeacherStudies::decode, TeacherStudies::encode);
}

/// The remembered participant, and the codes and study ids people type.
pub fn participant(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    if let Some(participant) = Participant::decode(text) {
        assert_eq!(Participant::decode(&participant.encode()), Some(participant), "a participant round-trips");
    }
    if let Ok(code) = Code::parse(text) {
        assert_eq!(Code::parse(&code.compact()), Ok(code), "a code round-trips compact");
        assert_eq!(Code::parse(&code.to_string()), Ok(code), "a code round-trips as printed");
    }
    if let Ok(study) = StudyId::parse(text) {
        assert_eq!(StudyId::parse(&study.compact()), Ok(study), "a study id round-trips compact");
        assert_eq!(StudyId::parse(&study.to_string()), Ok(study), "a study id round-trips as printed");
    }
}

/// A content bundle: decode, round trip.
pub fn curriculum(bytes: &[u8]) {
    round_trip(bytes, "a curriculum", Curriculum::decode, Curriculum::encode);
}

/// The assessment bundle: decode, round trip, and its vocabulary is made without a panic
/// whatever ids and languages it holds.
pub fn assessment(bytes: &[u8]) {
    if let Some(assessment) = round_trip(bytes, "an assessment", Assessment::decode, Assessment::encode) {
        assessment.vocabulary();
    }
}

/// The help directory: decode, round trip.
pub fn help_directory(bytes: &[u8]) {
    round_trip(bytes, "a help directory", HelpDirectory::decode, HelpDirectory::encode);
}

/// Messages from another window, both directions of the embed protocol: what is accepted
/// encodes within the limit and decodes back equal, and a parent is heard exactly when its
/// message is valid and its origin is listed.
pub fn embed_message(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    if let Ok(message) = ChildMessage::decode(text) {
        let encoded = message.encode();
        assert!(encoded.len() <= MAX_MESSAGE_BYTES, "an accepted message encodes within the limit");
        assert_eq!(ChildMessage::decode(&encoded), Ok(message), "an accepted message survives encoding");
    }
    let parent = ParentMessage::decode(text);
    if let Ok(message) = parent {
        assert_eq!(ParentMessage::decode(&message.encode()), Ok(message));
    }
    let allowed = [Origin::parse("https://campaign.example.org").expect("a valid origin")];
    let mut link = ParentLink::new();
    let heard = link.hear("https://campaign.example.org", text, &allowed);
    assert_eq!(heard.is_ok(), parent.is_ok(), "a listed parent is heard exactly when its message is valid");
    assert_eq!(link.parent().is_some(), parent.is_ok());
    assert!(link.hear("https://campaign.example.org.evil", text, &allowed).is_err());
}

/// The xAPI outbox as stored: whatever decodes stays within the bounds, encodes to a value that
/// decodes to the same outbox, and sends a batch that is a JSON array.
pub fn xapi_queue(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let Ok(mut decoded) = Outbox::decode(text) else { return };
    assert!(decoded.len() <= outbox::CAPACITY);
    let encoded = decoded.encode();
    assert!(encoded.len() <= outbox::MAX_ENCODED_BYTES, "a stored outbox can always be read back");
    let again = Outbox::decode(&encoded).expect("an encoded outbox decodes");
    assert_eq!(again.encode(), encoded, "an encoded outbox decodes to the same outbox");
    if let Some(batch) = decoded.next_batch(0) {
        assert!((1..=outbox::BATCH).contains(&batch.len()));
        let statements: Vec<&serde_json::value::RawValue> =
            serde_json::from_str(&batch.body).expect("a batch's body is a JSON array");
        assert_eq!(statements.len(), batch.len());
    }
}

/// The session of the classroom corpus's messages (`0707070707070707`, in
/// `fuzz/corpus/classroom_message/`): an audience window of this session takes them in, so the
/// fuzzer reaches past the decoder into the window's state machine.
const CLASSROOM_SESSION: [u8; 8] = [7; 8];

/// A message between a classroom session's windows (any bytes, read as text the way a
/// `BroadcastChannel` string arrives): what is accepted reads back the same after encoding, and
/// an audience window of the session takes it, and its next tick, without panicking.
pub fn classroom_message(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Ok(message) = Message::decode(&text) {
        assert_eq!(Message::decode(&message.encode()), Ok(message), "an accepted message survives encoding");
    }
    let session = SessionId::from_random(CLASSROOM_SESSION);
    let (mut window, _) = Window::join(WindowId::from_random([9; 8]), Role::Audience, session);
    let _ = window.receive(&text);
    let _ = window.tick();
}

/// Decodes `bytes` as text: what `decode` accepts comes back equal through `encode`, and what it
/// refuses is said in a short message. Returns what was accepted.
fn round_trip<T: PartialEq + std::fmt::Debug, E: std::fmt::Display>(
    bytes: &[u8],
    what: &str,
    decode: impl Fn(&str) -> Result<T, E>,
    encode: impl Fn(&T) -> String,
) -> Option<T> {
    let text = std::str::from_utf8(bytes).ok()?;
    match decode(text) {
        Ok(value) => {
            match decode(&encode(&value)) {
                Ok(again) => assert_eq!(again, value, "{what} round-trips"),
                Err(error) => panic!("{what}: its own encoding is refused: {error}"),
            }
            Some(value)
        }
        Err(error) => {
            short_message(&error.to_string(), what);
            None
        }
    }
}

/// The content files the app downloads one at a time (`content::course`, postcard): the course
/// index, a lesson, a teacher guide. The first byte picks which; what decodes encodes and decodes
/// back equal, and a refusal's message stays short.
pub fn course_files(bytes: &[u8]) {
    use crate::content::course::{CourseIndex, GuideFile, LessonFile};
    fn check<T: PartialEq + std::fmt::Debug, E: std::fmt::Display>(
        bytes: &[u8],
        what: &str,
        decode: fn(&[u8]) -> Result<T, E>,
        encode: fn(&T) -> Vec<u8>,
    ) {
        match decode(bytes) {
            Ok(value) => match decode(&encode(&value)) {
                Ok(again) => assert_eq!(again, value, "{what} round-trips"),
                Err(error) => panic!("{what}: its own encoding is refused: {error}"),
            },
            Err(error) => short_message(&error.to_string(), what),
        }
    }
    let Some((&which, rest)) = bytes.split_first() else { return };
    match which % 3 {
        0 => check(rest, "a course index", CourseIndex::decode, CourseIndex::encode),
        1 => check(rest, "a lesson file", LessonFile::decode, LessonFile::encode),
        _ => check(rest, "a guide file", GuideFile::decode, GuideFile::encode),
    }
}

/// Everything the device store reads from a shared browser's storage at once: the input, split
/// at `\0`, is the value of each key the store keeps (progress, results, studies, sessions, the
/// teacher's keyring and sealed log, …), in `Kind::ALL` order. Opening never panics; what it holds
/// then is its state, and a second store opened on what the first left behind holds the same
/// (nothing the store wrote is unreadable to it). The student's lessons (`Scope::LESSONS`),
/// opened on the same values and deleting their progress, leave every kind they do not keep as
/// it was, byte for byte.
pub fn device_store(bytes: &[u8]) {
    use crate::store::{Category, DeviceStore, Kind, MemoryBackend, Scope};
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let values: Vec<(&str, &str)> = Kind::ALL.iter().map(|kind| kind.key()).zip(text.split('\0')).collect();
    let backend = MemoryBackend::holding(values.iter().copied());
    let store = DeviceStore::open(Some(Box::new(backend.clone())));
    let state = store.state();
    let again = DeviceStore::open(Some(Box::new(backend)));
    assert_eq!(again.state().progress, state.progress, "the store reads back what it left");

    let shared = MemoryBackend::holding(values.iter().copied());
    let mut lessons = DeviceStore::open_scoped(Some(Box::new(shared.clone())), Scope::LESSONS);
    lessons.delete(Category::Progress);
    let after = shared.contents();
    for (key, value) in
        values.iter().filter(|(key, _)| Kind::of_key(key).is_some_and(|kind| !Scope::LESSONS.keeps(kind)))
    {
        assert_eq!(after.get(*key).map(String::as_str), Some(*value), "the lessons leave {key} as it was");
    }
}
