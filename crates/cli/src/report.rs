//! `aware report`: pools the results files of many schools into one report.
//!
//! Streaming: files are read and decoded one at a time, their records fed into a single
//! [`ReportBuilder`], and the file dropped before the next is read. Memory holds one file (at most
//! [`MAX_FILE_BYTES`] and its records) plus what the builder keeps, which grows only with the
//! participants still waiting for their other phase (and a few bytes per participant seen).
//!
//! A file that cannot be read or decoded is named on stderr as `path: problem` and skipped; the
//! others still count. The decoder is the app's own ([`ResultsFile::decode`]), with its limits.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use aware_core::assessment::Assessment;
use aware_core::report::{Report, ReportBuilder};
use aware_core::study::file::MAX_FILE_BYTES;
use aware_core::study::{ImportError, MinGroupSize, ResultsFile};

pub struct Options {
    /// `deployment.toml`: its `min_group_size` is the report's k, as in the app.
    pub deployment: PathBuf,
    /// `--min-group-size`: a k above the deployment's (a lower one is refused when it is read).
    pub min_group_size: Option<u32>,
    pub json: bool,
    pub assessment: PathBuf,
    pub lessons: PathBuf,
    /// Results files and folders, in the order given.
    pub inputs: Vec<PathBuf>,
}

/// The report, and how many inputs were used and skipped.
pub struct Pooled {
    pub report: Report,
    pub files_read: usize,
    /// Files (or folders) named on stderr: unreadable, undecodable, or a folder without results.
    pub files_skipped: usize,
}

impl Options {
    /// `[--deployment PATH] [--min-group-size K] [--json] <assessment-dir> <lessons-dir>
    /// <results-file-or-folder>...`, options anywhere; `--` ends the options.
    pub fn parse(args: &[&str]) -> Result<Options, String> {
        let (mut min_group_size, mut json, mut positional) = (None, false, Vec::new());
        let mut deployment = PathBuf::from("deployment.toml");
        let mut args = args.iter();
        let mut options_ended = false;
        while let Some(&arg) = args.next() {
            match arg {
                _ if options_ended => positional.push(PathBuf::from(arg)),
                "--" => options_ended = true,
                "--json" => json = true,
                "--deployment" => deployment = PathBuf::from(args.next().ok_or("--deployment needs a path")?),
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
        Ok(Options { deployment, min_group_size, json, assessment, lessons, inputs })
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

/// Reads every input in order; a folder contributes every `*.json` under it, recursively, in
/// sorted path order. Problems go to stderr as they are found.
pub fn pool(assessment: &Assessment, options: &Options, k: MinGroupSize) -> Pooled {
    let mut builder = ReportBuilder::new(assessment);
    let (mut files_read, mut files_skipped) = (0, 0);
    // One buffer for every file: its capacity grows to the largest file read, never beyond the limit.
    let mut bytes = Vec::new();
    for input in &options.inputs {
        let paths = if input.is_dir() {
            let mut paths = Vec::new();
            match find_json(input, &mut paths) {
                Err(problem) => {
                    eprintln!("{}: {problem}", input.display());
                    files_skipped += 1;
                }
                Ok(()) if paths.is_empty() => {
                    eprintln!("{}: no results files (*.json) in this folder", input.display());
                    files_skipped += 1;
                }
                Ok(()) => {}
            }
            paths.sort();
            paths
        } else {
            vec![input.clone()]
        };
        for path in paths {
            match read(&path, &mut bytes) {
                Ok(file) => {
                    for record in file.records() {
                        builder.add(record);
                    }
                    files_read += 1;
                }
                Err(problem) => {
                    eprintln!("{}: {problem}", path.display());
                    files_skipped += 1;
                }
            }
        }
    }
    Pooled { report: builder.finish(k), files_read, files_skipped }
}

/// A file's problem, in the words `ImportError` and the operating system use.
enum Problem {
    Io(std::io::Error),
    Import(ImportError),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Io(error) => write!(f, "{error}"),
            Problem::Import(error) => write!(f, "{error}"),
        }
    }
}

fn read(path: &Path, bytes: &mut Vec<u8>) -> Result<ResultsFile, Problem> {
    let file = File::open(path).map_err(Problem::Io)?;
    let length = file.metadata().map_err(Problem::Io)?.len();
    // Refuse a huge file before reading it, as the app's import does; `take` guards a file that
    // grows while it is read.
    if length > MAX_FILE_BYTES as u64 {
        let bytes = usize::try_from(length).unwrap_or(usize::MAX);
        return Err(Problem::Import(ImportError::TooLarge { bytes, max: MAX_FILE_BYTES }));
    }
    bytes.clear();
    file.take(MAX_FILE_BYTES as u64 + 1).read_to_end(bytes).map_err(Problem::Io)?;
    ResultsFile::decode(bytes).map_err(Problem::Import)
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
