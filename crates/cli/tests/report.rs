//! `aware report` and `aware synth`, run as a user runs them: the built binary on files in a
//! temporary folder, against the real assessment in `assessment/` and `lessons/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

#[test]
fn the_same_files_in_any_order_or_as_a_folder_give_the_same_report() {
    let dir = Scratch::new("order");
    synth(&dir.join("results"), 60, 4, 11);
    let files = results_in(&dir.join("results"));
    let mut reversed = files.clone();
    reversed.reverse();
    let shuffled = vec![files[2].clone(), files[0].clone(), files[3].clone(), files[1].clone()];
    // A folder is read recursively and only its *.json files count.
    let nested = dir.join("nested");
    std::fs::create_dir_all(nested.join("school-b/term-2")).unwrap();
    std::fs::copy(&files[0], nested.join("a.json")).unwrap();
    std::fs::copy(&files[1], nested.join("school-b/b.JSON")).unwrap();
    std::fs::copy(&files[2], nested.join("school-b/term-2/c.json")).unwrap();
    std::fs::copy(&files[3], nested.join("school-b/d.json")).unwrap();
    std::fs::write(nested.join("school-b/notes.txt"), "not results").unwrap();

    let in_order = report(&["--json"], &files);
    assert_eq!(in_order.code, Some(0), "{}", in_order.stderr);
    let json: Value = serde_json::from_str(&in_order.stdout).unwrap();
    assert_eq!(json["counts"]["matched"], 60);
    assert!(json["results"].is_object());
    for other in [reversed, shuffled, vec![dir.join("results")], vec![nested]] {
        let run = report(&["--json"], &other);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert_same_report(&in_order.stdout, &run.stdout);
    }
}

#[test]
fn a_corrupt_file_and_another_json_are_named_skipped_and_fail_the_run() {
    let dir = Scratch::new("bad-files");
    synth(&dir.join("results"), 30, 3, 5);
    let good = results_in(&dir.join("results"));
    let corrupt = dir.join("results/corrupt.json");
    let bytes = std::fs::read(&good[0]).unwrap();
    std::fs::write(&corrupt, &bytes[..bytes.len() / 2]).unwrap();
    let other = dir.join("package.json");
    std::fs::write(&other, r#"{"name": "something else", "version": "1.0.0"}"#).unwrap();
    let missing = dir.join("missing.json");

    let alone = report(&["--json"], &good);
    let mut inputs = vec![other.clone(), missing.clone()];
    inputs.extend(good.iter().cloned());
    inputs.push(corrupt.clone());
    let run = report(&["--json"], &inputs);

    assert_eq!(run.code, Some(1));
    for (path, problem) in [
        (&corrupt, "the file is damaged or not a results file"),
        (&other, "this is not an Aware results file"),
        (&missing, ""),
    ] {
        let line = format!("{}: {problem}", path.display());
        assert!(run.stderr.contains(&line), "no {line:?} in:\n{}", run.stderr);
    }
    assert_eq!(run.stderr.lines().count(), 3, "{}", run.stderr);
    assert_same_report(&alone.stdout, &run.stdout);

    let text = report(&[], &inputs);
    assert_eq!(text.code, Some(1));
    assert!(text.stdout.contains("Files: 3 read, 3 skipped"), "{}", text.stdout);
}

#[test]
fn a_minimum_group_size_below_the_floor_is_refused() {
    let dir = Scratch::new("floor");
    synth(&dir.join("results"), 20, 1, 1);
    let run = report(&["--min-group", "4"], &[dir.join("results")]);
    assert_eq!(run.code, Some(2));
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains("--min-group 4 refused"), "{}", run.stderr);
    assert!(run.stderr.contains("below the floor of 5"), "{}", run.stderr);

    let at_floor = report(&["--json", "--min-group", "5"], &[dir.join("results")]);
    assert_eq!(at_floor.code, Some(0), "{}", at_floor.stderr);
    assert!(at_floor.stdout.contains("\"min_group_size\": 5"), "{}", at_floor.stdout);
}

#[test]
fn with_fewer_matched_than_k_the_text_says_why_statistics_are_hidden() {
    let dir = Scratch::new("few");
    synth(&dir.join("results"), 9, 2, 3);
    let run = report(&[], &[dir.join("results")]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.contains("Fewer than 10 matched participants: statistics are hidden to protect students"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("took both (matched)            9"), "{}", run.stdout);
    assert!(!run.stdout.contains("Knowledge score"), "{}", run.stdout);

    let json = report(&["--json"], &[dir.join("results")]);
    let json: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["results"], Value::Null);
}

#[test]
fn the_text_report_shows_every_part_when_enough_matched() {
    let dir = Scratch::new("text");
    synth(&dir.join("results"), 200, 2, 4);
    let run = report(&[], &[dir.join("results")]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for part in [
        "Files: 2 read, 0 skipped",
        "100.0 % of the 200 who took either test",
        "Knowledge score: percent correct, 200 matched participants",
        "paired t-test  t(199) = ",
        "Hedges' g_z = ",
        "Holm p",
        "Individual changes in knowledge score",
        "Cronbach's α   pre ",
        "(reversed)",
    ] {
        assert!(run.stdout.contains(part), "no {part:?} in:\n{}", run.stdout);
    }
}

#[test]
fn synth_is_deterministic_and_every_record_it_writes_scores() {
    let dir = Scratch::new("synth");
    synth(&dir.join("a"), 101, 3, 42);
    synth(&dir.join("b"), 101, 3, 42);
    let (a, b) = (results_in(&dir.join("a")), results_in(&dir.join("b")));
    assert_eq!(a.len(), 3);
    for (a, b) in a.iter().zip(&b) {
        assert!(std::fs::read(a).unwrap() == std::fs::read(b).unwrap(), "{} differs", a.display());
    }
    let run = report(&["--json"], &[dir.join("a")]);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let counts = &json["counts"];
    assert_eq!(
        [&counts["pre"], &counts["post"], &counts["matched"], &counts["not_scored"], &counts["repeated"]],
        [101, 101, 101, 0, 0]
    );
}

#[test]
fn synth_refuses_more_records_in_a_file_than_an_import_accepts() {
    let dir = Scratch::new("too-full");
    let run = aware(&[
        "synth",
        "assessment",
        "lessons",
        "--participants",
        "10000",
        "--files",
        "3",
        "--out",
        dir.join("out").to_str().unwrap(),
    ]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("more than the 5000 a results file may have; use --files 4 or more"), "{}", run.stderr);
    assert!(!dir.join("out").exists());
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn aware(args: &[&str]) -> Run {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let Output { status, stdout, stderr } =
        Command::new(env!("CARGO_BIN_EXE_aware")).args(args).current_dir(root).output().unwrap();
    Run { code: status.code(), stdout: String::from_utf8(stdout).unwrap(), stderr: String::from_utf8(stderr).unwrap() }
}

fn report(options: &[&str], inputs: &[PathBuf]) -> Run {
    let mut args = vec!["report"];
    args.extend(options);
    args.extend(["assessment", "lessons"]);
    args.extend(inputs.iter().map(|path| path.to_str().unwrap()));
    aware(&args)
}

fn synth(out: &Path, participants: usize, files: usize, seed: u64) {
    let (participants, files, seed) = (participants.to_string(), files.to_string(), seed.to_string());
    let run = aware(&[
        "synth",
        "assessment",
        "lessons",
        "--participants",
        &participants,
        "--files",
        &files,
        "--seed",
        &seed,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, Some(0), "synth failed: {}", run.stderr);
}

fn results_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().path()).collect();
    files.sort();
    files
}

/// The same report, byte for byte: `ReportBuilder` sums in whole numbers, so the order records
/// arrive in cannot change even the last bit of a mean.
fn assert_same_report(expected: &str, actual: &str) {
    assert!(expected == actual, "reports differ:\n{expected}\n---\n{actual}");
}

/// A folder of its own per test, removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("aware-cli-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn join(&self, path: &str) -> PathBuf {
        self.0.join(path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
