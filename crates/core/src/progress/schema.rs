//! The stored forms of [`Progress`], one module per schema version, and the steps between them.
//!
//! To change what is stored: add `vN+1` with its serde types, a `migrate` from `vN`, point
//! [`save`] at it, raise [`CURRENT_SCHEMA`], and add a fixture of the old form to the tests.
//! Never edit an old version: documents in that shape exist on students' devices.

use serde::Deserialize;

use super::{LessonProgress, Progress};
use crate::json;
use crate::quiz::ItemRecord;

pub const CURRENT_SCHEMA: u32 = 3;

/// Far more than any student's progress (a few kilobytes), far less than storage allows.
const MAX_BYTES: usize = 1024 * 1024;
/// No id or number in progress is longer (see [`json::check_tokens`]).
const MAX_TOKEN_BYTES: usize = 256;
/// More lessons and quiz items per lesson than the course has, and more options than an item:
/// the caps keep a damaged document's cost in memory bounded.
const MAX_LESSONS: usize = 64;
const MAX_ITEMS: usize = 64;
const MAX_SELECTED: usize = 16;

/// What was found in storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing stored yet: a first visit.
    Empty,
    Ready {
        progress: Progress,
        /// The schema the document was stored in, when it had to be migrated.
        migrated_from: Option<u32>,
    },
    /// The document cannot be used. The caller keeps it under a backup key and starts afresh.
    Unreadable(Unreadable),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    Corrupt(String),
    /// Written by a newer app (or damaged so that the version is wrong).
    UnknownVersion(u64),
}

pub fn load(raw: Option<&str>) -> Loaded {
    let Some(raw) = raw else { return Loaded::Empty };
    if raw.len() > MAX_BYTES {
        return Loaded::Unreadable(Unreadable::Corrupt(format!("larger than {MAX_BYTES} bytes")));
    }
    if let Err(too_long) = json::check_tokens(raw.as_bytes(), MAX_TOKEN_BYTES) {
        return Loaded::Unreadable(Unreadable::Corrupt(too_long.to_string()));
    }
    #[derive(Deserialize)]
    struct Envelope {
        schema: u64,
    }
    let corrupt = |err: serde_json::Error| Loaded::Unreadable(Unreadable::Corrupt(json::message(&err)));
    let schema = match serde_json::from_str::<Envelope>(raw) {
        Ok(envelope) => envelope.schema,
        Err(err) => return corrupt(err),
    };
    let (document, migrated_from) = match schema {
        1 => match serde_json::from_str::<v1::Document>(raw) {
            Ok(old) => (v3::migrate(v2::migrate(old)), Some(1)),
            Err(err) => return corrupt(err),
        },
        2 => match serde_json::from_str::<v2::Document>(raw) {
            Ok(old) => (v3::migrate(old), Some(2)),
            Err(err) => return corrupt(err),
        },
        3 => match serde_json::from_str::<v3::Document>(raw) {
            Ok(current) => (current, None),
            Err(err) => return corrupt(err),
        },
        other => return Loaded::Unreadable(Unreadable::UnknownVersion(other)),
    };
    Loaded::Ready { progress: v3::into_progress(document), migrated_from }
}

pub fn save(progress: &Progress) -> String {
    serde_json::to_string(&v3::from_progress(progress)).expect("progress always serialises")
}

/// Schema 1, the first draft: a section count and whether each item was answered correctly.
mod v1 {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::{MAX_ITEMS, MAX_LESSONS};
    use crate::json;

    #[derive(Deserialize)]
    pub struct Document {
        #[serde(deserialize_with = "json::map_at_most::<_, _, _, MAX_LESSONS>")]
        pub lessons: BTreeMap<String, Lesson>,
    }

    #[derive(Deserialize)]
    pub struct Lesson {
        pub sections_read: u32,
        #[serde(default, deserialize_with = "json::map_at_most::<_, _, _, MAX_ITEMS>")]
        pub answers: BTreeMap<String, bool>,
    }
}

/// Schema 2: adds the lesson version and, per item, the selection, attempts and first-try result.
mod v2 {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Serialize};

    use super::{MAX_ITEMS, MAX_LESSONS, MAX_SELECTED, v1};
    use crate::json;

    #[derive(Serialize, Deserialize)]
    pub struct Document {
        pub schema: u32,
        #[serde(deserialize_with = "json::map_at_most::<_, _, _, MAX_LESSONS>")]
        pub lessons: BTreeMap<String, Lesson>,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Lesson {
        pub version: u32,
        pub sections_read: u32,
        #[serde(default, deserialize_with = "json::map_at_most::<_, _, _, MAX_ITEMS>")]
        pub quiz: BTreeMap<String, Item>,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Item {
        #[serde(deserialize_with = "json::at_most::<_, _, MAX_SELECTED>")]
        pub selected: Vec<String>,
        pub attempts: u32,
        pub first_try_correct: bool,
        pub solved: bool,
    }

    /// A v1 answer becomes one attempt; v1 did not keep which options were chosen.
    pub fn migrate(old: v1::Document) -> Document {
        let lessons = old
            .lessons
            .into_iter()
            .map(|(id, lesson)| {
                let quiz = lesson
                    .answers
                    .into_iter()
                    .map(|(item, correct)| {
                        (item, Item { selected: Vec::new(), attempts: 1, first_try_correct: correct, solved: correct })
                    })
                    .collect();
                (id, Lesson { version: 0, sections_read: lesson.sections_read, quiz })
            })
            .collect();
        Document { schema: 2, lessons }
    }
}

/// Schema 3: adds, per lesson, the seed of the quiz attempt's option order (`crate::shuffle`):
/// kept so that a reload shows the same order, drawn afresh when the quiz starts again.
mod v3 {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Serialize};

    use super::{ItemRecord, LessonProgress, MAX_ITEMS, MAX_LESSONS, Progress, v2};
    use crate::json;

    #[derive(Serialize, Deserialize)]
    pub struct Document {
        pub schema: u32,
        #[serde(deserialize_with = "json::map_at_most::<_, _, _, MAX_LESSONS>")]
        pub lessons: BTreeMap<String, Lesson>,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Lesson {
        pub version: u32,
        pub sections_read: u32,
        #[serde(default, deserialize_with = "json::map_at_most::<_, _, _, MAX_ITEMS>")]
        pub quiz: BTreeMap<String, v2::Item>,
        /// Absent until the quiz is first shown.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub quiz_seed: Option<u32>,
    }

    /// A v2 lesson has no seed yet: the app draws one when the quiz is next shown. Its options
    /// were shown in written order until now, so a new order from here on loses nothing.
    pub fn migrate(old: v2::Document) -> Document {
        let lessons = old
            .lessons
            .into_iter()
            .map(|(id, lesson)| {
                (
                    id,
                    Lesson {
                        version: lesson.version,
                        sections_read: lesson.sections_read,
                        quiz: lesson.quiz,
                        quiz_seed: None,
                    },
                )
            })
            .collect();
        Document { schema: 3, lessons }
    }

    pub fn into_progress(document: Document) -> Progress {
        let lessons = document
            .lessons
            .into_iter()
            .map(|(id, lesson)| {
                let quiz = lesson
                    .quiz
                    .into_iter()
                    .map(|(item, record)| {
                        (
                            item,
                            ItemRecord {
                                selection: record.selected.into_iter().collect(),
                                attempts: record.attempts,
                                first_try_correct: record.first_try_correct,
                                solved: record.solved,
                            },
                        )
                    })
                    .collect();
                let progress = LessonProgress {
                    version: lesson.version,
                    sections_read: lesson.sections_read,
                    quiz,
                    quiz_seed: lesson.quiz_seed,
                };
                (id, progress)
            })
            .collect();
        Progress { lessons }
    }

    pub fn from_progress(progress: &Progress) -> Document {
        let lessons = progress
            .lessons
            .iter()
            .map(|(id, lesson)| {
                let quiz = lesson
                    .quiz
                    .iter()
                    .map(|(item, record)| {
                        (
                            item.clone(),
                            v2::Item {
                                selected: record.selection.iter().cloned().collect(),
                                attempts: record.attempts,
                                first_try_correct: record.first_try_correct,
                                solved: record.solved,
                            },
                        )
                    })
                    .collect();
                let lesson = Lesson {
                    version: lesson.version,
                    sections_read: lesson.sections_read,
                    quiz,
                    quiz_seed: lesson.quiz_seed,
                };
                (id.clone(), lesson)
            })
            .collect();
        Document { schema: super::CURRENT_SCHEMA, lessons }
    }
}
