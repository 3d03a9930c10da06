//! The card reader as a Web Worker loads it (wasm-bindgen, `--target web`): a `CardReader` that
//! keeps its buffers between frames and answers each frame with a flat `Float32Array`, 10 numbers
//! per card read: card number, option (0 = A … 3 = D), then the marker's corners x0, y0 … x3, y3
//! (printed top-left first, in frame pixels). Flat numbers keep the interface free of serde and
//! JS objects; `e2e/support/vision/worker.js` shows the unpacking.
//!
//! A frame of the wrong shape throws an `Error` whose message names the problem; nothing panics.

use aware_vision::{Detector, Frame, FrameError, frame::grey_from_rgba};
use wasm_bindgen::prelude::*;

/// Numbers per card in the answer.
pub const FIELDS: usize = 10;

#[wasm_bindgen]
pub struct CardReader {
    detector: Detector,
    grey: Vec<u8>,
}

impl Default for CardReader {
    fn default() -> Self {
        CardReader::new()
    }
}

#[wasm_bindgen]
impl CardReader {
    #[wasm_bindgen(constructor)]
    pub fn new() -> CardReader {
        CardReader { detector: Detector::new(), grey: Vec::new() }
    }

    /// Cards in a grey frame (one byte a pixel, row-major).
    pub fn read_grey(&mut self, pixels: &[u8], width: u32, height: u32) -> Result<Vec<f32>, JsError> {
        let frame = Frame::new(pixels, width as usize, height as usize).map_err(frame_error)?;
        Ok(flatten(&self.detector.detect(&frame)))
    }

    /// Cards in an RGBA frame, as a canvas's `getImageData` gives it.
    pub fn read_rgba(&mut self, rgba: &[u8], width: u32, height: u32) -> Result<Vec<f32>, JsError> {
        grey_from_rgba(rgba, width as usize, height as usize, &mut self.grey).map_err(frame_error)?;
        let frame = Frame::new(&self.grey, width as usize, height as usize).map_err(frame_error)?;
        Ok(flatten(&self.detector.detect(&frame)))
    }
}

fn flatten(reads: &[aware_vision::CardRead]) -> Vec<f32> {
    let mut out = Vec::with_capacity(reads.len() * FIELDS);
    for read in reads {
        out.push(f32::from(read.card.get()));
        out.push(read.option.index() as f32);
        for corner in read.corners {
            out.extend([corner.x, corner.y]);
        }
    }
    out
}

fn frame_error(error: FrameError) -> JsError {
    JsError::new(&match error {
        FrameError::Empty => "frame: empty".to_string(),
        FrameError::TooLarge { width, height } => format!("frame: {width}×{height} is too large"),
        FrameError::WrongLength { expected, actual } => format!("frame: {actual} bytes, expected {expected}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_card_read_is_ten_numbers_in_the_documented_order() {
        let read = aware_vision::CardRead {
            card: aware_vision::CardNumber::new(12).unwrap(),
            option: aware_vision::AnswerOption::C,
            corners: [(1.0, 2.0), (3.0, 4.0), (5.0, 6.0), (7.0, 8.0)].map(|(x, y)| aware_vision::Point::new(x, y)),
        };
        assert_eq!(flatten(&[read]), vec![12.0, 2.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]);
    }
}
