//! Reading files the user picked or dropped, one at a time, as bytes for the decoders in
//! `aware_core`.
//!
//! A file larger than its decoder accepts is refused from its `size` before a byte is read, and
//! the caller reads, decodes and drops one file before reading the next (yielding to the browser
//! in between), so memory holds one file at a time and the page keeps responding.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A file the person picked or dropped.
pub use web_sys::File;

/// Why a file's bytes are not there.
pub enum ReadError {
    /// Larger than `max` bytes: not read at all.
    TooLarge { bytes: usize },
    /// The browser could not read it (removed, or no permission), in its own words.
    Unreadable(String),
}

pub fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else { return Vec::new() };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// The bytes of `file`, if it has at most `max` of them.
pub async fn read(file: &web_sys::File, max: usize) -> Result<Vec<u8>, ReadError> {
    // `size` is a JavaScript number: a whole number of bytes, exact far beyond any file.
    let size = file.size();
    if size > max as f64 {
        return Err(ReadError::TooLarge { bytes: size as usize });
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|error| ReadError::Unreadable(js_sys::Error::from(error).message().into()))?;
    let buffer = buffer.dyn_into::<js_sys::ArrayBuffer>().map_err(|_| ReadError::Unreadable("not readable".into()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Lets the browser render and handle input before the caller goes on (a zero-delay timeout: a
/// new task, after the pending ones).
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window()
            .is_some_and(|window| window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).is_ok());
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(promise).await;
}
