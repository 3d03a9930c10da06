//! The reader's properties on any frame, as one check function: the fuzz target
//! `fuzz/fuzz_targets/read_qr.rs` calls [`read_qr`] with libFuzzer's input, and
//! `crates/core/tests/fuzz_corpus.rs` replays `fuzz/corpus/read_qr/` (and mutations of it) through
//! it on stable Rust, with every other target ([`TARGETS`], in the form of `aware_core::fuzzing`).
//!
//! Random bytes almost never contain a finder pattern, so half the inputs are built around a real
//! code: the input's first byte chooses the kind.
//! - Even: an arbitrary frame. The next two bytes choose the width (1 to 1024), the rest are the
//!   pixels, as many whole rows as they make.
//! - Odd: a drawn code. The next byte is the payload's length (at most 213), then the payload, a
//!   byte for the module size (1 to 6 pixels), then pairs of bytes, each flipping one module of
//!   the code (its index modulo the module count): damage for the reader's grid fitting, format
//!   and version decoding and error correction to meet.
//!
//! Properties: the reader never panics (the worker would die); a code's corners are finite and
//! near the frame; at most [`MAX_CODES`] codes; and an undamaged code with modules of 3 pixels or
//! more reads back exactly.

use aware_core::fuzzing::Target;
use aware_vision::Frame;

use crate::draw::{MAX_BYTES, draw};
use crate::read::{MAX_CODES, Reader};

/// The QR reader's targets, for the corpus replay test.
pub const TARGETS: &[Target] = &[Target { name: "read_qr", check: read_qr }];

pub fn read_qr(data: &[u8]) {
    let Some((&kind, rest)) = data.split_first() else { return };
    if kind % 2 == 0 {
        arbitrary_frame(rest);
    } else {
        drawn_code(rest);
    }
}

fn arbitrary_frame(data: &[u8]) {
    let [low, high, pixels @ ..] = data else { return };
    let width = 1 + usize::from(u16::from_le_bytes([*low, *high]) % 1024);
    let height = pixels.len() / width;
    let Ok(frame) = Frame::new(&pixels[..width * height], width, height) else { return };
    check_reads(&frame);
}

fn drawn_code(data: &[u8]) {
    let [length, rest @ ..] = data else { return };
    let length = usize::from(*length).min(MAX_BYTES).min(rest.len());
    let (payload, rest) = rest.split_at(length);
    let (module_px, flips) = match rest.split_first() {
        Some((&byte, flips)) => (1 + usize::from(byte % 6), flips),
        None => (4, &[][..]),
    };
    let drawing = draw(payload).expect("at most MAX_BYTES always draws");
    let side = drawing.side();
    let mut dark: Vec<bool> = (0..side * side).map(|i| drawing.is_dark(i % side, i / side)).collect();
    for pair in flips.chunks_exact(2) {
        let index = usize::from(u16::from_le_bytes([pair[0], pair[1]])) % dark.len();
        dark[index] = !dark[index];
    }
    let px = side * module_px;
    let pixels: Vec<u8> =
        (0..px * px).map(|i| if dark[(i / px / module_px) * side + (i % px) / module_px] { 20 } else { 235 }).collect();
    let frame = Frame::new(&pixels, px, px).expect("a drawn code is a small frame");
    let reads = check_reads(&frame);
    if flips.len() < 2 && module_px >= 3 {
        assert_eq!(reads.len(), 1, "an undamaged code of {module_px}-pixel modules is read once");
        assert_eq!(reads[0], payload, "an undamaged code reads back exactly");
    }
}

fn check_reads(frame: &Frame) -> Vec<Vec<u8>> {
    let reads = Reader::new().read(frame);
    assert!(reads.len() <= MAX_CODES);
    let (w, h) = (frame.width() as f32, frame.height() as f32);
    for read in &reads {
        for corner in read.corners {
            assert!(corner.x.is_finite() && corner.y.is_finite());
            assert!(corner.x > -2.0 * w && corner.x < 3.0 * w && corner.y > -2.0 * h && corner.y < 3.0 * h);
        }
    }
    reads.into_iter().map(|read| read.bytes).collect()
}
