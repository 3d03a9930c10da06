//! Touches that move across the page, reported as how far they went, for turning the presented
//! lesson's pages by swiping (`aware_core::classroom::swipe_command` says what is a swipe).
//! A mouse drag is not reported: a mouse has the buttons and keys.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::PointerEvent;

/// Calls back with each finished touch until dropped.
pub struct SwipeListener {
    down: Closure<dyn Fn(PointerEvent)>,
    up: Closure<dyn Fn(PointerEvent)>,
    cancel: Closure<dyn Fn(PointerEvent)>,
}

const EVENTS: [&str; 3] = ["pointerdown", "pointerup", "pointercancel"];

/// Calls `handler(dx, dy)` (CSS pixels) when a touch ends where it did not start.
pub fn on_swipe(handler: impl Fn(f64, f64) + 'static) -> SwipeListener {
    let start: Rc<Cell<Option<(i32, f64, f64)>>> = Rc::default();
    let is_touch = |event: &PointerEvent| matches!(event.pointer_type().as_str(), "touch" | "pen");
    let down = {
        let start = start.clone();
        Closure::<dyn Fn(PointerEvent)>::new(move |event: PointerEvent| {
            if is_touch(&event) && event.is_primary() {
                start.set(Some((event.pointer_id(), f64::from(event.client_x()), f64::from(event.client_y()))));
            }
        })
    };
    let up = {
        let start = start.clone();
        Closure::<dyn Fn(PointerEvent)>::new(move |event: PointerEvent| {
            if let Some((id, x, y)) = start.take()
                && id == event.pointer_id()
            {
                handler(f64::from(event.client_x()) - x, f64::from(event.client_y()) - y);
            }
        })
    };
    let cancel = Closure::<dyn Fn(PointerEvent)>::new(move |_| start.set(None));
    let listener = SwipeListener { down, up, cancel };
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        for (event, callback) in EVENTS.iter().zip(listener.callbacks()) {
            let _ = document.add_event_listener_with_callback(event, callback);
        }
    }
    listener
}

impl SwipeListener {
    fn callbacks(&self) -> [&js_sys::Function; 3] {
        [self.down.as_ref().unchecked_ref(), self.up.as_ref().unchecked_ref(), self.cancel.as_ref().unchecked_ref()]
    }
}

impl Drop for SwipeListener {
    fn drop(&mut self) {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            for (event, callback) in EVENTS.iter().zip(self.callbacks()) {
                let _ = document.remove_event_listener_with_callback(event, callback);
            }
        }
    }
}
