//! Reads QR codes in a grey camera frame: the teacher's side of result codes.
//!
//! `quircs` (a Rust port of quirc) finds the finder patterns, fits the grid and corrects errors;
//! this module hands it only frames `aware_vision::Frame` accepted (at most 4 megapixels, exactly
//! `width × height` bytes: quircs asserts that) and returns the bytes of each code it could
//! decode. Whatever the bytes are, they are untrusted: `aware_core::result_code` checks them.
//!
//! Bounded on any input: quircs examines at most 32 finder patterns and 8 grids a frame, and
//! [`Reader::read`] decodes at most [`MAX_CODES`]. That quircs never panics on any frame is what
//! the fuzz target `read_qr` checks (`fuzz/fuzz_targets/read_qr.rs`, through [`crate::fuzzing`]):
//! a panic in the worker would kill it (wasm is built with `panic = "abort"`).

use aware_vision::{Frame, Point};

/// The most codes decoded in one frame: one student's phone at a time, with room to spare.
pub const MAX_CODES: usize = 8;

/// A code read in a frame.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeRead {
    /// The code's data (byte mode, or the text of a numeric or alphanumeric code).
    pub bytes: Vec<u8>,
    /// The code's corners in the frame (pixels, x right, y down): its top-left, top-right,
    /// bottom-right and bottom-left as printed.
    pub corners: [Point; 4],
}

/// Keeps quircs' buffers between frames of the same size.
#[derive(Default)]
pub struct Reader {
    quirc: quircs::Quirc,
}

impl Reader {
    pub fn new() -> Reader {
        Reader::default()
    }

    /// The codes in `frame` that decode, at most [`MAX_CODES`]. A code found but not decoded
    /// (blurred, cut off by the frame's edge, damaged beyond its error correction) is left out:
    /// the next frame will show it again.
    pub fn read(&mut self, frame: &Frame) -> Vec<CodeRead> {
        let codes = self.quirc.identify(frame.width(), frame.height(), frame.pixels());
        codes
            .filter_map(|code| {
                let code = code.ok()?;
                let data = code.decode().ok()?;
                let corners = code.corners.map(|p| Point::new(p.x as f32, p.y as f32));
                Some(CodeRead { bytes: data.payload, corners })
            })
            .take(MAX_CODES)
            .collect()
    }
}
