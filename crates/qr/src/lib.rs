//! Result codes as QR codes: drawn on a student's screen, read from a teacher's camera frames.
//!
//! What the bytes mean is `aware_core::result_code`'s business; this crate only moves bytes
//! through a QR code. Pure Rust, no I/O and no browser, in halves that ship apart:
//! - `draw` (feature `draw`, in the app): [`draw::draw`] turns bytes into a [`draw::Drawing`]
//!   the app renders as inline SVG;
//! - `read` (feature `read`, in the camera worker `crates/vision-worker`): [`read::Reader`]
//!   finds and decodes codes in grey frames, and never panics on any frame (fuzzed);
//! - `synth` (feature `synth`, tests and tools only): frames of phones showing codes, and
//!   [`y4m`] videos for Chromium's fake camera.
//!
//! Crates chosen by measured wasm size and speed: see `README.md`.

#[cfg(feature = "draw")]
pub mod draw;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
#[cfg(feature = "read")]
pub mod read;
#[cfg(feature = "synth")]
pub mod synth;
#[cfg(feature = "synth")]
pub mod y4m;

#[cfg(feature = "draw")]
pub use draw::{DrawError, Drawing, draw};
#[cfg(feature = "read")]
pub use read::{CodeRead, Reader};
