//! Listeners on the window and the document, held by a component for as long as it is shown:
//! dropping the guard removes them. Components never register listeners themselves.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{EventTarget, KeyboardEvent};

/// One registered listener.
struct Held {
    target: EventTarget,
    kind: &'static str,
    callback: Closure<dyn Fn(web_sys::Event)>,
}

/// Listeners registered together, removed together on drop.
#[derive(Default)]
pub struct Listeners {
    held: Vec<Held>,
}

impl Listeners {
    /// `keydown` or `keyup` (`kind`) anywhere in the document.
    pub fn on_document_key(mut self, kind: &'static str, handle: impl Fn(KeyboardEvent) + 'static) -> Listeners {
        let document = web_sys::window().and_then(|window| window.document());
        if let Some(document) = document {
            let callback = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                if let Ok(event) = event.dyn_into::<KeyboardEvent>() {
                    handle(event);
                }
            });
            self.add(document.into(), kind, callback);
        }
        self
    }

    /// The page is shown again (`pageshow`, also after a restore from the back/forward cache).
    pub fn on_page_show(mut self, handle: impl Fn() + 'static) -> Listeners {
        if let Some(window) = web_sys::window() {
            let callback = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| handle());
            self.add(window.into(), "pageshow", callback);
        }
        self
    }

    fn add(&mut self, target: EventTarget, kind: &'static str, callback: Closure<dyn Fn(web_sys::Event)>) {
        let _ = target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref());
        self.held.push(Held { target, kind, callback });
    }
}

impl Drop for Listeners {
    fn drop(&mut self) {
        for Held { target, kind, callback } in &self.held {
            let _ = target.remove_event_listener_with_callback(kind, callback.as_ref().unchecked_ref());
        }
    }
}
