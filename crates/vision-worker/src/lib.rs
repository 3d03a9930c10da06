//! The camera reader as a Web Worker loads it (wasm-bindgen, `--target web`): a `CardReader` that
//! keeps its buffers between frames and reads answer cards, result codes (QR), or both in one
//! frame. Answers are flat arrays, which keep the interface free of serde and JS objects;
//! `e2e/support/vision/worker.js` shows the unpacking:
//! - cards: a `Float32Array`, 10 numbers per card read: card number, option (0 = A … 3 = D), then
//!   the marker's corners x0, y0 … x3, y3 (printed top-left first, in frame pixels);
//! - codes: a `Uint8Array`, each code as its length (two bytes, little-endian) and its bytes,
//!   and a `Float32Array` of 8 numbers per code, its corners (top-left first).
//!
//! A frame of the wrong shape throws an `Error` whose message names the problem; nothing panics
//! (both readers are fuzzed: `fuzz/fuzz_targets/detect_markers.rs` and `read_qr.rs`).

use aware_qr::{CodeRead, Reader};
use aware_vision::{Detector, Frame, FrameError, frame::grey_from_rgba};
use wasm_bindgen::prelude::*;

/// Numbers per card in the answer.
pub const FIELDS: usize = 10;

/// Numbers per code in [`FrameRead::code_corners`].
pub const CODE_CORNER_FIELDS: usize = 8;

#[wasm_bindgen]
pub struct CardReader {
    detector: Detector,
    codes: Reader,
    grey: Vec<u8>,
}

/// What one frame showed: see the module documentation for the layouts.
#[wasm_bindgen]
pub struct FrameRead {
    cards: Vec<f32>,
    codes: Vec<u8>,
    code_corners: Vec<f32>,
}

#[wasm_bindgen]
impl FrameRead {
    #[wasm_bindgen(getter)]
    pub fn cards(&self) -> Vec<f32> {
        self.cards.clone()
    }

    #[wasm_bindgen(getter)]
    pub fn codes(&self) -> Vec<u8> {
        self.codes.clone()
    }

    #[wasm_bindgen(getter)]
    pub fn code_corners(&self) -> Vec<f32> {
        self.code_corners.clone()
    }
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
        CardReader { detector: Detector::new(), codes: Reader::new(), grey: Vec::new() }
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

    /// Cards, codes or both in a grey frame: one camera frame serves a poll and a scan.
    pub fn scan_grey(
        &mut self,
        pixels: &[u8],
        width: u32,
        height: u32,
        cards: bool,
        codes: bool,
    ) -> Result<FrameRead, JsError> {
        let frame = Frame::new(pixels, width as usize, height as usize).map_err(frame_error)?;
        Ok(scan(&mut self.detector, &mut self.codes, &frame, cards, codes))
    }

    /// [`Self::scan_grey`] for an RGBA frame (converted to grey once, for both readers).
    pub fn scan_rgba(
        &mut self,
        rgba: &[u8],
        width: u32,
        height: u32,
        cards: bool,
        codes: bool,
    ) -> Result<FrameRead, JsError> {
        grey_from_rgba(rgba, width as usize, height as usize, &mut self.grey).map_err(frame_error)?;
        let frame = Frame::new(&self.grey, width as usize, height as usize).map_err(frame_error)?;
        Ok(scan(&mut self.detector, &mut self.codes, &frame, cards, codes))
    }
}

fn scan(detector: &mut Detector, reader: &mut Reader, frame: &Frame, cards: bool, codes: bool) -> FrameRead {
    let cards = if cards { flatten(&detector.detect(frame)) } else { Vec::new() };
    let (codes, code_corners) = if codes { pack(&reader.read(frame)) } else { (Vec::new(), Vec::new()) };
    FrameRead { cards, codes, code_corners }
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

/// Codes as length-prefixed bytes, and their corners. A QR code holds at most 2,953 bytes, so
/// two bytes always hold a length.
fn pack(reads: &[CodeRead]) -> (Vec<u8>, Vec<f32>) {
    let mut bytes = Vec::new();
    let mut corners = Vec::with_capacity(reads.len() * CODE_CORNER_FIELDS);
    for read in reads {
        let length = u16::try_from(read.bytes.len()).unwrap_or(u16::MAX);
        bytes.extend(length.to_le_bytes());
        bytes.extend(&read.bytes[..usize::from(length)]);
        for corner in read.corners {
            corners.extend([corner.x, corner.y]);
        }
    }
    (bytes, corners)
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

    #[test]
    fn each_code_is_its_length_then_its_bytes_and_eight_corner_numbers() {
        let corners = [(1.0, 2.0), (3.0, 4.0), (5.0, 6.0), (7.0, 8.0)].map(|(x, y)| aware_vision::Point::new(x, y));
        let reads = [CodeRead { bytes: vec![9, 8, 7], corners }, CodeRead { bytes: vec![], corners }];
        let (bytes, numbers) = pack(&reads);
        assert_eq!(bytes, vec![3, 0, 9, 8, 7, 0, 0]);
        assert_eq!(numbers.len(), 2 * CODE_CORNER_FIELDS);
        assert_eq!(numbers[..8], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]);
    }

    #[test]
    fn one_frame_is_scanned_for_cards_and_codes_together() {
        let drawing = aware_qr::draw(b"result").unwrap();
        let px = 4;
        let side = drawing.side() * px;
        let grey: Vec<u8> =
            (0..side * side).map(|i| if drawing.is_dark(i % side / px, i / side / px) { 20 } else { 235 }).collect();
        let mut reader = CardReader::new();
        let both = reader.scan_grey(&grey, side as u32, side as u32, true, true).unwrap();
        assert_eq!(both.codes(), [&[6, 0][..], b"result"].concat());
        assert!(both.cards().is_empty());
        let rgba: Vec<u8> = grey.iter().flat_map(|&v| [v, v, v, 255]).collect();
        let cards_only = reader.scan_rgba(&rgba, side as u32, side as u32, true, false).unwrap();
        assert!(cards_only.codes().is_empty());
        assert_eq!(reader.scan_rgba(&rgba, side as u32, side as u32, false, true).unwrap().codes(), both.codes());
    }
}
