//! Reading a marker inside a quadrilateral: the grey level of every cell (and of the white margin
//! around the marker) through the projective map, a threshold halfway between the black border
//! and the white margin, the border check, and the match against the family.

use crate::family::Family;
use crate::frame::Frame;
use crate::geometry::{Homography, Point};
use crate::quad::Quad;

/// The most border cells that may read white (a glint, a speck of dirt).
pub const MAX_BORDER_ERRORS: u32 = 3;

/// The least difference between the white margin and the black border (grey levels) for a read:
/// below it, a cell's colour is a guess.
pub const MIN_CONTRAST: f32 = 24.0;

/// The largest marker family's cells along a side with the margin: 6 data + 2 border + 2 margin.
const MAX_GRID: usize = 10;

/// A marker read from the frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkerRead {
    /// Index in the family.
    pub id: usize,
    /// The marker's corners in the frame: its reference top-left, top-right, bottom-right,
    /// bottom-left (as the marker is printed upright, whichever way it is held).
    pub corners: [Point; 4],
    /// Cells read wrong, data and border together.
    pub errors: u32,
}

/// Reads the marker whose black square is `quad` (clockwise); `None` unless it is clearly one.
pub fn read_marker(frame: &Frame, quad: &Quad, family: &Family) -> Option<MarkerRead> {
    let h = Homography::square_to_quad(quad)?;
    let cells = family.cells();
    let grid = cells + 2;
    if grid > MAX_GRID {
        return None;
    }
    // Mean grey of each cell of the marker and its margin; row and column 0 are the margin.
    let mut value = [[f32::NAN; MAX_GRID]; MAX_GRID];
    for (row, values) in value.iter_mut().enumerate().take(grid) {
        for (col, v) in values.iter_mut().enumerate().take(grid) {
            *v = cell_mean(frame, &h, cells, row as f32 - 1.0, col as f32 - 1.0).unwrap_or(f32::NAN);
        }
    }
    let is_margin = |row: usize, col: usize| row == 0 || col == 0 || row == grid - 1 || col == grid - 1;
    let is_border =
        |row: usize, col: usize| !is_margin(row, col) && (row == 1 || col == 1 || row == cells || col == cells);
    let mut margin = [0.0f32; 4 * MAX_GRID];
    let mut border = [0.0f32; 4 * MAX_GRID];
    let (mut margins, mut borders) = (0, 0);
    for (row, values) in value.iter().enumerate().take(grid) {
        for (col, &v) in values.iter().enumerate().take(grid) {
            if is_margin(row, col) {
                if v.is_finite() {
                    margin[margins] = v;
                    margins += 1;
                }
            } else if is_border(row, col) {
                // The whole marker must be inside the frame.
                if !v.is_finite() {
                    return None;
                }
                border[borders] = v;
                borders += 1;
            }
        }
    }
    // At least half the margin in the frame, to know what white is here.
    if margins < 2 * cells {
        return None;
    }
    let white = median(&mut margin[..margins]);
    let black = median(&mut border[..borders]);
    if white - black < MIN_CONTRAST {
        return None;
    }
    let threshold = (white + black) / 2.0;
    let border_errors = border[..borders].iter().filter(|&&v| v > threshold).count() as u32;
    if border_errors > MAX_BORDER_ERRORS {
        return None;
    }
    let mut code = 0u64;
    for row in 0..family.side {
        for col in 0..family.side {
            let v = value[row + 2][col + 2];
            if !v.is_finite() {
                return None;
            }
            code = (code << 1) | u64::from(v > threshold);
        }
    }
    let found = family.best_match(code)?;
    let corners = std::array::from_fn(|k| quad[(k + found.rotation) % 4]);
    Some(MarkerRead { id: found.id, corners, errors: found.errors + border_errors })
}

/// The mean grey level near the centre of cell (row, col) of a marker `cells` cells wide (row
/// and column -1 and `cells` are the margin outside it).
fn cell_mean(frame: &Frame, h: &Homography, cells: usize, row: f32, col: f32) -> Option<f32> {
    // The centre and four points a fifth of a cell from it: small markers have cells of two
    // pixels, so stay well inside the cell.
    const OFFSETS: [(f32, f32); 5] = [(0.0, 0.0), (-0.2, -0.2), (0.2, -0.2), (0.2, 0.2), (-0.2, 0.2)];
    let n = cells as f32;
    let mut sum = 0.0;
    for (du, dv) in OFFSETS {
        let p = h.map((col + 0.5 + du) / n, (row + 0.5 + dv) / n)?;
        sum += frame.sample(p.x, p.y)?;
    }
    Some(sum / OFFSETS.len() as f32)
}

fn median(values: &mut [f32]) -> f32 {
    values.sort_unstable_by(f32::total_cmp);
    values[values.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::APRILTAG_36H11;

    /// A frame with marker `id` drawn axis-aligned, `cell` pixels a cell, at (left, top), turned
    /// `turns` quarter turns clockwise, on white paper.
    fn drawn(id: usize, turns: usize, cell: usize, left: usize, top: usize) -> (Vec<u8>, usize, usize) {
        let family = &APRILTAG_36H11;
        let mut code = family.code(id).unwrap();
        for _ in 0..turns {
            code = crate::family::rotate_clockwise(code, family.side);
        }
        let (w, h) = (left * 2 + 8 * cell, top * 2 + 8 * cell);
        let mut pixels = vec![230u8; w * h];
        for y in 0..8 * cell {
            for x in 0..8 * cell {
                let (row, col) = (y / cell, x / cell);
                let white = (1..7).contains(&row)
                    && (1..7).contains(&col)
                    && (code >> (35 - ((row - 1) * 6 + col - 1))) & 1 == 1;
                pixels[(top + y) * w + left + x] = if white { 230 } else { 25 };
            }
        }
        (pixels, w, h)
    }

    fn square(left: f32, top: f32, side: f32) -> Quad {
        [
            Point::new(left, top),
            Point::new(left + side, top),
            Point::new(left + side, top + side),
            Point::new(left, top + side),
        ]
    }

    #[test]
    fn a_drawn_marker_reads_as_its_id_with_its_top_left_corner_first() {
        for turns in 0..4 {
            let (pixels, w, h) = drawn(42, turns, 4, 10, 10);
            let frame = Frame::new(&pixels, w, h).unwrap();
            let read = read_marker(&frame, &square(10.0, 10.0, 32.0), &APRILTAG_36H11).unwrap();
            assert_eq!((read.id, read.errors), (42, 0));
            // Turned clockwise, the reference top-left corner moves round the square clockwise.
            assert_eq!(read.corners[0], square(10.0, 10.0, 32.0)[turns]);
        }
    }

    #[test]
    fn a_quad_that_misses_the_marker_by_a_cell_reads_nothing() {
        let (pixels, w, h) = drawn(42, 0, 4, 10, 10);
        let frame = Frame::new(&pixels, w, h).unwrap();
        assert_eq!(read_marker(&frame, &square(14.0, 10.0, 32.0), &APRILTAG_36H11), None);
    }

    #[test]
    fn a_black_square_and_a_faint_marker_read_nothing() {
        let (w, h) = (52, 52);
        let pixels: Vec<u8> = (0..w * h)
            .map(|i| if (10..42).contains(&(i % w)) && (10..42).contains(&(i / w)) { 20 } else { 230 })
            .collect();
        let frame = Frame::new(&pixels, w, h).unwrap();
        assert_eq!(read_marker(&frame, &square(10.0, 10.0, 32.0), &APRILTAG_36H11), None);

        let (pixels, w, h) = drawn(7, 0, 4, 10, 10);
        let faint: Vec<u8> = pixels.iter().map(|&p| 120 + p / 20).collect();
        let frame = Frame::new(&faint, w, h).unwrap();
        assert_eq!(read_marker(&frame, &square(10.0, 10.0, 32.0), &APRILTAG_36H11), None);
    }

    #[test]
    fn a_marker_cut_by_the_frame_edge_reads_nothing() {
        let (pixels, w, h) = drawn(42, 0, 4, 10, 10);
        let frame = Frame::new(&pixels, w, h).unwrap();
        assert_eq!(read_marker(&frame, &square(-6.0, 10.0, 32.0), &APRILTAG_36H11), None);
    }
}
