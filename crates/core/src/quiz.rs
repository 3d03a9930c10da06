//! The quiz engine: whether an answer is right, what to explain, and how a quiz went.
//!
//! Trauma-informed by design: there is no time, no speed and no ranking anywhere in this module.
//! A student may try an item again as often as they like; the summary counts what they got right
//! on their first try and what they worked out in the end, and nothing else.

use std::collections::{BTreeMap, BTreeSet};

use crate::content::{QuizItem, QuizOption};

/// The option ids a student selected for one item.
pub type Selection = BTreeSet<String>;

/// The outcome of checking one selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub correct: bool,
    /// Correct options the student did not select (only possible for "select all that apply").
    pub missed: usize,
}

pub fn check(item: &QuizItem, selection: &Selection) -> Verdict {
    let correct: BTreeSet<&str> = item.correct_options().map(|option| option.id.as_str()).collect();
    let selected: BTreeSet<&str> = selection.iter().map(String::as_str).collect();
    Verdict { correct: correct == selected, missed: correct.difference(&selected).count() }
}

/// The explanations to show after a check: one for each option the student chose, in the order
/// the options are displayed.
pub fn explanations<'a>(item: &'a QuizItem, selection: &Selection) -> Vec<&'a QuizOption> {
    item.options.iter().filter(|option| selection.contains(&option.id)).collect()
}

/// What the student did on one item, as kept in their progress.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemRecord {
    /// The latest checked selection.
    pub selection: Selection,
    pub attempts: u32,
    pub first_try_correct: bool,
    pub solved: bool,
}

impl ItemRecord {
    /// Which attempt at the item is on screen, counted from 0: the last checked one while its
    /// answer is shown (`checked`), else the next. Its options keep their order until "Try
    /// again", which shows the next attempt in a new order ([`crate::shuffle::item_seed`]).
    pub fn attempt_on_screen(&self, checked: bool) -> u32 {
        if checked { self.attempts.saturating_sub(1) } else { self.attempts }
    }

    /// Adds a checked attempt. Once solved, an item stays solved.
    pub fn record(&mut self, selection: Selection, verdict: &Verdict) {
        if self.attempts == 0 {
            self.first_try_correct = verdict.correct;
        }
        self.attempts = self.attempts.saturating_add(1);
        self.solved |= verdict.correct;
        self.selection = selection;
    }
}

/// How a whole quiz went, for the result screen and the course page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub total: usize,
    /// Items answered at least once.
    pub answered: usize,
    pub first_try_correct: usize,
    pub solved: usize,
}

impl Summary {
    pub fn of(items: &[QuizItem], records: &BTreeMap<String, ItemRecord>) -> Summary {
        Summary::of_ids(items.iter().map(|item| item.id.as_str()), records)
    }

    /// The same from the items' ids alone (the course page has the index, not the lessons).
    pub fn of_ids<'a>(ids: impl ExactSizeIterator<Item = &'a str>, records: &BTreeMap<String, ItemRecord>) -> Summary {
        let mut summary = Summary { total: ids.len(), answered: 0, first_try_correct: 0, solved: 0 };
        for record in ids.filter_map(|id| records.get(id)) {
            if record.attempts > 0 {
                summary.answered += 1;
            }
            summary.first_try_correct += usize::from(record.first_try_correct);
            summary.solved += usize::from(record.solved);
        }
        summary
    }

    pub fn is_complete(&self) -> bool {
        self.total > 0 && self.solved == self.total
    }
}

/// A finished quiz's score, as campaigns see it (embed events, xAPI statements): the items
/// right on the first try, out of the quiz's items. `correct <= max`, `1 <= max <= MAX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    correct: u16,
    max: u16,
}

impl Score {
    /// The most items a quiz may have for its score to be sent.
    pub const MAX: u16 = 1000;

    pub fn new(correct: u16, max: u16) -> Option<Score> {
        (correct <= max && (1..=Score::MAX).contains(&max)).then_some(Score { correct, max })
    }

    /// `None` for a quiz that is not finished (see [`Summary::is_complete`]).
    pub fn of(summary: &Summary) -> Option<Score> {
        if !summary.is_complete() {
            return None;
        }
        Score::new(u16::try_from(summary.first_try_correct).ok()?, u16::try_from(summary.total).ok()?)
    }

    pub fn correct(self) -> u16 {
        self.correct
    }

    pub fn max(self) -> u16 {
        self.max
    }
}

#[cfg(test)]
mod tests;
