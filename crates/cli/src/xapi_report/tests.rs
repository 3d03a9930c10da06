use std::path::Path;
use std::sync::OnceLock;

use aware_core::content::Curriculum;
use aware_core::content::compile::compile;

use super::*;
use crate::xapi_sample::{self, statements};

fn site() -> SiteUrl {
    SiteUrl::parse("https://aware.example.org").unwrap()
}

fn curricula() -> &'static [Curriculum] {
    static CURRICULA: OnceLock<Vec<Curriculum>> = OnceLock::new();
    CURRICULA.get_or_init(|| {
        compile(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons")).expect("the lessons compile").curricula
    })
}

/// The encoded statements of `attempts` made-up attempts at `lesson`.
fn sample(lesson: &str, attempts: usize, seed: u64) -> Vec<String> {
    let options = xapi_sample::Options {
        lessons: PathBuf::new(),
        deployment: PathBuf::new(),
        attempts,
        only: vec![lesson.to_owned()],
        seed,
    };
    statements(curricula(), &site(), &options).iter().map(|s| s.encode()).collect()
}

fn report(statements: &[String], k: u32) -> XapiReport {
    let mut tally = Tally::new(site());
    for statement in statements {
        tally.add(statement);
    }
    tally.finish(MinGroupSize::new(k).unwrap())
}

fn shown(cell: &Cell) -> u64 {
    match cell {
        Cell::Shown(n) => *n,
        Cell::Hidden(reason) => panic!("hidden: {reason:?}"),
    }
}

#[test]
fn attempts_scores_and_items_are_counted_per_quiz() {
    let statements = sample("myths-and-facts", 40, 7);
    let report = report(&statements, 5);
    assert_eq!(report.statements_read, statements.len());
    assert_eq!(report.statements_used, statements.len());
    let [quiz] = report.quizzes.as_slice() else { panic!("one quiz") };
    let lesson = curricula()[0].lesson("myths-and-facts").unwrap();
    assert_eq!((quiz.lesson.as_str(), quiz.version), ("myths-and-facts", lesson.version));
    assert_eq!(shown(&quiz.started), 40);
    assert_eq!(shown(&quiz.completed), 40);
    assert_eq!(quiz.max as usize, lesson.quiz.len());
    assert_eq!(quiz.scores.len(), lesson.quiz.len() + 1);
    assert_eq!(quiz.items.len(), lesson.quiz.len());

    // The shares agree with the statements themselves.
    for item in &quiz.items {
        let suffix = format!("/quiz/{}\"", item.item);
        let answers: Vec<&String> = statements.iter().filter(|s| s.contains(&suffix)).collect();
        let right = answers.iter().filter(|s| s.contains("\"success\":true")).count();
        assert_eq!(shown(&item.answered), 40, "{}", item.item);
        if let Cell::Shown(correct) = item.correct {
            assert_eq!(correct as usize, right, "{}", item.item);
            assert_eq!(item.share_correct, Percent::of(correct, 40));
        }
    }
    let scored: u64 = quiz.scores.iter().filter_map(|c| if let Cell::Shown(n) = c { Some(*n) } else { None }).sum();
    assert!(scored <= 40);
}

#[test]
fn small_groups_show_nothing() {
    let report = report(&sample("myths-and-facts", 4, 3), 5);
    let [quiz] = report.quizzes.as_slice() else { panic!("one quiz") };
    assert!(matches!(quiz.started, Cell::Hidden(_)));
    assert!(quiz.scores.iter().all(|c| matches!(c, Cell::Hidden(_))));
    assert!(quiz.items.iter().all(|i| matches!(i.answered, Cell::Hidden(_)) && i.share_correct.is_none()));
    let text = report.to_string();
    assert!(text.contains("hidden (fewer than 5 in all)"), "{text}");
    assert!(!text.contains(" 4\n"), "no count below 5 is printed:\n{text}");
}

#[test]
fn only_this_sites_quiz_statements_count() {
    let mut statements = sample("myths-and-facts", 6, 1);
    let others = statements.len();
    let elsewhere = statements[0].replace("https://aware.example.org/xapi", "https://other.example.org/xapi");
    statements.extend([
        elsewhere,
        "{\"not\":\"a statement\"}".to_owned(),
        "[1,2]".to_owned(),
        statements[1].replace("http://adlnet.gov/expapi/verbs/answered", "http://adlnet.gov/expapi/verbs/experienced"),
    ]);
    let report = report(&statements, 5);
    assert_eq!(report.statements_read, others + 4);
    assert_eq!(report.statements_used, others);
    assert_eq!(shown(&report.quizzes[0].started), 6);
}

#[test]
fn an_attempts_first_answer_to_an_item_is_the_one_counted() {
    let statements = sample("myths-and-facts", 6, 2);
    let answered = statements.iter().find(|s| s.contains("/verbs/answered")).unwrap();
    let flipped = if answered.contains("\"success\":true") {
        answered.replace("\"success\":true", "\"success\":false")
    } else {
        answered.replace("\"success\":false", "\"success\":true")
    };
    let mut with_later = statements.clone();
    with_later.push(flipped);
    let before = report(&statements, 5);
    let after = report(&with_later, 5);
    let correct = |r: &XapiReport| r.quizzes[0].items.iter().map(|i| i.correct).collect::<Vec<_>>();
    assert_eq!(correct(&before), correct(&after));
}

#[test]
fn the_json_report_names_hidden_cells_and_their_reason() {
    let json = report(&sample("myths-and-facts", 3, 4), 5).to_json();
    assert!(json.contains("\"started\": {\n        \"hidden\": \"table_too_small\""), "{json}");
}
