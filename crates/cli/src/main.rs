//! `aware`: the command line for people who write and ship Aware.
//!
//! - `aware check <lessons-dir>`: checks every lesson file; prints `path:line: message` per problem.
//! - `aware build <lessons-dir> --out <dir>`: checks, then writes `<locale>.json` per locale.
//! - `aware size <dist-dir>`: prints the release bundle's sizes (raw, gzip, brotli) per file kind.
//!
//! This crate is glue: the rules live in `aware_core::content::compile`.

mod size;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use aware_core::content::compile::{Compiled, compile};

const USAGE: &str = "usage:
  aware check <lessons-dir>
  aware build <lessons-dir> --out <dir>
  aware size <dist-dir>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["check", dir] => match check(Path::new(dir)) {
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
        ["build", dir, "--out", out] => {
            let Some(compiled) = check(Path::new(dir)) else { return ExitCode::FAILURE };
            match write_bundles(&compiled, &PathBuf::from(out)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("{out}: {err}");
                    ExitCode::FAILURE
                }
            }
        }
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

fn check(dir: &Path) -> Option<Compiled> {
    match compile(dir) {
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

fn write_bundles(compiled: &Compiled, out: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    for curriculum in &compiled.curricula {
        std::fs::write(out.join(format!("{}.json", curriculum.locale)), curriculum.encode())?;
    }
    Ok(())
}
