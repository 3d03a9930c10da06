//! The app's side of "Exit this page", which `web/exit.js` owns.
//!
//! Every page has a static exit link in a sticky bar (`web/*.html`), so the exit works before the
//! WebAssembly has loaded and while it is loading; `web/exit.js` takes the link over and leaves
//! no Aware entry behind Back or Forward. The app only enhances that link: it gives it the
//! interface language's words, puts the Shift hint beside it, and exits (Shift three times) by
//! pressing it, so there is one implementation of the exit.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::document::element;

/// The static link and the bar around it, in every page (web/index.html, check.html, teacher.html).
const LINK_ID: &str = "aware-exit";
const BAR_ID: &str = "aware-exit-bar";

/// Exits: presses the page's exit link, as a click on it would.
pub fn leave() {
    if let Some(link) = element(LINK_ID).and_then(|link| link.dyn_into::<HtmlElement>().ok()) {
        link.click();
    }
}

/// The sticky bar with the exit link, where the app puts what goes beside the link. `None` where
/// the page has none (component tests mount the app into a bare document).
pub fn bar() -> Option<Element> {
    element(BAR_ID)
}

/// Words the link in the interface language: `hidden_prefix` for screen readers only, then `label`.
pub fn set_label(hidden_prefix: &str, label: &str) {
    let Some(link) = element(LINK_ID) else { return };
    let Some(document) = link.owner_document() else { return };
    let Ok(prefix) = document.create_element("span") else { return };
    prefix.set_class_name("visually-hidden");
    prefix.set_text_content(Some(&format!("{hidden_prefix} ")));
    link.set_text_content(Some(label));
    let _ = link.prepend_with_node_1(&prefix);
}
