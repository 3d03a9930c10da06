//! The reader on what it will meet: codes drawn by `draw` on synthetic phone screens, clean codes
//! of every version drawn here, and frames that are no picture at all.

use aware_core::rng::SplitMix64;
use aware_qr::draw::{MAX_BYTES, QUIET_ZONE};
use aware_qr::read::MAX_CODES;
use aware_qr::synth::{Options, phone};
use aware_qr::{Reader, draw};
use aware_vision::Frame;

/// A drawing as a screenshot: `px` pixels a module, dark 20 and light 235.
fn screenshot(bytes: &[u8], px: usize) -> (Vec<u8>, usize) {
    let drawing = draw(bytes).unwrap();
    let side = drawing.side() * px;
    let pixels =
        (0..side * side).map(|i| if drawing.is_dark(i % side / px, i / side / px) { 20 } else { 235 }).collect();
    (pixels, side)
}

#[test]
fn a_clean_code_of_every_version_reads_back_exactly() {
    let mut reader = Reader::new();
    for bytes in [0, 1, 26, 27, 62, 84, 106, 122, 152, 180, MAX_BYTES] {
        let payload: Vec<u8> = (0..bytes).map(|i| (i * 73 + 5) as u8).collect();
        let (pixels, side) = screenshot(&payload, 3);
        let reads = reader.read(&Frame::new(&pixels, side, side).unwrap());
        assert_eq!(reads.len(), 1, "{bytes} bytes");
        assert_eq!(reads[0].bytes, payload, "{bytes} bytes");
        // Corners: the code's, inside the quiet zone.
        let (first, last) = ((QUIET_ZONE * 3) as f32, (side - QUIET_ZONE * 3) as f32);
        for corner in reads[0].corners {
            assert!((first - 2.0..=last + 2.0).contains(&corner.x) && (first - 2.0..=last + 2.0).contains(&corner.y));
        }
    }
}

#[test]
fn codes_on_phone_screens_are_read_and_never_misread() {
    let mut reader = Reader::new();
    let (mut shown, mut read) = (0, 0);
    for seed in 0..80 {
        let mut rng = SplitMix64(seed);
        let payload: Vec<u8> = (0..[16, 56, 72][rng.below(3)]).map(|_| rng.next_u64() as u8).collect();
        let scene = phone(seed, &draw(&payload).unwrap(), &Options::default());
        let reads = reader.read(&Frame::new(&scene.pixels, scene.width, scene.height).unwrap());
        for code in &reads {
            assert_eq!(code.bytes, payload, "frame {seed}: a code that is not the one shown");
        }
        if scene.inside && scene.module_px >= 3.0 {
            shown += 1;
            read += usize::from(!reads.is_empty());
        }
    }
    // The benchmark (`scripts/bench.sh qr`) measures this on 1,000 frames: about 94 %.
    assert!(shown >= 50, "only {shown} frames with whole codes of 3-pixel modules");
    assert!(read * 100 >= shown * 85, "{read} of {shown} codes read in one frame");
}

#[test]
fn arbitrary_and_degenerate_frames_read_nothing_without_a_panic() {
    let mut rng = SplitMix64(7);
    let mut reader = Reader::new();
    for (width, height) in [(1, 1), (1, 480), (640, 1), (2, 2), (21, 21), (640, 480)] {
        for fill in [0u8, 255] {
            let pixels = vec![fill; width * height];
            assert_eq!(reader.read(&Frame::new(&pixels, width, height).unwrap()), vec![]);
        }
        let noise: Vec<u8> = (0..width * height).map(|_| rng.next_u64() as u8).collect();
        assert!(reader.read(&Frame::new(&noise, width, height).unwrap()).len() <= MAX_CODES);
    }
    // Nine codes in one frame (27 finder patterns: quircs looks at 32): MAX_CODES are decoded.
    let (tile, side) = screenshot(b"aware", 3);
    let (columns, rows) = (3, 3);
    let width = side * columns;
    let mut pixels = vec![235u8; width * side * rows];
    for index in 0..columns * rows {
        let (cx, cy) = (index % columns * side, index / columns * side);
        for y in 0..side {
            pixels[(cy + y) * width + cx..(cy + y) * width + cx + side]
                .copy_from_slice(&tile[y * side..(y + 1) * side]);
        }
    }
    let reads = reader.read(&Frame::new(&pixels, width, side * rows).unwrap());
    assert_eq!(reads.len(), MAX_CODES);
}
