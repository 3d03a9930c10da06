//! `aware report` and `aware synth`, run as a user runs them: the built binary on files in a
//! temporary folder, against the real assessment in `assessment/` and `lessons/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

#[test]
fn the_same_files_in_any_order_or_as_a_folder_give_the_same_report() {
    let dir = Scratch::new("order");
    synth(&dir.join("set"), 60, 4, 11);
    let files = results_in(&dir.join("set/results"));
    let studies = dir.join("set/studies");
    let json = ["--json", "--studies", studies.to_str().unwrap()];
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

    let in_order = report(&json, &files);
    assert_eq!(in_order.code, Some(0), "{}", in_order.stderr);
    let parsed: Value = serde_json::from_str(&in_order.stdout).unwrap();
    assert_eq!(parsed["counts"]["matched"], 60);
    assert!(parsed["results"].is_object());
    for other in [reversed, shuffled, vec![dir.join("set/results")], vec![nested]] {
        let run = report(&json, &other);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert_same_report(&in_order.stdout, &run.stdout);
    }
}

#[test]
fn a_corrupt_file_and_another_json_are_named_skipped_and_fail_the_run() {
    let dir = Scratch::new("bad-files");
    synth(&dir.join("set"), 30, 3, 5);
    let good = results_in(&dir.join("set/results"));
    let studies = dir.join("set/studies");
    let json = ["--json", "--studies", studies.to_str().unwrap()];
    let corrupt = dir.join("set/results/corrupt.json");
    let bytes = std::fs::read(&good[0]).unwrap();
    std::fs::write(&corrupt, &bytes[..bytes.len() / 2]).unwrap();
    let other = dir.join("package.json");
    std::fs::write(&other, r#"{"name": "something else", "version": "1.0.0"}"#).unwrap();
    let missing = dir.join("missing.json");

    let alone = report(&json, &good);
    let mut inputs = vec![other.clone(), missing.clone()];
    inputs.extend(good.iter().cloned());
    inputs.push(corrupt.clone());
    let run = report(&json, &inputs);

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

    let text = report(&json[1..], &inputs);
    assert_eq!(text.code, Some(1));
    assert!(text.stdout.contains("Files: 3 read, 3 skipped"), "{}", text.stdout);
}

#[test]
fn records_count_only_for_the_studies_whose_definitions_are_given() {
    let dir = Scratch::new("studies");
    synth(&dir.join("set"), 40, 2, 6);
    let results = [dir.join("set/results")];
    let definitions = results_in(&dir.join("set/studies"));
    assert_eq!(definitions.len(), 4, "40 participants make 4 studies of 10");

    // No definitions: every record is left out, and the text says how to give them.
    let none = report(&["--json"], &results);
    assert_eq!(none.code, Some(0), "{}", none.stderr);
    let json: Value = serde_json::from_str(&none.stdout).unwrap();
    let counts = &json["counts"];
    assert_eq!([&counts["pre"], &counts["matched"], &counts["not_issued"]], [0, 0, 80]);
    assert_eq!(json["results"], Value::Null);
    let text = report(&[], &results);
    assert!(text.stdout.contains("No study definitions were given (--studies)"), "{}", text.stdout);
    assert!(text.stdout.contains("records left out              80"), "{}", text.stdout);

    // Two of the four studies: their 20 participants count, the others' 40 records are left out.
    let two = report(
        &["--json", "--studies", definitions[0].to_str().unwrap(), "--studies", definitions[2].to_str().unwrap()],
        &results,
    );
    let json: Value = serde_json::from_str(&two.stdout).unwrap();
    let counts = &json["counts"];
    assert_eq!([&counts["matched"], &counts["not_issued"]], [20, 40]);
    assert!(json["results"].is_object());
}

#[test]
fn a_damaged_or_foreign_study_file_is_named_and_skipped() {
    let dir = Scratch::new("bad-studies");
    // Four files, so each is smaller than a study file may be: it is refused for what it is.
    synth(&dir.join("set"), 20, 4, 8);
    let studies = dir.join("set/studies");
    let good = results_in(&studies);
    let damaged = studies.join("damaged.json");
    let text = std::fs::read_to_string(&good[0]).unwrap();
    std::fs::write(&damaged, text.replace("\"cards\":", "\"cards\":-")).unwrap();
    let results_file = results_in(&dir.join("set/results")).remove(0);
    let run = report(
        &["--json", "--studies", studies.to_str().unwrap(), "--studies", results_file.to_str().unwrap()],
        &[dir.join("set/results")],
    );
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains(&format!("{}: the study file is damaged", damaged.display())), "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("{}: this is not an Aware study file", results_file.display())),
        "{}",
        run.stderr
    );
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["counts"]["matched"], 20, "the good definitions still count");
}

#[test]
fn the_minimum_group_size_comes_from_the_deployment_and_may_only_be_raised() {
    let dir = Scratch::new("deployment");
    synth(&dir.join("set"), 11, 1, 1);
    let results = [dir.join("set/results")];
    let studies = dir.join("set/studies");
    let studies = studies.to_str().unwrap();
    // The repository's deployment.toml (k = 10), read from the working folder by default.
    let default = report(&["--json", "--studies", studies], &results);
    assert_eq!(default.code, Some(0), "{}", default.stderr);
    let json: Value = serde_json::from_str(&default.stdout).unwrap();
    assert_eq!((json["min_group_size"].as_u64(), json["counts"]["matched"].as_u64()), (Some(10), Some(11)));
    assert!(json["results"].is_object());

    // With 12 configured, the 11 pairs the app hides are hidden here too.
    let twelve = deployment_with(&dir, 12);
    let run = report(&["--json", "--studies", studies, "--deployment", twelve.to_str().unwrap()], &results);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["min_group_size"], 12);
    assert_eq!(json["results"], Value::Null);

    // Raising it is allowed; lowering it below the deployment's is refused before any file is read.
    let twelve = twelve.to_str().unwrap();
    let raised = report(&["--json", "--studies", studies, "--deployment", twelve, "--min-group-size", "15"], &results);
    assert_eq!(raised.code, Some(0), "{}", raised.stderr);
    assert!(raised.stdout.contains("\"min_group_size\": 15"), "{}", raised.stdout);
    for lower in ["11", "4"] {
        let run = report(&["--deployment", twelve, "--min-group-size", lower], &results);
        assert_eq!(run.code, Some(2), "{}", run.stderr);
        assert!(run.stdout.is_empty(), "{}", run.stdout);
        let refusal = format!("--min-group-size {lower} refused: {twelve} sets 12");
        assert!(run.stderr.contains(&refusal), "{}", run.stderr);
    }
}

#[test]
fn a_deployment_that_cannot_be_read_is_named_and_nothing_is_reported() {
    let dir = Scratch::new("no-deployment");
    synth(&dir.join("set"), 11, 1, 1);
    let missing = dir.join("deployment.toml");
    let run = report(&["--deployment", missing.to_str().unwrap()], &[dir.join("set/results")]);
    assert_eq!(run.code, Some(1));
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains(&format!("{}:1: cannot read file", missing.display())), "{}", run.stderr);

    let broken = dir.join("broken.toml");
    let text = std::fs::read_to_string(repository().join("deployment.toml")).unwrap();
    std::fs::write(&broken, text.replace("min_group_size = 10", "min_group_size = 3")).unwrap();
    let run = report(&["--deployment", broken.to_str().unwrap()], &[dir.join("set/results")]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("`min_group_size` must be at least 5"), "{}", run.stderr);
}

#[test]
fn a_reader_that_stops_early_ends_the_report_quietly() {
    let dir = Scratch::new("pipe");
    synth(&dir.join("set"), 30, 1, 2);
    let results = dir.join("set/results");
    let studies = dir.join("set/studies");
    for options in [&[][..], &["--json"][..]] {
        // A pipe whose reading end is already closed: every write fails as it does under `| head`.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let mut args = vec!["report", "--studies", studies.to_str().unwrap()];
        args.extend(options);
        args.extend(["assessment", "lessons", results.to_str().unwrap()]);
        let output = Command::new(env!("CARGO_BIN_EXE_aware"))
            .args(&args)
            .current_dir(repository())
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.is_empty(), "{options:?}: {stderr}");
        assert_eq!(output.status.code(), Some(0), "{options:?}");
    }
}

/// The repository's deployment.toml with another minimum group size, in the test's folder.
fn deployment_with(dir: &Scratch, k: u32) -> PathBuf {
    let text = std::fs::read_to_string(repository().join("deployment.toml")).unwrap();
    assert!(text.contains("\nmin_group_size = 10\n"), "deployment.toml no longer sets 10");
    let path = dir.join(&format!("deployment-{k}.toml"));
    std::fs::write(&path, text.replace("\nmin_group_size = 10\n", &format!("\nmin_group_size = {k}\n"))).unwrap();
    path
}

#[test]
fn with_fewer_matched_than_k_the_text_says_why_statistics_are_hidden() {
    let dir = Scratch::new("few");
    synth(&dir.join("set"), 9, 2, 3);
    let studies = dir.join("set/studies");
    let studies = ["--studies", studies.to_str().unwrap()];
    let run = report(&studies, &[dir.join("set/results")]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.contains("Fewer than 10 matched participants: statistics are hidden to protect students"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("took both (matched)            9"), "{}", run.stdout);
    assert!(!run.stdout.contains("Knowledge score"), "{}", run.stdout);

    let json = report(&[&["--json"][..], &studies].concat(), &[dir.join("set/results")]);
    let json: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["results"], Value::Null);
}

#[test]
fn the_text_report_shows_every_part_when_enough_matched() {
    let dir = Scratch::new("text");
    synth(&dir.join("set"), 200, 2, 4);
    let studies = dir.join("set/studies");
    let run = report(&["--studies", studies.to_str().unwrap()], &[dir.join("set/results")]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for part in [
        "Files: 2 read, 0 skipped; 4 studies' definitions given",
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
    for folder in ["results", "studies"] {
        let (a, b) = (results_in(&dir.join("a").join(folder)), results_in(&dir.join("b").join(folder)));
        assert_eq!(a.len(), if folder == "results" { 3 } else { 4 }, "{folder}");
        for (a, b) in a.iter().zip(&b) {
            assert!(std::fs::read(a).unwrap() == std::fs::read(b).unwrap(), "{} differs", a.display());
        }
    }
    let studies = dir.join("a/studies");
    let run = report(&["--json", "--studies", studies.to_str().unwrap()], &[dir.join("a/results")]);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let counts = &json["counts"];
    assert_eq!(
        [
            &counts["pre"],
            &counts["post"],
            &counts["matched"],
            &counts["not_scored"],
            &counts["repeated"],
            &counts["not_issued"]
        ],
        [101, 101, 101, 0, 0, 0]
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

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn aware(args: &[&str]) -> Run {
    let Output { status, stdout, stderr } =
        Command::new(env!("CARGO_BIN_EXE_aware")).args(args).current_dir(repository()).output().unwrap();
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
