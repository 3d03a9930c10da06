//! The class report: from attempt records to the numbers a teacher and an evaluator see.
//!
//! A [`ReportBuilder`] takes records one at a time, in any order, from any number of files, and
//! keeps only running sums: a participant's attempt is reduced to its scores as it arrives, held
//! until their other phase arrives, then folded into the sums and dropped. So the browser's class
//! report and the command line's pooled report of many schools are the same computation, and the
//! command line's memory does not grow with the number of records or files — only with the codes
//! its studies issued (a bit each, to ignore a record imported twice) and the participants still
//! waiting for their other phase.
//!
//! **Only issued codes count.** The builder is given the studies' issued codes
//! ([`crate::study::IssuedCodes`], from their definitions): a record whose code its study did not
//! print on a card is counted as not issued and left out, so made-up records cannot pad a class
//! past the minimum group size (see [`crate::study::definition`]).
//!
//! **A file counts whole or not at all.** [`ReportBuilder::add_file`] scores a results file's
//! records straight from its bytes ([`crate::study::Reader`]; no [`crate::study::Record`] is
//! built), holds what they come to until the file has been read to its end, and adds it only then;
//! [`ReportBuilder::add`] adds one record the same way.
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
