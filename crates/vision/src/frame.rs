//! A grey camera frame as the detector accepts it: checked once, so no later stage can index
//! outside it or be handed more pixels than its buffers are meant to hold.

/// The largest frame the detector reads: 4 megapixels (2560×1600, or 2048×2048). A camera frame
/// for the poll is 640×480; anything larger is refused rather than allocated for.
pub const MAX_PIXELS: usize = 1 << 22;

/// The widest or tallest frame accepted (so width × height cannot overflow anywhere).
pub const MAX_SIDE: usize = 1 << 14;

/// An 8-bit grey image, row-major, `width × height` bytes.
#[derive(Debug, Clone, Copy)]
pub struct Frame<'a> {
    pixels: &'a [u8],
    width: usize,
    height: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameError {
    /// Width or height is 0.
    Empty,
    /// More than `MAX_PIXELS` pixels, or a side above `MAX_SIDE`.
    TooLarge { width: usize, height: usize },
    /// The buffer does not hold exactly `width × height` bytes.
    WrongLength { expected: usize, actual: usize },
}

impl<'a> Frame<'a> {
    pub fn new(pixels: &'a [u8], width: usize, height: usize) -> Result<Self, FrameError> {
        check_size(width, height)?;
        let expected = width * height;
        if pixels.len() != expected {
            return Err(FrameError::WrongLength { expected, actual: pixels.len() });
        }
        Ok(Frame { pixels, width, height })
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn height(&self) -> usize {
        self.height
    }

    pub fn pixels(&self) -> &'a [u8] {
        self.pixels
    }

    /// The grey level at a point between pixel centres (pixel (x, y) has its centre at
    /// (x + 0.5, y + 0.5)), interpolated bilinearly; `None` outside the frame or for NaN.
    pub fn sample(&self, x: f32, y: f32) -> Option<f32> {
        let (fx, fy) = (x - 0.5, y - 0.5);
        // Written so that NaN fails the test too.
        if !(fx >= 0.0 && fy >= 0.0 && fx <= (self.width - 1) as f32 && fy <= (self.height - 1) as f32) {
            return None;
        }
        let (x0, y0) = (fx as usize, fy as usize);
        let (x1, y1) = ((x0 + 1).min(self.width - 1), (y0 + 1).min(self.height - 1));
        let (ax, ay) = (fx - x0 as f32, fy - y0 as f32);
        let at = |x: usize, y: usize| f32::from(self.pixels[y * self.width + x]);
        let top = at(x0, y0) + (at(x1, y0) - at(x0, y0)) * ax;
        let bottom = at(x0, y1) + (at(x1, y1) - at(x0, y1)) * ax;
        Some(top + (bottom - top) * ay)
    }
}

fn check_size(width: usize, height: usize) -> Result<(), FrameError> {
    if width == 0 || height == 0 {
        return Err(FrameError::Empty);
    }
    if width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS {
        return Err(FrameError::TooLarge { width, height });
    }
    Ok(())
}

/// Converts an RGBA frame (a canvas's `getImageData`) to grey into `grey`, with the Rec. 601
/// weights in integers (0.299 R + 0.587 G + 0.114 B); refuses a frame of the wrong shape.
pub fn grey_from_rgba(rgba: &[u8], width: usize, height: usize, grey: &mut Vec<u8>) -> Result<(), FrameError> {
    check_size(width, height)?;
    let expected = width * height * 4;
    if rgba.len() != expected {
        return Err(FrameError::WrongLength { expected, actual: rgba.len() });
    }
    grey.clear();
    grey.extend(
        rgba.chunks_exact(4)
            .map(|p| ((77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2]) + 128) >> 8) as u8),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rgba_becomes_grey_and_the_wrong_shape_is_refused() {
        let mut grey = Vec::new();
        let rgba = [255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255, 0, 255, 0, 0];
        assert_eq!(grey_from_rgba(&rgba, 2, 2, &mut grey), Ok(()));
        assert_eq!(grey, vec![255, 0, 77, 149]);
        assert_eq!(grey_from_rgba(&rgba, 3, 2, &mut grey), Err(FrameError::WrongLength { expected: 24, actual: 16 }));
        assert_eq!(grey_from_rgba(&rgba, 0, 2, &mut grey), Err(FrameError::Empty));
        assert_eq!(
            grey_from_rgba(&rgba, 1 << 15, 1, &mut grey),
            Err(FrameError::TooLarge { width: 1 << 15, height: 1 })
        );
    }

    fn check(width: usize, height: usize, len: usize, expected: Result<(), FrameError>) {
        let pixels = vec![0; len];
        assert_eq!(Frame::new(&pixels, width, height).map(|_| ()), expected, "{width}×{height}, {len} bytes");
    }

    #[test]
    fn frames_of_the_wrong_shape_are_refused() {
        check(640, 480, 640 * 480, Ok(()));
        check(1, 7, 7, Ok(()));
        check(0, 0, 0, Err(FrameError::Empty));
        check(0, 10, 0, Err(FrameError::Empty));
        check(640, 480, 640 * 480 - 1, Err(FrameError::WrongLength { expected: 640 * 480, actual: 640 * 480 - 1 }));
        check(4, 4, 17, Err(FrameError::WrongLength { expected: 16, actual: 17 }));
        check(1 << 20, 1, 16, Err(FrameError::TooLarge { width: 1 << 20, height: 1 }));
        check(4096, 4096, 16, Err(FrameError::TooLarge { width: 4096, height: 4096 }));
        check(usize::MAX, usize::MAX, 0, Err(FrameError::TooLarge { width: usize::MAX, height: usize::MAX }));
    }

    #[test]
    fn sampling_interpolates_between_pixel_centres_and_refuses_outside() {
        let pixels = [0, 100, 200, 100];
        let frame = Frame::new(&pixels, 2, 2).unwrap();
        assert_eq!(frame.sample(0.5, 0.5), Some(0.0));
        assert_eq!(frame.sample(1.0, 0.5), Some(50.0));
        assert_eq!(frame.sample(1.0, 1.0), Some(100.0));
        assert_eq!(frame.sample(1.5, 1.5), Some(100.0));
        assert_eq!(frame.sample(0.4, 1.0), None);
        assert_eq!(frame.sample(1.6, 1.0), None);
        assert_eq!(frame.sample(f32::NAN, 1.0), None);
        assert_eq!(frame.sample(f32::INFINITY, 1.0), None);
    }
}
