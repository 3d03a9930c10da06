//! Everything Aware keeps on this device, as app state: one provider over
//! `aware_core::store::DeviceStore` (decoding, migrations, damaged data kept aside, two tabs,
//! backups, deletion are all the store's), and hooks for the screens: [`use_device`] for the
//! store's verbs, [`use_progress`] and [`use_study`] for the student's progress and the
//! pre/post data.
//!
//! The provider only forwards: a verb runs on the store, the store's new [`DeviceState`] is
//! rendered. On a teacher's device a verb may ask for data to be sealed
//! ([`aware_core::store::SealRequest`]); a bundle that can seal passes a [`Sealer`] (the check and
//! teacher bundles, `state::sealing`), so the student's bundle links no cryptography.

use std::cell::RefCell;
use std::rc::Rc;

use aware_core::content::Lesson;
use aware_core::progress::Progress;
use aware_core::quiz::Selection;
use aware_core::store::{DeviceState, DeviceStore, Done, Notice, Scope, SealRequest};
use aware_core::study::{Participant, Record, ResultsFile, StudyEntry, TeacherStudies};
use yew::prelude::*;

use crate::platform::storage::{self, StorageListener};

/// Seals what a verb asked for, then hands the envelopes back to the store (asynchronously).
pub type Sealer = fn(Device, SealRequest);

/// The device store and what it holds now.
#[derive(Clone)]
pub struct Device {
    pub state: Rc<DeviceState>,
    store: Rc<RefCell<DeviceStore>>,
    shown: UseStateHandle<Rc<DeviceState>>,
    sealer: Option<Sealer>,
}

impl PartialEq for Device {
    fn eq(&self, other: &Device) -> bool {
        Rc::ptr_eq(&self.state, &other.state) && Rc::ptr_eq(&self.store, &other.store)
    }
}

impl Device {
    /// Runs a verb and shows its result; seals what it asks to be sealed. Returns the verb's
    /// outcome.
    pub fn act<O>(&self, verb: impl FnOnce(&mut DeviceStore) -> Done<O>) -> O {
        let done = verb(&mut self.store.borrow_mut());
        self.shown.set(Rc::new(done.state));
        if let (Some(request), Some(sealer)) = (done.seal, self.sealer) {
            sealer(self.clone(), request);
        }
        done.outcome
    }

    /// Reads the store without changing it (the keyring, the unopened envelopes, the inventory).
    pub fn read<T>(&self, read: impl FnOnce(&DeviceStore) -> T) -> T {
        read(&self.store.borrow())
    }

    pub fn dismiss(&self, notice: &Notice) {
        let state = self.store.borrow_mut().dismiss(notice);
        self.shown.set(Rc::new(state));
    }
}

#[derive(Properties)]
pub struct DeviceProviderProps {
    /// The kinds this bundle reads and writes: only their decoders are linked into it.
    pub scope: Scope,
    /// How this bundle seals a teacher's data; `None` in the student's bundle.
    #[prop_or_default]
    pub sealer: Option<Sealer>,
    #[prop_or_default]
    pub children: Html,
}

impl PartialEq for DeviceProviderProps {
    /// A bundle's scope and sealer never change; function addresses are not worth comparing.
    fn eq(&self, other: &Self) -> bool {
        self.sealer.is_some() == other.sealer.is_some() && self.children == other.children
    }
}

#[component]
pub fn DeviceProvider(props: &DeviceProviderProps) -> Html {
    let scope = props.scope;
    let store = use_mut_ref(move || DeviceStore::open_scoped(storage::backend(), scope));
    let shown = {
        let store = store.clone();
        use_state(move || Rc::new(store.borrow().state()))
    };
    // Another tab saved: take its change in, without writing.
    {
        let (store, shown) = (store.clone(), shown.setter());
        use_effect_with((), move |_| {
            let listener = StorageListener::new(move |key| {
                let done = store.borrow_mut().sync(key.as_deref());
                if !done.outcome.is_empty() || !done.notices.is_empty() {
                    shown.set(Rc::new(done.state));
                }
            });
            move || drop(listener)
        });
    }
    let device = Device { state: (*shown).clone(), store, shown, sealer: props.sealer };
    html! { <ContextProvider<Device> context={device}>{ props.children.clone() }</ContextProvider<Device>> }
}

#[hook]
pub fn use_device() -> Device {
    use_context::<Device>().expect("use_device is called inside DeviceProvider")
}

/// The student's progress, and what changes it.
#[derive(Clone, PartialEq)]
pub struct ProgressContext {
    pub progress: Rc<Progress>,
    device: Device,
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
}

impl ProgressContext {
    pub fn dispatch(&self, action: ProgressAction) {
        match action {
            ProgressAction::ReadSection { lesson, index } => {
                self.device.act(|store| store.read_section(&lesson, index))
            }
            ProgressAction::Answer { lesson, item, selection } => {
                self.device.act(|store| store.answer(&lesson, &item, selection));
            }
            ProgressAction::RestartQuiz { lesson } => self.device.act(|store| store.restart_quiz(&lesson)),
            ProgressAction::KeepQuizSeed { lesson, fresh } => {
                self.device.act(|store| store.keep_quiz_seed(&lesson, fresh));
            }
        }
    }
}

#[hook]
pub fn use_progress() -> ProgressContext {
    let device = use_device();
    ProgressContext { progress: device.state.progress.clone(), device }
}

/// The pre/post data this device shows: on a teacher's device, only while the teacher's area is
/// open.
#[derive(Clone, PartialEq)]
pub struct StudyContext {
    pub results: Rc<ResultsFile>,
    pub studies: Rc<TeacherStudies>,
    pub participant: Option<Participant>,
    device: Device,
}

pub enum StudyAction {
    /// A finished attempt. A second attempt for the same code and phase replaces nothing: the
    /// first one stands, as in an import.
    AddRecord(Record),
    CreateStudy(StudyEntry),
    /// Whether the student chose to have this device remember their study and code (never by
    /// default): `None` forgets any remembered one.
    Remember(Option<Participant>),
    /// The next student on a shared device: forget the code and study.
    NextStudent,
}

impl StudyContext {
    pub fn dispatch(&self, action: StudyAction) {
        match action {
            StudyAction::AddRecord(record) => {
                self.device.act(|store| store.add_record(record));
            }
            StudyAction::CreateStudy(entry) => self.device.act(|store| store.create_study(entry)),
            StudyAction::Remember(Some(participant)) => {
                self.device.act(|store| store.remember_participant(participant))
            }
            StudyAction::Remember(None) => self.device.act(|store| store.forget_participant()),
            StudyAction::NextStudent => self.device.act(|store| store.next_student()),
        }
    }

    pub fn device(&self) -> &Device {
        &self.device
    }
}

#[hook]
pub fn use_study() -> StudyContext {
    let device = use_device();
    let state = &device.state;
    StudyContext {
        results: state.results.clone(),
        studies: state.studies.clone(),
        participant: state.participant,
        device: device.clone(),
    }
}
