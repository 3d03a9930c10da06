//! `localStorage`, without ever panicking: the browser backend of `aware_core::store`
//! ([`Backend`]), and the `storage` event by which another tab tells this one it saved.
//!
//! Access can throw (`SecurityError` when storage is blocked or the page is sandboxed), writes can
//! throw (`QuotaExceededError`, Safari's old zero-quota private mode), so every call returns a
//! `Result` and the store decides what a failure means. gloo-storage is not used: its
//! `LocalStorage::raw()` panics when storage is blocked.

use aware_core::store::{Backend, BackendError};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{DomException, Storage, StorageEvent};

/// A storage call the browser refused (blocked, full, or a security error).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageRefused;

/// A handle on `localStorage` that has been opened successfully.
#[derive(Clone)]
pub struct LocalStore(Storage);

impl LocalStore {
    /// `None` when storage is missing or blocked.
    pub fn open() -> Option<LocalStore> {
        let storage = web_sys::window()?.local_storage().ok()??;
        Some(LocalStore(storage))
    }

    pub fn get(&self, key: &str) -> Result<Option<String>, StorageRefused> {
        self.0.get_item(key).map_err(|_| StorageRefused)
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageRefused> {
        self.0.set_item(key, value).map_err(|_| StorageRefused)
    }
}

/// The device store's backend: `None` when the browser has no usable storage.
pub fn backend() -> Option<Box<dyn Backend>> {
    LocalStore::open().map(|store| Box::new(store) as Box<dyn Backend>)
}

/// Whether what `setItem` threw says storage is full (the names and codes browsers use).
fn is_quota(error: &wasm_bindgen::JsValue) -> bool {
    error.dyn_ref::<DomException>().is_some_and(|exception| {
        matches!(exception.name().as_str(), "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED")
            || matches!(exception.code(), 22 | 1014)
    })
}

impl Backend for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.0.get_item(key).map_err(|_| BackendError::Refused)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        self.0
            .set_item(key, value)
            .map_err(|error| if is_quota(&error) { BackendError::Full } else { BackendError::Refused })
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.0.remove_item(key).map_err(|_| BackendError::Refused)
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let length = self.0.length().map_err(|_| BackendError::Refused)?;
        (0..length).filter_map(|i| self.0.key(i).map_err(|_| BackendError::Refused).transpose()).collect()
    }
}

/// Listens for other tabs' saves while held: calls `changed` with each `storage` event's key
/// (`None` when another tab cleared storage).
pub struct StorageListener {
    callback: Closure<dyn Fn(StorageEvent)>,
}

impl StorageListener {
    pub fn new(changed: impl Fn(Option<String>) + 'static) -> StorageListener {
        let callback = Closure::<dyn Fn(StorageEvent)>::new(move |event: StorageEvent| changed(event.key()));
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback("storage", callback.as_ref().unchecked_ref());
        }
        StorageListener { callback }
    }
}

impl Drop for StorageListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback("storage", self.callback.as_ref().unchecked_ref());
        }
    }
}

/// Whether the browser may clear what Aware keeps (the Storage API's "persistent" mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    /// Kept until someone deletes it.
    Persistent,
    /// The browser may clear it to free space (or, in some, after weeks without a visit).
    BestEffort,
    /// This browser does not say (no `navigator.storage`, or it refused to answer).
    Unknown,
}

/// The browser's `navigator.storage`, where it has one (not over plain HTTP, nor in old browsers).
fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Reflect first: `navigator.storage` is undefined on insecure origins, and web-sys would
    // hand back an undefined object typed as a manager.
    js_sys::Reflect::get(&navigator, &"storage".into()).ok().filter(|value| value.is_object())?;
    Some(navigator.storage())
}

async fn ask(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Persistence {
    let Ok(promise) = promise else { return Persistence::Unknown };
    match wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|answer| answer.as_bool()) {
        Some(true) => Persistence::Persistent,
        Some(false) => Persistence::BestEffort,
        None => Persistence::Unknown,
    }
}

/// Whether the browser may clear Aware's data now.
pub async fn persistence() -> Persistence {
    match manager() {
        Some(manager) => ask(manager.persisted()).await,
        None => Persistence::Unknown,
    }
}

/// Asks the browser to keep Aware's data until someone deletes it (some browsers ask the person,
/// others decide by how the site is used), and says what it answered.
pub async fn ask_to_persist() -> Persistence {
    match manager() {
        Some(manager) => ask(manager.persist()).await,
        None => Persistence::Unknown,
    }
}
