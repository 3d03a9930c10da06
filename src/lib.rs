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

/// Starts a bundle: mounts the root component into the page's `#aware-app`, beside the static
/// "Exit this page" bar (`web/exit.js`), which the app must not replace.
pub fn start<App: yew::BaseComponent<Properties = ()>>() {
    match platform::document::element("aware-app") {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}
