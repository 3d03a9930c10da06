//! Saving a file the app made (an export) to the user's device, without any server.

use wasm_bindgen::JsCast;

/// Offers `contents` as a download named `name`. `false` when the browser refused.
pub fn save(name: &str, mime: &str, contents: &str) -> bool {
    try_save(name, mime, contents).is_some()
}

fn try_save(name: &str, mime: &str, contents: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    let body = document.body()?;
    body.append_child(&link).ok()?;
    link.click();
    body.remove_child(&link).ok()?;
    // The download has started from the click; the object URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}
