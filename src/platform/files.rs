//! Reading files the user picked or dropped, as bytes for the decoders in `aware_core`.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A picked file: its name (for messages) and its bytes, or why it could not be read.
pub struct PickedFile {
    pub name: String,
    pub bytes: Result<Vec<u8>, String>,
}

/// Largest file read at all: bigger than any results file may be, so the decoder still gets to
/// say "too large" with its own limit, but a video picked by mistake is not loaded into memory.
const READ_LIMIT: f64 = 32.0 * 1024.0 * 1024.0;

pub fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else { return Vec::new() };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

pub async fn read_all(files: Vec<web_sys::File>) -> Vec<PickedFile> {
    let mut read = Vec::with_capacity(files.len());
    for file in files {
        let name = file.name();
        let bytes = if file.size() > READ_LIMIT {
            Err(format!("{} bytes", file.size()))
        } else {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => match buffer.dyn_into::<js_sys::ArrayBuffer>() {
                    Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
                    Err(_) => Err("not readable".to_owned()),
                },
                Err(error) => Err(js_sys::Error::from(error).message().into()),
            }
        };
        read.push(PickedFile { name, bytes });
    }
    read
}
