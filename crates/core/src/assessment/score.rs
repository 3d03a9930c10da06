//! How one attempt is scored. Every screen, report and export that shows a score uses these.

use std::collections::BTreeSet;

use super::{Assessment, KnowledgeItem, LikertItem};
use crate::study::{Form, Id, Record, Response};

/// An attempt as the report needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptScore {
    pub form: Form,
    /// Per knowledge item of the form, in the form's order.
    pub correct: Vec<bool>,
    /// Percentage of the form's knowledge items answered correctly, 0–100.
    pub percent: f64,
    /// Per Likert item of the assessment, in its order: the score after reverse coding, or `None`
    /// when the student preferred not to answer or left it out.
    pub likert: Vec<Option<u8>>,
}

/// Why a record cannot be scored against this assessment. It is counted, never guessed at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum NotScored {
    /// Taken on another version of the assessment: its items may mean something else.
    OtherVersion { found: u32 },
    /// An answer to an item this assessment's form does not have, or at another item version.
    UnknownItem { item: Id, version: u32 },
}

impl std::fmt::Display for NotScored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotScored::OtherVersion { found } => write!(f, "taken on version {found} of the assessment"),
            NotScored::UnknownItem { item, version } => {
                write!(f, "answers item {item} version {version}, not in this assessment")
            }
        }
    }
}

/// Whether a response to a knowledge item is right: exactly its correct option was chosen.
pub fn is_correct(item: &KnowledgeItem, response: Option<&Response>) -> bool {
    let Some(Response::Chose(chosen)) = response else { return false };
    let correct: BTreeSet<&str> = item.options.iter().filter(|o| o.correct).map(|o| o.id.as_str()).collect();
    chosen.len() == correct.len() && chosen.iter().all(|id| correct.contains(id))
}

/// A Likert answer's score: higher is always the attitude the lessons aim for.
pub fn likert_score(item: &LikertItem, response: Option<&Response>) -> Option<u8> {
    match response {
        Some(Response::Likert(value)) if item.reversed => Some(6 - value.get()),
        Some(Response::Likert(value)) => Some(value.get()),
        _ => None,
    }
}

pub fn score(assessment: &Assessment, record: &Record) -> Result<AttemptScore, NotScored> {
    if record.content_version != assessment.version {
        return Err(NotScored::OtherVersion { found: record.content_version });
    }
    let on_form: Vec<&KnowledgeItem> = assessment.knowledge_on(record.form).collect();
    for (id, answer) in &record.answers {
        let known = on_form
            .iter()
            .map(|item| (item.id.as_str(), item.version))
            .chain(assessment.likert.iter().map(|item| (item.id.as_str(), item.version)))
            .any(|(item, version)| item == id.as_str() && version == answer.version);
        if !known {
            return Err(NotScored::UnknownItem { item: id.clone(), version: answer.version });
        }
    }
    let response = |id: &str| record.answers.get(id).map(|answer| &answer.response);
    let correct: Vec<bool> = on_form.iter().map(|item| is_correct(item, response(&item.id))).collect();
    let right = correct.iter().filter(|&&c| c).count();
    let percent = if correct.is_empty() { 0.0 } else { 100.0 * right as f64 / correct.len() as f64 };
    let likert = assessment.likert.iter().map(|item| likert_score(item, response(&item.id))).collect();
    Ok(AttemptScore { form: record.form, correct, percent, likert })
}
