//! The only place that touches browser APIs (web-sys). Everything here is a thin adapter: it
//! moves strings and events in and out, and leaves decisions to `aware_core` or the components.

pub mod clock;
pub mod document;
pub mod download;
pub mod exit;
pub mod fetch;
pub mod files;
pub mod history;
pub mod location;
pub mod preferences;
pub mod random;
pub mod storage;
pub mod update;
