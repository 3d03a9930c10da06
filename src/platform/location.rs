//! The address: which screen it names, moving to another, and hearing when it changes.
//!
//! Screens are named in the fragment (`index.html#/lessons/…`), never in the path: the same
//! files then work from any folder of any static host, from a `file://` copy on a USB stick, and
//! the server never learns which lesson a student reads (fragments are not sent).

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The screen part of the address: the fragment without its `#` ("/lessons/x/quiz/1"), or an
/// empty text when there is none.
pub fn screen() -> String {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_owned()
}

/// Moves to another screen with a new history entry, as a link does.
pub fn push(screen: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(screen);
    }
}

/// Moves to another screen in place of the current history entry. The entry keeps its state
/// (`web/exit.js` keeps the entry's place in history there, and a replaced entry is no new one);
/// listeners hear of the change as of any other.
pub fn replace(screen: &str) {
    let Some(window) = web_sys::window() else { return };
    let Ok(history) = window.history() else { return };
    let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
    if history.replace_state_with_url(&state, "", Some(&format!("#{screen}"))).is_ok()
        && let Ok(event) = web_sys::Event::new("hashchange")
    {
        let _ = window.dispatch_event(&event);
    }
}

/// A query parameter of the address (`?band=12-14`), which a teacher's link may carry.
pub fn query(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// Calls back whenever the screen part of the address changes (a link, Back, Forward), until
/// dropped.
pub struct ScreenListener {
    callback: Closure<dyn Fn()>,
}

pub fn on_screen_change(callback: impl Fn() + 'static) -> ScreenListener {
    let callback = Closure::<dyn Fn()>::new(callback);
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback("hashchange", callback.as_ref().unchecked_ref());
    }
    ScreenListener { callback }
}

impl Drop for ScreenListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback("hashchange", self.callback.as_ref().unchecked_ref());
        }
    }
}
