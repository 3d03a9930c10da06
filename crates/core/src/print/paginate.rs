//! Page breaking: blocks of known heights placed on pages in order, never split.
//!
//! Each page takes as many of the next blocks as fit, with `gap` between two blocks on the same
//! page (none above the first block of a page). Filling each page as far as it goes uses the
//! fewest pages any in-order placement can: a page that stopped earlier would only push more
//! blocks onto the pages after it. The first page may have less room (a title above it).

use std::ops::Range;

/// A block taller than a whole page: it cannot be placed without being split.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TooTall {
    /// The block's index.
    pub block: usize,
    pub height: f32,
}

/// Room on the pages, in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Room {
    pub first_page: f32,
    pub other_pages: f32,
    /// Between two blocks on one page.
    pub gap: f32,
}

/// The blocks of each page, as ranges of indices into `heights`. No blocks, no pages.
pub fn paginate(heights: &[f32], room: Room) -> Result<Vec<Range<usize>>, TooTall> {
    let mut pages: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut used = 0.0;
    for (block, &height) in heights.iter().enumerate() {
        let capacity = if pages.is_empty() { room.first_page } else { room.other_pages };
        let needed = if block == start { height } else { used + room.gap + height };
        if needed <= capacity {
            used = needed;
            continue;
        }
        // A new page for this block: it must fit there alone.
        if height > room.other_pages {
            return Err(TooTall { block, height });
        }
        // (A block too tall for the first page, under its title, leaves that page to the title.)
        pages.push(start..block);
        start = block;
        used = height;
    }
    if start < heights.len() {
        pages.push(start..heights.len());
    }
    Ok(pages)
}
