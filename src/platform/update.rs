//! A new version of Aware waiting on the device: `web/boot.js` registers the service worker and
//! says when a new version has been downloaded (`<html data-aware-update="ready">` and the event
//! `aware-update-ready`); the app decides when it starts (`aware-apply-update`), which reloads the
//! page into it at the same address.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

const READY_EVENT: &str = "aware-update-ready";
const APPLY_EVENT: &str = "aware-apply-update";

/// Whether a new version is waiting (it may have been found before the app started).
pub fn is_ready() -> bool {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    root.and_then(|root| root.get_attribute("data-aware-update")).as_deref() == Some("ready")
}

/// Starts the waiting version: the page reloads.
pub fn apply() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(APPLY_EVENT)) {
        let _ = window.dispatch_event(&event);
    }
}

/// Calls back when a new version is found while the page is open, until dropped.
pub struct ReadyListener {
    callback: Closure<dyn Fn()>,
}

pub fn on_ready(callback: impl Fn() + 'static) -> ReadyListener {
    let callback = Closure::<dyn Fn()>::new(callback);
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback(READY_EVENT, callback.as_ref().unchecked_ref());
    }
    ReadyListener { callback }
}

impl Drop for ReadyListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(READY_EVENT, self.callback.as_ref().unchecked_ref());
        }
    }
}
