//! The browser windows of the app: opening a second one (the classroom's presenter view), and
//! hearing when this one goes away.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Opens `address` (relative to this page, as a link's `href`) in a window of its own named
/// `name`: opening the same name again shows that window rather than a new one. `false` when
/// the browser refused (a pop-up blocker).
pub fn open(address: &str, name: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    matches!(window.open_with_url_and_target_and_features(address, name, "popup"), Ok(Some(_)))
}

/// Calls back when the page is being left or closed (`pagehide`), until dropped.
pub struct PageHideListener {
    callback: Closure<dyn Fn()>,
}

pub fn on_page_hide(callback: impl Fn() + 'static) -> PageHideListener {
    let callback = Closure::<dyn Fn()>::new(callback);
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback("pagehide", callback.as_ref().unchecked_ref());
    }
    PageHideListener { callback }
}

impl Drop for PageHideListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback("pagehide", self.callback.as_ref().unchecked_ref());
        }
    }
}
