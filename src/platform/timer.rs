//! A callback every so many milliseconds (`setInterval`), until dropped: the classroom windows'
//! heartbeat, and the presenter's clock.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

pub struct Interval {
    id: Option<i32>,
    _callback: Closure<dyn Fn()>,
}

pub fn every(milliseconds: i32, callback: impl Fn() + 'static) -> Interval {
    let callback = Closure::<dyn Fn()>::new(callback);
    let id = web_sys::window().and_then(|window| {
        window
            .set_interval_with_callback_and_timeout_and_arguments_0(callback.as_ref().unchecked_ref(), milliseconds)
            .ok()
    });
    Interval { id, _callback: callback }
}

impl Drop for Interval {
    fn drop(&mut self) {
        if let (Some(window), Some(id)) = (web_sys::window(), self.id) {
            window.clear_interval_with_handle(id);
        }
    }
}
