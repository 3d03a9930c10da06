//! The student's screens: the course, a lesson's sections, its quiz questions and result, and
//! "Get help".

pub mod course;
pub mod help;
pub mod not_found;
pub mod question;
pub mod result;
pub mod section;
