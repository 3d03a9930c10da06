//! Full screen (the Fullscreen API), for the lesson on the projector.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Whether the page is shown full screen.
pub fn is_active() -> bool {
    document().and_then(|d| d.fullscreen_element()).is_some()
}

/// Full screen on, or off. The browser grants it only during a key press or click, and may
/// refuse (an embedded frame, a setting); the page then simply stays as it is.
pub fn toggle() {
    let Some(document) = document() else { return };
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(root) = document.document_element() {
        // The promise's refusal is the browser's answer, not an error of the app's.
        let _ = root.request_fullscreen();
    }
}

/// Calls back whenever full screen starts or ends (also by the browser's own Esc), until dropped.
pub struct FullscreenListener {
    callback: Closure<dyn Fn()>,
}

pub fn on_change(callback: impl Fn() + 'static) -> FullscreenListener {
    let callback = Closure::<dyn Fn()>::new(callback);
    if let Some(document) = document() {
        let _ = document.add_event_listener_with_callback("fullscreenchange", callback.as_ref().unchecked_ref());
    }
    FullscreenListener { callback }
}

impl Drop for FullscreenListener {
    fn drop(&mut self) {
        if let Some(document) = document() {
            let _ = document
                .remove_event_listener_with_callback("fullscreenchange", self.callback.as_ref().unchecked_ref());
        }
    }
}
