//! `localStorage`, without ever panicking.
//!
//! Access can throw (`SecurityError` when storage is blocked or the page is sandboxed), writes can
//! throw (`QuotaExceededError`, Safari's old zero-quota private mode), so every call returns a
//! `Result` and the app falls back to keeping progress in memory. gloo-storage is not used: its
//! `LocalStorage::raw()` panics when storage is blocked.

use web_sys::Storage;

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

    pub fn remove(&self, key: &str) -> Result<(), StorageRefused> {
        self.0.remove_item(key).map_err(|_| StorageRefused)
    }

    pub fn has(&self, key: &str) -> bool {
        matches!(self.get(key), Ok(Some(_)))
    }
}

/// `localStorage` as the device store's backend (`aware_core::store::Backend`), following the
/// mapping in `aware_core::store`'s documentation: a full store is `Full`, anything else the
/// browser throws `Refused`; nothing panics.
///
/// (Used by the classroom sessions' provider, `crate::state::sessions`, until the whole app
/// moves onto the device store.)
pub struct BrowserBackend(Storage);

impl BrowserBackend {
    /// `None` when storage is missing or blocked: the store then keeps everything in memory.
    pub fn open() -> Option<BrowserBackend> {
        LocalStore::open().map(|store| BrowserBackend(store.0))
    }
}

fn backend_error(error: wasm_bindgen::JsValue) -> aware_core::store::BackendError {
    use aware_core::store::BackendError;
    let field = |name: &str| js_sys::Reflect::get(&error, &name.into()).ok();
    let name = field("name").and_then(|name| name.as_string()).unwrap_or_default();
    let code = field("code").and_then(|code| code.as_f64());
    let full = matches!(name.as_str(), "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED")
        || matches!(code, Some(22.0) | Some(1014.0));
    if full { BackendError::Full } else { BackendError::Refused }
}

impl aware_core::store::Backend for BrowserBackend {
    fn get(&self, key: &str) -> Result<Option<String>, aware_core::store::BackendError> {
        self.0.get_item(key).map_err(backend_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), aware_core::store::BackendError> {
        self.0.set_item(key, value).map_err(backend_error)
    }

    fn remove(&self, key: &str) -> Result<(), aware_core::store::BackendError> {
        self.0.remove_item(key).map_err(backend_error)
    }

    fn keys(&self) -> Result<Vec<String>, aware_core::store::BackendError> {
        let length = self.0.length().map_err(backend_error)?;
        (0..length).filter_map(|i| self.0.key(i).map_err(backend_error).transpose()).collect()
    }
}

/// Calls back with the key another tab or window changed (`None` when it cleared storage),
/// from the browser's `storage` event, until dropped.
pub struct StorageListener {
    callback: wasm_bindgen::closure::Closure<dyn Fn(web_sys::StorageEvent)>,
}

pub fn on_change(callback: impl Fn(Option<String>) + 'static) -> StorageListener {
    use wasm_bindgen::JsCast;
    let callback =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            callback(event.key())
        });
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback("storage", callback.as_ref().unchecked_ref());
    }
    StorageListener { callback }
}

impl Drop for StorageListener {
    fn drop(&mut self) {
        use wasm_bindgen::JsCast;
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback("storage", self.callback.as_ref().unchecked_ref());
        }
    }
}
