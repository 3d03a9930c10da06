//! Printable pages, pure: paper sizes, how wide printed text is (conservatively) and where its
//! lines break, the page-breaking rule, and the classroom worksheet with its answer key.
//!
//! **Why the layout breaks lines itself.** A printout must come out with a known number of pages
//! and no question cut in two. Letting the browser flow text would make the page count depend on
//! the fonts installed; measuring the rendered heights in the browser would need a render,
//! measure and re-render pass in the app, and would still differ between the screen and the
//! printer. Instead, [`text::wrap`] breaks every line at a width computed from an upper bound
//! of each character's width (DejaVu Sans, wider than the other common sans-serif fonts), and
//! the app prints each line as its own line (an SVG `<text>`, or a `nowrap` line). A block's
//! height is then exactly its number of lines times the line height, whatever font the device
//! has; [`paginate::paginate`] places whole blocks on pages. A font wider than the bound could
//! only run into the right margin, never onto another page. The cost is a little ragged right
//! edge: lines break a few characters early.
//!
//! All lengths are millimetres, from the page's top-left corner.

pub mod paginate;
pub mod text;
mod widths;
pub mod worksheet;

/// The fonts printed text is set in, for the SVG `font-family` attribute: DejaVu Sans first,
/// whose widths [`text`] bounds, then narrower ones.
pub const FONT_FAMILY: &str = "'DejaVu Sans', 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

/// The paper a teacher prints on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Paper {
    /// 210 × 297 mm, everywhere but North America.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

/// A page's size in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub width: f32,
    pub height: f32,
}

impl Paper {
    pub const ALL: [Paper; 2] = [Paper::A4, Paper::Letter];

    pub fn size(self) -> Size {
        match self {
            Paper::A4 => Size { width: 210.0, height: 297.0 },
            Paper::Letter => Size { width: 215.9, height: 279.4 },
        }
    }

    /// The name CSS's `@page { size: … }` takes.
    pub fn css_name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}
