//! `aware xapi-sample`: statements from made-up attempts at the real lessons' quizzes, as the
//! embedded app would send them, for the tests against a real learning record store. Students
//! answer each item right on the first try with a chance of one half; otherwise they pick a
//! wrong option first and then the right one, as the quiz lets them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use aware_core::content::Curriculum;
use aware_core::deployment::SiteUrl;
use aware_core::quiz::{ItemRecord, Selection, Summary, check};
use aware_core::rng::SplitMix64;
use aware_core::xapi::{Attempt, IdBytes, Statement};

pub struct Options {
    pub lessons: PathBuf,
    pub deployment: PathBuf,
    /// Attempts at each chosen lesson's quiz.
    pub attempts: usize,
    /// Lesson ids to use; empty means every lesson with a quiz.
    pub only: Vec<String>,
    pub seed: u64,
}

impl Options {
    /// `<lessons-dir> [--deployment FILE] [--attempts N] [--lesson ID]... [--seed S]`.
    pub fn parse(args: &[&str]) -> Result<Options, String> {
        let mut options = Options {
            lessons: PathBuf::new(),
            deployment: PathBuf::from("deployment.toml"),
            attempts: 1,
            only: Vec::new(),
            seed: 1,
        };
        let mut positional = Vec::new();
        let mut args = args.iter();
        while let Some(&arg) = args.next() {
            let mut value = |name: &str| args.next().copied().ok_or_else(|| format!("{name} needs a value"));
            match arg {
                "--deployment" => options.deployment = PathBuf::from(value(arg)?),
                "--attempts" => {
                    let text = value(arg)?;
                    options.attempts =
                        text.parse().map_err(|_| format!("--attempts {text:?} is not a whole number"))?;
                }
                "--lesson" => options.only.push(value(arg)?.to_owned()),
                "--seed" => {
                    let text = value(arg)?;
                    options.seed = text.parse().map_err(|_| format!("--seed {text:?} is not a whole number"))?;
                }
                option if option.starts_with("--") => return Err(format!("unknown option {option}")),
                path => positional.push(PathBuf::from(path)),
            }
        }
        let [lessons]: [PathBuf; 1] = positional.try_into().map_err(|_| "expected <lessons-dir>".to_owned())?;
        options.lessons = lessons;
        Ok(options)
    }
}

/// The statements of `options.attempts` attempts at each chosen lesson, the languages taking
/// turns, in the order an app would send them.
pub fn statements(curricula: &[Curriculum], site: &SiteUrl, options: &Options) -> Vec<Statement> {
    let mut rng = SplitMix64(options.seed);
    let mut bytes = move || -> IdBytes {
        let mut bytes = [0; 16];
        bytes[..8].copy_from_slice(&rng.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&rng.next_u64().to_le_bytes());
        bytes
    };
    let mut out = Vec::new();
    for attempt in 0..options.attempts {
        let Some(curriculum) = curricula.get(attempt % curricula.len().max(1)) else { break };
        let chosen =
            curriculum.lessons.iter().filter(|lesson| options.only.is_empty() || options.only.contains(&lesson.id));
        for lesson in chosen {
            let Some((mut attempt, started)) = Attempt::start(site, &curriculum.locale, lesson, bytes(), bytes())
            else {
                continue;
            };
            out.push(started);
            let mut records = BTreeMap::new();
            for item in &lesson.quiz {
                let right: Selection = item.correct_options().map(|o| o.id.clone()).collect();
                let first_try = bytes()[0] < 128;
                let wrong = item.options.iter().find(|o| !o.correct).filter(|_| !first_try);
                let tries = wrong.map(|o| Selection::from([o.id.clone()])).into_iter().chain([right]);
                for selection in tries {
                    let record: &mut ItemRecord = records.entry(item.id.clone()).or_default();
                    record.record(selection.clone(), &check(item, &selection));
                    out.extend(attempt.answered(lesson, item, &selection, bytes()));
                }
            }
            out.extend(attempt.completed(lesson, &Summary::of(&lesson.quiz, &records), [bytes(), bytes()]));
        }
    }
    out
}
