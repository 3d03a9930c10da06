//! The content compiler against small lesson trees written to a temp folder, and against the real
//! `lessons/` folder. Diagnostics are compared exactly, as an author sees them: `path:line: message`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use aware_core::band::AgeBand;
use aware_core::content::compile::{Compiled, Course, compile, compile_course};
use aware_core::content::{
    Block, CalloutKind, Confidence, Curriculum, HelpContact, HelpDirectory, Inline, Lesson, Objective, QuizItem,
    QuizKind, QuizOption, Section, Source,
};

/// The smallest valid tree: two sources (one of high confidence, one of medium), one helpline, one
/// lesson in English with a single-choice and a true/false item, a citation and a callout. Tests
/// replace or add files.
const MINIMAL: &[(&str, &str)] = &[
    (
        "sources.toml",
        r#"[un-report]
title = "A report"
publisher = "United Nations"
year = 2020
url = "https://example.org/report"
confidence = "high"

[ilo-guide]
title = "A guide"
publisher = "ILO"
year = 2012
url = "https://example.org/guide"
confidence = "medium"
"#,
    ),
    (
        "help.toml",
        r#"[[contact]]
id = "helpline"
number = "+976 108"
listed_by = "ilo-guide"
listed_on = "2024-05-01"
test_call = "none"
"#,
    ),
    (
        "basics/lesson.toml",
        r#"id = "basics"
version = 1
order = 1
age_min = 12
age_max = 18
duration_minutes = 30
objectives = ["define"]
sources = ["un-report"]

[[quiz]]
id = "pick-one"
type = "single"
options = ["a", "b"]
correct = ["a"]
sources = ["un-report"]

[[quiz]]
id = "myth"
type = "true-false"
answer = false
sources = ["un-report"]
"#,
    ),
    (
        "basics/en/lesson.toml",
        r#"title = "Basics"
summary = "What it is."
content_note = "What this lesson talks about."
key_points = ["One point."]

[objectives]
define = "Define it."

[quiz.pick-one]
prompt = "Which?"
a = { text = "This", explanation = "Yes." }
b = { text = "That", explanation = "Not quite." }

[quiz.myth]
prompt = "A myth?"
true = { explanation = "Not quite." }
false = { explanation = "Right." }
"#,
    ),
    (
        "basics/en/lesson.md",
        r#"## First

Some **bold** text [@un-report].

:::note
A note.
:::
"#,
    ),
    (
        "basics/en/teacher-guide.md",
        r#"## Timing and preparation

Ten minutes.
"#,
    ),
];

/// Writes `MINIMAL` with `changes` applied to a fresh temp folder. A change replaces the file
/// of the same path, or adds it; an empty text removes the file.
fn tree(changes: &[(&str, &str)]) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join("aware-core-compile-tests").join(format!(
        "{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let mut files: Vec<(&str, &str)> = MINIMAL.to_vec();
    for &(path, text) in changes {
        files.retain(|(existing, _)| *existing != path);
        if !text.is_empty() {
            files.push((path, text));
        }
    }
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a file is in a folder")).expect("create test folder");
        std::fs::write(&path, text).expect("write test file");
    }
    dir
}

/// Compiles and renders each diagnostic as `relative/path:line: message`.
fn diagnostics(dir: &Path) -> Result<Compiled, Vec<String>> {
    compile(dir).map_err(|errors| {
        errors
            .iter()
            .map(|error| {
                let relative = error.path.strip_prefix(dir).unwrap_or(&error.path);
                let path: Vec<String> =
                    relative.components().map(|part| part.as_os_str().to_string_lossy().into_owned()).collect();
                format!("{}:{}: {}", path.join("/"), error.line, error.message)
            })
            .collect()
    })
}

/// Compiles `MINIMAL` with `changes` and expects exactly the diagnostics `expected`, in order.
fn check(changes: &[(&str, &str)], expected: &[&str]) {
    let dir = tree(changes);
    let actual = match diagnostics(&dir) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    };
    assert_eq!(actual, expected, "\nactual diagnostics:\n{}\n", actual.join("\n"));
    let _ = std::fs::remove_dir_all(&dir);
}

fn text(text: &str) -> Inline {
    Inline::Text(text.to_owned())
}

fn paragraph(inlines: Vec<Inline>) -> Block {
    Block::Paragraph(inlines)
}

fn option(id: &str, text: &str, explanation: &str, correct: bool) -> QuizOption {
    QuizOption { id: id.to_owned(), text: text.to_owned(), explanation: explanation.to_owned(), correct, last: false }
}

fn un_report() -> Source {
    Source {
        id: "un-report".to_owned(),
        title: "A report".to_owned(),
        publisher: "United Nations".to_owned(),
        year: 2020,
        url: "https://example.org/report".to_owned(),
        confidence: Confidence::High,
    }
}

// ---------------------------------------------------------------------------------------------
// What a valid tree compiles to

#[test]
fn minimal_tree_compiles_to_the_expected_curriculum() {
    let dir = tree(&[]);
    let compiled = diagnostics(&dir).unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    let lesson = Lesson {
        id: "basics".to_owned(),
        version: 1,
        age_min: 12,
        age_max: 18,
        duration_minutes: 30,
        title: "Basics".to_owned(),
        summary: "What it is.".to_owned(),
        content_note: "What this lesson talks about.".to_owned(),
        reviewed: false,
        objectives: vec![Objective { id: "define".to_owned(), text: "Define it.".to_owned(), older: false }],
        sections: vec![Section {
            heading: vec![text("First")],
            blocks: vec![
                paragraph(vec![
                    text("Some "),
                    Inline::Strong(vec![text("bold")]),
                    text(" text"),
                    Inline::Cite("un-report".to_owned()),
                    text("."),
                ]),
                Block::Callout { kind: CalloutKind::Note, blocks: vec![paragraph(vec![text("A note.")])] },
            ],
        }],
        key_points: vec!["One point.".to_owned()],
        older_key_points: vec![],
        quiz: vec![
            QuizItem {
                id: "pick-one".to_owned(),
                kind: QuizKind::Single,
                prompt: "Which?".to_owned(),
                options: vec![option("a", "This", "Yes.", true), option("b", "That", "Not quite.", false)],
                sources: vec!["un-report".to_owned()],
                older: false,
            },
            QuizItem {
                id: "myth".to_owned(),
                kind: QuizKind::TrueFalse,
                prompt: "A myth?".to_owned(),
                // `answer = false`: "false" is the right option; the words come from the app.
                options: vec![option("true", "", "Not quite.", false), option("false", "", "Right.", true)],
                sources: vec!["un-report".to_owned()],
                older: false,
            },
        ],
        scenarios: vec![],
        teacher_guide: vec![Section {
            heading: vec![text("Timing and preparation")],
            blocks: vec![paragraph(vec![text("Ten minutes.")])],
        }],
        sources: vec![un_report()],
    };
    assert_eq!(
        compiled.curricula,
        vec![Curriculum { format: aware_core::content::BUNDLE_FORMAT, locale: "en".to_owned(), lessons: vec![lesson] }]
    );
    assert_eq!(
        compiled.help,
        HelpDirectory {
            contacts: vec![HelpContact {
                id: "helpline".to_owned(),
                number: "+976 108".to_owned(),
                listed_by: Source {
                    id: "ilo-guide".to_owned(),
                    title: "A guide".to_owned(),
                    publisher: "ILO".to_owned(),
                    year: 2012,
                    url: "https://example.org/guide".to_owned(),
                    confidence: Confidence::Medium,
                },
                listed_on: "2024-05-01".to_owned(),
                test_call: None,
            }],
        }
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_allowed_markdown_compiles_to_typed_blocks() {
    let dir = tree(&[(
        "basics/en/lesson.md",
        r#"## First

Some **bold [@un-report]** text. *It*
wraps [@un-report]

- one [@un-report]
- *two*

1. first

2. second

### Sub

:::discuss
Talk.

- a
:::

## Second

After.
"#,
    )]);
    let compiled = diagnostics(&dir).unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    let cite = || Inline::Cite("un-report".to_owned());
    assert_eq!(
        compiled.curricula[0].lessons[0].sections,
        vec![
            Section {
                heading: vec![text("First")],
                blocks: vec![
                    paragraph(vec![
                        text("Some "),
                        Inline::Strong(vec![text("bold"), cite()]),
                        text(" text. "),
                        Inline::Emphasis(vec![text("It")]),
                        text(" wraps"),
                        cite(),
                    ]),
                    Block::List {
                        ordered: false,
                        items: vec![vec![text("one"), cite()], vec![Inline::Emphasis(vec![text("two"),])]]
                    },
                    Block::List { ordered: true, items: vec![vec![text("first")], vec![text("second")]] },
                    Block::Subheading(vec![text("Sub")]),
                    Block::Callout {
                        kind: CalloutKind::Discuss,
                        blocks: vec![
                            paragraph(vec![text("Talk.")]),
                            Block::List { ordered: false, items: vec![vec![text("a"),]] }
                        ],
                    },
                ],
            },
            Section { heading: vec![text("Second")], blocks: vec![paragraph(vec![text("After.")])] },
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_language_folder_becomes_a_curriculum() {
    let dir = tree(&[
        ("basics/mn/lesson.toml", &MINIMAL[3].1.replace("Basics", "Үндэс")),
        ("basics/mn/lesson.md", MINIMAL[4].1),
        ("basics/mn/teacher-guide.md", MINIMAL[5].1),
    ]);
    let compiled = diagnostics(&dir).unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    let titles: Vec<(&str, &str)> = compiled
        .curricula
        .iter()
        .map(|curriculum| (curriculum.locale.as_str(), curriculum.lessons[0].title.as_str()))
        .collect();
    assert_eq!(titles, [("en", "Basics"), ("mn", "Үндэс")]);
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// Quiz structure (`<lesson>/lesson.toml`)

#[test]
fn unknown_question_type_is_reported_once() {
    check(
        &[(
            "basics/lesson.toml",
            r#"id = "basics"
version = 1
order = 1
age_min = 12
age_max = 18
duration_minutes = 30
objectives = ["define"]
sources = ["un-report"]

[[quiz]]
id = "pick-one"
type = "choice"
options = ["a", "b"]
correct = ["a"]

[[quiz]]
id = "myth"
type = "true-false"
answer = false
sources = ["un-report"]
"#,
        )],
        // Not followed by "unknown key `options`" and "`correct`": they depend on the type.
        &["basics/lesson.toml:12: unknown question type `choice` (expected single, multiple or true-false)"],
    );
}

#[test]
fn quiz_item_id_must_be_a_safe_id() {
    check(
        &[(
            "basics/lesson.toml",
            r#"id = "basics"
version = 1
order = 1
age_min = 12
age_max = 18
duration_minutes = 30
objectives = ["define"]
sources = ["un-report"]

[[quiz]]
id = "Pick_One"
type = "single"
options = ["a", "b"]
correct = ["a"]

[[quiz]]
id = "myth"
type = "true-false"
answer = false
sources = ["un-report"]
"#,
        )],
        &["basics/lesson.toml:11: quiz item id `Pick_One` must be 1 to 48 lower-case letters, digits and inner `-`"],
    );
}

/// The minimal lesson.toml with the first quiz item's `type`, `options` and `correct` lines replaced.
fn with_first_item(kind_options_correct: &str) -> String {
    let minimal = MINIMAL[2].1;
    minimal.replace("type = \"single\"\noptions = [\"a\", \"b\"]\ncorrect = [\"a\"]\n", kind_options_correct)
}

#[test]
fn choice_items_need_the_right_number_of_correct_answers() {
    let cases: &[(&str, &[&str])] = &[
        (
            "type = \"single\"\noptions = [\"a\", \"b\"]\ncorrect = []\n",
            &["basics/lesson.toml:10: quiz item `pick-one` has no correct answer"],
        ),
        (
            "type = \"single\"\noptions = [\"a\", \"b\"]\ncorrect = [\"a\", \"b\"]\n",
            &["basics/lesson.toml:10: single-choice item `pick-one` has 2 correct answers; use type = \"multiple\""],
        ),
        (
            "type = \"multiple\"\noptions = [\"a\", \"b\"]\ncorrect = []\n",
            &["basics/lesson.toml:10: quiz item `pick-one` has no correct answer"],
        ),
        ("type = \"multiple\"\noptions = [\"a\", \"b\"]\ncorrect = [\"a\", \"b\"]\n", &[]),
        (
            "type = \"single\"\noptions = [\"a\", \"b\"]\ncorrect = [\"c\"]\n",
            &["basics/lesson.toml:14: correct answer `c` is not one of the options"],
        ),
        (
            "type = \"single\"\noptions = [\"a\"]\ncorrect = [\"a\"]\n",
            &["basics/lesson.toml:10: quiz item `pick-one` needs at least two options"],
        ),
        (
            "type = \"single\"\noptions = [\"a\", \"a\"]\ncorrect = [\"a\"]\n",
            &[
                "basics/lesson.toml:13: duplicate option id `a`",
                "basics/lesson.toml:10: quiz item `pick-one` needs at least two options",
            ],
        ),
    ];
    for (item, expected) in cases {
        check(&[("basics/lesson.toml", &with_first_item(item))], expected);
    }
}

#[test]
fn true_false_items_give_an_answer_instead_of_options() {
    check(
        &[(
            "basics/lesson.toml",
            r#"id = "basics"
version = 1
order = 1
age_min = 12
age_max = 18
duration_minutes = 30
objectives = ["define"]
sources = ["un-report"]

[[quiz]]
id = "pick-one"
type = "single"
options = ["a", "b"]
correct = ["a"]
sources = ["un-report"]

[[quiz]]
id = "myth"
type = "true-false"
options = ["true", "false"]
correct = ["false"]
sources = ["un-report"]
"#,
        )],
        &[
            "basics/lesson.toml:17: quiz item `myth` is missing `answer`",
            "basics/lesson.toml:21: unknown key `correct` in quiz item `myth`",
            "basics/lesson.toml:20: unknown key `options` in quiz item `myth`",
        ],
    );
}

#[test]
fn duplicate_quiz_item_id_is_reported_at_the_second_item() {
    check(
        &[(
            "basics/lesson.toml",
            r#"id = "basics"
version = 1
order = 1
age_min = 12
age_max = 18
duration_minutes = 30
objectives = ["define"]
sources = ["un-report"]

[[quiz]]
id = "pick-one"
type = "single"
options = ["a", "b"]
correct = ["a"]
sources = ["un-report"]

[[quiz]]
id = "pick-one"
type = "true-false"
answer = false
sources = ["un-report"]
"#,
        )],
        &["basics/lesson.toml:17: duplicate quiz item id `pick-one`"],
    );
}

#[test]
fn lesson_sources_must_be_in_sources_toml() {
    check(
        &[(
            "basics/lesson.toml",
            &MINIMAL[2].1.replace(r#"sources = ["un-report"]"#, r#"sources = ["un-report", "un-reprot"]"#),
        )],
        &[
            "basics/lesson.toml:8: unknown source `un-reprot` (not in sources.toml)",
            "basics/lesson.toml:15: unknown source `un-reprot` (not in sources.toml)",
            "basics/lesson.toml:21: unknown source `un-reprot` (not in sources.toml)",
        ],
    );
}

#[test]
fn a_quiz_item_may_only_cite_the_lessons_sources() {
    check(
        &[(
            "basics/lesson.toml",
            &MINIMAL[2].1.replace(
                "answer = false\nsources = [\"un-report\"]",
                "answer = false\nsources = [\"un-report\", \"ilo-guide\"]",
            ),
        )],
        &["basics/lesson.toml:17: quiz item `myth` cites `ilo-guide`, which is not in the lesson's `sources`"],
    );
}

#[test]
fn lesson_id_must_equal_its_folder_name() {
    check(
        &[("basics/lesson.toml", &MINIMAL[2].1.replace(r#"id = "basics""#, r#"id = "basic""#))],
        &["basics/lesson.toml:1: lesson id `basic` must equal its folder name `basics`"],
    );
}

#[test]
fn invalid_toml_is_reported_at_the_line_of_the_mistake() {
    check(
        &[(
            "basics/lesson.toml",
            r#"id = "basics"
version = 1
order = = 1
"#,
        )],
        &["basics/lesson.toml:3: invalid TOML: extra `=`, expected nothing"],
    );
    check(
        &[(
            "basics/en/lesson.toml",
            r#"title = "Basics"
summary = "What it is.
key_points = ["One point."]
"#,
        )],
        &["basics/en/lesson.toml:2: invalid TOML: invalid basic string, expected `\"`"],
    );
}

#[test]
fn every_structure_problem_is_reported_in_one_pass() {
    check(
        &[(
            "basics/lesson.toml",
            r#"id = "basics"
version = 0
order = "one"
age_min = 15
age_max = 14
objectives = ["define", "define"]
sources = ["un-report"]
level = "easy"

[[quiz]]
id = "myth"
type = "true-false"
answer = "no"
sources = ["un-report"]
"#,
        )],
        // An item that has errors still counts as a quiz: no "the lesson has no quiz".
        &[
            "basics/lesson.toml:2: `version` in lesson.toml must be a whole number from 1 to 99999",
            "basics/lesson.toml:3: `order` in lesson.toml must be a whole number from 1 to 999",
            "basics/lesson.toml:1: `age_min` is greater than `age_max`",
            "basics/lesson.toml:1: lesson.toml is missing `duration_minutes`",
            "basics/lesson.toml:6: duplicate objective id `define`",
            "basics/lesson.toml:13: `answer` in quiz item `myth` must be true or false",
            "basics/lesson.toml:8: unknown key `level` in lesson.toml",
        ],
    );
}

#[test]
fn a_lesson_needs_a_quiz_and_a_language_folder() {
    check(
        &[
            (
                "basics/lesson.toml",
                r#"id = "basics"
version = 1
order = 1
age_min = 12
age_max = 18
duration_minutes = 30
objectives = ["define"]
sources = ["un-report"]
"#,
            ),
            ("basics/en/lesson.toml", ""),
            ("basics/en/lesson.md", ""),
            ("basics/en/teacher-guide.md", ""),
        ],
        &[
            "basics/lesson.toml:1: the lesson has no quiz: add `[[quiz]]` items",
            "basics/lesson.toml:1: the lesson has no language folder such as `en/`",
        ],
    );
}

const SECOND_EN_TOML: &str = r#"title = "Second"
summary = "More."
content_note = "A note."
key_points = ["Another point."]

[objectives]
define = "Define it again."

[quiz.myth]
prompt = "Another myth?"
true = { explanation = "Not quite." }
false = { explanation = "Right." }
"#;

const SECOND_EN_MD: &str = "## Only\n\nText.\n";

fn second_lesson_toml(order: u32) -> String {
    format!(
        r#"id = "second"
version = 1
order = {order}
age_min = 12
age_max = 18
duration_minutes = 30
objectives = ["define"]
sources = ["un-report"]

[[quiz]]
id = "myth"
type = "true-false"
answer = false
sources = ["un-report"]
"#
    )
}

#[test]
fn two_lessons_cannot_share_a_place_on_the_course_page() {
    check(
        &[
            ("second/lesson.toml", &second_lesson_toml(1)),
            ("second/en/lesson.toml", SECOND_EN_TOML),
            ("second/en/lesson.md", SECOND_EN_MD),
            ("second/en/teacher-guide.md", MINIMAL[5].1),
        ],
        &["second/lesson.toml:3: `order = 1` is already used by lesson `basics`"],
    );
    check(
        &[
            ("second/lesson.toml", &second_lesson_toml(2)),
            ("second/en/lesson.toml", SECOND_EN_TOML),
            ("second/en/lesson.md", SECOND_EN_MD),
            ("second/en/teacher-guide.md", MINIMAL[5].1),
        ],
        &[],
    );
}

#[test]
fn a_language_must_be_translated_for_every_lesson() {
    check(
        &[
            ("basics/mn/lesson.toml", MINIMAL[3].1),
            ("basics/mn/lesson.md", MINIMAL[4].1),
            ("basics/mn/teacher-guide.md", MINIMAL[5].1),
            ("basics/mn/teacher-guide.md", MINIMAL[5].1),
            ("second/lesson.toml", &second_lesson_toml(2)),
            ("second/en/lesson.toml", SECOND_EN_TOML),
            ("second/en/lesson.md", SECOND_EN_MD),
            ("second/en/teacher-guide.md", MINIMAL[5].1),
        ],
        &["second/lesson.toml:1: missing translation: no `mn` folder (other lessons have one)"],
    );
}

// ---------------------------------------------------------------------------------------------
// Translations (`<lesson>/<locale>/lesson.toml`)

#[test]
fn missing_translation_keys_are_reported() {
    check(
        &[(
            "basics/en/lesson.toml",
            r#"title = "Basics"
summary = "What it is."
content_note = "A note."
key_points = ["One point."]

[objectives]

[quiz.pick-one]
prompt = "Which?"
a = { text = "This" }
b = { text = "That", explanation = "Not quite." }

[quiz.myth]
prompt = "A myth?"
true = { explanation = "Not quite." }
"#,
        )],
        &[
            "basics/en/lesson.toml:6: missing translation key `objectives.define`",
            "basics/en/lesson.toml:10: `quiz.pick-one.a` is missing `explanation`",
            "basics/en/lesson.toml:13: missing translation key `quiz.myth.false`",
        ],
    );
}

#[test]
fn a_quiz_item_or_section_without_text_is_reported() {
    check(
        &[(
            "basics/en/lesson.toml",
            r#"title = "Basics"
key_points = []

[objectives]
define = "Define it."

[quiz.pick-one]
prompt = "Which?"
a = { text = "This", explanation = "Yes." }
b = { text = "", explanation = "Not quite." }
"#,
        )],
        &[
            "basics/en/lesson.toml:1: the `en` text is missing `summary`",
            "basics/en/lesson.toml:1: the `en` text is missing `content_note`",
            "basics/en/lesson.toml:1: missing translation key `key_points` (a list of texts)",
            "basics/en/lesson.toml:10: `text` in `quiz.pick-one.b` is empty",
            "basics/en/lesson.toml:1: missing translation key `quiz.myth`",
        ],
    );
}

#[test]
fn extra_translation_keys_are_reported_where_they_are_written() {
    check(
        &[(
            "basics/en/lesson.toml",
            r#"title = "Basics"
summary = "What it is."
content_note = "A note."
key_points = ["One point."]
author = "Ms Bold"

[objectives]
define = "Define it."
explain = "Explain it."

[quiz.pick-one]
prompt = "Which?"
a = { text = "This", explanation = "Yes.", hint = "Think." }
b = { text = "That", explanation = "Not quite." }
c = { text = "Other", explanation = "No." }

[quiz.myth]
prompt = "A myth?"
true = { explanation = "Not quite." }
false = { explanation = "Right." }

[quiz.old-item]
prompt = "Removed from lesson.toml?"
"#,
        )],
        &[
            "basics/en/lesson.toml:9: `objectives.explain` is not an objective in lesson.toml",
            "basics/en/lesson.toml:13: unknown key `hint` in `quiz.pick-one.a`",
            "basics/en/lesson.toml:15: unknown key `c` in `quiz.pick-one`",
            "basics/en/lesson.toml:22: `quiz.old-item` is not a quiz item in lesson.toml",
            "basics/en/lesson.toml:5: unknown key `author` in the `en` text",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Lesson bodies (`<lesson>/<locale>/lesson.md`)

fn check_body(markdown: &str, expected: &[&str]) {
    check(&[("basics/en/lesson.md", markdown)], expected);
}

#[test]
fn citations_must_name_a_source_of_the_lesson() {
    check_body(
        "## First\n\nA fact [@nope].\n",
        &["basics/en/lesson.md:3: unknown source reference `[@nope]` (not in sources.toml)"],
    );
    check_body(
        "## First\n\nA fact [@un-report]. Another [@ilo-guide].\n",
        &["basics/en/lesson.md:3: source `ilo-guide` is cited but not listed in lesson.toml `sources`"],
    );
    check_body(
        "## First\n\nA fact [@UN report].\n\nAnother [@un-report.\n",
        &[
            "basics/en/lesson.md:3: citation `[@UN report]` must name one source id (lower-case letters, digits and `-`)",
            "basics/en/lesson.md:5: citation `[@…` is missing its closing `]`",
        ],
    );
}

#[test]
fn callouts_must_be_known_closed_and_not_nested() {
    check_body(
        r#"## First

Text.

:::warning
Careful.
:::
"#,
        // Reported once: the `:::` on line 7 closes the unknown callout, not "no callout".
        &["basics/en/lesson.md:5: unknown callout `:::warning` (expected :::note, :::example, :::discuss or :::older)"],
    );
    check_body(
        r#"## First

Text.

:::note
Careful.

## Second

More.
"#,
        &["basics/en/lesson.md:5: callout is never closed with `:::`"],
    );
    check_body(
        r#"## First

:::note
Careful.
:::example
A story.
:::
:::

More.
"#,
        &["basics/en/lesson.md:5: callouts cannot be nested (the callout on line 3 is still open)"],
    );
    check_body(
        r#"## First

Text.
:::
"#,
        &["basics/en/lesson.md:4: `:::` closes no callout"],
    );
}

#[test]
fn markdown_outside_the_subset_is_an_error_with_its_line() {
    let not_allowed = |line: usize, what: &str| {
        format!("basics/en/lesson.md:{line}: {what} is not allowed in lessons (see lessons/README.md)")
    };
    let cases: &[(&str, &[String])] = &[
        ("## First\n\nSee [this page](https://example.org).\n", &[not_allowed(3, "a link")]),
        ("## First\n\nSee https://example.org <https://example.org>.\n", &[not_allowed(3, "a link")]),
        ("## First\n\n![A photo](photo.png)\n", &[not_allowed(3, "an image")]),
        ("## First\n\nSome <b>bold</b> text.\n", &[not_allowed(3, "HTML")]),
        ("## First\n\n<div>\nhello\n</div>\n\nText.\n", &[not_allowed(3, "HTML")]),
        ("## First\n\nUse `code`.\n", &[not_allowed(3, "code (`…`)")]),
        ("## First\n\nText.\n\n    indented code\n", &[not_allowed(5, "a code block")]),
        ("## First\n\n> A quote.\n", &[not_allowed(3, "a block quote (`>`)")]),
        ("## First\n\nText.\n\n---\n\nMore.\n", &[not_allowed(5, "a horizontal rule")]),
        ("## First\n\n- one\n  - inner\n- two\n", &[not_allowed(4, "a list inside a list")]),
        ("## First\n\n:::note\n### Inside\nText.\n:::\n", &[not_allowed(4, "a heading inside a callout")]),
        (
            "## First\n\n#### Deep\n\nText.\n",
            &["basics/en/lesson.md:3: `####` headings are not allowed: use `##` for a section or `###` inside one"
                .to_owned()],
        ),
        (
            "## First\n\nText.\n\n# Big\n\nMore.\n",
            &["basics/en/lesson.md:5: `#` headings are not allowed: use `##` for a section or `###` inside one"
                .to_owned()],
        ),
    ];
    for (markdown, expected) in cases {
        let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
        check_body(markdown, &expected);
    }
}

#[test]
fn the_body_must_start_with_a_section_and_no_section_may_be_empty() {
    check_body(
        "Welcome to the lesson.\n\n## First\n\nText.\n",
        &["basics/en/lesson.md:1: the lesson body must start with a `## Section heading`"],
    );
    check_body(
        "### Not a section\n\n## First\n\nText.\n",
        &["basics/en/lesson.md:1: the lesson body must start with a `## Section heading`"],
    );
    check_body(
        "# Title\n\n## First\n\nText.\n",
        &[
            "basics/en/lesson.md:1: `#` headings are not allowed: use `##` for a section or `###` inside one",
            "basics/en/lesson.md:1: the lesson body must start with a `## Section heading`",
        ],
    );
    check_body("\n", &["basics/en/lesson.md:1: the lesson body has no `## Section heading`"]);
    check_body("## First\n\n## Second\n\nText.\n", &["basics/en/lesson.md:1: section \"First\" has no text"]);
}

// ---------------------------------------------------------------------------------------------
// `sources.toml` and `help.toml`

#[test]
fn help_toml_problems_are_reported() {
    check(
        &[(
            "help.toml",
            r#"[[contact]]
id = "helpline"
number = "108"
listed_by = "un-reprot"
listed_on = "2024-13-01"
test_call = "none"

[[contact]]
id = "police"
number = "call 102"
listed_by = "un-report"
listed_on = "01/05/2024"
test_call = "yesterday"
hours = "24/7"
last_verified = "2024-05-01"
"#,
        )],
        &[
            "help.toml:4: unknown source `un-reprot` (not in sources.toml)",
            "help.toml:5: `listed_on` must be a date written YYYY-MM-DD",
            "help.toml:10: `number` may contain only digits, spaces and +",
            "help.toml:12: `listed_on` must be a date written YYYY-MM-DD",
            "help.toml:13: `test_call` must be the date of the last call that got through (YYYY-MM-DD), or \"none\"",
            "help.toml:14: unknown key `hours` in contact `police`",
            "help.toml:15: unknown key `last_verified` in contact `police`",
        ],
    );
    check(
        &[(
            "help.toml",
            r#"[[contact]]
id = "helpline"
number = "108"
listed_by = "un-report"
listed_on = "2024-05-01"
test_call = "none"

[[contact]]
id = "helpline"
number = "102"
listed_by = "un-report"
listed_on = "2024-05-01"
test_call = "2024-06-01"
"#,
        )],
        &["help.toml:9: duplicate contact id `helpline`"],
    );
    check(&[("help.toml", "# Numbers still to be checked.\n")], &["help.toml:1: help.toml lists no `[[contact]]`"]);
}

#[test]
fn sources_toml_problems_are_reported() {
    check(
        &[(
            "sources.toml",
            r#"[un-report]
title = "A report"
publisher = ""
year = 1850
url = "http://example.org/report"
author = "Someone"
confidence = "high"

[ilo-guide]
title = "A guide"
publisher = "ILO"
year = 2012
url = "https://example.org/guide"
confidence = "certain"
"#,
        )],
        // The lesson and the helpline then cite sources that do not exist.
        &[
            "sources.toml:3: `publisher` in source `un-report` is empty",
            "sources.toml:4: `year` in source `un-report` must be a whole number from 1900 to 2100",
            "sources.toml:5: source `url` must start with https://",
            "sources.toml:6: unknown key `author` in source `un-report`",
            "sources.toml:14: `confidence` must be \"high\" or \"medium\" (as content-facts.md rates the source), not `certain`",
            "help.toml:4: unknown source `ilo-guide` (not in sources.toml)",
            "help.toml:1: help.toml lists no `[[contact]]`",
            "basics/lesson.toml:8: unknown source `un-report` (not in sources.toml)",
            "basics/lesson.toml:15: unknown source `un-report` (not in sources.toml)",
            "basics/lesson.toml:21: unknown source `un-report` (not in sources.toml)",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// The real curriculum

/// The real course: lessons checked against the real assessment and the glossaries of `locales/`.
fn real_course() -> Compiled {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (lessons, assessment, locales) = (root.join("lessons"), root.join("assessment"), root.join("locales"));
    let course = Course { lessons: &lessons, assessment: Some(&assessment), locales: Some(&locales) };
    match compile_course(&course) {
        Ok(compiled) => compiled,
        Err(errors) => {
            let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("the course has {} problem(s):\n{}", errors.len(), errors.join("\n"))
        }
    }
}

#[test]
fn the_real_lessons_compile_without_diagnostics() {
    let compiled = real_course();
    assert!(!compiled.curricula.is_empty(), "lessons/ has no language");
    assert!(!compiled.help.contacts.is_empty(), "lessons/help.toml has no contact");
    let mut problems = Vec::new();
    for curriculum in &compiled.curricula {
        for lesson in &curriculum.lessons {
            let name = format!("{}/{}", curriculum.locale, lesson.id);
            // What each band the lesson is for gets: a quiz of 8 to 12 items of two or more types
            // for ages 15–18, at least 6 of them for ages 12–14, and a scenario.
            for band in AgeBand::ALL {
                let Some(seen) = lesson.for_band(band) else { continue };
                let items = seen.quiz.len();
                let wanted = if band == AgeBand::Older { 8..=12 } else { 6..=12 };
                if !wanted.contains(&items) {
                    problems.push(format!("{name} ({band}): {items} quiz items, expected {wanted:?}"));
                }
                let kinds: BTreeSet<String> = seen.quiz.iter().map(|item| format!("{:?}", item.kind)).collect();
                if kinds.len() < 2 {
                    problems.push(format!("{name} ({band}): the quiz uses only {kinds:?}; mix the types"));
                }
                if seen.scenarios.is_empty() {
                    problems.push(format!("{name} ({band}): no scenario activity"));
                }
            }
            // A lesson for both bands gives 15–18-year-olds something more.
            if lesson.is_for(AgeBand::Younger) && !lesson.sections.iter().flat_map(|s| &s.blocks).any(Block::is_older) {
                problems.push(format!("{name}: no `:::older` part for ages 15–18"));
            }
            // The teacher guide's four sections (lessons/README.md), in English; other languages
            // must have the same number of sections. The first says what each band gets.
            let guide: Vec<String> = lesson.teacher_guide.iter().map(|s| Inline::plain_text(&s.heading)).collect();
            let expected_guide = [
                "Timing and preparation",
                "Running the activities",
                "If a student tells you something",
                "Going further with ages 15–18",
            ];
            if (curriculum.locale == "en" && guide != expected_guide) || guide.len() != expected_guide.len() {
                problems.push(format!("{name}: teacher guide sections are {guide:?}"));
            }
            let says_bands = lesson.teacher_guide.first().is_some_and(|section| {
                section.blocks.iter().any(|block| {
                    matches!(block, Block::Subheading(heading)
                        if Inline::plain_text(heading) == "Ages 12–14 and 15–18" || curriculum.locale != "en")
                })
            });
            if !says_bands {
                problems.push(format!("{name}: the teacher guide does not say what each age band gets"));
            }
            for item in &lesson.quiz {
                for option in &item.options {
                    if option.explanation.trim().is_empty() {
                        problems.push(format!("{name}: option `{}` of `{}` has no explanation", option.id, item.id));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every text that only ages 15–18 may read, in one lesson.
fn older_only_texts(lesson: &Lesson) -> Vec<String> {
    let mut texts: Vec<String> = lesson.older_key_points.clone();
    texts.extend(lesson.objectives.iter().filter(|o| o.older).map(|o| o.text.clone()));
    for block in lesson.sections.iter().flat_map(|s| &s.blocks).filter(|b| b.is_older()) {
        let Block::Callout { blocks, .. } = block else { continue };
        for inner in blocks {
            match inner {
                Block::Paragraph(inlines) | Block::Subheading(inlines) => texts.push(Inline::plain_text(inlines)),
                Block::List { items, .. } => texts.extend(items.iter().map(|item| Inline::plain_text(item))),
                _ => {}
            }
        }
    }
    for item in lesson.quiz.iter().filter(|item| item.older) {
        texts.push(item.prompt.clone());
        texts.extend(item.options.iter().flat_map(|o| [o.text.clone(), o.explanation.clone()]));
    }
    for scenario in &lesson.scenarios {
        for step in &scenario.steps {
            if step.older {
                texts.push(step.text.clone());
            }
            for choice in step.choices.iter().filter(|c| c.older || scenario.step(&c.next).is_some_and(|s| s.older)) {
                texts.extend([choice.text.clone(), choice.consequence.clone(), choice.why.clone()]);
            }
        }
    }
    texts.retain(|text| !text.trim().is_empty());
    texts
}

/// Every string a lesson holds, as the app would get it.
fn all_texts(lesson: &Lesson) -> String {
    serde_json::to_string(lesson).expect("a lesson serialises")
}

#[test]
fn ages_12_to_14_never_get_text_marked_for_ages_15_to_18() {
    let compiled = real_course();
    let mut checked = 0;
    for curriculum in &compiled.curricula {
        for lesson in &curriculum.lessons {
            let Some(younger) = lesson.for_band(AgeBand::Younger) else {
                assert!(lesson.age_min >= AgeBand::Older.min_age(), "{}: not shown to 12–14", lesson.id);
                continue;
            };
            let seen = all_texts(&younger);
            for text in older_only_texts(lesson) {
                let json = serde_json::to_string(&text).expect("a string serialises");
                assert!(
                    !seen.contains(json.trim_matches('"')),
                    "{}/{}: ages 12–14 get {text:?}",
                    curriculum.locale,
                    lesson.id
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "no text is marked for ages 15–18");
}

#[test]
fn lessons_for_ages_15_and_over_are_not_shown_to_ages_12_to_14() {
    let compiled = real_course();
    for curriculum in &compiled.curricula {
        let hidden: Vec<&str> = curriculum
            .lessons
            .iter()
            .filter(|lesson| lesson.for_band(AgeBand::Younger).is_none())
            .map(|lesson| lesson.id.as_str())
            .collect();
        assert_eq!(hidden, ["trafficking-in-mongolia", "staying-safe"], "{}", curriculum.locale);
        for lesson in &curriculum.lessons {
            assert_eq!(lesson.for_band(AgeBand::Older).as_ref().map(|l| &l.id), Some(&lesson.id));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Scenarios, placeholders, teacher guides, phone numbers and unused sources

/// The minimal lesson with one scenario: `start` → (`ask` → `safe`) | (`go` → `risk`).
fn with_scenario(structure: &str, text: &str, body_line: &str) -> Vec<(&'static str, String)> {
    let lesson = format!("{}\n{structure}", MINIMAL[2].1);
    let en = format!("{}\n{text}", MINIMAL[3].1);
    let body = format!("{}\n{body_line}\n", MINIMAL[4].1);
    vec![
        ("names.toml", NAMES.to_owned()),
        ("basics/lesson.toml", lesson),
        ("basics/en/lesson.toml", en),
        ("basics/en/lesson.md", body),
    ]
}

/// The pool of made-up names for the scenario tests.
const NAMES: &str = r#"[anu]
en = "Anu"
mn = "Ану"

[bat]
en = "Bat"
mn = "Бат"
"#;

const SCENARIO: &str = r#"[[scenario]]
id = "offer"
harmed_person = "anu"

[[scenario.step]]
id = "start"

[[scenario.step.choice]]
id = "ask"
next = "safe"

[[scenario.step.choice]]
id = "go"
next = "risk"

[[scenario.step]]
id = "safe"

[[scenario.step]]
id = "risk"
"#;

const SCENARIO_TEXT: &str = r#"[scenario.offer]
title = "Anu's offer"
intro = "This story is made up."

[scenario.offer.start]
text = "A message arrives."
ask = { text = "Ask questions", consequence = "They stop answering.", why = "Real employers answer." }
go = { text = "Go", consequence = "You travel.", why = "Nobody knows where you are." }

[scenario.offer.safe]
text = "You are safe."

[scenario.offer.risk]
text = "You are far from home."
"#;

fn check_owned(files: &[(&'static str, String)], expected: &[&str]) {
    let changes: Vec<(&str, &str)> = files.iter().map(|(path, text)| (*path, text.as_str())).collect();
    check(&changes, expected);
}

#[test]
fn a_scenario_compiles_with_its_steps_in_order_and_every_path() {
    let files = with_scenario(SCENARIO, SCENARIO_TEXT, "{{scenario offer}}\n\n{{help-contacts}}");
    let changes: Vec<(&str, &str)> = files.iter().map(|(path, text)| (*path, text.as_str())).collect();
    let dir = tree(&changes);
    let compiled = diagnostics(&dir).unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    let lesson = &compiled.curricula[0].lessons[0];
    let scenario = lesson.scenario("offer").expect("scenario compiled");
    let steps: Vec<&str> = scenario.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(steps, ["start", "safe", "risk"]);
    assert_eq!(scenario.steps[0].choices[1].consequence, "You travel.");
    assert_eq!(scenario.paths(), vec![vec!["ask".to_owned()], vec!["go".to_owned()]]);
    let blocks = &lesson.sections[0].blocks;
    assert_eq!(blocks[blocks.len() - 2], Block::Scenario("offer".to_owned()));
    assert_eq!(blocks[blocks.len() - 1], Block::HelpContacts);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn scenario_paths_must_lead_somewhere_and_end() {
    let unknown_next = SCENARIO.replace("next = \"risk\"", "next = \"rsik\"");
    check_owned(
        &with_scenario(&unknown_next, SCENARIO_TEXT, "{{scenario offer}}"),
        &["basics/lesson.toml:23: scenario `offer`: choice `go` of step `start` leads to unknown step `rsik`"],
    );
    let looping = format!(
        "{}\n[[scenario.step.choice]]\nid = \"back\"\nnext = \"start\"\n\n[[scenario.step.choice]]\nid = \"stay\"\nnext = \"risk\"\n",
        SCENARIO.replace("[[scenario.step]]\nid = \"risk\"\n", "")
    )
    .replace("id = \"safe\"\n", "id = \"safe\"\n")
    + "\n[[scenario.step]]\nid = \"risk\"\n";
    let diagnostics = with_scenario(&looping, SCENARIO_TEXT, "{{scenario offer}}");
    let changes: Vec<(&str, &str)> = diagnostics.iter().map(|(path, text)| (*path, text.as_str())).collect();
    let errors = self::diagnostics(&tree(&changes)).expect_err("a loop is an error");
    assert!(errors.iter().any(|e| e.contains("scenario `offer` loops: start → safe → start")), "{errors:?}");

    let unreachable = format!("{SCENARIO}\n[[scenario.step]]\nid = \"lost\"\n");
    check_owned(
        &with_scenario(&unreachable, SCENARIO_TEXT, "{{scenario offer}}"),
        &["basics/lesson.toml:23: scenario `offer`: step `lost` cannot be reached from the first step"],
    );
}

#[test]
fn scenario_text_must_cover_every_step_and_choice() {
    let text = SCENARIO_TEXT
        .replace("go = { text = \"Go\", consequence = \"You travel.\", why = \"Nobody knows where you are.\" }\n", "")
        .replace("[scenario.offer.safe]\ntext = \"You are safe.\"\n", "");
    check_owned(
        &with_scenario(SCENARIO, &text, "{{scenario offer}}"),
        &[
            "basics/en/lesson.toml:23: missing translation key `scenario.offer.start.go`",
            "basics/en/lesson.toml:19: missing translation key `scenario.offer.safe`",
        ],
    );
}

#[test]
fn a_scenario_must_be_placed_once_and_placeholders_must_be_known() {
    check_owned(
        &with_scenario(SCENARIO, SCENARIO_TEXT, ""),
        &[
            "basics/en/lesson.md:1: scenario `offer` is never played: add a line {{scenario offer}} where the class plays it",
        ],
    );
    check_owned(
        &with_scenario(SCENARIO, SCENARIO_TEXT, "{{scenario offer}}\n\n{{scenario other}}\n\n{{quiz}}"),
        &[
            "basics/en/lesson.md:13: unknown placeholder `{{quiz}}` (expected {{scenario <id>}} or {{help-contacts}})",
            "basics/en/lesson.md:11: unknown scenario `other` (not in lesson.toml)",
        ],
    );
}

#[test]
fn phone_numbers_are_allowed_only_in_help_toml() {
    check(
        &[
            ("basics/en/lesson.md", "## First\n\nCall 108 any time [@un-report].\n"),
            ("basics/en/teacher-guide.md", "## Timing and preparation\n\nOr ring +976 7011 1234.\n"),
        ],
        &[
            "basics/en/lesson.md:3: `108` looks like a phone number: numbers belong only in help.toml (write {{help-contacts}} or \"the Get help page\")",
            "basics/en/teacher-guide.md:3: `+976 7011 1234` looks like a phone number: numbers belong only in help.toml (write {{help-contacts}} or \"the Get help page\")",
        ],
    );
}

#[test]
fn every_language_needs_a_teacher_guide_without_scenarios() {
    check(
        &[("basics/en/teacher-guide.md", "")],
        &["basics/en/teacher-guide.md:1: cannot read file: No such file or directory (os error 2)"],
    );
}

#[test]
fn a_source_nobody_cites_is_reported() {
    let sources = format!(
        "{}\n[unused-report]\ntitle = \"Old\"\npublisher = \"Someone\"\nyear = 2001\nurl = \"https://example.org/old\"\nconfidence = \"high\"\n",
        MINIMAL[0].1
    );
    check(
        &[("sources.toml", &sources)],
        &["sources.toml:15: source `unused-report` is not used by any lesson or helpline"],
    );
}

mod deployment {
    use std::path::Path;

    use aware_core::content::compile::read_deployment;

    fn read(text: &str) -> Result<aware_core::deployment::Deployment, Vec<String>> {
        let dir = tempdir();
        let path = dir.join("deployment.toml");
        std::fs::write(&path, text).unwrap();
        read_deployment(&path).map_err(|errors| {
            errors.iter().map(|e| e.to_string().replace(&format!("{}/", dir.display()), "")).collect()
        })
    }

    fn tempdir() -> std::path::PathBuf {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "aware-deployment-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn the_shipped_deployment_reads() {
        let deployment = read_deployment(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../deployment.toml")).unwrap();
        assert!(deployment.exit_url.starts_with("https://"));
        assert!(deployment.min_group_size.get() >= 5);
    }

    #[test]
    fn embedding_sites_and_the_statement_endpoint_are_read() {
        let deployment = read(
            "exit_url = \"https://www.bbc.co.uk/weather\"\ndefault_locale = \"mn\"\nmin_group_size = 12\n\
             embed_origins = [\"https://campaign.example.org\"]\n\
             [xapi]\nstatements_url = \"https://lrs.example.org/xapi/statements\"\nversion = \"1.0.3\"\n\
             site_url = \"https://aware.example.org/\"\n",
        )
        .unwrap();
        assert_eq!(deployment.min_group_size.get(), 12);
        assert_eq!(deployment.embed_origins[0].as_str(), "https://campaign.example.org");
        let xapi = deployment.xapi.unwrap();
        assert_eq!(xapi.origin.as_str(), "https://lrs.example.org");
        assert_eq!(xapi.site.as_str(), "https://aware.example.org");
        assert_eq!(xapi.pass_mark, None, "no pass mark unless the campaign sets one");
    }

    #[test]
    fn a_campaign_may_set_a_pass_mark_from_1_to_100_percent() {
        let with = |mark: &str| {
            read(&format!(
                "exit_url = \"https://www.bbc.co.uk/weather\"\ndefault_locale = \"mn\"\nmin_group_size = 12\n\
                 [xapi]\nstatements_url = \"https://lrs.example.org/xapi/statements\"\nversion = \"1.0.3\"\n\
                 site_url = \"https://aware.example.org/\"\npass_mark = {mark}\n"
            ))
        };
        let xapi = with("80").unwrap().xapi.unwrap();
        assert_eq!(xapi.pass_mark.map(|mark| mark.percent()), Some(80));
        for wrong in ["0", "101", "0.8", "\"80%\""] {
            let errors = with(wrong).unwrap_err();
            assert_eq!(
                errors,
                ["deployment.toml:8: `pass_mark` in [xapi] must be a whole number from 1 to 100"],
                "{wrong}"
            );
        }
    }

    #[test]
    fn an_xapi_table_needs_the_site_url_that_names_activities() {
        let errors = read(
            "exit_url = \"https://www.bbc.co.uk/weather\"\ndefault_locale = \"mn\"\nmin_group_size = 12\n\
             [xapi]\nstatements_url = \"https://lrs.example.org/xapi/statements\"\nversion = \"1.0.3\"\n\
             site_url = \"https://aware.example.org/?x\"\n",
        )
        .unwrap_err();
        assert_eq!(
            errors,
            [
                "deployment.toml:7: [xapi] `site_url` must have a path of lower-case letters, digits, `-`, `.`, `_`, `~` and `/` only"
            ]
        );
    }

    #[test]
    fn bad_settings_are_reported_with_their_line() {
        let errors = read(
            "exit_url = \"http://example.org\"\ndefault_locale = \"mn\"\nmin_group_size = 3\n\
             embed_origins = [\"https://campaign.example.org/page\"]\ncolour = \"red\"\n",
        )
        .unwrap_err();
        assert_eq!(
            errors,
            [
                "deployment.toml:1: `exit_url` must start with https://",
                "deployment.toml:1: `min_group_size` must be at least 5 (so no student can be picked out)",
                "deployment.toml:4: embed origin `https://campaign.example.org/page` must be only scheme://host[:port], without a path, `*` or credentials",
                "deployment.toml:5: unknown key `colour` in deployment.toml",
            ]
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Only verified facts are scored (`confidence` in sources.toml)

#[test]
fn a_scored_item_must_rest_on_a_high_confidence_source() {
    // `ilo-guide` is rated medium in MINIMAL's sources.toml.
    let lesson =
        MINIMAL[2].1.replace(r#"sources = ["un-report"]"#, r#"sources = ["un-report", "ilo-guide"]"#).replacen(
            r#"correct = ["a"]
sources = ["un-report", "ilo-guide"]"#,
            r#"correct = ["a"]
sources = ["ilo-guide"]"#,
            1,
        );
    check(
        &[("basics/lesson.toml", &lesson), ("basics/en/lesson.md", "## First\n\nA fact [@un-report] [@ilo-guide].\n")],
        &[
            "basics/lesson.toml:10: item `pick-one` is scored but rests on medium-confidence source `ilo-guide`: test a skill that a high-confidence source supports, or move the fact into the lesson text with its hedge",
        ],
    );
    // One high-confidence source is enough, whatever else the item cites.
    let lesson = lesson.replacen(r#"sources = ["ilo-guide"]"#, r#"sources = ["ilo-guide", "un-report"]"#, 1);
    check(
        &[("basics/lesson.toml", &lesson), ("basics/en/lesson.md", "## First\n\nA fact [@un-report] [@ilo-guide].\n")],
        &[],
    );
}

#[test]
fn a_scored_item_that_cites_nothing_is_refused() {
    check(
        &[(
            "basics/lesson.toml",
            &MINIMAL[2].1.replacen("correct = [\"a\"]\nsources = [\"un-report\"]\n", "correct = [\"a\"]\n", 1),
        )],
        &[
            "basics/lesson.toml:10: item `pick-one` is scored but cites no source: cite the high-confidence source its answer rests on",
        ],
    );
}

#[test]
fn every_source_says_how_sure_the_research_brief_is() {
    let sources = MINIMAL[0].1.replace("confidence = \"medium\"\n", "");
    check(
        &[("sources.toml", &sources)],
        &[
            "sources.toml:8: source `ilo-guide` is missing `confidence`",
            "help.toml:4: unknown source `ilo-guide` (not in sources.toml)",
            "help.toml:1: help.toml lists no `[[contact]]`",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Phone numbers: only in help.toml, which keeps where a number is listed apart from a test call

#[test]
fn service_numbers_of_three_and_four_digits_are_found_outside_help_toml() {
    check(
        &[("basics/en/lesson.md", "## First\n\nThe old hotline 1903 [@un-report].\n\nOr 107, or 104.\n")],
        &[
            "basics/en/lesson.md:3: `1903` looks like a phone number: numbers belong only in help.toml (write {{help-contacts}} or \"the Get help page\")",
            "basics/en/lesson.md:5: `107` looks like a phone number: numbers belong only in help.toml (write {{help-contacts}} or \"the Get help page\")",
        ],
    );
}

#[test]
fn source_titles_and_publishers_may_not_hold_a_phone_number() {
    let sources = MINIMAL[0].1.replace("title = \"A guide\"", "title = \"Emergency numbers 101, 102, 103 and 105\"");
    check(
        &[("sources.toml", &sources)],
        &[
            "sources.toml:9: `101` looks like a phone number: numbers belong only in help.toml (write {{help-contacts}} or \"the Get help page\")",
        ],
    );
}

#[test]
fn a_test_call_is_recorded_apart_from_where_a_number_is_listed() {
    let help = MINIMAL[1].1.replace("test_call = \"none\"", "test_call = \"2024-06-02\"");
    let dir = tree(&[("help.toml", &help)]);
    let compiled = diagnostics(&dir).unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    let contact = &compiled.help.contacts[0];
    assert_eq!((contact.listed_by.id.as_str(), contact.listed_on.as_str()), ("ilo-guide", "2024-05-01"));
    assert_eq!(contact.test_call.as_deref(), Some("2024-06-02"));
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// Two age bands

/// A lesson for both bands with something older in every place that can be marked: an objective,
/// a key point, a section that is only a `:::older` part, an item, and a scenario step with the
/// choice that leads to it. MINIMAL's lesson and the scenario of SCENARIO, with these added.
fn banded_structure() -> String {
    let lesson = MINIMAL[2]
        .1
        .replace("objectives = [\"define\"]", "objectives = [\"define\", \"law\"]\nolder_objectives = [\"law\"]")
        .replace(
            "options = [\"a\", \"b\"]\ncorrect = [\"a\"]",
            "options = [\"a\", \"b\", \"c\"]\ncorrect = [\"b\"]\nlast = \"c\"",
        );
    let law = "[[quiz]]\nid = \"law\"\ntype = \"true-false\"\nanswer = true\nolder = true\nsources = [\"un-report\"]\n";
    let scenario = SCENARIO.replace(
        "next = \"risk\"\n",
        "next = \"risk\"\n\n[[scenario.step.choice]]\nid = \"visa\"\nnext = \"abroad\"\n",
    );
    format!("{lesson}\n{law}\n{scenario}\n[[scenario.step]]\nid = \"abroad\"\nolder = true\n")
}

fn banded_text() -> String {
    let text = MINIMAL[3]
        .1
        .replace("key_points = [\"One point.\"]", "key_points = [\"One point.\"]\nolder_key_points = [\"A point for ages 15-18.\"]")
        .replace("define = \"Define it.\"", "define = \"Define it.\"\nlaw = \"Know the law.\"")
        .replace(
            "a = { text = \"This\", explanation = \"Yes.\" }\nb = { text = \"That\", explanation = \"Not quite.\" }",
            "a = { text = \"This\", explanation = \"Not quite.\" }\nb = { text = \"That\", explanation = \"Yes.\" }\nc = { text = \"None of these\", explanation = \"Not quite.\" }",
        );
    let law = "[quiz.law]\nprompt = \"A law question?\"\ntrue = { explanation = \"Right.\" }\nfalse = { explanation = \"Not quite.\" }\n";
    let scenario = SCENARIO_TEXT.replace(
        "go = { text = \"Go\", consequence = \"You travel.\", why = \"Nobody knows where you are.\" }\n",
        "go = { text = \"Go\", consequence = \"You travel.\", why = \"Nobody knows where you are.\" }\nvisa = { text = \"Take the tourist visa\", consequence = \"You fly.\", why = \"A visa for tourists is not for work.\" }\n",
    );
    format!("{text}\n{law}\n{scenario}\n[scenario.offer.abroad]\ntext = \"You are in another country.\"\n")
}

const BANDED_BODY: &str = r#"## First

Some text [@un-report].

:::older
A part for ages 15-18.
:::

{{scenario offer}}

## Only for older

:::older
Everything here is for ages 15-18.
:::
"#;

fn banded(structure: &str, text: &str, body: &str) -> Vec<(&'static str, String)> {
    vec![
        ("names.toml", NAMES.to_owned()),
        ("basics/lesson.toml", structure.to_owned()),
        ("basics/en/lesson.toml", text.to_owned()),
        ("basics/en/lesson.md", body.to_owned()),
    ]
}

#[test]
fn ages_12_to_14_see_the_lesson_without_anything_marked_older() {
    let files = banded(&banded_structure(), &banded_text(), BANDED_BODY);
    let changes: Vec<(&str, &str)> = files.iter().map(|(path, text)| (*path, text.as_str())).collect();
    let dir = tree(&changes);
    let compiled = diagnostics(&dir).unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    let lesson = &compiled.curricula[0].lessons[0];
    assert!(lesson.quiz_item("pick-one").is_some_and(|item| item.options[2].last && !item.options[1].last));

    let younger = lesson.for_band(AgeBand::Younger).expect("the lesson is for ages 12 to 14");
    let ids = |items: &[QuizItem]| items.iter().map(|item| item.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&younger.quiz), ["pick-one", "myth"]);
    assert_eq!(younger.objectives.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["define"]);
    assert_eq!(younger.key_points, ["One point."]);
    assert!(younger.older_key_points.is_empty());
    // The older part goes; the section that held nothing else goes with it.
    assert_eq!(younger.sections.len(), 1);
    assert_eq!(
        younger.sections[0].blocks,
        [
            paragraph(vec![text("Some text"), Inline::Cite("un-report".to_owned()), text(".")]),
            Block::Scenario("offer".to_owned())
        ]
    );
    let scenario = younger.scenario("offer").expect("the scenario stays");
    assert_eq!(scenario.steps.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["start", "safe", "risk"]);
    assert_eq!(scenario.paths(), vec![vec!["ask".to_owned()], vec!["go".to_owned()]]);

    let older = lesson.for_band(AgeBand::Older).expect("the lesson is for ages 15 to 18");
    assert_eq!(ids(&older.quiz), ["pick-one", "myth", "law"]);
    assert_eq!(older.key_points, ["One point.", "A point for ages 15-18."]);
    assert_eq!(older.sections.len(), 2);
    assert_eq!(older.scenario("offer").map(|s| s.paths().len()), Some(3));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_lesson_for_ages_15_and_over_is_not_shown_to_ages_12_to_14() {
    let structure = MINIMAL[2].1.replace("age_min = 12", "age_min = 15");
    let dir =
        tree(&[("basics/lesson.toml", &structure), ("basics/en/lesson.md", "## First\n\nSome text [@un-report].\n")]);
    let compiled = diagnostics(&dir).unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    let lesson = &compiled.curricula[0].lessons[0];
    assert!(!lesson.is_for(AgeBand::Younger));
    assert_eq!(lesson.for_band(AgeBand::Younger), None);
    assert_eq!(lesson.for_band(AgeBand::Older).as_ref(), Some(lesson));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ages_are_where_age_bands_start_and_end() {
    check(
        &[(
            "basics/lesson.toml",
            &MINIMAL[2].1.replace("age_min = 12", "age_min = 13").replace("age_max = 18", "age_max = 16"),
        )],
        &[
            "basics/lesson.toml:4: `age_min` must be where an age band starts: 12 or 15",
            "basics/lesson.toml:5: `age_max` must be where an age band ends: 14 or 18",
        ],
    );
}

#[test]
fn a_lesson_for_ages_15_and_over_has_nothing_to_mark_older() {
    let structure = banded_structure().replace("age_min = 12", "age_min = 15");
    check_owned(
        &banded(&structure, &banded_text(), BANDED_BODY),
        &[
            "basics/lesson.toml:1: the lesson is for ages 15 and over (`age_min = 15`), so `older` marks nothing: remove the marks",
        ],
    );
    let structure = MINIMAL[2].1.replace("age_min = 12", "age_min = 15");
    let text = MINIMAL[3]
        .1
        .replace("key_points = [\"One point.\"]", "key_points = [\"One point.\"]\nolder_key_points = [\"More.\"]");
    check(
        &[
            ("basics/lesson.toml", &structure),
            ("basics/en/lesson.toml", &text),
            ("basics/en/lesson.md", "## First\n\nText [@un-report].\n\n:::older\nMore.\n:::\n"),
        ],
        &[
            "basics/en/lesson.toml:1: `older_key_points` marks nothing in a lesson for ages 15 and over: make them `key_points`",
            "basics/en/lesson.md:5: `:::older` marks nothing in a lesson for ages 15 and over: make it a `:::note` or plain text",
        ],
    );
}

#[test]
fn ages_12_to_14_keep_at_least_half_of_the_quiz_and_one_objective() {
    let structure = MINIMAL[2]
        .1
        .replace("objectives = [\"define\"]", "objectives = [\"define\"]\nolder_objectives = [\"define\", \"other\"]")
        .replace("answer = false", "answer = false\nolder = true")
        .replace("correct = [\"a\"]", "correct = [\"a\"]\nolder = true");
    check(
        &[("basics/lesson.toml", &structure)],
        &[
            "basics/lesson.toml:8: older objective `other` is not in `objectives`",
            "basics/lesson.toml:1: every objective is marked older: ages 12–14 need at least one",
            "basics/lesson.toml:1: only 0 of 2 quiz items are for ages 12–14: at least half must be, so that they still have a quiz",
        ],
    );
}

#[test]
fn the_story_that_ages_12_to_14_play_is_still_a_whole_story() {
    // Marking `risk` older leaves `start` with one choice, and one ending.
    let one_left = banded_structure().replace("id = \"risk\"\n", "id = \"risk\"\nolder = true\n");
    check_owned(
        &banded(&one_left, &banded_text(), BANDED_BODY),
        &[
            "basics/lesson.toml:32: scenario `offer`: step `start` has one choice left for ages 12–14: keep two or more choices for them, or mark the step `older = true`",
            "basics/lesson.toml:32: scenario `offer` needs at least two different endings for ages 12–14 (it has 1)",
        ],
    );
    let older_start = banded_structure().replace("id = \"start\"\n", "id = \"start\"\nolder = true\n");
    check_owned(
        &banded(&older_start, &banded_text(), BANDED_BODY),
        &[
            "basics/lesson.toml:32: scenario `offer` starts with a step for ages 15–18: its first step must be for ages 12–14 too",
        ],
    );
    // `abroad` leads on to `home`, which only an older step reaches.
    let reached_through_older = banded_structure().replace(
        "id = \"abroad\"\nolder = true\n",
        "id = \"abroad\"\nolder = true\n\n[[scenario.step.choice]]\nid = \"call\"\nnext = \"home\"\n\n[[scenario.step.choice]]\nid = \"wait\"\nnext = \"risk\"\n\n[[scenario.step]]\nid = \"home\"\n",
    );
    let text = format!(
        "{}call = {{ text = \"Call\", consequence = \"Help comes.\", why = \"It works.\" }}\nwait = {{ text = \"Wait\", consequence = \"Nothing.\", why = \"Ask.\" }}\n\n[scenario.offer.home]\ntext = \"Home.\"\n",
        banded_text()
    );
    check_owned(
        &banded(&reached_through_older, &text, BANDED_BODY),
        &[
            "basics/lesson.toml:32: scenario `offer`: step `home` can be reached only through choices for ages 15–18: mark it `older = true`",
        ],
    );
}

#[test]
fn a_quiz_item_for_ages_12_to_14_rests_on_what_they_read() {
    let body = "## First\n\nSome text.\n\n:::older\nA fact [@un-report].\n:::\n\n{{scenario offer}}\n";
    check_owned(
        &banded(&banded_structure(), &banded_text(), body),
        &[
            "basics/lesson.toml:11: quiz item `pick-one` is for ages 12–14 too, but the `en` lesson cites its sources (un-report) only in parts for ages 15–18: cite the fact where younger students read it, or mark the item `older = true`",
            "basics/lesson.toml:19: quiz item `myth` is for ages 12–14 too, but the `en` lesson cites its sources (un-report) only in parts for ages 15–18: cite the fact where younger students read it, or mark the item `older = true`",
        ],
    );
}

#[test]
fn every_language_gives_each_band_the_same_lesson() {
    let mut files = banded(&banded_structure(), &banded_text(), BANDED_BODY);
    // The Mongolian text has the older part in the wrong section, and one key point too many.
    let mn_body = BANDED_BODY.replace(":::older\nA part for ages 15-18.\n:::\n", "A part for everyone.\n\n\n");
    let mn_body = mn_body.replace(
        "Everything here is for ages 15-18.\n",
        "Everything here is for ages 15-18.\n:::\n\n:::older\nMore.\n",
    );
    let mn_text = banded_text()
        .replace("Anu's", "Ану")
        .replace("key_points = [\"One point.\"]", "key_points = [\"One point.\", \"Two.\"]");
    files.push(("basics/mn/lesson.toml", mn_text));
    files.push(("basics/mn/lesson.md", mn_body));
    files.push(("basics/mn/teacher-guide.md", MINIMAL[5].1.to_owned()));
    check_owned(
        &files,
        &[
            "basics/mn/lesson.md:1: its `:::older` parts per section are [0, 2], but the `en` version has [1, 1]: both bands must get the same lesson in every language",
            "basics/mn/lesson.toml:1: has 2 `key_points`, but the `en` version has 1",
            "basics/mn/lesson.md:1: has 19 lines, but the `en` version has 15: translate line by line, so that reviewers and the glossary check can compare them",
        ],
    );
}

#[test]
fn only_the_last_option_can_stay_last() {
    let structure = banded_structure().replace("last = \"c\"", "last = \"a\"");
    check_owned(
        &banded(&structure, &banded_text(), BANDED_BODY),
        &[
            "basics/lesson.toml:16: `last = \"a\"` must name the last of `options`: the option that stays last when options are shuffled",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Answers that cannot be guessed

/// A second lesson with three single-choice items whose key is always option a, and the longest.
fn biased_lesson() -> Vec<(&'static str, String)> {
    let mut structure = second_lesson_toml(2);
    let mut text = SECOND_EN_TOML.to_owned();
    for n in 1..=3 {
        structure.push_str(&format!(
            "\n[[quiz]]\nid = \"q{n}\"\ntype = \"single\"\noptions = [\"a\", \"b\", \"c\"]\ncorrect = [\"a\"]\nsources = [\"un-report\"]\n"
        ));
        text.push_str(&format!(
            "\n[quiz.q{n}]\nprompt = \"Question {n}?\"\na = {{ text = \"The long right answer\", explanation = \"Yes.\" }}\nb = {{ text = \"No\", explanation = \"No.\" }}\nc = {{ text = \"Nope\", explanation = \"No.\" }}\n"
        ));
    }
    vec![
        ("second/lesson.toml", structure),
        ("second/en/lesson.toml", text),
        ("second/en/lesson.md", SECOND_EN_MD.to_owned()),
        ("second/en/teacher-guide.md", MINIMAL[5].1.to_owned()),
    ]
}

#[test]
fn keys_in_the_same_place_or_the_longest_are_warned_about_with_counts() {
    let files = biased_lesson();
    let changes: Vec<(&str, &str)> = files.iter().map(|(path, text)| (*path, text.as_str())).collect();
    let dir = tree(&changes);
    let compiled = diagnostics(&dir).unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    let warnings: Vec<String> = compiled
        .warnings
        .iter()
        .map(|w| format!("{}:{}: {}", w.path.strip_prefix(&dir).unwrap_or(&w.path).display(), w.line, w.message))
        .collect();
    assert_eq!(
        warnings,
        [
            "second/lesson.toml:1: warning: 3 of 3 single-choice items have the key a: vary where the right answer is",
            "second/lesson.toml:1: warning: the last option is never right in the 3 single-choice items",
            "second/lesson.toml:1: warning: the key is the longest option in 3 of 3 single-choice items (`en`): make the wrong options as full as the right one",
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_prompt_may_not_repeat_another_lessons_word_for_word() {
    let text = SECOND_EN_TOML.replace("prompt = \"Another myth?\"", "prompt = \"a  MYTH!\"");
    check(
        &[
            ("second/lesson.toml", &second_lesson_toml(2)),
            ("second/en/lesson.toml", &text),
            ("second/en/lesson.md", SECOND_EN_MD),
            ("second/en/teacher-guide.md", MINIMAL[5].1),
        ],
        &[
            "second/en/lesson.toml:10: the prompt of quiz item `myth` repeats quiz item `myth` of lesson `basics` word for word: ask it another way",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// The whole course: the assessment's prompts and the glossaries of locales/

/// A course folder: `lessons/` (MINIMAL with `changes` under `lessons/`), and any `assessment/` and
/// `locales/` files given. Returns the diagnostics as `path:line: message` relative to the course.
fn course(files: &[(&str, &str)]) -> Vec<String> {
    let mut all: Vec<(String, String)> =
        MINIMAL.iter().map(|(p, t)| (format!("lessons/{p}"), (*t).to_owned())).collect();
    for (path, text) in files {
        all.retain(|(existing, _)| existing != path);
        all.push(((*path).to_owned(), (*text).to_owned()));
    }
    let refs: Vec<(&str, &str)> = all.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    // `tree` writes MINIMAL too; those extra files at the top level are not part of the course.
    let root = tree(&refs);
    let (lessons, assessment, locales) = (root.join("lessons"), root.join("assessment"), root.join("locales"));
    let course = Course {
        lessons: &lessons,
        assessment: assessment.exists().then_some(assessment.as_path()),
        locales: locales.exists().then_some(locales.as_path()),
    };
    let result = match compile_course(&course) {
        Ok(_) => Vec::new(),
        // Messages name the glossary by its path: shown from the course folder, as authors see it.
        Err(errors) => errors
            .iter()
            .map(|e| {
                let message = e.message.replace(&format!("{}/", root.display()), "");
                format!("{}:{}: {message}", e.path.strip_prefix(&root).unwrap_or(&e.path).display(), e.line)
            })
            .collect(),
    };
    let _ = std::fs::remove_dir_all(&root);
    result
}

#[test]
fn a_quiz_prompt_may_not_repeat_an_assessment_item() {
    let assessment = "[knowledge.which-a]\nprompt = \"Which?\"\n\n[knowledge.other-b]\nprompt = \"Something else?\"\n";
    assert_eq!(
        course(&[("assessment/en/assessment.toml", assessment)]),
        [
            "lessons/basics/en/lesson.toml:10: the prompt of quiz item `pick-one` repeats assessment item `which-a` word for word: ask it another way, so that the post-test measures learning, not practice"
        ]
    );
}

const GLOSSARY: &str = r#"[[term]]
english = "harbouring"
mongolian = "орогнуулах"
stem = "орогнуул"
avoid = ["хоргох"]

[[term]]
english = "you (speaking to a student)"
mongolian = "чи"
avoid_words = ["та"]
required = false
readers = "students"
"#;

/// The Mongolian of MINIMAL's lesson, with `body` as its lesson.md and `guide` as its teacher guide.
fn mongolian(body: &str, guide: &str) -> Vec<(&'static str, String)> {
    vec![
        ("locales/mn/glossary.toml", GLOSSARY.to_owned()),
        ("locales/en/app.ftl", "help-title = Get help\nquiz-check = Check your answer\n".to_owned()),
        ("locales/mn/app.ftl", "help-title = Тусламж авах\nquiz-check = Та хариултаа шалга\n".to_owned()),
        ("lessons/basics/mn/lesson.toml", MINIMAL[3].1.replace("Basics", "Үндэс")),
        ("lessons/basics/mn/lesson.md", body.to_owned()),
        ("lessons/basics/mn/teacher-guide.md", guide.to_owned()),
    ]
}

fn course_owned(files: &[(&'static str, String)]) -> Vec<String> {
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    course(&refs)
}

#[test]
fn the_glossary_refuses_variants_and_requires_the_approved_word_where_the_english_has_the_term() {
    let mut files = mongolian(
        "## Нэгдүгээр\n\nЗарим *хоргох* үйлдэл [@un-report].\n\n:::note\nТэмдэглэл.\n:::\n",
        "## Бэлтгэл\n\nТа арван минут зарцуулна.\n",
    );
    files.push((
        "lessons/basics/en/lesson.md",
        "## First\n\nSome **harbouring** text [@un-report].\n\n:::note\nA note.\n:::\n".to_owned(),
    ));
    assert_eq!(
        course_owned(&files),
        [
            "lessons/basics/mn/lesson.md:3: «хоргох» is not how this course writes \"harbouring\": write «орогнуулах» (locales/mn/glossary.toml)",
            "lessons/basics/mn/lesson.md:3: the English says \"harbouring\" here, but this text does not use «орогнуулах» (locales/mn/glossary.toml)",
        ]
    );
}

#[test]
fn students_are_addressed_as_chi_in_what_they_read_but_teachers_as_ta() {
    let mut files = mongolian(
        "## Нэгдүгээр\n\nТа үүнийг уншина [@un-report].\n\n:::note\nТэмдэглэл.\n:::\n",
        "## Бэлтгэл\n\nТа арван минут зарцуулна.\n",
    );
    files.push((
        "lessons/basics/mn/lesson.toml",
        MINIMAL[3].1.replace("prompt = \"Which?\"", "prompt = \"Таны хариулт аль вэ?\""),
    ));
    assert_eq!(
        course_owned(&files),
        [
            "lessons/basics/mn/lesson.md:3: «та» is not how this course writes \"you (speaking to a student)\": write «чи» (locales/mn/glossary.toml)"
        ]
    );
}

#[test]
fn the_glossary_holds_the_interface_strings_and_the_assessment_too() {
    let glossary = format!(
        "{GLOSSARY}\n[[term]]\nenglish = \"exact test\"\nmongolian = \"нарийвчилсан тест\"\navoid = [\"exact\"]\nrequired = false\n"
    );
    let mut files = mongolian("## Нэгдүгээр\n\nТекст [@un-report].\n\n:::note\nТэмдэглэл.\n:::\n", MINIMAL[5].1);
    files.retain(|(path, _)| *path != "locales/mn/glossary.toml" && *path != "locales/mn/app.ftl");
    files.push(("locales/mn/glossary.toml", glossary));
    files.push((
        "locales/mn/app.ftl",
        "help-title = Тусламж авах\nquiz-check =\n    Хариултаа шалга (exact тест)\n".to_owned(),
    ));
    files.push((
        "assessment/en/assessment.toml",
        "[knowledge.hide-a]\nprompt = \"Harbouring means hiding a person.\"\n".to_owned(),
    ));
    files.push((
        "assessment/mn/assessment.toml",
        "[knowledge.hide-a]\nprompt = \"Хүнийг нуухыг хоргох гэнэ.\"\n".to_owned(),
    ));
    assert_eq!(
        course_owned(&files),
        [
            "assessment/mn/assessment.toml:2: «хоргох» is not how this course writes \"harbouring\": write «орогнуулах» (locales/mn/glossary.toml)",
            "assessment/mn/assessment.toml:2: the English says \"harbouring\" here, but this text does not use «орогнуулах» (locales/mn/glossary.toml)",
            "locales/mn/app.ftl:3: «exact» is not how this course writes \"exact test\": write «нарийвчилсан тест» (locales/mn/glossary.toml)",
        ]
    );
}

#[test]
fn retired_assessment_texts_are_kept_as_students_saw_them_by_the_glossary_and_the_prompt_check() {
    // A retired version that said «байрлуулах» for harbouring and asked what the lesson's quiz asks:
    // both are history now, and its texts stay as students saw them.
    let languages = [
        (
            "assessment/en/assessment.toml",
            "assessment/en/retired.toml",
            "Which?",
            "Harbouring a person.",
            "Something else?",
        ),
        (
            "assessment/mn/assessment.toml",
            "assessment/mn/retired.toml",
            "Аль нь вэ?",
            "Хүнийг байрлуулах.",
            "Өөр зүйл үү?",
        ),
    ];
    let course_with = |retired: bool| {
        let mut files = mongolian("## Нэгдүгээр\n\nТекст [@un-report].\n\n:::note\nТэмдэглэл.\n:::\n", MINIMAL[5].1);
        files.push((
            "lessons/basics/mn/lesson.toml",
            MINIMAL[3].1.replace("Basics", "Үндэс").replace("Which?", "Аль нь вэ?"),
        ));
        for (current_path, retired_path, prompt, option, asked_now) in languages {
            let old = |key: &str| format!("[knowledge.{key}]\nprompt = \"{prompt}\"\na = \"{option}\"\n");
            let current = format!("[knowledge.other-a]\nprompt = \"{asked_now}\"\n");
            if retired {
                files.push((current_path, current));
                files.push((retired_path, old("hide-a.v1")));
            } else {
                files.push((current_path, format!("{}\n{current}", old("hide-a"))));
            }
        }
        course_owned(&files)
    };
    assert_eq!(course_with(true), Vec::<String>::new());
    // The same texts asked now are refused, so the course above is clean because it is retired.
    assert_eq!(
        course_with(false),
        [
            "lessons/basics/en/lesson.toml:10: the prompt of quiz item `pick-one` repeats assessment item `hide-a` word for word: ask it another way, so that the post-test measures learning, not practice",
            "lessons/basics/mn/lesson.toml:10: the prompt of quiz item `pick-one` repeats assessment item `hide-a` word for word: ask it another way, so that the post-test measures learning, not practice",
            "assessment/mn/assessment.toml:3: the English says \"harbouring\" here, but this text does not use «орогнуулах» (locales/mn/glossary.toml)",
        ]
    );
}

#[test]
fn ordinal_suffixes_after_numbers_follow_mongolian_vowel_harmony() {
    let files = mongolian(
        "## Нэгдүгээр\n\nТекст [@un-report].\n\n:::note\nТэмдэглэл.\n:::\n",
        "## Бэлтгэл\n\n38–40 дахь минут: асуулт.\n",
    );
    assert_eq!(
        course_owned(&files),
        [
            "lessons/basics/mn/teacher-guide.md:3: «40 дахь»: the suffix follows the last number's vowels: write «40 дэх»"
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Names: a pool of made-up names, none harmed twice

#[test]
fn a_harmed_person_comes_from_the_pool_and_is_named_in_every_language() {
    let structure = SCENARIO.replace("harmed_person = \"anu\"", "harmed_person = \"dulmaa\"");
    check_owned(
        &with_scenario(&structure, SCENARIO_TEXT, "{{scenario offer}}"),
        &[
            "basics/lesson.toml:25: `dulmaa` is not a name in lessons/names.toml: people in stories take their names from its pool",
        ],
    );
    let structure = SCENARIO.replace("harmed_person = \"anu\"", "harmed_person = \"bat\"");
    check_owned(
        &with_scenario(&structure, SCENARIO_TEXT, "{{scenario offer}}"),
        &[
            "basics/en/lesson.toml:19: scenario `offer` harms `bat` (`harmed_person`), but its `en` text never names Bat",
        ],
    );
}

#[test]
fn no_name_plays_the_harmed_person_twice_in_the_course() {
    let mut files = with_scenario(SCENARIO, SCENARIO_TEXT, "{{scenario offer}}");
    files.push((
        "second/lesson.toml",
        second_lesson_toml(2)
            .replace("sources = [\"un-report\"]\n\n", "sources = [\"un-report\"]\nharmed_in_stories = [\"anu\"]\n\n"),
    ));
    files.push(("second/en/lesson.toml", SECOND_EN_TOML.to_owned()));
    files.push(("second/en/lesson.md", "## Only\n\nAnu is 20. Text.\n".to_owned()));
    files.push(("second/en/teacher-guide.md", MINIMAL[5].1.to_owned()));
    check_owned(
        &files,
        &[
            "second/lesson.toml:9: `anu` is already the person harmed in scenario `offer` of lesson `basics`: choose another name from lessons/names.toml, so that no name is harmed twice in the course",
        ],
    );
}

#[test]
fn a_name_harmed_in_a_story_must_appear_in_it() {
    let mut files = with_scenario(SCENARIO, SCENARIO_TEXT, "{{scenario offer}}");
    files[1].1 = files[1].1.replace(
        "sources = [\"un-report\"]\n\n[[quiz]]\nid = \"pick-one\"",
        "sources = [\"un-report\"]\nharmed_in_stories = [\"bat\"]\n\n[[quiz]]\nid = \"pick-one\"",
    );
    check_owned(
        &files,
        &[
            "basics/en/lesson.md:1: `bat` is harmed in a story of this lesson (`harmed_in_stories`), but the `en` text never names Bat",
        ],
    );
}

#[test]
fn the_assessment_names_no_phone_number_either() {
    let dir = tree(&[
        ("assessment/assessment.toml", "version = 1\n"),
        (
            "assessment/en/assessment.toml",
            "likert_labels = [\"1\", \"2\", \"3\", \"4\", \"5\"]\ndeclined = \"No answer\"\ntrue = \"True\"\nfalse = \"False\"\n\n[knowledge]\n\n[likert]\n\n[scale]\n# The Child Helpline (108), even in a comment.\n",
        ),
    ]);
    let errors = aware_core::content::compile::compile_assessment(&dir.join("assessment"), &dir)
        .expect_err("the assessment has problems");
    let numbers: Vec<String> = errors
        .iter()
        .filter(|e| e.message.contains("looks like a phone number"))
        .map(|e| format!("{}:{}: {}", e.path.strip_prefix(&dir).unwrap_or(&e.path).display(), e.line, e.message))
        .collect();
    assert_eq!(
        numbers,
        [
            "assessment/en/assessment.toml:11: `108` looks like a phone number: numbers belong only in help.toml (write {{help-contacts}} or \"the Get help page\")"
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}
