//! The student's progress as app state: loaded once from storage, saved after every change.

use std::rc::Rc;

use aware_core::content::Lesson;
use aware_core::progress::{self, Loaded, Progress, STORAGE_KEY};
use aware_core::quiz::{self, Selection};
use yew::prelude::*;

use crate::platform::storage::LocalStore;

/// What the student should be told about where their progress is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageNotice {
    /// Storage is blocked or missing: progress lives in memory only.
    Unavailable,
    /// A write failed (for example the storage is full).
    WriteFailed,
    /// Stored progress could not be read; it was kept under a backup key.
    Unreadable,
    /// Stored progress was from an older version and has been updated.
    Migrated,
}

impl StorageNotice {
    pub fn message_id(self) -> &'static str {
        match self {
            StorageNotice::Unavailable => "storage-unavailable",
            StorageNotice::WriteFailed => "storage-write-failed",
            StorageNotice::Unreadable => "storage-unreadable",
            StorageNotice::Migrated => "storage-migrated",
        }
    }

    /// The same situations for the results and studies kept for pre/post tests.
    pub fn study_message_id(self) -> &'static str {
        match self {
            StorageNotice::Unavailable => "study-storage-unavailable",
            StorageNotice::WriteFailed => "study-storage-write-failed",
            StorageNotice::Unreadable | StorageNotice::Migrated => "study-storage-unreadable",
        }
    }
}

#[derive(Clone, PartialEq)]
pub struct ProgressState {
    pub progress: Progress,
    pub notice: Option<StorageNotice>,
    /// `None` when progress can only be kept in memory.
    store: Option<Rc<LocalStoreHandle>>,
}

/// Wraps the store so the state can derive `PartialEq` (the handle itself is not comparable).
pub struct LocalStoreHandle(LocalStore);

impl PartialEq for LocalStoreHandle {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

pub enum ProgressAction {
    /// Section `index` of the lesson (as the student's band sees it) was opened.
    ReadSection {
        lesson: Rc<Lesson>,
        index: usize,
    },
    Answer {
        lesson: Rc<Lesson>,
        item: String,
        selection: Selection,
    },
    RestartQuiz {
        lesson: Rc<Lesson>,
    },
    /// The quiz is shown: keep the seed of this attempt's option order, `fresh` if it has none.
    KeepQuizSeed {
        lesson: Rc<Lesson>,
        fresh: u32,
    },
    DismissNotice,
}

impl ProgressState {
    /// Reads progress from storage. Unreadable data is copied to a backup key before anything
    /// else is written; if that copy fails, the app stays in memory-only mode so the original is
    /// never overwritten.
    fn load() -> ProgressState {
        let Some(store) = LocalStore::open() else {
            return ProgressState {
                progress: Progress::default(),
                notice: Some(StorageNotice::Unavailable),
                store: None,
            };
        };
        let raw = match store.get(STORAGE_KEY) {
            Ok(raw) => raw,
            Err(_) => {
                return ProgressState {
                    progress: Progress::default(),
                    notice: Some(StorageNotice::Unavailable),
                    store: None,
                };
            }
        };
        let fresh = |notice| ProgressState { progress: Progress::default(), notice, store: None };
        match progress::load(raw.as_deref()) {
            Loaded::Empty => ProgressState { store: Some(Rc::new(LocalStoreHandle(store))), ..fresh(None) },
            Loaded::Ready { progress, migrated_from } => ProgressState {
                progress,
                notice: migrated_from.map(|_| StorageNotice::Migrated),
                store: Some(Rc::new(LocalStoreHandle(store))),
            },
            Loaded::Unreadable(_) => {
                let raw = raw.unwrap_or_default();
                let backup = progress::backup_key(|key| store.has(key));
                if store.set(&backup, &raw).is_ok() && store.remove(STORAGE_KEY).is_ok() {
                    ProgressState {
                        store: Some(Rc::new(LocalStoreHandle(store))),
                        ..fresh(Some(StorageNotice::Unreadable))
                    }
                } else {
                    fresh(Some(StorageNotice::Unavailable))
                }
            }
        }
    }

    fn save(&mut self) {
        let Some(store) = &self.store else { return };
        if store.0.set(STORAGE_KEY, &progress::save(&self.progress)).is_err() {
            self.notice = Some(StorageNotice::WriteFailed);
        }
    }
}

impl Reducible for ProgressState {
    type Action = ProgressAction;

    fn reduce(self: Rc<Self>, action: ProgressAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ProgressAction::ReadSection { lesson, index } => next.progress.read_section(&lesson, index),
            ProgressAction::Answer { lesson, item, selection } => {
                let Some(quiz_item) = lesson.quiz_item(&item) else { return self };
                let verdict = quiz::check(quiz_item, &selection);
                next.progress.record_answer(&lesson, &item, selection, &verdict);
            }
            ProgressAction::RestartQuiz { lesson } => next.progress.restart_quiz(&lesson),
            ProgressAction::KeepQuizSeed { lesson, fresh } => {
                next.progress.quiz_seed(&lesson, fresh);
            }
            ProgressAction::DismissNotice => {
                next.notice = None;
                return Rc::new(next);
            }
        }
        if next.progress == self.progress {
            return self;
        }
        next.save();
        Rc::new(next)
    }
}

pub type ProgressContext = UseReducerHandle<ProgressState>;

#[derive(Properties, PartialEq)]
pub struct ProgressProviderProps {
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn ProgressProvider(props: &ProgressProviderProps) -> Html {
    let state = use_reducer(ProgressState::load);
    html! {
        <ContextProvider<ProgressContext> context={state}>{ props.children.clone() }</ContextProvider<ProgressContext>>
    }
}

#[hook]
pub fn use_progress() -> ProgressContext {
    use_context::<ProgressContext>().expect("use_progress is called inside ProgressProvider")
}
