//! The content compiler against small lesson trees written to a temp folder, and against the real
//! `lessons/` folder. Diagnostics are compared exactly, as an author sees them: `path:line: message`.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use aware_core::content::compile::{Compiled, compile};
use aware_core::content::{
    Block, CalloutKind, Curriculum, HelpContact, HelpDirectory, Inline, Lesson, Objective, QuizItem, QuizKind,
    QuizOption, Section, Source,
};

/// The smallest valid tree: two sources, one helpline, one lesson in English with a single-choice
/// and a true/false item, a citation and a callout. Tests replace or add files.
const MINIMAL: &[(&str, &str)] = &[
    (
        "sources.toml",
        r#"[un-report]
title = "A report"
publisher = "United Nations"
year = 2020
url = "https://example.org/report"

[ilo-guide]
title = "A guide"
publisher = "ILO"
year = 2012
url = "https://example.org/guide"
"#,
    ),
    (
        "help.toml",
        r#"[[contact]]
id = "helpline"
number = "+976 108"
source = "ilo-guide"
last_verified = "2024-05-01"
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
    QuizOption { id: id.to_owned(), text: text.to_owned(), explanation: explanation.to_owned(), correct }
}

fn un_report() -> Source {
    Source {
        id: "un-report".to_owned(),
        title: "A report".to_owned(),
        publisher: "United Nations".to_owned(),
        year: 2020,
        url: "https://example.org/report".to_owned(),
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
        objectives: vec![Objective { id: "define".to_owned(), text: "Define it.".to_owned() }],
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
        quiz: vec![
            QuizItem {
                id: "pick-one".to_owned(),
                kind: QuizKind::Single,
                prompt: "Which?".to_owned(),
                options: vec![option("a", "This", "Yes.", true), option("b", "That", "Not quite.", false)],
                sources: vec![],
            },
            QuizItem {
                id: "myth".to_owned(),
                kind: QuizKind::TrueFalse,
                prompt: "A myth?".to_owned(),
                // `answer = false`: "false" is the right option; the words come from the app.
                options: vec![option("true", "", "Not quite.", false), option("false", "", "Right.", true)],
                sources: vec!["un-report".to_owned()],
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
                source: Source {
                    id: "ilo-guide".to_owned(),
                    title: "A guide".to_owned(),
                    publisher: "ILO".to_owned(),
                    year: 2012,
                    url: "https://example.org/guide".to_owned(),
                },
                last_verified: "2024-05-01".to_owned(),
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

[[quiz]]
id = "myth"
type = "true-false"
options = ["true", "false"]
correct = ["false"]
"#,
        )],
        &[
            "basics/lesson.toml:16: quiz item `myth` is missing `answer`",
            "basics/lesson.toml:20: unknown key `correct` in quiz item `myth`",
            "basics/lesson.toml:19: unknown key `options` in quiz item `myth`",
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

[[quiz]]
id = "pick-one"
type = "true-false"
answer = false
"#,
        )],
        &["basics/lesson.toml:16: duplicate quiz item id `pick-one`"],
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
            "basics/lesson.toml:20: unknown source `un-reprot` (not in sources.toml)",
        ],
    );
}

#[test]
fn a_quiz_item_may_only_cite_the_lessons_sources() {
    check(
        &[(
            "basics/lesson.toml",
            &MINIMAL[2]
                .1
                .replace("answer = false\nsources = [\"un-report\"]", "answer = false\nsources = [\"ilo-guide\"]"),
        )],
        &["basics/lesson.toml:16: quiz item `myth` cites `ilo-guide`, which is not in the lesson's `sources`"],
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
age_min = 18
age_max = 12
objectives = ["define", "define"]
sources = ["un-report"]
level = "easy"

[[quiz]]
id = "myth"
type = "true-false"
answer = "no"
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
sources = []

[[quiz]]
id = "myth"
type = "true-false"
answer = false
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
source = "un-reprot"
last_verified = "2024-13-01"

[[contact]]
id = "police"
number = "call 102"
source = "un-report"
last_verified = "01/05/2024"
hours = "24/7"
"#,
        )],
        &[
            "help.toml:4: unknown source `un-reprot` (not in sources.toml)",
            "help.toml:5: `last_verified` must be a date written YYYY-MM-DD",
            "help.toml:9: `number` may contain only digits, spaces and +",
            "help.toml:11: `last_verified` must be a date written YYYY-MM-DD",
            "help.toml:12: unknown key `hours` in contact `police`",
        ],
    );
    check(
        &[(
            "help.toml",
            r#"[[contact]]
id = "helpline"
number = "108"
source = "un-report"
last_verified = "2024-05-01"

[[contact]]
id = "helpline"
number = "102"
source = "un-report"
last_verified = "2024-05-01"
"#,
        )],
        &["help.toml:8: duplicate contact id `helpline`"],
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

[ilo-guide]
title = "A guide"
publisher = "ILO"
year = 2012
url = "https://example.org/guide"
"#,
        )],
        // The lesson and the helpline then cite a source that does not exist.
        &[
            "sources.toml:3: `publisher` in source `un-report` is empty",
            "sources.toml:4: `year` in source `un-report` must be a whole number from 1900 to 2100",
            "sources.toml:5: source `url` must start with https://",
            "sources.toml:6: unknown key `author` in source `un-report`",
            "basics/lesson.toml:8: unknown source `un-report` (not in sources.toml)",
            "basics/lesson.toml:20: unknown source `un-report` (not in sources.toml)",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// The real curriculum

#[test]
fn the_real_lessons_compile_without_diagnostics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons");
    let compiled = match diagnostics(&dir) {
        Ok(compiled) => compiled,
        Err(errors) => panic!("lessons/ has {} problem(s):\n{}", errors.len(), errors.join("\n")),
    };
    assert!(!compiled.curricula.is_empty(), "lessons/ has no language");
    assert!(!compiled.help.contacts.is_empty(), "lessons/help.toml has no contact");
    let mut problems = Vec::new();
    for curriculum in &compiled.curricula {
        for lesson in &curriculum.lessons {
            let items = lesson.quiz.len();
            if !(8..=12).contains(&items) {
                problems.push(format!("{}/{}: {items} quiz items, expected 8 to 12", curriculum.locale, lesson.id));
            }
            let kinds: std::collections::BTreeSet<String> =
                lesson.quiz.iter().map(|item| format!("{:?}", item.kind)).collect();
            if kinds.len() < 2 {
                problems
                    .push(format!("{}/{}: the quiz uses only {kinds:?}; mix the types", curriculum.locale, lesson.id));
            }
            if lesson.scenarios.is_empty() {
                problems.push(format!("{}/{}: no scenario activity", curriculum.locale, lesson.id));
            }
            let has_older_part = lesson
                .sections
                .iter()
                .flat_map(|s| &s.blocks)
                .any(|block| matches!(block, Block::Callout { kind: CalloutKind::Older, .. }));
            if !has_older_part {
                problems.push(format!("{}/{}: no `:::older` part for ages 15–18", curriculum.locale, lesson.id));
            }
            // The teacher guide's four sections (lessons/README.md), in English; other languages
            // must have the same number of sections.
            let guide: Vec<String> = lesson.teacher_guide.iter().map(|s| Inline::plain_text(&s.heading)).collect();
            let expected_guide = [
                "Timing and preparation",
                "Running the activities",
                "If a student tells you something",
                "Going further with ages 15–18",
            ];
            if (curriculum.locale == "en" && guide != expected_guide) || guide.len() != expected_guide.len() {
                problems.push(format!("{}/{}: teacher guide sections are {guide:?}", curriculum.locale, lesson.id));
            }
            for item in &lesson.quiz {
                for option in &item.options {
                    if option.explanation.trim().is_empty() {
                        problems.push(format!(
                            "{}/{}: option `{}` of `{}` has no explanation",
                            curriculum.locale, lesson.id, option.id, item.id
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Scenarios, placeholders, teacher guides, phone numbers and unused sources

/// The minimal lesson with one scenario: `start` → (`ask` → `safe`) | (`go` → `risk`).
fn with_scenario(structure: &str, text: &str, body_line: &str) -> Vec<(&'static str, String)> {
    let lesson = format!("{}\n{structure}", MINIMAL[2].1);
    let en = format!("{}\n{text}", MINIMAL[3].1);
    let body = format!("{}\n{body_line}\n", MINIMAL[4].1);
    vec![("basics/lesson.toml", lesson), ("basics/en/lesson.toml", en), ("basics/en/lesson.md", body)]
}

const SCENARIO: &str = r#"[[scenario]]
id = "offer"

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
title = "An offer"
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
        &["basics/lesson.toml:22: scenario `offer`: choice `go` of step `start` leads to unknown step `rsik`"],
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
        &["basics/lesson.toml:22: scenario `offer`: step `lost` cannot be reached from the first step"],
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
        "{}\n[unused-report]\ntitle = \"Old\"\npublisher = \"Someone\"\nyear = 2001\nurl = \"https://example.org/old\"\n",
        MINIMAL[0].1
    );
    check(
        &[("sources.toml", &sources)],
        &["sources.toml:13: source `unused-report` is not used by any lesson or helpline"],
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
