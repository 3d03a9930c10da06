//! Sends the embedded quiz's xAPI statements: an [`Outbox`] kept in `localStorage`, emptied in
//! batches by `fetch` in the background. When to send, what to resend and when to stop is the
//! outbox's decision (`aware_core::xapi::outbox`); this module stores it, posts its batches,
//! keeps a timer for its next try and wakes it when the browser comes back online. Nothing here
//! ever waits on the quiz or makes it wait.

use std::cell::RefCell;
use std::rc::Rc;

use aware_core::deployment::XapiEndpoint;
use aware_core::xapi::Outbox;
use aware_core::xapi::Statement;
use aware_core::xapi::outbox::{self, Response};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;

use super::random;
use super::storage::LocalStore;

/// One page's sender; clones share it.
#[derive(Clone)]
pub struct Sender(Rc<RefCell<State>>);

struct State {
    endpoint: XapiEndpoint,
    outbox: Outbox,
    timer: Option<i32>,
    /// Kept for the page's life: the `online` and `storage` listeners.
    _listeners: Vec<Closure<dyn Fn(web_sys::Event)>>,
}

impl Sender {
    /// Takes up what earlier page loads left waiting, and sends it.
    pub fn start(endpoint: XapiEndpoint) -> Sender {
        let sender = Sender(Rc::new(RefCell::new(State {
            endpoint,
            outbox: stored().unwrap_or_default(),
            timer: None,
            _listeners: Vec::new(),
        })));
        let online = {
            let sender = sender.clone();
            Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
                sender.0.borrow_mut().outbox.wake();
                sender.pump();
            })
        };
        // Another tab stored its outbox: take in its statements, so that neither tab's next
        // save loses the other's (a statement both send is harmless: ids are made once).
        let other_tab = {
            let sender = sender.clone();
            Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else { return };
                if event.key().as_deref() != Some(outbox::STORAGE_KEY) {
                    return;
                }
                if let Some(other) = event.new_value().and_then(|text| Outbox::decode(&text).ok()) {
                    sender.0.borrow_mut().outbox.merge(other);
                    sender.pump();
                }
            })
        };
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
            let _ = window.add_event_listener_with_callback("storage", other_tab.as_ref().unchecked_ref());
        }
        sender.0.borrow_mut()._listeners = vec![online, other_tab];
        sender.pump();
        sender
    }

    pub fn send(&self, statements: &[Statement]) {
        if statements.is_empty() {
            return;
        }
        {
            let mut state = self.0.borrow_mut();
            for statement in statements {
                state.outbox.push(statement);
            }
            save(&state.outbox);
        }
        self.pump();
    }

    /// Posts the next batch, if the outbox has one now; else sets a timer for its next try.
    fn pump(&self) {
        let now = js_sys::Date::now() as u64;
        let mut state = self.0.borrow_mut();
        let Some(batch) = state.outbox.next_batch(now) else {
            let next = state.outbox.next_try();
            drop(state);
            self.wake_at(next, now);
            return;
        };
        let (url, version) = (state.endpoint.statements_url.clone(), state.endpoint.version.as_str());
        drop(state);
        let sender = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let response = post(&url, version, &batch.body).await;
            let jitter = random::bytes().map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
            {
                let mut state = sender.0.borrow_mut();
                state.outbox.settle(batch, response, js_sys::Date::now() as u64, jitter);
                save(&state.outbox);
            }
            sender.pump();
        });
    }

    fn wake_at(&self, at: Option<u64>, now: u64) {
        let Some(window) = web_sys::window() else { return };
        if let Some(timer) = self.0.borrow_mut().timer.take() {
            window.clear_timeout_with_handle(timer);
        }
        let Some(at) = at else { return };
        let sender = self.clone();
        let tick = Closure::once_into_js(move || {
            sender.0.borrow_mut().timer = None;
            sender.pump();
        });
        let delay = i32::try_from(at.saturating_sub(now)).unwrap_or(i32::MAX);
        if let Ok(timer) = window.set_timeout_with_callback_and_timeout_and_arguments_0(tick.unchecked_ref(), delay) {
            self.0.borrow_mut().timer = Some(timer);
        }
    }
}

/// What this device's pages left waiting; `None` when nothing or nothing readable is stored.
fn stored() -> Option<Outbox> {
    Outbox::decode(&LocalStore::open()?.get(outbox::STORAGE_KEY).ok()??).ok()
}

/// Stores the outbox (what other tabs stored is already merged in, from their `storage` events).
fn save(outbox: &Outbox) {
    if let Some(store) = LocalStore::open() {
        let _ = store.set(outbox::STORAGE_KEY, &outbox.encode());
    }
}

async fn post(url: &str, version: &str, body: &str) -> Response {
    let Some(window) = web_sys::window() else { return Response::NetworkError };
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&body.into());
    // No cookies, no referrer: the proxy learns nothing but the statements.
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_referrer_policy(web_sys::ReferrerPolicy::NoReferrer);
    let Ok(headers) = web_sys::Headers::new() else { return Response::NetworkError };
    let _ = headers.set("Content-Type", "application/json");
    let _ = headers.set("X-Experience-API-Version", version);
    init.set_headers(&headers);
    match JsFuture::from(window.fetch_with_str_and_init(url, &init)).await {
        Ok(response) => match response.dyn_into::<web_sys::Response>() {
            Ok(response) => Response::Status(response.status()),
            Err(_) => Response::NetworkError,
        },
        Err(_) => Response::NetworkError,
    }
}
