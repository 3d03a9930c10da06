//! How one attempt is scored. Every screen, report and export that shows a score uses these.

use super::{Assessment, KnowledgeItem, LikertItem};
use crate::study::{AnswerRef, Form, Id, Likert, Record, Response, ResponseRef};

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

/// Whether a response to a knowledge item is right: exactly its correct options were chosen.
pub fn is_correct(item: &KnowledgeItem, response: Option<&Response>) -> bool {
    let Some(Response::Chose(chosen)) = response else { return false };
    let correct: Vec<&str> = item.options.iter().filter(|o| o.correct).map(|o| o.id.as_str()).collect();
    chosen.len() == correct.len() && chosen.iter().all(|id| correct.contains(&id.as_str()))
}

/// A Likert answer's score: higher is always the attitude the lessons aim for.
pub fn likert_score(item: &LikertItem, response: Option<&Response>) -> Option<u8> {
    match response {
        Some(Response::Likert(value)) => Some(reverse_coded(item.reversed, *value)),
        _ => None,
    }
}

fn reverse_coded(reversed: bool, value: Likert) -> u8 {
    if reversed { 6 - value.get() } else { value.get() }
}

pub fn score(assessment: &Assessment, record: &Record) -> Result<AttemptScore, NotScored> {
    Scorer::new(assessment).score(record.content_version, record.form, record.answer_refs())
}

/// The scoring rule above, prepared once for an assessment so that scoring an attempt looks each
/// answer up in a sorted table instead of searching the items, and allocates nothing when given an
/// [`AttemptScore`] to fill: a pooled report scores a million attempts.
pub struct Scorer<'a> {
    version: u32,
    /// By item id.
    items: Vec<(&'a [u8], Entry<'a>)>,
    /// Knowledge items per form (A, B).
    per_form: [usize; 2],
    likert: usize,
}

enum Entry<'a> {
    Knowledge { version: u32, form: Form, position: usize, correct: Vec<&'a [u8]> },
    Likert { version: u32, index: usize, reversed: bool },
}

impl<'a> Scorer<'a> {
    pub fn new(assessment: &'a Assessment) -> Scorer<'a> {
        let mut items = Vec::new();
        let mut per_form = [0; 2];
        for form in Form::ALL {
            for (position, item) in assessment.knowledge_on(form).enumerate() {
                let correct = item.options.iter().filter(|o| o.correct).map(|o| o.id.as_bytes()).collect();
                items.push((item.id.as_bytes(), Entry::Knowledge { version: item.version, form, position, correct }));
                per_form[form as usize] += 1;
            }
        }
        for (index, item) in assessment.likert.iter().enumerate() {
            items.push((item.id.as_bytes(), Entry::Likert { version: item.version, index, reversed: item.reversed }));
        }
        items.sort_unstable_by(|a, b| a.0.cmp(b.0));
        Scorer { version: assessment.version, items, per_form, likert: assessment.likert.len() }
    }

    /// [`score`] of an attempt given as its version, form and answers.
    pub fn score<'r>(
        &self,
        content_version: u32,
        form: Form,
        answers: impl IntoIterator<Item = AnswerRef<'r>>,
    ) -> Result<AttemptScore, NotScored> {
        let mut scored = AttemptScore { form, correct: Vec::new(), percent: 0.0, likert: Vec::new() };
        self.score_into(content_version, form, answers, &mut scored)?;
        Ok(scored)
    }

    /// [`Self::score`] into `scored`, reusing its lists.
    pub fn score_into<'r>(
        &self,
        content_version: u32,
        form: Form,
        answers: impl IntoIterator<Item = AnswerRef<'r>>,
        scored: &mut AttemptScore,
    ) -> Result<(), NotScored> {
        if content_version != self.version {
            return Err(NotScored::OtherVersion { found: content_version });
        }
        scored.form = form;
        scored.correct.clear();
        scored.correct.resize(self.per_form[form as usize], false);
        scored.likert.clear();
        scored.likert.resize(self.likert, None);
        // Answers usually come in item order, as the table is: look a few places past the last
        // one found before searching.
        let mut next = 0;
        for answer in answers {
            let unknown = || NotScored::UnknownItem { item: answer.item.to_id(), version: answer.version };
            let item = answer.item.as_bytes();
            let nearby = self.items.get(next..(next + 4).min(self.items.len())).unwrap_or_default();
            let found = match nearby.iter().position(|(id, _)| *id == item) {
                Some(offset) => Ok(next + offset),
                None => self.items.binary_search_by(|(id, _)| (*id).cmp(item)),
            };
            next = found.map_or(next, |at| at + 1);
            let entry = found.map(|at| &self.items[at].1);
            match (entry, answer.response) {
                (Ok(Entry::Knowledge { version, form: on, position, correct }), response)
                    if *version == answer.version && *on == form =>
                {
                    scored.correct[*position] = match response {
                        ResponseRef::Chose(chosen) => {
                            chosen.len() == correct.len() && chosen.iter().all(|id| correct.contains(&id.as_bytes()))
                        }
                        ResponseRef::Likert(_) | ResponseRef::Declined => false,
                    };
                }
                (Ok(Entry::Likert { version, index, reversed }), response) if *version == answer.version => {
                    scored.likert[*index] = match response {
                        ResponseRef::Likert(value) => Some(reverse_coded(*reversed, value)),
                        ResponseRef::Chose(_) | ResponseRef::Declined => None,
                    };
                }
                _ => return Err(unknown()),
            }
        }
        let right = scored.correct.iter().filter(|&&c| c).count();
        scored.percent =
            if scored.correct.is_empty() { 0.0 } else { 100.0 * right as f64 / scored.correct.len() as f64 };
        Ok(())
    }
}
