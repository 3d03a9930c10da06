//! The class report ([`ReportBuilder`] → [`Report`]) against reference reports it had no part in
//! computing, and against its own building blocks.
//!
//! - **Fixtures** (`fixtures/report/`, written by `generate.py` there): classes drawn in Python as
//!   results files, and their reports computed with numpy, scipy and statsmodels from the scoring
//!   rules of `assessment/README.md`. Each is decoded here with [`ResultsFile::decode`], fed to the
//!   builder, and every number compared to 1e-9 (relative; 1e-12 absolute where the expected value
//!   is 0). The fixtures are drawn for the items of `assessment/assessment.toml`, and the tests
//!   compile the assessment from `assessment/`: regenerate them when the assessment changes.
//! - **Edge cases** built here: no records, only pre-tests, no variation, a pre-test at 100 %,
//!   ties and zeros, no discordant pairs, suppression below k, repeated and unscorable records,
//!   and the order of records.
//! - **Agreement**: on a few hundred pseudo-random classes, the builder's running sums give the
//!   same paired t-test, Wilcoxon tests, α, McNemar and Holm as the slice-based functions of
//!   [`aware_core::stats`] (themselves tested against scipy in `tests/stats.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::Value;

use aware_core::assessment::Assessment;
use aware_core::content::compile::compile_assessment;
use aware_core::report::{ChangeBand, ItemChange, Knowledge, LikertChange, PValue, Report, ReportBuilder, Visible};
use aware_core::stats::{self, Pair, PairedOutcome};
use aware_core::study::code::RANDOM_BYTES;
use aware_core::study::suppression::{Cell, MinGroupSize, Percent, Reason};
use aware_core::study::{
    Answer, Chosen, Code, Date, Design, Form, Id, IssuedCodes, Likert, Locale, Phase, Record, Response, ResultsFile,
    StudyDefinition, StudyId,
};

/// The scipy the fixtures must come from (the Wilcoxon method rule of scipy 1.17.1 is encoded in them).
const SCIPY: &str = "1.17.1";

const CLASS_30_RESULTS: &str = include_str!("fixtures/report/class-30.results.json");
const CLASS_30_EXPECTED: &str = include_str!("fixtures/report/class-30.expected.json");
const CLASS_6_RESULTS: &str = include_str!("fixtures/report/class-6.results.json");
const CLASS_6_EXPECTED: &str = include_str!("fixtures/report/class-6.expected.json");
const CLASS_MIXED_RESULTS: &str = include_str!("fixtures/report/class-mixed.results.json");
const CLASS_MIXED_EXPECTED: &str = include_str!("fixtures/report/class-mixed.expected.json");

/// The assessment as the app ships it, compiled once from `assessment/` (tests run in `crates/core`).
fn assessment() -> &'static Assessment {
    static ASSESSMENT: OnceLock<Assessment> = OnceLock::new();
    ASSESSMENT.get_or_init(|| {
        compile_assessment(Path::new("../../assessment"), Path::new("../../lessons"))
            .unwrap_or_else(|problems| panic!("assessment/ does not compile: {problems:?}"))
    })
}

fn k(value: u32) -> MinGroupSize {
    MinGroupSize::new(value).expect("k is at least the floor")
}

// --- Comparing numbers ------------------------------------------------------------------------------

/// Relative error at most 1e-9, or absolute at most 1e-12 when the expected value is 0.
fn close(actual: f64, expected: f64) -> bool {
    if expected == 0.0 { actual.abs() <= 1e-12 } else { ((actual - expected) / expected).abs() <= 1e-9 }
}

#[track_caller]
fn assert_close(what: &str, actual: f64, expected: f64) {
    assert!(close(actual, expected), "{what} is {actual:e}, expected {expected:e}");
}

/// [`assert_close`], or within `absolute`: for values that are rounding noise around 0 when the
/// two sides sum in different orders (a gain or a mean change of a class that did not change).
#[track_caller]
fn assert_near(what: &str, actual: f64, expected: f64, absolute: f64) {
    assert!(
        close(actual, expected) || (actual - expected).abs() <= absolute,
        "{what} is {actual:e}, expected {expected:e}"
    );
}

#[track_caller]
fn assert_close_option(what: &str, actual: Option<f64>, expected: Option<f64>) {
    match (actual, expected) {
        (Some(actual), Some(expected)) => assert_close(what, actual, expected),
        (None, None) => {}
        _ => panic!("{what} is {actual:?}, expected {expected:?}"),
    }
}

/// Two JSON documents equal up to 1e-9 in their numbers: for reports whose running means were
/// summed in another order.
fn assert_json_close(path: &str, actual: &Value, expected: &Value) {
    match (actual, expected) {
        (Value::Number(a), Value::Number(e)) => {
            let (a, e) = (a.as_f64().unwrap_or(f64::NAN), e.as_f64().unwrap_or(f64::NAN));
            assert!(close(a, e), "{path} is {a:e}, expected {e:e}");
        }
        (Value::Array(a), Value::Array(e)) => {
            assert_eq!(a.len(), e.len(), "{path} has another length");
            for (i, (a, e)) in a.iter().zip(e).enumerate() {
                assert_json_close(&format!("{path}[{i}]"), a, e);
            }
        }
        (Value::Object(a), Value::Object(e)) => {
            assert_eq!(a.keys().collect::<Vec<_>>(), e.keys().collect::<Vec<_>>(), "{path} has other fields");
            for (key, a) in a {
                assert_json_close(&format!("{path}.{key}"), a, &e[key]);
            }
        }
        _ => assert_eq!(actual, expected, "{path} differs"),
    }
}

// --- The fixtures ----------------------------------------------------------------------------------

#[derive(Deserialize)]
struct Fixture {
    versions: Versions,
    input: Input,
    /// Each in the report's own JSON.
    reports: Vec<Value>,
}

#[derive(Deserialize)]
struct Versions {
    scipy: String,
}

#[derive(Deserialize)]
struct Input {
    records: usize,
    study: String,
    /// The 8 random bytes the study id was made from, in hex.
    study_random: String,
    design: String,
    participants: Vec<Participant>,
}

#[derive(Deserialize)]
struct Participant {
    code: String,
    random: String,
    pre: Option<Attempt>,
    post: Option<Attempt>,
}

#[derive(Deserialize)]
struct Attempt {
    form: String,
    /// The assessment version the attempt was taken on.
    version: u32,
    right: usize,
    of: usize,
    /// Whether every item of the form was asked in its current version.
    complete: bool,
}

fn load(name: &str, json: &str) -> Fixture {
    let fixture: Fixture = serde_json::from_str(json).unwrap_or_else(|error| panic!("{name}: {error}"));
    assert_eq!(fixture.versions.scipy, SCIPY, "{name} was generated with another scipy");
    fixture
}

fn decode(name: &str, json: &str) -> ResultsFile {
    ResultsFile::decode(json.as_bytes()).unwrap_or_else(|error| panic!("{name}: {error}"))
}

/// Every code the records use, as issued by their studies (listed, as a study made before codes
/// were derived): for tests about everything but which codes count.
fn issued_to<'a>(records: impl IntoIterator<Item = &'a Record>) -> IssuedCodes {
    let mut codes: BTreeMap<StudyId, BTreeSet<Code>> = BTreeMap::new();
    for record in records {
        codes.entry(record.study).or_default().insert(record.code);
    }
    let mut issued = IssuedCodes::new();
    for (study, codes) in codes {
        issued.add(&StudyDefinition::listed(study, codes.into_iter().collect()));
    }
    issued
}

fn build<'a>(records: impl IntoIterator<Item = &'a Record>, min: MinGroupSize) -> Report {
    let records: Vec<&Record> = records.into_iter().collect();
    let issued = issued_to(records.iter().copied());
    let mut builder = ReportBuilder::new(assessment(), &issued);
    for record in records {
        builder.add(record);
    }
    builder.finish(min)
}

/// The report's JSON against the reference's, numbers to 1e-9: every shown number, every hidden
/// part and its reason.
fn check_report(name: &str, actual: &Report, expected: &Value) {
    assert_json_close(name, &serde_json::to_value(actual).unwrap(), expected);
}

fn random_bytes(hex: &str) -> [u8; RANDOM_BYTES] {
    let mut bytes = [0u8; RANDOM_BYTES];
    assert_eq!(hex.len(), 2 * RANDOM_BYTES, "{hex} is not 8 bytes");
    for (i, byte) in bytes.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("hex");
    }
    bytes
}

#[test]
fn class_30_matches_the_reference() {
    let fixture = load("class-30.expected.json", CLASS_30_EXPECTED);
    let file = decode("class-30.results.json", CLASS_30_RESULTS);
    assert_eq!(file.len(), fixture.input.records);
    let [expected] = &fixture.reports[..] else { panic!("class-30 has one report, for k = 10") };
    let report = build(file.records(), MinGroupSize::DEFAULT);
    check_report("class-30", &report, expected);
}

/// A class whose first 12 participants sat the pre-test on version 1 of the assessment: they count
/// for each concept and statement asked in the same version both times, never in the knowledge
/// score (their pre-test saw other versions of some of its items).
#[test]
fn a_class_across_two_assessment_versions_pools_only_answers_to_the_same_item_versions() {
    let fixture = load("class-mixed.expected.json", CLASS_MIXED_EXPECTED);
    let file = decode("class-mixed.results.json", CLASS_MIXED_RESULTS);
    assert_eq!(file.len(), fixture.input.records);
    assert!(file.records().any(|record| record.content_version < assessment().version), "earlier records");
    let [expected] = &fixture.reports[..] else { panic!("class-mixed has one report, for k = 10") };
    let report = build(file.records(), MinGroupSize::DEFAULT);
    check_report("class-mixed", &report, expected);
    assert_eq!(report.counts.earlier_versions, 12);
}

#[test]
fn class_6_shows_only_counts_at_k_10_and_no_question_at_k_5() {
    let fixture = load("class-6.expected.json", CLASS_6_EXPECTED);
    let file = decode("class-6.results.json", CLASS_6_RESULTS);
    assert_eq!(file.len(), fixture.input.records);
    assert_eq!(fixture.reports.len(), 2, "class-6 has reports for k = 10 and k = 5");
    for expected in &fixture.reports {
        let min = expected["min_group_size"].as_u64().expect("k") as u32;
        let report = build(file.records(), k(min));
        check_report(&format!("class-6, k = {min}"), &report, expected);
    }
    assert!(fixture.reports[0]["results"].is_null() && fixture.reports[1]["results"].is_object());
}

/// The fixtures' study ids, codes, forms and scores were made in Python from the rules of
/// `study/code.rs`, `study/design.rs` and `assessment/score.rs`; they must be what the crate makes.
#[test]
fn fixture_ids_forms_and_scores_follow_the_crate() {
    for (name, results, expected) in [
        ("class-30", CLASS_30_RESULTS, CLASS_30_EXPECTED),
        ("class-6", CLASS_6_RESULTS, CLASS_6_EXPECTED),
        ("class-mixed", CLASS_MIXED_RESULTS, CLASS_MIXED_EXPECTED),
    ] {
        let fixture = load(name, expected);
        let file = decode(name, results);
        let study = StudyId::generate(&random_bytes(&fixture.input.study_random));
        assert_eq!(study.compact(), fixture.input.study, "{name}: study id");
        assert_eq!(Design::of(study).as_str(), fixture.input.design, "{name}: design");
        let mut seen = 0;
        for participant in &fixture.input.participants {
            let code = Code::generate(&random_bytes(&participant.random));
            assert_eq!(code.compact(), participant.code, "{name}: code from {}", participant.random);
            for (phase, attempt) in [(Phase::Pre, &participant.pre), (Phase::Post, &participant.post)] {
                let Some(attempt) = attempt else { continue };
                let form = Design::of(study).form(code, phase);
                assert_eq!(form.as_str(), attempt.form, "{name}: form of {code} at {}", phase.as_str());
                let record = file
                    .records()
                    .find(|r| r.study == study && r.code == code && r.phase == phase)
                    .unwrap_or_else(|| panic!("{name}: no {} record for {code}", phase.as_str()));
                assert_eq!((record.form, record.content_version), (form, attempt.version));
                let scored = aware_core::assessment::score::score(assessment(), record).expect("scorable");
                let right = scored.right();
                assert_eq!(
                    (right, scored.correct.len(), scored.complete()),
                    (attempt.right, attempt.of, attempt.complete),
                    "{name}: score of {code}"
                );
                seen += 1;
            }
        }
        assert_eq!(seen, file.len(), "{name}: every record belongs to a listed participant");
    }
}

// --- Building classes ---------------------------------------------------------------------------------

/// Deterministic test data, so every failure can be replayed.
use aware_core::rng::SplitMix64 as Rng;

fn new_study(rng: &mut Rng, design: Design) -> StudyId {
    design.new_study(&mut || rng.next_u64().to_le_bytes()).expect("a working random source")
}

fn distinct_codes(rng: &mut Rng, n: usize) -> Vec<Code> {
    let mut codes: Vec<Code> = Vec::new();
    while codes.len() < n {
        let code = Code::generate(&rng.next_u64().to_le_bytes());
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

fn id(text: &str) -> Id {
    Id::new(text).expect("a valid id")
}

/// What a student did with one item.
#[derive(Clone, Copy, Debug)]
enum Did {
    Right,
    Wrong,
    LeftOut,
    Declined,
}

/// An attempt in the phase's form (as the design decides). `concepts[i]` is what the student did
/// with the item of concept `i` (in the order of `Assessment::pairs`; missing entries are wrong);
/// `likert[i]` is the raw answer 1–5 to statement `i`, `None` for "prefer not to answer" (missing
/// entries are left out).
fn attempt(study: StudyId, code: Code, phase: Phase, concepts: &[Did], likert: &[Option<u8>]) -> Record {
    let a = assessment();
    let form = Design::of(study).form(code, phase);
    let pairs = a.pairs();
    let mut answers = BTreeMap::new();
    for item in a.knowledge_on(form) {
        let concept = pairs.iter().position(|pair| *pair == item.pair).expect("every item has a concept");
        let chosen = |correct: bool| {
            let option = item.options.iter().find(|o| o.correct == correct).expect("a right and a wrong option");
            Response::Chose(Chosen::from([id(&option.id)]))
        };
        let response = match concepts.get(concept).copied().unwrap_or(Did::Wrong) {
            Did::Right => chosen(true),
            Did::Wrong => chosen(false),
            Did::LeftOut => continue,
            Did::Declined => Response::Declined,
        };
        answers.insert(id(&item.id), Answer { version: item.version, response });
    }
    for (item, answer) in a.likert.iter().zip(likert) {
        let response = answer.map_or(Response::Declined, |value| Response::Likert(Likert::new(value).expect("1-5")));
        answers.insert(id(&item.id), Answer { version: item.version, response });
    }
    let date = match phase {
        Phase::Pre => Date::new(2026, 11, 2),
        Phase::Post => Date::new(2026, 11, 27),
    };
    let record = Record {
        study,
        code,
        phase,
        form,
        locale: Locale::new("en").expect("a language tag"),
        content_version: a.version,
        date: date.expect("a date"),
        answers,
    };
    record.validate().expect("a valid record");
    record
}

/// The first `right` concepts right, the others wrong.
fn first_right(right: usize) -> Vec<Did> {
    (0..assessment().pairs().len()).map(|i| if i < right { Did::Right } else { Did::Wrong }).collect()
}

fn items_per_form() -> usize {
    let a = assessment();
    let per_form = a.knowledge_on(Form::A).count();
    assert_eq!(per_form, a.knowledge_on(Form::B).count(), "the forms are parallel");
    per_form
}

/// A crossover class whose student i scores `pre[i]` then `post[i]` items right; Likert all 3.
fn class_of(seed: u64, pre: &[usize], post: &[usize]) -> Vec<Record> {
    let mut rng = Rng(seed);
    let study = new_study(&mut rng, Design::Crossover);
    let likert = vec![Some(3); assessment().likert.len()];
    let codes = distinct_codes(&mut rng, pre.len());
    let mut records = Vec::new();
    for ((code, &before), &after) in codes.iter().zip(pre).zip(post) {
        records.push(attempt(study, *code, Phase::Pre, &first_right(before), &likert));
        records.push(attempt(study, *code, Phase::Post, &first_right(after), &likert));
    }
    records
}

fn cells(report: &Report) -> Vec<Cell> {
    report.results.as_ref().expect("results shown").changes.clone()
}

fn knowledge_of(report: &Report) -> &Knowledge {
    report.results.as_ref().expect("results shown").knowledge.shown().expect("knowledge shown")
}

fn share(percent: Percent) -> Visible<Percent> {
    Visible::Shown(percent)
}

fn too_few<T>() -> Visible<T> {
    Visible::Hidden(Reason::GroupTooSmall)
}

// --- Edge cases ----------------------------------------------------------------------------------------

#[test]
fn no_records_give_zero_counts_and_no_results() {
    let report = build([], MinGroupSize::DEFAULT);
    assert_eq!(report.format, aware_core::report::REPORT_FORMAT);
    assert_eq!(report.assessment_version, assessment().version);
    assert_eq!(report.min_group_size, 10);
    let c = &report.counts;
    assert_eq!((c.pre, c.post, c.matched, c.not_scored, c.repeated), (0, 0, 0, 0, 0));
    assert_eq!(report.results, None);
    // The aggregate export says so too.
    let json: Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(json["results"], Value::Null);
    assert_eq!(json["counts"]["matched"], 0);
}

#[test]
fn only_pre_tests_match_nobody() {
    let records: Vec<Record> =
        class_of(1, &[3; 12], &[5; 12]).into_iter().filter(|record| record.phase == Phase::Pre).collect();
    let report = build(&records, k(5));
    let c = &report.counts;
    assert_eq!((c.pre, c.post, c.matched), (12, 0, 0));
    assert_eq!(report.results, None);
}

#[test]
fn everyone_changing_by_the_same_amount_has_no_paired_test() {
    let m = items_per_form();
    // Pre scores 1..10 of m, each +2: the float changes differ in their last bits, which is rounding.
    let pre: Vec<usize> = (0..20).map(|i| 1 + i % 10).collect();
    let post: Vec<usize> = pre.iter().map(|p| p + 2).collect();
    let report = build(&class_of(2, &pre, &post), MinGroupSize::DEFAULT);
    let knowledge = knowledge_of(&report);
    assert_eq!(knowledge.paired, None);
    assert_close("mean change", knowledge.mean_change, 200.0 / m as f64);
    assert_close("pre mean", knowledge.pre_mean, 550.0 / m as f64);
    assert!(knowledge.gain.is_some());
    assert_eq!(cells(&report), [Cell::Shown(0), Cell::Shown(0), Cell::Shown(20), Cell::Shown(0)]);

    // Nobody changed at all.
    let report = build(&class_of(3, &pre, &pre), MinGroupSize::DEFAULT);
    let knowledge = knowledge_of(&report);
    assert_eq!(knowledge.paired, None);
    assert_eq!(knowledge.mean_change, 0.0);
    assert_eq!(knowledge.gain, Some(0.0));
    assert_eq!(knowledge.gain_band, Some("low"));
    assert_eq!(cells(&report), [Cell::Shown(0), Cell::Shown(20), Cell::Shown(0), Cell::Shown(0)]);
}

/// A mean within k steps of an end of the scale tells how few are off it: with 12 students and
/// k = 10, two may have every item right before, not three.
#[test]
fn knowledge_scores_bunched_at_an_end_are_hidden() {
    let m = items_per_form();
    let post = vec![m - 2; 12];
    let two_at_the_top: Vec<usize> = (0..12).map(|i| if i < 2 { m } else { 3 + i % 5 }).collect();
    let report = build(&class_of(4, &two_at_the_top, &post), MinGroupSize::DEFAULT);
    assert_eq!(knowledge_of(&report).n, 12);
    let three_at_the_top: Vec<usize> = (0..12).map(|i| if i < 3 { m } else { 3 + i % 5 }).collect();
    let report = build(&class_of(4, &three_at_the_top, &post), MinGroupSize::DEFAULT);
    assert_eq!(report.results.as_ref().unwrap().knowledge, Visible::Hidden(Reason::SmallCount));
    // The same at the bottom, after.
    let pre = vec![4; 12];
    let zeros: Vec<usize> = (0..12).map(|i| if i < 3 { 0 } else { 5 + i % 4 }).collect();
    let report = build(&class_of(5, &pre, &zeros), MinGroupSize::DEFAULT);
    assert_eq!(report.results.as_ref().unwrap().knowledge, Visible::Hidden(Reason::SmallCount));
    // Everyone at the top before (a pre-test mean of 100 %, which has no gain) is never shown.
    let report = build(&class_of(6, &[m; 12], &post), MinGroupSize::DEFAULT);
    assert_eq!(report.results.as_ref().unwrap().knowledge, Visible::Hidden(Reason::SmallCount));
}

#[test]
fn likert_ties_zero_changes_declines_and_reverse_coding() {
    let a = assessment();
    let n_likert = a.likert.len();
    let plain = a.likert.iter().position(|item| !item.reversed).expect("a statement that is not reversed");
    let reversed = a.likert.iter().position(|item| item.reversed).expect("a reversed statement");
    let same = (0..n_likert).find(|&i| i != plain && i != reversed).expect("a third statement");
    let declined = (0..n_likert).find(|&i| ![plain, reversed, same].contains(&i)).expect("a fourth statement");
    let pre_scores = [3, 3, 3, 3, 3, 2, 2, 3, 4, 1, 2, 3];
    let post_scores = [3, 3, 3, 3, 3, 3, 3, 4, 5, 3, 4, 5];

    let mut rng = Rng(5);
    let study = new_study(&mut rng, Design::Crossover);
    let mut records = Vec::new();
    for (i, code) in distinct_codes(&mut rng, 12).into_iter().enumerate() {
        for (phase, score) in [(Phase::Pre, pre_scores[i]), (Phase::Post, post_scores[i])] {
            let mut likert = vec![Some(4); n_likert];
            likert[plain] = Some(score);
            likert[reversed] = Some(6 - score); // so that its score is `score` too
            likert[same] = Some(2);
            // Three students prefer not to answer it after: 9 answered both times.
            likert[declined] = if phase == Phase::Post && i < 3 { None } else { Some(5) };
            records.push(attempt(study, code, phase, &first_right(4 + i % 3), &likert));
        }
    }
    let report = build(&records, k(5));
    let results = report.results.as_ref().expect("12 matched");
    let statement = |index: usize| {
        results
            .scales
            .iter()
            .flat_map(|scale| &scale.statements)
            .find(|statement| statement.id == a.likert[index].id)
            .expect("every statement is in its scale")
    };
    for index in [plain, reversed] {
        let change = statement(index).change.shown().copied().expect("12 answered both times");
        assert_eq!(change.n, 12, "zero changes count in n");
        assert_close("pre mean", change.pre_mean, 32.0 / 12.0);
        assert_close("post mean", change.post_mean, 42.0 / 12.0);
        assert_eq!(change.statistic, Some(0.0));
        assert_eq!(change.p, PValue::Exact(0.015625));
        assert_eq!(change.method, Some("exact-conditional"));
    }
    assert!(statement(reversed).reversed && !statement(plain).reversed);
    let unchanged = statement(same).change.shown().copied().expect("12 answered both times");
    assert_eq!(
        (unchanged.n, unchanged.statistic, unchanged.p, unchanged.method),
        (12, Some(0.0), PValue::Exact(1.0), Some("no-change"))
    );
    let scored_same = if a.likert[same].reversed { 4.0 } else { 2.0 };
    assert_eq!((unchanged.pre_mean, unchanged.post_mean), (scored_same, scored_same));
    assert_eq!(statement(declined).change, Visible::Hidden(Reason::GroupTooSmall), "9 answered both times, below 2k");
    // The three who declined are too few to be told: their scale's score (9 complete of 12) is hidden.
    let scale = results.scales.iter().find(|s| s.id == a.likert[declined].scale).expect("its scale");
    assert_eq!(scale.score, Visible::Hidden(Reason::SmallCount));
}

#[test]
fn nobody_changing_an_answer_gives_p_1() {
    let a = assessment();
    let concepts = a.pairs().len();
    let mut rng = Rng(6);
    let study = new_study(&mut rng, Design::Crossover);
    let likert = vec![Some(3); a.likert.len()];
    let mut records = Vec::new();
    for (i, code) in distinct_codes(&mut rng, 10).into_iter().enumerate() {
        // Concept 0 always right, concept 1 always wrong, the last one right only after (for i < 5).
        let mut before = vec![Did::Wrong; concepts];
        before[0] = Did::Right;
        let mut after = before.clone();
        after[concepts - 1] = if i < 5 { Did::Right } else { Did::Wrong };
        records.push(attempt(study, code, Phase::Pre, &before, &likert));
        records.push(attempt(study, code, Phase::Post, &after, &likert));
    }
    let report = build(&records, k(5));
    let items = &report.results.as_ref().expect("10 matched").items;
    assert_eq!(items.len(), concepts);
    let shown = |item: &ItemChange| (item.pre, item.post, *item.test.shown().expect("10 is 2k"));
    let (pre, post, test) = shown(&items[0]);
    assert_eq!(
        (pre, post, test.p, test.method),
        (share(Percent::AtLeast95), share(Percent::AtLeast95), PValue::Exact(1.0), Some("no-change"))
    );
    let (pre, post, test) = shown(&items[1]);
    assert_eq!(
        (pre, post, test.p, test.method),
        (share(Percent::AtMost5), share(Percent::AtMost5), PValue::Exact(1.0), Some("no-change"))
    );
    let (pre, post, last) = shown(&items[concepts - 1]);
    assert_eq!((pre, post, last.method), (share(Percent::AtMost5), share(Percent::Exact(50)), Some("exact-binomial")));
    assert_eq!(last.p, PValue::Exact(2.0 / 32.0)); // 2·P(X ≤ 0), X ~ Binomial(5, ½)
    // Holm: one test of `concepts` carries the family; the others stay at 1.
    assert_eq!(last.p_holm, PValue::Exact((concepts as f64 * 2.0 / 32.0).min(1.0)));
    assert!(items[..concepts - 1].iter().all(|item| item.test.shown().unwrap().p_holm == PValue::Exact(1.0)));
}

#[test]
fn fewer_than_k_matched_show_counts_only() {
    // Twelve sat the pre-test; nine of them and two others the post-test.
    let mut rng = Rng(7);
    let study = new_study(&mut rng, Design::Crossover);
    let likert = vec![Some(3); assessment().likert.len()];
    let codes = distinct_codes(&mut rng, 14);
    let mut records = Vec::new();
    for (i, &code) in codes.iter().enumerate() {
        if i < 12 {
            records.push(attempt(study, code, Phase::Pre, &first_right(4), &likert));
        }
        if !(9..12).contains(&i) {
            records.push(attempt(study, code, Phase::Post, &first_right(8), &likert));
        }
    }
    let report = build(&records, MinGroupSize::DEFAULT);
    let c = &report.counts;
    assert_eq!((c.pre, c.post, c.matched), (12, 11, 9));
    assert_eq!(report.results, None);

    // The tenth match shows the results.
    records.push(attempt(study, codes[9], Phase::Post, &first_right(8), &likert));
    let report = build(&records, MinGroupSize::DEFAULT);
    assert_eq!((report.counts.matched, report.counts.post), (10, 12));
    assert_eq!(knowledge_of(&report).n, 10);
}

#[test]
fn a_custom_minimum_group_size_of_5() {
    assert!(MinGroupSize::new(4).is_err(), "k cannot go below 5");
    let a = assessment();
    let first_scale: Vec<usize> = (0..a.likert.len()).filter(|&i| a.likert[i].scale == a.scales[0].id).collect();
    let mut rng = Rng(8);
    let study = new_study(&mut rng, Design::Crossover);
    let mut records = Vec::new();
    for (i, code) in distinct_codes(&mut rng, 6).into_iter().enumerate() {
        for phase in Phase::ALL {
            let mut likert: Vec<Option<u8>> = (0..a.likert.len()).map(|j| Some(1 + ((i + j) % 5) as u8)).collect();
            // Two students decline the first scale's first statement before: 4 answered it both times.
            if phase == Phase::Pre && i < 2 {
                likert[first_scale[0]] = None;
            }
            // Changes: one fell, one stayed, four rose by 2 items: bands 1, 1, 4, 0.
            let right = match (phase, i) {
                (Phase::Pre, _) => 3 + i,
                (Phase::Post, 4) => 2 + i,
                (Phase::Post, 5) => 3 + i,
                (Phase::Post, _) => 5 + i,
            };
            records.push(attempt(study, code, phase, &first_right(right), &likert));
        }
    }
    assert_eq!(build(&records, MinGroupSize::DEFAULT).results, None);
    let report = build(&records, k(5));
    assert_eq!(report.min_group_size, 5);
    let results = report.results.as_ref().expect("6 matched, k = 5");
    assert_eq!(knowledge_of(&report).n, 6);
    let scale = &results.scales[0];
    // Six are fewer than 2k = 10: no statement's results, no α.
    let few = Visible::Hidden(Reason::GroupTooSmall);
    assert!(scale.statements.iter().all(|statement| statement.change == few));
    assert_eq!(
        (scale.alpha_pre, scale.alpha_post),
        (Visible::Hidden(Reason::GroupTooSmall), Visible::Hidden(Reason::GroupTooSmall))
    );
    assert_eq!(scale.score, few, "4 complete before, below k = 5");
    // Bands of 6 people with k = 5: every count from 1 to 4 hidden, zero shown.
    let small = Cell::Hidden(Reason::SmallCount);
    assert_eq!(results.changes, [small, small, small, Cell::Shown(0)]);
}

#[test]
fn repeated_records_are_counted_and_ignored() {
    let mut rng = Rng(9);
    let pre: Vec<usize> = (0..10).map(|_| rng.below(8)).collect();
    let post: Vec<usize> = pre.iter().map(|p| p + rng.below(5)).collect();
    let records = class_of(10, &pre, &post);
    let clean = build(&records, MinGroupSize::DEFAULT);
    assert_eq!(clean.counts.repeated, 0);

    let issued = issued_to(&records);
    let mut builder = ReportBuilder::new(assessment(), &issued);
    let mut changed = records[0].clone(); // participant 0's pre-test, with other answers
    assert_eq!(changed.phase, Phase::Pre);
    changed.answers = attempt(changed.study, changed.code, Phase::Pre, &first_right(11), &[]).answers;
    builder.add(&records[0]);
    builder.add(&changed); // while waiting for the post-test: the first one is kept
    builder.add(&records[0]); // the same record again
    for record in &records[1..] {
        builder.add(record);
    }
    for record in &records {
        builder.add(record); // every record again, after matching
    }
    let report = builder.finish(MinGroupSize::DEFAULT);
    assert_eq!(report.counts.repeated, 2 + records.len() as u64);
    assert_eq!((report.counts.pre, report.counts.post, report.counts.matched), (10, 10, 10));
    assert_eq!(report.results, clean.results);
}

#[test]
fn records_that_cannot_be_scored_are_counted_apart() {
    let a = assessment();
    let mut records = class_of(11, &[3; 10], &[7; 10]);
    let clean = build(&records, MinGroupSize::DEFAULT);
    let extra = class_of(12, &[2; 3], &[9; 3]);
    // Another version of the assessment, an item at another version, an item of the other form.
    let mut other_version = extra[0].clone();
    other_version.content_version += 1;
    let mut item_version = extra[1].clone();
    item_version.answers.values_mut().next().expect("answers").version += 1;
    let mut other_form = extra[2].clone();
    let foreign = a.knowledge.iter().find(|item| item.form != other_form.form).expect("an item of the other form");
    other_form.answers.insert(id(&foreign.id), Answer { version: foreign.version, response: Response::Declined });
    records.extend([other_version, item_version, other_form, extra[3].clone()]);
    let report = build(&records, MinGroupSize::DEFAULT);
    let c = &report.counts;
    assert_eq!((c.not_scored, c.repeated), (3, 0));
    // extra[3] is participant 1's post-test; their pre-test (extra[2]) was not scored.
    assert_eq!((c.pre, c.post, c.matched), (10, 11, 10));
    assert_eq!(report.results, clean.results);
}

/// An unscorable record counts as "not scored" only if its participant's two phases have not
/// been matched yet; afterwards the same record counts as "repeated". The counts then depend on
/// the order of the records.
#[test]
fn a_record_of_another_version_is_not_scored_whatever_its_position() {
    let records = class_of(13, &[3; 10], &[7; 10]);
    let mut stray = records[0].clone();
    stray.content_version += 1;
    let before: Vec<Record> = std::iter::once(stray.clone()).chain(records.iter().cloned()).collect();
    let after: Vec<Record> = records.iter().cloned().chain(std::iter::once(stray)).collect();
    for (order, records) in [("first", before), ("last", after)] {
        let c = build(&records, MinGroupSize::DEFAULT).counts;
        assert_eq!((c.not_scored, c.repeated), (1, 0), "the stray record {order}");
    }
}

/// In floating point, 100·8/12 − 100·5/12 = 25.000000000000007: the band must be decided on
/// whole numbers of answers (`ChangeBand::of_items`), not on the difference of two percentages.
#[test]
fn a_rise_of_exactly_25_points_rose_up_to_25() {
    let check = |change: i64, items: u64, expected: ChangeBand| {
        assert_eq!(ChangeBand::of_items(change, items), expected, "{change} of {items}");
    };
    check(3, 12, ChangeBand::RoseUpTo25);
    check(4, 12, ChangeBand::RoseMoreThan25);
    check(4, 16, ChangeBand::RoseUpTo25);
    check(3, 14, ChangeBand::RoseUpTo25);
    check(4, 14, ChangeBand::RoseMoreThan25);
    check(0, 14, ChangeBand::Same);
    check(-1, 14, ChangeBand::Fell);
}

/// The builder bands a rise of a quarter of the form's items (rounded down: exactly 25 points when
/// the form has a multiple of 4 items) as up to 25, and one more item as more than 25.
#[test]
fn a_rise_of_a_quarter_of_the_items_rose_up_to_25_and_one_more_rose_more() {
    let m = items_per_form();
    let step = m / 4;
    for (rise, band) in [(step, 2), (step + 1, 3)] {
        // Every start from which the rise stays on the form.
        let pre: Vec<usize> = (0..10).map(|i| i % (m - rise + 1)).collect();
        let post: Vec<usize> = pre.iter().map(|p| p + rise).collect();
        let report = build(&class_of(14, &pre, &post), MinGroupSize::DEFAULT);
        let mut expected = [Cell::Shown(0); 4];
        expected[band] = Cell::Shown(10);
        assert_eq!(cells(&report), expected, "a rise of {rise} of {m}");
    }
}

#[test]
fn the_order_of_records_and_files_does_not_change_the_report() {
    let file = decode("class-30.results.json", CLASS_30_RESULTS);
    let reference = build(file.records(), MinGroupSize::DEFAULT);
    let reference_json = serde_json::to_value(&reference).unwrap();
    let mut rng = Rng(15);
    let mut records: Vec<Record> = file.records().cloned().collect();
    let issued = issued_to(&records);
    for round in 0..20 {
        rng.shuffle(&mut records);
        // Three files, each written and read back, fed one after the other.
        let cut1 = rng.below(records.len());
        let cut2 = cut1 + rng.below(records.len() - cut1);
        let mut builder = ReportBuilder::new(assessment(), &issued);
        let mut merged = ResultsFile::default();
        for part in [&records[..cut1], &records[cut1..cut2], &records[cut2..]] {
            let part_file = ResultsFile::new(part.to_vec()).expect("distinct records");
            let read = ResultsFile::decode(part_file.encode().expect("small").as_bytes()).expect("round trip");
            for record in read.records() {
                builder.add(record);
            }
            merged.merge(read).expect("no conflicts");
        }
        let report = builder.finish(MinGroupSize::DEFAULT);
        // The knowledge means are running sums in another order: equal to 1e-9. Everything
        // else is built from whole counts and must be identical.
        assert_json_close(&format!("round {round}"), &serde_json::to_value(&report).unwrap(), &reference_json);
        let (results, want) = (report.results.as_ref().unwrap(), reference.results.as_ref().unwrap());
        assert_eq!(report.counts, reference.counts, "round {round}");
        assert_eq!((&results.items, &results.changes, &results.scales), (&want.items, &want.changes, &want.scales));
        // Merging the files into one gives the same report as the file did.
        assert_eq!(merged, file);
    }
}

// --- Agreement with the slice-based statistics -------------------------------------------------------

/// A few hundred random classes (5 to 40 matched, plus unmatched students, declines and items left
/// out); wherever the report shows a number, it must be what `stats::*` gives on the same data, to
/// 1e-9 (and a coarse p-value must be on the same side of 0.05).
#[test]
fn the_builder_agrees_with_the_slice_based_statistics() {
    let a = assessment();
    let m = items_per_form() as f64;
    let concepts = a.pairs().len();
    let n_likert = a.likert.len();
    let min = k(5);
    let mut rng = Rng(16);
    let (mut knowledge_seen, mut paired_seen, mut alpha_seen) = (0, 0, 0);
    let (mut mcnemar_seen, mut wilcoxon_seen) = ([0; 2], [0; 2]);
    for trial in 0..300 {
        let matched = 5 + rng.below(36);
        let unmatched = rng.below(4);
        let study = new_study(&mut rng, Design::Crossover);
        let codes = distinct_codes(&mut rng, matched + unmatched);
        let (level, learning) = (rng.below(90) as f64 / 100.0, rng.below(60) as f64 / 100.0);
        let missing = [0.0, 0.05, 0.3][rng.below(3)];
        let keeps = rng.below(80) as f64 / 100.0;
        let mut records = Vec::new();
        // What the oracle sees, computed here from the answers given, not from the crate.
        let mut scores: Vec<Pair> = Vec::new();
        let mut statement_scores: Vec<Vec<Pair>> = vec![Vec::new(); n_likert];
        let mut item_scores: [Vec<Vec<Option<f64>>>; 2] = [vec![Vec::new(); n_likert], vec![Vec::new(); n_likert]];
        let mut discordant = vec![(0u32, 0u32); concepts];
        for (i, &code) in codes.iter().enumerate() {
            let mut right = [0usize; 2];
            let mut correct = [vec![false; concepts], vec![false; concepts]];
            let mut raw: [Vec<Option<u8>>; 2] = [Vec::new(), Vec::new()];
            for (p, phase) in Phase::ALL.into_iter().enumerate() {
                let chance = (level + learning * p as f64).min(1.0);
                let did: Vec<Did> = (0..concepts)
                    .map(|_| match rng.below(100) {
                        0..2 => Did::LeftOut,
                        2..4 => Did::Declined,
                        _ if rng.chance(chance) => Did::Right,
                        _ => Did::Wrong,
                    })
                    .collect();
                for (c, d) in did.iter().enumerate() {
                    correct[p][c] = matches!(d, Did::Right);
                }
                right[p] = correct[p].iter().filter(|&&c| c).count();
                raw[p] = (0..n_likert)
                    .map(|j| {
                        if rng.chance(missing) {
                            None
                        } else if p == 1 && rng.chance(keeps) {
                            raw[0][j]
                        } else {
                            Some(1 + rng.below(5) as u8)
                        }
                    })
                    .collect();
                let only = if i < matched { None } else { Some(if i % 2 == 0 { Phase::Pre } else { Phase::Post }) };
                if only.is_none_or(|only| only == phase) {
                    records.push(attempt(study, code, phase, &did, &raw[p]));
                }
            }
            if i >= matched {
                continue;
            }
            scores.push(Pair { pre: 100.0 * right[0] as f64 / m, post: 100.0 * right[1] as f64 / m });
            let score =
                |j: usize, answer: Option<u8>| answer.map(|value| if a.likert[j].reversed { 6 - value } else { value });
            for j in 0..n_likert {
                let (before, after) = (score(j, raw[0][j]), score(j, raw[1][j]));
                if let (Some(before), Some(after)) = (before, after) {
                    statement_scores[j].push(Pair { pre: f64::from(before), post: f64::from(after) });
                }
                item_scores[0][j].push(before.map(f64::from));
                item_scores[1][j].push(after.map(f64::from));
            }
            for c in 0..concepts {
                match (correct[0][c], correct[1][c]) {
                    (true, false) => discordant[c].0 += 1,
                    (false, true) => discordant[c].1 += 1,
                    _ => {}
                }
            }
        }
        rng.shuffle(&mut records);
        let report = build(&records, min);
        let case = format!("trial {trial} ({matched} matched)");
        assert_eq!(report.counts.matched, matched as u64, "{case}");
        assert_eq!(report.counts.pre + report.counts.post, (2 * matched + unmatched) as u64, "{case}");
        let results = report.results.as_ref().unwrap_or_else(|| panic!("{case}: results hidden"));

        // Knowledge, when shown.
        let pre: Vec<f64> = scores.iter().map(|s| s.pre).collect();
        let post: Vec<f64> = scores.iter().map(|s| s.post).collect();
        if let Visible::Shown(knowledge) = &results.knowledge {
            knowledge_seen += 1;
            let (pre_mean, post_mean) =
                (stats::mean_percent_correct(&pre).unwrap(), stats::mean_percent_correct(&post).unwrap());
            assert_near(&format!("{case}: pre mean"), knowledge.pre_mean, pre_mean.mean, 1e-10);
            assert_near(&format!("{case}: pre sd"), knowledge.pre_sd, pre_mean.sd.unwrap(), 1e-10);
            assert_near(&format!("{case}: post mean"), knowledge.post_mean, post_mean.mean, 1e-10);
            assert_near(&format!("{case}: post sd"), knowledge.post_sd, post_mean.sd.unwrap(), 1e-10);
            let gain = stats::normalised_gain(&pre, &post).map(|g| g.gain);
            assert_eq!(knowledge.gain.is_some(), gain.is_some(), "{case}: gain");
            if let (Some(actual), Some(want)) = (knowledge.gain, gain) {
                assert_near(&format!("{case}: gain"), actual, want, 1e-12);
            }
            let paired = stats::paired_t_test(&scores).unwrap();
            assert_near(&format!("{case}: mean change"), knowledge.mean_change, paired.mean_difference, 1e-10);
            match (knowledge.paired, paired.outcome) {
                (Some(actual), PairedOutcome::Varied(want)) => {
                    paired_seen += 1;
                    assert_near(&format!("{case}: sd change"), actual.sd_change, want.sd_difference, 1e-10);
                    assert_near(&format!("{case}: t"), actual.t, want.t, 1e-10);
                    assert_eq!(actual.df, want.df as u64, "{case}: df");
                    assert_close(&format!("{case}: p"), actual.p, want.p);
                    assert_near(&format!("{case}: d_z"), actual.d_z, want.d_z, 1e-10);
                    assert_near(&format!("{case}: J"), actual.hedges_j, want.hedges_j, 1e-10);
                    assert_near(&format!("{case}: g_z"), actual.g_z, want.g_z, 1e-10);
                    assert_near(&format!("{case}: CI lower"), actual.d_z_ci_lower, want.d_z_ci.lower, 1e-10);
                    assert_near(&format!("{case}: CI upper"), actual.d_z_ci_upper, want.d_z_ci.upper, 1e-10);
                }
                (None, PairedOutcome::NoVariation) => {}
                (actual, want) => panic!("{case}: paired test {actual:?}, slices give {want:?}"),
            }
        }

        // McNemar and Holm, exactly where exact, and on the right side of 0.05 where not.
        let raw_p: Vec<f64> = discordant.iter().map(|&(b, c)| stats::mcnemar(b, c).p).collect();
        let holm = stats::holm(&raw_p).unwrap();
        for (c, item) in results.items.iter().enumerate() {
            let Visible::Shown(test) = &item.test else { continue };
            check_p(&format!("{case}: McNemar p of {}", item.pair), test.p, raw_p[c], &mut mcnemar_seen);
            check_p(&format!("{case}: Holm p of {}", item.pair), test.p_holm, holm[c], &mut mcnemar_seen);
        }

        // Likert statements, scale scores and α.
        for (s, scale) in results.scales.iter().enumerate() {
            let members: Vec<usize> = (0..n_likert).filter(|&j| a.likert[j].scale == a.scales[s].id).collect();
            for (statement, &j) in scale.statements.iter().zip(&members) {
                assert_eq!(statement.id, a.likert[j].id, "{case}: statement order");
                let what = format!("{case}: statement {}", statement.id);
                check_wilcoxon(&what, statement.change, &statement_scores[j], 1.0, &mut wilcoxon_seen);
            }
            let sums: Vec<Pair> = (0..matched)
                .filter_map(|i| {
                    let before: Option<f64> = members.iter().map(|&j| item_scores[0][j][i]).sum();
                    let after: Option<f64> = members.iter().map(|&j| item_scores[1][j][i]).sum();
                    Some(Pair { pre: before?, post: after? })
                })
                .collect();
            let what = format!("{case}: scale {}", scale.id);
            check_wilcoxon(&what, scale.score, &sums, members.len() as f64, &mut wilcoxon_seen);
            for (phase, alpha) in [(0, scale.alpha_pre), (1, scale.alpha_post)] {
                let Visible::Shown(alpha) = alpha else { continue };
                let items: Vec<Vec<Option<f64>>> = members.iter().map(|&j| item_scores[phase][j].clone()).collect();
                let want = stats::cronbach_alpha(&items).map(|a| a.alpha);
                assert_close_option(&format!("{what}: alpha {}", ["pre", "post"][phase]), alpha, want);
                alpha_seen += usize::from(alpha.is_some());
            }
        }
    }
    // The trials reach every branch they are meant to compare.
    assert!(knowledge_seen > 200 && paired_seen > 200, "{knowledge_seen} knowledge, {paired_seen} paired tests");
    assert!(mcnemar_seen[0] > 500 && mcnemar_seen[1] > 3000, "{mcnemar_seen:?} McNemar/Holm (exact, coarse)");
    assert!(wilcoxon_seen[0] > 300 && wilcoxon_seen[1] > 800, "{wilcoxon_seen:?} Wilcoxon (exact, coarse)");
    assert!(alpha_seen > 300, "{alpha_seen} alphas compared");
}

/// An exact p equal to the slice-based one; a coarse one on its side of 0.05. `seen` counts both.
fn check_p(what: &str, shown: PValue, want: f64, seen: &mut [usize; 2]) {
    match shown {
        PValue::Exact(p) => {
            assert_close(what, p, want);
            seen[0] += 1;
        }
        coarse => {
            assert_eq!(coarse.significant(), want < 0.05, "{what}: {coarse:?}, slices give {want}");
            seen[1] += 1;
        }
    }
}

fn check_wilcoxon(what: &str, actual: Visible<LikertChange>, pairs: &[Pair], per_score: f64, seen: &mut [usize; 2]) {
    let Visible::Shown(actual) = actual else { return };
    let want = stats::wilcoxon_signed_rank(pairs).expect("pairs");
    assert_eq!(actual.n, pairs.len() as u64, "{what}: n");
    let mean = |f: fn(&Pair) -> f64| pairs.iter().map(f).sum::<f64>() / pairs.len() as f64 / per_score;
    assert_close(&format!("{what}: pre mean"), actual.pre_mean, mean(|p| p.pre));
    assert_close(&format!("{what}: post mean"), actual.post_mean, mean(|p| p.post));
    check_p(&format!("{what}: p"), actual.p, want.p, seen);
    let method = match want.method {
        stats::WilcoxonMethod::NoNonzeroDifferences => "no-change",
        stats::WilcoxonMethod::Exact => "exact",
        stats::WilcoxonMethod::ExactConditional => "exact-conditional",
        stats::WilcoxonMethod::Normal { .. } => "normal",
    };
    match actual.p {
        PValue::Exact(_) => {
            assert_close(&format!("{what}: statistic"), actual.statistic.expect("exact"), want.statistic);
            assert_eq!(actual.method, Some(method), "{what}: method");
        }
        _ => assert_eq!((actual.statistic, actual.method), (None, None), "{what}: coarse"),
    }
}

#[test]
fn an_attempt_at_the_form_its_design_does_not_give_is_not_scored() {
    let records = class_of(21, &[4; 10], &[8; 10]);
    let clean = build(&records, MinGroupSize::DEFAULT);
    // The same participant's pre-test again, on the other form, with the other form's items
    // answered: a valid record that a student could only have made by choosing their own form.
    let first = &records[0];
    let other_form = match first.form {
        Form::A => Form::B,
        Form::B => Form::A,
    };
    let mut wrong = first.clone();
    wrong.form = other_form;
    wrong.answers = assessment()
        .knowledge_on(other_form)
        .map(|item| (id(&item.id), Answer { version: item.version, response: Response::Declined }))
        .collect();
    for order in [vec![wrong.clone()], vec![]] {
        let mut all: Vec<Record> = order.clone();
        all.extend(records.iter().cloned());
        all.extend(if order.is_empty() { vec![wrong.clone()] } else { vec![] });
        let report = build(&all, MinGroupSize::DEFAULT);
        assert_eq!((report.counts.not_scored, report.counts.repeated), (1, 0));
        assert_eq!(report.results, clean.results);
    }
}

#[test]
fn coded_shares_are_strings_and_exact_ones_numbers_in_json() {
    assert_eq!(serde_json::to_string(&Percent::Exact(63)).unwrap(), "63");
    assert_eq!(serde_json::to_string(&Percent::AtMost5).unwrap(), "\"at_most_5\"");
    assert_eq!(serde_json::to_string(&Percent::AtLeast95).unwrap(), "\"at_least_95\"");
}

// --- Issued codes and whole files ------------------------------------------------------------------

/// Records with valid codes (the check character holds) that the study never printed: anyone who
/// reads the source can make them, to pad a class past k and single out its real students.
fn forged(study: StudyId, issued: &[Code], seed: u64, n: usize) -> Vec<Record> {
    let mut rng = Rng(seed);
    let likert = vec![Some(3); assessment().likert.len()];
    distinct_codes(&mut rng, n + issued.len())
        .into_iter()
        .filter(|code| !issued.contains(code))
        .take(n)
        .flat_map(|code| {
            [
                attempt(study, code, Phase::Pre, &first_right(0), &likert),
                attempt(study, code, Phase::Post, &first_right(12), &likert),
            ]
        })
        .collect()
}

#[test]
fn codes_a_study_did_not_issue_are_left_out_and_counted() {
    let real = class_of(31, &[3, 5, 4, 6, 2, 7, 5, 4, 3, 6], &[6, 8, 7, 9, 5, 9, 7, 6, 5, 8]);
    let study = real[0].study;
    let codes: Vec<Code> = real.iter().map(|record| record.code).collect::<BTreeSet<_>>().into_iter().collect();
    let mut issued = IssuedCodes::new();
    issued.add(&StudyDefinition::listed(study, codes.clone()));
    let report_of = |records: &[Record]| {
        let mut builder = ReportBuilder::new(assessment(), &issued);
        records.iter().for_each(|record| builder.add(record));
        builder.finish(MinGroupSize::DEFAULT)
    };
    let clean = report_of(&real);
    assert_eq!((clean.counts.matched, clean.counts.not_issued), (10, 0));

    let mut padded = real.clone();
    padded.extend(forged(study, &codes, 32, 9));
    let report = report_of(&padded);
    assert_eq!((report.counts.matched, report.counts.not_issued), (10, 18));
    assert_eq!(report.results, clean.results, "forged records change nothing");

    // Five real students and five made up: not a group of k, so nothing is shown.
    let mut few: Vec<Record> = real.iter().filter(|record| codes[..5].contains(&record.code)).cloned().collect();
    few.extend(forged(study, &codes, 33, 5));
    let report = report_of(&few);
    assert_eq!((report.counts.matched, report.counts.not_issued, &report.results), (5, 10, &None));

    // Another study's records (its definition not given) are left out too.
    let other = class_of(34, &[3; 10], &[7; 10]);
    assert_eq!(report_of(&other).counts.not_issued, 20);
}

#[test]
fn a_file_counts_whole_or_not_at_all() {
    let records = class_of(35, &[2, 4, 6, 8, 3, 5, 7, 9, 4, 6], &[5, 6, 8, 9, 6, 7, 9, 10, 6, 8]);
    let issued = issued_to(&records);
    let (first, second) = records.split_at(10);
    let encode = |records: &[Record]| ResultsFile::new(records.to_vec()).unwrap().encode().unwrap().into_bytes();
    let good = encode(first);
    let mut damaged = encode(second);
    damaged.truncate(damaged.len() - 3); // every record whole, the file cut short
    let mut reader = aware_core::study::Reader::new();

    let mut builder = ReportBuilder::new(assessment(), &issued);
    assert_eq!(builder.add_file(&mut reader, &good), Ok(10));
    assert!(matches!(builder.add_file(&mut reader, &damaged), Err(aware_core::study::ImportError::NotJson { .. })));
    let report = builder.finish(MinGroupSize::DEFAULT);
    let only_good = build(first, MinGroupSize::DEFAULT);
    assert_eq!((report.counts.pre, report.counts.post), (only_good.counts.pre, only_good.counts.post));
    assert_eq!(report.counts.repeated + report.counts.not_scored, 0);
}

#[test]
fn reading_a_file_gives_the_report_of_its_decoded_records() {
    let file = decode("class-30.results.json", CLASS_30_RESULTS);
    let records: Vec<&Record> = file.records().collect();
    let issued = issued_to(records.iter().copied());
    let expected = build(records.iter().copied(), MinGroupSize::DEFAULT);
    let mut reader = aware_core::study::Reader::new();
    // As the app writes it (the reader's fast path), and pretty-printed as the fixture is (its
    // general path).
    let compact = file.encode().unwrap().into_bytes();
    assert!(!CLASS_30_RESULTS.starts_with(r#"{"format""#), "the fixture is pretty-printed");
    for bytes in [&compact[..], CLASS_30_RESULTS.as_bytes()] {
        let mut builder = ReportBuilder::new(assessment(), &issued);
        assert_eq!(builder.add_file(&mut reader, bytes), Ok(file.len()));
        assert_eq!(builder.finish(MinGroupSize::DEFAULT), expected);
    }
}

// --- What a report may show (report/mod.rs, "What a report may show") -------------------------------

/// Scores 1–5 per statement: `first` for statements at an even place in their scale, `second` at
/// an odd place, 3 for a last one without a partner; so every scale's sum is the same whichever
/// way round. Returned as raw answers (reversed statements answered 6 − score).
fn answers_by_place(first: u8, second: u8) -> Vec<Option<u8>> {
    let a = assessment();
    let mut answers = vec![None; a.likert.len()];
    for scale in &a.scales {
        let members: Vec<usize> = (0..a.likert.len()).filter(|&i| a.likert[i].scale == scale.id).collect();
        for (place, &i) in members.iter().enumerate() {
            let partnered = place + 1 < members.len() || place % 2 == 1;
            let score = match (partnered, place % 2) {
                (false, _) => 3,
                (true, 0) => first,
                (true, _) => second,
            };
            answers[i] = Some(if a.likert[i].reversed { 6 - score } else { score });
        }
    }
    answers
}

/// A class of k, and the same class after one more student's file is imported: nothing either
/// report shows tells that student's answer to any question. Two students with the same total
/// scores but every answer different give the same report, number for number, in the JSON too.
#[test]
fn a_class_of_k_and_of_k_plus_one_do_not_tell_the_added_students_answers() {
    let concepts = assessment().pairs().len();
    let pre: Vec<usize> = (0..10).map(|i| 3 + i % 5).collect();
    let post: Vec<usize> = (0..10).map(|i| 6 + i % 4).collect();
    let class = class_of(41, &pre, &post);
    let study = class[0].study;
    let mut rng = Rng(42);
    let used: Vec<Code> = class.iter().map(|record| record.code).collect();
    let newcomer = distinct_codes(&mut rng, 12).into_iter().find(|code| !used.contains(code)).unwrap();
    // Five right before and nine after, but not the same five and nine.
    let right = |set: &[usize]| -> Vec<Did> {
        (0..concepts).map(|i| if set.contains(&i) { Did::Right } else { Did::Wrong }).collect()
    };
    let one = [
        attempt(study, newcomer, Phase::Pre, &right(&[0, 1, 2, 3, 4]), &answers_by_place(2, 4)),
        attempt(study, newcomer, Phase::Post, &right(&[0, 1, 2, 3, 4, 5, 6, 7, 8]), &answers_by_place(3, 5)),
    ];
    let other = [
        attempt(study, newcomer, Phase::Pre, &right(&[7, 8, 9, 10, 11]), &answers_by_place(4, 2)),
        attempt(study, newcomer, Phase::Post, &right(&[3, 4, 5, 6, 7, 8, 9, 10, 11]), &answers_by_place(5, 3)),
    ];
    let with = |newcomer: &[Record]| {
        let records: Vec<Record> = class.iter().chain(newcomer).cloned().collect();
        build(&records, MinGroupSize::DEFAULT)
    };
    let (before, after, after_other) = (build(&class, MinGroupSize::DEFAULT), with(&one), with(&other));
    assert_eq!(after, after_other);
    assert_eq!(after.to_json(), after_other.to_json());

    // Both reports show results, built from whole-test and whole-scale scores, and no single
    // question's: 10 and 11 are fewer than 2k = 20.
    for report in [&before, &after] {
        let results = report.results.as_ref().expect("k matched");
        assert!(results.knowledge.shown().is_some());
        for item in &results.items {
            assert_eq!((item.pre, item.post), (too_few(), too_few()), "{}", item.pair);
            assert_eq!(item.test, too_few(), "{}", item.pair);
        }
        for scale in &results.scales {
            assert!(scale.statements.iter().all(|statement| statement.change == too_few()), "{}", scale.id);
            assert_eq!((scale.alpha_pre, scale.alpha_post), (too_few(), too_few()), "{}", scale.id);
        }
    }
}

/// A class of 20 (2k for k = 10) where a question was answered right by 3 students before: "15 %
/// of 20" would be 3 of them. After, 10 right and 10 wrong: shown.
#[test]
fn a_share_that_would_tell_a_few_is_hidden() {
    let concepts = assessment().pairs().len();
    let mut rng = Rng(43);
    let study = new_study(&mut rng, Design::Crossover);
    let likert = answers_by_place(3, 3);
    let mut records = Vec::new();
    for (i, code) in distinct_codes(&mut rng, 20).into_iter().enumerate() {
        // Concept 0: right before for 3, after for 10. The others: half right, both times.
        let did = |right: bool| if right { Did::Right } else { Did::Wrong };
        let mut before: Vec<Did> = (0..concepts).map(|c| did((i + c) % 2 == 0)).collect();
        let mut after = before.clone();
        before[0] = did(i < 3);
        after[0] = did(i < 10);
        records.push(attempt(study, code, Phase::Pre, &before, &likert));
        records.push(attempt(study, code, Phase::Post, &after, &likert));
    }
    let report = build(&records, MinGroupSize::DEFAULT);
    let items = &report.results.as_ref().expect("20 matched").items;
    assert_eq!(items[0].pre, Visible::Hidden(Reason::SmallCount));
    assert_eq!(items[0].post, share(Percent::Exact(50)));
    // 7 went from wrong to right, none the other way: exact p 2/128 would tell 7, which is fewer
    // than k; and with the share before hidden it would tell that too. Only its side of 0.05.
    let test = items[0].test.shown().expect("20 is 2k");
    assert_eq!((test.p, test.method), (PValue::Below, None));
    assert_eq!(items[1].pre, share(Percent::Exact(50)));
    assert_eq!(items[1].test.shown().expect("20 is 2k").p, PValue::Exact(1.0));
}

/// The issue's example: an exact McNemar p of 0.0625 means that of the students who changed their
/// answer, 0 went one way and 5 the other.
#[test]
fn an_exact_p_value_that_would_tell_a_count_says_only_its_side_of_5_percent() {
    let concepts = assessment().pairs().len();
    let mut rng = Rng(44);
    let study = new_study(&mut rng, Design::Crossover);
    let likert = answers_by_place(3, 3);
    let mut records = Vec::new();
    for (i, code) in distinct_codes(&mut rng, 30).into_iter().enumerate() {
        let did = |right: bool| if right { Did::Right } else { Did::Wrong };
        let before: Vec<Did> = (0..concepts).map(|c| did(if c == 0 { i < 10 } else { (i + c) % 2 == 0 })).collect();
        let mut after = before.clone();
        // Concept 0: 10 right before, 15 after; 0 right -> wrong, 5 wrong -> right.
        after[0] = did(i < 15);
        records.push(attempt(study, code, Phase::Pre, &before, &likert));
        records.push(attempt(study, code, Phase::Post, &after, &likert));
    }
    let report = build(&records, MinGroupSize::DEFAULT);
    let items = &report.results.as_ref().expect("30 matched").items;
    assert_eq!((items[0].pre, items[0].post), (share(Percent::Exact(33)), share(Percent::Exact(50))));
    assert_eq!(stats::mcnemar(0, 5).p, 0.0625);
    let test = items[0].test.shown().expect("30 is over 2k");
    assert_eq!((test.p, test.method, test.p_holm), (PValue::NotBelow, None, PValue::NotBelow));
    // Nobody changed on the others: b = c = 0 tells no few, so their p = 1 is exact, but their
    // Holm values are made of the coarse one too.
    let other = items[1].test.shown().expect("30 is over 2k");
    assert_eq!((other.p, other.method, other.p_holm), (PValue::Exact(1.0), Some("no-change"), PValue::NotBelow));
    // In the JSON as on the screen.
    let json: Value = serde_json::from_str(&report.to_json()).unwrap();
    let test = &json["results"]["items"][0]["test"]["shown"];
    assert_eq!((&test["p"], &test["method"]), (&Value::from("not_below_0.05"), &Value::Null));
}

/// Statements of a class of 24 (k = 10): a mean within k steps of an end of the scale, a few who
/// declined, and a few whose answer fell each hide what they would tell.
#[test]
fn a_statement_that_would_tell_a_few_is_hidden_or_its_p_value_coarse() {
    let a = assessment();
    let (first, second, third) = (0, 1, 2);
    let mut rng = Rng(45);
    let study = new_study(&mut rng, Design::Crossover);
    let mut records = Vec::new();
    for (i, code) in distinct_codes(&mut rng, 24).into_iter().enumerate() {
        for phase in Phase::ALL {
            let mut likert = answers_by_place(3, 3);
            let set = |likert: &mut Vec<Option<u8>>, statement: usize, score: Option<u8>| {
                likert[statement] = score.map(|score| if a.likert[statement].reversed { 6 - score } else { score });
            };
            // First: 15 give the highest answer before (only 9 away from it); all 3 after.
            set(&mut likert, first, Some(if phase == Phase::Pre && i < 15 { 5 } else { 3 }));
            // Second: two prefer not to answer it after.
            set(&mut likert, second, if phase == Phase::Post && i < 2 { None } else { Some(3) });
            // Third: 12 rose, 3 fell, 5 stayed: the fall of 3 is a few.
            let change = if i < 12 {
                1
            } else if i < 15 {
                -1
            } else {
                0
            };
            set(&mut likert, third, Some(if phase == Phase::Pre { 3 } else { (3 + change) as u8 }));
            records.push(attempt(study, code, phase, &first_right(4 + i % 4), &likert));
        }
    }
    let report = build(&records, MinGroupSize::DEFAULT);
    let results = report.results.as_ref().expect("24 matched");
    let statement = |index: usize| {
        results.scales.iter().flat_map(|scale| &scale.statements).find(|s| s.id == a.likert[index].id).unwrap()
    };
    assert_eq!(statement(first).change, Visible::Hidden(Reason::SmallCount), "a mean near an end");
    assert_eq!(statement(second).change, Visible::Hidden(Reason::SmallCount), "two declined");
    let third = statement(third).change.shown().copied().expect("nothing a mean or a size would tell");
    assert_eq!((third.n, third.statistic, third.method), (24, None, None));
    assert!(matches!(third.p, PValue::Below | PValue::NotBelow));
    // The scale whose complete answers two left out: its score and α would tell them too.
    let scale = results.scales.iter().find(|s| s.statements.iter().any(|st| st.id == a.likert[second].id)).unwrap();
    assert_eq!(
        (scale.score, scale.alpha_post),
        (Visible::Hidden(Reason::SmallCount), Visible::Hidden(Reason::SmallCount))
    );
}
