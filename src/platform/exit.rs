//! Leaving the app at once for a neutral site, so that Back does not bring it back.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::{document, history};

/// Hides the page, steps back to the app's first history entry and replaces it with `url`.
/// The class is set first so nothing of the app stays visible or focusable while that happens.
pub fn leave(url: &str) {
    document::set_root_class("aware-exiting", true);
    let Some(window) = web_sys::window() else { return };
    let depth = history::depth();
    let replace = {
        let url = url.to_owned();
        move || {
            if let Some(window) = web_sys::window() {
                let _ = window.location().replace(&url);
            }
        }
    };
    if depth == 0 {
        replace();
        return;
    }
    // `history.go` is asynchronous: replace the entry once the browser has arrived there.
    let on_arrival = Closure::once_into_js(replace);
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
        "popstate",
        on_arrival.unchecked_ref(),
        &options,
    );
    if let Ok(history) = window.history() {
        let _ = history.go_with_delta(-(depth as i32));
    }
}
