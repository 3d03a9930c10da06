//! `aware`: the command line for people who write and ship Aware, and who evaluate it.
//!
//! - `aware check <lessons-dir> [<assessment-dir>]`: checks every lesson file (and the pre/post
//!   assessment, and that no quiz item repeats one of its prompts), the glossaries of the
//!   `locales/` folder next to the lessons on all of them and on the interface strings, and the
//!   interface's review status there; prints `path:line: message` per problem, then the warnings
//!   (answer keys that can be guessed).
//! - `aware build <lessons-dir> [<assessment-dir>] --out <dir>`: checks the same, then writes
//!   `<locale>.json` per locale (and `assessment.json`).
//! - `aware size <dist-dir>`: prints the release bundle's sizes (raw, gzip, brotli) per file kind.
//! - `aware report [--min-group K] [--json] <assessment-dir> <lessons-dir> <results>...`: pools
//!   exported results files (a folder means every `*.json` under it, in sorted order) from any
//!   number of schools into one report, in English or as the report's JSON. Files are read one at
//!   a time; one that cannot be read or decoded is named on stderr as `path: problem` and skipped.
//!   `K` is the minimum group size (default 10, never below 5).
//! - `aware synth <assessment-dir> <lessons-dir> --participants N --files F --out <dir> [--seed S]`:
//!   writes F results files holding a pre- and a post-test for each of N made-up participants,
//!   for benchmarks and tests.
//! - `aware review-sheet <locale> [--root DIR] [--out FILE]`: writes a printable HTML document of
//!   every lesson, assessment and interface text in `<locale>` beside the English, with each
//!   part's review status and fingerprint (for `locales/<locale>/reviews.toml`).
//!
//! Exit codes: 0 success; 1 a problem with the input (content errors, or for `report` any results
//! file skipped — the report of the others is still printed); 2 a usage error, such as a minimum
//! group size below the floor.
//!
//! This crate is glue: the rules live in `aware_core` (`content::compile`, `report`, `study`).

mod report;
mod report_text;
mod review_sheet;
mod size;
mod synth;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use aware_core::assessment::Assessment;
use aware_core::content::compile::review::check_interface;
use aware_core::content::compile::{Compiled, Course, Diagnostic, compile_assessment, compile_course, locales_dir};

const USAGE: &str = "usage:
  aware check <lessons-dir> [<assessment-dir>]
  aware build <lessons-dir> [<assessment-dir>] --out <dir>
  aware size <dist-dir>
  aware report [--min-group K] [--json] <assessment-dir> <lessons-dir> <results-file-or-folder>...
  aware synth <assessment-dir> <lessons-dir> --participants N --files F --out <dir> [--seed S]
  aware review-sheet <locale> [--root DIR] [--out FILE]

report: pools exported results files (a folder: every *.json in it, recursively, sorted) into one
  report, read one file at a time. --min-group K hides results of groups smaller than K (default
  10, at least 5). --json prints the report's JSON instead of English text. A file that cannot be
  read is named on stderr and skipped.
synth: writes F results files with a pre- and a post-test for each of N made-up participants
  (at most 5000 records a file), deterministic for a seed (default 1).
review-sheet: writes a printable side-by-side HTML document (default review-sheet-<locale>.html) of
  every lesson, assessment and interface text in <locale> beside the English, for a native
  reviewer, with each part's fingerprint for locales/<locale>/reviews.toml. DIR holds lessons/,
  assessment/ and locales/ (default: the current folder).

exit status: 0 success, 1 a problem with the input (for report: a file was skipped; the report of
  the others is still printed), 2 a usage error";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["check", dir, assessment] => {
            let lessons = check(Path::new(dir), Some(Path::new(assessment)));
            match (lessons, check_assessment(Path::new(assessment), Path::new(dir))) {
                (Some(_), Some(assessment)) => {
                    let per_form = assessment.knowledge.len() / 2;
                    println!(
                        "ok: assessment version {}, {per_form} knowledge items per form, {} Likert items in {} scales, locales: {}",
                        assessment.version,
                        assessment.likert.len(),
                        assessment.scales.len(),
                        assessment.locales.join(", ")
                    );
                    ExitCode::SUCCESS
                }
                _ => ExitCode::FAILURE,
            }
        }
        ["check", dir] => match check(Path::new(dir), None) {
            Some(compiled) => {
                let lessons = compiled.curricula.first().map_or(0, |c| c.lessons.len());
                let items: usize =
                    compiled.curricula.first().map_or(0, |c| c.lessons.iter().map(|l| l.quiz.len()).sum());
                let locales: Vec<&str> = compiled.curricula.iter().map(|c| c.locale.as_str()).collect();
                println!(
                    "ok: {lessons} lessons, {items} quiz items, locales: {}, {} help contacts",
                    locales.join(", "),
                    compiled.help.contacts.len()
                );
                ExitCode::SUCCESS
            }
            None => ExitCode::FAILURE,
        },
        ["build", dir, "--out", out] => build(dir, None, out),
        ["build", dir, assessment, "--out", out] => build(dir, Some(assessment), out),
        ["report", args @ ..] => match report::Options::parse(args) {
            Ok(options) => pooled_report(&options),
            Err(problem) => usage_error("report", &problem),
        },
        ["review-sheet", args @ ..] => match review_sheet::Options::parse(args) {
            Ok(options) => match review_sheet::write(&options) {
                Ok(fingerprints) => {
                    print!("{}", review_sheet::summary(&options.out, &fingerprints));
                    ExitCode::SUCCESS
                }
                Err(review_sheet::Problem::Content(diagnostics)) => {
                    report_problems::<()>(Err(diagnostics));
                    ExitCode::FAILURE
                }
                Err(review_sheet::Problem::Other(problem)) => {
                    eprintln!("aware review-sheet: {problem}");
                    ExitCode::FAILURE
                }
            },
            Err(problem) => usage_error("review-sheet", &problem),
        },
        ["synth", args @ ..] => match synth::Options::parse(args) {
            Ok(options) => synthesise(&options),
            Err(problem) => usage_error("synth", &problem),
        },
        ["size", dist] => match size::report(Path::new(dist)) {
            Ok(report) => {
                print!("{report}");
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("{dist}: {err}");
                ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn usage_error(command: &str, problem: &str) -> ExitCode {
    eprintln!("aware {command}: {problem}");
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn pooled_report(options: &report::Options) -> ExitCode {
    let Some(assessment) = check_assessment(&options.assessment, &options.lessons) else { return ExitCode::FAILURE };
    let pooled = report::pool(&assessment, options);
    if options.json {
        println!("{}", pooled.report.to_json());
    } else {
        print!("{}", report_text::Text(&pooled));
    }
    if pooled.files_skipped > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn synthesise(options: &synth::Options) -> ExitCode {
    let Some(assessment) = check_assessment(&options.assessment, &options.lessons) else { return ExitCode::FAILURE };
    match synth::write(&assessment, options) {
        Ok(written) => {
            println!(
                "wrote {} participants ({} records) from {} studies in {} files to {}",
                written.participants,
                written.records,
                written.studies,
                written.files,
                options.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("aware synth: {problem}");
            ExitCode::FAILURE
        }
    }
}

/// The lessons, with the rules that reach the assessment (when given), and the glossaries and
/// the interface's review status of the `locales/` folder beside the lessons folder (when there is
/// one).
fn check(dir: &Path, assessment: Option<&Path>) -> Option<Compiled> {
    let locales = locales_dir(dir);
    let locales = locales.is_dir().then_some(locales.as_path());
    let compiled = report_problems(compile_course(&Course { lessons: dir, assessment, locales }));
    let interface = locales
        .filter(|locales| locales.join("locales.toml").exists())
        .is_none_or(|locales| report_problems(check_interface(locales)).is_some());
    let compiled = compiled.filter(|_| interface)?;
    for warning in &compiled.warnings {
        eprintln!("{warning}");
    }
    if !compiled.warnings.is_empty() {
        eprintln!(
            "{} warning(s): answer keys that can be guessed (they do not stop the build)",
            compiled.warnings.len()
        );
    }
    Some(compiled)
}

fn check_assessment(dir: &Path, lessons: &Path) -> Option<Assessment> {
    report_problems(compile_assessment(dir, lessons))
}

fn report_problems<T>(result: Result<T, Vec<Diagnostic>>) -> Option<T> {
    match result {
        Ok(compiled) => Some(compiled),
        Err(diagnostics) => {
            for diagnostic in &diagnostics {
                eprintln!("{diagnostic}");
            }
            eprintln!("{} problem(s) found", diagnostics.len());
            None
        }
    }
}

fn build(lessons: &str, assessment: Option<&str>, out: &str) -> ExitCode {
    let compiled = check(Path::new(lessons), assessment.map(Path::new));
    let assessment = assessment.map(|dir| check_assessment(Path::new(dir), Path::new(lessons)));
    let (Some(compiled), None | Some(Some(_))) = (&compiled, &assessment) else { return ExitCode::FAILURE };
    match write_bundles(compiled, assessment.flatten().as_ref(), &PathBuf::from(out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{out}: {err}");
            ExitCode::FAILURE
        }
    }
}

fn write_bundles(compiled: &Compiled, assessment: Option<&Assessment>, out: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    for curriculum in &compiled.curricula {
        std::fs::write(out.join(format!("{}.json", curriculum.locale)), curriculum.encode())?;
    }
    if let Some(assessment) = assessment {
        std::fs::write(out.join("assessment.json"), assessment.encode())?;
    }
    Ok(())
}
