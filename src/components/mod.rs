//! Reusable widgets, one per file.

pub mod blocks;
pub mod confirm;
pub mod device_data;
pub mod form;
pub mod help_contacts;
pub mod language_switcher;
pub mod lesson_gate;
pub mod page;
pub mod quick_exit;
pub mod scenario;
pub mod sources;
