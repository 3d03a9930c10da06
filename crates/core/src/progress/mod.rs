//! A student's progress and how it is stored.
//!
//! Progress is kept on the student's own device only. The stored form is a versioned JSON
//! document; older versions are migrated one step at a time (`v1 → v2 → …`), and anything the app
//! cannot read is never discarded silently: [`load`] tells the caller to keep the raw text under a
//! backup key and to tell the student. The browser side (`src/platform/storage.rs`) only moves
//! strings in and out of `localStorage`; every decision is made here, where it is tested natively.

mod merge;
mod schema;

use std::collections::BTreeMap;

use crate::content::Lesson;
use crate::content::course::Outline;
use crate::quiz::{ItemRecord, Selection, Summary, Verdict};

pub use schema::{CURRENT_SCHEMA, Loaded, Unreadable, load, save};

/// The `localStorage` key of the progress document.
pub const STORAGE_KEY: &str = "aware.progress";

/// The key under which unreadable progress is kept. A second unreadable document gets `.2`,
/// then `.3`, so an earlier backup is never overwritten.
pub fn backup_key(is_taken: impl Fn(&str) -> bool) -> String {
    backup_key_for(STORAGE_KEY, is_taken)
}

/// The same rule for any other stored document (study results, a teacher's studies).
pub fn backup_key_for(key: &str, is_taken: impl Fn(&str) -> bool) -> String {
    let base = format!("{key}.backup");
    if !is_taken(&base) {
        return base;
    }
    (2..).map(|n| format!("{base}.{n}")).find(|key| !is_taken(key)).expect("an unbounded range always finds a free key")
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Progress {
    pub lessons: BTreeMap<String, LessonProgress>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LessonProgress {
    /// The lesson version the student last worked on; 0 when unknown (migrated from v1).
    pub version: u32,
    /// How many sections the student has opened, counted from the first.
    pub sections_read: u32,
    pub quiz: BTreeMap<String, ItemRecord>,
    /// The seed of this quiz attempt's option order ([`crate::shuffle`]); `None` until the quiz is
    /// first shown, and again after a restart, so that the next attempt gets a new order.
    pub quiz_seed: Option<u32>,
}

/// Where a student is in one lesson, as shown on the course page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonStatus {
    NotStarted,
    Reading { read: usize, total: usize },
    Quiz(Summary),
    Completed(Summary),
}

impl Progress {
    pub fn lesson(&self, id: &str) -> Option<&LessonProgress> {
        self.lessons.get(id)
    }

    /// Records that the student opened section `index` (0-based) of `lesson`.
    pub fn read_section(&mut self, lesson: &Lesson, index: usize) {
        let entry = self.entry(lesson);
        entry.sections_read = entry.sections_read.max(index as u32 + 1);
    }

    pub fn record_answer(&mut self, lesson: &Lesson, item_id: &str, selection: Selection, verdict: &Verdict) {
        self.entry(lesson).quiz.entry(item_id.to_owned()).or_default().record(selection, verdict);
    }

    /// Starts the quiz afresh, keeping what the student read; its options will be shown in a new
    /// order.
    pub fn restart_quiz(&mut self, lesson: &Lesson) {
        let entry = self.entry(lesson);
        entry.quiz.clear();
        entry.quiz_seed = None;
    }

    /// The seed of the current quiz attempt's option order: the one kept, or `fresh` (drawn by the
    /// caller from a cryptographic source) when the attempt has none yet, which is then kept.
    /// The order of an item is [`crate::shuffle::item_seed`] of this seed, the item and
    /// [`ItemRecord::attempt_on_screen`].
    pub fn quiz_seed(&mut self, lesson: &Lesson, fresh: u32) -> u32 {
        *self.entry(lesson).quiz_seed.get_or_insert(fresh)
    }

    pub fn status(&self, lesson: &Lesson) -> LessonStatus {
        let quiz = lesson.quiz.iter().map(|item| item.id.as_str());
        self.status_from(&lesson.id, lesson.sections.len(), quiz)
    }

    /// Where the student is in a lesson the course page lists, as their band sees it (the page
    /// has the course index, not the lessons).
    pub fn status_of(&self, id: &str, outline: &Outline) -> LessonStatus {
        self.status_from(id, outline.sections, outline.quiz.iter().map(String::as_str))
    }

    fn status_from<'a>(&self, id: &str, sections: usize, quiz: impl ExactSizeIterator<Item = &'a str>) -> LessonStatus {
        let Some(progress) = self.lessons.get(id) else { return LessonStatus::NotStarted };
        let summary = Summary::of_ids(quiz, &progress.quiz);
        if summary.is_complete() {
            LessonStatus::Completed(summary)
        } else if summary.answered > 0 {
            LessonStatus::Quiz(summary)
        } else if progress.sections_read > 0 {
            LessonStatus::Reading { read: (progress.sections_read as usize).min(sections), total: sections }
        } else {
            LessonStatus::NotStarted
        }
    }

    fn entry(&mut self, lesson: &Lesson) -> &mut LessonProgress {
        let entry = self.lessons.entry(lesson.id.clone()).or_default();
        entry.version = lesson.version;
        entry
    }
}

#[cfg(test)]
mod tests;
