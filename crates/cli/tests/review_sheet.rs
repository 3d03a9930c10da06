//! `aware review-sheet`, run as a reviewer's helper runs it: the built binary on the real content,
//! writing the sheet to a temporary file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use aware_core::content::compile::review::{assessment_fingerprint, interface_fingerprint, lesson_fingerprint};
use aware_core::content::compile::{compile, compile_assessment};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn aware(args: &[&str]) -> Run {
    let Output { status, stdout, stderr } =
        Command::new(env!("CARGO_BIN_EXE_aware")).args(args).current_dir(root()).output().unwrap();
    Run { code: status.code(), stdout: String::from_utf8(stdout).unwrap(), stderr: String::from_utf8(stderr).unwrap() }
}

/// The sheet for `mn`, written to a temp file of its own (tests run at once) and read back.
fn sheet() -> (Run, String) {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let out = std::env::temp_dir().join(format!("aware-review-sheet-{}-{n}.html", std::process::id()));
    let run = aware(&["review-sheet", "mn", "--out", out.to_str().unwrap()]);
    let html = std::fs::read_to_string(&out).unwrap_or_default();
    let _ = std::fs::remove_file(&out);
    (run, html)
}

#[test]
fn the_sheet_is_one_printable_document_without_scripts() {
    let (run, html) = sheet();
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("@media print"), "print CSS");
    for refused in ["<script", "<link", "<img", "src=", "http://", "https://", "onclick", "onload"] {
        assert!(!html.to_lowercase().contains(refused), "{refused} in the sheet");
    }
    for tag in ["table", "tr", "td", "section"] {
        let open = html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        assert_eq!(open, html.matches(&format!("</{tag}>")).count(), "<{tag}> opened and closed");
    }
}

/// Each part's fingerprint on the sheet (and in the terminal) is the one the compiler checks
/// review records against.
#[test]
fn every_part_shows_the_fingerprint_the_compiler_checks() {
    let (run, html) = sheet();
    let compiled = compile(&root().join("lessons")).expect("lessons compile");
    let assessment = compile_assessment(&root().join("assessment"), &root().join("lessons")).expect("compiles");
    let curriculum = |locale: &str| compiled.curricula.iter().find(|c| c.locale == locale).expect("a curriculum");
    let (en, mn) = (curriculum("en"), curriculum("mn"));
    let mut parts: Vec<(String, String)> = en
        .lessons
        .iter()
        .map(|lesson| (lesson.id.clone(), lesson_fingerprint(lesson, mn.lesson(&lesson.id).expect("translated"))))
        .collect();
    parts.push(("assessment".to_owned(), assessment_fingerprint(&assessment, "mn")));
    let ftl = |locale: &str| std::fs::read_to_string(root().join("locales").join(locale).join("app.ftl")).unwrap();
    parts.push(("interface".to_owned(), interface_fingerprint(&ftl("en"), &ftl("mn"))));
    assert_eq!(parts.len(), en.lessons.len() + 2);
    for (part, print) in &parts {
        assert!(
            html.contains(&format!(
                "Part <code>{part}</code> · fingerprint <span class=\"fingerprint\">{print}</span>"
            )),
            "{part} {print}"
        );
        assert!(run.stdout.lines().any(|line| line.split_whitespace().eq([part.as_str(), print.as_str()])), "{part}");
    }
    // Nothing is reviewed yet: every part asks for a review.
    assert_eq!(html.matches("not reviewed: please review</p>").count(), parts.len());
}

/// Side by side: each text beside its translation, for lessons, the check and the interface.
#[test]
fn texts_stand_beside_their_translations() {
    let (_, html) = sheet();
    let compiled = compile(&root().join("lessons")).expect("lessons compile");
    let assessment = compile_assessment(&root().join("assessment"), &root().join("lessons")).expect("compiles");
    let row = |en: &str, mn: &str| format!("<td lang=\"en\">{en}</td><td lang=\"mn\">{mn}</td>");
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;")
    };
    let en = &compiled.curricula.iter().find(|c| c.locale == "en").unwrap().lessons;
    let mn = &compiled.curricula.iter().find(|c| c.locale == "mn").unwrap().lessons;
    for (lesson, translated) in en.iter().zip(mn) {
        assert!(html.contains(&row(&escape(&lesson.title), &escape(&translated.title))), "{}", lesson.id);
        for (item, other) in lesson.quiz.iter().zip(&translated.quiz) {
            assert!(html.contains(&row(&escape(&item.prompt), &escape(&other.prompt))), "{} {}", lesson.id, item.id);
        }
        for (scenario, other) in lesson.scenarios.iter().zip(&translated.scenarios) {
            for (step, theirs) in scenario.steps.iter().zip(&other.steps) {
                assert!(html.contains(&row(&escape(&step.text), &escape(&theirs.text))), "{} {}", scenario.id, step.id);
            }
        }
    }
    for item in &assessment.knowledge {
        assert!(html.contains(&row(&escape(&item.prompt["en"]), &escape(&item.prompt["mn"]))), "{}", item.id);
        assert!(html.contains(&row(&escape(&item.explanation["en"]), &escape(&item.explanation["mn"]))), "{}", item.id);
    }
    for item in &assessment.likert {
        assert!(html.contains(&row(&escape(&item.statement["en"]), &escape(&item.statement["mn"]))), "{}", item.id);
    }
    // Interface messages by id, in both languages.
    assert!(html.contains(&row("Get help", "Тусламж авах")), "nav-get-help");
    let ids =
        aware_core::l10n::Localizer::message_ids(&std::fs::read_to_string(root().join("locales/en/app.ftl")).unwrap())
            .map(str::to_owned)
            .collect::<Vec<_>>();
    assert!(ids.len() > 50);
    for id in ids {
        assert!(html.contains(&format!("<th class=\"what\" colspan=\"3\">{id}</th>")), "message {id}");
    }
}

#[test]
fn the_original_or_an_unknown_language_cannot_be_reviewed() {
    let run = aware(&["review-sheet", "en", "--out", "/dev/null"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("en is the original: review a translation, such as mn"), "{}", run.stderr);
    let run = aware(&["review-sheet", "kk", "--out", "/dev/null"]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("no lessons in `kk`"), "{}", run.stderr);
    let run = aware(&["review-sheet"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("expected the language to review, such as mn"), "{}", run.stderr);
}
