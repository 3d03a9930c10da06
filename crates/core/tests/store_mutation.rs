//! Every stored key through every state it can be found in, with one tab and with two, proving
//! that after loading and one write the original bytes survive byte for byte (kept aside, or
//! untouched) or are merged with nothing lost, and that the tab keeps working.
//!
//! The table [`STATES`] says what each starting state must lead to; [`subjects`] gives each key
//! its stored forms, its write and a way to read what it holds as a set of facts ("basics q1
//! solved", a record's key, a study id, a value), so "nothing lost" is a subset check.

mod classroom_support;
mod store_support;

use std::collections::BTreeSet;
use std::str::FromStr;

use aware_core::band::AgeBand;
use aware_core::classroom::ClassSessions;
use aware_core::progress::{self, CURRENT_SCHEMA, Loaded};
use aware_core::store::keys::parse_backup_key;
use aware_core::store::teacher::{Keyring, PayloadKind, SealedLog};
use aware_core::store::{DeviceStore, Faults, Kind, MemoryBackend, Notice};
use aware_core::study::{Locale, Participant, ResultsFile, TeacherStudies, file};
use store_support::*;

type Facts = BTreeSet<String>;

/// The state a key is found in when the app loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    Absent,
    Valid,
    Corrupt,
    /// Stored by an older version of the app.
    Older,
    /// Stored by a newer version, in a format this one does not know.
    Newer,
    /// Longer than any such document can be.
    Oversized,
    /// Valid data, and storage refuses every write as full (old Safari's private mode).
    QuotaFull,
    /// Valid data, and reading storage throws.
    GetThrows,
    /// Valid data, and writing storage throws.
    SetThrows,
    /// Damaged data that cannot be copied aside because storage is full.
    CorruptAndFull,
}

/// What must be true after loading and one write per tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// The key holds the writes.
    Written,
    /// The key holds the original merged with the writes.
    Merged,
    /// A backup holds the original byte for byte, and the key holds the writes.
    KeptAsideThenWritten,
    /// A backup holds the original byte for byte, and the key holds it (migrated) merged with the writes.
    KeptAsideThenMerged,
    /// The key still holds the original byte for byte; the writes live in the tab's memory.
    Untouched,
}

const STATES: &[(Start, Expect)] = &[
    (Start::Absent, Expect::Written),
    (Start::Valid, Expect::Merged),
    (Start::Corrupt, Expect::KeptAsideThenWritten),
    (Start::Older, Expect::KeptAsideThenMerged),
    (Start::Newer, Expect::Untouched),
    (Start::Oversized, Expect::KeptAsideThenWritten),
    (Start::QuotaFull, Expect::Untouched),
    (Start::GetThrows, Expect::Untouched),
    (Start::SetThrows, Expect::Untouched),
    (Start::CorruptAndFull, Expect::Untouched),
];

/// How a key combines two writers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Merge {
    /// Nothing either side holds is lost (progress, results, studies, the sealed log).
    Union,
    /// The last write wins (participant, locale, band); the tab is told when it replaced another's.
    LastWriterWins,
    /// The first keyring stored stays (envelopes may be sealed to it).
    WriteOnce,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    A,
    B,
}

struct Subject {
    kind: Kind,
    merge: Merge,
    valid: String,
    /// `None` where no older format exists.
    older: Option<String>,
    newer: String,
    corrupt: String,
    write: fn(&mut DeviceStore, Tab),
    /// What stored text holds; `None` when it does not decode.
    facts_of_text: fn(&str) -> Option<Facts>,
    facts_in_memory: fn(&DeviceStore) -> Facts,
}

fn facts<T: ToString>(items: impl IntoIterator<Item = T>) -> Facts {
    items.into_iter().map(|item| item.to_string()).collect()
}

fn progress_facts(progress: &progress::Progress) -> Facts {
    let mut facts = Facts::new();
    for (id, lesson) in &progress.lessons {
        facts.extend((1..=lesson.sections_read).map(|n| format!("{id} read {n}")));
        for (item, record) in &lesson.quiz {
            facts.insert(format!("{id} {item} answered"));
            if record.solved {
                facts.insert(format!("{id} {item} solved"));
            }
        }
    }
    facts
}

fn results_facts(results: &ResultsFile) -> Facts {
    facts(results.records().map(|r| format!("{}/{}", r.study.compact(), r.code.compact())))
}

fn studies_facts(studies: &TeacherStudies) -> Facts {
    facts(studies.studies.iter().map(|s| s.id.compact()))
}

fn sessions_facts(sessions: &ClassSessions) -> Facts {
    facts(sessions.sessions().iter().map(|s| s.id()))
}

fn subjects() -> Vec<Subject> {
    let newer_small = r#"{"version":2,"value":"from a newer app"}"#.to_owned();
    vec![
        Subject {
            kind: Kind::Progress,
            merge: Merge::Union,
            valid: {
                // Written by this version, whatever its schema.
                let myths = aware_core::content::Lesson { id: "myths".to_owned(), ..lesson() };
                let mut progress = progress::Progress::default();
                progress.read_section(&myths, 1);
                let q1 = myths.quiz_item("q1").expect("an item");
                for choice in [["b"], ["a"]] {
                    let verdict = aware_core::quiz::check(q1, &selection(&choice));
                    progress.record_answer(&myths, "q1", selection(&choice), &verdict);
                }
                progress::save(&progress)
            },
            older: Some(
                r#"{"schema":1,"lessons":{"myths":{"sections_read":2,"answers":{"m1":true,"m2":false}}}}"#.to_owned(),
            ),
            newer: format!(r#"{{"schema":{},"lessons":{{}},"seeds":[7]}}"#, CURRENT_SCHEMA + 1),
            corrupt: r#"{"schema":2,"lessons":{"myths":{"version":1,"sec"#.to_owned(),
            write: |store, tab| match tab {
                Tab::A => {
                    store.answer(&lesson(), "q1", selection(&["a"]));
                }
                Tab::B => {
                    store.read_section(&lesson(), 2);
                    store.answer(&lesson(), "q2", selection(&["false"]));
                }
            },
            facts_of_text: |text| match progress::load(Some(text)) {
                Loaded::Ready { progress, .. } => Some(progress_facts(&progress)),
                _ => None,
            },
            facts_in_memory: |store| progress_facts(&store.state().progress),
        },
        Subject {
            kind: Kind::Results,
            merge: Merge::Union,
            valid: results_text(&[record(3), record(4)]),
            older: None,
            newer: format!(r#"{{"format":"aware-results","version":{},"records":[],"rounds":[]}}"#, file::VERSION + 1),
            corrupt: results_text(&[record(3)]).replace(r#""phase":"pre""#, r#""phase":"middle""#),
            write: |store, tab| {
                store.add_record(record(if tab == Tab::A { 1 } else { 2 }));
            },
            facts_of_text: |text| ResultsFile::decode(text.as_bytes()).ok().map(|r| results_facts(&r)),
            facts_in_memory: |store| results_facts(&store.state().results),
        },
        Subject {
            kind: Kind::Studies,
            merge: Merge::Union,
            valid: studies_text(&[study_entry(3)]),
            // Version 1 listed every study's codes.
            older: Some(format!(
                r#"{{"format":"aware-studies","version":1,"studies":[{{"id":"{}","label":"Class 3","created":"2026-02-03","codes":["{}"]}}]}}"#,
                study_entry(3).id.compact(),
                study_entry(3).codes[0].compact()
            )),
            newer: r#"{"format":"aware-studies","version":3,"studies":[],"classes":[]}"#.to_owned(),
            corrupt: r#"{"format":"aware-studies","version":1,"studies":[{"id":"#.to_owned(),
            write: |store, tab| {
                store.create_study(study_entry(if tab == Tab::A { 1 } else { 2 }));
            },
            facts_of_text: |text| TeacherStudies::decode(text).ok().map(|s| studies_facts(&s)),
            facts_in_memory: |store| studies_facts(&store.state().studies),
        },
        Subject {
            kind: Kind::Sessions,
            merge: Merge::Union,
            valid: ClassSessions::new(vec![classroom_support::polled(3, [1, 2, 3, 4])]).encode(),
            older: None,
            newer: r#"{"format":"aware-sessions","version":2,"sessions":[],"groups":[]}"#.to_owned(),
            corrupt: ClassSessions::new(vec![classroom_support::polled(3, [1, 2, 3, 4])])
                .encode()
                .replace(r#""band":"15-18""#, r#""band":"15-19""#),
            write: |store, tab| {
                store.save_session(&classroom_support::polled(if tab == Tab::A { 1 } else { 2 }, [1, 0, 0, 0]));
            },
            facts_of_text: |text| ClassSessions::decode(text).ok().map(|s| sessions_facts(&s)),
            facts_in_memory: |store| sessions_facts(&store.state().sessions),
        },
        Subject {
            kind: Kind::Participant,
            merge: Merge::LastWriterWins,
            valid: participant(3).encode(),
            older: None,
            newer: newer_small.clone(),
            corrupt: format!("{}/", study(3).compact()),
            write: |store, tab| {
                store.remember_participant(participant(if tab == Tab::A { 1 } else { 2 }));
            },
            facts_of_text: |text| Participant::decode(text).map(|p| facts([p.encode()])),
            facts_in_memory: |store| facts(store.state().participant.map(|p| p.encode())),
        },
        Subject {
            kind: Kind::Locale,
            merge: Merge::LastWriterWins,
            valid: "ru".to_owned(),
            older: None,
            newer: newer_small.clone(),
            corrupt: "not a language!".to_owned(),
            write: |store, tab| {
                store.set_locale(Locale::new(if tab == Tab::A { "mn" } else { "en" }).expect("a locale"));
            },
            facts_of_text: |text| Locale::new(text).map(|l| facts([l.as_str()])),
            facts_in_memory: |store| facts(store.state().locale.map(|l| l.as_str().to_owned())),
        },
        Subject {
            kind: Kind::Band,
            merge: Merge::LastWriterWins,
            valid: "12-14".to_owned(),
            older: None,
            newer: newer_small,
            corrupt: "12 to 14".to_owned(),
            write: |store, tab| {
                store.set_band(if tab == Tab::A { AgeBand::Older } else { AgeBand::Younger });
            },
            facts_of_text: |text| AgeBand::from_str(text).ok().map(|b| facts([b])),
            facts_in_memory: |store| facts(store.state().band),
        },
        Subject {
            kind: Kind::Keyring,
            merge: Merge::WriteOnce,
            valid: keyring(3).encode(),
            older: None,
            newer: r#"{"format":"aware-teacher-keyring","version":2,"kem":"ML-KEM-768"}"#.to_owned(),
            corrupt: keyring(3).encode().replace("600000", "6"),
            write: |store, tab| {
                store.set_up_teacher(keyring(if tab == Tab::A { 1 } else { 2 }));
            },
            facts_of_text: |text| Keyring::decode(text).ok().map(|k| facts([k.encode()])),
            facts_in_memory: |store| facts(store.keyring().map(Keyring::encode)),
        },
        Subject {
            kind: Kind::Sealed,
            merge: Merge::Union,
            valid: log_text(&[envelope(3, PayloadKind::Results), envelope(4, PayloadKind::Studies)]),
            older: None,
            newer: r#"{"format":"aware-sealed-log","version":2,"envelopes":[]}"#.to_owned(),
            corrupt: log_text(&[envelope(3, PayloadKind::Results)]).replace(r#""kind":"results""#, r#""kind":"names""#),
            write: |store, tab| {
                store.append_sealed(vec![envelope(if tab == Tab::A { 1 } else { 2 }, PayloadKind::Results)]);
            },
            facts_of_text: |text| SealedLog::decode(text).ok().map(|log| facts(log.envelopes.iter().map(|e| e.id()))),
            facts_in_memory: |store| facts(store.sealed().iter().map(|e| e.id())),
        },
    ]
}

impl Subject {
    /// The stored text a start puts under the key (`None` when there is none to put).
    fn original(&self, start: Start) -> Option<Option<String>> {
        Some(match start {
            Start::Absent => None,
            Start::Valid | Start::QuotaFull | Start::GetThrows | Start::SetThrows => Some(self.valid.clone()),
            Start::Corrupt | Start::CorruptAndFull => Some(self.corrupt.clone()),
            Start::Older => Some(self.older.clone()?),
            Start::Newer => Some(self.newer.clone()),
            // Valid JSON padded past the limit: only the size check refuses it.
            Start::Oversized => Some(format!("{}{}", self.valid, " ".repeat(self.kind.max_bytes()))),
        })
    }

    fn faults(start: Start) -> Faults {
        match start {
            Start::QuotaFull | Start::CorruptAndFull => Faults { quota: Some(0), ..Faults::default() },
            Start::GetThrows => Faults { refuse_get: true, ..Faults::default() },
            Start::SetThrows => Faults { refuse_set: true, ..Faults::default() },
            _ => Faults::default(),
        }
    }

    /// What a tab's write alone holds.
    fn written(&self, tab: Tab) -> Facts {
        let mut alone = DeviceStore::open(None);
        (self.write)(&mut alone, tab);
        (self.facts_in_memory)(&alone)
    }
}

/// Loads one tab (or two over one storage), lets B write and then A, and checks the table's promise.
fn check(subject: &Subject, start: Start, expect: Expect, two_tabs: bool) {
    let key = subject.kind.key();
    let what = format!("{key}, {start:?}, {}", if two_tabs { "two tabs" } else { "one tab" });
    let Some(original) = subject.original(start) else { return };
    let backend = MemoryBackend::holding(original.as_deref().map(|text| (key, text)));
    backend.set_faults(Subject::faults(start));
    let mut a = tab(&backend);
    let mut b = two_tabs.then(|| tab(&backend));
    if let Some(b) = &mut b {
        (subject.write)(b, Tab::B);
    }
    // A keyring loaded before the write makes the write a refusal (told by its outcome).
    let refused = subject.merge == Merge::WriteOnce && !(subject.facts_in_memory)(&a).is_empty();
    let notices_before = a.state().notices.len();
    (subject.write)(&mut a, Tab::A);
    let notices_of_a: Vec<Notice> = a.state().notices.split_off(notices_before);
    backend.set_faults(Faults::default());
    let stored = backend.contents();

    // Nothing but this key and its backups is written.
    for written_key in stored.keys() {
        let backup_of = parse_backup_key(written_key).map(|(kind, _)| kind);
        assert!(written_key == key || backup_of == Some(subject.kind), "{what}: wrote {written_key}");
    }
    let original_facts = original.as_deref().and_then(subject.facts_of_text);
    let (wrote_a, wrote_b) = (subject.written(Tab::A), two_tabs.then(|| subject.written(Tab::B)));
    let in_memory = (subject.facts_in_memory)(&a);

    if matches!(expect, Expect::KeptAsideThenWritten | Expect::KeptAsideThenMerged) {
        let original = original.as_deref().expect("a start with something to keep");
        let backups: Vec<&String> = stored.iter().filter(|(k, _)| k.as_str() != key).map(|(_, v)| v).collect();
        assert_eq!(backups, [original], "{what}: the original is kept aside once, byte for byte");
    }
    if expect == Expect::Untouched {
        assert_eq!(stored.get(key), original.as_ref(), "{what}: the original is untouched, byte for byte");
        assert_eq!(stored.len(), usize::from(original.is_some()), "{what}: nothing else is written");
        // The tab keeps working: its own write is in memory (a keyring already loaded stays).
        let kept = if refused { original_facts.clone().expect("a loaded keyring") } else { wrote_a.clone() };
        assert!(kept.is_subset(&in_memory), "{what}: {kept:?} in memory, found {in_memory:?}");
        assert!(refused || !a.state().notices.is_empty(), "{what}: the person is told");
        return;
    }

    let text = stored.get(key).unwrap_or_else(|| panic!("{what}: nothing stored"));
    let held = (subject.facts_of_text)(text).unwrap_or_else(|| panic!("{what}: stored text does not decode: {text}"));
    let kept_original = match expect {
        Expect::Merged | Expect::KeptAsideThenMerged => original_facts.clone(),
        _ => None,
    };
    match subject.merge {
        Merge::Union => {
            let mut must_hold = wrote_a.clone();
            must_hold.extend(wrote_b.iter().flatten().cloned());
            must_hold.extend(kept_original.iter().flatten().cloned());
            assert!(must_hold.is_subset(&held), "{what}: lost {:?}", must_hold.difference(&held).collect::<Vec<_>>());
        }
        Merge::LastWriterWins => {
            assert_eq!(held, wrote_a, "{what}: the last write wins");
            let b_replaced = wrote_b.as_ref().is_some_and(|b| *b != wrote_a && Some(b) != kept_original.as_ref());
            assert_eq!(
                notices_of_a.contains(&Notice::Replaced { kind: subject.kind }),
                b_replaced,
                "{what}: told exactly when another tab's value was replaced"
            );
        }
        Merge::WriteOnce => {
            let first = kept_original.or(wrote_b).unwrap_or(wrote_a);
            assert_eq!(held, first, "{what}: the first keyring stays");
        }
    }
    assert_eq!(in_memory, held, "{what}: the tab shows what is stored");
}

#[test]
fn every_key_in_every_state_keeps_its_original_or_merges_it_with_nothing_lost_in_one_tab() {
    for subject in subjects() {
        for &(start, expect) in STATES {
            check(&subject, start, expect, false);
        }
    }
}

#[test]
fn every_key_in_every_state_keeps_its_original_or_merges_it_with_nothing_lost_in_two_tabs() {
    for subject in subjects() {
        for &(start, expect) in STATES {
            check(&subject, start, expect, true);
        }
    }
}

#[test]
fn the_matrix_covers_every_key_and_state_and_only_progress_and_studies_have_an_older_format() {
    let kinds: Vec<Kind> = subjects().iter().map(|s| s.kind).collect();
    assert_eq!(kinds, Kind::ALL);
    let with_older: Vec<Kind> = subjects().iter().filter(|s| s.older.is_some()).map(|s| s.kind).collect();
    // Every other format is still at its first version; a new version adds its older form here.
    assert_eq!(with_older, [Kind::Progress, Kind::Studies]);
    assert_eq!(STATES.len(), 10);
    // Each stored form is what the test says it is.
    for subject in subjects() {
        let read = |text: &str| (subject.facts_of_text)(text);
        assert!(read(&subject.valid).is_some_and(|f| !f.is_empty()), "{}: valid", subject.kind);
        assert!(read(&subject.corrupt).is_none(), "{}: corrupt", subject.kind);
        assert!(read(&subject.newer).is_none(), "{}: newer", subject.kind);
        let padded = subject.original(Start::Oversized).flatten().expect("oversized text");
        assert!(padded.len() > subject.kind.max_bytes(), "{}: oversized", subject.kind);
    }
}
