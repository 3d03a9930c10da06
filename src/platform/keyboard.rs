//! Keys pressed anywhere on the page, for the present views' shortcuts and a presentation
//! clicker (which sends arrow or Page keys). What a key means is decided by
//! `aware_core::classroom::key_command`; this module only reports the key and where focus was.

use aware_core::classroom::{Focus, KeyPress};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, KeyboardEvent};

/// Calls back on every key pressed until dropped.
pub struct KeyListener {
    callback: Closure<dyn Fn(KeyboardEvent)>,
}

/// Calls `handler` with every key pressed in the page; when it returns `true` the key was taken,
/// and the browser's own action for it (scrolling on Space, say) is prevented.
pub fn on_key(handler: impl Fn(KeyPress) -> bool + 'static) -> KeyListener {
    let callback = Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
        let (key, code) = (event.key(), event.code());
        let press = KeyPress {
            key: &key,
            code: &code,
            modified: event.ctrl_key() || event.alt_key() || event.meta_key(),
            repeat: event.repeat(),
            focus: focus_of(event.target().and_then(|target| target.dyn_into::<Element>().ok())),
        };
        if handler(press) {
            event.prevent_default();
        }
    });
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let _ = document.add_event_listener_with_callback("keydown", callback.as_ref().unchecked_ref());
    }
    KeyListener { callback }
}

impl Drop for KeyListener {
    fn drop(&mut self) {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let _ = document.remove_event_listener_with_callback("keydown", self.callback.as_ref().unchecked_ref());
        }
    }
}

/// What kind of element has focus: where typing goes, a control, or the page.
fn focus_of(element: Option<Element>) -> Focus {
    let Some(element) = element else { return Focus::Page };
    let input_type = element.get_attribute("type").unwrap_or_default().to_ascii_lowercase();
    match element.tag_name().to_ascii_uppercase().as_str() {
        "INPUT" if matches!(input_type.as_str(), "button" | "submit" | "reset" | "checkbox" | "radio") => {
            Focus::Control
        }
        "INPUT" | "TEXTAREA" | "SELECT" => Focus::Editing,
        "BUTTON" | "A" | "SUMMARY" => Focus::Control,
        _ if element.get_attribute("contenteditable").is_some_and(|value| value != "false") => Focus::Editing,
        _ if element.get_attribute("role").is_some_and(|role| role == "button" || role == "link") => Focus::Control,
        _ => Focus::Page,
    }
}
