//! The detector on frames that are no camera picture: every shape of buffer and arbitrary bytes
//! from a seeded generator. It must answer (possibly with an error) without panicking, and never
//! report a card that is not there.

use aware_core::rng::SplitMix64;
use aware_vision::{Detector, Frame, FrameError, detect_cards};

fn check_refused(len: usize, width: usize, height: usize, expected: FrameError) {
    let pixels = vec![128u8; len];
    assert_eq!(detect_cards(&pixels, width, height).unwrap_err(), expected, "{len} bytes as {width}×{height}");
}

#[test]
fn frames_of_the_wrong_shape_are_refused_with_their_reason() {
    check_refused(0, 0, 0, FrameError::Empty);
    check_refused(10, 0, 10, FrameError::Empty);
    check_refused(10, 3, 3, FrameError::WrongLength { expected: 9, actual: 10 });
    check_refused(640 * 480 - 1, 640, 480, FrameError::WrongLength { expected: 640 * 480, actual: 640 * 480 - 1 });
    check_refused(16, usize::MAX, 2, FrameError::TooLarge { width: usize::MAX, height: 2 });
    check_refused(16, 1 << 15, 1 << 15, FrameError::TooLarge { width: 1 << 15, height: 1 << 15 });
    check_refused(16, 1, usize::MAX, FrameError::TooLarge { width: 1, height: usize::MAX });
}

#[test]
fn thin_and_tiny_frames_read_no_cards() {
    let mut rng = SplitMix64(1);
    let mut detector = Detector::new();
    for (width, height) in [(1, 1), (1, 480), (640, 1), (2, 2), (7, 7), (8, 300), (300, 8), (16384, 2)] {
        let pixels: Vec<u8> = (0..width * height).map(|_| rng.next_u64() as u8).collect();
        let frame = Frame::new(&pixels, width, height).unwrap();
        assert_eq!(detector.detect(&frame), vec![], "{width}×{height}");
    }
}

#[test]
fn arbitrary_bytes_read_no_cards() {
    let mut rng = SplitMix64(2);
    let mut detector = Detector::new();
    for round in 0..40 {
        let (width, height) = (1 + rng.below(400), 1 + rng.below(300));
        // Noise, blocks of noise (large dark and light regions), and stripes.
        let block = 1 + rng.below(12);
        let mut pixels = vec![0u8; width * height];
        for y in 0..height {
            for x in 0..width {
                let cell = ((y / block) * 7919 + x / block) as u64 ^ (round as u64) << 20;
                pixels[y * width + x] = match round % 3 {
                    0 => rng.next_u64() as u8,
                    1 => (SplitMix64(cell).next_u64() & 0xff) as u8 & 0xe0,
                    _ => {
                        if (x / block + y / block).is_multiple_of(2) {
                            20
                        } else {
                            230
                        }
                    }
                };
            }
        }
        let frame = Frame::new(&pixels, width, height).unwrap();
        assert_eq!(detector.detect(&frame), vec![], "round {round}: {width}×{height}");
    }
}

#[test]
fn the_largest_frame_accepted_is_read_in_bounded_time() {
    // 2048 × 2048 of checkerboard-like noise: the worst case for regions and outlines.
    let (width, height) = (2048, 2048);
    let mut rng = SplitMix64(3);
    let pixels: Vec<u8> = (0..width * height).map(|_| if rng.chance(0.5) { 0 } else { 255 }).collect();
    let frame = Frame::new(&pixels, width, height).unwrap();
    let start = std::time::Instant::now();
    assert_eq!(Detector::new().detect(&frame), vec![]);
    // Generous for a debug build on a busy machine; an unbounded search would take minutes.
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}
