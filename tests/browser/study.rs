use std::collections::{BTreeMap, BTreeSet};

use aware::deployment::min_group_size;
use aware_core::assessment::score::score;
use aware_core::report::format::{fixed, percent};
use aware_core::report::{ReportBuilder, Visible};
use aware_core::study::code::ALPHABET;
use aware_core::study::file::{ImportError, MAX_FILE_BYTES};
use aware_core::study::suppression::Reason;
use aware_core::study::{
    Answer, Chosen, Code, Date, Design, Form, Id, IssuedCodes, Likert, Locale, ParseError, Participant, Phase, Record,
    Response, ResultsFile, StudyEntry, StudyId, TeacherStudies,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{DataTransfer, DragEvent, DragEventInit, Element, File};

use crate::harness::{
    assessment, clear_storage, click, click_button, click_link, find, fire, input, local_storage, mount_check,
    mount_teacher, teacher_data, text, texts, type_into, wait_until,
};
use aware_core::store::teacher::{PayloadKind, SealedLog};
use aware_core::store::{Keyring, Payload};

const RESULTS: &str = "aware.results";
const STUDIES: &str = "aware.studies";
const PARTICIPANT: &str = "aware.participant";

// --- Test data ------------------------------------------------------------------------------------

/// A study id of `design`, from fixed bytes.
fn study_of(design: Design, salt: u8) -> StudyId {
    (0..=255u8)
        .map(|first| StudyId::generate(&[first, salt, 2, 3, 4, 5, 6, 7]))
        .find(|&study| Design::of(study) == design)
        .expect("half of all study ids have each design")
}

/// A participant of a crossover study who sits form B before the lessons, so the test shown is
/// not simply the first form.
fn b_first() -> Participant {
    let study = study_of(Design::Crossover, 1);
    let code = (0..=255u8)
        .map(|first| Code::generate(&[first, 9, 8, 7, 6, 5, 4, 3]))
        .find(|&code| Design::Crossover.form(code, Phase::Pre) == Form::B)
        .expect("half of all codes start on form B");
    Participant { study, code }
}

fn code(n: u8, salt: u8) -> Code {
    Code::generate(&[n, salt, 0x5a, 0xc3, 0x11, 0x72, 0x09, 0xe4])
}

fn id(text: &str) -> Id {
    Id::new(text).expect("a valid id")
}

fn en() -> Locale {
    Locale::new("en").expect("en is a locale")
}

/// A record for `participant` that answers every question of their form: the knowledge item at
/// index `j` right when `right(j)` holds, and statement `j` with `likert(j)`.
fn record(
    participant: Participant,
    phase: Phase,
    right: impl Fn(usize) -> bool,
    likert: impl Fn(usize) -> u8,
) -> Record {
    let assessment = assessment();
    let form = Design::of(participant.study).form(participant.code, phase);
    let mut answers = BTreeMap::new();
    for (j, item) in assessment.knowledge_on(form).enumerate() {
        let option = item.options.iter().find(|o| o.correct == right(j)).expect("a right and a wrong option");
        answers.insert(
            id(&item.id),
            Answer { version: item.version, response: Response::Chose(Chosen::from([id(&option.id)])) },
        );
    }
    for (j, item) in assessment.likert.iter().enumerate() {
        let value = Likert::new(likert(j)).expect("1 to 5");
        answers.insert(id(&item.id), Answer { version: item.version, response: Response::Likert(value) });
    }
    Record {
        study: participant.study,
        code: participant.code,
        phase,
        form,
        locale: en(),
        content_version: assessment.version,
        date: Date::new(2026, 3, if phase == Phase::Pre { 2 } else { 30 }).expect("a date"),
        answers,
    }
}

fn encoded(records: Vec<Record>) -> String {
    ResultsFile::new(records).expect("valid records").encode().expect("encodes")
}

/// Stores `study` as created on this device, its cards printed with the codes `records` use (as a
/// study made before codes were derived, whose cards are listed).
fn store_study(study: StudyId, records: &[Record]) {
    let codes: BTreeSet<Code> =
        records.iter().filter(|record| record.study == study).map(|record| record.code).collect();
    let entry = StudyEntry {
        id: study,
        label: String::new(),
        created: Date::new(2026, 3, 1).expect("a date"),
        codes: codes.into_iter().collect(),
        secret: None,
    };
    local_storage().set_item(STUDIES, &TeacherStudies { studies: vec![entry] }.encode()).unwrap();
}

fn stored_results() -> ResultsFile {
    let raw = local_storage().get_item(RESULTS).unwrap().expect("results are stored");
    ResultsFile::decode(raw.as_bytes()).unwrap_or_else(|err| panic!("stored results decode: {err:?}"))
}

/// A class of `pairs` students who took both checks (doing better after, by varying amounts),
/// plus `pre_only` who took only the first.
fn class(study: StudyId, pairs: u8, pre_only: u8) -> Vec<Record> {
    let mut records = Vec::new();
    for n in 0..pairs + pre_only {
        let participant = Participant { study, code: code(n, 7) };
        let i = usize::from(n);
        records.push(record(participant, Phase::Pre, |j| (i + j) % 3 == 0, |j| 1 + ((i + j) % 4) as u8));
        if n < pairs {
            records.push(record(
                participant,
                Phase::Post,
                // Student i gets item i % 12 wrong (nobody has every item right) and item
                // (i + 1) % 12 right (nobody has none: (i + 1) * j % 4 is 0 for every j when i is 3, 7, 11).
                |j| j != i % 12 && ((i + 1) * j % 4 != 0 || j == (i + 1) % 12),
                |j| 2 + ((i + 2 * j) % 4) as u8,
            ));
        }
    }
    records
}

// --- Helpers ----------------------------------------------------------------------------------------

async fn start(root: &Element, participant: Participant) {
    type_into(root, "#study-id", &participant.study.to_string()).await;
    type_into(root, "#code", &participant.code.to_string()).await;
    click_button(root, "Start the check").await;
}

fn heading(root: &Element) -> String {
    text(&find(root, "h1"))
}

/// Today on the device's calendar, as records write it.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

fn results_file(name: &str, contents: &str) -> File {
    File::new_with_str_sequence(&js_sys::Array::of1(&JsValue::from_str(contents)), name).expect("a file")
}

fn transfer(files: &[File]) -> DataTransfer {
    let transfer = DataTransfer::new().expect("DataTransfer");
    for file in files {
        transfer.items().add_with_file(file).expect("add a file");
    }
    transfer
}

/// Picks `files` in the import's file input, as the browser's file dialog does.
async fn pick(root: &Element, files: &[File]) {
    let picker = input(root, "#results-files");
    picker.set_files(transfer(files).files().as_ref());
    fire(&picker, "change").await;
}

/// Waits until every file of an import is reported: the summary replaces the busy message.
async fn imported(root: &Element) {
    let root = root.clone();
    wait_until("the import is reported", move || {
        root.query_selector(".file-import [role=status] :is(.import-summary, .error-message)").ok().flatten().is_some()
    })
    .await;
}

// --- The student's check: who you are ------------------------------------------------------------

#[wasm_bindgen_test]
async fn a_code_with_a_typo_is_refused_at_the_field_and_nothing_is_stored() {
    clear_storage();
    let participant = b_first();
    let good = participant.code.compact();
    let last = good.chars().last().unwrap();
    let other = ALPHABET.iter().map(|&c| char::from(c)).find(|&c| c != last).unwrap();
    let typo = format!("{}{other}", &good[..good.len() - 1]);
    assert_eq!(Code::parse(&typo), Err(ParseError::CheckFailed));

    let root = mount_check().await;
    type_into(&root, "#study-id", &participant.study.to_string()).await;
    type_into(&root, "#code", &typo).await;
    click_button(&root, "Start the check").await;

    // The message names the field by its label.
    let is_typo_message = |text: &str| {
        text.contains("Your code") && text.contains("has a typo: a character is wrong or two are swapped.")
    };
    let summary = find(&root, ".error-summary");
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    assert!(text(&summary).contains("There is a problem"), "{}", text(&summary));
    let listed = texts(&summary, "li");
    assert_eq!(listed.len(), 1, "only the code is wrong: {listed:?}");
    assert!(is_typo_message(&listed[0]), "{listed:?}");
    assert_eq!(find(&summary, "li a").get_attribute("href").as_deref(), Some("#code"));
    assert_eq!(text(&find(&root, "#code-error")), listed[0]);

    let field = find(&root, "#code");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(field.get_attribute("aria-describedby").as_deref(), Some("code-hint code-error"));
    let study_field = find(&root, "#study-id");
    assert_eq!(study_field.get_attribute("aria-invalid"), None);
    assert!(root.query_selector("#study-id-error").unwrap().is_none());

    assert!(root.query_selector(".check-test").unwrap().is_none(), "the test did not start");
    assert_eq!(heading(&root), "Awareness check");
    assert_eq!(local_storage().get_item(PARTICIPANT).unwrap(), None);
    assert_eq!(local_storage().get_item(RESULTS).unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_valid_code_starts_the_test_of_its_form_and_is_remembered_only_when_the_student_asks() {
    clear_storage();
    let participant = b_first();
    let form = Design::of(participant.study).form(participant.code, Phase::Pre);
    assert_eq!(form, Form::B);

    let root = mount_check().await;
    assert!(!input(&root, "#remember").checked(), "a shared computer remembers nothing unless asked");
    assert!(input(&root, "#phase-pre").checked(), "a first visit takes the check before the lessons");
    click(&root, "#remember").await;
    start(&root, participant).await;

    assert_eq!(heading(&root), "Awareness check: before the lessons");
    assert_eq!(text(&find(&root, ".check-test .meta")), format!("Code {}", participant.code));
    let assessment = assessment();
    let expected: Vec<String> = assessment
        .knowledge_on(form)
        .map(|item| item.prompt["en"].clone())
        .chain(assessment.likert.iter().map(|item| item.statement["en"].clone()))
        .collect();
    assert_eq!(texts(&root, ".test-item .prompt"), expected);
    let names: Vec<String> = texts(&root, ".test-item legend .item-number");
    assert_eq!(names.first().map(String::as_str), Some(format!("Question 1 of {}", expected.len()).as_str()));
    // The radio groups are the form's items, each offering its own options.
    let fieldsets = root.query_selector_all(".test-item").unwrap();
    let groups: Vec<String> = (0..fieldsets.length())
        .map(|i| {
            let fieldset: Element = fieldsets.item(i).unwrap().unchecked_into();
            find(&fieldset, "input[type=radio]").get_attribute("name").unwrap_or_default()
        })
        .collect();
    let ids: Vec<String> = assessment
        .knowledge_on(form)
        .map(|item| item.id.clone())
        .chain(assessment.likert.iter().map(|item| item.id.clone()))
        .collect();
    assert_eq!(groups, ids);
    assert!(
        assessment
            .knowledge_on(Form::A)
            .all(|item| root.query_selector(&format!("[name='{}']", item.id)).unwrap().is_none())
    );
    for statement in &assessment.likert {
        assert!(root.query_selector(&format!("[id='{}--declined']", statement.id)).unwrap().is_some());
    }

    assert_eq!(local_storage().get_item(PARTICIPANT).unwrap(), Some(participant.encode()));
    assert_eq!(local_storage().get_item(RESULTS).unwrap(), None, "nothing is recorded before handing in");
}

#[wasm_bindgen_test]
async fn an_unticked_remember_box_forgets_the_code_on_a_shared_device() {
    clear_storage();
    let earlier = Participant { study: study_of(Design::Parallel, 3), code: code(1, 3) };
    local_storage().set_item(PARTICIPANT, &earlier.encode()).unwrap();
    let root = mount_check().await;
    assert_eq!(input(&root, "#study-id").value(), earlier.study.to_string());
    assert_eq!(input(&root, "#code").value(), earlier.code.to_string());

    click(&root, "#remember").await;
    assert!(!input(&root, "#remember").checked());
    start(&root, b_first()).await;
    assert_eq!(heading(&root), "Awareness check: before the lessons");
    assert_eq!(local_storage().get_item(PARTICIPANT).unwrap(), None);
}

// --- The student's check: answering and handing in -----------------------------------------------

#[wasm_bindgen_test]
async fn handing_in_with_questions_left_out_asks_once_then_stores_only_the_answers_given() {
    clear_storage();
    let participant = b_first();
    let assessment = assessment();
    let form = Design::of(participant.study).form(participant.code, Phase::Pre);
    let knowledge: Vec<_> = assessment.knowledge_on(form).collect();
    let total = knowledge.len() + assessment.likert.len();
    let (right_item, wrong_item) = (knowledge[0], knowledge[1]);
    let right_option = right_item.options.iter().find(|o| o.correct).unwrap();
    let wrong_option = wrong_item.options.iter().find(|o| !o.correct).unwrap();
    let (agreed, declined) = (&assessment.likert[0], &assessment.likert[1]);

    let root = mount_check().await;
    start(&root, participant).await;
    click(&root, &format!("[id='{}--{}']", right_item.id, right_option.id)).await;
    click(&root, &format!("[id='{}--{}']", wrong_item.id, wrong_option.id)).await;
    click(&root, &format!("[id='{}--4']", agreed.id)).await;
    click(&root, &format!("[id='{}--declined']", declined.id)).await;

    click_button(&root, "Hand in").await;
    let left = total - 4;
    assert_eq!(
        text(&find(&root, "#hand-in-status")),
        format!("You left {left} questions without an answer. You can go back to them, or hand in anyway.")
    );
    assert_eq!(heading(&root), "Awareness check: before the lessons", "still on the test");
    assert_eq!(local_storage().get_item(RESULTS).unwrap(), None, "nothing is handed in yet");

    click_button(&root, "Hand in anyway").await;
    let results = stored_results();
    assert_eq!(results.len(), 1);
    let record = results.records().next().unwrap();
    assert_eq!((record.study, record.code), (participant.study, participant.code));
    assert_eq!((record.phase, record.form), (Phase::Pre, form));
    assert_eq!(record.locale, en());
    assert_eq!(record.content_version, assessment.version);
    let expected = BTreeMap::from([
        (
            id(&right_item.id),
            Answer { version: right_item.version, response: Response::Chose(Chosen::from([id(&right_option.id)])) },
        ),
        (
            id(&wrong_item.id),
            Answer { version: wrong_item.version, response: Response::Chose(Chosen::from([id(&wrong_option.id)])) },
        ),
        (id(&agreed.id), Answer { version: agreed.version, response: Response::Likert(Likert::new(4).unwrap()) }),
        (id(&declined.id), Answer { version: declined.version, response: Response::Declined }),
    ]);
    assert_eq!(record.answers, expected, "the answers given, and none for the questions left out");
    // The day, and nothing finer.
    assert_eq!(record.date.to_string(), today());
    let raw = local_storage().get_item(RESULTS).unwrap().unwrap();
    assert!(raw.contains(&format!(r#""date":"{}""#, today())), "{raw}");
    assert!(!raw.contains(&format!("{}T", today())), "{raw}");

    assert_eq!(heading(&root), "Thank you");
    let scored = score(&assessment, record).expect("the record scores");
    let right = scored.right();
    assert_eq!(right, 1);
    assert_eq!(
        text(&find(&root, ".score")),
        format!("In part 1, you answered {right} of {} questions correctly.", scored.correct.len())
    );
    assert_eq!(texts(&root, ".review-item").len(), knowledge.len());
    assert_eq!(texts(&root, ".review-item.correct").len(), right);
}

#[wasm_bindgen_test]
async fn handing_in_nothing_is_refused() {
    clear_storage();
    let root = mount_check().await;
    start(&root, b_first()).await;
    click_button(&root, "Hand in").await;
    click_button(&root, "Hand in").await;
    assert_eq!(text(&find(&root, "#hand-in-status")), "Answer at least one question before you hand in.");
    assert_eq!(heading(&root), "Awareness check: before the lessons");
    assert_eq!(local_storage().get_item(RESULTS).unwrap(), None);
}

#[wasm_bindgen_test]
async fn after_a_pre_test_the_remembered_student_is_offered_the_post_test_and_cannot_repeat_the_first() {
    clear_storage();
    let participant = b_first();
    let pre = record(participant, Phase::Pre, |j| j % 2 == 0, |_| 3);
    let stored = encoded(vec![pre]);
    local_storage().set_item(RESULTS, &stored).unwrap();
    local_storage().set_item(PARTICIPANT, &participant.encode()).unwrap();

    let root = mount_check().await;
    assert_eq!(input(&root, "#study-id").value(), participant.study.to_string());
    assert_eq!(input(&root, "#code").value(), participant.code.to_string());
    assert!(input(&root, "#phase-post").checked(), "after the lessons is chosen");
    assert!(!input(&root, "#phase-pre").checked());

    click(&root, "#phase-pre").await;
    click_button(&root, "Start the check").await;
    let summary = text(&find(&root, ".error-summary"));
    assert!(summary.contains("This code has already taken the check before the lessons on this device."), "{summary}");
    assert_eq!(find(&root, ".error-summary li a").get_attribute("href").as_deref(), Some("#phase-pre"));
    assert_eq!(heading(&root), "Awareness check");
    assert_eq!(local_storage().get_item(RESULTS).unwrap(), Some(stored), "the first attempt stands");

    click(&root, "#phase-post").await;
    click_button(&root, "Start the check").await;
    assert_eq!(heading(&root), "Awareness check: after the lessons");
    let post_form = Design::of(participant.study).form(participant.code, Phase::Post);
    assert_eq!(post_form, Form::A);
    let first = assessment().knowledge_on(post_form).next().unwrap().prompt["en"].clone();
    assert_eq!(texts(&root, ".test-item .prompt").first(), Some(&first));
}

// --- Storage ----------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn unreadable_results_are_kept_aside_and_reported_and_other_data_is_untouched() {
    clear_storage();
    let study = study_of(Design::Parallel, 4);
    let studies = TeacherStudies {
        studies: vec![StudyEntry {
            id: study,
            label: "Class 8B".into(),
            created: Date::new(2026, 2, 1).unwrap(),
            codes: vec![code(1, 4), code(2, 4)],
            secret: None,
        }],
    }
    .encode();
    local_storage().set_item(RESULTS, "{not results").unwrap();
    local_storage().set_item(STUDIES, &studies).unwrap();

    let root = mount_teacher("/").await;
    assert_eq!(heading(&root), "Measure what your class learned");
    assert!(
        text(&find(&root, ".notices")).contains(
            "Some saved awareness-check data could not be read, so it was set aside. Nothing was deleted: it is kept on this device."
        ),
        "{}",
        text(&find(&root, ".notices"))
    );
    assert_eq!(local_storage().get_item("aware.results.backup").unwrap().as_deref(), Some("{not results"));
    assert_eq!(local_storage().get_item(RESULTS).unwrap(), None);
    // Kept, and sealed to the teacher's key now that a teacher has set up this device.
    let sealed = teacher_data("the study", |data| !data.studies.studies.is_empty()).await;
    assert_eq!(sealed.studies.encode(), studies);
    assert_eq!(local_storage().get_item(STUDIES).unwrap(), None, "no longer in the clear");
    assert!(text(&find(&root, ".study-list")).contains(&format!("Study {study}")));
    assert!(text(&find(&root, ".study-list")).contains("Class 8B"));
}

#[wasm_bindgen_test]
async fn a_second_unreadable_results_document_does_not_overwrite_the_first_backup() {
    clear_storage();
    local_storage().set_item("aware.results.backup", "first").unwrap();
    local_storage().set_item(RESULTS, r#"{"format":"aware-results","version":1,"records":[{"#).unwrap();
    let root = mount_check().await;
    assert_eq!(heading(&root), "Awareness check");
    assert_eq!(local_storage().get_item("aware.results.backup").unwrap().as_deref(), Some("first"));
    assert_eq!(
        local_storage().get_item("aware.results.backup.2").unwrap().as_deref(),
        Some(r#"{"format":"aware-results","version":1,"records":[{"#)
    );
    assert!(text(&find(&root, ".notices")).contains("Some saved awareness-check data could not be read"));
}

// --- The teacher's studies ---------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn creating_a_study_opens_it_and_stores_distinct_codes_for_the_cards() {
    clear_storage();
    let root = mount_teacher("/").await;
    type_into(&root, "#study-label", "Class 8B").await;
    click(&root, "#design-parallel").await;
    type_into(&root, "#cards", "7").await;
    click_button(&root, "Create the study").await;

    let studies = teacher_data("the study", |data| !data.studies.studies.is_empty()).await.studies;
    assert_eq!(studies.studies.len(), 1);
    let entry = &studies.studies[0];
    assert_eq!(Design::of(entry.id), Design::Parallel);
    assert_eq!(entry.label, "Class 8B");
    assert_eq!(entry.created.to_string(), today());
    assert_eq!(entry.codes.len(), 7);
    assert_eq!(entry.codes.iter().collect::<BTreeSet<_>>().len(), 7, "the codes are distinct");

    // Screens are named in the fragment: the new screen renders once the browser reports the
    // change (`hashchange` is a task of its own).
    let study_heading = format!("Study {}", entry.id);
    wait_until("the study's screen is shown", || heading(&root) == study_heading).await;
    assert_eq!(text(&find(&root, ".study-id-display")), entry.id.to_string());
    assert_eq!(text(&find(&root, ".study-label")), "Class 8B");

    click_link(&root, "Print code cards").await;
    wait_until("the code cards are shown", || heading(&root) == "Code cards").await;
    assert!(text(&root).contains("7 cards. Print, cut along the lines"), "{}", text(&root));
    let shown: Vec<String> = texts(&root, ".code-card .card-value.code");
    assert_eq!(shown, entry.codes.iter().map(ToString::to_string).collect::<Vec<_>>());
    let ids = texts(&root, ".code-card .card-value:not(.code)");
    assert_eq!(ids.len(), 7);
    assert!(ids.iter().all(|shown| *shown == entry.id.to_string()), "{ids:?}");
}

#[wasm_bindgen_test]
async fn a_card_count_out_of_range_is_refused() {
    clear_storage();
    let root = mount_teacher("/").await;
    type_into(&root, "#cards", "0").await;
    click_button(&root, "Create the study").await;
    assert_eq!(text(&find(&root, "#cards-error")), "Enter a number from 1 to 1000.");
    assert_eq!(find(&root, "#cards").get_attribute("aria-describedby").as_deref(), Some("cards-hint cards-error"));
    assert_eq!(heading(&root), "Measure what your class learned");
    assert_eq!(local_storage().get_item(STUDIES).unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_study_found_only_in_imported_results_has_no_cards_to_print() {
    clear_storage();
    let study = study_of(Design::Parallel, 12);
    let pre = record(Participant { study, code: code(1, 12) }, Phase::Pre, |j| j < 4, |_| 3);
    local_storage().set_item(RESULTS, &encoded(vec![pre])).unwrap();

    let root = mount_teacher(&format!("/studies/{}", study.compact())).await;
    assert_eq!(heading(&root), format!("Study {study}"));
    assert!(text(&root).contains("Before the lessons: 1. After the lessons: 0."), "{}", text(&root));
    assert!(!texts(&root, "a").iter().any(|link| link == "Print code cards"));

    let root = mount_teacher(&format!("/studies/{}/cards", study.compact())).await;
    assert!(text(&root).contains("We couldn't find that study."), "{}", text(&root));
    assert!(text(&root).contains("The cards of a study can be printed only on the device that created it."));
    assert!(root.query_selector(".code-card").unwrap().is_none());
}

// --- The class report --------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn a_report_with_too_few_pairs_shows_counts_and_why_results_are_hidden() {
    clear_storage();
    let study = study_of(Design::Crossover, 5);
    let mut records = class(study, 4, 2);
    store_study(study, &records);
    // Another study's records are not this report's.
    records.extend(class(study_of(Design::Parallel, 6), 12, 0));
    local_storage().set_item(RESULTS, &encoded(records)).unwrap();

    let root = mount_teacher(&format!("/studies/{}/report", study.compact())).await;
    assert_eq!(heading(&root), "Class report");
    // 6 before, 4 after, 4 of the 6 students took both.
    assert_eq!(texts(&root, "dl.counts dd"), vec!["6", "4", "4", percent(100.0 * 4.0 / 6.0).as_str()]);
    let notice = text(&find(&root, ".suppressed-notice"));
    assert!(notice.contains("Results are hidden"), "{notice}");
    assert!(notice.contains("Only 4 students took both checks. Results are shown when at least 10 have."), "{notice}");
    assert!(notice.contains("With fewer students, a result could show what one student answered."), "{notice}");
    assert!(root.query_selector("#summary").unwrap().is_none());
    assert!(root.query_selector("table").unwrap().is_none(), "no statistics");
    assert!(!text(&root).contains("Paired t-test"));
}

#[wasm_bindgen_test]
async fn a_report_with_enough_pairs_shows_the_summary_and_tables() {
    clear_storage();
    let study = study_of(Design::Crossover, 8);
    let records = class(study, 12, 1);
    store_study(study, &records);
    let assessment = assessment();
    let entry = StudyEntry {
        id: study,
        label: String::new(),
        created: Date::new(2026, 3, 1).expect("a date"),
        codes: records.iter().map(|record| record.code).collect::<BTreeSet<_>>().into_iter().collect(),
        secret: None,
    };
    let mut issued = IssuedCodes::new();
    issued.add(&entry.definition());
    let mut builder = ReportBuilder::new(&assessment, &issued);
    records.iter().for_each(|record| builder.add(record));
    let expected = builder.finish(min_group_size());
    let results = expected.results.as_ref().expect("12 pairs are enough for a report");
    let knowledge = results.knowledge.shown().expect("nobody at 0 or at every item right");
    assert!(knowledge.post_mean > knowledge.pre_mean);
    local_storage().set_item(RESULTS, &encoded(records)).unwrap();

    let root = mount_teacher(&format!("/studies/{}/report", study.compact())).await;
    assert_eq!(texts(&root, "dl.counts dd")[..3], ["13", "12", "12"]);
    assert!(root.query_selector(".suppressed-notice").unwrap().is_none());
    let summary = texts(&root, ".summary p");
    assert_eq!(
        summary.first().map(String::as_str),
        Some(
            format!(
                "Knowledge rose from {} to {} of answers correct, among the 12 students who took both checks.",
                percent(knowledge.pre_mean),
                percent(knowledge.post_mean)
            )
            .as_str()
        ),
        "{summary:?}"
    );
    // Knowledge details, a row per question pair, a table per scale.
    let details = text(&find(&root, "table.details"));
    assert!(details.contains("Students who took both checks12"), "{details}");
    assert!(details.contains("Paired t-test"), "{details}");
    let pre_row = format!("Mean % correct before{} (SD {})", percent(knowledge.pre_mean), fixed(knowledge.pre_sd, 1));
    assert!(details.contains(&pre_row), "{details}");
    // Fewer than 2k = 20 students: no single question's results, and the table says why.
    assert_eq!(results.items[0].pre, Visible::Hidden(Reason::GroupTooSmall));
    let first_row = texts(&root, "section[aria-labelledby=items] tbody tr:first-child td");
    assert!(first_row[1].starts_with("Hidden: too few students for this result"), "{first_row:?}");
    let question_rows = root.query_selector_all("section[aria-labelledby=items] tbody tr").unwrap();
    assert_eq!(question_rows.length() as usize, assessment.pairs().len());
    assert_eq!(texts(&root, ".scale h3").len(), assessment.scales.len());
    assert!(text(&root).contains("Why some results may be hidden"));
}

// --- Importing results files -------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn a_report_counts_only_codes_on_the_studys_cards_and_says_what_it_left_out() {
    clear_storage();
    let study = study_of(Design::Crossover, 9);
    let records = class(study, 12, 0);
    // Cards for the first ten students only: the last two students' four records are left out.
    store_study(study, &records[..20]);
    local_storage().set_item(RESULTS, &encoded(records.clone())).unwrap();
    let root = mount_teacher(&format!("/studies/{}/report", study.compact())).await;
    assert_eq!(texts(&root, "dl.counts dd")[..3], ["10", "10", "10"]);
    assert!(
        text(&root).contains("4 results were left out: their codes are not on this study's cards."),
        "{}",
        text(&root)
    );

    // A study this device did not create: nothing counts, and the report says why.
    clear_storage();
    local_storage().set_item(RESULTS, &encoded(records)).unwrap();
    let root = mount_teacher(&format!("/studies/{}/report", study.compact())).await;
    assert_eq!(texts(&root, "dl.counts dd")[..3], ["0", "0", "0"]);
    assert!(text(&root).contains("This study was not created on this device"), "{}", text(&root));
}

#[wasm_bindgen_test]
async fn picked_files_are_imported_one_by_one_and_a_bad_one_is_named_with_its_problem() {
    clear_storage();
    let study = study_of(Design::Parallel, 9);
    let good: Vec<Record> =
        (0..2).map(|n| record(Participant { study, code: code(n, 9) }, Phase::Pre, |j| j < 3, |_| 2)).collect();
    let newer = r#"{"format":"aware-results","version":2,"records":[]}"#;
    assert_eq!(ResultsFile::decode(newer.as_bytes()), Err(ImportError::UnsupportedVersion { found: 2 }));

    let root = mount_teacher("/").await;
    assert!(text(&root).contains("No studies on this device yet."));
    pick(&root, &[results_file("class.json", &encoded(good.clone())), results_file("newer.json", newer)]).await;
    imported(&root).await;

    let status = find(&root, ".file-import [role=status]");
    assert_eq!(text(&find(&status, ".error-message")), "2 files read, 1 could not be imported:");
    assert_eq!(texts(&status, ".import-ok"), vec!["class.json: 2 new records, 0 already here."]);
    assert_eq!(
        texts(&status, ".import-refused"),
        vec![
            "newer.json: this file was made by a newer version of Aware (file version 2). Update Aware, then import it again."
        ]
    );
    let stored = teacher_data("2 results", |data| data.results.len() == 2).await.results;
    assert_eq!(
        stored.records().cloned().collect::<Vec<_>>(),
        ResultsFile::new(good).unwrap().records().cloned().collect::<Vec<_>>()
    );
    let list = text(&find(&root, ".study-list"));
    assert!(list.contains(&format!("Study {study}")), "{list}");
    assert!(list.contains("Found in imported results."), "{list}");
    assert!(list.contains("Before the lessons: 2. After the lessons: 0."), "{list}");
}

#[wasm_bindgen_test]
async fn a_dropped_file_reports_duplicates_conflicts_and_other_studies_and_keeps_the_first_record() {
    clear_storage();
    let study = study_of(Design::Crossover, 10);
    let participant = |n| Participant { study, code: code(n, 10) };
    let held = record(participant(1), Phase::Pre, |j| j < 6, |_| 3);
    let first = record(participant(3), Phase::Pre, |j| j < 6, |_| 3);
    local_storage().set_item(RESULTS, &encoded(vec![held.clone(), first.clone()])).unwrap();
    let new = record(participant(2), Phase::Pre, |j| j < 6, |_| 3);
    let retaken = record(participant(3), Phase::Pre, |_| true, |_| 5);
    let elsewhere =
        record(Participant { study: study_of(Design::Parallel, 11), code: code(4, 10) }, Phase::Pre, |_| true, |_| 4);
    let file = results_file("mixed.json", &encoded(vec![held.clone(), new.clone(), retaken, elsewhere.clone()]));

    let root = mount_teacher(&format!("/studies/{}", study.compact())).await;
    assert!(text(&root).contains("Before the lessons: 2. After the lessons: 0."));
    let init = DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&transfer(&[file])));
    let drop = DragEvent::new_with_event_init_dict("drop", &init).unwrap();
    find(&root, ".drop-zone").dispatch_event(&drop).unwrap();
    imported(&root).await;

    assert_eq!(
        texts(&root, ".import-ok"),
        vec![
            "mixed.json: 2 new records, 1 already here. 1 record has the same code and check as one already here but different answers; the first one was kept. 1 of its records belongs to another study."
        ]
    );
    assert!(drop.default_prevented(), "the browser does not open the dropped file");
    let stored: Vec<Record> =
        teacher_data("4 results", |data| data.results.len() >= 4).await.results.records().cloned().collect();
    assert_eq!(stored.len(), 4);
    for kept in [&held, &first, &new, &elsewhere] {
        assert!(stored.contains(kept), "{kept:?} is kept");
    }
    assert!(text(&root).contains("Before the lessons: 3. After the lessons: 0."), "{}", text(&root));
}

#[wasm_bindgen_test]
async fn a_file_over_the_limit_is_refused_unread_and_the_next_file_is_still_imported() {
    clear_storage();
    let study = study_of(Design::Parallel, 14);
    let good = record(Participant { study, code: code(1, 14) }, Phase::Pre, |j| j < 3, |_| 2);
    // Larger than any results file may be; its bytes are never read, so their content is moot.
    let huge = File::new_with_u8_array_sequence(
        &js_sys::Array::of1(&js_sys::Uint8Array::new_with_length((MAX_FILE_BYTES + 1) as u32)),
        "video.json",
    )
    .expect("a file");

    let root = mount_teacher("/").await;
    pick(&root, &[huge, results_file("class.json", &encoded(vec![good.clone()]))]).await;
    imported(&root).await;

    assert_eq!(texts(&root, ".import-refused"), vec!["video.json: the file is too large to be a results file."]);
    assert_eq!(texts(&root, ".import-ok"), vec!["class.json: 1 new record, 0 already here."]);
    let stored = teacher_data("1 result", |data| !data.results.is_empty()).await.results;
    assert_eq!(stored.records().cloned().collect::<Vec<_>>(), vec![good]);
}

#[wasm_bindgen_test]
async fn a_file_naming_an_item_the_assessment_does_not_define_is_refused_whole() {
    clear_storage();
    let study = study_of(Design::Parallel, 15);
    let mut crafted = record(Participant { study, code: code(1, 15) }, Phase::Pre, |j| j < 3, |_| 2);
    crafted.answers.insert(id("bat-dorj-8b"), Answer { version: 1, response: Response::Declined });

    let root = mount_teacher("/").await;
    pick(&root, &[results_file("crafted.json", &encoded(vec![crafted]))]).await;
    imported(&root).await;

    assert_eq!(
        texts(&root, ".import-refused"),
        vec!["crafted.json: record 1 is damaged: item bat-dorj-8b is not in the assessment."]
    );
    assert_eq!(local_storage().get_item(RESULTS).unwrap(), None, "nothing is stored");
    assert_eq!(local_storage().get_item("aware.teacher.sealed").unwrap(), None, "nor sealed");
}

#[wasm_bindgen_test]
async fn two_imports_started_together_both_keep_their_records() {
    clear_storage();
    let study = study_of(Design::Parallel, 13);
    let one = record(Participant { study, code: code(1, 13) }, Phase::Pre, |j| j < 4, |_| 3);
    let two = record(Participant { study, code: code(2, 13) }, Phase::Pre, |j| j < 5, |_| 4);

    let root = mount_teacher("/").await;
    // A file picked, and another dropped before the first has been read (no await in between).
    let picker = input(&root, "#results-files");
    picker.set_files(transfer(&[results_file("one.json", &encoded(vec![one.clone()]))]).files().as_ref());
    let change = web_sys::EventInit::new();
    change.set_bubbles(true);
    picker.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &change).unwrap()).unwrap();
    let init = DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&transfer(&[results_file("two.json", &encoded(vec![two.clone()]))])));
    find(&root, ".drop-zone").dispatch_event(&DragEvent::new_with_event_init_dict("drop", &init).unwrap()).unwrap();
    imported(&root).await;

    let stored: Vec<Record> =
        teacher_data("2 results", |data| data.results.len() >= 2).await.results.records().cloned().collect();
    assert!(
        stored.contains(&one) && stored.contains(&two),
        "both files' records are kept, found {} record(s)",
        stored.len()
    );
}

#[wasm_bindgen_test]
async fn results_saved_by_another_tab_after_this_one_loaded_are_kept() {
    clear_storage();
    let study = study_of(Design::Parallel, 11);
    let mine: Vec<Record> =
        (0..2).map(|n| record(Participant { study, code: code(n, 11) }, Phase::Pre, |j| j < 3, |_| 2)).collect();
    let other_tab: Vec<Record> =
        (2..4).map(|n| record(Participant { study, code: code(n, 11) }, Phase::Pre, |j| j < 3, |_| 2)).collect();

    let root = mount_teacher("/").await;
    // Another tab (a student's check on this computer) seals its hand-ins while this one is open.
    let keyring = Keyring::decode(&local_storage().get_item("aware.teacher.keyring").unwrap().unwrap()).unwrap();
    let payload = Payload { kind: PayloadKind::Results, text: encoded(other_tab.clone()) };
    let envelope = aware::platform::crypto::seal(&keyring.public_key, &payload).await.expect("sealed");
    let log = SealedLog { envelopes: vec![envelope] };
    local_storage().set_item("aware.teacher.sealed", &log.encode()).unwrap();
    pick(&root, &[results_file("class.json", &encoded(mine.clone()))]).await;
    imported(&root).await;

    let all: Vec<Record> = mine.into_iter().chain(other_tab).collect();
    let kept = teacher_data("4 results", |data| data.results.len() >= 4).await.results;
    assert_eq!(
        kept.records().cloned().collect::<Vec<_>>(),
        ResultsFile::new(all).unwrap().records().cloned().collect::<Vec<_>>()
    );
}
