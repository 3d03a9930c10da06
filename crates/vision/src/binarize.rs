//! Adaptive threshold: a pixel is dark when it is clearly darker than the mean of the square
//! around it. Local, so a card in shadow and a card in sunlight are both split into ink and paper.

use crate::frame::Frame;

/// Half the side of the square whose mean a pixel is compared with: about a third of the
/// smallest marker's side, so the black border is always compared with paper around it.
pub const WINDOW_RADIUS: usize = 7;

/// How far below the local mean a pixel must be to count as dark (grey levels): above the
/// camera noise of a flat sheet of paper, below the contrast of ink on paper in dim light.
pub const DARK_OFFSET: u32 = 8;

/// Writes one byte a pixel into `dark` (1 dark, 0 light); `integral` is scratch space.
pub fn binarize(frame: &Frame, integral: &mut Vec<u32>, dark: &mut Vec<u8>) {
    let (w, h) = (frame.width(), frame.height());
    let pixels = frame.pixels();
    // Summed-area table with a zero first row and column: (w + 1) × (h + 1). The largest sum,
    // 255 × MAX_PIXELS, fits in u32.
    integral.clear();
    integral.resize((w + 1) * (h + 1), 0);
    for y in 0..h {
        let mut row_sum = 0u32;
        for x in 0..w {
            row_sum += u32::from(pixels[y * w + x]);
            integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row_sum;
        }
    }
    dark.clear();
    dark.resize(w * h, 0);
    let r = WINDOW_RADIUS;
    for y in 0..h {
        let (y0, y1) = (y.saturating_sub(r), (y + r + 1).min(h));
        let (top, bottom) = (&integral[y0 * (w + 1)..][..w + 1], &integral[y1 * (w + 1)..][..w + 1]);
        for x in 0..w {
            let (x0, x1) = (x.saturating_sub(r), (x + r + 1).min(w));
            let sum = bottom[x1] + top[x0] - bottom[x0] - top[x1];
            let count = ((x1 - x0) * (y1 - y0)) as u32;
            let p = u32::from(pixels[y * w + x]);
            dark[y * w + x] = u8::from((p + DARK_OFFSET) * count < sum);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ink_is_dark_and_paper_is_light_under_a_light_gradient() {
        // A frame lit four times brighter on the right, with a dark bar in the middle of each half.
        let (w, h) = (60, 20);
        let mut pixels = vec![0u8; w * h];
        for y in 0..h {
            for x in 0..w {
                let light = 0.25 + 0.75 * x as f32 / w as f32;
                let paper = if (8..12).contains(&y) && (x % 30 >= 10 && x % 30 < 20) { 0.15 } else { 0.9 };
                pixels[y * w + x] = (255.0 * light * paper) as u8;
            }
        }
        let frame = Frame::new(&pixels, w, h).unwrap();
        let (mut integral, mut dark) = (Vec::new(), Vec::new());
        binarize(&frame, &mut integral, &mut dark);
        for x in [12, 15, 42, 45] {
            assert_eq!(dark[10 * w + x], 1, "ink at x={x}");
        }
        for (x, y) in [(3, 10), (25, 10), (55, 10), (15, 2), (45, 17)] {
            assert_eq!(dark[y * w + x], 0, "paper at ({x}, {y})");
        }
    }

    #[test]
    fn a_flat_frame_has_no_dark_pixels() {
        let pixels = vec![90u8; 33 * 17];
        let frame = Frame::new(&pixels, 33, 17).unwrap();
        let (mut integral, mut dark) = (Vec::new(), Vec::new());
        binarize(&frame, &mut integral, &mut dark);
        assert!(dark.iter().all(|&d| d == 0));
    }
}
