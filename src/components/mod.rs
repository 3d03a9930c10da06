//! Reusable widgets, one per file.

pub mod blocks;
pub mod frame;
pub mod page;
pub mod quick_exit;
