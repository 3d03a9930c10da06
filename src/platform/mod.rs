//! The only place that touches browser APIs (web-sys). Everything here is a thin adapter: it
//! moves strings and events in and out, and leaves decisions to `aware_core` or the components.

pub mod broadcast;
pub mod clock;
pub mod crypto;
pub mod document;
pub mod download;
pub mod embed;
pub mod exit;
pub mod fetch;
pub mod files;
pub mod fullscreen;
pub mod keyboard;
pub mod listeners;
pub mod location;
pub mod preferences;
pub mod random;
pub mod storage;
pub mod timer;
pub mod touch;
pub mod update;
pub mod windows;
pub mod xapi;
