//! Reads the app's files (course index, lessons, assessment), relative to the page: from the
//! app's own origin, or, in the single file for a USB stick (`<html data-aware-files="inline">`,
//! written by `aware package --single-file`), from the base64 data blocks in the page itself, as
//! browsers refuse `fetch` of `file://` addresses.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Fetches a text file relative to the page, from the app's own origin.
pub async fn text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.map_err(describe)?;
    let response: Response = response.dyn_into().map_err(describe)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?).await.map_err(describe)?;
    text.as_string().ok_or_else(|| "not text".to_owned())
}

/// Whether the files are in the page (the single file) rather than beside it.
pub fn files_inline() -> bool {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    root.and_then(|root| root.get_attribute("data-aware-files")).as_deref() == Some("inline")
}

/// Fetches a binary file the same way.
pub async fn bytes(path: &str) -> Result<Vec<u8>, String> {
    if files_inline() {
        return inlined(path);
    }
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.map_err(describe)?;
    let response: Response = response.dyn_into().map_err(describe)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(describe)?).await.map_err(describe)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A file of the single file: the block `<script type="application/octet-stream" id="file:PATH">`.
fn inlined(path: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let block = window.document().and_then(|d| d.get_element_by_id(&format!("file:{path}")));
    let base64 = block.and_then(|block| block.text_content()).ok_or_else(|| format!("{path}: not in this file"))?;
    // `atob` gives one character per byte.
    let binary = window.atob(base64.trim()).map_err(describe)?;
    Ok(binary.chars().map(|c| c as u8).collect())
}

fn describe(error: wasm_bindgen::JsValue) -> String {
    js_sys::Error::from(error).message().into()
}
