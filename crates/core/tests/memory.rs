//! Memory is bounded by the input: decoding a results file or stored data, accepted or hostile,
//! allocates at most twice its size plus a constant at its peak (the rule in
//! `crates/core/src/json.rs`). In the browser this is what keeps a picked file from exhausting
//! wasm memory, which never shrinks and aborts the app when an allocation fails. The content
//! bundles come from the app's own origin: the real ones are held to the rule here, and crafted
//! ones only to their size limit (a list of 2.8 million empty strings in 8 MB took 18 times its
//! size; the content model was not made compact).
//!
//! A counting global allocator (its own test binary: a global allocator is per binary) records
//! the highest number of bytes held at once while a decoder runs, counting a `realloc` as the old
//! block and the new one held together, as when it moves. The inputs are built before
//! measuring; each test prints its peaks (`cargo test -p aware-core --test memory -- --nocapture`).
//! Tests take a lock, so only one measures at a time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use aware_core::assessment::{Assessment, MAX_ASSESSMENT_BYTES};
use aware_core::content::compile::{compile, compile_assessment};
use aware_core::content::{BUNDLE_FORMAT, Curriculum, HelpDirectory, MAX_BUNDLE_BYTES};
use aware_core::progress;
use aware_core::study::file::MAX_FILE_BYTES;
use aware_core::study::{
    Answer, Chosen, Code, Date, Design, Form, Id, Likert, Locale, Participant, Phase, Record, Response, ResultsFile,
    Sheet, StudyDefinition, StudyEntry, StudyId, TeacherStudies,
};

struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn hold(bytes: usize) {
    let held = HELD.fetch_add(bytes, Relaxed) + bytes;
    PEAK.fetch_max(held, Relaxed);
}

// SAFETY: every call is forwarded to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        hold(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        hold(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        unsafe { System.dealloc(pointer, layout) };
        HELD.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        hold(new_size);
        let moved = unsafe { System.realloc(pointer, layout, new_size) };
        HELD.fetch_sub(layout.size(), Relaxed);
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What a decoder may take beyond twice its input: costs bounded by a count limit rather than by
/// the size. The largest is a results file's 5,000 records at about 880 bytes each (the map node
/// of a record's answers is allocated whole, even for one answer), measured by "one answer per
/// record" below; then progress's 64 lessons of 64 items.
const CONSTANT: usize = 5 * 1024 * 1024;

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Decodes `input` with `decode`, prints the peak, and checks it against the rule. `accepted`
/// says whether the decoder must accept the input (a refused "accepted" case is a broken test).
fn check(name: &str, input: &[u8], accepted: bool, decode: impl FnOnce(&[u8]) -> bool) {
    let base = HELD.load(Relaxed);
    PEAK.store(base, Relaxed);
    let was_accepted = decode(input);
    let peak = PEAK.load(Relaxed) - base;
    let ratio = peak as f64 / input.len().max(1) as f64;
    println!(
        "{name}: {} bytes, peak {peak} bytes ({ratio:.2}× its size), {}",
        input.len(),
        if was_accepted { "accepted" } else { "refused" }
    );
    assert_eq!(was_accepted, accepted, "{name}: accepted");
    assert!(peak <= 2 * input.len() + CONSTANT, "{name}: peak {peak} bytes for {} bytes of input", input.len());
}

fn results(input: &[u8]) -> bool {
    ResultsFile::decode(input).is_ok()
}

fn progress(input: &[u8]) -> bool {
    matches!(progress::load(std::str::from_utf8(input).ok()), progress::Loaded::Ready { .. })
}

fn studies(input: &[u8]) -> bool {
    accepts(TeacherStudies::decode)(input)
}

/// Whether `decode` accepts the input as text.
fn accepts<T, E>(decode: impl Fn(&str) -> Result<T, E>) -> impl Fn(&[u8]) -> bool {
    move |input| std::str::from_utf8(input).is_ok_and(|text| decode(text).is_ok())
}

/// `prefix`, then `unit` repeated (joined by `separator`) until the input is `size` bytes or just
/// under, then `suffix`.
fn filled(prefix: &str, unit: &str, separator: &str, suffix: &str, size: usize) -> Vec<u8> {
    let mut text = String::with_capacity(size);
    text.push_str(prefix);
    let mut first = true;
    while text.len() + separator.len() + unit.len() + suffix.len() <= size {
        if !first {
            text.push_str(separator);
        }
        text.push_str(unit);
        first = false;
    }
    text.push_str(suffix);
    text.into_bytes()
}

fn id(text: &str) -> Id {
    Id::new(text).expect("a valid id")
}

/// Short distinct ids: `a`, `b`, …, `aa`, `ab`, …
fn short_id(n: usize) -> Id {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut text = String::new();
    let mut n = n;
    loop {
        text.insert(0, char::from(LETTERS[n % LETTERS.len()]));
        n /= LETTERS.len();
        if n == 0 {
            break;
        }
        n -= 1;
    }
    id(&text)
}

fn record(n: usize, answers: impl IntoIterator<Item = (Id, Response)>) -> Record {
    let bytes = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15).to_le_bytes();
    Record {
        study: StudyId::generate(&[1, 2, 3, 4, 5, 6, 7, 8]),
        code: Code::generate(&bytes),
        phase: if n.is_multiple_of(2) { Phase::Pre } else { Phase::Post },
        form: Form::A,
        locale: Locale::new("mn").expect("a locale"),
        content_version: 1,
        date: Date::new(2026, 3, 2).expect("a day"),
        answers: answers.into_iter().map(|(item, response)| (item, Answer { version: 1, response })).collect(),
    }
}

/// The largest file of such records: as many as fit in the size limit (and the record limit).
fn largest_file(make: impl Fn(usize) -> Record) -> Vec<u8> {
    let one = ResultsFile::new(vec![make(0)]).expect("a valid record").encode().expect("small").len();
    let mut count = (MAX_FILE_BYTES / one).min(ResultsFile::MAX_RECORDS);
    loop {
        let mut records: std::collections::BTreeMap<_, _> = Default::default();
        for n in 0.. {
            if records.len() == count {
                break;
            }
            let record = make(n);
            records.insert(record.key(), record);
        }
        match ResultsFile::new(records.into_values().collect()).expect("valid records").encode() {
            Ok(json) => return json.into_bytes(),
            Err(_) => count -= count / 50 + 1,
        }
    }
}

#[test]
fn accepted_results_files_at_the_size_limit_take_at_most_twice_their_size() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    // Records as students hand them in: the real assessment's items.
    let assessment = compile_assessment(Path::new("../../assessment"), Path::new("../../lessons"))
        .unwrap_or_else(|problems| panic!("assessment/ does not compile: {problems:?}"));
    let real = largest_file(|n| {
        let knowledge = assessment.knowledge_on(Form::A).map(|item| {
            let option = &item.options[n % item.options.len()];
            (id(&item.id), Response::Chose(Chosen::from([id(&option.id)])))
        });
        let likert = assessment
            .likert
            .iter()
            .map(|item| (id(&item.id), Response::Likert(Likert::new(1 + (n % 5) as u8).expect("1 to 5"))));
        record(n, knowledge.chain(likert))
    });
    check("results: real items, as many records as allowed", &real, true, results);
    // The most records the file may hold, each as small as can be.
    let one_answer = largest_file(|n| record(n, [(id("a"), Response::Declined)]));
    check("results: one answer per record", &one_answer, true, results);
    // The most answers, with the shortest ids.
    let declined = largest_file(|n| record(n, (0..Record::MAX_ANSWERS).map(|i| (short_id(i), Response::Declined))));
    check("results: 100 declined answers per record", &declined, true, results);
    let scale = largest_file(|n| {
        record(n, (0..Record::MAX_ANSWERS).map(|i| (short_id(i), Response::Likert(Likert::new(3).expect("3")))))
    });
    check("results: 100 scale answers per record", &scale, true, results);
    // The most options chosen per answer, with the shortest ids.
    let options = largest_file(|n| {
        let chosen = || Response::Chose((0..Record::MAX_CHOSEN).map(short_id).collect());
        record(n, (0..Record::MAX_ANSWERS).map(|i| (short_id(i), chosen())))
    });
    check("results: 16 options chosen in each of 100 answers", &options, true, results);
}

const RECORD_START: &str = r#"{"format":"aware-results","version":1,"records":[{"study":"ACDEFHJKM7","code":"K7M4P3","phase":"pre","form":"A","locale":"mn","content_version":3,"date":"2025-03-14","answers":["#;

#[test]
fn hostile_results_files_at_the_size_limit_take_at_most_twice_their_size() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let limit = MAX_FILE_BYTES;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        // The case that took 268 MB: a version that is a long list.
        ("version is a long list", filled(r#"{"format":"aware-results","version":["#, "0", ",", "]}", limit)),
        ("version nested deeply", filled(r#"{"format":"aware-results","version":"#, "[", "", "", limit)),
        ("a long string (escaped)", filled(r#"{"format":""#, r"\u0085", "", r#""}"#, limit)),
        ("a long key", filled(r#"{"format":"aware-results","version":1,""#, "k", "", r#"":1}"#, limit)),
        ("a long number", filled(r#"{"format":"aware-results","version":"#, "9", "", "}", limit)),
        ("a long string at the top", filled("\"", "x", "", "\"", limit)),
        (
            "many unknown fields where a number is expected",
            filled(r#"{"format":"aware-results","version":{"#, r#""f":0"#, ",", "}}", limit),
        ),
        (
            "many unknown fields in the document",
            filled(r#"{"format":"aware-results","version":1,"#, r#""f":[0]"#, ",", r#","records":[]}"#, limit),
        ),
        (
            "many unknown fields in a record",
            filled(&RECORD_START.replace(r#""answers":["#, ""), r#""f":0"#, ",", "}]}", limit),
        ),
        (
            "a long list of records",
            filled(r#"{"format":"aware-results","version":1,"records":["#, "{}", ",", "]}", limit),
        ),
        (
            "a long list of answers",
            filled(RECORD_START, r#"{"item":"a","version":1,"response":"declined"}"#, ",", "]}]}", limit),
        ),
        (
            "a long list of options",
            filled(
                &format!(r#"{RECORD_START}{{"item":"a","version":1,"response":{{"chose":["#),
                r#""a""#,
                ",",
                "]}}]}]}",
                limit,
            ),
        ),
        (
            "a long list in an unknown field",
            filled(&RECORD_START.replace(r#""answers":["#, r#""extra":["#), "0", ",", "]}]}", limit),
        ),
        (
            "ids at the length limit, escaped",
            filled(
                RECORD_START,
                &format!(r#"{{"item":"{}","version":1,"response":"declined"}}"#, r"\u0061".repeat(21)),
                ",",
                "]}]}",
                limit,
            ),
        ),
    ];
    for (name, input) in cases {
        check(&format!("results: {name}"), &input, false, results);
    }
}

#[test]
fn stored_progress_and_studies_take_at_most_twice_their_size() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    // The most progress there can be: every lesson and item at its limit, one option chosen; in
    // schema 2 (migrated as it is read) and in the current schema 3, with each quiz's seed.
    let item = r#"{"selected":["a"],"attempts":1,"first_try_correct":true,"solved":true}"#;
    let quiz: Vec<String> = (0..64).map(|i| format!(r#""{}":{item}"#, short_id(i))).collect();
    for (schema, seed) in [(2, ""), (3, r#","quiz_seed":4294967295"#)] {
        let lesson = format!(r#"{{"version":1,"sections_read":3,"quiz":{{{}}}{seed}}}"#, quiz.join(","));
        let lessons: Vec<String> = (0..64).map(|i| format!(r#""{}":{lesson}"#, short_id(i))).collect();
        let largest = format!(r#"{{"schema":{schema},"lessons":{{{}}}}}"#, lessons.join(","));
        let name = format!("progress: schema {schema}, every lesson and item at the limit");
        check(&name, largest.as_bytes(), true, progress);
    }
    let mib = 1024 * 1024;
    for (name, input) in [
        ("schema is a long list", filled(r#"{"schema":["#, "0", ",", "]}", mib)),
        (
            "a long selection",
            filled(
                r#"{"schema":2,"lessons":{"a":{"version":1,"sections_read":1,"quiz":{"q":{"attempts":1,"first_try_correct":true,"solved":true,"selected":["#,
                r#""a""#,
                ",",
                "]}}}}}",
                mib,
            ),
        ),
    ] {
        check(&format!("progress: {name}"), &input, false, progress);
    }
    // Unknown fields are skipped unbuilt (an older app reads a newer document's known parts); a
    // key repeated replaces its entry.
    let unknown = filled(r#"{"schema":2,"lessons":{},"extra":["#, "0", ",", "]}", mib);
    check("progress: a long unknown field", &unknown, true, progress);
    let repeated = filled(r#"{"schema":2,"lessons":{"#, r#""a":{"version":1,"sections_read":1}"#, ",", "}}", mib);
    check("progress: one lesson repeated", &repeated, true, progress);
    let lessons: Vec<String> =
        (0..65).map(|i| format!(r#""{}":{{"version":1,"sections_read":1}}"#, short_id(i))).collect();
    for schema in [1, 2, 3] {
        let too_many = format!(r#"{{"schema":{schema},"lessons":{{{}}}}}"#, lessons.join(","));
        let name = format!("progress: schema {schema}, more lessons than the limit");
        check(&name, too_many.as_bytes(), false, progress);
    }
    let quiz: Vec<String> = (0..65).map(|i| format!(r#""{}":{item}"#, short_id(i))).collect();
    let too_many =
        format!(r#"{{"schema":3,"lessons":{{"a":{{"version":1,"sections_read":1,"quiz":{{{}}}}}}}}}"#, quiz.join(","));
    check("progress: schema 3, more items than the limit", too_many.as_bytes(), false, progress);

    // A teacher's studies: as many studies with full sheets as fit in storage's limit.
    let sheet = |n: u8| StudyEntry {
        id: StudyId::generate(&[n, 1, 2, 3, 4, 5, 6, 7]),
        label: "Class 8B, autumn term".to_owned(),
        created: Date::new(2026, 11, 29).expect("a day"),
        codes: (0..1000u16).map(|c| Code::generate(&[n, (c >> 8) as u8, c as u8, 0, 0, 0, 0, 0])).collect(),
        secret: None,
    };
    let many = TeacherStudies { studies: (0..200).map(sheet).collect() }.encode();
    check("studies: 200 studies of 1000 codes", many.as_bytes(), true, studies);
    // Studies whose codes derive from a secret are small to store and large to read: the most a
    // document may hold, each with the most cards.
    let derived = |n: u16| {
        let mut draw = 0u64;
        let mut random = || {
            draw += 1;
            (u64::from(n) << 32 | draw).wrapping_mul(0x9E37_79B9_7F4A_7C15).to_le_bytes()
        };
        let definition = StudyDefinition::create(Design::Crossover, Sheet::MAX_CODES, &mut random).expect("codes");
        StudyEntry::new(&definition, "Class 8B, autumn term", Date::new(2026, 11, 29).expect("a day"))
    };
    let most = TeacherStudies { studies: (0..500).map(derived).collect() }.encode();
    check("studies: 500 studies of 1000 derived codes", most.as_bytes(), true, studies);
    let two_mib = 2 * mib;
    for (name, input) in [
        (
            "a long list of codes",
            filled(
                r#"{"format":"aware-studies","version":1,"studies":[{"id":"ACDEFHJKM7","label":"","created":"2026-01-01","codes":["#,
                r#""K7M4P3""#,
                ",",
                "]}]}",
                two_mib,
            ),
        ),
        (
            "a long list of studies",
            filled(r#"{"format":"aware-studies","version":1,"studies":["#, "{}", ",", "]}", two_mib),
        ),
        (
            "a long label",
            filled(r#"{"format":"aware-studies","version":1,"studies":[{"label":""#, "x", "", r#""}]}"#, two_mib),
        ),
    ] {
        check(&format!("studies: {name}"), &input, false, studies);
    }

    let participant = Participant { study: StudyId::generate(&[1; 8]), code: Code::generate(&[2; 8]) }.encode();
    check("participant", participant.as_bytes(), true, |input| {
        std::str::from_utf8(input).is_ok_and(|text| Participant::decode(text).is_some())
    });
}

#[test]
fn content_bundles_take_at_most_twice_their_size() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let compiled = compile(Path::new("../../lessons")).unwrap_or_else(|problems| panic!("{problems:?}"));
    for curriculum in &compiled.curricula {
        let name = format!("content: lessons in {}", curriculum.locale);
        check(&name, curriculum.encode().as_bytes(), true, accepts(Curriculum::decode));
    }
    check("content: help directory", compiled.help.encode().as_bytes(), true, accepts(HelpDirectory::decode));
    let assessment = compile_assessment(Path::new("../../assessment"), Path::new("../../lessons"))
        .unwrap_or_else(|problems| panic!("{problems:?}"));
    check("content: assessment", assessment.encode().as_bytes(), true, accepts(Assessment::decode));
    let long_format = |limit| filled(r#"{"format":["#, "0", ",", "]}", limit);
    check("content: format is a long list", &long_format(MAX_BUNDLE_BYTES), false, accepts(Curriculum::decode));
    // Unknown fields are skipped unbuilt (an older app reads a newer bundle's known parts).
    let unknown = format!(r#"{{"format":{BUNDLE_FORMAT},"locale":"en","lessons":[],"extra":["#);
    let unknown = filled(&unknown, "0", ",", "]}", MAX_BUNDLE_BYTES);
    check("content: a long unknown field", &unknown, true, accepts(Curriculum::decode));
    let name = "content: assessment format is a long list";
    check(name, &long_format(MAX_ASSESSMENT_BYTES), false, accepts(Assessment::decode));
}
