//! `aware synth`: synthetic results files, for the pooled report's benchmark and tests.
//!
//! Every record is one an exported results file could hold and the compiled assessment scores:
//! study ids and codes come from [`StudyDefinition::create`] like a teacher's (and each study's
//! definition is written beside the results, as a teacher saves it), forms from
//! the study's design, answers from the assessment's own item and option ids at their versions.
//! The answers are drawn from a small deterministic generator (SplitMix64), so the same seed and
//! arguments always write the same bytes, and a participant does better after the lessons than
//! before, so every statistic of the report has something to show.
//!
//! Files are written one at a time: memory holds one file's records, never the whole data set.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::PathBuf;

use aware_core::assessment::Assessment;
use aware_core::rng::SplitMix64 as Rng;
use aware_core::study::{
    Answer, Chosen, Code, Date, Design, Form, Id, Likert, Locale, Phase, Record, Response, ResultsFile, Sheet,
    StudyDefinition, StudyId,
};

pub struct Options {
    pub assessment: PathBuf,
    pub lessons: PathBuf,
    pub participants: usize,
    pub files: usize,
    pub out: PathBuf,
    pub seed: u64,
}

/// What was written, for the one line `aware synth` prints.
pub struct Written {
    pub participants: usize,
    pub records: usize,
    pub files: usize,
    pub studies: usize,
}

#[derive(Debug)]
pub enum SynthError {
    /// The layout would put more records in one file than an import accepts.
    FileTooFull {
        records: usize,
        max: usize,
        min_files: usize,
    },
    /// The assessment has an id the record types refuse (the compiler should have caught it).
    Content(String),
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl Options {
    /// `<assessment-dir> <lessons-dir> --participants N --files F --out DIR [--seed S]`, options
    /// in any order.
    pub fn parse(args: &[&str]) -> Result<Options, String> {
        let mut positional = Vec::new();
        let (mut participants, mut files, mut out, mut seed) = (None, None, None, 1);
        let mut args = args.iter();
        while let Some(&arg) = args.next() {
            let mut value = |name: &str| args.next().copied().ok_or_else(|| format!("{name} needs a value"));
            match arg {
                "--participants" => participants = Some(count(value(arg)?, arg)?),
                "--files" => files = Some(count(value(arg)?, arg)?),
                "--out" => out = Some(PathBuf::from(value(arg)?)),
                "--seed" => {
                    let text = value(arg)?;
                    seed = text.parse().map_err(|_| format!("--seed {text:?} is not a whole number"))?;
                }
                option if option.starts_with("--") => return Err(format!("unknown option {option}")),
                path => positional.push(PathBuf::from(path)),
            }
        }
        let [assessment, lessons]: [PathBuf; 2] =
            positional.try_into().map_err(|_| "expected <assessment-dir> <lessons-dir>".to_owned())?;
        let participants = participants.ok_or("--participants is required")?;
        let files = files.ok_or("--files is required")?;
        if files > participants {
            return Err(format!("{files} files for {participants} participants: some files would be empty"));
        }
        Layout::new(participants, files).check().map_err(|problem| problem.to_string())?;
        let out = out.ok_or("--out is required")?;
        Ok(Options { assessment, lessons, participants, files, out, seed })
    }
}

fn count(text: &str, name: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("{name} {text:?} is not a whole number above 0")),
    }
}

/// Writes `results/results-<n>.json` files (numbered from 1, zero-padded so that they sort in
/// order) and `studies/study-<id>.json` (each study's definition, as a teacher saves it) into
/// `options.out`, creating the folders; files of the same names are replaced.
pub fn write(assessment: &Assessment, options: &Options) -> Result<Written, SynthError> {
    let layout = Layout::new(options.participants, options.files);
    layout.check()?;
    let items = Items::of(assessment)?;
    let (results, definitions) = (options.out.join("results"), options.out.join("studies"));
    for folder in [&results, &definitions] {
        std::fs::create_dir_all(folder).map_err(|error| SynthError::Io { path: folder.clone(), error })?;
    }
    let width = options.files.to_string().len().max(3);
    let mut studies = Studies {
        seed: options.seed,
        size: layout.study_size,
        participants: layout.participants,
        held: BTreeMap::new(),
        written: BTreeSet::new(),
        folder: definitions,
    };
    let mut records_written = 0;
    for file in 0..layout.files {
        let mut records = Vec::with_capacity(layout.records_in(file));
        for (participant, phase) in layout.attempts_in(file) {
            let (study, code) = studies.get(participant)?;
            records.push(items.record(options.seed, participant, study, code, phase));
        }
        // The next file needs this block's studies (for the post-tests carried into it) and later ones.
        studies.forget_before(layout.block(file).start);
        records_written += records.len();
        let path = results.join(format!("results-{:0width$}.json", file + 1));
        let json = ResultsFile::new(records)
            .map_err(|problem| SynthError::Content(problem.to_string()))?
            .encode()
            .map_err(|problem| SynthError::Content(problem.to_string()))?;
        std::fs::write(&path, json).map_err(|error| SynthError::Io { path, error })?;
    }
    Ok(Written {
        participants: options.participants,
        records: records_written,
        files: options.files,
        studies: options.participants.div_ceil(layout.study_size),
    })
}

impl fmt::Display for SynthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SynthError::FileTooFull { records, max, min_files } => write!(
                f,
                "a file would hold {records} records, more than the {max} a results file may have; \
                 use --files {min_files} or more"
            ),
            SynthError::Content(problem) => write!(f, "the assessment cannot be answered: {problem}"),
            SynthError::Io { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

/// Which participant's which phase goes into which file.
///
/// Participants are split into one contiguous block per file. A file holds the pre-tests of its
/// block and the post-tests of the first nine tenths of it; the last tenth hand their post-test in
/// with the next file (the last file's with the first), as a school's late post-tests would.
///
/// This interleaving is deliberate: `aware report` keeps a participant in memory only from their
/// first record to their second, so with pre and post in the same or the next file the memory it
/// needs stays at about one file's participants however many files and records there are. (Files
/// of only pre-tests followed by files of only post-tests would make it hold every participant.)
struct Layout {
    participants: usize,
    files: usize,
    /// Participants per study: one [`Sheet`] each.
    study_size: usize,
}

impl Layout {
    fn new(participants: usize, files: usize) -> Layout {
        // A few studies even for a small run, and never more codes than one sheet prints.
        let study_size = participants.div_ceil(4).clamp(1, Sheet::MAX_CODES);
        Layout { participants, files, study_size }
    }

    fn check(&self) -> Result<(), SynthError> {
        let fullest = self.fullest();
        if fullest > ResultsFile::MAX_RECORDS {
            let min_files = self.fewest_files_that_fit();
            return Err(SynthError::FileTooFull { records: fullest, max: ResultsFile::MAX_RECORDS, min_files });
        }
        Ok(())
    }

    fn block(&self, file: usize) -> std::ops::Range<usize> {
        let start = |file: usize| (file as u128 * self.participants as u128 / self.files as u128) as usize;
        start(file)..start(file + 1)
    }

    fn previous(&self, file: usize) -> usize {
        (file + self.files - 1) % self.files
    }

    /// How many of a block hand in their post-test with the next file.
    fn carried(&self, file: usize) -> usize {
        if self.files == 1 { 0 } else { self.block(file).len() / 10 }
    }

    fn records_in(&self, file: usize) -> usize {
        2 * self.block(file).len() - self.carried(file) + self.carried(self.previous(file))
    }

    fn fullest(&self) -> usize {
        (0..self.files).map(|file| self.records_in(file)).max().unwrap_or(0)
    }

    fn fewest_files_that_fit(&self) -> usize {
        (self.participants.div_ceil(ResultsFile::MAX_RECORDS).max(1)..)
            .find(|&files| Layout { files, ..*self }.fullest() <= ResultsFile::MAX_RECORDS)
            .unwrap_or(self.participants)
    }

    fn attempts_in(&self, file: usize) -> impl Iterator<Item = (usize, Phase)> {
        let own = self.block(file);
        let stays = own.start..own.end - self.carried(file);
        let previous = self.block(self.previous(file));
        let arrives = previous.end - self.carried(self.previous(file))..previous.end;
        own.map(|p| (p, Phase::Pre)).chain(stays.map(|p| (p, Phase::Post))).chain(arrives.map(|p| (p, Phase::Post)))
    }
}

/// Studies are made on demand from the seed and their number, so any file can be written without
/// the others; only the few studies the current files need are held. Each study's definition is
/// written once, when it is first made.
struct Studies {
    seed: u64,
    size: usize,
    participants: usize,
    held: BTreeMap<usize, Study>,
    /// Studies whose definition has been written.
    written: BTreeSet<usize>,
    folder: PathBuf,
}

struct Study {
    id: StudyId,
    design: Design,
    codes: Vec<Code>,
}

impl Studies {
    fn get(&mut self, participant: usize) -> Result<(&Study, Code), SynthError> {
        let number = participant / self.size;
        if !self.held.contains_key(&number) {
            let mut random = rng(self.seed, Stream::Study, number as u64);
            let mut bytes = || random.bytes();
            // Both designs, alternately, so that forms A and B are both taken first.
            let design = Design::ALL[number % 2];
            let count = self.size.min(self.participants - number * self.size);
            let definition = StudyDefinition::create(design, count, &mut bytes)
                .map_err(|problem| SynthError::Content(problem.to_string()))?;
            if self.written.insert(number) {
                let path = self.folder.join(format!("study-{}.json", definition.id().compact()));
                std::fs::write(&path, definition.encode()).map_err(|error| SynthError::Io { path, error })?;
            }
            self.held.insert(number, Study { id: definition.id(), design, codes: definition.codes() });
        }
        let study = &self.held[&number];
        Ok((study, study.codes[participant % self.size]))
    }

    fn forget_before(&mut self, participant: usize) {
        let first = participant / self.size;
        self.held.retain(|&number, _| number >= first);
    }
}

/// The assessment's ids, parsed once.
struct Items {
    version: u32,
    locales: Vec<Locale>,
    /// Per form (A, B), in form order.
    knowledge: [Vec<KnowledgeItem>; 2],
    likert: Vec<LikertItem>,
    scales: usize,
}

struct KnowledgeItem {
    id: Id,
    version: u32,
    options: Vec<Id>,
    correct: Chosen,
    /// Added to a participant's chance of answering right: some items are harder than others.
    ease: f64,
}

struct LikertItem {
    id: Id,
    version: u32,
    reversed: bool,
    scale: usize,
}

impl Items {
    fn of(assessment: &Assessment) -> Result<Items, SynthError> {
        let id =
            |text: &str| Id::new(text).map_err(|problem| SynthError::Content(format!("item id {text:?}: {problem}")));
        let knowledge = |form: Form| -> Result<Vec<KnowledgeItem>, SynthError> {
            assessment
                .knowledge_on(form)
                .enumerate()
                .map(|(i, item)| {
                    let options = item.options.iter().map(|o| id(&o.id)).collect::<Result<Vec<_>, _>>()?;
                    let correct =
                        item.options.iter().filter(|o| o.correct).map(|o| id(&o.id)).collect::<Result<_, _>>()?;
                    Ok(KnowledgeItem {
                        id: id(&item.id)?,
                        version: item.version,
                        options,
                        correct,
                        ease: (i % 5) as f64 * 0.06 - 0.12,
                    })
                })
                .collect()
        };
        let likert = assessment
            .likert
            .iter()
            .map(|item| {
                Ok(LikertItem {
                    id: id(&item.id)?,
                    version: item.version,
                    reversed: item.reversed,
                    scale: assessment.scales.iter().position(|scale| scale.id == item.scale).unwrap_or(0),
                })
            })
            .collect::<Result<Vec<_>, SynthError>>()?;
        let locales = assessment
            .locales
            .iter()
            .map(|tag| {
                Locale::new(tag).ok_or_else(|| SynthError::Content(format!("locale {tag:?} is not a language tag")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if locales.is_empty() || assessment.knowledge.is_empty() {
            return Err(SynthError::Content("it has no locale or no knowledge item".to_owned()));
        }
        Ok(Items {
            version: assessment.version,
            locales,
            knowledge: [knowledge(Form::A)?, knowledge(Form::B)?],
            likert,
            scales: assessment.scales.len(),
        })
    }

    /// One participant's attempt. Their traits come from their own stream and each phase's answers
    /// from another, so the pre- and post-test can be written in different files in any order.
    fn record(&self, seed: u64, participant: usize, study: &Study, code: Code, phase: Phase) -> Record {
        let mut traits = rng(seed, Stream::Traits, participant as u64);
        let ability = traits.unit();
        let locale = self.locales[traits.below(self.locales.len())].clone();
        let attitudes: Vec<f64> = (0..self.scales).map(|_| 1.8 + 2.4 * traits.unit()).collect();

        let (stream, month, learned) = match phase {
            Phase::Pre => (Stream::Pre, 3, 0.0),
            Phase::Post => (Stream::Post, 5, 1.0),
        };
        let mut random = rng(seed, stream, participant as u64);
        let form = study.design.form(code, phase);
        let mut answers = BTreeMap::new();
        let before = 0.25 + 0.45 * ability;
        let chance = before + learned * 0.45 * (0.95 - before);
        for item in &self.knowledge[form as usize] {
            let draw = random.unit();
            let response = if draw < 0.02 {
                continue; // Not reached.
            } else if draw < 0.04 {
                Response::Declined
            } else if random.unit() < (chance + item.ease).clamp(0.02, 0.98) {
                Response::Chose(item.correct.clone())
            } else {
                let wrong: Vec<&Id> = item.options.iter().filter(|o| !item.correct.contains(o.as_str())).collect();
                match wrong.len() {
                    0 => Response::Chose(item.correct.clone()),
                    n => Response::Chose(Chosen::from([wrong[random.below(n)].clone()])),
                }
            };
            answers.insert(item.id.clone(), Answer { version: item.version, response });
        }
        for item in &self.likert {
            let response = if random.unit() < 0.05 {
                Response::Declined
            } else {
                // The score (higher is the aim of the lessons), then the answer that gives it.
                let score =
                    (attitudes[item.scale] + 0.4 * learned + 2.0 * random.unit() - 1.0).round().clamp(1.0, 5.0) as u8;
                let answer = if item.reversed { 6 - score } else { score };
                Response::Likert(Likert::new(answer).expect("1 to 5 by the clamp above"))
            };
            answers.insert(item.id.clone(), Answer { version: item.version, response });
        }
        if answers.is_empty() {
            let first = &self.knowledge[form as usize][0];
            answers.insert(first.id.clone(), Answer { version: first.version, response: Response::Declined });
        }
        let day = 1 + random.below(28) as u8;
        Record {
            study: study.id,
            code,
            phase,
            form,
            locale,
            content_version: self.version,
            date: Date::new(2025, month, day).expect("days 1 to 28 exist in every month"),
            answers,
        }
    }
}

#[derive(Clone, Copy)]
enum Stream {
    Study = 1,
    Traits = 2,
    Pre = 3,
    Post = 4,
}

/// An independent stream of made-up answers per (seed, purpose, number). Not for real codes,
/// which the app draws from the browser's cryptographic source.
fn rng(seed: u64, stream: Stream, number: u64) -> Rng {
    let base = Rng(seed).next_u64();
    let base = Rng(base ^ (stream as u64).wrapping_mul(0xD1B5_4A32_D192_ED03)).next_u64();
    Rng(base ^ number.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_participant_has_one_pre_and_one_post_in_some_file() {
        for (participants, files) in [(1, 1), (7, 3), (40, 4), (1000, 7), (500_000, 200)] {
            let layout = Layout::new(participants, files);
            let mut seen = vec![[0u8; 2]; participants];
            let mut records = 0;
            for file in 0..files {
                let attempts: Vec<_> = layout.attempts_in(file).collect();
                assert_eq!(attempts.len(), layout.records_in(file));
                records += attempts.len();
                for (participant, phase) in attempts {
                    seen[participant][phase as usize] += 1;
                }
            }
            assert_eq!(records, 2 * participants);
            assert!(seen.iter().all(|&phases| phases == [1, 1]), "{participants} in {files}");
        }
    }

    #[test]
    fn a_large_run_fills_files_to_the_limit_and_no_further() {
        let layout = Layout::new(500_000, 200);
        assert_eq!(layout.fullest(), ResultsFile::MAX_RECORDS);
        assert_eq!(Layout::new(500_000, 199).fewest_files_that_fit(), 200);
    }

    #[test]
    fn a_study_is_the_same_whichever_participant_asks_first() {
        let folder = std::env::temp_dir().join(format!("aware-synth-studies-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let studies = || Studies {
            seed: 9,
            size: 10,
            participants: 40,
            held: BTreeMap::new(),
            written: BTreeSet::new(),
            folder: folder.clone(),
        };
        let (mut first, mut again) = (studies(), studies());
        let (study, code) = first.get(25).unwrap();
        let (id, code) = (study.id, code);
        again.get(3).unwrap();
        let (study, same) = again.get(25).unwrap();
        assert_eq!((study.id, same), (id, code));
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
