//! Arbitrary frames into the card reader: the first two bytes choose the width (1 to 1024), the
//! rest are the pixels, as many whole rows as they make; the third byte, when odd, hands the frame
//! over one byte short instead. The reader must refuse or read without panicking, and the corners
//! it reports must be finite and near the frame.
#![no_main]

use aware_vision::{Detector, Frame};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let width = 1 + usize::from(u16::from_le_bytes([data[0], data[1]]) % 1024);
    let pixels = &data[3..];
    let height = pixels.len() / width;
    let pixels =
        if data[2] % 2 == 1 { &pixels[..(width * height).saturating_sub(1)] } else { &pixels[..width * height] };
    let Ok(frame) = Frame::new(pixels, width, height) else { return };
    for card in Detector::new().detect(&frame) {
        for corner in card.corners {
            assert!(corner.x.is_finite() && corner.y.is_finite());
            assert!(corner.x > -2.0 * width as f32 && corner.x < 3.0 * width as f32);
        }
    }
});
