use std::collections::BTreeSet;

use super::*;
use crate::content::{Block, Inline, QuizItem, QuizKind, QuizOption, Section};
use crate::quiz::Summary;

fn selection(ids: &[&str]) -> Selection {
    ids.iter().map(|id| (*id).to_owned()).collect()
}

fn item_record(selected: &[&str], attempts: u32, first_try_correct: bool, solved: bool) -> ItemRecord {
    ItemRecord { selection: selection(selected), attempts, first_try_correct, solved }
}

fn lesson_progress(version: u32, sections_read: u32, quiz: &[(&str, ItemRecord)]) -> LessonProgress {
    LessonProgress {
        version,
        sections_read,
        quiz: quiz.iter().map(|(id, record)| ((*id).to_owned(), record.clone())).collect(),
        quiz_seed: None,
    }
}

fn progress(lessons: &[(&str, LessonProgress)]) -> Progress {
    Progress { lessons: lessons.iter().map(|(id, lesson)| ((*id).to_owned(), lesson.clone())).collect() }
}

fn check_load(raw: Option<&str>, expected: Loaded) {
    assert_eq!(load(raw), expected, "loading {raw:?}");
}

#[test]
fn saved_progress_loads_back_unchanged() {
    let saved = progress(&[
        (
            "what-is-trafficking",
            lesson_progress(
                3,
                4,
                &[
                    ("three-parts", item_record(&["b"], 1, true, true)),
                    ("acts", item_record(&["a", "c", "d"], 4, false, false)),
                    ("border-needed", item_record(&["false"], 2, false, true)),
                ],
            ),
        ),
        ("myths-and-facts", LessonProgress { quiz_seed: Some(u32::MAX), ..lesson_progress(1, 1, &[]) }),
        ("empty-selection", lesson_progress(1, 0, &[("q", item_record(&[], 0, false, false))])),
    ]);
    let raw = save(&saved);
    check_load(Some(&raw), Loaded::Ready { progress: saved, migrated_from: None });
}

#[test]
fn saved_progress_declares_the_current_schema() {
    let raw = save(&Progress::default());
    assert_eq!(raw, format!(r#"{{"schema":{CURRENT_SCHEMA},"lessons":{{}}}}"#));
}

#[test]
fn nothing_stored_is_a_first_visit() {
    check_load(None, Loaded::Empty);
}

#[test]
fn v1_document_is_migrated_to_the_current_progress() {
    // The shape written by the first draft of the app; must keep loading forever.
    let v1 = r#"{"schema":1,"lessons":{"what-is-trafficking":{"sections_read":3,"answers":{"q1":true,"q2":false}}}}"#;
    let expected = progress(&[(
        "what-is-trafficking",
        lesson_progress(0, 3, &[("q1", item_record(&[], 1, true, true)), ("q2", item_record(&[], 1, false, false))]),
    )]);
    check_load(Some(v1), Loaded::Ready { progress: expected, migrated_from: Some(1) });
}

#[test]
fn v2_document_is_migrated_without_a_quiz_seed() {
    // The shape written by the app before options were shuffled (schema 2); must keep loading forever.
    let v2 = r#"{"schema":2,"lessons":{"what-is-trafficking":{"version":3,"sections_read":4,"quiz":{"three-parts":{"selected":["b"],"attempts":1,"first_try_correct":true,"solved":true},"acts":{"selected":["a","c"],"attempts":2,"first_try_correct":false,"solved":false}}},"myths-and-facts":{"version":1,"sections_read":0}}}"#;
    let expected = progress(&[
        (
            "what-is-trafficking",
            lesson_progress(
                3,
                4,
                &[
                    ("three-parts", item_record(&["b"], 1, true, true)),
                    ("acts", item_record(&["a", "c"], 2, false, false)),
                ],
            ),
        ),
        ("myths-and-facts", lesson_progress(1, 0, &[])),
    ]);
    check_load(Some(v2), Loaded::Ready { progress: expected, migrated_from: Some(2) });
}

#[test]
fn a_migrated_v2_document_is_saved_in_the_current_schema_without_a_seed() {
    let v2 = r#"{"schema":2,"lessons":{"basics":{"version":2,"sections_read":1,"quiz":{}}}}"#;
    let Loaded::Ready { progress: migrated, .. } = load(Some(v2)) else { panic!("v2 document did not load") };
    let saved = save(&migrated);
    assert_eq!(saved, r#"{"schema":3,"lessons":{"basics":{"version":2,"sections_read":1,"quiz":{}}}}"#);
}

#[test]
fn v1_lesson_without_answers_is_migrated() {
    let v1 = r#"{"schema":1,"lessons":{"myths-and-facts":{"sections_read":1}}}"#;
    let expected = progress(&[("myths-and-facts", lesson_progress(0, 1, &[]))]);
    check_load(Some(v1), Loaded::Ready { progress: expected, migrated_from: Some(1) });
}

#[test]
fn migrated_v1_progress_is_saved_in_the_current_schema() {
    let v1 = r#"{"schema":1,"lessons":{"what-is-trafficking":{"sections_read":3,"answers":{"q1":true}}}}"#;
    let Loaded::Ready { progress: migrated, .. } = load(Some(v1)) else { panic!("v1 document did not load") };
    check_load(Some(&save(&migrated)), Loaded::Ready { progress: migrated, migrated_from: None });
}

fn check_corrupt(raw: &str) {
    let loaded = load(Some(raw));
    assert!(
        matches!(&loaded, Loaded::Unreadable(Unreadable::Corrupt(why)) if !why.is_empty()),
        "loading {raw:?} gave {loaded:?}, expected Unreadable(Corrupt(_))",
    );
}

#[test]
fn corrupt_progress_is_reported_not_wiped() {
    check_corrupt("");
    check_corrupt("{");
    check_corrupt("null");
    check_corrupt("[]");
    check_corrupt("42");
    check_corrupt(r#"{"lessons":{}}"#);
    check_corrupt(r#"{"schema":"2","lessons":{}}"#);
    check_corrupt(r#"{"schema":-1,"lessons":{}}"#);
    check_corrupt(r#"{"schema":2,"lessons":5}"#);
    check_corrupt(r#"{"schema":2}"#);
    check_corrupt(r#"{"schema":2,"lessons":{"a":{"version":1,"sections_read":"two"}}}"#);
    check_corrupt(r#"{"schema":1,"lessons":{"a":{"answers":{"q1":true}}}}"#);
    check_corrupt(r#"{"schema":1,"lessons":{"a":{"sections_read":1,"answers":{"q1":"yes"}}}}"#);
    check_corrupt(r#"{"schema":3,"lessons":{"a":{"version":1,"sections_read":1,"quiz_seed":-1}}}"#);
    check_corrupt(r#"{"schema":3,"lessons":{"a":{"version":1,"sections_read":1,"quiz_seed":4294967296}}}"#);
    check_corrupt(r#"{"schema":3,"lessons":{"a":{"version":1,"sections_read":1,"quiz_seed":"7"}}}"#);
}

#[test]
fn truncated_progress_is_reported_not_wiped() {
    // A write cut short, e.g. by a full storage quota or a closed tab.
    let saved =
        progress(&[("what-is-trafficking", lesson_progress(1, 2, &[("q", item_record(&["a"], 1, true, true))]))]);
    let raw = save(&saved);
    for end in [1, raw.len() / 2, raw.len() - 1] {
        check_corrupt(&raw[..end]);
    }
}

#[test]
fn progress_from_a_newer_app_is_reported_not_wiped() {
    check_load(Some(r#"{"schema":99,"lessons":{}}"#), Loaded::Unreadable(Unreadable::UnknownVersion(99)));
    check_load(Some(r#"{"schema":4,"something":"new"}"#), Loaded::Unreadable(Unreadable::UnknownVersion(4)));
    check_load(Some(r#"{"schema":0,"lessons":{}}"#), Loaded::Unreadable(Unreadable::UnknownVersion(0)));
}

fn check_backup_key(taken: &[&str], expected: &str) {
    let taken: BTreeSet<&str> = taken.iter().copied().collect();
    assert_eq!(backup_key(|key| taken.contains(key)), expected, "taken: {taken:?}");
}

#[test]
fn backup_never_overwrites_an_earlier_backup() {
    check_backup_key(&[], "aware.progress.backup");
    check_backup_key(&["aware.progress"], "aware.progress.backup");
    check_backup_key(&["aware.progress.backup"], "aware.progress.backup.2");
    check_backup_key(&["aware.progress.backup", "aware.progress.backup.2"], "aware.progress.backup.3");
    // A gap (a backup the student deleted) is reused rather than overwriting `.3`.
    check_backup_key(&["aware.progress.backup", "aware.progress.backup.3"], "aware.progress.backup.2");
}

/// A lesson with three sections and two quiz items (`q1`: a is right; `q2`: true/false, true is right).
fn lesson() -> Lesson {
    let section = |heading: &str| Section {
        heading: vec![Inline::Text(heading.to_owned())],
        blocks: vec![Block::Paragraph(vec![Inline::Text("Text.".to_owned())])],
    };
    let option = |id: &str, correct: bool| QuizOption {
        id: id.to_owned(),
        text: String::new(),
        explanation: format!("why {id}"),
        correct,
        last: false,
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
        key_points: vec!["A point.".to_owned()],
        older_key_points: Vec::new(),
        scenarios: Vec::new(),
        teacher_guide: Vec::new(),
        quiz: vec![
            QuizItem {
                id: "q1".to_owned(),
                kind: QuizKind::Single,
                prompt: "Which?".to_owned(),
                options: vec![option("a", true), option("b", false)],
                sources: Vec::new(),
                older: false,
            },
            QuizItem {
                id: "q2".to_owned(),
                kind: QuizKind::TrueFalse,
                prompt: "True?".to_owned(),
                options: vec![option("true", true), option("false", false)],
                sources: Vec::new(),
                older: false,
            },
        ],
        sources: Vec::new(),
    }
}

/// Checks `ids` of the lesson's item `item_id` and records the answer, as the quiz page does.
fn answer(progress: &mut Progress, lesson: &Lesson, item_id: &str, ids: &[&str]) {
    let item = lesson.quiz_item(item_id).expect("the item is in the lesson");
    let verdict = crate::quiz::check(item, &selection(ids));
    progress.record_answer(lesson, item_id, selection(ids), &verdict);
}

fn summary(answered: usize, first_try_correct: usize, solved: usize) -> Summary {
    Summary { total: 2, answered, first_try_correct, solved }
}

#[test]
fn lesson_status_moves_from_not_started_through_reading_and_quiz_to_completed() {
    let lesson = lesson();
    let mut progress = Progress::default();
    type Step<'a> = (&'a str, &'a dyn Fn(&mut Progress), LessonStatus);
    let steps: &[Step] = &[
        ("nothing yet", &|_| {}, LessonStatus::NotStarted),
        ("open section 1", &|p| p.read_section(&lesson, 0), LessonStatus::Reading { read: 1, total: 3 }),
        ("open section 3", &|p| p.read_section(&lesson, 2), LessonStatus::Reading { read: 3, total: 3 }),
        ("go back to section 2", &|p| p.read_section(&lesson, 1), LessonStatus::Reading { read: 3, total: 3 }),
        ("q1 wrong", &|p| answer(p, &lesson, "q1", &["b"]), LessonStatus::Quiz(summary(1, 0, 0))),
        ("q1 right", &|p| answer(p, &lesson, "q1", &["a"]), LessonStatus::Quiz(summary(1, 0, 1))),
        ("q2 right", &|p| answer(p, &lesson, "q2", &["true"]), LessonStatus::Completed(summary(2, 1, 2))),
        ("q2 again, wrong", &|p| answer(p, &lesson, "q2", &["false"]), LessonStatus::Completed(summary(2, 1, 2))),
        ("restart the quiz", &|p| p.restart_quiz(&lesson), LessonStatus::Reading { read: 3, total: 3 }),
    ];
    for (what, step, expected) in steps {
        step(&mut progress);
        assert_eq!(progress.status(&lesson), *expected, "after: {what}");
    }
}

#[test]
fn quiz_can_be_started_before_reading() {
    let lesson = lesson();
    let mut progress = Progress::default();
    answer(&mut progress, &lesson, "q2", &["true"]);
    assert_eq!(progress.status(&lesson), LessonStatus::Quiz(summary(1, 1, 1)));
}

#[test]
fn sections_read_is_capped_at_the_lessons_current_length() {
    // Progress from a longer, older version of the lesson.
    let lesson = lesson();
    let progress = progress(&[("basics", lesson_progress(1, 7, &[]))]);
    assert_eq!(progress.status(&lesson), LessonStatus::Reading { read: 3, total: 3 });
}

#[test]
fn answers_to_items_no_longer_in_the_lesson_do_not_count() {
    let lesson = lesson();
    let progress = progress(&[("basics", lesson_progress(1, 2, &[("removed", item_record(&["a"], 1, true, true))]))]);
    assert_eq!(progress.status(&lesson), LessonStatus::Reading { read: 2, total: 3 });
}

#[test]
fn working_on_a_lesson_records_its_current_version() {
    let lesson = lesson();
    let mut progress = progress(&[("basics", lesson_progress(1, 1, &[]))]);
    progress.read_section(&lesson, 0);
    assert_eq!(progress.lesson("basics"), Some(&lesson_progress(2, 1, &[])));
    assert_eq!(progress.lesson("other"), None);
}

#[test]
fn progress_of_other_lessons_is_untouched() {
    let lesson = lesson();
    let other = lesson_progress(1, 2, &[("x", item_record(&["a"], 1, true, true))]);
    let mut progress = progress(&[("other", other.clone())]);
    progress.read_section(&lesson, 0);
    answer(&mut progress, &lesson, "q1", &["a"]);
    progress.restart_quiz(&lesson);
    assert_eq!(progress.lesson("other"), Some(&other));
    assert_eq!(progress.lessons.keys().map(String::as_str).collect::<Vec<_>>(), ["basics", "other"],);
}

fn check_merge(what: &str, base: &Progress, ours: &Progress, theirs: &Progress, expected: &Progress) {
    assert_eq!(&Progress::merge(base, ours, theirs), expected, "{what}");
    assert_eq!(&Progress::merge(base, theirs, ours), expected, "{what}, with the sides swapped");
}

#[test]
fn a_tab_left_open_does_not_overwrite_newer_progress_from_another_tab() {
    let right = item_record(&["a"], 1, true, true);
    let wrong = item_record(&["b"], 1, false, false);
    let base = progress(&[("basics", lesson_progress(2, 1, &[]))]);
    // The old tab read one more section of another lesson; the newer tab finished the quiz.
    let old_tab = progress(&[("basics", lesson_progress(2, 1, &[])), ("myths", lesson_progress(1, 1, &[]))]);
    let new_tab = progress(&[("basics", lesson_progress(2, 3, &[("q1", right.clone()), ("q2", wrong.clone())]))]);
    let expected = progress(&[
        ("basics", lesson_progress(2, 3, &[("q1", right), ("q2", wrong)])),
        ("myths", lesson_progress(1, 1, &[])),
    ]);
    check_merge("different lessons", &base, &old_tab, &new_tab, &expected);
}

#[test]
fn answers_and_read_sections_from_both_tabs_are_kept() {
    let base = progress(&[("basics", lesson_progress(2, 1, &[("q1", item_record(&["b"], 1, false, false))]))]);
    let ours = progress(&[(
        "basics",
        lesson_progress(
            2,
            2,
            &[("q1", item_record(&["a"], 2, false, true)), ("q2", item_record(&["true"], 1, true, true))],
        ),
    )]);
    let theirs = progress(&[(
        "basics",
        lesson_progress(
            3,
            3,
            &[("q1", item_record(&["b"], 3, false, false)), ("q3", item_record(&["c"], 1, true, true))],
        ),
    )]);
    let expected = progress(&[(
        "basics",
        lesson_progress(
            3,
            3,
            &[
                // Three attempts beat two, and the item stays solved.
                ("q1", item_record(&["b"], 3, false, true)),
                ("q2", item_record(&["true"], 1, true, true)),
                ("q3", item_record(&["c"], 1, true, true)),
            ],
        ),
    )]);
    check_merge("both tabs worked on one lesson", &base, &ours, &theirs, &expected);
}

#[test]
fn a_restart_in_one_tab_stays_unless_the_other_tab_answered_since() {
    let old = item_record(&["b"], 1, false, false);
    let base = progress(&[("basics", lesson_progress(2, 3, &[("q1", old.clone()), ("q2", old.clone())]))]);
    let restarted = progress(&[("basics", lesson_progress(2, 3, &[]))]);
    check_merge("the other tab did nothing", &base, &restarted, &base, &restarted);
    let answered_again = item_record(&["a"], 2, false, true);
    let other = progress(&[("basics", lesson_progress(2, 3, &[("q1", answered_again.clone()), ("q2", old)]))]);
    let expected = progress(&[("basics", lesson_progress(2, 3, &[("q1", answered_again)]))]);
    check_merge("the other tab answered q1", &base, &restarted, &other, &expected);
}

#[test]
fn progress_deleted_in_another_tab_stays_deleted_unless_this_tab_added_to_it() {
    let base = progress(&[("basics", lesson_progress(2, 3, &[])), ("myths", lesson_progress(1, 1, &[]))]);
    let ours = progress(&[("basics", lesson_progress(2, 3, &[])), ("myths", lesson_progress(1, 2, &[]))]);
    let expected = progress(&[("myths", lesson_progress(1, 2, &[]))]);
    check_merge("deleted elsewhere", &base, &ours, &Progress::default(), &expected);
}

#[test]
fn equal_histories_of_an_item_break_ties_by_their_values() {
    let base = Progress::default();
    let a = progress(&[("basics", lesson_progress(2, 0, &[("q1", item_record(&["a"], 1, true, true))]))]);
    let b = progress(&[("basics", lesson_progress(2, 0, &[("q1", item_record(&["b"], 1, false, false))]))]);
    check_merge("solved wins a tie of attempts", &base, &a, &b, &a);
    let c = progress(&[("basics", lesson_progress(2, 0, &[("q1", item_record(&["c"], 1, false, false))]))]);
    check_merge("then the larger selection", &base, &b, &c, &c);
}

#[test]
fn the_option_order_of_a_quiz_attempt_follows_the_tab_that_drew_it() {
    let seeded = |seed: Option<u32>, quiz: &[(&str, ItemRecord)]| {
        progress(&[("basics", LessonProgress { quiz_seed: seed, ..lesson_progress(2, 1, quiz) })])
    };
    let answered = item_record(&["a"], 1, true, true);
    let base = seeded(Some(5), &[]);
    check_merge(
        "the other tab only answered",
        &base,
        &seeded(None, &[]),
        &seeded(Some(5), &[("q1", answered.clone())]),
        &seeded(None, &[("q1", answered)]),
    );
    check_merge(
        "both tabs drew an order",
        &seeded(None, &[]),
        &seeded(Some(3), &[]),
        &seeded(Some(9), &[]),
        &seeded(Some(9), &[]),
    );
    check_merge(
        "one tab restarted, the other drew again",
        &base,
        &seeded(None, &[]),
        &seeded(Some(2), &[]),
        &seeded(Some(2), &[]),
    );
}

/// Random progress edits, as a student makes them in one tab.
fn random_edits(rng: &mut crate::rng::SplitMix64, lesson: &Lesson, progress: &mut Progress) {
    for _ in 0..rng.below(6) {
        match rng.below(6) {
            0 => progress.read_section(lesson, rng.below(3)),
            1 => progress.restart_quiz(lesson),
            2 => {
                progress.lessons.remove(&lesson.id);
            }
            3 => {
                progress.quiz_seed(lesson, *rng.pick(&[1, 2]));
            }
            _ => {
                let item = *rng.pick(&["q1", "q2"]);
                let choice = *rng.pick(&[&["a"][..], &["b"], &["true"], &["false"]]);
                answer(progress, lesson, item, choice);
            }
        }
    }
}

#[test]
fn merging_loses_no_change_of_either_tab_and_is_deterministic() {
    let lesson = lesson();
    let mut rng = crate::rng::SplitMix64(7);
    for round in 0..2_000 {
        let mut base = Progress::default();
        random_edits(&mut rng, &lesson, &mut base);
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        random_edits(&mut rng, &lesson, &mut ours);
        random_edits(&mut rng, &lesson, &mut theirs);
        let merged = Progress::merge(&base, &ours, &theirs);
        let context = format!("round {round}: base {base:?}, ours {ours:?}, theirs {theirs:?}, merged {merged:?}");
        assert_eq!(merged, Progress::merge(&base, &theirs, &ours), "symmetric; {context}");
        assert_eq!(Progress::merge(&base, &ours, &base), ours, "only ours changed; {context}");
        assert_eq!(Progress::merge(&base, &ours, &ours), ours, "both made the same change; {context}");
        for side in [&ours, &theirs] {
            let Some(changed) = side.lesson(&lesson.id).filter(|l| Some(*l) != base.lesson(&lesson.id)) else {
                continue;
            };
            let kept = merged.lesson(&lesson.id).unwrap_or_else(|| panic!("a changed lesson was lost; {context}"));
            let base_lesson = base.lesson(&lesson.id);
            if base_lesson.is_none_or(|b| b.sections_read != changed.sections_read) {
                assert!(kept.sections_read >= changed.sections_read, "a read section was lost; {context}");
            }
            if changed.quiz_seed.is_some() && base_lesson.is_none_or(|b| b.quiz_seed != changed.quiz_seed) {
                assert!(kept.quiz_seed.is_some(), "a drawn option order was lost; {context}");
            }
            for (item, record) in &changed.quiz {
                if base_lesson.and_then(|b| b.quiz.get(item)) == Some(record) {
                    continue;
                }
                let merged_record = kept.quiz.get(item).unwrap_or_else(|| panic!("answer to {item} lost; {context}"));
                assert!(merged_record.attempts >= record.attempts, "attempts of {item} lost; {context}");
                assert!(merged_record.solved >= record.solved, "{item} no longer solved; {context}");
            }
        }
    }
}

#[test]
fn a_quiz_attempt_keeps_its_seed_until_the_quiz_restarts() {
    let lesson = lesson();
    let mut progress = Progress::default();
    assert_eq!(progress.quiz_seed(&lesson, 7), 7, "the first attempt takes the fresh seed");
    assert_eq!(progress.quiz_seed(&lesson, 8), 7, "and keeps it");
    // Kept across a reload.
    let Loaded::Ready { progress: mut reloaded, .. } = load(Some(&save(&progress))) else { panic!("reload") };
    assert_eq!(reloaded.quiz_seed(&lesson, 9), 7, "the same attempt after a reload");
    answer(&mut reloaded, &lesson, "q1", &["b"]);
    assert_eq!(reloaded.quiz_seed(&lesson, 9), 7, "answering does not change it");
    reloaded.restart_quiz(&lesson);
    assert_eq!(reloaded.lesson("basics").and_then(|l| l.quiz_seed), None);
    assert_eq!(reloaded.quiz_seed(&lesson, 10), 10, "a restarted quiz takes a new seed");
}

#[test]
fn the_attempt_on_screen_is_the_checked_one_until_try_again() {
    let check = |attempts: u32, checked: bool, expected: u32| {
        let record = item_record(&["a"], attempts, false, false);
        assert_eq!(record.attempt_on_screen(checked), expected, "{attempts} attempts, checked: {checked}");
    };
    check(0, false, 0);
    check(1, true, 0);
    check(1, false, 1);
    check(3, true, 2);
    check(0, true, 0);
}
