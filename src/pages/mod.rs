//! One file per screen, grouped by the bundle that shows it. Each page that needs lessons renders
//! `ContentStatus` until they arrive, then a view component that receives them (so its hooks
//! always run in the same order).

pub mod check;
pub mod student;
pub mod teacher;
