//! Answer keys that can be guessed without knowing the answer: the right option always in the
//! same place, never in the last place, the same set of options right in every "choose all", or
//! the longest option the right one. The app shuffles options, but a teacher reading a quiz aloud
//! or printing it uses the file order, and length bias survives any shuffle. These are warnings
//! with counts per lesson, not errors: one quiz may well have its keys in similar places by chance.

use std::collections::BTreeMap;

use super::diagnostic::Diagnostic;
use super::{ItemSpec, LessonSpec};
use crate::content::{Curriculum, QuizKind};

/// Below this many items of a kind, a pattern says nothing.
const MIN_ITEMS: usize = 3;

pub(crate) fn warnings(specs: &[LessonSpec], curricula: &[Curriculum]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for spec in specs {
        let warn = |message: String| Diagnostic { path: spec.dir.join("lesson.toml"), line: 1, message };
        for (kind, name) in [(QuizKind::Single, "single-choice"), (QuizKind::Multiple, "multi-select")] {
            let items: Vec<&ItemSpec> =
                spec.quiz.iter().filter(|item| item.kind == kind && item.options.len() >= 3).collect();
            if items.len() < MIN_ITEMS {
                continue;
            }
            // The right options of each item, as letters: `b`, or `{a, c}` for a multi-select.
            let keys: Vec<String> = items.iter().map(|item| key_letters(item, kind)).collect();
            if let Some((key, count)) = most_common(&keys)
                && count * 2 > items.len()
            {
                out.push(warn(format!(
                    "warning: {count} of {} {name} items have the key {key}: vary where the right answer is",
                    items.len()
                )));
            }
            if !items.iter().any(|item| item.options.last().is_some_and(|(_, correct)| *correct)) {
                out.push(warn(format!("warning: the last option is never right in the {} {name} items", items.len())));
            }
        }

        for curriculum in curricula {
            let Some(lesson) = curriculum.lesson(&spec.id) else { continue };
            let items: Vec<_> =
                lesson.quiz.iter().filter(|item| item.kind == QuizKind::Single && item.options.len() >= 3).collect();
            if items.len() < MIN_ITEMS {
                continue;
            }
            let longest = items
                .iter()
                .filter(|item| key_is_longest(item.options.iter().map(|o| (o.text.chars().count(), o.correct))))
                .count();
            if longest * 2 > items.len() {
                out.push(warn(format!(
                    "warning: the key is the longest option in {longest} of {} single-choice items (`{}`): make the wrong options as full as the right one",
                    items.len(),
                    curriculum.locale
                )));
            }
        }
    }
    out
}

/// Whether the right option (the longest right one) is longer than every wrong one by more than a
/// character, from each option's length and whether it is right: the cue a test-wise student
/// follows; one character is no cue. The one definition for the lessons' warnings and the
/// assessment's rule.
pub(crate) fn key_is_longest(options: impl IntoIterator<Item = (usize, bool)>) -> bool {
    let (mut key, mut wrong) = (0, 0);
    for (length, correct) in options {
        if correct {
            key = key.max(length);
        } else {
            wrong = wrong.max(length);
        }
    }
    key > wrong + 1
}

fn key_letters(item: &ItemSpec, kind: QuizKind) -> String {
    let letters: Vec<String> =
        item.options.iter().enumerate().filter(|(_, (_, correct))| *correct).map(|(i, _)| letter(i)).collect();
    if kind == QuizKind::Single { letters.join(", ") } else { format!("{{{}}}", letters.join(", ")) }
}

/// A value that occurs most often, with its count.
fn most_common<T: Ord + Clone>(values: &[T]) -> Option<(T, usize)> {
    let mut counts: BTreeMap<&T, usize> = BTreeMap::new();
    for value in values {
        *counts.entry(value).or_default() += 1;
    }
    counts.into_iter().max_by_key(|(_, count)| *count).map(|(value, count)| (value.clone(), count))
}

/// `a` for the first option, as teachers read them aloud.
fn letter(index: usize) -> String {
    char::from(b'a' + (index % 26) as u8).to_string()
}

#[cfg(test)]
mod tests {
    use super::key_is_longest;

    fn check(options: &[(usize, bool)], expected: bool) {
        assert_eq!(key_is_longest(options.iter().copied()), expected, "{options:?}");
    }

    #[test]
    fn the_key_is_longest_only_when_it_is_longer_by_more_than_a_character() {
        check(&[(9, true), (5, false), (7, false)], true);
        check(&[(8, true), (7, false)], false);
        check(&[(7, true), (7, false)], false);
        check(&[(3, false), (12, true), (2, true)], true);
        check(&[(5, true), (20, false)], false);
    }
}
