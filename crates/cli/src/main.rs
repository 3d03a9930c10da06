//! `aware`: the command line for people who write and ship Aware, and who evaluate it.
//!
//! - `aware check <lessons-dir> [<assessment-dir>]`: checks every lesson file (and the pre/post
//!   assessment); prints `path:line: message` per problem.
//! - `aware build <lessons-dir> [<assessment-dir>] --out <dir>`: checks, then writes
//!   `<locale>.json` per locale (and `assessment.json`).
//! - `aware size <dist-dir>`: prints the release bundle's sizes (raw, gzip, brotli) per file kind.
//! - `aware report [--deployment PATH] [--min-group-size K] [--studies PATH]... [--json]
//!   <assessment-dir> <lessons-dir> <results>...`: pools exported results files (a folder means
//!   every `*.json` under it, in sorted order) from any number of schools into one report, in
//!   English or as the report's JSON. Only codes issued by a study whose definition is given with
//!   `--studies` (a file or a folder of them) count. Files are read one at a time; one that cannot
//!   be read or decoded is named on stderr as `path: problem` and skipped. The minimum group size
//!   is the deployment's (`deployment.toml`, the app's setting); `K` may raise it, never lower it.
//! - `aware synth <assessment-dir> <lessons-dir> --participants N --files F --out <dir> [--seed S]`:
//!   writes F results files (in `<dir>/results`) holding a pre- and a post-test for each of N
//!   made-up participants, and their studies' definitions (in `<dir>/studies`), for benchmarks and
//!   tests.
//!
//! Exit codes: 0 success; 1 a problem with the input (content errors, or for `report` any results
//! file skipped — the report of the others is still printed); 2 a usage error, such as a minimum
//! group size below the floor.
//!
//! This crate is glue: the rules live in `aware_core` (`content::compile`, `report`, `study`).

mod report;
mod report_text;
mod size;
mod synth;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use aware_core::assessment::Assessment;
use aware_core::content::compile::{Compiled, Diagnostic, compile, compile_assessment, read_deployment};

const USAGE: &str = "usage:
  aware check <lessons-dir> [<assessment-dir>]
  aware build <lessons-dir> [<assessment-dir>] --out <dir>
  aware size <dist-dir>
  aware report [--deployment PATH] [--min-group-size K] [--studies PATH]... [--json] <assessment-dir> <lessons-dir> <results-file-or-folder>...
  aware synth <assessment-dir> <lessons-dir> --participants N --files F --out <dir> [--seed S]

report: pools exported results files (a folder: every *.json in it, recursively, sorted) into one
  report, read one file at a time. A record counts only if its study issued its code: give each
  study's definition file (saved on the study's page in the app) with --studies FILE-OR-FOLDER.
  Results of groups smaller than the deployment's min_group_size
  are hidden (--deployment PATH, default ./deployment.toml); --min-group-size K raises it, never
  lowers it. --json prints the report's JSON instead of English text. A file that cannot be read
  is named on stderr and skipped.
synth: writes F results files (<dir>/results) with a pre- and a post-test for each of N made-up
  participants (at most 5000 records a file) and their studies' definitions (<dir>/studies),
  deterministic for a seed (default 1).

exit status: 0 success, 1 a problem with the input (for report: a file was skipped; the report of
  the others is still printed), 2 a usage error";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["check", dir, assessment] => {
            match (check(Path::new(dir)), check_assessment(Path::new(assessment), Path::new(dir))) {
                (Some(_), Some(assessment)) => {
                    let per_form = assessment.knowledge.len() / 2;
                    print_out(&format!(
                        "ok: assessment version {}, {per_form} knowledge items per form, {} Likert items in {} scales, locales: {}\n",
                        assessment.version,
                        assessment.likert.len(),
                        assessment.scales.len(),
                        assessment.locales.join(", ")
                    ));
                    ExitCode::SUCCESS
                }
                _ => ExitCode::FAILURE,
            }
        }
        ["check", dir] => match check(Path::new(dir)) {
            Some(compiled) => {
                let lessons = compiled.curricula.first().map_or(0, |c| c.lessons.len());
                let items: usize =
                    compiled.curricula.first().map_or(0, |c| c.lessons.iter().map(|l| l.quiz.len()).sum());
                let locales: Vec<&str> = compiled.curricula.iter().map(|c| c.locale.as_str()).collect();
                print_out(&format!(
                    "ok: {lessons} lessons, {items} quiz items, locales: {}, {} help contacts\n",
                    locales.join(", "),
                    compiled.help.contacts.len()
                ));
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
        ["synth", args @ ..] => match synth::Options::parse(args) {
            Ok(options) => synthesise(&options),
            Err(problem) => usage_error("synth", &problem),
        },
        ["size", dist] => match size::report(Path::new(dist)) {
            Ok(report) => {
                print_out(&report.to_string());
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
    let deployment = match read_deployment(&options.deployment) {
        Ok(deployment) => deployment,
        Err(diagnostics) => {
            for diagnostic in &diagnostics {
                eprintln!("{diagnostic}");
            }
            eprintln!("aware report: the minimum group size comes from the deployment's settings (--deployment PATH)");
            return ExitCode::FAILURE;
        }
    };
    let k = match options.min_group(deployment.min_group_size) {
        Ok(k) => k,
        Err(problem) => return usage_error("report", &problem),
    };
    let Some(assessment) = check_assessment(&options.assessment, &options.lessons) else { return ExitCode::FAILURE };
    let pooled = report::pool(&assessment, options, k);
    let text = if options.json { pooled.report.to_json() + "\n" } else { report_text::Text(&pooled).to_string() };
    print_out(&text);
    if pooled.files_skipped > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// Writes to standard output. A reader that has gone away (`aware report … | head`) is not an
/// error worth a message: the rest is simply not wanted. Rust's `print!` would panic there.
fn print_out(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(error) => eprintln!("aware: cannot write the output: {error}"),
    }
}

fn synthesise(options: &synth::Options) -> ExitCode {
    let Some(assessment) = check_assessment(&options.assessment, &options.lessons) else { return ExitCode::FAILURE };
    match synth::write(&assessment, options) {
        Ok(written) => {
            print_out(&format!(
                "wrote {} participants ({} records) from {} studies in {} files to {}\n",
                written.participants,
                written.records,
                written.studies,
                written.files,
                options.out.display()
            ));
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("aware synth: {problem}");
            ExitCode::FAILURE
        }
    }
}

fn check(dir: &Path) -> Option<Compiled> {
    report_problems(compile(dir))
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
    let compiled = check(Path::new(lessons));
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
