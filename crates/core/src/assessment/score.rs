//! How one attempt is scored. Every screen, report and export that shows a score uses these.

use super::{Assessment, KnowledgeItem, LikertItem};
use crate::study::{AnswerRef, Form, Id, Likert, Record, Response, ResponseRef};

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
    /// An attempt with nothing scored yet, for [`Scorer::score_into`] to fill.
    pub fn empty() -> AttemptScore {
        AttemptScore { form: Form::A, taken_on: 0, correct: Vec::new(), percent: None, likert: Vec::new() }
    }

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

/// Whether a response to a knowledge item is right: exactly its correct options were chosen.
pub fn is_correct(item: &KnowledgeItem, response: Option<&Response>) -> bool {
    let Some(Response::Chose(chosen)) = response else { return false };
    let correct: Vec<&str> = item.options.iter().filter(|o| o.correct).map(|o| o.id.as_str()).collect();
    chosen.len() == correct.len() && chosen.iter().all(|id| correct.contains(&id))
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

/// Scores `record` on the items `assessment` asks now (see [`AttemptScore`]). The record's
/// answers must be to items its form had at the version it was taken on (kept in
/// [`Assessment::retired`] when they have changed since).
pub fn score(assessment: &Assessment, record: &Record) -> Result<AttemptScore, NotScored> {
    Scorer::new(assessment).score(record.content_version, record.form, record.answer_refs())
}

/// The scoring rule above, prepared once for an assessment so that scoring an attempt looks each
/// answer up in a sorted table instead of searching the items, and allocates nothing when given an
/// [`AttemptScore`] to fill: a pooled report scores a million attempts.
pub struct Scorer<'a> {
    /// The assessment's version: the newest an attempt can have been taken on.
    version: u32,
    /// Every item version any version of the assessment asked (asked now and retired), by item id,
    /// then item version.
    items: Vec<(&'a [u8], u32, Entry<'a>)>,
    /// Per form (A, B): which versions of the assessment asked each knowledge item asked now, in
    /// the form's order.
    knowledge: [Vec<Span>; 2],
    /// The same for each Likert statement asked now, in the assessment's order.
    likert: Vec<Span>,
}

/// The versions of the assessment that asked an item version: from `since` up to, not including,
/// `until`.
#[derive(Clone, Copy)]
struct Span {
    since: u32,
    until: Option<u32>,
}

impl Span {
    fn asks(self, version: u32) -> bool {
        self.since <= version && self.until.is_none_or(|until| version < until)
    }
}

struct Entry<'a> {
    span: Span,
    kind: Kind<'a>,
}

enum Kind<'a> {
    /// `position` on its form for an item version asked now; `None` for a retired one, which an
    /// attempt may have answered but which has no score here.
    Knowledge {
        form: Form,
        position: Option<usize>,
        correct: Vec<&'a [u8]>,
    },
    Likert {
        index: Option<usize>,
        reversed: bool,
    },
}

impl<'a> Scorer<'a> {
    pub fn new(assessment: &'a Assessment) -> Scorer<'a> {
        let mut items = Vec::new();
        let mut knowledge = [Vec::new(), Vec::new()];
        for form in Form::ALL {
            for (position, item) in assessment.knowledge_on(form).enumerate() {
                let span = Span { since: item.since, until: item.until };
                let correct = item.options.iter().filter(|o| o.correct).map(|o| o.id.as_bytes()).collect();
                let kind = Kind::Knowledge { form, position: Some(position), correct };
                items.push((item.id.as_bytes(), item.version, Entry { span, kind }));
                knowledge[form as usize].push(span);
            }
        }
        for item in &assessment.retired.knowledge {
            let kind = Kind::Knowledge { form: item.form, position: None, correct: Vec::new() };
            items.push((
                item.id.as_bytes(),
                item.version,
                Entry { span: Span { since: item.since, until: item.until }, kind },
            ));
        }
        let mut likert = Vec::new();
        for (index, item) in assessment.likert.iter().enumerate() {
            let span = Span { since: item.since, until: item.until };
            let kind = Kind::Likert { index: Some(index), reversed: item.reversed };
            items.push((item.id.as_bytes(), item.version, Entry { span, kind }));
            likert.push(span);
        }
        for item in &assessment.retired.likert {
            let kind = Kind::Likert { index: None, reversed: item.reversed };
            items.push((
                item.id.as_bytes(),
                item.version,
                Entry { span: Span { since: item.since, until: item.until }, kind },
            ));
        }
        items.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        Scorer { version: assessment.version, items, knowledge, likert }
    }

    /// [`score`] of an attempt given as its version, form and answers.
    pub fn score<'r>(
        &self,
        content_version: u32,
        form: Form,
        answers: impl IntoIterator<Item = AnswerRef<'r>>,
    ) -> Result<AttemptScore, NotScored> {
        let mut scored = AttemptScore::empty();
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
        let taken_on = content_version;
        if taken_on == 0 || taken_on > self.version {
            return Err(NotScored::OtherVersion { found: taken_on });
        }
        scored.form = form;
        scored.taken_on = taken_on;
        // An item asked now but left out counts as not correct; one the attempt was asked in
        // another version (or not at all) has no score.
        scored.correct.clear();
        scored.correct.extend(self.knowledge[form as usize].iter().map(|span| span.asks(taken_on).then_some(false)));
        scored.likert.clear();
        scored.likert.resize(self.likert.len(), None);
        // Answers usually come in item order, as the table is: look a few places past the last
        // one found before searching.
        let mut next = 0;
        for answer in answers {
            let key = (answer.item.as_bytes(), answer.version);
            let nearby = self.items.get(next..(next + 4).min(self.items.len())).unwrap_or_default();
            let found = match nearby.iter().position(|(id, version, _)| (*id, *version) == key) {
                Some(offset) => Ok(next + offset),
                None => self.items.binary_search_by(|(id, version, _)| (*id, *version).cmp(&key)),
            };
            next = found.map_or(next, |at| at + 1);
            // Only an item version the attempt's own version of the assessment asked, on its form.
            let entry = found.ok().map(|at| &self.items[at].2).filter(|entry| entry.span.asks(taken_on));
            match (entry.map(|entry| &entry.kind), answer.response) {
                (Some(Kind::Knowledge { form: on, position, correct }), response) if *on == form => {
                    if let Some(position) = position {
                        scored.correct[*position] = Some(match response {
                            ResponseRef::Chose(chosen) => {
                                chosen.len() == correct.len()
                                    && chosen.iter().all(|id| correct.contains(&id.as_bytes()))
                            }
                            ResponseRef::Likert(_) | ResponseRef::Declined => false,
                        });
                    }
                }
                (Some(Kind::Likert { index, reversed }), response) => {
                    if let Some(index) = index {
                        scored.likert[*index] = match response {
                            ResponseRef::Likert(value) => Some(reverse_coded(*reversed, value)),
                            ResponseRef::Chose(_) | ResponseRef::Declined => None,
                        };
                    }
                }
                _ => return Err(NotScored::UnknownItem { item: answer.item.to_id(), version: answer.version }),
            }
        }
        scored.percent = scored.correct.iter().all(Option::is_some).then(|| {
            let right = scored.right();
            if scored.correct.is_empty() { 0.0 } else { 100.0 * right as f64 / scored.correct.len() as f64 }
        });
        Ok(())
    }
}
