use wasm_bindgen_test::wasm_bindgen_test;

use crate::harness::{clear_storage, find, mount, text};

#[wasm_bindgen_test]
async fn lesson_text_renders_as_elements_not_markup() {
    clear_storage();
    let root = mount("/lessons/basics/section/1").await;

    let callout = find(&root, "aside.callout.example");
    assert_eq!(callout.get_attribute("aria-label").as_deref(), Some("Example"));
    // Text that looks like HTML stays text.
    assert!(callout.text_content().unwrap_or_default().contains("<b>not markup</b>"));
    assert!(callout.query_selector("b").unwrap().is_none());

    assert_eq!(find(&root, "li strong").text_content().as_deref(), Some("Act"));
    let citation = find(&root, "sup.citation");
    assert_eq!(citation.text_content().as_deref(), Some("[1]source 1"));
    assert!(text(&root).contains("Section 1 of 2"));
}

#[wasm_bindgen_test]
async fn the_last_section_ends_with_key_points_and_sources() {
    clear_storage();
    let root = mount("/lessons/basics/section/2").await;
    assert!(text(&find(&root, ".key-points")).contains("Remember this."));
    assert!(text(&find(&root, ".sources")).contains("United Nations (2000). Protocol."));
    assert_eq!(find(&root, ".pager a.button:last-child").text_content().as_deref(), Some("Start the quiz"));
}

#[wasm_bindgen_test]
async fn an_unknown_section_says_so() {
    clear_storage();
    let root = mount("/lessons/basics/section/9").await;
    assert_eq!(find(&root, "h1").text_content().as_deref(), Some("This lesson has no section 9."));
}
