//! The pre/post assessment: its compiled model and how an attempt at it is scored.
//!
//! One [`Assessment`] holds every language, unlike a lesson bundle: the teacher's report and the
//! codebook need the wording in each language a student may have seen, and the whole assessment
//! is small. Authors write it in `assessment/` (format and rules in `assessment/README.md`); the
//! content compiler checks it and writes `assessment.json`.
//!
//! Scoring rules live here once ([`score`]) and are used by the student's end-of-test feedback,
//! the class report and the command line alike.

mod codebook;
mod model;
pub mod score;

pub use model::*;
