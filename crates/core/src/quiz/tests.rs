use std::collections::BTreeMap;

use super::*;
use crate::content::QuizKind;

/// An item from a compact option list: `"a b* c"` has options a, b, c in that display order,
/// and b is correct. Each option's explanation is `why <id>`.
fn item(id: &str, kind: QuizKind, options: &str) -> QuizItem {
    let options = options
        .split_whitespace()
        .map(|option| {
            let id = option.trim_end_matches('*');
            QuizOption {
                id: id.to_owned(),
                text: format!("option {id}"),
                explanation: format!("why {id}"),
                correct: option.ends_with('*'),
                last: false,
            }
        })
        .collect();
    QuizItem { id: id.to_owned(), kind, prompt: format!("prompt {id}"), options, sources: Vec::new(), older: false }
}

/// `"a c"` → {a, c}.
fn selection(ids: &str) -> Selection {
    ids.split_whitespace().map(str::to_owned).collect()
}

fn check_verdict(kind: QuizKind, options: &str, selected: &str, expected: Verdict) {
    let actual = check(&item("q", kind, options), &selection(selected));
    assert_eq!(actual, expected, "{kind:?} item `{options}`, selected `{selected}`");
}

const RIGHT: Verdict = Verdict { correct: true, missed: 0 };

fn wrong(missed: usize) -> Verdict {
    Verdict { correct: false, missed }
}

#[test]
fn single_choice_is_right_only_with_exactly_the_correct_option() {
    use QuizKind::Single;
    check_verdict(Single, "a b* c", "b", RIGHT);
    check_verdict(Single, "a b* c", "a", wrong(1));
    check_verdict(Single, "a b* c", "", wrong(1));
    // Ticking the right answer alongside a wrong one is not a right answer.
    check_verdict(Single, "a b* c", "a b", wrong(0));
}

#[test]
fn select_all_that_apply_needs_every_correct_option_and_nothing_else() {
    use QuizKind::Multiple;
    check_verdict(Multiple, "a* b c*", "a c", RIGHT);
    check_verdict(Multiple, "a* b c*", "a", wrong(1));
    check_verdict(Multiple, "a* b c*", "b", wrong(2));
    check_verdict(Multiple, "a* b c*", "", wrong(2));
    check_verdict(Multiple, "a* b c*", "a b c", wrong(0));
}

#[test]
fn true_false_is_checked_like_a_single_choice() {
    use QuizKind::TrueFalse;
    check_verdict(TrueFalse, "true false*", "false", RIGHT);
    check_verdict(TrueFalse, "true false*", "true", wrong(1));
    check_verdict(TrueFalse, "true* false", "true", RIGHT);
}

#[test]
fn a_selection_of_an_unknown_option_is_wrong() {
    // e.g. an answer saved against an older version of the item.
    check_verdict(QuizKind::Single, "a b*", "b z", wrong(0));
    check_verdict(QuizKind::Single, "a b*", "z", wrong(1));
}

fn check_explanations(options: &str, selected: &str, expected: &[&str]) {
    let item = item("q", QuizKind::Multiple, options);
    let actual: Vec<&str> =
        explanations(&item, &selection(selected)).iter().map(|option| option.explanation.as_str()).collect();
    assert_eq!(actual, expected, "options `{options}`, selected `{selected}`");
}

#[test]
fn explanations_follow_display_order_and_cover_only_chosen_options() {
    // The selection is a sorted set; the explanations must follow the display order anyway.
    check_explanations("d* b a* c", "a d", &["why d", "why a"]);
    check_explanations("d* b a* c", "c b d a", &["why d", "why b", "why a", "why c"]);
    check_explanations("d* b a* c", "b", &["why b"]);
    check_explanations("d* b a* c", "", &[]);
    check_explanations("d* b a* c", "z", &[]);
}

/// Records the checks in order; each is `(selection, correct)`.
fn check_record(checks: &[(&str, bool)], expected: ItemRecord) {
    let mut record = ItemRecord::default();
    for &(selected, correct) in checks {
        record.record(selection(selected), &Verdict { correct, missed: 0 });
    }
    assert_eq!(record, expected, "checks {checks:?}");
}

fn record(latest: &str, attempts: u32, first_try_correct: bool, solved: bool) -> ItemRecord {
    ItemRecord { selection: selection(latest), attempts, first_try_correct, solved }
}

#[test]
fn right_on_the_first_try_counts_as_first_try_and_solved() {
    check_record(&[("b", true)], record("b", 1, true, true));
}

#[test]
fn wrong_then_right_is_solved_but_not_first_try() {
    check_record(&[("a", false), ("b", true)], record("b", 2, false, true));
    check_record(&[("a", false), ("c", false), ("b", true)], record("b", 3, false, true));
}

#[test]
fn wrong_every_time_is_neither_solved_nor_first_try() {
    check_record(&[("a", false), ("c", false)], record("c", 2, false, false));
}

#[test]
fn a_solved_item_stays_solved_and_first_try_is_never_rewritten() {
    // Trying again after solving must not take away what the student achieved.
    check_record(&[("b", true), ("a", false)], record("a", 2, true, true));
    check_record(&[("a", false), ("b", true), ("c", false)], record("c", 3, false, true));
}

#[test]
fn attempts_do_not_overflow() {
    let mut record = ItemRecord { attempts: u32::MAX, ..ItemRecord::default() };
    record.record(selection("a"), &RIGHT);
    assert_eq!(record.attempts, u32::MAX);
}

/// `items` are quiz item ids; each record is `(item id, attempts, first_try_correct, solved)`.
fn check_summary(ids: &str, checked: &[(&str, u32, bool, bool)], expected: Summary) {
    let items: Vec<QuizItem> = ids.split_whitespace().map(|id| item(id, QuizKind::Single, "a* b")).collect();
    let records: BTreeMap<String, ItemRecord> = checked
        .iter()
        .map(|&(id, attempts, first_try_correct, solved)| {
            (id.to_owned(), ItemRecord { selection: Selection::new(), attempts, first_try_correct, solved })
        })
        .collect();
    let actual = Summary::of(&items, &records);
    assert_eq!(actual, expected, "items `{ids}`, records {checked:?}");
}

fn summary(total: usize, answered: usize, first_try_correct: usize, solved: usize) -> Summary {
    Summary { total, answered, first_try_correct, solved }
}

#[test]
fn summary_counts_answered_first_try_and_solved_items() {
    check_summary("q1 q2 q3", &[], summary(3, 0, 0, 0));
    check_summary("q1 q2 q3", &[("q1", 1, true, true)], summary(3, 1, 1, 1));
    check_summary(
        "q1 q2 q3",
        &[("q1", 1, true, true), ("q2", 3, false, true), ("q3", 2, false, false)],
        summary(3, 3, 1, 2),
    );
}

#[test]
fn summary_ignores_records_of_items_no_longer_in_the_quiz() {
    // An item removed in a new lesson version must not count towards the current quiz.
    check_summary("q1 q2", &[("gone", 1, true, true), ("q2", 1, true, true)], summary(2, 1, 1, 1));
}

#[test]
fn a_record_without_attempts_is_not_answered() {
    check_summary("q1", &[("q1", 0, false, false)], summary(1, 0, 0, 0));
}

#[test]
fn a_quiz_is_complete_when_every_item_is_solved() {
    assert!(summary(2, 2, 0, 2).is_complete());
    assert!(!summary(2, 2, 2, 1).is_complete());
    // A lesson without a quiz is never "completed" by an empty summary.
    assert!(!summary(0, 0, 0, 0).is_complete());
}
