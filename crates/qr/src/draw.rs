//! Draws a result code's bytes as a QR code for a phone screen.
//!
//! Byte mode, the smallest version from [`MIN_VERSION`] that holds the bytes, never above
//! [`MAX_VERSION`]; error
//! correction M, raised to Q or H when the same version still holds the bytes (more damage
//! survived at no cost in size); the mask chosen by the standard's penalty rules. VotingWorks
//! lowered H to M for screen-to-camera codes so the modules stay large: a phone camera reads a
//! version-10 code at M from a phone screen, and Aware's codes are version 4 or 5 (see
//! `aware_core::result_code`).
//!
//! The app draws a [`Drawing`] as inline SVG: `viewBox` from [`Drawing::view_box`], one `<path>`
//! with `d` from [`Drawing::path`], colours from classes in the stylesheet (no `style` attribute,
//! no `data:` URL: the Content-Security-Policy forbids both). The view box includes a quiet zone
//! of [`QUIET_ZONE`] light modules on every side, wider than the standard's 4: a screen's edge,
//! a notch or the app's own frame must not touch the code.

use qrcodegen::{DataTooLong, QrCode, QrCodeEcc, QrSegment, Version};

/// The smallest version drawn: 25 modules across. Version 1 has no alignment pattern, so a
/// reader must guess the fourth corner from the finder patterns; measured on synthetic frames,
/// quircs missed a 5-pixel-module version-1 code at 16 of 72 angles, a version-2 code at 3.
pub const MIN_VERSION: u8 = 2;

/// The largest version drawn: 57 modules across, 213 bytes at error correction M.
pub const MAX_VERSION: u8 = 10;

/// The most bytes a version-10 code holds at error correction M (byte mode).
pub const MAX_BYTES: usize = 213;

/// Light modules around the code, on every side.
pub const QUIET_ZONE: usize = 6;

/// A QR code as modules: the code itself, without its quiet zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawing {
    version: u8,
    /// Modules across the code (21 for version 1, 4 more for each version above).
    size: usize,
    /// Row-major, `size × size`: whether each module is dark.
    dark: Vec<bool>,
}

/// Why bytes cannot be drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrawError {
    /// More than [`MAX_BYTES`]: the code would need a version above [`MAX_VERSION`].
    TooLong { bytes: usize, max: usize },
}

/// The QR code of `bytes`; see the module documentation.
pub fn draw(bytes: &[u8]) -> Result<Drawing, DrawError> {
    let too_long = DrawError::TooLong { bytes: bytes.len(), max: MAX_BYTES };
    if bytes.len() > MAX_BYTES {
        return Err(too_long);
    }
    let segments = [QrSegment::make_bytes(bytes)];
    let code = QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Medium,
        Version::new(MIN_VERSION),
        Version::new(MAX_VERSION),
        None,
        true,
    )
    .map_err(|_: DataTooLong| too_long)?;
    let size = usize::try_from(code.size()).unwrap_or(0);
    let mut dark = Vec::with_capacity(size * size);
    for y in 0..code.size() {
        for x in 0..code.size() {
            dark.push(code.get_module(x, y));
        }
    }
    Ok(Drawing { version: code.version().value(), size, dark })
}

impl Drawing {
    pub fn version(&self) -> u8 {
        self.version
    }

    /// Modules across the code, without the quiet zone.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Modules across the whole drawing, quiet zone included: the view box's width and height.
    pub fn side(&self) -> usize {
        self.size + 2 * QUIET_ZONE
    }

    /// Whether the module at column `x`, row `y` of the whole drawing (quiet zone included,
    /// `0..side()`) is dark; outside the code it is light.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        let (Some(x), Some(y)) = (x.checked_sub(QUIET_ZONE), y.checked_sub(QUIET_ZONE)) else { return false };
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }

    /// `0 0 side side`: one unit a module.
    pub fn view_box(&self) -> String {
        format!("0 0 {0} {0}", self.side())
    }

    /// SVG path data of the dark modules, in view-box units: one rectangle for each horizontal
    /// run of dark modules (`M x y h w v1 h-w z`), so a version-4 code is about 2 KB of text.
    pub fn path(&self) -> String {
        let mut path = String::with_capacity(self.size * self.size);
        for y in 0..self.size {
            let row = &self.dark[y * self.size..(y + 1) * self.size];
            let mut x = 0;
            while x < self.size {
                if !row[x] {
                    x += 1;
                    continue;
                }
                let run = row[x..].iter().take_while(|&&dark| dark).count();
                path.push_str(&format!("M{} {}h{run}v1h-{run}z", x + QUIET_ZONE, y + QUIET_ZONE));
                x += run;
            }
        }
        path
    }
}

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DrawError::TooLong { bytes, max } => write!(f, "{bytes} bytes do not fit a QR code of at most {max} bytes"),
        }
    }
}

impl std::error::Error for DrawError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_smallest_version_from_two_that_holds_the_bytes_is_drawn_up_to_ten() {
        // Byte-mode capacities at error correction M (ISO/IEC 18004, table 7).
        for (bytes, version) in [(0, 2), (14, 2), (26, 2), (27, 3), (62, 4), (63, 5), (106, 6), (213, 10)] {
            let drawing = draw(&vec![0xA5; bytes]).unwrap();
            assert_eq!(drawing.version(), version, "{bytes} bytes");
            assert_eq!(drawing.size(), 17 + 4 * usize::from(version));
        }
        assert_eq!(draw(&[0; 214]), Err(DrawError::TooLong { bytes: 214, max: 213 }));
    }

    #[test]
    fn the_path_covers_exactly_the_dark_modules_inside_the_quiet_zone() {
        let drawing = draw(b"aware").unwrap();
        let side = drawing.side();
        let mut painted = vec![false; side * side];
        // Replay the path's rectangles.
        for command in drawing.path().split('M').filter(|c| !c.is_empty()) {
            let (start, rest) = command.split_once('h').unwrap();
            let (x, y) = start.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let run: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            assert_eq!(rest, format!("{run}v1h-{run}z"));
            for dx in 0..run {
                assert!(!painted[y * side + x + dx], "({}, {y}) painted twice", x + dx);
                painted[y * side + x + dx] = true;
            }
        }
        for y in 0..side {
            for x in 0..side {
                assert_eq!(painted[y * side + x], drawing.is_dark(x, y), "module ({x}, {y})");
                let in_quiet_zone =
                    x < QUIET_ZONE || y < QUIET_ZONE || x >= side - QUIET_ZONE || y >= side - QUIET_ZONE;
                if in_quiet_zone {
                    assert!(!drawing.is_dark(x, y), "({x}, {y}) is in the quiet zone");
                }
            }
        }
        // The finder pattern's top-left corner module is dark.
        assert!(drawing.is_dark(QUIET_ZONE, QUIET_ZONE));
        assert_eq!(drawing.view_box(), format!("0 0 {side} {side}"));
    }
}
