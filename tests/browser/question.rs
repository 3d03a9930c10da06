use aware_core::progress::{self, Loaded, STORAGE_KEY};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::harness::{clear_storage, click, click_button, find, local_storage, mount, text};

#[wasm_bindgen_test]
async fn checking_without_a_choice_asks_for_one() {
    clear_storage();
    let root = mount("/lessons/basics/quiz/1").await;
    click_button(&root, "Check answer").await;
    assert_eq!(find(&root, ".error-message").text_content().as_deref(), Some("Choose an answer first."));
    assert!(find(&root, ".feedback-region").text_content().unwrap_or_default().is_empty());
}

#[wasm_bindgen_test]
async fn a_wrong_answer_explains_why_and_can_be_tried_again() {
    clear_storage();
    let root = mount("/lessons/basics/quiz/1").await;
    click(&root, "#option-a").await;
    click_button(&root, "Check answer").await;

    let feedback = text(&find(&root, ".feedback-region"));
    assert!(feedback.contains("Not quite. Have a look at why, then try again."), "{feedback}");
    assert!(feedback.contains("You chose: Wrong one"), "{feedback}");
    assert!(feedback.contains("A is wrong because of X."), "{feedback}");

    click_button(&root, "Try again").await;
    assert!(text(&find(&root, ".feedback-region")).is_empty());
    click(&root, "#option-b").await;
    click_button(&root, "Check answer").await;
    assert!(text(&find(&root, ".feedback-region")).contains("That's right."));
    assert_eq!(find(&root, ".actions a.button").text_content().as_deref(), Some("Next question"));
}

#[wasm_bindgen_test]
async fn select_all_that_apply_counts_missed_answers() {
    clear_storage();
    let root = mount("/lessons/basics/quiz/2").await;
    assert!(text(&root).contains("Select all that apply."));
    click(&root, "#option-a").await;
    click_button(&root, "Check answer").await;
    assert!(text(&find(&root, ".feedback-region")).contains("There is 1 more right answer to find."));
}

#[wasm_bindgen_test]
async fn true_false_options_are_worded_by_the_app() {
    clear_storage();
    let root = mount("/lessons/basics/quiz/3").await;
    assert_eq!(find(&root, "label[for=option-true]").text_content().as_deref(), Some("True"));
    assert_eq!(find(&root, "label[for=option-false]").text_content().as_deref(), Some("False"));
}

#[wasm_bindgen_test]
async fn answers_are_saved_with_first_try_and_attempts() {
    clear_storage();
    let root = mount("/lessons/basics/quiz/1").await;
    click(&root, "#option-a").await;
    click_button(&root, "Check answer").await;
    click_button(&root, "Try again").await;
    click(&root, "#option-b").await;
    click_button(&root, "Check answer").await;

    let raw = local_storage().get_item(STORAGE_KEY).unwrap();
    let Loaded::Ready { progress, .. } = progress::load(raw.as_deref()) else {
        panic!("saved progress reads back: {raw:?}")
    };
    let lesson = progress.lesson("basics").expect("lesson progress saved");
    assert_eq!(lesson.version, 3);
    let record = &lesson.quiz["pick-one"];
    assert_eq!((record.attempts, record.first_try_correct, record.solved), (2, false, true));
}

#[wasm_bindgen_test]
async fn the_result_counts_first_tries() {
    clear_storage();
    let root = mount("/lessons/basics/quiz/1").await;
    click(&root, "#option-b").await;
    click_button(&root, "Check answer").await;
    drop(root);
    let root = mount("/lessons/basics/result").await;
    let summary = text(&root);
    assert!(summary.contains("You got 1 of 3 questions right on your first try."), "{summary}");
    assert!(summary.contains("2 questions are still waiting for an answer."), "{summary}");
    assert!(summary.contains("Remember this."), "{summary}");
}
