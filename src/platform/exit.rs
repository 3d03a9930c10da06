//! Leaving the app at once for a neutral site, so that Back does not bring it back.
//!
//! Script cannot delete history, but it can step back to the app's first entry and replace that
//! one. How far back that is comes from the Navigation API (`navigation.currentEntry.index`: the
//! position among this site's entries in the tab, across page loads), else from the depth the app
//! keeps in `history.state` for the current load. Stepping back may land in an earlier page load
//! of the app, where this code no longer runs; a `sessionStorage` note tells that page to finish
//! the exit as soon as it starts ([`finish_pending_exit`]).

use js_sys::Reflect;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::{document, history};

/// The `sessionStorage` key of an exit in progress; its value is the neutral site's address.
const PENDING_KEY: &str = "aware.exiting";

/// Hides the page, steps back to the app's first history entry and replaces it with `url`.
/// The class is set first so nothing of the app stays visible or focusable meanwhile.
pub fn leave(url: &str) {
    document::set_root_class("aware-exiting", true);
    let Some(window) = web_sys::window() else { return };
    // In a campaign's frame, the whole window leaves: the page around the quiz is as telling as
    // the quiz. A cross-origin frame may navigate the top window on a click or key press.
    if let Ok(Some(top)) = window.top()
        && !js_sys::Object::is(&top, &window)
        && top.location().replace(url).is_ok()
    {
        return;
    }
    let steps = navigation_index(&window).unwrap_or_else(history::depth);
    if steps == 0 {
        let _ = window.location().replace(url);
        return;
    }
    if let Some(session) = window.session_storage().ok().flatten() {
        let _ = session.set_item(PENDING_KEY, url);
    }
    // If the first entry belongs to this page load, `history.go` stays in this document and only
    // fires `popstate`: finish here.
    let on_arrival = Closure::once_into_js(|| {
        finish_pending_exit();
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
        "popstate",
        on_arrival.unchecked_ref(),
        &options,
    );
    if let Ok(history) = window.history() {
        let _ = history.go_with_delta(-(steps as i32));
    }
}

/// Finishes an exit started on a later page of this tab: replaces the current entry with the
/// neutral site. Called at start-up (before anything is shown) and when a page is restored from
/// the back/forward cache. Returns whether the page is leaving.
pub fn finish_pending_exit() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let Some(session) = window.session_storage().ok().flatten() else { return false };
    let Ok(Some(url)) = session.get_item(PENDING_KEY) else { return false };
    let _ = session.remove_item(PENDING_KEY);
    document::set_root_class("aware-exiting", true);
    let _ = window.location().replace(&url);
    true
}

/// `navigation.currentEntry.index`, where the browser has the Navigation API.
fn navigation_index(window: &web_sys::Window) -> Option<u32> {
    let navigation = Reflect::get(window, &JsValue::from_str("navigation")).ok().filter(|v| v.is_object())?;
    let entry = Reflect::get(&navigation, &JsValue::from_str("currentEntry")).ok().filter(|v| v.is_object())?;
    let index = Reflect::get(&entry, &JsValue::from_str("index")).ok()?.as_f64()?;
    (index >= 0.0).then_some(index as u32)
}
