//! The verbs the app calls, grouped as its screens use them: the student's progress, pre/post
//! results and studies, classroom sessions, settings, the teacher's sealed data, and "Data on
//! this device".
//!
//! Each verb changes the value in memory first, then saves it (see [`Slot::persist`]); a save
//! that fails leaves the change in memory and raises a notice, so the screen keeps working.

use std::collections::BTreeSet;
use std::rc::Rc;

use super::keys::{Kind, PREFIX, parse_backup_key};
use super::teacher::{
    Envelope, EnvelopeId, Keyring, OpenProblem, Opened, Payload, PayloadKind, SealRequest, TeacherData,
};
use super::{DeviceStore, Done, Notice, RestoreOutcome, WriteFailure};
use crate::band::AgeBand;
use crate::classroom::{ClassSessions, Kept, Session, SessionId};
use crate::content::Lesson;
use crate::progress::Progress;
use crate::quiz::{self, Selection, Verdict};
use crate::study::Vocabulary;
use crate::study::file::{ImportError, MergeReport};
use crate::study::{Locale, Participant, Record, ResultsFile, StudyEntry, StudyId, TeacherStudies};

/// What became of a finished attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordOutcome {
    Added,
    /// The same record was already held.
    AlreadyHeld,
    /// A different record of the same code, phase and form was already held; it stands.
    Conflict,
    Refused(ImportError),
    /// On a teacher's device: to be sealed (see [`Done::seal`]).
    Sealed,
}

/// A results file a person picked or dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What became of one imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileOutcome {
    pub name: String,
    pub result: Result<Imported, ImportError>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub added: usize,
    pub duplicates: usize,
    pub conflicts: usize,
    /// Records of other studies than the one whose page this is (imported all the same).
    pub other_studies: usize,
}

/// What became of a saved classroom session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionOutcome {
    /// Kept (a new session, or a later copy of one).
    Saved,
    /// This copy was held already.
    AlreadyHeld,
    /// A later copy (revision `held`, saved by another tab or window) is kept instead.
    Stale { held: u64 },
    /// As many sessions as may be kept are held: delete some first.
    Full,
    /// On a teacher's device: to be sealed (see [`Done::seal`]).
    Sealed,
}

/// The outcome of setting up a teacher's keyring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetUpOutcome {
    SetUp,
    /// A keyring was already there (perhaps set up in another tab just now); it is kept.
    AlreadySetUp,
}

/// Results and studies a teacher's device still holds in the clear, to be sealed by the app and
/// handed back to [`DeviceStore::seal_plain`], which then removes exactly these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainToSeal {
    pub payloads: Vec<Payload>,
    results: ResultsFile,
    studies: TeacherStudies,
    sessions: ClassSessions,
}

/// The teacher's data while unlocked.
pub(super) struct TeacherView {
    pub results: Rc<ResultsFile>,
    pub studies: Rc<TeacherStudies>,
    pub sessions: Rc<ClassSessions>,
    /// The envelopes whose payloads are in `results`, `studies` and `sessions`.
    pub opened: BTreeSet<EnvelopeId>,
    pub problems: Vec<OpenProblem>,
}

/// What "Data on this device" lists and deletes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    Progress,
    Results,
    Studies,
    /// Classroom sessions.
    Sessions,
    /// The remembered study and code.
    Participant,
    /// The chosen language.
    Locale,
    Band,
    /// Statements the embed view has not sent yet to a campaign's record store.
    Outbox,
    /// The teacher's keyring and sealed results, studies and sessions.
    Teacher,
    Backups,
    /// `aware.*` keys this version does not know (written by a newer one, say).
    Other,
}

impl Category {
    pub const ALL: [Category; 11] = [
        Category::Progress,
        Category::Results,
        Category::Studies,
        Category::Sessions,
        Category::Participant,
        Category::Locale,
        Category::Band,
        Category::Outbox,
        Category::Teacher,
        Category::Backups,
        Category::Other,
    ];

    /// The category a stored kind is listed and deleted under.
    pub fn of_kind(kind: Kind) -> Category {
        match kind {
            Kind::Progress => Category::Progress,
            Kind::Results => Category::Results,
            Kind::Studies => Category::Studies,
            Kind::Sessions => Category::Sessions,
            Kind::Participant => Category::Participant,
            Kind::Locale => Category::Locale,
            Kind::Band => Category::Band,
            Kind::Keyring | Kind::Sealed => Category::Teacher,
        }
    }

    fn of_key(key: &str) -> Category {
        match (Kind::of_key(key), parse_backup_key(key)) {
            (Some(kind), _) => Category::of_kind(kind),
            (None, Some(_)) => Category::Backups,
            (None, None) if key == crate::xapi::outbox::STORAGE_KEY => Category::Outbox,
            (None, None) => Category::Other,
        }
    }
}

/// One line of "Data on this device".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InventoryEntry {
    pub category: Category,
    /// Lessons started, results, studies, sessions, sealed envelopes, backups or keys; 1 for a
    /// setting. `None` for a kind this page does not read (see [`super::Scope`]): only its size
    /// is known.
    pub items: Option<usize>,
    /// Stored, in UTF-8 bytes of the values; 0 when kept in memory only.
    pub bytes: usize,
}

/// What the device keeps: every category that holds something, in [`Category::ALL`]'s order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inventory {
    pub entries: Vec<InventoryEntry>,
}

impl Inventory {
    pub fn entry(&self, category: Category) -> Option<&InventoryEntry> {
        self.entries.iter().find(|entry| entry.category == category)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn record_outcome(report: &MergeReport) -> RecordOutcome {
    match (report.added, report.conflicts.is_empty()) {
        (0, false) => RecordOutcome::Conflict,
        (0, true) => RecordOutcome::AlreadyHeld,
        _ => RecordOutcome::Added,
    }
}

fn results_payload(results: &ResultsFile) -> Result<Payload, WriteFailure> {
    let text = results.encode().map_err(|_| WriteFailure::TooLarge)?;
    Ok(Payload { kind: PayloadKind::Results, text })
}

fn studies_payload(studies: &TeacherStudies) -> Payload {
    Payload { kind: PayloadKind::Studies, text: studies.encode() }
}

fn sessions_payload(sessions: &ClassSessions) -> Payload {
    Payload { kind: PayloadKind::Sessions, text: sessions.encode() }
}

/// Everything the unlocked teacher holds, as payloads to seal again in place of every opened
/// envelope (after a deletion). Fails when one would be too large: then nothing may be replaced.
fn compacted_payloads(view: &TeacherView) -> Result<Vec<Payload>, WriteFailure> {
    let mut payloads = Vec::new();
    if !view.results.is_empty() {
        payloads.push(results_payload(&view.results)?);
    }
    if !view.studies.studies.is_empty() {
        payloads.push(studies_payload(&view.studies));
    }
    if !view.sessions.is_empty() {
        payloads.push(sessions_payload(&view.sessions));
    }
    Ok(payloads)
}

/// The student's progress.
impl DeviceStore {
    /// The student opened section `index` (0-based) of `lesson`.
    pub fn read_section(&mut self, lesson: &Lesson, index: usize) -> Done {
        self.change_progress(|progress| progress.read_section(lesson, index))
    }

    /// Checks and records an answer; the outcome is the verdict, `None` when `item` is not in
    /// the lesson.
    pub fn answer(&mut self, lesson: &Lesson, item: &str, selection: Selection) -> Done<Option<Verdict>> {
        let Some(quiz_item) = lesson.quiz_item(item) else { return self.done(None, Vec::new(), None) };
        let verdict = quiz::check(quiz_item, &selection);
        let done = self.change_progress(|progress| progress.record_answer(lesson, item, selection, &verdict));
        Done { outcome: Some(verdict), state: done.state, notices: done.notices, seal: done.seal }
    }

    /// The quiz is shown: keeps the seed of this attempt's option order (`fresh` when it has
    /// none yet), so the options stay in place when the page is opened again.
    pub fn keep_quiz_seed(&mut self, lesson: &Lesson, fresh: u32) -> Done<u32> {
        let mut seed = fresh;
        let done = self.change_progress(|progress| seed = progress.quiz_seed(lesson, fresh));
        Done { outcome: seed, state: done.state, notices: done.notices, seal: done.seal }
    }

    /// Starts the lesson's quiz afresh, keeping what was read.
    pub fn restart_quiz(&mut self, lesson: &Lesson) -> Done {
        self.change_progress(|progress| progress.restart_quiz(lesson))
    }

    fn change_progress(&mut self, change: impl FnOnce(&mut Progress)) -> Done {
        let mut next = (*self.progress.value).clone();
        change(&mut next);
        let mut notices = Vec::new();
        if next != *self.progress.value {
            self.progress.value = Rc::new(next);
            self.progress.persist(self.backend.as_deref(), &mut notices);
        }
        self.done((), notices, None)
    }
}

/// Pre/post results, studies and the remembered participant.
impl DeviceStore {
    /// A finished attempt. A second attempt for the same code, phase and form replaces nothing.
    pub fn add_record(&mut self, record: Record) -> Done<RecordOutcome> {
        let single = match ResultsFile::new(vec![record]) {
            Ok(single) => single,
            Err(error) => return self.done(RecordOutcome::Refused(error), Vec::new(), None),
        };
        if self.is_sealed() {
            if let Some(view) = &mut self.view {
                let mut results = (*view.results).clone();
                match results.merge(single.clone()) {
                    Ok(report) if report.added == 0 => return self.done(record_outcome(&report), Vec::new(), None),
                    Ok(_) => view.results = Rc::new(results),
                    Err(error) => return self.done(RecordOutcome::Refused(error), Vec::new(), None),
                }
            }
            return match results_payload(&single) {
                Ok(payload) => self.done(RecordOutcome::Sealed, Vec::new(), Some(SealRequest::Append(vec![payload]))),
                Err(failure) => {
                    self.done(RecordOutcome::Sealed, vec![Notice::WriteFailed { kind: Kind::Sealed, failure }], None)
                }
            };
        }
        let mut results = (*self.results.value).clone();
        let report = match results.merge(single) {
            Ok(report) => report,
            Err(error) => return self.done(RecordOutcome::Refused(error), Vec::new(), None),
        };
        let mut notices = Vec::new();
        if report.added > 0 {
            self.results.value = Rc::new(results);
            self.results.persist(self.backend.as_deref(), &mut notices);
        }
        self.done(record_outcome(&report), notices, None)
    }

    /// Imports results files, one outcome per file in the order given. Each file is decoded on
    /// its own and merged into what is held now (not into a copy taken when the import started),
    /// so two imports both keep their records, in memory-only mode too.
    pub fn import_files(&mut self, files: Vec<ImportFile>, this_study: Option<StudyId>) -> Done<Vec<FileOutcome>> {
        self.import_files_checked(files, this_study, None)
    }

    /// [`Self::import_files`], refusing records that name anything `vocabulary` (the
    /// assessment's items, scales and forms) does not define, as the teacher's screen does.
    pub fn import_files_checked(
        &mut self,
        files: Vec<ImportFile>,
        this_study: Option<StudyId>,
        vocabulary: Option<&Vocabulary>,
    ) -> Done<Vec<FileOutcome>> {
        let sealed = self.is_sealed();
        let mut results = match (&self.view, sealed) {
            (_, false) => (*self.results.value).clone(),
            (Some(view), true) => (*view.results).clone(),
            (None, true) => ResultsFile::default(),
        };
        let mut to_seal = ResultsFile::default();
        let mut outcomes = Vec::with_capacity(files.len());
        for ImportFile { name, bytes } in files {
            let decoded = match vocabulary {
                Some(vocabulary) => ResultsFile::import(&bytes, vocabulary),
                None => ResultsFile::decode(&bytes),
            };
            let result = decoded.and_then(|file| {
                let other_studies = this_study.map_or(0, |id| file.records().filter(|r| r.study != id).count());
                let new: Vec<Record> = file.records().filter(|r| results.get(&r.key()).is_none()).cloned().collect();
                let report = results.merge(file)?;
                if sealed {
                    to_seal.merge(ResultsFile::new(new)?)?;
                }
                Ok(Imported {
                    added: report.added,
                    duplicates: report.duplicates_skipped,
                    conflicts: report.conflicts.len(),
                    other_studies,
                })
            });
            outcomes.push(FileOutcome { name, result });
        }
        let mut notices = Vec::new();
        let mut seal = None;
        if sealed {
            if let Some(view) = &mut self.view {
                view.results = Rc::new(results);
            }
            if !to_seal.is_empty() {
                match results_payload(&to_seal) {
                    Ok(payload) => seal = Some(SealRequest::Append(vec![payload])),
                    Err(failure) => notices.push(Notice::WriteFailed { kind: Kind::Sealed, failure }),
                }
            }
        } else if results != *self.results.value {
            self.results.value = Rc::new(results);
            self.results.persist(self.backend.as_deref(), &mut notices);
        }
        self.done(outcomes, notices, seal)
    }

    /// A teacher's new study, listed first. A study id already held is left as it is.
    pub fn create_study(&mut self, entry: StudyEntry) -> Done {
        let mut notices = Vec::new();
        if self.is_sealed() {
            if let Some(view) = &mut self.view
                && view.studies.find(entry.id).is_none()
            {
                Rc::make_mut(&mut view.studies).studies.insert(0, entry.clone());
            }
            let payload = studies_payload(&TeacherStudies { studies: vec![entry] });
            return self.done((), notices, Some(SealRequest::Append(vec![payload])));
        }
        if self.studies.value.find(entry.id).is_none() {
            self.studies.value_mut().studies.insert(0, entry);
            self.studies.persist(self.backend.as_deref(), &mut notices);
        }
        self.done((), notices, None)
    }

    /// Deletes every result of `study` (a programme's retention rule). On a teacher's device
    /// this needs the area unlocked, and asks for the remaining data to be sealed again
    /// ([`SealRequest::Replace`]). The outcome is how many results were deleted.
    pub fn delete_study_results(&mut self, study: StudyId) -> Done<usize> {
        let mut notices = Vec::new();
        // In the clear: every result without a teacher; on a teacher's device, any not sealed yet.
        let in_clear = self.results.value.records().filter(|r| r.study == study).count();
        if in_clear > 0 {
            self.results.value_mut().retain(|r| r.study != study);
            self.results.persist(self.backend.as_deref(), &mut notices);
        }
        let sealed = self.is_sealed();
        let Some(view) = self.view.as_mut().filter(|_| sealed) else {
            return self.done(in_clear, notices, None);
        };
        // The view holds what was in the clear at unlocking too.
        let mut results = (*view.results).clone();
        results.retain(|r| r.study != study);
        let deleted = view.results.len() - results.len();
        view.results = Rc::new(results);
        let seal = self.compaction(&mut notices);
        self.done(deleted, notices, seal)
    }

    /// After a deletion on the unlocked teacher's data: the request to seal what remains in
    /// place of every opened envelope. `None` (with a notice) when that cannot be done whole.
    fn compaction(&self, notices: &mut Vec<Notice>) -> Option<SealRequest> {
        let view = self.view.as_ref()?;
        match compacted_payloads(view) {
            Ok(payloads) => Some(SealRequest::Replace { consumed: view.opened.iter().cloned().collect(), payloads }),
            Err(failure) => {
                // Without everything that remains in a payload, nothing may be replaced.
                notices.push(Notice::WriteFailed { kind: Kind::Sealed, failure });
                None
            }
        }
    }

    /// Remembers the student's study and code, which the student chose to (never by default).
    pub fn remember_participant(&mut self, participant: Participant) -> Done {
        self.set_participant(Some(participant))
    }

    pub fn forget_participant(&mut self) -> Done {
        self.set_participant(None)
    }

    /// Hands a shared device to the next student: the remembered code and study are forgotten
    /// and the teacher's area is locked, so the next student's form starts empty.
    pub fn next_student(&mut self) -> Done {
        self.view = None;
        self.set_participant(None)
    }

    fn set_participant(&mut self, participant: Option<Participant>) -> Done {
        let mut notices = Vec::new();
        self.participant.choose(participant, self.backend.as_deref(), &mut notices);
        self.done((), notices, None)
    }
}

/// Classroom sessions (see `crate::classroom`).
impl DeviceStore {
    /// Keeps a session at a checkpoint: a new one, or a later copy of one held. On a teacher's
    /// device it is sealed (one envelope per save; the copy with the highest revision wins when
    /// opened), so save at checkpoints, not at every count.
    pub fn save_session(&mut self, session: &Session) -> Done<SessionOutcome> {
        let outcome = |kept: Kept| match kept {
            Kept::Added | Kept::Updated => SessionOutcome::Saved,
            Kept::AlreadyHeld => SessionOutcome::AlreadyHeld,
            Kept::Stale { held } => SessionOutcome::Stale { held },
            Kept::Full => SessionOutcome::Full,
        };
        if self.is_sealed() {
            let shown = match &mut self.view {
                Some(view) => &mut view.sessions,
                None => &mut self.written,
            };
            match Rc::make_mut(shown).keep(session) {
                Kept::Added | Kept::Updated => {}
                other => return self.done(outcome(other), Vec::new(), None),
            }
            let payload = sessions_payload(&ClassSessions::new(vec![session.clone()]));
            return self.done(SessionOutcome::Sealed, Vec::new(), Some(SealRequest::Append(vec![payload])));
        }
        let kept = self.sessions.value_mut().keep(session);
        let mut notices = Vec::new();
        if matches!(kept, Kept::Added | Kept::Updated) {
            self.sessions.persist(self.backend.as_deref(), &mut notices);
        }
        self.done(outcome(kept), notices, None)
    }

    /// Deletes one session. On a teacher's device this needs the area unlocked, and asks for
    /// the remaining data to be sealed again ([`SealRequest::Replace`]). The outcome is whether
    /// a session was deleted.
    pub fn delete_session(&mut self, id: SessionId) -> Done<bool> {
        let mut notices = Vec::new();
        let in_clear = self.sessions.value.find(id).is_some();
        if in_clear {
            self.sessions.value_mut().remove(id);
            self.sessions.persist(self.backend.as_deref(), &mut notices);
        }
        let written = Rc::make_mut(&mut self.written).remove(id);
        let sealed = self.is_sealed();
        let Some(view) = self.view.as_mut().filter(|_| sealed) else {
            return self.done(in_clear || written, notices, None);
        };
        let deleted = Rc::make_mut(&mut view.sessions).remove(id);
        let seal = if deleted { self.compaction(&mut notices) } else { None };
        self.done(in_clear || deleted, notices, seal)
    }
}

/// Settings.
impl DeviceStore {
    pub fn set_locale(&mut self, locale: Locale) -> Done {
        let mut notices = Vec::new();
        self.locale.choose(Some(locale), self.backend.as_deref(), &mut notices);
        self.done((), notices, None)
    }

    pub fn set_band(&mut self, band: AgeBand) -> Done {
        let mut notices = Vec::new();
        self.band.choose(Some(band), self.backend.as_deref(), &mut notices);
        self.done((), notices, None)
    }
}

/// The teacher's sealed data (see [`super::teacher`]).
impl DeviceStore {
    /// Keeps a new teacher's keyring. A keyring already stored is never replaced.
    pub fn set_up_teacher(&mut self, keyring: Keyring) -> Done<SetUpOutcome> {
        if self.keyring.value.is_some() {
            return self.done(SetUpOutcome::AlreadySetUp, Vec::new(), None);
        }
        self.keyring.value = Rc::new(Some(keyring.clone()));
        let mut notices = Vec::new();
        self.keyring.persist(self.backend.as_deref(), &mut notices);
        let outcome =
            if *self.keyring.value == Some(keyring) { SetUpOutcome::SetUp } else { SetUpOutcome::AlreadySetUp };
        self.done(outcome, notices, None)
    }

    pub fn keyring(&self) -> Option<&Keyring> {
        self.keyring.value.as_ref().as_ref()
    }

    /// Every sealed envelope, in the order appended.
    pub fn sealed(&self) -> &[Envelope] {
        &self.sealed.value.envelopes
    }

    /// The envelopes not yet opened (all of them while locked).
    pub fn unopened(&self) -> Vec<&Envelope> {
        let opened = self.view.as_ref().map(|view| &view.opened);
        self.sealed.value.envelopes.iter().filter(|e| opened.is_none_or(|opened| !opened.contains(&e.id()))).collect()
    }

    /// Opens the teacher's area with payloads the app decrypted (see [`super::teacher::open`]);
    /// called again with more, it adds them. Results and studies still held in the clear are
    /// shown too.
    pub fn unlock(&mut self, payloads: Vec<Opened>) -> Done {
        let mut data = match self.view.take() {
            Some(view) => TeacherData {
                results: Rc::unwrap_or_clone(view.results),
                studies: Rc::unwrap_or_clone(view.studies),
                sessions: Rc::unwrap_or_clone(view.sessions),
                opened: view.opened,
                problems: view.problems,
            },
            None => TeacherData {
                results: (*self.results.value).clone(),
                studies: (*self.studies.value).clone(),
                sessions: (*self.sessions.value).clone(),
                ..TeacherData::default()
            },
        };
        // What this tab saved while locked is sealed too (or being sealed): the opened copies
        // and these are the same sessions, and the later copy of each stands.
        for session in std::mem::take(&mut self.written).sessions() {
            data.sessions.keep(session);
        }
        for payload in payloads {
            data.add(payload);
        }
        self.view = Some(TeacherView {
            results: Rc::new(data.results),
            studies: Rc::new(data.studies),
            sessions: Rc::new(data.sessions),
            opened: data.opened,
            problems: data.problems,
        });
        self.done((), Vec::new(), None)
    }

    /// Closes the teacher's area: nothing opened stays in memory.
    pub fn lock(&mut self) -> Done {
        self.view = None;
        self.written = Rc::default();
        self.done((), Vec::new(), None)
    }

    /// Keeps envelopes the app sealed after a [`SealRequest::Append`].
    pub fn append_sealed(&mut self, envelopes: Vec<Envelope>) -> Done {
        let mut notices = Vec::new();
        self.add_envelopes(envelopes, &mut notices);
        self.done((), notices, None)
    }

    /// After a [`SealRequest::Replace`]: the consumed envelopes are replaced by `envelopes`.
    /// Envelopes another tab appended meanwhile are kept.
    pub fn replace_sealed(&mut self, consumed: Vec<EnvelopeId>, envelopes: Vec<Envelope>) -> Done {
        let consumed: BTreeSet<EnvelopeId> = consumed.into_iter().collect();
        self.sealed.value_mut().envelopes.retain(|e| !consumed.contains(&e.id()));
        if let Some(view) = &mut self.view {
            view.opened.retain(|id| !consumed.contains(id));
        }
        let mut notices = Vec::new();
        self.add_envelopes(envelopes, &mut notices);
        self.done((), notices, None)
    }

    /// On a teacher's device, what is still held in the clear (from before the set-up, or
    /// written by an older tab), for the app to seal.
    pub fn plain_to_seal(&self) -> Option<PlainToSeal> {
        let (results, studies, sessions) = (&*self.results.value, &*self.studies.value, &*self.sessions.value);
        if !self.is_sealed() || (results.is_empty() && studies.studies.is_empty() && sessions.is_empty()) {
            return None;
        }
        let mut payloads = Vec::new();
        if !results.is_empty() {
            payloads.push(results_payload(results).ok()?);
        }
        if !studies.studies.is_empty() {
            payloads.push(studies_payload(studies));
        }
        if !sessions.is_empty() {
            payloads.push(sessions_payload(sessions));
        }
        Some(PlainToSeal { payloads, results: results.clone(), studies: studies.clone(), sessions: sessions.clone() })
    }

    /// Keeps the envelopes sealed from [`Self::plain_to_seal`]; once they are stored, removes
    /// exactly the results, studies and sessions they hold from the clear.
    pub fn seal_plain(&mut self, plain: PlainToSeal, envelopes: Vec<Envelope>) -> Done {
        let mut notices = Vec::new();
        if self.add_envelopes(envelopes, &mut notices) {
            let PlainToSeal { results, studies, sessions, .. } = plain;
            let backend = self.backend.as_deref();
            self.results.value_mut().retain(|r| results.get(&r.key()) != Some(r));
            self.results.persist(backend, &mut notices);
            self.studies.value_mut().studies.retain(|s| studies.find(s.id) != Some(s));
            self.studies.persist(backend, &mut notices);
            let sealed: Vec<SessionId> = self
                .sessions
                .value
                .sessions()
                .iter()
                .filter(|s| sessions.find(s.id()) == Some(*s))
                .map(Session::id)
                .collect();
            for id in sealed {
                self.sessions.value_mut().remove(id);
            }
            self.sessions.persist(backend, &mut notices);
        }
        self.done((), notices, None)
    }

    /// Returns whether storage now holds the envelopes.
    fn add_envelopes(&mut self, envelopes: Vec<Envelope>, notices: &mut Vec<Notice>) -> bool {
        for envelope in envelopes {
            if let Some(view) = &mut self.view {
                view.opened.insert(envelope.id());
            }
            if !self.sealed.value.envelopes.contains(&envelope) {
                self.sealed.value_mut().envelopes.push(envelope);
            }
        }
        self.sealed.persist(self.backend.as_deref(), notices)
    }
}

/// "Data on this device".
impl DeviceStore {
    pub fn inventory(&self) -> Inventory {
        let mut bytes = [0usize; Category::ALL.len()];
        let mut other_keys = 0;
        if let Some(backend) = self.backend.as_deref()
            && let Ok(keys) = backend.keys()
        {
            for key in keys.iter().filter(|key| key.starts_with(PREFIX)) {
                let category = Category::of_key(key);
                bytes[category as usize] += backend.get(key).ok().flatten().map_or(0, |value| value.len());
                other_keys += usize::from(category == Category::Other);
            }
        }
        let items = |category: Category| match category {
            Category::Progress => self.progress.value.lessons.len(),
            Category::Results => self.results.value.len(),
            Category::Studies => self.studies.value.studies.len(),
            Category::Sessions => self.sessions.value.len(),
            Category::Participant => usize::from(self.participant.value.is_some()),
            Category::Locale => usize::from(self.locale.value.is_some()),
            Category::Band => usize::from(self.band.value.is_some()),
            // Not decoded to be counted (the student's bundle need not link the outbox): the
            // statements waiting are one item.
            Category::Outbox => usize::from(bytes[Category::Outbox as usize] > 0),
            Category::Teacher => self.sealed.value.len() + usize::from(self.keyring.value.is_some()),
            Category::Backups => self.backups.len(),
            Category::Other => other_keys,
        };
        let unread = |category: Category| match category {
            Category::Results => self.results.status == super::Status::NotKept,
            Category::Studies => self.studies.status == super::Status::NotKept,
            Category::Sessions => self.sessions.status == super::Status::NotKept,
            Category::Progress => self.progress.status == super::Status::NotKept,
            Category::Participant => self.participant.status == super::Status::NotKept,
            Category::Locale => self.locale.status == super::Status::NotKept,
            Category::Band => self.band.status == super::Status::NotKept,
            Category::Teacher => {
                self.keyring.status == super::Status::NotKept || self.sealed.status == super::Status::NotKept
            }
            Category::Outbox | Category::Backups | Category::Other => false,
        };
        let entries = Category::ALL
            .into_iter()
            .map(|category| InventoryEntry {
                category,
                items: (!unread(category)).then(|| items(category)),
                bytes: bytes[category as usize],
            })
            .filter(|entry| entry.items.is_some_and(|items| items > 0) || entry.bytes > 0)
            .collect();
        Inventory { entries }
    }

    /// Deletes one category, from storage and from memory.
    pub fn delete(&mut self, category: Category) -> Done {
        let mut notices = Vec::new();
        let backend = self.backend.as_deref();
        match category {
            Category::Progress => self.progress.clear(backend, &mut notices),
            Category::Results => self.results.clear(backend, &mut notices),
            Category::Studies => self.studies.clear(backend, &mut notices),
            Category::Sessions => {
                self.sessions.clear(backend, &mut notices);
                self.written = Rc::default();
            }
            Category::Participant => self.participant.clear(backend, &mut notices),
            Category::Locale => self.locale.clear(backend, &mut notices),
            Category::Band => self.band.clear(backend, &mut notices),
            Category::Teacher => {
                self.keyring.clear(backend, &mut notices);
                self.sealed.clear(backend, &mut notices);
                self.view = None;
                self.written = Rc::default();
            }
            Category::Outbox | Category::Backups | Category::Other => {
                self.remove_keys(|key| Category::of_key(key) == category, &mut notices)
            }
        }
        self.done((), notices, None)
    }

    /// Deletes everything Aware keeps here: afterwards no `aware.*` key remains (unless storage
    /// refused, which a [`Notice::DeleteFailed`] says).
    pub fn delete_everything(&mut self) -> Done {
        let mut notices = Vec::new();
        for category in Category::ALL {
            notices.extend(self.delete(category).notices);
        }
        self.remove_keys(|_| true, &mut notices);
        // What earlier notices said about stored data no longer holds; that storage is missing does.
        self.notices.retain(|notice| matches!(notice, Notice::Blocked | Notice::MemoryOnly { .. }));
        self.done((), notices, None)
    }

    fn remove_keys(&self, remove: impl Fn(&str) -> bool, notices: &mut Vec<Notice>) {
        let Some(backend) = self.backend.as_deref() else { return };
        let Ok(keys) = backend.keys() else {
            notices.push(Notice::DeleteFailed { key: PREFIX.to_owned() });
            return;
        };
        for key in keys.into_iter().filter(|key| key.starts_with(PREFIX) && remove(key)) {
            if backend.remove(&key).is_err() {
                notices.push(Notice::DeleteFailed { key });
            }
        }
    }

    /// A backup's stored text, to download; `None` when `key` is not a backup held here.
    pub fn backup_bytes(&self, key: &str) -> Option<Vec<u8>> {
        parse_backup_key(key)?;
        Some(self.backend.as_deref()?.get(key).ok()??.into_bytes())
    }

    /// Merges a backup back in (see [`RestoreOutcome`]); the backup itself is kept.
    pub fn restore_backup(&mut self, key: &str) -> Done<RestoreOutcome> {
        let Some((kind, _)) = parse_backup_key(key) else {
            return self.done(RestoreOutcome::NotFound, Vec::new(), None);
        };
        let Some(text) = self.backup_bytes(key).and_then(|bytes| String::from_utf8(bytes).ok()) else {
            return self.done(RestoreOutcome::NotFound, Vec::new(), None);
        };
        let mut notices = Vec::new();
        let backend = self.backend.as_deref();
        let outcome = match kind {
            Kind::Progress => self.progress.restore(&text, backend, &mut notices),
            Kind::Results => self.results.restore(&text, backend, &mut notices),
            Kind::Studies => self.studies.restore(&text, backend, &mut notices),
            Kind::Sessions => self.sessions.restore(&text, backend, &mut notices),
            Kind::Participant => self.participant.restore(&text, backend, &mut notices),
            Kind::Locale => self.locale.restore(&text, backend, &mut notices),
            Kind::Band => self.band.restore(&text, backend, &mut notices),
            Kind::Keyring => self.keyring.restore(&text, backend, &mut notices),
            Kind::Sealed => self.sealed.restore(&text, backend, &mut notices),
        };
        self.done(outcome, notices, None)
    }
}
