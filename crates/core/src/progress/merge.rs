//! Merging two tabs' progress: what one tab changed since both last agreed, combined with what
//! the other changed, so that a tab left open for days cannot overwrite newer progress.
//!
//! The merge is three-way: `base` is the progress both tabs last saw in storage, `ours` and
//! `theirs` are what each made of it since. Per lesson, and within a lesson per quiz item:
//! - a side that changed nothing takes the other side's value (so a quiz restarted, or progress
//!   deleted, in one tab stays restarted or deleted);
//! - when both sides changed something, nothing either side added is lost: an item answered on
//!   either side stays answered (an answer beats a restart on the other side), the higher section
//!   count and lesson version win, and of two different records of one item the one with the
//!   longer history wins (more attempts; then solved; then first-try correct; then the larger
//!   selection in set order), and the item is solved if either side solved it;
//! - the seed of the quiz attempt's option order follows the side that changed it (a restart
//!   clears it, showing the quiz draws one); when both drew one, the larger is kept, so both tabs
//!   show the same order from then on.
//!
//! The result depends only on the three inputs and not on which side is `ours`: every tie is
//! broken by the values themselves.

use std::collections::{BTreeMap, BTreeSet};

use super::{LessonProgress, Progress};
use crate::quiz::ItemRecord;

impl Progress {
    /// Combines what `ours` and `theirs` each changed since `base`; see the module documentation.
    pub fn merge(base: &Progress, ours: &Progress, theirs: &Progress) -> Progress {
        Progress { lessons: merge_maps(&base.lessons, &ours.lessons, &theirs.lessons, merge_lesson) }
    }
}

/// Both sides changed a lesson (and neither deleted it).
fn merge_lesson(base: Option<&LessonProgress>, ours: &LessonProgress, theirs: &LessonProgress) -> LessonProgress {
    let empty = LessonProgress::default();
    let base = base.unwrap_or(&empty);
    // Cloning one side keeps any field a later schema adds; the known fields are merged below.
    let mut merged = ours.clone();
    merged.version = ours.version.max(theirs.version);
    merged.sections_read = merge_value(base.sections_read, ours.sections_read, theirs.sections_read);
    merged.quiz = merge_maps(&base.quiz, &ours.quiz, &theirs.quiz, |_, ours, theirs| merge_item(ours, theirs));
    merged.quiz_seed = merge_value(base.quiz_seed, ours.quiz_seed, theirs.quiz_seed);
    merged
}

/// A value one side changed takes that side's change; when both changed it, the larger wins (more
/// sections read; a seed over none).
fn merge_value<T: Ord + Copy>(base: T, ours: T, theirs: T) -> T {
    if ours == base {
        theirs
    } else if theirs == base {
        ours
    } else {
        ours.max(theirs)
    }
}

/// Both sides changed an item's record: the longer history wins, and solving sticks.
fn merge_item(ours: &ItemRecord, theirs: &ItemRecord) -> ItemRecord {
    let rank =
        |record: &ItemRecord| (record.attempts, record.solved, record.first_try_correct, record.selection.clone());
    let mut merged = if rank(theirs) > rank(ours) { theirs.clone() } else { ours.clone() };
    merged.solved = ours.solved || theirs.solved;
    merged
}

/// The three-way merge of two maps, key by key: a side that did not change a key takes the
/// other's; a change beats a deletion; two changes are combined by `both`.
fn merge_maps<V: Clone + PartialEq>(
    base: &BTreeMap<String, V>,
    ours: &BTreeMap<String, V>,
    theirs: &BTreeMap<String, V>,
    both: impl Fn(Option<&V>, &V, &V) -> V,
) -> BTreeMap<String, V> {
    let keys: BTreeSet<&String> = base.keys().chain(ours.keys()).chain(theirs.keys()).collect();
    keys.into_iter()
        .filter_map(|key| {
            let (base, ours, theirs) = (base.get(key), ours.get(key), theirs.get(key));
            let merged = if ours == base || ours == theirs {
                theirs.cloned()
            } else if theirs == base {
                ours.cloned()
            } else {
                match (ours, theirs) {
                    (Some(ours), Some(theirs)) => Some(both(base, ours, theirs)),
                    (Some(changed), None) | (None, Some(changed)) => Some(changed.clone()),
                    (None, None) => None,
                }
            };
            merged.map(|value| (key.clone(), value))
        })
        .collect()
}
