//! The small key-value interface the device store is written against.
//!
//! In the browser it is `localStorage` (`src/platform/storage.rs`); in tests it is
//! [`MemoryBackend`](super::MemoryBackend). Every call may fail, and the store decides what a
//! failure means; a backend only reports it, never panics, and never retries.

/// Why the backend refused a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendError {
    /// A write did not fit (`QuotaExceededError`, Firefox's `NS_ERROR_DOM_QUOTA_REACHED`, or
    /// old Safari's private mode with a quota of 0).
    Full,
    /// Anything else the browser threw (`SecurityError` when storage is blocked, say).
    Refused,
}

/// Text stored under text keys, as `localStorage` keeps it.
///
/// Calls take `&self`: the browser's storage is shared by every tab, so a backend is a handle,
/// not an owner, and two stores over one backend behave like two tabs.
pub trait Backend {
    /// The value under `key`; `Ok(None)` when there is none.
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError>;
    /// Removing a key that is not there succeeds.
    fn remove(&self, key: &str) -> Result<(), BackendError>;
    /// Every key held, of any app on this origin, in any order.
    fn keys(&self) -> Result<Vec<String>, BackendError>;
}
