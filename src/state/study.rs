//! Everything a device keeps about pre/post studies, as app state: the results taken or imported
//! here, the teacher's studies, and the participant a student's device remembers.
//!
//! Loading follows the progress store's rule: a stored value that cannot be decoded is copied
//! to a backup key and reported, never overwritten; if the copy fails the store stays in memory.

use std::rc::Rc;

use aware_core::progress::backup_key_for;
use aware_core::study::{Participant, Record, ResultsFile, StudyEntry, TeacherStudies};
use yew::prelude::*;

use super::progress::StorageNotice;
use crate::platform::storage::LocalStore;

const RESULTS_KEY: &str = "aware.results";
const STUDIES_KEY: &str = "aware.studies";
const PARTICIPANT_KEY: &str = "aware.participant";

#[derive(Clone, PartialEq)]
pub struct StudyState {
    /// Every attempt taken on this device or imported into it.
    pub results: Rc<ResultsFile>,
    pub studies: Rc<TeacherStudies>,
    pub participant: Option<Participant>,
    pub notice: Option<StorageNotice>,
    store: Option<Store>,
}

#[derive(Clone)]
struct Store(LocalStore);

impl PartialEq for Store {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

pub enum StudyAction {
    /// A finished attempt. A second attempt for the same code and phase replaces nothing: the
    /// first one stands, as in an import.
    AddRecord(Record),
    /// The results after an import (merged by the caller, who reports what happened).
    SetResults(ResultsFile),
    CreateStudy(StudyEntry),
    Remember(Option<Participant>),
    DismissNotice,
}

impl StudyState {
    fn load() -> StudyState {
        let mut state =
            StudyState { results: Rc::default(), studies: Rc::default(), participant: None, notice: None, store: None };
        let Some(store) = LocalStore::open() else {
            state.notice = Some(StorageNotice::Unavailable);
            return state;
        };
        let mut outcome = LoadOutcome { kept_aside: false, usable: true };
        let results = read_stored(&store, RESULTS_KEY, |raw| ResultsFile::decode(raw.as_bytes()).ok(), &mut outcome);
        let studies = read_stored(&store, STUDIES_KEY, |raw| TeacherStudies::decode(raw).ok(), &mut outcome);
        state.participant = read_stored(&store, PARTICIPANT_KEY, Participant::decode, &mut outcome);
        state.results = Rc::new(results.unwrap_or_default());
        state.studies = Rc::new(studies.unwrap_or_default());
        let LoadOutcome { kept_aside, usable } = outcome;
        state.notice = if !usable {
            Some(StorageNotice::Unavailable)
        } else if kept_aside {
            Some(StorageNotice::Unreadable)
        } else {
            None
        };
        if usable {
            state.store = Some(Store(store));
        }
        state
    }

    fn write(&mut self, key: &str, value: Option<String>) {
        let Some(Store(store)) = &self.store else { return };
        let written = match value {
            Some(value) => store.set(key, &value),
            None => store.remove(key),
        };
        if written.is_err() {
            self.notice = Some(StorageNotice::WriteFailed);
        }
    }
}

/// What loading found across the stored values.
struct LoadOutcome {
    /// A value could not be decoded and was copied to its backup key.
    kept_aside: bool,
    /// Storage refused a read, or refused to keep a damaged value aside: stay in memory.
    usable: bool,
}

/// The value stored under `key`, decoded once. A value that does not decode is copied to a backup
/// key and removed, never overwritten in place.
fn read_stored<T>(
    store: &LocalStore,
    key: &str,
    decode: impl Fn(&str) -> Option<T>,
    outcome: &mut LoadOutcome,
) -> Option<T> {
    let raw = match store.get(key) {
        Ok(raw) => raw?,
        Err(_) => {
            outcome.usable = false;
            return None;
        }
    };
    if let Some(value) = decode(&raw) {
        return Some(value);
    }
    let backup = backup_key_for(key, |candidate| store.has(candidate));
    if store.set(&backup, &raw).is_ok() && store.remove(key).is_ok() {
        outcome.kept_aside = true;
    } else {
        outcome.usable = false;
    }
    None
}

impl Reducible for StudyState {
    type Action = StudyAction;

    fn reduce(self: Rc<Self>, action: StudyAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            StudyAction::AddRecord(record) => {
                let Ok(single) = ResultsFile::new(vec![record]) else { return self };
                let mut results = (*self.results).clone();
                if results.merge(single).map(|report| report.added).unwrap_or(0) == 0 {
                    return self;
                }
                next.results = Rc::new(results);
                next.save_results();
            }
            StudyAction::SetResults(results) => {
                next.results = Rc::new(results);
                next.save_results();
            }
            StudyAction::CreateStudy(entry) => {
                let mut studies = (*self.studies).clone();
                studies.studies.insert(0, entry);
                next.studies = Rc::new(studies);
                next.save_studies();
            }
            StudyAction::Remember(participant) => {
                next.participant = participant;
                next.write(PARTICIPANT_KEY, participant.map(|p| p.encode()));
            }
            StudyAction::DismissNotice => next.notice = None,
        }
        Rc::new(next)
    }
}

impl StudyState {
    /// Writes the results, first adding any that another tab of the app saved since this one
    /// loaded: results are only ever added, so the union loses nothing.
    fn save_results(&mut self) {
        if let Some(Store(store)) = &self.store
            && let Ok(Some(raw)) = store.get(RESULTS_KEY)
            && let Ok(saved) = ResultsFile::decode(raw.as_bytes())
        {
            let mut union = (*self.results).clone();
            if union.merge(saved).is_ok() {
                self.results = Rc::new(union);
            }
        }
        match self.results.encode() {
            Ok(text) => self.write(RESULTS_KEY, Some(text)),
            Err(_) => self.notice = Some(StorageNotice::WriteFailed),
        }
    }

    /// Likewise for studies: one created in another tab is kept.
    fn save_studies(&mut self) {
        if let Some(Store(store)) = &self.store
            && let Ok(Some(raw)) = store.get(STUDIES_KEY)
            && let Ok(saved) = TeacherStudies::decode(&raw)
        {
            let mut merged = (*self.studies).clone();
            for entry in saved.studies {
                if merged.find(entry.id).is_none() {
                    merged.studies.push(entry);
                }
            }
            self.studies = Rc::new(merged);
        }
        let encoded = self.studies.encode();
        self.write(STUDIES_KEY, Some(encoded));
    }
}

pub type StudyContext = UseReducerHandle<StudyState>;

#[derive(Properties, PartialEq)]
pub struct StudyProviderProps {
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn StudyProvider(props: &StudyProviderProps) -> Html {
    let state = use_reducer(StudyState::load);
    html! {
        <ContextProvider<StudyContext> context={state}>{ props.children.clone() }</ContextProvider<StudyContext>>
    }
}

#[hook]
pub fn use_study() -> StudyContext {
    use_context::<StudyContext>().expect("use_study is called inside StudyProvider")
}
