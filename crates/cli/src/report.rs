//! `aware report`: pools the results files of many schools into one report.
//!
//! First the studies' definitions are read (`--studies`): a record counts only if its study issued
//! its code (see `aware_core::study::definition`), so records of studies whose definition was not
//! given are left out and counted as such. Then the results files are streamed: each is read
//! into one reused buffer and its records scored straight from its bytes (the app's own decoder,
//! [`Reader`], with its limits), a file counting whole or not at all. Memory holds one file (at
//! most [`MAX_FILE_BYTES`]) plus what the builder keeps: a bit per issued code, the codes
//! themselves, and the participants still waiting for their other phase; never the records.
//!
//! A file that cannot be read or decoded is named on stderr as `path: problem` and skipped; the
//! others still count. Every record is checked against the assessment's vocabulary, as the app's
//! import checks it (`ResultsFile::import`): a file naming anything else is skipped.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use aware_core::assessment::Assessment;
use aware_core::report::{Report, ReportBuilder};
use aware_core::study::definition::{DefinitionError, MAX_DEFINITION_BYTES};
use aware_core::study::file::MAX_FILE_BYTES;
use aware_core::study::{ImportError, IssuedCodes, MinGroupSize, Reader, StudyDefinition};

pub struct Options {
    /// `deployment.toml`: its `min_group_size` is the report's k, as in the app.
    pub deployment: PathBuf,
    /// `--min-group-size`: a k above the deployment's (a lower one is refused when it is read).
    pub min_group_size: Option<u32>,
    pub json: bool,
    /// Study definition files and folders of them.
    pub studies: Vec<PathBuf>,
    pub assessment: PathBuf,
    pub lessons: PathBuf,
    /// Results files and folders, in the order given.
    pub inputs: Vec<PathBuf>,
}

/// The report, and how many inputs were used and skipped.
pub struct Pooled {
    pub report: Report,
    /// Study definitions read (a study given twice counts once).
    pub studies: usize,
    pub files_read: usize,
    /// Files (or folders) named on stderr: unreadable, undecodable, or a folder without results.
    pub files_skipped: usize,
}

impl Options {
    /// `[--deployment PATH] [--min-group-size K] [--studies PATH]... [--json] <assessment-dir>
    /// <lessons-dir> <results-file-or-folder>...`, options anywhere; `--` ends the options.
    pub fn parse(args: &[&str]) -> Result<Options, String> {
        let (mut min_group_size, mut json, mut positional, mut studies) = (None, false, Vec::new(), Vec::new());
        let mut deployment = PathBuf::from("deployment.toml");
        let mut args = args.iter();
        let mut options_ended = false;
        while let Some(&arg) = args.next() {
            match arg {
                _ if options_ended => positional.push(PathBuf::from(arg)),
                "--" => options_ended = true,
                "--json" => json = true,
                "--deployment" => deployment = PathBuf::from(args.next().ok_or("--deployment needs a path")?),
                "--studies" => studies.push(PathBuf::from(args.next().ok_or("--studies needs a file or folder")?)),
                "--min-group-size" => {
                    let text = args.next().ok_or("--min-group-size needs a number")?;
                    let k = text.parse().map_err(|_| format!("--min-group-size {text:?} is not a whole number"))?;
                    min_group_size = Some(k);
                }
                option if option.starts_with("--") => return Err(format!("unknown option {option}")),
                path => positional.push(PathBuf::from(path)),
            }
        }
        let mut positional = positional.into_iter();
        let (Some(assessment), Some(lessons)) = (positional.next(), positional.next()) else {
            return Err("expected <assessment-dir> <lessons-dir> before the results".to_owned());
        };
        let inputs: Vec<PathBuf> = positional.collect();
        if inputs.is_empty() {
            return Err("expected at least one results file or folder".to_owned());
        }
        Ok(Options { deployment, min_group_size, json, studies, assessment, lessons, inputs })
    }

    /// The report's k: the deployment's, or the larger one asked for. A smaller one is refused, so
    /// the command line never shows what the app hides.
    pub fn min_group(&self, deployment: MinGroupSize) -> Result<MinGroupSize, String> {
        let Some(asked) = self.min_group_size else { return Ok(deployment) };
        if asked < deployment.get() {
            return Err(format!(
                "--min-group-size {asked} refused: {} sets {}, and a report may hide more than the app, never less",
                self.deployment.display(),
                deployment.get()
            ));
        }
        MinGroupSize::new(asked).map_err(|below| format!("--min-group-size {asked} refused: {below}"))
    }
}

/// Reads every study definition, then every results input in order; a folder contributes every
/// `*.json` under it, recursively, in sorted path order. Problems go to stderr as they are found.
pub fn pool(assessment: &Assessment, options: &Options, k: MinGroupSize) -> Pooled {
    let mut skipped = 0;
    // One buffer for every file: its capacity grows to the largest file read, never beyond the limit.
    let mut bytes = Vec::new();
    let mut issued = IssuedCodes::new();
    for path in json_files(&options.studies, "study files", &mut skipped) {
        let too_large = |bytes| Problem::Definition(DefinitionError::TooLarge { bytes, max: MAX_DEFINITION_BYTES });
        match read(&path, MAX_DEFINITION_BYTES, too_large, &mut bytes)
            .and_then(|()| StudyDefinition::decode(&bytes).map_err(Problem::Definition))
        {
            Ok(definition) => {
                issued.add(&definition);
            }
            Err(problem) => {
                eprintln!("{}: {problem}", path.display());
                skipped += 1;
            }
        }
    }
    let mut builder = ReportBuilder::new(assessment, &issued);
    let mut reader = Reader::new();
    let mut files_read = 0;
    for path in json_files(&options.inputs, "results files", &mut skipped) {
        let too_large = |bytes| Problem::Import(ImportError::TooLarge { bytes, max: MAX_FILE_BYTES });
        match read(&path, MAX_FILE_BYTES, too_large, &mut bytes)
            .and_then(|()| builder.add_file(&mut reader, &bytes).map_err(Problem::Import))
        {
            Ok(_) => files_read += 1,
            Err(problem) => {
                eprintln!("{}: {problem}", path.display());
                skipped += 1;
            }
        }
    }
    Pooled { report: builder.finish(k), studies: issued.studies(), files_read, files_skipped: skipped }
}

/// The files of `inputs` in order, a folder's `*.json` files sorted; a folder that cannot be read
/// or holds none is named on stderr and counted in `skipped`.
fn json_files(inputs: &[PathBuf], what: &str, skipped: &mut usize) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            files.push(input.clone());
            continue;
        }
        let mut found = Vec::new();
        match find_json(input, &mut found) {
            Err(problem) => {
                eprintln!("{}: {problem}", input.display());
                *skipped += 1;
            }
            Ok(()) if found.is_empty() => {
                eprintln!("{}: no {what} (*.json) in this folder", input.display());
                *skipped += 1;
            }
            Ok(()) => {}
        }
        found.sort();
        files.extend(found);
    }
    files
}

/// A file's problem, in the words `ImportError`, `DefinitionError` and the operating system use.
enum Problem {
    Io(std::io::Error),
    Import(ImportError),
    Definition(DefinitionError),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Io(error) => write!(f, "{error}"),
            Problem::Import(error) => write!(f, "{error}"),
            Problem::Definition(error) => write!(f, "{error}"),
        }
    }
}

/// Reads a whole file into `bytes`, refusing one larger than `max` before reading it (as the
/// app's import does); `take` guards a file that grows while it is read.
fn read(path: &Path, max: usize, too_large: impl Fn(usize) -> Problem, bytes: &mut Vec<u8>) -> Result<(), Problem> {
    let file = File::open(path).map_err(Problem::Io)?;
    let length = file.metadata().map_err(Problem::Io)?.len();
    if length > max as u64 {
        return Err(too_large(usize::try_from(length).unwrap_or(usize::MAX)));
    }
    bytes.clear();
    file.take(max as u64 + 1).read_to_end(bytes).map_err(Problem::Io)?;
    Ok(())
}

/// Every `*.json` file under `dir` (any case of the extension). Symbolic links to folders are not
/// followed, so a link back up the tree cannot make this loop.
fn find_json(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            find_json(&path, found)?;
        } else if path.extension().is_some_and(|extension| extension.eq_ignore_ascii_case("json"))
            && (kind.is_file() || path.is_file())
        {
            found.push(path);
        }
    }
    Ok(())
}
