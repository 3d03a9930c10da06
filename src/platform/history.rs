//! How deep the student is in the app's own history entries.
//!
//! "Exit this page" must leave no app page behind the Back button. Script cannot delete history,
//! but it can step back to the app's first entry and replace that one. For that it needs to know
//! how many entries the app has pushed: each entry carries its depth in `history.state`
//! (next to the router's own fields, which are kept), so the count survives reloads and
//! Back/Forward.

use std::cell::Cell;

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

const KEY: &str = "awareDepth";

thread_local! {
    static CURRENT: Cell<u32> = const { Cell::new(0) };
}

/// Call after every route change. An entry without a depth is new: one deeper than the last.
pub fn note_navigation() {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let state = history.state().unwrap_or(JsValue::NULL);
    let stored = Reflect::get(&state, &KEY.into()).ok().and_then(|v| v.as_f64());
    let depth = match stored {
        Some(depth) => depth as u32,
        None => {
            let first_load = CURRENT.with(|c| c.get()) == 0 && !is_object(&state);
            let depth = if first_load { 0 } else { CURRENT.with(|c| c.get()) + 1 };
            let object = if is_object(&state) { Object::from(state) } else { Object::new() };
            let _ = Reflect::set(&object, &KEY.into(), &JsValue::from(depth));
            let _ = history.replace_state(&object, "");
            depth
        }
    };
    CURRENT.with(|c| c.set(depth));
}

pub fn depth() -> u32 {
    CURRENT.with(|c| c.get())
}

fn is_object(value: &JsValue) -> bool {
    value.is_object() && !value.is_null()
}
