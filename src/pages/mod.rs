//! One file per screen. Each page that needs lessons renders `ContentStatus` until they arrive,
//! then a view component that receives the curriculum (so its hooks always run in the same order).

pub mod check;
pub mod course;
pub mod help;
pub mod not_found;
pub mod question;
pub mod result;
pub mod section;
pub mod teacher;
pub mod teacher_guide;
