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
