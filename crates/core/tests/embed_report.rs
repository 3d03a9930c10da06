//! What a campaign hears of an embedded quiz (`embed::Reporter`): the events for the page around
//! it and the xAPI statements, played through the same progress changes the app makes.

use std::sync::atomic::{AtomicU64, Ordering};

use aware_core::content::{Block, Inline, Lesson, QuizItem, QuizKind, QuizOption, Section};
use aware_core::deployment::{SiteUrl, XapiEndpoint};
use aware_core::embed::{ChildMessage, Report, Reporter};
use aware_core::progress::Progress;
use aware_core::quiz::{Selection, check};
use aware_core::xapi::{Statement, Uuid, Verb};

/// Two items: `q1` (a is right, b wrong) and `q2` (true/false, false is right).
fn lesson() -> Lesson {
    let option = |id: &str, correct: bool| QuizOption {
        id: id.to_owned(),
        text: format!("option {id}"),
        explanation: format!("why {id}"),
        correct,
        last: false,
    };
    let item = |id: &str, kind, options| QuizItem {
        id: id.to_owned(),
        kind,
        prompt: format!("prompt {id}"),
        options,
        sources: Vec::new(),
        older: false,
    };
    Lesson {
        id: "basics".to_owned(),
        version: 3,
        age_min: 12,
        age_max: 18,
        duration_minutes: 30,
        title: "Basics".to_owned(),
        summary: String::new(),
        content_note: String::new(),
        reviewed: true,
        objectives: Vec::new(),
        sections: vec![Section {
            heading: vec![Inline::Text("One".to_owned())],
            blocks: vec![Block::Paragraph(vec![Inline::Text("Text.".to_owned())])],
        }],
        key_points: Vec::new(),
        older_key_points: Vec::new(),
        quiz: vec![
            item("q1", QuizKind::Single, vec![option("a", true), option("b", false)]),
            item("q2", QuizKind::TrueFalse, vec![option("true", false), option("false", true)]),
        ],
        scenarios: Vec::new(),
        teacher_guide: Vec::new(),
        sources: Vec::new(),
    }
}

/// A student in one page: their progress, changed as the app changes it, and the reporter.
struct Page {
    lesson: Lesson,
    progress: Progress,
    reporter: Reporter,
    language: &'static str,
}

/// Distinct bytes for every id any page makes (as a cryptographic source gives).
fn random() -> [u8; 16] {
    static DRAWN: AtomicU64 = AtomicU64::new(0);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&(DRAWN.fetch_add(1, Ordering::Relaxed) + 1).to_le_bytes());
    bytes
}

impl Page {
    fn new(xapi: bool) -> Page {
        Page::reloaded(Progress::default(), xapi)
    }

    /// A new page load over progress kept from an earlier one.
    fn reloaded(progress: Progress, xapi: bool) -> Page {
        let endpoint = xapi.then(|| {
            let site = SiteUrl::parse("https://aware.example.org").unwrap();
            XapiEndpoint::parse("https://lrs.example.org/xapi/statements", "1.0.3", site).unwrap()
        });
        Page { lesson: lesson(), progress, reporter: Reporter::new(endpoint.as_ref()), language: "en" }
    }

    fn change(&mut self, change: impl FnOnce(&mut Progress, &Lesson)) -> Report {
        let before = self.progress.clone();
        change(&mut self.progress, &self.lesson);
        let id = &self.lesson.id;
        self.reporter.changed(&self.lesson, self.language, before.lesson(id), self.progress.lesson(id), random)
    }

    /// A question screen is shown: the attempt's option order is drawn if it has none.
    fn show(&mut self) -> Report {
        self.change(|progress, lesson| {
            progress.quiz_seed(lesson, 7);
        })
    }

    fn answer(&mut self, item: &str, options: &[&str]) -> Report {
        self.change(|progress, lesson| {
            let selection: Selection = options.iter().map(|o| (*o).to_owned()).collect();
            let verdict = check(lesson.quiz_item(item).unwrap(), &selection);
            progress.record_answer(lesson, item, selection, &verdict);
        })
    }

    fn restart(&mut self) -> Report {
        self.change(|progress, lesson| progress.restart_quiz(lesson))
    }
}

fn messages(report: &Report) -> Vec<String> {
    report.messages.iter().map(ChildMessage::encode).collect()
}

fn verbs(report: &Report) -> Vec<Verb> {
    report.statements.iter().map(|s| s.verb).collect()
}

fn actors(statements: &[Statement]) -> Vec<Uuid> {
    let mut actors: Vec<Uuid> = statements.iter().map(|s| s.actor.account.name).collect();
    actors.dedup();
    actors
}

const STARTED: &str = r#"{"aware":1,"type":"started","lesson":"basics"}"#;

fn answered(item: &str, correct: bool) -> String {
    format!(r#"{{"aware":1,"type":"answered","lesson":"basics","item":"{item}","correct":{correct}}}"#)
}

fn completed(score: u32, max: u32) -> String {
    format!(r#"{{"aware":1,"type":"completed","lesson":"basics","score":{score},"max":{max}}}"#)
}

#[test]
fn a_quiz_from_start_to_finish_is_started_each_first_check_and_completed() {
    let mut page = Page::new(true);
    let mut statements = Vec::new();
    let mut play = |report: Report, expected: &[String], expected_verbs: &[Verb]| {
        assert_eq!(messages(&report), expected);
        assert_eq!(verbs(&report), expected_verbs);
        statements.extend(report.statements);
    };
    play(page.show(), &[STARTED.to_owned()], &[Verb::Attempted]);
    play(page.answer("q1", &["b"]), &[answered("q1", false)], &[Verb::Answered]);
    // Trying again, and getting it right, is not a first check.
    play(page.answer("q1", &["a"]), &[], &[]);
    play(page.answer("q2", &["false"]), &[answered("q2", true), completed(1, 2)], &[Verb::Answered, Verb::Completed]);
    assert_eq!(actors(&statements).len(), 1, "one attempt, one actor");
    let score = statements.last().unwrap().result.as_ref().unwrap().score.as_ref().unwrap();
    assert_eq!((score.raw, score.max), (1, 2));
    let first = statements[1].result.as_ref().unwrap();
    assert_eq!((first.response.as_deref(), first.success), (Some("b"), Some(false)), "the first check's answer");
}

#[test]
fn without_xapi_the_page_gets_the_same_events_and_no_statement_is_made() {
    let mut page = Page::new(false);
    let reports = [page.show(), page.answer("q1", &["a"]), page.answer("q2", &["true"]), page.answer("q2", &["false"])];
    let events: Vec<String> = reports.iter().flat_map(messages).collect();
    assert_eq!(events, [STARTED.to_owned(), answered("q1", true), answered("q2", false), completed(1, 2)]);
    assert!(reports.iter().all(|r| r.statements.is_empty()));
}

#[test]
fn showing_the_quiz_again_or_a_finished_quiz_after_a_reload_tells_nothing() {
    let mut page = Page::new(true);
    page.show();
    assert_eq!(page.show(), Report::default(), "the next question of the same attempt");
    page.answer("q1", &["a"]);
    page.answer("q2", &["false"]);
    let mut reloaded = Page::reloaded(page.progress.clone(), true);
    assert_eq!(reloaded.show(), Report::default());
    assert_eq!(reloaded.answer("q2", &["false"]), Report::default());
}

#[test]
fn a_quiz_begun_before_a_reload_goes_on_under_a_new_actor_from_its_next_check() {
    let mut page = Page::new(true);
    let first = page.show();
    page.answer("q1", &["a"]);
    let mut reloaded = Page::reloaded(page.progress.clone(), true);
    assert_eq!(reloaded.show(), Report::default());
    let report = reloaded.answer("q2", &["false"]);
    assert_eq!(messages(&report), [STARTED.to_owned(), answered("q2", true), completed(2, 2)]);
    assert_eq!(verbs(&report), [Verb::Attempted, Verb::Answered, Verb::Completed]);
    assert_ne!(actors(&first.statements), actors(&report.statements), "nothing links the two page loads");
}

#[test]
fn taking_the_quiz_again_is_a_new_attempt_with_a_new_actor() {
    let mut page = Page::new(true);
    let mut first = page.show().statements;
    first.extend(page.answer("q1", &["a"]).statements);
    first.extend(page.answer("q2", &["false"]).statements);
    assert_eq!(page.restart(), Report::default());
    let again = page.show();
    assert_eq!(messages(&again), [STARTED]);
    assert_eq!(verbs(&again), [Verb::Attempted]);
    assert_ne!(actors(&first), actors(&again.statements));
    assert_eq!(messages(&page.answer("q1", &["b"])), [answered("q1", false)], "every item's first check again");
}

#[test]
fn starting_afresh_before_the_end_forgets_the_attempt() {
    let mut page = Page::new(true);
    let first = page.show();
    page.answer("q1", &["a"]);
    page.restart();
    // The quiz is not shown again yet: a check now would begin an attempt of its own.
    let report = page.answer("q1", &["a"]);
    assert_eq!(messages(&report), [STARTED.to_owned(), answered("q1", true)]);
    assert_ne!(actors(&first.statements), actors(&report.statements));
    let last = page.answer("q2", &["false"]);
    assert_eq!(messages(&last), [answered("q2", true), completed(2, 2)]);
    assert_eq!(actors(&report.statements), actors(&last.statements));
}

#[test]
fn a_change_of_language_mid_quiz_goes_on_under_a_new_actor_in_the_new_language() {
    let mut page = Page::new(true);
    let first = page.show();
    page.answer("q1", &["a"]);
    page.language = "mn";
    let report = page.answer("q2", &["false"]);
    assert_eq!(messages(&report), [answered("q2", true), completed(2, 2)], "the same attempt for the page");
    assert_eq!(verbs(&report), [Verb::Attempted, Verb::Answered, Verb::Completed]);
    assert!(report.statements.iter().all(|s| s.context.language == "mn"));
    assert_ne!(actors(&first.statements), actors(&report.statements));
}
