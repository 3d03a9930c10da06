use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// An element of the page by id: the places web/*.html keeps for the app (`aware-app`, where it
/// mounts; `aware-skip`, where its skip link goes, first on the page).
pub fn element(id: &str) -> Option<web_sys::Element> {
    document()?.get_element_by_id(id)
}

pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

/// `<html lang>`: screen readers pick their voice from it.
pub fn set_lang(lang: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang);
    }
}

/// Adds or removes a class on `<html>`.
pub fn set_root_class(class: &str, on: bool) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let list = root.class_list();
        let _ = if on { list.add_1(class) } else { list.remove_1(class) };
    }
}

/// Moves focus to an element by id without scrolling past it: after a screen change, so keyboard
/// and screen-reader users start at the new heading instead of at the top of the old page.
pub fn focus(id: &str) {
    if let Some(element) = document().and_then(|d| d.get_element_by_id(id))
        && let Ok(element) = element.dyn_into::<HtmlElement>()
    {
        let _ = element.focus();
    }
}

/// Whether no element has focus (the one that had it has gone from the page, or none ever had).
pub fn nothing_focused() -> bool {
    let Some(document) = document() else { return false };
    match (document.active_element(), document.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.unchecked_ref::<web_sys::Element>(),
        (Some(_), None) => false,
    }
}

/// Moves focus to the first link, button or input inside `container` (after the control that
/// had focus has gone from the screen).
pub fn focus_first_control(container: &yew::NodeRef) {
    let focusable = container
        .cast::<web_sys::Element>()
        .and_then(|element| element.query_selector("a, button, input").ok().flatten())
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(element) = focusable {
        let _ = element.focus();
    }
}

/// Opens the browser's print dialog (for teacher guides and, later, worksheets).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
