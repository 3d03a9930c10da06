//! A translation's `reviewed = true` rests on a review record of its current words
//! (`content::compile::review`): for lessons, the interface (and the assessment, in
//! `tests/assessment.rs`). Trees are written to a temp folder as `lessons/` and `locales/` side by
//! side, as in the repository.

mod support;

use std::collections::BTreeMap;
use std::path::PathBuf;

use aware_core::content::compile::review::{check_interface, interface_fingerprint, lesson_fingerprint};
use aware_core::content::compile::{Compiled, compile};

struct Tree(BTreeMap<&'static str, String>);

impl Tree {
    /// One lesson in English and Mongolian, the interface in both, nothing reviewed.
    fn new() -> Tree {
        let lesson_text = |title: &str, words: &str| {
            format!(
                "reviewed = false\ntitle = \"{title}\"\nsummary = \"{words}\"\ncontent_note = \"{words}\"\nkey_points = [\"{words}\"]\n\n[objectives]\ndefine = \"{words}\"\n\n[quiz.myth]\nprompt = \"{words}?\"\ntrue = {{ explanation = \"{words}.\" }}\nfalse = {{ explanation = \"{words}!\" }}\n"
            )
        };
        let files = [
            (
                "lessons/sources.toml",
                "[un]\ntitle = \"A report\"\npublisher = \"UN\"\nyear = 2020\nurl = \"https://example.org/un\"\nconfidence = \"high\"\n".to_owned(),
            ),
            (
                "lessons/help.toml",
                "[[contact]]\nid = \"helpline\"\nnumber = \"108\"\nlisted_by = \"un\"\nlisted_on = \"2026-01-01\"\ntest_call = \"none\"\n"
                    .to_owned(),
            ),
            (
                "lessons/basics/lesson.toml",
                "id = \"basics\"\nversion = 1\norder = 1\nage_min = 12\nage_max = 18\nduration_minutes = 30\nobjectives = [\"define\"]\nsources = [\"un\"]\n\n[[quiz]]\nid = \"myth\"\ntype = \"true-false\"\nanswer = false\nsources = [\"un\"]\n".to_owned(),
            ),
            ("lessons/basics/en/lesson.toml", lesson_text("Basics", "Words")),
            ("lessons/basics/en/lesson.md", "## First\n\nSome text.\n".to_owned()),
            ("lessons/basics/en/teacher-guide.md", "## Timing\n\nTen minutes.\n".to_owned()),
            ("lessons/basics/mn/lesson.toml", lesson_text("Үндэс", "Үг")),
            ("lessons/basics/mn/lesson.md", "## Эхний\n\nБичвэр.\n".to_owned()),
            ("lessons/basics/mn/teacher-guide.md", "## Хугацаа\n\nАрван минут.\n".to_owned()),
            (
                "locales/locales.toml",
                "[en]\nname = \"English\"\nreviewed = true\n\n[mn]\nname = \"Монгол\"\nreviewed = false\n".to_owned(),
            ),
            ("locales/en/app.ftl", "nav-get-help = Get help\n".to_owned()),
            ("locales/mn/app.ftl", "nav-get-help = Тусламж авах\n".to_owned()),
        ];
        Tree(files.into_iter().collect())
    }

    fn edit(mut self, path: &'static str, from: &str, to: &str) -> Tree {
        let text = self.0.get_mut(path).expect("a file of the tree");
        assert!(text.contains(from), "{path} has no {from:?}");
        *text = text.replacen(from, to, 1);
        self
    }

    fn set(mut self, path: &'static str, text: String) -> Tree {
        self.0.insert(path, text);
        self
    }

    fn write(&self) -> PathBuf {
        support::write_tree("review", self.0.iter().map(|(path, text)| (*path, text.as_str())))
    }

    /// The lessons compiled, or their diagnostics as `relative/path:line: message`.
    fn lessons(&self) -> Result<Compiled, Vec<String>> {
        let dir = self.write();
        let result = compile(&dir.join("lessons")).map_err(|errors| support::relative(&dir, &errors));
        let _ = std::fs::remove_dir_all(&dir);
        result
    }

    fn interface(&self) -> Result<(), Vec<String>> {
        let dir = self.write();
        let result = check_interface(&dir.join("locales")).map_err(|errors| support::relative(&dir, &errors));
        let _ = std::fs::remove_dir_all(&dir);
        result
    }
}

fn record(part: &str, fingerprint: &str) -> String {
    format!(
        "[[review]]\npart = \"{part}\"\nfingerprint = \"{fingerprint}\"\nrole = \"Mongolian teacher\"\ndate = \"2026-12-03\"\n"
    )
}

/// The fingerprint of the tree's lesson, as the sheet prints it.
fn lesson_print(tree: &Tree) -> String {
    let compiled = tree.lessons().unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    let lesson = |locale: &str| compiled.curricula.iter().find(|c| c.locale == locale).unwrap().lessons[0].clone();
    lesson_fingerprint(&lesson("en"), &lesson("mn"))
}

const MN_TEXT: &str = "lessons/basics/mn/lesson.toml";

#[test]
fn a_lesson_marked_reviewed_needs_a_record_of_its_current_fingerprint() {
    let print = lesson_print(&Tree::new());
    let reviewed = Tree::new().edit(MN_TEXT, "reviewed = false", "reviewed = true");
    assert_eq!(
        reviewed.lessons().err(),
        Some(vec![format!(
            "{MN_TEXT}:1: `reviewed = true`, but locales/mn/reviews.toml has no review of `basics` with its current fingerprint {print}: run `aware review-sheet mn`, have it reviewed, then add the record"
        )])
    );
    let recorded = reviewed.set("locales/mn/reviews.toml", record("basics", &print));
    let compiled = recorded.lessons().unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    assert!(compiled.curricula.iter().find(|c| c.locale == "mn").unwrap().lessons[0].reviewed);
    // A record of another part or of an older fingerprint does not count.
    let other = Tree::new()
        .edit(MN_TEXT, "reviewed = false", "reviewed = true")
        .set("locales/mn/reviews.toml", record("other-lesson", &print) + "\n" + &record("basics", "0123456789abcdef"));
    assert_eq!(other.lessons().err().map(|errors| errors.len()), Some(1));
}

#[test]
fn editing_either_language_after_the_review_needs_a_new_review() {
    let print = lesson_print(&Tree::new());
    let recorded = Tree::new()
        .edit(MN_TEXT, "reviewed = false", "reviewed = true")
        .set("locales/mn/reviews.toml", record("basics", &print));
    assert!(recorded.lessons().is_ok());
    for (path, from, to) in [
        ("lessons/basics/en/lesson.md", "Some text.", "Some new text."),
        ("lessons/basics/mn/lesson.md", "Бичвэр.", "Шинэ бичвэр."),
        (MN_TEXT, "prompt = \"Үг?\"", "prompt = \"Өөр үг?\""),
    ] {
        let edited = Tree(recorded.0.clone()).edit(path, from, to);
        let errors = edited.lessons().expect_err("an edit after the review");
        assert!(errors[0].contains("has no review of `basics` with its current fingerprint"), "{path}: {errors:?}");
    }
    // A comment or the layout of a file is not part of the words.
    let comment = Tree(recorded.0.clone()).edit(MN_TEXT, "title =", "# A note for translators.\ntitle =");
    assert!(comment.lessons().is_ok());
}

#[test]
fn the_original_language_needs_no_record() {
    let tree = Tree::new().edit("lessons/basics/en/lesson.toml", "reviewed = false", "reviewed = true");
    assert!(tree.lessons().is_ok());
}

#[test]
fn the_interface_marked_reviewed_needs_a_record_of_both_app_ftl_files() {
    let tree = Tree::new();
    assert_eq!(tree.interface(), Ok(()));
    let print = interface_fingerprint("nav-get-help = Get help\n", "nav-get-help = Тусламж авах\n");
    let reviewed = tree.edit("locales/locales.toml", "reviewed = false", "reviewed = true");
    assert_eq!(
        reviewed.interface(),
        Err(vec![format!(
            "locales/locales.toml:7: `reviewed = true`, but locales/mn/reviews.toml has no review of `interface` with its current fingerprint {print}: run `aware review-sheet mn`, have it reviewed, then add the record"
        )])
    );
    let recorded = reviewed.set("locales/mn/reviews.toml", record("interface", &print));
    assert_eq!(recorded.interface(), Ok(()));
    let edited = recorded.edit("locales/en/app.ftl", "Get help", "Find help");
    assert_eq!(edited.interface().map_err(|errors| errors.len()), Err(1));
}
