//! Aware's pure logic: everything that can be decided without a browser.
//!
//! This crate has no web-sys, no yew and no I/O of its own (except the content compiler, which
//! reads lesson files and is only built with the `compile` feature). That keeps it testable with
//! plain `cargo test`, fuzzable, and shared by the browser app and the `aware` command line.

pub mod assessment;
pub mod band;
pub mod classroom;
pub mod content;
pub mod deployment;
pub mod embed;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod json;
pub mod l10n;
pub mod print;
pub mod progress;
pub mod quick_exit;
pub mod quiz;
pub mod report;
pub mod result_code;
pub mod rng;
pub mod shuffle;
pub mod stats;
pub mod store;
pub mod study;
pub mod xapi;
