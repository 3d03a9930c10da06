//! The device store's behaviour, through the API the app calls: one tab and two, blocked, full
//! and damaged storage, "Data on this device", and the teacher's sealed data. The exhaustive
//! key-by-state matrix is in `store_mutation.rs`.

mod classroom_support;
mod store_support;

use aware_core::band::AgeBand;
use aware_core::classroom::{Action, BandLesson, ClassSessions, Session};
use aware_core::progress::{self, Loaded};
use aware_core::store::teacher::{Opened, PayloadKind};
use aware_core::store::{
    Category, DeviceStore, Faults, ImportFile, Imported, Kind, MemoryBackend, Notice, RecordOutcome, RestoreOutcome,
    SealRequest, SessionOutcome, SetUpOutcome, Status, TeacherState, WriteFailure,
};
use aware_core::study::{Locale, ResultsFile, TeacherStudies};
use classroom_support::polled;
use store_support::*;

fn stored(backend: &MemoryBackend, key: &str) -> Option<String> {
    backend.contents().get(key).cloned()
}

fn stored_progress(backend: &MemoryBackend) -> aware_core::progress::Progress {
    match progress::load(stored(backend, "aware.progress").as_deref()) {
        Loaded::Ready { progress, .. } => progress,
        other => panic!("stored progress does not load: {other:?}"),
    }
}

fn stored_results(backend: &MemoryBackend) -> ResultsFile {
    ResultsFile::decode(stored(backend, "aware.results").unwrap_or_default().as_bytes()).expect("stored results")
}

fn file(name: &str, records: &[aware_core::study::Record]) -> ImportFile {
    ImportFile { name: name.to_owned(), bytes: results_text(records).into_bytes() }
}

fn locale(tag: &str) -> Locale {
    Locale::new(tag).expect("a locale")
}

fn stored_sessions(backend: &MemoryBackend) -> ClassSessions {
    ClassSessions::decode(&stored(backend, "aware.sessions").unwrap_or_default()).expect("stored sessions")
}

/// `session`, one step further on (a later copy).
fn later(session: &Session) -> Session {
    let lesson = classroom_support::lesson();
    let lesson = BandLesson::new(&lesson, AgeBand::Older).expect("for all ages");
    let mut later = session.clone();
    later.apply(Action::Next, &lesson).expect("a next screen");
    later
}

mod sessions {
    use super::*;

    #[test]
    fn a_session_is_kept_and_an_earlier_copy_never_replaces_a_later_one() {
        let backend = MemoryBackend::new();
        let mut store = tab(&backend);
        let session = polled(1, [1, 2, 3, 4]);
        let done = store.save_session(&session);
        assert_eq!((done.outcome, done.seal), (SessionOutcome::Saved, None));
        assert_eq!(stored_sessions(&backend).sessions(), std::slice::from_ref(&session));
        assert_eq!(store.save_session(&session).outcome, SessionOutcome::AlreadyHeld);
        let later = later(&session);
        assert_eq!(store.save_session(&later).outcome, SessionOutcome::Saved);
        let done = store.save_session(&session);
        assert_eq!(done.outcome, SessionOutcome::Stale { held: later.revision() });
        assert_eq!(done.state.sessions.sessions(), std::slice::from_ref(&later));
        assert_eq!(stored_sessions(&backend).sessions(), [later]);
    }

    #[test]
    fn two_tabs_saving_sessions_keep_both_and_the_later_copy_of_each() {
        let backend = MemoryBackend::new();
        let (mut a, mut b) = (tab(&backend), tab(&backend));
        let (one, two, three) = (polled(1, [1; 4]), polled(2, [2; 4]), polled(3, [3; 4]));
        a.save_session(&one);
        b.save_session(&two);
        b.save_session(&later(&one));
        a.save_session(&three);
        assert_eq!(stored_sessions(&backend).sessions(), [three, two, later(&one)]);
    }

    #[test]
    fn sessions_are_listed_and_deleted_one_at_a_time_or_all_in_data_on_this_device() {
        let backend = MemoryBackend::new();
        let mut store = tab(&backend);
        let (one, two) = (polled(1, [1; 4]), polled(2, [2; 4]));
        store.save_session(&one);
        store.save_session(&two);
        let entry = store.inventory().entry(Category::Sessions).copied().expect("listed");
        assert_eq!((entry.items, entry.bytes), (Some(2), stored(&backend, "aware.sessions").map_or(0, |t| t.len())));
        let done = store.delete_session(one.id());
        assert!(done.outcome);
        assert_eq!(stored_sessions(&backend).sessions(), std::slice::from_ref(&two));
        assert!(!store.delete_session(one.id()).outcome);
        store.delete(Category::Sessions);
        assert_eq!(stored(&backend, "aware.sessions"), None);
        assert!(store.state().sessions.is_empty());
        assert_eq!(store.inventory().entry(Category::Sessions), None);
    }
}

mod one_tab {
    use super::*;

    #[test]
    fn blocked_storage_keeps_everything_in_memory_and_says_so_once() {
        let mut store = DeviceStore::open(None);
        let done = store.answer(&lesson(), "q1", selection(&["a"]));
        assert_eq!(done.outcome.map(|verdict| verdict.correct), Some(true));
        assert_eq!(done.state.progress.lesson("basics").map(|l| l.quiz.len()), Some(1));
        assert_eq!(done.state.notices, [Notice::Blocked]);
        assert!(Kind::ALL.iter().all(|&kind| done.state.status(kind) == Status::MemoryOnly));
    }

    #[test]
    fn a_checked_import_refuses_a_file_naming_what_the_vocabulary_does_not_define() {
        let mut store = DeviceStore::open(None);
        let nothing = aware_core::study::Vocabulary::new([locale("en")]);
        let done = store.import_files_checked(vec![file("one.json", &[record(1)])], None, Some(&nothing));
        assert!(done.outcome[0].result.is_err(), "{:?}", done.outcome);
        assert!(done.state.results.is_empty());
        let done = store.import_files_checked(vec![file("one.json", &[record(1)])], None, None);
        assert_eq!(done.outcome[0].result.as_ref().map(|imported| imported.added), Ok(1));
    }

    #[test]
    fn in_memory_only_mode_a_second_import_keeps_the_first() {
        let mut store = DeviceStore::open(None);
        store.import_files(vec![file("one.json", &[record(1)])], None);
        let done = store.import_files(vec![file("two.json", &[record(2)])], None);
        assert_eq!(done.state.results.records().cloned().collect::<Vec<_>>(), [record(1), record(2)]);
    }

    #[test]
    fn each_imported_file_has_its_own_outcome_and_a_bad_one_does_not_stop_the_others() {
        let backend = MemoryBackend::new();
        let mut store = tab(&backend);
        store.add_record(record(1));
        let mut conflicting = record(2);
        conflicting.date = aware_core::study::Date::new(2026, 4, 1).expect("a day");
        let files = vec![
            file("class.json", &[record(1), record(2), record_in(9, 3)]),
            ImportFile { name: "notes.txt".to_owned(), bytes: b"not json".to_vec() },
            file("again.json", &[conflicting, record(4)]),
        ];
        let done = store.import_files(files, Some(study(1)));
        let outcomes: Vec<_> = done.outcome.iter().map(|o| (o.name.as_str(), o.result.clone().ok())).collect();
        assert_eq!(
            outcomes,
            [
                ("class.json", Some(Imported { added: 2, duplicates: 1, conflicts: 0, other_studies: 1 })),
                ("notes.txt", None),
                ("again.json", Some(Imported { added: 1, duplicates: 0, conflicts: 1, other_studies: 0 })),
            ]
        );
        assert_eq!(stored_results(&backend).len(), 4);
    }

    #[test]
    fn a_second_attempt_at_the_same_form_replaces_nothing() {
        let mut store = DeviceStore::open(Some(Box::new(MemoryBackend::new())));
        assert_eq!(store.add_record(record(1)).outcome, RecordOutcome::Added);
        assert_eq!(store.add_record(record(1)).outcome, RecordOutcome::AlreadyHeld);
        let mut other = record(1);
        other.content_version = 9;
        assert_eq!(store.add_record(other).outcome, RecordOutcome::Conflict);
        assert_eq!(store.state().results.records().cloned().collect::<Vec<_>>(), [record(1)]);
    }

    #[test]
    fn damaged_data_is_kept_aside_once_and_the_key_starts_afresh() {
        let backend = MemoryBackend::holding([("aware.results", "{damaged")]);
        let store = tab(&backend);
        assert_eq!(
            store.state().notices,
            [Notice::KeptAside { kind: Kind::Results, backup: "aware.results.backup".to_owned() }]
        );
        assert_eq!(stored(&backend, "aware.results"), None);
        // The same damage met again (an old tab wrote it back) is not copied a second time.
        let other = MemoryBackend::holding([("aware.results", "{damaged"), ("aware.results.backup", "{damaged")]);
        tab(&other);
        assert_eq!(other.contents().keys().collect::<Vec<_>>(), ["aware.results.backup"]);
    }

    #[test]
    fn damage_written_after_loading_is_kept_aside_at_the_next_save_and_told() {
        let backend = MemoryBackend::new();
        let mut store = tab(&backend);
        aware_core::store::Backend::set(&backend, "aware.studies", "{written by a broken tab").expect("stored");
        let done = store.create_study(study_entry(1));
        assert_eq!(
            done.notices,
            [Notice::KeptAside { kind: Kind::Studies, backup: "aware.studies.backup".to_owned() }]
        );
        assert_eq!(stored(&backend, "aware.studies.backup").as_deref(), Some("{written by a broken tab"));
        assert_eq!(stored(&backend, "aware.studies"), Some(studies_text(&[study_entry(1)])));
        assert_eq!(done.state.backups.len(), 1);
    }

    #[test]
    fn backups_are_capped_at_three_and_dropping_the_oldest_is_told() {
        let backend = MemoryBackend::holding([
            ("aware.progress.backup", "first"),
            ("aware.progress.backup.2", "second"),
            ("aware.progress.backup.3", "third"),
            ("aware.progress", "fourth"),
        ]);
        let store = tab(&backend);
        let backups: Vec<_> = store.state().backups.iter().map(|b| (b.key.clone(), b.bytes)).collect();
        assert_eq!(
            backups,
            [
                ("aware.progress.backup.2".to_owned(), 6),
                ("aware.progress.backup.3".to_owned(), 5),
                ("aware.progress.backup.4".to_owned(), 6)
            ]
        );
        assert!(
            store
                .state()
                .notices
                .contains(&Notice::BackupDropped { kind: Kind::Progress, key: "aware.progress.backup".to_owned() })
        );
        assert_eq!(stored(&backend, "aware.progress.backup.4").as_deref(), Some("fourth"));
    }

    #[test]
    fn a_quiz_seed_is_kept_once_and_saved_so_the_options_stay_in_place() {
        let backend = MemoryBackend::new();
        let mut store = tab(&backend);
        assert_eq!(store.keep_quiz_seed(&lesson(), 7).outcome, 7);
        assert_eq!(store.keep_quiz_seed(&lesson(), 9).outcome, 7, "the first attempt's seed stands");
        let mut reopened = tab(&backend);
        assert_eq!(reopened.keep_quiz_seed(&lesson(), 11).outcome, 7, "and is stored");
    }

    #[test]
    fn newer_data_is_left_untouched_and_read_only_until_it_is_gone() {
        let newer = r#"{"schema":99,"lessons":{},"seeds":[1]}"#;
        let backend = MemoryBackend::holding([("aware.progress", newer)]);
        let mut store = tab(&backend);
        assert_eq!(store.state().notices, [Notice::ReadOnly { kind: Kind::Progress, version: 99 }]);
        let done = store.read_section(&lesson(), 1);
        assert_eq!(done.state.status(Kind::Progress), Status::ReadOnly { version: 99 });
        assert_eq!(done.state.progress.lesson("basics").map(|l| l.sections_read), Some(2), "kept in memory");
        assert_eq!(stored(&backend, "aware.progress").as_deref(), Some(newer));
        assert!(done.state.backups.is_empty(), "newer data is not damage");

        // The newer app's data is deleted (on "Data on this device" in another tab, say).
        let mut other = tab(&backend);
        other.delete(Category::Progress);
        let done = store.sync(Some("aware.progress"));
        assert_eq!(done.state.status(Kind::Progress), Status::Saved);
        store.read_section(&lesson(), 2);
        assert_eq!(stored_progress(&backend).lesson("basics").map(|l| l.sections_read), Some(3));
    }

    #[test]
    fn older_progress_is_migrated_and_its_original_kept_aside_at_the_first_save() {
        let v1 = r#"{"schema":1,"lessons":{"basics":{"sections_read":2,"answers":{"q1":true}}}}"#;
        let backend = MemoryBackend::holding([("aware.progress", v1)]);
        let mut store = tab(&backend);
        assert_eq!(store.state().notices, [Notice::Migrated { kind: Kind::Progress, from: 1 }]);
        assert_eq!(stored(&backend, "aware.progress").as_deref(), Some(v1), "loading writes nothing");
        store.answer(&lesson(), "q2", selection(&["true"]));
        assert_eq!(stored(&backend, "aware.progress.backup").as_deref(), Some(v1));
        assert_eq!(store.state().backups.iter().map(|b| b.key.as_str()).collect::<Vec<_>>(), ["aware.progress.backup"]);
        let saved = stored_progress(&backend);
        let lesson = saved.lesson("basics").expect("the migrated lesson");
        assert_eq!((lesson.sections_read, lesson.quiz.len()), (2, 2));
    }

    #[test]
    fn a_full_storage_keeps_changes_in_memory_and_saves_them_when_there_is_room() {
        let backend = MemoryBackend::new();
        let mut store = tab(&backend);
        backend.set_faults(Faults { quota: Some(0), ..Faults::default() });
        let done = store.answer(&lesson(), "q1", selection(&["b"]));
        assert_eq!(done.notices, [Notice::WriteFailed { kind: Kind::Progress, failure: WriteFailure::Full }]);
        assert_eq!(done.state.progress.lesson("basics").map(|l| l.quiz.len()), Some(1));
        backend.set_faults(Faults::default());
        store.answer(&lesson(), "q1", selection(&["a"]));
        let saved = stored_progress(&backend);
        assert_eq!(
            saved.lesson("basics").and_then(|l| l.quiz.get("q1")).map(|r| (r.attempts, r.solved)),
            Some((2, true))
        );
    }

    #[test]
    fn a_refused_read_keeps_that_kind_in_memory_without_writing_over_it() {
        let backend = MemoryBackend::holding([("aware.locale", "mn")]);
        backend.set_faults(Faults { refuse_get: true, ..Faults::default() });
        let mut store = tab(&backend);
        backend.set_faults(Faults::default());
        let done = store.set_locale(locale("en"));
        assert_eq!(done.state.status(Kind::Locale), Status::MemoryOnly);
        assert_eq!(done.state.locale, Some(locale("en")));
        assert_eq!(stored(&backend, "aware.locale").as_deref(), Some("mn"));
    }

    #[test]
    fn nothing_is_remembered_by_default_and_next_student_forgets_the_code() {
        let backend = MemoryBackend::new();
        let mut store = tab(&backend);
        store.add_record(record(1));
        store.answer(&lesson(), "q1", selection(&["a"]));
        assert_eq!(stored(&backend, "aware.participant"), None);
        assert_eq!(store.state().participant, None);

        store.remember_participant(participant(1));
        assert_eq!(stored(&backend, "aware.participant"), Some(participant(1).encode()));
        let done = store.next_student();
        assert_eq!(done.state.participant, None);
        assert_eq!(stored(&backend, "aware.participant"), None);
        assert_eq!(tab(&backend).state().participant, None, "the next student's form starts empty");
    }

    #[test]
    fn the_age_band_and_language_are_kept_and_read_back() {
        let backend = MemoryBackend::new();
        let mut store = tab(&backend);
        store.set_band(AgeBand::Younger);
        store.set_locale(locale("mn"));
        assert_eq!(stored(&backend, "aware.band").as_deref(), Some("12-14"));
        let reloaded = tab(&backend).state();
        assert_eq!((reloaded.band, reloaded.locale), (Some(AgeBand::Younger), Some(locale("mn"))));
    }
}

mod two_tabs {
    use super::*;

    #[test]
    fn a_tab_left_open_for_days_does_not_overwrite_newer_progress() {
        let backend = MemoryBackend::new();
        let (mut old, mut new) = (tab(&backend), tab(&backend));
        new.read_section(&lesson(), 2);
        new.answer(&lesson(), "q1", selection(&["a"]));
        old.answer(&lesson(), "q2", selection(&["false"]));
        let saved = stored_progress(&backend);
        let basics = saved.lesson("basics").expect("the lesson");
        assert_eq!(basics.sections_read, 3);
        assert_eq!(basics.quiz.keys().collect::<Vec<_>>(), ["q1", "q2"]);
        assert_eq!(old.state().progress, std::rc::Rc::new(saved), "the old tab now shows the merge");
    }

    #[test]
    fn results_and_studies_saved_in_two_tabs_are_unions() {
        let backend = MemoryBackend::new();
        let (mut a, mut b) = (tab(&backend), tab(&backend));
        b.add_record(record(2));
        b.create_study(study_entry(2));
        a.import_files(vec![file("a.json", &[record(1)])], None);
        a.create_study(study_entry(1));
        assert_eq!(stored_results(&backend).records().cloned().collect::<Vec<_>>(), [record(1), record(2)]);
        let studies = TeacherStudies::decode(&stored(&backend, "aware.studies").expect("studies")).expect("valid");
        assert_eq!(studies.studies, [study_entry(1), study_entry(2)]);
    }

    #[test]
    fn results_deleted_in_one_tab_are_not_brought_back_by_another() {
        let backend = MemoryBackend::holding([("aware.results", &*results_text(&[record_in(1, 1), record_in(2, 2)]))]);
        let (mut a, mut b) = (tab(&backend), tab(&backend));
        assert_eq!(a.delete_study_results(study(1)).outcome, 1);
        b.add_record(record_in(2, 3));
        assert_eq!(stored_results(&backend).records().cloned().collect::<Vec<_>>(), [record_in(2, 2), record_in(2, 3)]);
    }

    #[test]
    fn a_language_chosen_in_two_tabs_keeps_the_last_and_says_it_replaced_one() {
        let backend = MemoryBackend::new();
        let (mut a, mut b) = (tab(&backend), tab(&backend));
        b.set_locale(locale("en"));
        let done = a.set_locale(locale("mn"));
        assert_eq!(done.notices, [Notice::Replaced { kind: Kind::Locale }]);
        assert_eq!(stored(&backend, "aware.locale").as_deref(), Some("mn"));
    }

    #[test]
    fn next_student_forgets_a_code_another_tab_remembered_too() {
        let backend = MemoryBackend::new();
        let (mut a, mut b) = (tab(&backend), tab(&backend));
        b.remember_participant(participant(2));
        let done = a.next_student();
        assert_eq!(done.state.participant, None);
        assert_eq!(stored(&backend, "aware.participant"), None);
        assert_eq!(done.notices, [Notice::Replaced { kind: Kind::Participant }]);
    }

    #[test]
    fn choosing_again_what_this_tab_first_saw_still_replaces_another_tabs_choice() {
        let backend = MemoryBackend::holding([("aware.band", "12-14")]);
        let (mut a, mut b) = (tab(&backend), tab(&backend));
        b.set_band(AgeBand::Older);
        a.set_band(AgeBand::Younger);
        assert_eq!(stored(&backend, "aware.band").as_deref(), Some("12-14"));
    }

    #[test]
    fn a_tab_follows_another_on_the_storage_event_without_writing() {
        let backend = MemoryBackend::new();
        let (mut a, mut b) = (tab(&backend), tab(&backend));
        b.set_band(AgeBand::Older);
        b.add_record(record(1));
        let before = backend.contents();
        let done = a.sync(Some("aware.band"));
        assert_eq!((done.outcome, done.state.band), (vec![Kind::Band], Some(AgeBand::Older)));
        assert!(a.sync(Some("aware.results")).state.results.records().eq([&record(1)]));
        assert!(a.sync(Some("aware.results")).outcome.is_empty(), "nothing new the second time");
        assert_eq!(backend.contents(), before);
    }

    #[test]
    fn storage_cleared_in_another_tab_empties_this_one() {
        let backend = MemoryBackend::new();
        let (mut a, mut b) = (tab(&backend), tab(&backend));
        a.answer(&lesson(), "q1", selection(&["a"]));
        a.remember_participant(participant(1));
        b.sync(None);
        b.delete_everything();
        let done = a.sync(None);
        assert!(done.state.progress.lessons.is_empty());
        assert_eq!(done.state.participant, None);
        a.set_band(AgeBand::Older);
        assert_eq!(backend.contents().keys().collect::<Vec<_>>(), ["aware.band"], "nothing deleted comes back");
    }
}

mod interleavings {
    use super::*;
    use aware_core::rng::SplitMix64;

    /// Two tabs answer, read, hand in and import in a random order, and see each other's
    /// `storage` events only sometimes (a tab in the background gets them late): whatever the
    /// order, storage ends with every answer, section and record either tab made.
    #[test]
    fn two_tabs_in_any_order_lose_no_answer_section_or_record() {
        let mut rng = SplitMix64(5);
        let lesson = lesson();
        for round in 0..300 {
            let backend = MemoryBackend::new();
            let mut tabs = [tab(&backend), tab(&backend)];
            let (mut solved, mut read, mut records) = (std::collections::BTreeSet::new(), 0, Vec::new());
            for step in 0..rng.below(12) {
                let at = rng.below(2);
                let store = &mut tabs[at];
                match rng.below(5) {
                    0 => {
                        let item = *rng.pick(&["q1", "q2"]);
                        let right = if item == "q1" { "a" } else { "true" };
                        store.answer(&lesson, item, selection(&[right]));
                        solved.insert(item);
                    }
                    1 => {
                        let index = rng.below(3);
                        store.read_section(&lesson, index);
                        read = read.max(index as u32 + 1);
                    }
                    2 => {
                        let n = (round * 16 + step) as u8;
                        store.add_record(record_in(round as u8, n));
                        records.push(record_in(round as u8, n));
                    }
                    3 => {
                        let n = (round * 16 + step + 100) as u8;
                        store.import_files(vec![file("f.json", &[record_in(round as u8, n)])], None);
                        records.push(record_in(round as u8, n));
                    }
                    _ => {
                        store.sync(Some(*rng.pick(&["aware.progress", "aware.results"])));
                    }
                }
            }
            let saved = stored_progress_or_empty(&backend);
            let basics = saved.lesson("basics");
            assert_eq!(basics.map_or(0, |l| l.sections_read), read, "round {round}: sections");
            for item in &solved {
                assert!(basics.is_some_and(|l| l.quiz.get(*item).is_some_and(|r| r.solved)), "round {round}: {item}");
            }
            let held = if records.is_empty() { ResultsFile::default() } else { stored_results(&backend) };
            records.sort_by_key(|r| r.key());
            records.dedup();
            assert_eq!(held.records().cloned().collect::<Vec<_>>(), records, "round {round}: records");
        }
    }

    fn stored_progress_or_empty(backend: &MemoryBackend) -> aware_core::progress::Progress {
        if stored(backend, "aware.progress").is_none() { Default::default() } else { stored_progress(backend) }
    }
}

mod data_on_this_device {
    use super::*;

    fn full_device() -> MemoryBackend {
        let backend = MemoryBackend::holding([
            ("aware.results.backup", "{old damage"),
            ("aware.someday", "a newer version's key"),
            (aware_core::xapi::outbox::STORAGE_KEY, "{\"format\":1}"),
            ("other-app", "not ours"),
        ]);
        let mut store = tab(&backend);
        store.answer(&lesson(), "q1", selection(&["a"]));
        store.add_record(record(1));
        store.add_record(record(2));
        store.create_study(study_entry(1));
        store.remember_participant(participant(1));
        store.set_locale(locale("mn"));
        store.set_band(AgeBand::Older);
        store.save_session(&polled(1, [1, 2, 3, 4]));
        backend
    }

    #[test]
    fn every_category_is_listed_with_its_count_and_size() {
        let backend = full_device();
        let inventory = tab(&backend).inventory();
        let listed: Vec<_> = inventory.entries.iter().map(|e| (e.category, e.items.unwrap_or_default())).collect();
        assert_eq!(
            listed,
            [
                (Category::Progress, 1),
                (Category::Results, 2),
                (Category::Studies, 1),
                (Category::Sessions, 1),
                (Category::Participant, 1),
                (Category::Locale, 1),
                (Category::Band, 1),
                (Category::Outbox, 1),
                (Category::Backups, 1),
                (Category::Other, 1),
            ]
        );
        let results_bytes = stored(&backend, "aware.results").map(|text| text.len());
        assert_eq!(inventory.entry(Category::Results).map(|e| e.bytes), results_bytes);
        assert_eq!(inventory.entry(Category::Backups).map(|e| e.bytes), Some("{old damage".len()));
    }

    #[test]
    fn deleting_one_category_leaves_the_others() {
        let backend = full_device();
        let mut store = tab(&backend);
        let done = store.delete(Category::Results);
        assert!(done.state.results.is_empty());
        assert_eq!(stored(&backend, "aware.results"), None);
        assert_eq!(stored(&backend, "aware.results.backup").as_deref(), Some("{old damage"));
        assert!(stored(&backend, "aware.progress").is_some());
        store.delete(Category::Backups);
        assert_eq!(stored(&backend, "aware.results.backup"), None);
        assert!(store.state().backups.is_empty());
    }

    #[test]
    fn after_delete_everything_no_aware_key_remains() {
        let backend = full_device();
        aware_core::store::Backend::set(&backend, "aware.band", "{damaged").expect("stored");
        let mut store = tab(&backend);
        assert!(!store.state().notices.is_empty(), "the damaged band is kept aside and told");
        store.set_up_teacher(keyring(1));
        store.append_sealed(vec![envelope(1, PayloadKind::Results)]);
        let done = store.delete_everything();
        assert_eq!(backend.contents().keys().collect::<Vec<_>>(), ["other-app"]);
        assert!(done.state.progress.lessons.is_empty() && done.state.participant.is_none());
        assert_eq!(done.state.teacher, TeacherState::NotSetUp);
        assert!(store.inventory().is_empty());
        assert!(done.state.notices.is_empty(), "no notice speaks of data that is gone: {:?}", done.state.notices);
    }

    #[test]
    fn a_backup_can_be_downloaded_byte_for_byte_and_restored_without_losing_what_is_held() {
        let old = results_text(&[record(1)]);
        // Kept aside by an earlier version when, say, it was taken for damage.
        let backend = MemoryBackend::holding([("aware.results.backup.2", &*old)]);
        let mut store = tab(&backend);
        store.add_record(record(2));
        assert_eq!(store.backup_bytes("aware.results.backup.2"), Some(old.clone().into_bytes()));
        let done = store.restore_backup("aware.results.backup.2");
        assert_eq!(done.outcome, RestoreOutcome::Restored);
        assert_eq!(stored_results(&backend).records().cloned().collect::<Vec<_>>(), [record(1), record(2)]);
        assert_eq!(stored(&backend, "aware.results.backup.2"), Some(old), "the backup stays until deleted");
    }

    #[test]
    fn a_damaged_backup_can_only_be_downloaded() {
        let backend = MemoryBackend::holding([("aware.progress", "{damaged")]);
        let mut store = tab(&backend);
        assert_eq!(store.restore_backup("aware.progress.backup").outcome, RestoreOutcome::Unreadable);
        assert_eq!(store.backup_bytes("aware.progress.backup"), Some(b"{damaged".to_vec()));
        assert_eq!(store.backup_bytes("aware.progress"), None, "only backups are offered");
        assert_eq!(store.restore_backup("aware.nothing.backup").outcome, RestoreOutcome::NotFound);
    }
}

mod teacher {
    use super::*;

    fn opened(n: u8, kind: PayloadKind, text: String) -> Opened {
        Opened { id: envelope(n, kind).id(), kind, plaintext: text.into_bytes() }
    }

    fn teacher_device() -> (MemoryBackend, DeviceStore) {
        let backend = MemoryBackend::new();
        let mut store = tab(&backend);
        assert_eq!(store.set_up_teacher(keyring(1)).outcome, SetUpOutcome::SetUp);
        (backend, store)
    }

    fn appended(request: Option<SealRequest>) -> Vec<aware_core::store::Payload> {
        match request {
            Some(SealRequest::Append(payloads)) => payloads,
            other => panic!("expected payloads to append, got {other:?}"),
        }
    }

    #[test]
    fn a_students_own_device_without_a_teacher_keeps_results_in_the_clear() {
        let backend = MemoryBackend::new();
        let mut store = tab(&backend);
        let done = store.add_record(record(1));
        assert_eq!((done.outcome, done.seal), (RecordOutcome::Added, None));
        assert_eq!(stored_results(&backend).len(), 1);
        assert_eq!(done.state.teacher, TeacherState::NotSetUp);
    }

    #[test]
    fn on_a_teacher_device_a_hand_in_is_stored_only_sealed_and_not_shown() {
        let (backend, mut store) = teacher_device();
        let done = store.add_record(record(1));
        assert_eq!(done.outcome, RecordOutcome::Sealed);
        let payloads = appended(done.seal);
        assert_eq!(payloads.len(), 1);
        assert_eq!(payloads[0].kind, PayloadKind::Results);
        assert_eq!(ResultsFile::decode(payloads[0].text.as_bytes()), ResultsFile::new(vec![record(1)]));
        assert!(done.state.results.is_empty(), "another student cannot see it");
        assert_eq!(stored(&backend, "aware.results"), None);

        let done = store.append_sealed(vec![envelope(5, PayloadKind::Results)]);
        assert_eq!(done.state.teacher, TeacherState::Locked { sealed: 1 });
        assert_eq!(stored(&backend, "aware.teacher.sealed"), Some(log_text(&[envelope(5, PayloadKind::Results)])));
    }

    #[test]
    fn the_unlocked_teacher_sees_opened_payloads_and_an_import_seals_only_what_is_new() {
        let (_, mut store) = teacher_device();
        store.append_sealed(vec![envelope(5, PayloadKind::Results), envelope(6, PayloadKind::Studies)]);
        let done = store.unlock(vec![
            opened(5, PayloadKind::Results, results_text(&[record(1)])),
            opened(6, PayloadKind::Studies, studies_text(&[study_entry(1)])),
        ]);
        assert_eq!(done.state.teacher, TeacherState::Unlocked { sealed: 2, unopened: 0, problems: Vec::new() });
        assert_eq!(done.state.results.len(), 1);
        assert_eq!(done.state.studies.studies, [study_entry(1)]);

        let done = store.import_files(vec![file("class.json", &[record(1), record(2)])], None);
        assert_eq!(done.outcome[0].result, Ok(Imported { added: 1, duplicates: 1, conflicts: 0, other_studies: 0 }));
        let payloads = appended(done.seal);
        assert_eq!(ResultsFile::decode(payloads[0].text.as_bytes()), ResultsFile::new(vec![record(2)]));
        assert_eq!(done.state.results.len(), 2);

        let done = store.lock();
        assert!(done.state.results.is_empty() && done.state.studies.studies.is_empty());
        assert_eq!(done.state.teacher, TeacherState::Locked { sealed: 2 });
    }

    #[test]
    fn deleting_a_studys_results_asks_for_a_compacted_set_and_keeps_other_tabs_envelopes() {
        let (backend, mut store) = teacher_device();
        let (one, two) = (envelope(5, PayloadKind::Results), envelope(6, PayloadKind::Results));
        store.append_sealed(vec![one.clone(), two.clone()]);
        store.unlock(vec![
            opened(5, PayloadKind::Results, results_text(&[record_in(1, 1)])),
            opened(6, PayloadKind::Results, results_text(&[record_in(2, 2)])),
        ]);
        // Meanwhile a student hands in on another tab.
        let mut other = tab(&backend);
        other.append_sealed(vec![envelope(7, PayloadKind::Results)]);

        let done = store.delete_study_results(study(1));
        assert_eq!(done.outcome, 1);
        let Some(SealRequest::Replace { consumed, payloads }) = done.seal else { panic!("expected a replacement") };
        assert_eq!(consumed, [one.id(), two.id()]);
        assert_eq!(payloads.len(), 1);
        assert_eq!(ResultsFile::decode(payloads[0].text.as_bytes()), ResultsFile::new(vec![record_in(2, 2)]));

        let compacted = envelope(8, PayloadKind::Results);
        let done = store.replace_sealed(consumed, vec![compacted.clone()]);
        assert_eq!(
            stored(&backend, "aware.teacher.sealed"),
            Some(log_text(&[envelope(7, PayloadKind::Results), compacted]))
        );
        assert_eq!(done.state.teacher, TeacherState::Unlocked { sealed: 2, unopened: 1, problems: Vec::new() });
    }

    #[test]
    fn sealed_logs_of_two_tabs_are_a_union() {
        let (backend, mut a) = teacher_device();
        let mut b = tab(&backend);
        b.append_sealed(vec![envelope(2, PayloadKind::Results)]);
        a.append_sealed(vec![envelope(1, PayloadKind::Results)]);
        assert_eq!(
            stored(&backend, "aware.teacher.sealed"),
            Some(log_text(&[envelope(2, PayloadKind::Results), envelope(1, PayloadKind::Results)]))
        );
    }

    #[test]
    fn a_keyring_is_never_replaced_not_even_from_another_tab() {
        let backend = MemoryBackend::new();
        let (mut a, mut b) = (tab(&backend), tab(&backend));
        assert_eq!(b.set_up_teacher(keyring(2)).outcome, SetUpOutcome::SetUp);
        assert_eq!(a.set_up_teacher(keyring(1)).outcome, SetUpOutcome::AlreadySetUp);
        assert_eq!(b.set_up_teacher(keyring(3)).outcome, SetUpOutcome::AlreadySetUp);
        assert_eq!(stored(&backend, "aware.teacher.keyring"), Some(keyring(2).encode()));
        assert_eq!(a.keyring(), Some(&keyring(2)));
    }

    #[test]
    fn results_held_in_the_clear_before_the_set_up_are_sealed_then_removed() {
        let backend = MemoryBackend::new();
        let mut store = tab(&backend);
        store.add_record(record(1));
        store.create_study(study_entry(1));
        assert_eq!(store.plain_to_seal(), None, "no teacher, nothing to seal");
        store.set_up_teacher(keyring(1));
        let plain = store.plain_to_seal().expect("results and studies to seal");
        assert_eq!(
            plain.payloads.iter().map(|p| p.kind).collect::<Vec<_>>(),
            [PayloadKind::Results, PayloadKind::Studies]
        );

        // Another tab adds a result in the clear before the sealing is done: it stays for next time.
        let mut late = ResultsFile::new(vec![record(1)]).expect("valid");
        late.merge(ResultsFile::new(vec![record(2)]).expect("valid")).expect("room");
        aware_core::store::Backend::set(&backend, "aware.results", &late.encode().expect("small")).expect("stored");

        store.seal_plain(plain, vec![envelope(3, PayloadKind::Results), envelope(4, PayloadKind::Studies)]);
        assert_eq!(stored_results(&backend).records().cloned().collect::<Vec<_>>(), [record(2)]);
        assert_eq!(stored(&backend, "aware.studies"), None);
        assert_eq!(store.sealed().len(), 2);
    }

    #[test]
    fn a_payload_that_is_not_what_it_says_is_named_and_never_consumed() {
        let (_, mut store) = teacher_device();
        store.append_sealed(vec![envelope(5, PayloadKind::Results), envelope(6, PayloadKind::Results)]);
        let done = store.unlock(vec![
            opened(5, PayloadKind::Results, "{not a results file".to_owned()),
            opened(6, PayloadKind::Results, results_text(&[record(1)])),
        ]);
        let TeacherState::Unlocked { problems, unopened, .. } = &done.state.teacher else { panic!("unlocked") };
        assert_eq!(problems.len(), 1);
        assert_eq!(*unopened, 1);
        let Some(SealRequest::Replace { consumed, .. }) = store.delete_study_results(study(1)).seal else {
            panic!("a replacement")
        };
        assert_eq!(consumed, [envelope(6, PayloadKind::Results).id()]);
    }

    #[test]
    fn on_a_teacher_device_a_session_is_stored_only_sealed_and_opened_to_its_latest_copy() {
        let (backend, mut store) = teacher_device();
        let session = polled(1, [1, 2, 3, 4]);
        let done = store.save_session(&session);
        assert_eq!(done.outcome, SessionOutcome::Sealed);
        let payloads = appended(done.seal);
        assert_eq!(payloads[0].kind, PayloadKind::Sessions);
        assert_eq!(ClassSessions::decode(&payloads[0].text).map(|s| s.sessions().to_vec()), Ok(vec![session.clone()]));
        assert!(stored(&backend, "aware.sessions").is_none());
        assert!(tab(&backend).state().sessions.is_empty(), "a new tab shows nothing while locked");
        let later = later(&session);
        let later_payload = appended(store.save_session(&later).seal).remove(0);
        store.append_sealed(vec![envelope(5, PayloadKind::Sessions), envelope(6, PayloadKind::Sessions)]);
        // Opened in any order, the later copy stands.
        let done = store.unlock(vec![
            opened(6, PayloadKind::Sessions, later_payload.text),
            opened(5, PayloadKind::Sessions, payloads[0].text.clone()),
        ]);
        assert_eq!(done.state.sessions.sessions(), std::slice::from_ref(&later));
        // Unlocked, a copy already held is not sealed again.
        let done = store.save_session(&later);
        assert_eq!((done.outcome, done.seal), (SessionOutcome::AlreadyHeld, None));
        assert!(store.lock().state.sessions.is_empty());
    }

    #[test]
    fn a_session_saved_while_locked_is_shown_to_its_own_tab_only_until_the_area_is_locked_or_opened() {
        let (backend, mut store) = teacher_device();
        let session = polled(1, [1, 2, 3, 4]);
        let done = store.save_session(&session);
        assert_eq!(done.outcome, SessionOutcome::Sealed);
        assert_eq!(done.state.sessions.sessions(), std::slice::from_ref(&session), "the class's own window sees it");
        assert_eq!(store.save_session(&session).outcome, SessionOutcome::AlreadyHeld, "not sealed twice");
        let later = later(&session);
        let payload = appended(store.save_session(&later).seal).remove(0);
        assert_eq!(store.state().sessions.sessions(), std::slice::from_ref(&later));
        let other_tab = tab(&backend);
        assert!(other_tab.state().sessions.is_empty(), "another tab on the device does not");
        // Opened, the sealed copies and this tab's are the same sessions: the later copy stands.
        store.append_sealed(vec![envelope(5, PayloadKind::Sessions)]);
        let done = store.unlock(vec![opened(5, PayloadKind::Sessions, payload.text)]);
        assert_eq!(done.state.sessions.sessions(), std::slice::from_ref(&later));
        assert!(store.lock().state.sessions.is_empty(), "locked, nothing is shown");
        store.save_session(&polled(2, [1; 4]));
        assert!(store.delete(Category::Teacher).state.sessions.is_empty());
    }

    #[test]
    fn deleting_a_sealed_session_or_a_studys_results_reseals_everything_that_remains() {
        let (_, mut store) = teacher_device();
        let (one, two) = (polled(1, [1; 4]), polled(2, [2; 4]));
        store.append_sealed(vec![
            envelope(5, PayloadKind::Results),
            envelope(6, PayloadKind::Studies),
            envelope(7, PayloadKind::Sessions),
        ]);
        store.unlock(vec![
            opened(5, PayloadKind::Results, results_text(&[record_in(1, 1), record_in(2, 2)])),
            opened(6, PayloadKind::Studies, studies_text(&[study_entry(1)])),
            opened(7, PayloadKind::Sessions, ClassSessions::new(vec![one.clone(), two.clone()]).encode()),
        ]);
        let kinds = |seal: Option<SealRequest>| match seal {
            Some(SealRequest::Replace { consumed, payloads }) => {
                (consumed.len(), payloads.iter().map(|p| (p.kind, p.text.clone())).collect::<Vec<_>>())
            }
            other => panic!("expected a replacement, got {other:?}"),
        };
        let done = store.delete_session(one.id());
        assert!(done.outcome);
        let (consumed, payloads) = kinds(done.seal);
        assert_eq!(consumed, 3);
        assert_eq!(
            payloads,
            [
                (PayloadKind::Results, results_text(&[record_in(1, 1), record_in(2, 2)])),
                (PayloadKind::Studies, studies_text(&[study_entry(1)])),
                (PayloadKind::Sessions, ClassSessions::new(vec![two.clone()]).encode()),
            ]
        );
        // Deleting a study's results keeps the sessions in the compacted set.
        let (_, payloads) = kinds(store.delete_study_results(study(1)).seal);
        assert!(payloads.contains(&(PayloadKind::Sessions, ClassSessions::new(vec![two]).encode())));
    }

    #[test]
    fn sessions_held_in_the_clear_before_the_set_up_are_sealed_with_the_rest_then_removed() {
        let backend = MemoryBackend::new();
        let mut store = tab(&backend);
        let session = polled(1, [1; 4]);
        store.save_session(&session);
        store.set_up_teacher(keyring(1));
        let plain = store.plain_to_seal().expect("a session to seal");
        assert_eq!(plain.payloads.iter().map(|p| p.kind).collect::<Vec<_>>(), [PayloadKind::Sessions]);
        store.seal_plain(plain, vec![envelope(3, PayloadKind::Sessions)]);
        assert_eq!(stored(&backend, "aware.sessions"), None);
        assert_eq!(store.sealed().len(), 1);
    }

    #[test]
    fn next_student_locks_the_teachers_area() {
        let (_, mut store) = teacher_device();
        store.unlock(Vec::new());
        assert_eq!(store.next_student().state.teacher, TeacherState::Locked { sealed: 0 });
    }
}

/// A page's store keeps only the kinds its scope names (`Scope`): the student's lessons never
/// read, write or lose the teacher's data on the same device, yet list it and delete it on request.
mod scope {
    use super::*;
    use aware_core::store::Scope;

    fn lessons_tab(backend: &MemoryBackend) -> DeviceStore {
        DeviceStore::open_scoped(Some(Box::new(backend.clone())), Scope::LESSONS)
    }

    /// A shared computer: a student's results, a teacher's study and sealed log, and a damaged
    /// results backup.
    fn shared_device() -> MemoryBackend {
        let values = [
            ("aware.results", results_text(&[record(1)])),
            ("aware.results.backup", results_text(&[record(2)])),
            ("aware.studies", studies_text(&[study_entry(1)])),
            ("aware.teacher.keyring", keyring(1).encode()),
            ("aware.teacher.sealed", log_text(&[envelope(1, PayloadKind::Results)])),
        ];
        MemoryBackend::holding(values.iter().map(|(key, value)| (*key, value.as_str())))
    }

    #[test]
    fn the_lessons_leave_the_kinds_they_do_not_keep_byte_for_byte() {
        let backend = shared_device();
        let before = backend.contents();
        let mut store = lessons_tab(&backend);
        store.answer(&lesson(), "q1", selection(&["a"]));
        store.set_band(AgeBand::Older);
        // Another page (the check) writes results: this one follows without reading or writing them.
        aware_core::store::Backend::set(&backend, "aware.results", &results_text(&[record(1), record(3)]))
            .expect("stored");
        let done = store.sync(Some("aware.results"));
        assert!(done.outcome.is_empty() && done.state.results.is_empty());
        store.answer(&lesson(), "q2", selection(&["true"]));
        let after = backend.contents();
        for key in ["aware.results.backup", "aware.studies", "aware.teacher.keyring", "aware.teacher.sealed"] {
            assert_eq!(after.get(key), before.get(key), "{key} is untouched");
        }
        assert_eq!(after.get("aware.results"), Some(&results_text(&[record(1), record(3)])));
        assert_eq!(store.status(Kind::Results), Status::NotKept);
        assert_eq!(store.status(Kind::Progress), Status::Saved);
        assert_eq!(tab(&backend).state().progress.lesson("basics").map(|l| l.quiz.len()), Some(2));
    }

    #[test]
    fn the_lessons_see_a_teacher_set_up_and_list_what_they_do_not_read_by_size() {
        let backend = shared_device();
        let store = lessons_tab(&backend);
        assert_eq!(store.state().teacher, TeacherState::Locked { sealed: 0 }, "a teacher is set up here");
        let inventory = store.inventory();
        let results = inventory.entry(Category::Results).copied().expect("listed");
        assert_eq!((results.items, results.bytes), (None, results_text(&[record(1)]).len()));
        assert_eq!(inventory.entry(Category::Teacher).map(|e| e.items), Some(None));
        assert_eq!(tab(&backend).inventory().entry(Category::Results).map(|e| e.items), Some(Some(1)));
    }

    #[test]
    fn the_lessons_delete_what_they_do_not_read_and_send_its_backups_to_the_page_that_does() {
        let backend = shared_device();
        let mut store = lessons_tab(&backend);
        assert_eq!(store.restore_backup("aware.results.backup").outcome, RestoreOutcome::NotHere);
        assert_eq!(stored(&backend, "aware.results"), Some(results_text(&[record(1)])), "nothing changed");
        store.delete(Category::Results);
        assert_eq!(stored(&backend, "aware.results"), None);
        store.delete_everything();
        assert!(backend.contents().keys().all(|key| !key.starts_with("aware.")), "{:?}", backend.contents());
    }

    #[test]
    fn the_check_keeps_everything_but_the_classroom_sessions() {
        let kept: Vec<Kind> = Kind::ALL.into_iter().filter(|&kind| Scope::CHECK.keeps(kind)).collect();
        assert_eq!(kept.len(), Kind::ALL.len() - 1);
        assert!(!Scope::CHECK.keeps(Kind::Sessions));
        let lessons: Vec<Kind> = Kind::ALL.into_iter().filter(|&kind| Scope::LESSONS.keeps(kind)).collect();
        assert_eq!(lessons, [Kind::Progress, Kind::Participant, Kind::Locale, Kind::Band]);
    }
}
