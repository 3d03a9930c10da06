use aware_core::progress::STORAGE_KEY;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::harness::{clear_storage, click_button, find, local_storage, mount, text};

#[wasm_bindgen_test]
async fn unreadable_progress_is_kept_aside_and_reported() {
    clear_storage();
    local_storage().set_item(STORAGE_KEY, "{not json").unwrap();
    let root = mount("/").await;
    assert!(text(&find(&root, ".notices")).contains("We couldn't read the progress saved on this device"));
    assert_eq!(local_storage().get_item("aware.progress.backup").unwrap().as_deref(), Some("{not json"));
    assert_eq!(local_storage().get_item(STORAGE_KEY).unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_second_unreadable_document_does_not_overwrite_the_first_backup() {
    clear_storage();
    local_storage().set_item("aware.progress.backup", "first").unwrap();
    local_storage().set_item(STORAGE_KEY, "{still not json").unwrap();
    mount("/").await;
    assert_eq!(local_storage().get_item("aware.progress.backup").unwrap().as_deref(), Some("first"));
    assert_eq!(local_storage().get_item("aware.progress.backup.2").unwrap().as_deref(), Some("{still not json"));
}

#[wasm_bindgen_test]
async fn reading_a_section_is_remembered_on_the_course_page() {
    clear_storage();
    mount("/lessons/basics/section/2").await;
    let root = mount("/").await;
    // The course lists lessons once the student has said which age group they are in.
    click_button(&root, "Ages 12–14").await;
    assert!(text(&root).contains("Reading: 2 of 2 sections"), "{}", text(&root));
}
