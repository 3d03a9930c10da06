//! Result codes (`aware_core::result_code`): pre/post records and finished quizzes as the bytes of
//! a QR code, and the teacher's scan sessions. Tested on the assessment and lessons as the app
//! ships them, compiled from `assessment/` and `lessons/`.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use aware_core::assessment::Assessment;
use aware_core::content::Lesson;
use aware_core::content::compile::{compile, compile_assessment};
use aware_core::progress::LessonProgress;
use aware_core::quiz::ItemRecord;
use aware_core::result_code::check::{EncodeError, fingerprint};
use aware_core::result_code::{
    DecodeError, Kind, MAX_BYTES, Malformed, QuizResult, QuizScan, QuizScanOutcome, ScanCounts, ScanRefusal,
    ShowingToken, StudyScan, StudyScanOutcome, decode_record, encode_record, kind, tally,
};
use aware_core::rng::SplitMix64;
use aware_core::store::{DeviceStore, MemoryBackend, RecordOutcome};
use aware_core::study::{
    Answer, Code, Date, Form, Id, Likert, Locale, Phase, Record, RecordError, RecordKey, Response, StudyId,
};

fn assessment() -> &'static Assessment {
    static ASSESSMENT: OnceLock<Assessment> = OnceLock::new();
    ASSESSMENT.get_or_init(|| {
        compile_assessment(Path::new("../../assessment"), Path::new("../../lessons"))
            .unwrap_or_else(|problems| panic!("assessment/ does not compile: {problems:?}"))
    })
}

/// The first lesson with a quiz, in the first language.
fn lesson() -> &'static Lesson {
    static LESSON: OnceLock<Lesson> = OnceLock::new();
    LESSON.get_or_init(|| {
        let compiled = compile(Path::new("../../lessons")).unwrap_or_else(|p| panic!("lessons/ do not compile: {p:?}"));
        compiled.curricula[0]
            .lessons
            .iter()
            .find(|lesson| lesson.quiz.len() >= 4)
            .expect("a lesson with a quiz")
            .clone()
    })
}

fn id(text: &str) -> Id {
    Id::new(text).unwrap_or_else(|err| panic!("{text:?}: {err}"))
}

fn study_id(n: u8) -> StudyId {
    StudyId::generate(&[n, 9, 8, 7, 6, 5, 4, 3])
}

fn code(n: u8) -> Code {
    Code::generate(&[n, 1, 2, 3, 4, 5, 6, 7])
}

/// A hand-in as the check screen makes it: every item of `form` and every statement answered,
/// each at its item's version, the first option or the middle of the scale, in `locale`.
fn hand_in(study: StudyId, code: Code, phase: Phase, form: Form, locale: &str) -> Record {
    let assessment = assessment();
    let mut answers = BTreeMap::new();
    for item in assessment.knowledge_on(form) {
        let response = Response::Chose([id(&item.options[0].id)].into_iter().collect());
        answers.insert(id(&item.id), Answer { version: item.version, response });
    }
    for item in &assessment.likert {
        answers.insert(
            id(&item.id),
            Answer { version: item.version, response: Response::Likert(Likert::new(3).unwrap()) },
        );
    }
    Record {
        study,
        code,
        phase,
        form,
        locale: Locale::new(locale).unwrap(),
        content_version: assessment.version,
        date: Date::new(2026, 3, 14).unwrap(),
        answers,
    }
}

fn typical() -> Record {
    hand_in(study_id(1), code(1), Phase::Pre, Form::A, "mn")
}

/// The largest record the real assessment can hold: every item of both forms and every statement
/// answered, every option of every knowledge item chosen, versions as large as they can be.
fn largest() -> Record {
    let assessment = assessment();
    let mut record = typical();
    record.content_version = u32::MAX;
    record.date = Date::new(9999, 12, 31).unwrap();
    record.locale = Locale::new(assessment.locales.last().unwrap()).unwrap();
    record.phase = Phase::Post;
    record.form = Form::B;
    for item in &assessment.knowledge {
        let all = item.options.iter().map(|option| id(&option.id)).collect();
        record.answers.insert(id(&item.id), Answer { version: u32::MAX, response: Response::Chose(all) });
    }
    for item in &assessment.likert {
        record
            .answers
            .insert(id(&item.id), Answer { version: u32::MAX, response: Response::Likert(Likert::new(5).unwrap()) });
    }
    record
}

// --- Framing: a CRC-32 of our own, to make codes whose checksum is right but content is not ---

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// `code` with its content changed by `change` (header and body, without the CRC) and a new CRC.
fn resealed(code: &[u8], change: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut content = code[..code.len() - 4].to_vec();
    change(&mut content);
    let crc = crc32(&content);
    content.extend(crc.to_be_bytes());
    content
}

/// Sets `count` bits from bit `start` (most significant first, counting the header) to `value`.
fn set_bits(bytes: &mut [u8], start: usize, count: usize, value: u64) {
    for i in 0..count {
        let bit = (value >> (count - 1 - i)) & 1 == 1;
        let position = start + i;
        let mask = 0x80 >> (position % 8);
        if bit {
            bytes[position / 8] |= mask;
        } else {
            bytes[position / 8] &= !mask;
        }
    }
}

// Where the record body's fields start, in bits from the start of the code.
const STUDY_AT: usize = 8 + 32;
const CODE_AT: usize = STUDY_AT + 46;
const DAY_AT: usize = CODE_AT + 28 + 2;
const LOCALE_AT: usize = DAY_AT + 22;

#[track_caller]
fn check_refused(code: &[u8], expected: DecodeError) {
    assert_eq!(decode_record(assessment(), code), Err(expected));
}

// --- Pre/post records ---

#[test]
fn a_hand_in_round_trips_in_every_phase_form_and_language() {
    for (n, (phase, form)) in
        [(Phase::Pre, Form::A), (Phase::Pre, Form::B), (Phase::Post, Form::A), (Phase::Post, Form::B)]
            .into_iter()
            .enumerate()
    {
        for locale in &assessment().locales {
            let record = hand_in(study_id(n as u8), code(n as u8), phase, form, locale);
            let bytes = encode_record(assessment(), &record).unwrap();
            assert_eq!(kind(&bytes), Ok(Kind::Record));
            assert_eq!(decode_record(assessment(), &bytes).as_ref(), Ok(&record), "{phase:?} {form:?} {locale}");
        }
    }
}

#[test]
fn every_kind_of_answer_round_trips() {
    let assessment = assessment();
    let mut rng = SplitMix64(15);
    for round in 0..300 {
        let mut record = typical();
        record.answers.clear();
        record.content_version = rng.below(1 << 20) as u32;
        record.date =
            Date::new(1000 + rng.below(9000) as u16, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8).unwrap();
        record.study = StudyId::generate(&rng.bytes());
        record.code = Code::generate(&rng.bytes());
        for item in &assessment.knowledge {
            if rng.chance(0.5) {
                let chosen: Vec<Id> = item.options.iter().filter(|_| rng.chance(0.4)).map(|o| id(&o.id)).collect();
                let response =
                    if chosen.is_empty() { Response::Declined } else { Response::Chose(chosen.into_iter().collect()) };
                record.answers.insert(id(&item.id), Answer { version: rng.below(300) as u32, response });
            }
        }
        for item in &assessment.likert {
            if rng.chance(0.5) {
                let response = match rng.below(6) {
                    0 => Response::Declined,
                    value => Response::Likert(Likert::new(value as u8).unwrap()),
                };
                record.answers.insert(id(&item.id), Answer { version: rng.next_u64() as u32, response });
            }
        }
        if record.answers.is_empty() {
            continue;
        }
        let bytes = encode_record(assessment, &record).unwrap();
        assert_eq!(decode_record(assessment, &bytes).as_ref(), Ok(&record), "round {round}");
    }
}

#[test]
fn every_real_record_of_the_real_assessment_fits_a_version_5_qr_code() {
    let typical = encode_record(assessment(), &typical()).unwrap();
    // Every item answered, with the assessment's own versions.
    let mut realistic = largest();
    for item in &assessment().knowledge {
        realistic.answers.get_mut(item.id.as_str()).unwrap().version = item.version;
    }
    for item in &assessment().likert {
        realistic.answers.get_mut(item.id.as_str()).unwrap().version = item.version;
    }
    realistic.content_version = assessment().version;
    let realistic = encode_record(assessment(), &realistic).unwrap();
    // Versions as large as a u32 allows are beyond any real record: since the assessment grew
    // (28 knowledge items, 11 statements), such a record may not fit a code, and is then refused
    // with its size rather than drawn as a code no camera reads.
    let largest_code = encode_record(assessment(), &largest());
    println!(
        "result code bytes: a hand-in {}, every item answered {}, and with every version at 2³² − 1 {:?} (at most {MAX_BYTES})",
        typical.len(),
        realistic.len(),
        largest_code.as_ref().map(Vec::len)
    );
    // Any real record is a version-5 code (84 bytes at error correction M).
    assert!(typical.len() <= 84, "a hand-in takes {} bytes", typical.len());
    assert!(realistic.len() <= 84, "every item answered takes {} bytes", realistic.len());
    match largest_code {
        Ok(code) => {
            assert!(code.len() <= MAX_BYTES, "the largest record takes {} bytes", code.len());
            assert_eq!(decode_record(assessment(), &code), Ok(largest()));
        }
        Err(EncodeError::TooLarge { bytes }) => assert!(bytes > MAX_BYTES, "refused at {bytes} bytes"),
        Err(other) => panic!("the largest record is refused for {other:?}"),
    }
}

#[test]
fn records_this_assessment_cannot_hold_are_not_encoded() {
    let check = |change: &dyn Fn(&mut Record), expected: EncodeError| {
        let mut record = typical();
        change(&mut record);
        assert_eq!(encode_record(assessment(), &record), Err(expected));
    };
    let knowledge = &assessment().knowledge[0].id;
    let statement = &assessment().likert[0].id;
    let answer = |response| Answer { version: 1, response };
    check(&|r| r.locale = Locale::new("de").unwrap(), EncodeError::NotInAssessment);
    check(&|r| drop(r.answers.insert(id("not-an-item"), answer(Response::Declined))), EncodeError::NotInAssessment);
    check(
        &|r| drop(r.answers.insert(id(knowledge), answer(Response::Chose([id("zz")].into_iter().collect())))),
        EncodeError::NotInAssessment,
    );
    check(
        &|r| drop(r.answers.insert(id(knowledge), answer(Response::Likert(Likert::new(2).unwrap())))),
        EncodeError::NotInAssessment,
    );
    check(
        &|r| drop(r.answers.insert(id(statement), answer(Response::Chose([id("a")].into_iter().collect())))),
        EncodeError::NotInAssessment,
    );
    check(&|r| r.answers.clear(), EncodeError::Invalid(RecordError::NoAnswers));
}

#[test]
fn a_code_made_for_other_questions_is_refused_but_new_wording_or_versions_are_not() {
    let bytes = encode_record(assessment(), &typical()).unwrap();
    let mut reordered = assessment().clone();
    reordered.knowledge.swap(0, 1);
    check_refused_with(&reordered, &bytes, DecodeError::OtherContent);
    let mut options = assessment().clone();
    options.knowledge[0].options.reverse();
    check_refused_with(&options, &bytes, DecodeError::OtherContent);
    let mut languages = assessment().clone();
    languages.locales.reverse();
    check_refused_with(&languages, &bytes, DecodeError::OtherContent);
    let mut statements = assessment().clone();
    statements.likert.pop();
    check_refused_with(&statements, &bytes, DecodeError::OtherContent);

    // What does not move a position: wording, versions, correct answers.
    let mut edited = assessment().clone();
    edited.version += 1;
    edited.knowledge[0].version += 1;
    edited.knowledge[0].options[0].correct = !edited.knowledge[0].options[0].correct;
    edited.knowledge[0].prompt.insert("en".to_owned(), "Reworded".to_owned());
    assert_eq!(fingerprint(&edited), fingerprint(assessment()));
    assert_eq!(decode_record(&edited, &bytes), Ok(typical()), "the record keeps the versions it was taken at");
}

fn check_refused_with(other: &Assessment, code: &[u8], expected: DecodeError) {
    assert_ne!(fingerprint(other), fingerprint(assessment()));
    assert_eq!(decode_record(other, code), Err(expected));
}

#[test]
fn out_of_range_fields_are_refused_even_with_a_good_checksum() {
    let bytes = encode_record(assessment(), &typical()).unwrap();
    // Our CRC agrees with the encoder's: resealing without a change gives the same code.
    assert_eq!(resealed(&bytes, |_| {}), bytes);

    let with = |start, count, value| resealed(&bytes, |c| set_bits(c, start, count, value));
    check_refused(&with(STUDY_AT, 46, (1 << 46) - 1), DecodeError::Malformed(Malformed::StudyId));
    // One character of the study id changed: its check character no longer matches.
    let study = bytes.clone();
    let flipped = resealed(&study, |c| c[6] ^= 0x01);
    assert!(matches!(
        decode_record(assessment(), &flipped),
        Err(DecodeError::Malformed(Malformed::StudyId | Malformed::Code))
    ));
    check_refused(&with(CODE_AT, 28, (1 << 28) - 1), DecodeError::Malformed(Malformed::Code));
    check_refused(&with(DAY_AT, 22, (1 << 22) - 1), DecodeError::Malformed(Malformed::Date));
    check_refused(&resealed(&bytes, |c| c.push(0)), DecodeError::Malformed(Malformed::TrailingBytes));
    check_refused(&resealed(&bytes, |c| c.truncate(c.len() - 1)), DecodeError::Malformed(Malformed::Truncated));
    check_refused(&resealed(&bytes, |c| c.truncate(10)), DecodeError::Malformed(Malformed::Truncated));
    check_refused(&resealed(&bytes, |c| c[0] = 0x13), DecodeError::UnsupportedVersion { found: 3 });
    check_refused(
        &resealed(&bytes, |c| c[0] = 0x21),
        DecodeError::WrongKind { expected: Kind::Record, found: Kind::Quiz },
    );
    check_refused(&resealed(&bytes, |c| c[1] ^= 0xFF), DecodeError::OtherContent);

    // The last statement's answer is the last 3 bits before the padding: a 6 or a 7 is no answer.
    let bits = (bytes.len() - 4) * 8;
    let padding = padding_bits(&bytes);
    for value in [6, 7] {
        check_refused(&with(bits - padding - 3, 3, value), DecodeError::Malformed(Malformed::Likert));
    }
    if padding > 0 {
        check_refused(&with(bits - 1, 1, 1), DecodeError::Malformed(Malformed::TrailingBytes));
    }
    // The content version written with a needless second byte.
    let version_at = LOCALE_AT + 1;
    let overlong = resealed(&bytes, |c| {
        let mut bits = to_bits(c);
        let value: Vec<bool> = bits[version_at..version_at + 8].to_vec();
        let mut long = value.clone();
        long[0] = true;
        bits.splice(version_at..version_at + 8, long.into_iter().chain(std::iter::repeat_n(false, 8)));
        *c = from_bits(&bits);
    });
    check_refused(&overlong, DecodeError::Malformed(Malformed::Number));

    // No item answered at all.
    let items = assessment().knowledge.len() + assessment().likert.len();
    let nothing = resealed(&bytes, |c| {
        let mut bits = to_bits(c);
        bits.truncate(version_at + 8);
        bits.extend(std::iter::repeat_n(false, items));
        *c = from_bits(&bits);
    });
    check_refused(&nothing, DecodeError::Malformed(Malformed::Answers));
}

/// Zero bits after the body's last field: what the typical record leaves in its last byte.
fn padding_bits(code: &[u8]) -> usize {
    let assessment = assessment();
    let record = typical();
    let mut used = LOCALE_AT + 1 + 8 + assessment.knowledge.len() + assessment.likert.len();
    for item in &assessment.knowledge {
        if record.answers.contains_key(item.id.as_str()) {
            used += 8 + item.options.len();
        }
    }
    used += assessment.likert.len() * (8 + 3);
    (code.len() - 4) * 8 - used
}

fn to_bits(bytes: &[u8]) -> Vec<bool> {
    bytes.iter().flat_map(|byte| (0..8).map(move |i| byte & (0x80 >> i) != 0)).collect()
}

fn from_bits(bits: &[bool]) -> Vec<u8> {
    bits.chunks(8)
        .map(|chunk| chunk.iter().enumerate().fold(0, |byte, (i, &bit)| byte | (u8::from(bit) << (7 - i))))
        .collect()
}

#[test]
fn a_language_index_beyond_the_assessments_languages_is_refused() {
    let mut three = assessment().clone();
    three.locales.push("ru".to_owned());
    let bytes = encode_record(&three, &typical()).unwrap();
    // Three languages take two bits; the fourth value names none.
    let bad = resealed(&bytes, |c| set_bits(c, LOCALE_AT, 2, 3));
    assert_eq!(decode_record(&three, &bad), Err(DecodeError::Malformed(Malformed::Locale)));
    assert_eq!(decode_record(&three, &bytes), Ok(typical()));
}

#[test]
fn arbitrary_bytes_are_refused_without_a_panic() {
    let mut rng = SplitMix64(4);
    let code = encode_record(assessment(), &typical()).unwrap();
    for round in 0..20_000 {
        let bytes: Vec<u8> = if round % 2 == 0 {
            (0..rng.below(230)).map(|_| rng.next_u64() as u8).collect()
        } else {
            // A real code, resealed after random damage: the decoder meets every field.
            resealed(&code, |c| {
                for _ in 0..1 + rng.below(4) {
                    let at = rng.below(c.len());
                    c[at] ^= 1 << rng.below(8);
                }
            })
        };
        if let Ok(record) = decode_record(assessment(), &bytes) {
            assert_eq!(encode_record(assessment(), &record), Ok(bytes), "what decodes encodes to the same bytes");
        }
    }
}

// --- Quizzes ---

fn finished(lesson: &Lesson, first_try: &[bool]) -> LessonProgress {
    let mut progress = LessonProgress { version: lesson.version, ..LessonProgress::default() };
    for (item, &right) in lesson.quiz.iter().zip(first_try) {
        let record = ItemRecord {
            attempts: if right { 1 } else { 2 },
            first_try_correct: right,
            solved: true,
            ..ItemRecord::default()
        };
        progress.quiz.insert(item.id.clone(), record);
    }
    progress
}

fn pattern(n: usize, seed: u64) -> Vec<bool> {
    let mut rng = SplitMix64(seed);
    (0..n).map(|_| rng.chance(0.6)).collect()
}

#[test]
fn a_finished_quiz_round_trips_and_an_unfinished_one_has_no_code() {
    let lesson = lesson();
    let first_try = pattern(lesson.quiz.len(), 1);
    let result = QuizResult::of(lesson, &finished(lesson, &first_try), ShowingToken::new([1, 2, 3, 4])).unwrap();
    assert_eq!(result.first_try(), first_try);
    assert_eq!(result.lesson_version(), lesson.version);
    let bytes = result.encode();
    println!("quiz code bytes: {} for {} items", bytes.len(), lesson.quiz.len());
    assert!(bytes.len() <= 26, "a quiz code fits a version-2 QR code");
    assert_eq!(kind(&bytes), Ok(Kind::Quiz));
    assert_eq!(QuizResult::decode(lesson, &bytes), Ok(result));

    let mut unfinished = finished(lesson, &first_try);
    unfinished.quiz.remove(&lesson.quiz[1].id);
    assert_eq!(QuizResult::of(lesson, &unfinished, ShowingToken::new([0; 4])), None);
    let mut unchecked = finished(lesson, &first_try);
    unchecked.quiz.get_mut(&lesson.quiz[0].id).unwrap().attempts = 0;
    assert_eq!(QuizResult::of(lesson, &unchecked, ShowingToken::new([0; 4])), None);
}

#[test]
fn a_quiz_code_for_another_lesson_or_of_another_kind_is_refused() {
    let lesson = lesson();
    let bytes = QuizResult::of(lesson, &finished(lesson, &pattern(lesson.quiz.len(), 2)), ShowingToken::new([9; 4]))
        .unwrap()
        .encode();
    let mut other = lesson.clone();
    other.quiz.swap(0, 1);
    assert_eq!(QuizResult::decode(&other, &bytes), Err(DecodeError::OtherContent));
    let mut renamed = lesson.clone();
    renamed.id.push_str("-2");
    assert_eq!(QuizResult::decode(&renamed, &bytes), Err(DecodeError::OtherContent));
    let record = encode_record(assessment(), &typical()).unwrap();
    assert_eq!(
        QuizResult::decode(lesson, &record),
        Err(DecodeError::WrongKind { expected: Kind::Quiz, found: Kind::Record })
    );
    assert_eq!(
        decode_record(assessment(), &bytes),
        Err(DecodeError::WrongKind { expected: Kind::Record, found: Kind::Quiz })
    );
    assert_eq!(
        QuizResult::decode(lesson, &resealed(&bytes, |c| c.push(0))),
        Err(DecodeError::Malformed(Malformed::TrailingBytes))
    );
}

// --- The teacher's scans ---

#[test]
fn a_study_scan_counts_each_record_once_and_reports_a_conflict_like_an_import() {
    let study = study_id(3);
    let mut scan = StudyScan::new(study);
    let first = hand_in(study, code(1), Phase::Pre, Form::A, "mn");
    let second = hand_in(study, code(2), Phase::Pre, Form::A, "en");
    let first_bytes = encode_record(assessment(), &first).unwrap();
    assert_eq!(scan.scan(assessment(), &first_bytes), StudyScanOutcome::New(first.clone()));
    // The same screen in the next frames.
    for _ in 0..5 {
        assert_eq!(scan.scan(assessment(), &first_bytes), StudyScanOutcome::AlreadyScanned);
    }
    assert_eq!(scan.scan(assessment(), &encode_record(assessment(), &second).unwrap()), StudyScanOutcome::New(second));
    // The same card's pre-test with other answers: the first scanned stands.
    let mut changed = first.clone();
    changed.answers.values_mut().next().unwrap().response = Response::Declined;
    let changed_bytes = encode_record(assessment(), &changed).unwrap();
    let key = RecordKey { study, code: code(1), phase: Phase::Pre, form: Form::A };
    assert_eq!(scan.scan(assessment(), &changed_bytes), StudyScanOutcome::Conflict { key, again: false });
    assert_eq!(scan.scan(assessment(), &changed_bytes), StudyScanOutcome::Conflict { key, again: true });
    assert_eq!(scan.counts(), ScanCounts { added: 2, conflicts: 1, refused: 0 });
    assert_eq!(scan.scanned().len(), 2);
    assert_eq!(scan.scanned().get(&key), Some(&first));
}

#[test]
fn a_study_scan_refuses_other_studies_quizzes_and_damage_and_counts_each_once() {
    let study = study_id(4);
    let mut scan = StudyScan::new(study);
    let other = encode_record(assessment(), &hand_in(study_id(5), code(1), Phase::Pre, Form::A, "mn")).unwrap();
    let refused = |reason| StudyScanOutcome::Refused { reason, again: false };
    assert_eq!(scan.scan(assessment(), &other), refused(ScanRefusal::OtherStudy { found: study_id(5) }));
    assert_eq!(
        scan.scan(assessment(), &other),
        StudyScanOutcome::Refused { reason: ScanRefusal::OtherStudy { found: study_id(5) }, again: true }
    );
    let lesson = lesson();
    let quiz =
        QuizResult::of(lesson, &finished(lesson, &pattern(lesson.quiz.len(), 3)), ShowingToken::new([1; 4])).unwrap();
    assert_eq!(
        scan.scan(assessment(), &quiz.encode()),
        refused(ScanRefusal::Code(DecodeError::WrongKind { expected: Kind::Record, found: Kind::Quiz }))
    );
    assert_eq!(scan.scan(assessment(), b"https://example.org/"), refused(ScanRefusal::Code(DecodeError::Checksum)));
    assert_eq!(scan.counts(), ScanCounts { added: 0, conflicts: 0, refused: 3 });
}

#[test]
fn scanned_records_join_the_devices_results_by_the_import_rule() {
    let study = study_id(6);
    let backend = MemoryBackend::default();
    let mut store = DeviceStore::open(Some(Box::new(backend.clone())));
    let held = hand_in(study, code(1), Phase::Pre, Form::A, "mn");
    assert_eq!(store.add_record(held.clone()).outcome, RecordOutcome::Added);
    let mut outcomes = Vec::new();
    let mut scan_into_store = |scan: &mut StudyScan, record: &Record| {
        if let StudyScanOutcome::New(record) = scan.scan(assessment(), &encode_record(assessment(), record).unwrap()) {
            outcomes.push(store.add_record(record).outcome);
        }
    };
    let mut scan = StudyScan::new(study);
    scan_into_store(&mut scan, &held);
    scan_into_store(&mut scan, &hand_in(study, code(2), Phase::Post, Form::B, "en"));
    // A later scan session meets the same card's pre-test with other answers.
    let mut other_answers = held.clone();
    other_answers.answers.values_mut().next().unwrap().response = Response::Declined;
    scan_into_store(&mut StudyScan::new(study), &other_answers);
    // New to each session; the device held the first (from a file) and a different third.
    assert_eq!(outcomes, vec![RecordOutcome::AlreadyHeld, RecordOutcome::Added, RecordOutcome::Conflict]);
    assert_eq!(store.state().results.len(), 2);
}

#[test]
fn a_quiz_scan_counts_each_showing_once_and_tallies_first_tries() {
    let lesson = lesson();
    let items = lesson.quiz.len();
    let mut scan = QuizScan::new();
    let mut expected = vec![0; items];
    for student in 0..30u8 {
        let first_try = pattern(items, u64::from(student));
        for (count, &right) in expected.iter_mut().zip(&first_try) {
            *count += usize::from(right);
        }
        let bytes = QuizResult::of(lesson, &finished(lesson, &first_try), ShowingToken::new([student, 0, 0, 7]))
            .unwrap()
            .encode();
        assert!(matches!(scan.scan(lesson, &bytes), QuizScanOutcome::Counted(_)), "student {student}");
        assert_eq!(scan.scan(lesson, &bytes), QuizScanOutcome::AlreadyScanned);
    }
    // Two students who did equally well are two results.
    let same = pattern(items, 0);
    let again = QuizResult::of(lesson, &finished(lesson, &same), ShowingToken::new([0, 0, 1, 7])).unwrap();
    assert!(matches!(scan.scan(lesson, &again.encode()), QuizScanOutcome::Counted(_)));
    for (count, &right) in expected.iter_mut().zip(&same) {
        *count += usize::from(right);
    }
    let counted = tally(items, scan.results());
    assert_eq!(counted.results, 31);
    assert_eq!(counted.first_try_correct, expected);
    assert_eq!(scan.counts(), ScanCounts { added: 31, conflicts: 0, refused: 0 });
}

#[test]
fn a_quiz_scan_refuses_another_version_of_the_lesson() {
    let lesson = lesson();
    let mut older = lesson.clone();
    older.version -= 1;
    let bytes = QuizResult::of(&older, &finished(&older, &pattern(older.quiz.len(), 5)), ShowingToken::new([5; 4]))
        .unwrap()
        .encode();
    let mut scan = QuizScan::new();
    assert_eq!(
        scan.scan(lesson, &bytes),
        QuizScanOutcome::Refused { reason: ScanRefusal::OtherVersion { found: older.version }, again: false }
    );
    assert_eq!(tally(lesson.quiz.len(), scan.results()).results, 0);
}
