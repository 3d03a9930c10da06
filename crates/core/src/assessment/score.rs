//! How one attempt is scored. Every screen, report and export that shows a score uses these.

use std::collections::BTreeSet;

use super::{Assessment, KnowledgeItem, LikertItem};
use crate::study::{Form, Id, Record, Response};

/// An attempt as the report needs it, scored on the items asked now.
///
/// An attempt taken on an earlier version of the assessment is scored only where it saw the same
/// item versions as are asked now; an item it saw in another version (or not at all) is a
/// different measurement and has no score here, so it is never pooled with answers to this one.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptScore {
    pub form: Form,
    /// The version of the assessment the attempt was taken on.
    pub taken_on: u32,
    /// Per knowledge item of the form, in the form's order: whether it was answered correctly
    /// (an item left out counts as not correct); `None` when the attempt was not asked this
    /// version of the item.
    pub correct: Vec<Option<bool>>,
    /// Percentage of the form's knowledge items answered correctly, 0–100; `None` unless the
    /// attempt was asked every one of them at its current version (see [`Self::complete`]).
    pub percent: Option<f64>,
    /// Per Likert item of the assessment, in its order: the score after reverse coding, or `None`
    /// when the student preferred not to answer, left it out, or was asked another version.
    pub likert: Vec<Option<u8>>,
}

impl AttemptScore {
    /// Whether every knowledge item of the form was asked at its current version, so that the
    /// knowledge score compares with any other complete attempt's.
    pub fn complete(&self) -> bool {
        self.percent.is_some()
    }

    /// Knowledge items answered correctly.
    pub fn right(&self) -> usize {
        self.correct.iter().filter(|&&correct| correct == Some(true)).count()
    }
}

/// Why a record cannot be scored against this assessment. It is counted, never guessed at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum NotScored {
    /// Taken on a version of the assessment this one does not know: a newer one, whose items
    /// this app has never seen.
    OtherVersion { found: u32 },
    /// An answer to an item the record's form did not have at the record's version of the
    /// assessment, or at another item version.
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

/// Scores `record` on the items `assessment` asks now (see [`AttemptScore`]). The record's
/// answers must be to items its form had at the version it was taken on (kept in
/// [`Assessment::retired`] when they have changed since).
pub fn score(assessment: &Assessment, record: &Record) -> Result<AttemptScore, NotScored> {
    let taken_on = record.content_version;
    if taken_on == 0 || taken_on > assessment.version {
        return Err(NotScored::OtherVersion { found: taken_on });
    }
    for (id, answer) in &record.answers {
        let asked = assessment
            .knowledge_asked_at(record.form, taken_on)
            .map(|item| (item.id.as_str(), item.version))
            .chain(assessment.likert_asked_at(taken_on).map(|item| (item.id.as_str(), item.version)))
            .any(|(item, version)| item == id.as_str() && version == answer.version);
        if !asked {
            return Err(NotScored::UnknownItem { item: id.clone(), version: answer.version });
        }
    }
    let response = |id: &str| record.answers.get(id).map(|answer| &answer.response);
    let correct: Vec<Option<bool>> = assessment
        .knowledge_on(record.form)
        .map(|item| item.asked_at(taken_on).then(|| is_correct(item, response(&item.id))))
        .collect();
    let percent = correct.iter().all(Option::is_some).then(|| {
        let right = correct.iter().filter(|&&c| c == Some(true)).count();
        if correct.is_empty() { 0.0 } else { 100.0 * right as f64 / correct.len() as f64 }
    });
    let likert = assessment
        .likert
        .iter()
        .map(|item| if item.asked_at(taken_on) { likert_score(item, response(&item.id)) } else { None })
        .collect();
    Ok(AttemptScore { form: record.form, taken_on, correct, percent, likert })
}
