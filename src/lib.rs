//! Aware in the browser: the yew app.
//!
//! `app` wires contexts and routes, `pages` are screens, `components` are widgets, `platform`
//! adapts browser APIs. Decisions (content, scoring, storage schema, wording) live in
//! `aware_core` and in the `.ftl` files; this crate renders them.

pub mod app;
pub mod components;
pub mod deployment;
pub mod pages;
pub mod platform;
