//! Reads printed answer cards in camera frames: each student's card shows one AprilTag marker per
//! option, and the marker's identity says the card's number and the option (never the way the card
//! is held). Pure Rust, no I/O and no browser: the web worker (`crates/vision-worker`) and the
//! tests call the same `Detector`.
//!
//! The pipeline, one module a stage: `binarize` (adaptive threshold) → `components` (dark regions)
//! → `contour` (each region's outline) → `quad` (outlines that are quadrilaterals, refined on the
//! grey levels) → `decode` (cells through the projective map, border check, match in `family`)
//! → `card` (marker id to card and option). `layout` is the printable card and a class's set of
//! them; `poll` turns a poll's reads into counts (the last answer of each card); `synth` (feature
//! `synth`) renders classrooms for the benchmark and the tests; `fuzzing` (feature `fuzzing`) is
//! the property the reader's fuzz target checks.
//!
//! Every input is safe: frames are checked by `Frame::new` (size and length), every buffer is
//! sized by the frame (at most `frame::MAX_PIXELS`), and every loop is bounded by the frame's size
//! or a constant, so any bytes finish in bounded time without a panic.

pub mod binarize;
pub mod card;
pub mod components;
pub mod contour;
pub mod decode;
pub mod family;
pub mod frame;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod geometry;
pub mod layout;
pub mod poll;
pub mod quad;
#[cfg(feature = "synth")]
pub mod synth;

pub use card::{AnswerOption, CardNumber, MAX_CARDS, Panel};
pub use decode::MarkerRead;
pub use family::{CARD_FAMILY, Family};
pub use frame::{Frame, FrameError};
pub use geometry::Point;

use components::{Component, Components};

/// The most dark regions examined in one frame. A classroom frame has a few hundred of the right
/// size; a frame of noise may have tens of thousands, and is not worth more time.
pub const MAX_CANDIDATES: usize = 3000;

/// A card read in a frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardRead {
    pub card: CardNumber,
    pub option: AnswerOption,
    /// The marker's corners in the frame (pixels, x right, y down): its printed top-left,
    /// top-right, bottom-right and bottom-left.
    pub corners: [Point; 4],
}

/// Finds markers in frames. Keeps its scratch buffers between frames, so a worker reading a
/// camera stream allocates only when the frame size grows.
#[derive(Debug)]
pub struct Detector {
    family: &'static Family,
    integral: Vec<u32>,
    dark: Vec<u8>,
    components: Components,
    regions: Vec<Component>,
    outline: Vec<(i32, i32)>,
}

impl Default for Detector {
    fn default() -> Self {
        Detector::new()
    }
}

impl Detector {
    /// A detector for the printed cards' family.
    pub fn new() -> Self {
        Detector::for_family(CARD_FAMILY)
    }

    /// A detector for another family (the benchmark compares families).
    pub fn for_family(family: &'static Family) -> Self {
        Detector {
            family,
            integral: Vec::new(),
            dark: Vec::new(),
            components: Components::default(),
            regions: Vec::new(),
            outline: Vec::new(),
        }
    }

    /// The cards in `frame`, each card and option once. A card seen with two options in one frame
    /// (two panels showing) is reported with both; the caller decides what that means.
    pub fn detect(&mut self, frame: &Frame) -> Vec<CardRead> {
        self.markers(frame)
            .into_iter()
            .filter_map(|m| {
                let panel = Panel::from_marker_id(m.id)?;
                Some(CardRead { card: panel.card, option: panel.option, corners: m.corners })
            })
            .collect()
    }

    /// The refined quadrilaterals that the decoder is given (for the benchmark's diagnostics).
    #[doc(hidden)]
    pub fn quads(&mut self, frame: &Frame) -> Vec<quad::Quad> {
        let (w, h) = (frame.width(), frame.height());
        binarize::binarize(frame, &mut self.integral, &mut self.dark);
        self.components.find(&self.dark, w, h, quad::MIN_SIDE as usize, w.min(h), &mut self.regions);
        let mut out = Vec::new();
        for region in self.regions.iter().take(MAX_CANDIDATES) {
            let max_steps = 4 * (region.width() + region.height()) + 16;
            if contour::trace(&self.dark, w, h, region, max_steps, &mut self.outline)
                && let Some(rough) = quad::fit_quad(&self.outline)
            {
                out.push(quad::refine(frame, &rough).unwrap_or(rough));
            }
        }
        out
    }

    /// Every marker of the family in `frame`, each id once (the read with the fewest wrong cells).
    pub fn markers(&mut self, frame: &Frame) -> Vec<MarkerRead> {
        let (w, h) = (frame.width(), frame.height());
        binarize::binarize(frame, &mut self.integral, &mut self.dark);
        let min_side = quad::MIN_SIDE as usize;
        self.components.find(&self.dark, w, h, min_side, w.min(h), &mut self.regions);
        let mut found: Vec<MarkerRead> = Vec::new();
        for region in self.regions.iter().take(MAX_CANDIDATES) {
            // A marker's black square fills a good part of its bounding box, even tilted.
            if region.area * 4 < region.width() * region.height() {
                continue;
            }
            let max_steps = 4 * (region.width() + region.height()) + 16;
            if !contour::trace(&self.dark, w, h, region, max_steps, &mut self.outline) {
                continue;
            }
            let Some(rough) = quad::fit_quad(&self.outline) else { continue };
            let Some(refined) = quad::refine(frame, &rough) else { continue };
            let Some(read) = decode::read_marker(frame, &refined, self.family) else { continue };
            match found.iter_mut().find(|f| f.id == read.id) {
                Some(f) if f.errors > read.errors => *f = read,
                Some(_) => {}
                None => found.push(read),
            }
        }
        found
    }
}

/// Reads the cards in one frame of `width × height` grey bytes; a frame of the wrong shape is
/// refused with its reason.
pub fn detect_cards(pixels: &[u8], width: usize, height: usize) -> Result<Vec<CardRead>, FrameError> {
    Ok(Detector::new().detect(&Frame::new(pixels, width, height)?))
}
