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

/// The page's static exit bar, as web/index.html has it (web/exit.js is not loaded here: a click
/// on the link is recorded and goes nowhere). Removed when dropped.
struct StaticExitBar {
    bar: web_sys::Element,
    clicks: std::rc::Rc<std::cell::Cell<u32>>,
    _listener: wasm_bindgen::closure::Closure<dyn Fn(web_sys::Event)>,
}

impl StaticExitBar {
    fn new() -> Self {
        use wasm_bindgen::JsCast;
        let document = gloo_document();
        let bar = document.create_element("div").unwrap();
        bar.set_id("aware-exit-bar");
        bar.set_inner_html(
            r#"<a id="aware-exit" class="button exit-button" href="https://exit.invalid/" role="button"><span class="visually-hidden">Emergency </span>Exit this page</a>"#,
        );
        document.body().unwrap().append_child(&bar).unwrap();
        let clicks = std::rc::Rc::new(std::cell::Cell::new(0));
        let counted = clicks.clone();
        let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            counted.set(counted.get() + 1);
        });
        find(&bar, "#aware-exit").add_event_listener_with_callback("click", listener.as_ref().unchecked_ref()).unwrap();
        Self { bar, clicks, _listener: listener }
    }
}

impl Drop for StaticExitBar {
    fn drop(&mut self) {
        self.bar.remove();
    }
}

#[wasm_bindgen_test]
async fn the_app_words_the_pages_exit_link_and_puts_the_shift_hint_beside_it() {
    clear_storage();
    let page = StaticExitBar::new();
    let _root = mount("/").await;
    let link = find(&page.bar, "#aware-exit");
    assert_eq!(link.text_content().as_deref(), Some("Emergency Exit this page"));
    assert_eq!(find(&link, ".visually-hidden").text_content().as_deref(), Some("Emergency "));
    assert_eq!(find(&page.bar, ".quick-exit .exit-hint").text_content().as_deref(), Some("Or press Shift 3 times"));
}

#[wasm_bindgen_test]
async fn shift_three_times_presses_the_pages_exit_link() {
    clear_storage();
    let page = StaticExitBar::new();
    let _root = mount("/").await;
    for _ in 0..2 {
        key("keydown", "Shift").await;
        key("keyup", "Shift").await;
    }
    assert_eq!(page.clicks.get(), 0);
    key("keydown", "Shift").await;
    key("keyup", "Shift").await;
    assert_eq!(page.clicks.get(), 1, "the third Shift presses the link web/exit.js owns");
}
