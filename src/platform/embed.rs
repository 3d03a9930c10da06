//! The embed view's browser side: whether this page is the embed view, the settings `aware
//! package` wrote into it, the `message` events from the page around it, `postMessage` to that
//! page, and the content's height. Which messages to accept and what to send is
//! `aware_core::embed`'s decision; this module only moves text.

use aware_core::deployment::{Origin, PassMark, SiteUrl, XapiEndpoint};
use js_sys::{JSON, Object};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{MessageEvent, ResizeObserver, ResizeObserverEntry};

/// What `aware package` writes on `<html>` of `embed.html` (from `deployment.toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedSettings {
    /// `data-aware-parents`: the embedding sites' origins, space-separated.
    pub parents: Vec<Origin>,
    /// `data-aware-xapi`, `data-aware-xapi-version`, `data-aware-site`; all three or none.
    pub xapi: Option<XapiEndpoint>,
}

fn root_attribute(name: &str) -> Option<String> {
    web_sys::window()?.document()?.document_element()?.get_attribute(name)
}

/// Whether this page is `embed.html` (`<html data-aware-view="embed">`).
pub fn is_embed_view() -> bool {
    root_attribute("data-aware-view").as_deref() == Some("embed")
}

/// The settings on `<html>`; a value that does not parse counts as absent (no parent, no xAPI).
pub fn settings() -> EmbedSettings {
    let parents = root_attribute("data-aware-parents")
        .map(|list| list.split_ascii_whitespace().filter_map(|o| Origin::parse(o).ok()).collect())
        .unwrap_or_default();
    let xapi = (|| {
        let site = SiteUrl::parse(&root_attribute("data-aware-site")?).ok()?;
        let endpoint =
            XapiEndpoint::parse(&root_attribute("data-aware-xapi")?, &root_attribute("data-aware-xapi-version")?, site)
                .ok()?;
        // Absent or not a percentage from 1 to 100: no pass mark, so no `passed`/`failed`.
        let pass_mark = root_attribute("data-aware-xapi-pass-mark").and_then(|text| PassMark::new(text.parse().ok()?));
        Some(XapiEndpoint { pass_mark, ..endpoint })
    })();
    EmbedSettings { parents, xapi }
}

/// Keeps a listener alive; dropping it removes the listener.
pub struct Listening {
    remove: Option<Box<dyn FnOnce()>>,
}

impl Drop for Listening {
    fn drop(&mut self) {
        if let Some(remove) = self.remove.take() {
            remove();
        }
    }
}

/// Calls `heard(origin, data as JSON text)` for every `message` event whose `source` is this
/// window's parent. Anything else (another frame, a worker, this window) is ignored unread; data
/// JSON cannot write (a cycle, a function) is ignored too.
pub fn on_parent_message(heard: impl Fn(String, String) + 'static) -> Listening {
    let Some(window) = web_sys::window() else { return Listening { remove: None } };
    let Ok(Some(parent)) = window.parent() else { return Listening { remove: None } };
    if Object::is(&parent, &window) {
        // Not in a frame: there is no parent to hear.
        return Listening { remove: None };
    }
    let listener = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let from_parent = event.source().is_some_and(|source| Object::is(&source, &parent));
        if !from_parent {
            return;
        }
        let data = event.data();
        let text = match data.as_string() {
            Some(text) => Some(text),
            None => JSON::stringify(&data).ok().and_then(|text| text.as_string()),
        };
        if let Some(text) = text {
            heard(event.origin(), text);
        }
    });
    let _ = window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    Listening {
        remove: Some(Box::new(move || {
            let _ = window.remove_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
        })),
    }
}

/// Posts a message (JSON text, sent as the object it encodes) to the parent, to `origin` only.
pub fn post_to_parent(origin: &Origin, message: &str) {
    let Some(window) = web_sys::window() else { return };
    let (Ok(Some(parent)), Ok(value)) = (window.parent(), JSON::parse(message)) else { return };
    let _ = parent.post_message(&value, origin.as_str());
}

/// Calls `measured(height)` with the page's content height in CSS pixels now and whenever it
/// changes (`ResizeObserver` on `<body>`, whose margins the embed view's style sets to zero).
pub fn on_content_height(measured: impl Fn(f64) + 'static) -> Listening {
    let body = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body());
    let Some(body) = body else { return Listening { remove: None } };
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.iter().last().and_then(|e| e.dyn_into::<ResizeObserverEntry>().ok()) {
            measured(entry.target().get_bounding_client_rect().height());
        }
    });
    let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return Listening { remove: None };
    };
    observer.observe(&body);
    Listening {
        remove: Some(Box::new(move || {
            observer.disconnect();
            drop(callback);
        })),
    }
}
