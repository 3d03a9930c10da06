//! The content model: what a compiled lesson looks like once it reaches the app.
//!
//! Lesson files (`lessons/`) are compiled by [`compile`] at build time into one [`Curriculum`] per
//! locale, written for the app as a course index and a file per lesson ([`course`]). The model is
//! already validated when it is written, so the app never meets an unknown source or an item
//! without a correct answer; decoding still rejects a bundle of another format version.

mod bands;
#[cfg(feature = "compile")]
pub mod compile;
pub mod course;
pub mod id;
mod model;

pub use id::ContentId;
pub use model::*;
