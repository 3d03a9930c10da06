//! Aware in the browser: the yew app, built as three bundles (see `app`).
//!
//! `app` holds each bundle's root, routes and frame; `state` the providers and hooks that keep
//! the app's state; `pages` are screens, `components` widgets, `platform` the only code that
//! touches browser APIs. Decisions (content, scoring, storage schema, wording) live in
//! `aware_core` and in the `.ftl` files; this crate renders them.

pub mod app;
pub mod components;
pub mod deployment;
pub mod pages;
pub mod platform;
pub mod state;

/// Starts a bundle: first finishes an exit that stepped back to this page, so nothing of the app
/// is shown; then mounts the root component.
pub fn start<App: yew::BaseComponent<Properties = ()>>() {
    if platform::exit::finish_pending_exit() {
        return;
    }
    yew::Renderer::<App>::new().render();
}
