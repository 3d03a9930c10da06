use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{KeyboardEvent, KeyboardEventInit};

use crate::harness::{clear_storage, find, gloo_document, mount};

async fn key(kind: &str, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict(kind, &init).unwrap();
    gloo_document().dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn shift_presses_are_counted_aloud_and_modifiers_do_not_count() {
    clear_storage();
    let root = mount("/").await;
    let status = || find(&root, ".quick-exit [role=status]").text_content().unwrap_or_default();

    key("keydown", "Shift").await;
    key("keyup", "Shift").await;
    assert_eq!(status(), "Shift, press 2 more times to exit.");

    // Shift+A is typing, not an exit: the count starts again.
    key("keydown", "Shift").await;
    key("keydown", "A").await;
    key("keyup", "Shift").await;
    key("keydown", "Shift").await;
    key("keyup", "Shift").await;
    assert_eq!(status(), "Shift, press 2 more times to exit.");
}

#[wasm_bindgen_test]
async fn the_exit_button_is_a_real_link_to_the_neutral_site() {
    clear_storage();
    let root = mount("/").await;
    let button = find(&root, "a.exit-button");
    assert_eq!(button.get_attribute("href").as_deref(), Some(aware::deployment::EXIT_URL));
    assert_eq!(button.get_attribute("rel").as_deref(), Some("nofollow noreferrer"));
}
