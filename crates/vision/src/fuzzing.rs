//! The property the card reader's fuzz target (`fuzz/fuzz_targets/detect_markers.rs`) checks,
//! in the form of `aware_core::fuzzing`, so that `crates/core/tests/fuzz_corpus.rs` replays
//! `fuzz/corpus/detect_markers/` with the decoders' corpora on stable Rust.
//!
//! Only built with the `fuzzing` feature.

use aware_core::fuzzing::Target;

use crate::{Detector, Frame};

/// The reader's targets, for the corpus replay test.
pub const TARGETS: &[Target] = &[Target { name: "detect_markers", check: detect_markers }];

/// Arbitrary bytes as a grey frame: the first two bytes choose the width (1 to 1024), the rest
/// are the pixels, as many whole rows as they make; the third byte, when odd, hands the frame
/// over one byte short instead. The reader must refuse or read without panicking, and the
/// corners it reports must be finite and near the frame.
pub fn detect_markers(bytes: &[u8]) {
    if bytes.len() < 4 {
        return;
    }
    let width = 1 + usize::from(u16::from_le_bytes([bytes[0], bytes[1]]) % 1024);
    let pixels = &bytes[3..];
    let height = pixels.len() / width;
    let pixels =
        if bytes[2] % 2 == 1 { &pixels[..(width * height).saturating_sub(1)] } else { &pixels[..width * height] };
    let Ok(frame) = Frame::new(pixels, width, height) else { return };
    for card in Detector::new().detect(&frame) {
        for corner in card.corners {
            assert!(corner.x.is_finite() && corner.y.is_finite(), "a corner is a number");
            assert!(corner.x > -2.0 * width as f32 && corner.x < 3.0 * width as f32, "a corner is near the frame");
        }
    }
}
