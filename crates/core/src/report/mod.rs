//! The class report: from attempt records to the numbers a teacher and an evaluator see.
//!
//! A [`ReportBuilder`] takes records one at a time, in any order, from any number of files, and
//! keeps only running sums: a participant's attempt is reduced to its scores as it arrives, held
//! until their other phase arrives, then folded into the sums and dropped. So the browser's class
//! report and the command line's pooled report of many schools are the same computation, and the
//! command line's memory does not grow with the number of records or files — only with the
//! participants still waiting for their other phase (plus 16 bytes per participant seen, to ignore
//! a record imported twice).
//!
//! [`ReportBuilder::finish`] applies small-cell suppression ([`crate::study::suppression`]):
//! with fewer than `k` matched participants nothing but the counts is reported, and every part
//! based on fewer than `k` people (a statement many preferred not to answer, a scale few completed)
//! is hidden with its reason. The report carries numbers only; the app and the command line put
//! them into words.

mod accumulate;
pub mod format;
mod model;

pub use accumulate::ReportBuilder;
pub use model::*;
