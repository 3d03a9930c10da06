//! Test data for the classroom's tests: a small lesson with an older-only box, a section cut by
//! a branching scenario, and one question of each kind; sessions on it; the real lessons.

#![allow(dead_code)]

use std::path::Path;

use aware_core::band::AgeBand;
use aware_core::classroom::{Action, BandLesson, Change, Counter, Session, SessionId, Setup};
use aware_core::content::{
    Block, CalloutKind, Curriculum, Inline, Lesson, QuizItem, QuizKind, QuizOption, Scenario, ScenarioChoice,
    ScenarioStep, Section,
};
use aware_core::study::{Date, Locale};

pub fn words(text: &str) -> Vec<Inline> {
    vec![Inline::Text(text.to_owned())]
}

pub fn paragraph(text: &str) -> Block {
    Block::Paragraph(words(text))
}

pub fn older(text: &str) -> Block {
    Block::Callout { kind: CalloutKind::Older, blocks: vec![paragraph(text)] }
}

fn option(id: &str, text: &str, correct: bool) -> QuizOption {
    QuizOption { id: id.to_owned(), text: text.to_owned(), explanation: format!("Why {id}."), correct, last: false }
}

fn choice(id: &str, next: &str) -> ScenarioChoice {
    ScenarioChoice {
        id: id.to_owned(),
        text: format!("Choose {id}"),
        consequence: format!("After {id}"),
        why: format!("Because {id}"),
        next: next.to_owned(),
        older: false,
    }
}

fn step(id: &str, choices: Vec<ScenarioChoice>) -> ScenarioStep {
    ScenarioStep { id: id.to_owned(), text: format!("Step {id}"), choices, older: false }
}

/// Lesson `myths`, its text prefixed with `tag` (a stand-in for a language):
/// - section 0: a paragraph and an older box;
/// - section 1: a paragraph, scenario `walk`, a paragraph (parts 0 and 1 around the scenario);
/// - section 2: only an older box (no screen for the younger band);
/// - scenario `walk`: start —left→ end-left; start —right→ middle —on→ end-right;
/// - questions: `single` (b right, 4 options), `multiple` (a and c right), `myth` (true-false, true right).
pub fn lesson_in(tag: &str) -> Lesson {
    let t = |text: &str| format!("{tag} {text}");
    Lesson {
        id: "myths".to_owned(),
        version: 3,
        age_min: 12,
        age_max: 18,
        duration_minutes: 40,
        title: t("Myths"),
        summary: t("Summary"),
        reviewed: true,
        content_note: t("Note"),
        objectives: Vec::new(),
        sections: vec![
            Section { heading: words(&t("Intro")), blocks: vec![paragraph(&t("Hello")), older(&t("Law"))] },
            Section {
                heading: words(&t("Story")),
                blocks: vec![paragraph(&t("Before")), Block::Scenario("walk".to_owned()), paragraph(&t("After"))],
            },
            Section { heading: words(&t("Older")), blocks: vec![older(&t("Only older"))] },
        ],
        key_points: vec![t("Point")],
        older_key_points: Vec::new(),
        quiz: vec![
            QuizItem {
                id: "single".to_owned(),
                kind: QuizKind::Single,
                prompt: t("Which one?"),
                options: vec![
                    option("a", &t("A"), false),
                    option("b", &t("B"), true),
                    option("c", &t("C"), false),
                    option("d", &t("D"), false),
                ],
                sources: Vec::new(),
                older: false,
            },
            QuizItem {
                id: "multiple".to_owned(),
                kind: QuizKind::Multiple,
                prompt: t("Which ones?"),
                options: vec![option("a", &t("A"), true), option("b", &t("B"), false), option("c", &t("C"), true)],
                sources: Vec::new(),
                older: false,
            },
            QuizItem {
                id: "myth".to_owned(),
                kind: QuizKind::TrueFalse,
                prompt: t("True?"),
                options: vec![option("true", "", true), option("false", "", false)],
                sources: Vec::new(),
                older: false,
            },
        ],
        scenarios: vec![Scenario {
            id: "walk".to_owned(),
            title: t("Walk"),
            intro: t("Made up"),
            steps: vec![
                step("start", vec![choice("left", "end-left"), choice("right", "middle")]),
                step("middle", vec![choice("on", "end-right")]),
                step("end-left", Vec::new()),
                step("end-right", Vec::new()),
            ],
        }],
        teacher_guide: Vec::new(),
        sources: Vec::new(),
    }
}

pub fn lesson() -> Lesson {
    lesson_in("en")
}

pub fn locale(tag: &str) -> Locale {
    Locale::new(tag).expect("a locale")
}

pub fn setup(n: u8, band: AgeBand) -> Setup {
    Setup {
        id: SessionId::from_random([n; 8]),
        lesson: "myths".to_owned(),
        lesson_version: 3,
        band,
        locale: locale("en"),
        date: Date::new(2026, 3, 2).expect("a day"),
    }
}

/// A fresh session `n` on the test lesson.
pub fn fresh(n: u8, band: AgeBand, lesson: &BandLesson) -> Session {
    Session::start(setup(n, band), lesson).expect("the session's lesson")
}

/// Applies actions that must all be taken.
pub fn act(session: &mut Session, lesson: &BandLesson, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        let shown = format!("{action:?}");
        session.apply(action, lesson).unwrap_or_else(|refused| panic!("{shown} refused: {refused:?}"));
    }
}

/// Moves to question `id` (on the older band's deck).
pub fn to_question(session: &mut Session, lesson: &BandLesson, id: &str) {
    let deck = aware_core::classroom::Deck::of(lesson);
    let at = deck
        .position(&aware_core::classroom::Screen::Question { id: id.to_owned() })
        .expect("the question is in the deck");
    if session.view(lesson).expect("the lesson").index != at {
        act(session, lesson, [Action::Jump(at)]);
    }
}

/// Session `n` of the older band, polled on `single` with `counts`, closed (a checkpoint).
pub fn polled(n: u8, counts: [u32; 4]) -> Session {
    let lesson = lesson();
    let lesson = BandLesson::new(&lesson, AgeBand::Older).expect("for all ages");
    let mut session = fresh(n, AgeBand::Older, &lesson);
    to_question(&mut session, &lesson, "single");
    act(&mut session, &lesson, [Action::OpenPoll]);
    if counts.iter().any(|&count| count > 0) {
        act(&mut session, &lesson, [Action::Fill(counts.to_vec())]);
    }
    act(&mut session, &lesson, [Action::ClosePoll]);
    session
}

pub fn up(option: usize) -> Action {
    Action::Count(Counter::Option(option), Change::Up)
}

/// The real curriculum, every language.
pub fn real_curricula() -> Vec<Curriculum> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons");
    aware_core::content::compile::compile(&dir).expect("the lessons compile").curricula
}
