//! `aware xapi-report`: what a campaign wants to know from its learning record store, with the
//! small-number suppression of class reports.
//!
//! Per quiz (a lesson at one version): how many attempts started and completed, how the scores
//! of completed attempts are distributed, and each item's share answered right on the first
//! check. An attempt is one anonymous actor (a random name per attempt); only statements whose
//! activity ids name this deployment's site count ([`QuizActivity::parse`]), so other
//! statements in the store are skipped. Every table goes through
//! [`Table::suppress`](aware_core::study::suppression::Table::suppress) with the deployment's
//! `min_group_size` before anything is printed.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Display, Formatter};
use std::path::PathBuf;

use aware_core::content::ContentId;
use aware_core::deployment::SiteUrl;
use aware_core::study::MinGroupSize;
use aware_core::study::suppression::{Cell, Percent, SuppressedTable, Table};
use aware_core::xapi::{QuizActivity, Uuid, Verb};
use serde::{Deserialize, Serialize};

use crate::report_text::hidden_because;

pub struct Options {
    pub endpoint: String,
    pub deployment: PathBuf,
    pub json: bool,
}

impl Options {
    /// `<endpoint> [--deployment FILE] [--json]`.
    pub fn parse(args: &[&str]) -> Result<Options, String> {
        let (mut deployment, mut json, mut positional) = (PathBuf::from("deployment.toml"), false, Vec::new());
        let mut args = args.iter();
        while let Some(&arg) = args.next() {
            match arg {
                "--deployment" => deployment = PathBuf::from(args.next().ok_or("--deployment needs a file")?),
                "--json" => json = true,
                option if option.starts_with("--") => return Err(format!("unknown option {option}")),
                endpoint => positional.push(endpoint.to_owned()),
            }
        }
        let [endpoint]: [String; 1] = positional.try_into().map_err(|_| "expected one <endpoint>".to_owned())?;
        Ok(Options { endpoint, deployment, json })
    }
}

/// What is read of a stored statement; anything else in it is ignored.
#[derive(Deserialize)]
struct Stored {
    actor: StoredActor,
    verb: Named,
    object: Named,
    #[serde(default)]
    result: Option<StoredResult>,
}

#[derive(Deserialize)]
struct StoredActor {
    #[serde(default)]
    account: Option<StoredAccount>,
}

#[derive(Deserialize)]
struct StoredAccount {
    name: String,
}

#[derive(Deserialize)]
struct Named {
    #[serde(default)]
    id: Option<String>,
}

#[derive(Deserialize)]
struct StoredResult {
    #[serde(default)]
    success: Option<bool>,
    #[serde(default)]
    score: Option<StoredScore>,
}

#[derive(Deserialize)]
struct StoredScore {
    #[serde(default)]
    raw: Option<f64>,
    #[serde(default)]
    max: Option<f64>,
}

/// Statements folded in one at a time, oldest first.
pub struct Tally {
    site: SiteUrl,
    read: usize,
    used: usize,
    quizzes: BTreeMap<(ContentId, u32), QuizTally>,
}

#[derive(Default)]
struct QuizTally {
    started: BTreeSet<Uuid>,
    /// Each attempt's score (the first `completed` counts).
    completed: BTreeMap<Uuid, u32>,
    max: u32,
    /// Per item, each attempt's first answer: right or not.
    answers: BTreeMap<ContentId, BTreeMap<Uuid, bool>>,
}

/// The report, suppressed.
#[derive(Serialize)]
pub struct XapiReport {
    pub min_group_size: u32,
    /// Statements read from the store.
    pub statements_read: usize,
    /// Those about this deployment's quizzes.
    pub statements_used: usize,
    pub quizzes: Vec<QuizReport>,
}

#[derive(Serialize)]
pub struct QuizReport {
    pub lesson: String,
    pub version: u32,
    pub started: Cell,
    pub completed: Cell,
    /// Completed attempts by score, from 0 to `max` items right on the first try.
    pub scores: Vec<Cell>,
    pub max: u32,
    pub items: Vec<ItemReport>,
}

#[derive(Serialize)]
pub struct ItemReport {
    pub item: String,
    pub answered: Cell,
    pub correct: Cell,
    pub share_correct: Option<Percent>,
}

impl Tally {
    pub fn new(site: SiteUrl) -> Tally {
        Tally { site, read: 0, used: 0, quizzes: BTreeMap::new() }
    }

    /// One statement's JSON, as the store returned it.
    pub fn add(&mut self, json: &str) {
        self.read += 1;
        let Ok(stored) = serde_json::from_str::<Stored>(json) else { return };
        let Some(actor) = stored.actor.account.and_then(|account| Uuid::parse(&account.name)) else { return };
        let Some(activity) = stored.object.id.and_then(|id| QuizActivity::parse(&self.site, &id)) else { return };
        let Some(verb) = Verb::ALL.into_iter().find(|verb| stored.verb.id.as_deref() == Some(verb.id())) else {
            return;
        };
        let quiz = self.quizzes.entry((activity.lesson, activity.version)).or_default();
        let used = match (verb, activity.item) {
            (Verb::Attempted, None) => {
                quiz.started.insert(actor);
                true
            }
            (Verb::Answered, Some(item)) => match stored.result.and_then(|r| r.success) {
                Some(success) => {
                    quiz.started.insert(actor);
                    quiz.answers.entry(item).or_default().entry(actor).or_insert(success);
                    true
                }
                None => false,
            },
            (Verb::Completed, None) => match stored.result.and_then(|r| r.score).and_then(whole_score) {
                Some((raw, max)) => {
                    quiz.started.insert(actor);
                    quiz.completed.entry(actor).or_insert(raw);
                    quiz.max = quiz.max.max(max);
                    true
                }
                None => false,
            },
            _ => false,
        };
        self.used += usize::from(used);
    }

    pub fn finish(self, k: MinGroupSize) -> XapiReport {
        // Started and completed across quizzes, as one table so that margins cannot give a
        // hidden count away: rows are quizzes, columns completed and not completed.
        let attempts = Table::new(
            self.quizzes
                .values()
                .map(|quiz| {
                    let completed = count(quiz.completed.len());
                    vec![completed, count(quiz.started.len()).saturating_sub(completed)]
                })
                .collect(),
        )
        .ok()
        .map(|table| table.suppress(k));
        let quizzes = self
            .quizzes
            .iter()
            .enumerate()
            .map(|(row, ((lesson, version), quiz))| {
                let (started, completed) = match &attempts {
                    Some(table) => (table.row_total(row), table.cell(row, 0)),
                    None => (Cell::Shown(0), Cell::Shown(0)),
                };
                QuizReport {
                    lesson: lesson.to_string(),
                    version: *version,
                    started,
                    completed,
                    scores: score_cells(quiz, k),
                    max: quiz.max,
                    items: item_reports(quiz, k),
                }
            })
            .collect();
        XapiReport { min_group_size: k.get(), statements_read: self.read, statements_used: self.used, quizzes }
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A score of whole items: `raw` and `max` whole, `0 <= raw <= max <= 1000`.
fn whole_score(score: StoredScore) -> Option<(u32, u32)> {
    let (raw, max) = (score.raw?, score.max?);
    let whole = |x: f64| (x.fract() == 0.0 && (0.0..=1000.0).contains(&x)).then_some(x as u32);
    let (raw, max) = (whole(raw)?, whole(max)?);
    (raw <= max).then_some((raw, max))
}

/// One row: completed attempts by score.
fn score_cells(quiz: &QuizTally, k: MinGroupSize) -> Vec<Cell> {
    let mut counts = vec![0u32; quiz.max as usize + 1];
    for &raw in quiz.completed.values() {
        counts[raw as usize] += 1;
    }
    if quiz.completed.is_empty() {
        return counts.iter().map(|&n| Cell::Shown(u64::from(n))).collect();
    }
    let Ok(table) = Table::new(vec![counts.clone()]) else { return Vec::new() };
    let table = table.suppress(k);
    (0..counts.len()).map(|column| table.cell(0, column)).collect()
}

/// One row per item: right and not right on the first check.
fn item_reports(quiz: &QuizTally, k: MinGroupSize) -> Vec<ItemReport> {
    let rows: Vec<Vec<u32>> = quiz
        .answers
        .values()
        .map(|answers| {
            let correct = count(answers.values().filter(|&&right| right).count());
            vec![correct, count(answers.len()) - correct]
        })
        .collect();
    let Ok(table) = Table::new(rows) else { return Vec::new() };
    let table: SuppressedTable = table.suppress(k);
    quiz.answers
        .keys()
        .enumerate()
        .map(|(row, item)| ItemReport {
            item: item.to_string(),
            answered: table.row_total(row),
            correct: table.cell(row, 0),
            share_correct: table.share_of_row(row, 0),
        })
        .collect()
}

impl XapiReport {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the report always serialises")
    }
}

impl Display for XapiReport {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let k = self.min_group_size;
        let cell = |cell: &Cell| match cell {
            Cell::Shown(n) => n.to_string(),
            Cell::Hidden(reason) => format!("hidden ({})", hidden_because(*reason, k)),
        };
        writeln!(f, "Aware xAPI report: groups smaller than {k} hidden")?;
        writeln!(
            f,
            "Statements: {} read, {} about this deployment's quizzes",
            self.statements_read, self.statements_used
        )?;
        for quiz in &self.quizzes {
            writeln!(f)?;
            writeln!(f, "{}, version {}", quiz.lesson, quiz.version)?;
            writeln!(f, "  quizzes started    {}", cell(&quiz.started))?;
            writeln!(f, "  quizzes completed  {}", cell(&quiz.completed))?;
            writeln!(f, "  completed quizzes by score (items right on the first try, of {})", quiz.max)?;
            for (score, count) in quiz.scores.iter().enumerate() {
                writeln!(f, "    {score:>3}  {}", cell(count))?;
            }
            writeln!(f, "  items: share right on the first check")?;
            for item in &quiz.items {
                let share = item.share_correct.map_or_else(|| cell(&item.correct), |share| share.to_string());
                writeln!(f, "    {:<32} {share} of {}", item.item, cell(&item.answered))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
