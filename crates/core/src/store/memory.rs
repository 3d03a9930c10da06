//! An in-memory [`Backend`] for tests and the command line, with the browser's failures on demand.
//!
//! Clones share one map, like two tabs share `localStorage`: two stores over clones of one
//! backend are two tabs. [`Faults`] make calls fail the way browsers do (a quota, a blocked read,
//! a refused write), so every failure path of the store is tested natively.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::backend::{Backend, BackendError};

/// What the backend refuses. The default refuses nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Faults {
    /// The most bytes (keys plus values) held; a write that would hold more is [`BackendError::Full`].
    pub quota: Option<usize>,
    pub refuse_get: bool,
    pub refuse_set: bool,
    pub refuse_remove: bool,
    pub refuse_keys: bool,
}

#[derive(Debug, Clone, Default)]
pub struct MemoryBackend {
    shared: Rc<RefCell<Shared>>,
}

#[derive(Debug, Default)]
struct Shared {
    values: BTreeMap<String, String>,
    faults: Faults,
}

impl MemoryBackend {
    pub fn new() -> MemoryBackend {
        MemoryBackend::default()
    }

    /// A backend holding `values`, as a device would after earlier visits.
    pub fn holding<'a>(values: impl IntoIterator<Item = (&'a str, &'a str)>) -> MemoryBackend {
        let backend = MemoryBackend::new();
        backend.shared.borrow_mut().values = values.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
        backend
    }

    pub fn set_faults(&self, faults: Faults) {
        self.shared.borrow_mut().faults = faults;
    }

    /// Everything held, whatever the faults: what a test inspects.
    pub fn contents(&self) -> BTreeMap<String, String> {
        self.shared.borrow().values.clone()
    }

    fn held_bytes(values: &BTreeMap<String, String>) -> usize {
        values.iter().map(|(key, value)| key.len() + value.len()).sum()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        let shared = self.shared.borrow();
        if shared.faults.refuse_get {
            return Err(BackendError::Refused);
        }
        Ok(shared.values.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        let mut shared = self.shared.borrow_mut();
        if shared.faults.refuse_set {
            return Err(BackendError::Refused);
        }
        if let Some(quota) = shared.faults.quota {
            let replaced = shared.values.get(key).map_or(0, |old| key.len() + old.len());
            if MemoryBackend::held_bytes(&shared.values) - replaced + key.len() + value.len() > quota {
                return Err(BackendError::Full);
            }
        }
        shared.values.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        let mut shared = self.shared.borrow_mut();
        if shared.faults.refuse_remove {
            return Err(BackendError::Refused);
        }
        shared.values.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let shared = self.shared.borrow();
        if shared.faults.refuse_keys {
            return Err(BackendError::Refused);
        }
        Ok(shared.values.keys().cloned().collect())
    }
}
