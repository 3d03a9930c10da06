//! `aware`: the command line for people who write and ship Aware, and who evaluate it.
//!
//! - `aware check <lessons-dir> [<assessment-dir>]`: checks every lesson file (and the pre/post
//!   assessment, and that no quiz item repeats one of its prompts), the glossaries of the
//!   `locales/` folder next to the lessons on all of them and on the interface strings, and the
//!   interface's review status there; prints `path:line: message` per problem, then the warnings
//!   (answer keys that can be guessed).
//! - `aware build <lessons-dir> [<assessment-dir>] --out <dir>`: checks the same, then writes
//!   per locale `content/<locale>/index.bin` and a file per lesson (and
//!   `content/assessment.json`): see `aware_core::content::course`.
//! - `aware content-json <lessons-dir> --out <dir>`: checks the same, then writes the compiled
//!   course as JSON: `<locale>.json` (every lesson, as written) and `<locale>.<band>.json` (each
//!   lesson as that age band sees it, `Lesson::for_band`; lessons not for the band left out). For
//!   tools that need the lesson text and answer keys without reading `lessons/` themselves (the
//!   end-to-end tests); the app's own files stay binary.
//! - `aware size <dist-dir> [--wasm-dir <dir>]`: prints each page's first load (brotli 11) and
//!   fails when one is over its budget (see `size`); with `--wasm-dir` (Cargo's wasm output), also
//!   how many crates each bundle's code comes from and the ten largest.
//! - `aware package --deployment <file> [--locales <dir>] --out <dist> [--single-file <file>]
//!   <student> <check> <teacher>`: puts the pages Trunk built together into the site, with its
//!   Content-Security-Policy and headers, the web app manifest and the service worker that keeps
//!   it offline; with `--single-file`, also the student's lessons as one HTML file that opens
//!   from a disk (see `package`).
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
//! - `aware review-sheet <locale> [--root DIR] [--out FILE]`: writes a printable HTML document of
//!   every lesson, assessment and interface text in `<locale>` beside the English, with each
//!   part's review status and fingerprint (for `locales/<locale>/reviews.toml`).
//! - `aware xapi-report <endpoint> [--deployment FILE] [--json]`: reads every statement of a
//!   learning record store (credential in `AWARE_LRS_AUTH`) and prints, per quiz, attempts
//!   started and completed, scores and each item's share right, suppressed like class reports.
//! - `aware xapi-sample <lessons-dir> [--deployment FILE] [--attempts N] [--lesson ID]... [--seed S]`
//!   (for tests, not in the usage text): prints a JSON array of the statements of made-up attempts.
//!
//! Exit codes: 0 success; 1 a problem with the input (content errors, or for `report` any results
//! file skipped — the report of the others is still printed); 2 a usage error, such as a minimum
//! group size below the floor.
//!
//! This crate is glue: the rules live in `aware_core` (`content::compile`, `report`, `study`).

mod lrs_client;
mod package;
mod report;
mod report_text;
mod review_sheet;
mod size;
mod synth;
mod xapi_report;
mod xapi_sample;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use aware_core::assessment::Assessment;
use aware_core::content::compile::review::check_interface;
use aware_core::content::compile::{
    Compiled, Course, Diagnostic, compile_assessment, compile_course, locales_dir, read_deployment,
};
use aware_core::deployment::Deployment;

const USAGE: &str = "usage:
  aware check <lessons-dir> [<assessment-dir>]
  aware build <lessons-dir> [<assessment-dir>] --out <dir>
  aware content-json <lessons-dir> --out <dir>
  aware size <dist-dir> [--wasm-dir <dir>]
  aware package --deployment <deployment.toml> [--locales <dir>] --out <dist-dir> [--single-file <file>]
                <student-dir> <check-dir> <teacher-dir>
  aware report [--deployment PATH] [--min-group-size K] [--studies PATH]... [--json] <assessment-dir> <lessons-dir> <results-file-or-folder>...
  aware synth <assessment-dir> <lessons-dir> --participants N --files F --out <dir> [--seed S]
  aware review-sheet <locale> [--root DIR] [--out FILE]
  aware xapi-report <endpoint> [--deployment FILE] [--json]

report: pools exported results files (a folder: every *.json in it, recursively, sorted) into one
  report, read one file at a time. A record counts only if its study issued its code: give each
  study's definition file (saved on the study's page in the app) with --studies FILE-OR-FOLDER.
  Results of groups smaller than the deployment's min_group_size
  are hidden (--deployment PATH, default ./deployment.toml); --min-group-size K raises it, never
  lowers it. --json prints the report's JSON instead of English text. A file that cannot be read
  is named on stderr and skipped.
package: puts the pages Trunk built into the site a static host serves (CSP, headers, web app
  manifest, service worker, precompressed files); --locales (default: locales) holds the app's
  name; --single-file also writes the student's lessons as one HTML file for a USB stick.
xapi-report: reads every statement of the learning record store at <endpoint> (its xAPI base,
  e.g. https://lrs-read.example.org/xapi) with the credential in AWARE_LRS_AUTH (the whole
  Authorization header, Basic ...), and prints per quiz the attempts started and completed, the
  scores and each item's share right, hiding groups smaller than deployment.toml's min_group_size.
  The site and version come from deployment.toml's [xapi] table (--deployment: default ./deployment.toml).
synth: writes F results files (<dir>/results) with a pre- and a post-test for each of N made-up
  participants (at most 5000 records a file) and their studies' definitions (<dir>/studies),
  deterministic for a seed (default 1).
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
        ["check", dir] => match check(Path::new(dir), None) {
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
        ["content-json", dir, "--out", out] => content_json(dir, out),
        ["report", args @ ..] => match report::Options::parse(args) {
            Ok(options) => pooled_report(&options),
            Err(problem) => usage_error("report", &problem),
        },
        ["review-sheet", args @ ..] => match review_sheet::Options::parse(args) {
            Ok(options) => match review_sheet::write(&options) {
                Ok(fingerprints) => {
                    print_out(&review_sheet::summary(&options.out, &fingerprints));
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
        ["package", args @ ..] => package_site(args),
        ["xapi-report", args @ ..] => match xapi_report::Options::parse(args) {
            Ok(options) => xapi_report(&options),
            Err(problem) => usage_error("xapi-report", &problem),
        },
        ["xapi-sample", args @ ..] => match xapi_sample::Options::parse(args) {
            Ok(options) => xapi_sample(&options),
            Err(problem) => usage_error("xapi-sample", &problem),
        },
        ["size", dist, rest @ ..] => {
            let wasm_dir = match rest {
                [] => None,
                ["--wasm-dir", dir] => Some(Path::new(*dir)),
                _ => return usage_error("size", "the only option is --wasm-dir <dir>"),
            };
            match size::report(Path::new(dist), wasm_dir) {
                Ok(report) => {
                    print_out(&report.text);
                    if report.over { ExitCode::FAILURE } else { ExitCode::SUCCESS }
                }
                Err(problem) => {
                    eprintln!("{problem}");
                    ExitCode::FAILURE
                }
            }
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// `aware package`: the pages Trunk built (one folder each, in this order) become the site.
fn package_site(args: &[&str]) -> ExitCode {
    let mut options = std::collections::BTreeMap::new();
    let mut pages = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match *arg {
            "--deployment" | "--locales" | "--out" | "--single-file" => match rest.next() {
                Some(value) => {
                    options.insert(*arg, *value);
                }
                None => return usage_error("package", &format!("{arg} needs a value")),
            },
            flag if flag.starts_with("--") => return usage_error("package", &format!("unknown option {flag}")),
            page => pages.push(page),
        }
    }
    let (Some(deployment), Some(out), [student, check, teacher]) =
        (options.get("--deployment"), options.get("--out"), pages.as_slice())
    else {
        return usage_error("package", "expected --deployment FILE --out DIR STUDENT CHECK TEACHER");
    };
    let Some(deployment) = report_problems(aware_core::content::compile::read_deployment(Path::new(deployment))) else {
        return ExitCode::FAILURE;
    };
    let input = package::Input {
        student: student.into(),
        check: check.into(),
        teacher: teacher.into(),
        locales: options.get("--locales").copied().unwrap_or("locales").into(),
    };
    let single_file = options.get("--single-file").map(Path::new);
    match package::package(&input, &deployment, Path::new(out), single_file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("aware package: {problem}");
            ExitCode::FAILURE
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

fn xapi_report(options: &xapi_report::Options) -> ExitCode {
    let Some(deployment) = report_problems(read_deployment(&options.deployment)) else { return ExitCode::FAILURE };
    let Some(xapi) = xapi_settings(&deployment, &options.deployment) else { return ExitCode::FAILURE };
    let mut tally = xapi_report::Tally::new(xapi.site.clone());
    let read = lrs_client::Client::new(&options.endpoint, xapi.version.as_str())
        .and_then(|client| client.for_each_statement(|statement| tally.add(statement)));
    if let Err(problem) = read {
        eprintln!("aware xapi-report: {problem}");
        return ExitCode::FAILURE;
    }
    let report = tally.finish(deployment.min_group_size);
    print_out(&if options.json { report.to_json() + "\n" } else { report.to_string() });
    ExitCode::SUCCESS
}

fn xapi_sample(options: &xapi_sample::Options) -> ExitCode {
    let Some(deployment) = report_problems(read_deployment(&options.deployment)) else { return ExitCode::FAILURE };
    let Some(xapi) = xapi_settings(&deployment, &options.deployment) else { return ExitCode::FAILURE };
    let Some(compiled) = check(&options.lessons, None) else { return ExitCode::FAILURE };
    let statements = xapi_sample::statements(&compiled.curricula, &xapi.site, options);
    let encoded: Vec<String> = statements.iter().map(|statement| statement.encode()).collect();
    print_out(&format!("[{}]\n", encoded.join(",\n")));
    ExitCode::SUCCESS
}

fn xapi_settings<'a>(deployment: &'a Deployment, path: &Path) -> Option<&'a aware_core::deployment::XapiEndpoint> {
    let xapi = deployment.xapi.as_ref();
    if xapi.is_none() {
        eprintln!("{}: has no [xapi] table (its site_url names the quizzes' activities)", path.display());
    }
    xapi
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

/// Writes, per locale, the course index and a file per lesson (`content::course`), and the
/// assessment.
fn write_bundles(compiled: &Compiled, assessment: Option<&Assessment>, out: &Path) -> std::io::Result<()> {
    use aware_core::content::course::{CourseIndex, LessonFile, guide_file, index_file, lesson_file};

    for curriculum in &compiled.curricula {
        let locale = &curriculum.locale;
        for lesson in &curriculum.lessons {
            let (file, guide) = LessonFile::split(locale, lesson);
            write_file(&out.join(lesson_file(locale, &lesson.id)), &file.encode())?;
            write_file(&out.join(guide_file(locale, &lesson.id)), &guide.encode())?;
        }
        write_file(&out.join(index_file(locale)), &CourseIndex::of(curriculum).encode())?;
    }
    if let Some(assessment) = assessment {
        write_file(&out.join("content/assessment.json"), assessment.encode().as_bytes())?;
    }
    Ok(())
}

/// `aware content-json`: the compiled course as JSON, whole and per age band.
fn content_json(lessons: &str, out: &str) -> ExitCode {
    let Some(compiled) = check(Path::new(lessons), None) else { return ExitCode::FAILURE };
    match write_content_json(&compiled, Path::new(out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{out}: {err}");
            ExitCode::FAILURE
        }
    }
}

fn write_content_json(compiled: &Compiled, out: &Path) -> std::io::Result<()> {
    use aware_core::band::AgeBand;
    use aware_core::content::Curriculum;

    for curriculum in &compiled.curricula {
        let locale = &curriculum.locale;
        write_file(&out.join(format!("{locale}.json")), curriculum.encode().as_bytes())?;
        for band in AgeBand::ALL {
            let seen = Curriculum {
                format: curriculum.format,
                locale: locale.clone(),
                lessons: curriculum.lessons.iter().filter_map(|lesson| lesson.for_band(band)).collect(),
            };
            write_file(&out.join(format!("{locale}.{band}.json")), seen.encode().as_bytes())?;
        }
    }
    Ok(())
}

fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, bytes)
}
