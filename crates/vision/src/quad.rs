//! From an outline to a quadrilateral: four corners picked from the outline, a test that the
//! outline between them is straight, and edges fitted to the grey levels for sub-pixel corners.

use crate::frame::Frame;
use crate::geometry::{Line, Point, signed_area2};

/// The shortest side a marker's image may have, in pixels.
pub const MIN_SIDE: f32 = 7.0;

/// Four corners, clockwise on screen.
pub type Quad = [Point; 4];

/// Picks four corners of `outline` (pixel coordinates, in tracing order) if the outline is a
/// convex quadrilateral: every outline pixel near one of its four sides.
pub fn fit_quad(outline: &[(i32, i32)]) -> Option<Quad> {
    let n = outline.len();
    if n < 4 * MIN_SIDE as usize {
        return None;
    }
    let point = |i: usize| Point::new(outline[i % n].0 as f32, outline[i % n].1 as f32);
    let (sx, sy) = outline.iter().fold((0.0f32, 0.0f32), |(sx, sy), &(x, y)| (sx + x as f32, sy + y as f32));
    let centre = Point::new(sx / n as f32, sy / n as f32);
    let farthest = |from: Point| (0..n).max_by(|&a, &b| point(a).distance(from).total_cmp(&point(b).distance(from)));
    // A corner: the point farthest from the centre; the opposite corner: farthest from that.
    let i0 = farthest(centre)?;
    let i2 = farthest(point(i0))?;
    // The other two: farthest on either side of the diagonal.
    let (p0, p2) = (point(i0), point(i2));
    let side = |i: usize| {
        let p = point(i);
        (p2.x - p0.x) * (p.y - p0.y) - (p2.y - p0.y) * (p.x - p0.x)
    };
    let i1 = (0..n).max_by(|&a, &b| side(a).total_cmp(&side(b)))?;
    let i3 = (0..n).min_by(|&a, &b| side(a).total_cmp(&side(b)))?;
    // In tracing order the corners must come round as i0, i1, i2, i3 or i0, i3, i2, i1.
    let along = |i: usize| (i + n - i0) % n;
    let (a1, a2, a3) = (along(i1), along(i2), along(i3));
    let order = if a1 < a2 && a2 < a3 {
        [i0, i1, i2, i3]
    } else if a3 < a2 && a2 < a1 {
        [i0, i3, i2, i1]
    } else {
        return None;
    };
    let corners = order.map(point);
    // Each side: long enough, and no outline pixel far from it.
    for k in 0..4 {
        let (from, to) = (order[k], order[(k + 1) % 4]);
        let (a, b) = (corners[k], corners[(k + 1) % 4]);
        let length = a.distance(b);
        if length < MIN_SIDE {
            return None;
        }
        let tolerance = 1.5 + 0.06 * length;
        let count = (to + n - from) % n;
        for j in 0..count {
            let p = point(from + j);
            let off = ((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)).abs() / length;
            if off > tolerance {
                return None;
            }
        }
    }
    let quad = if signed_area2(&corners) > 0.0 { corners } else { [corners[0], corners[3], corners[2], corners[1]] };
    is_plausible(&quad).then_some(quad)
}

/// Convex, with sides and angles that a card tilted by up to about 60° can have.
pub fn is_plausible(q: &Quad) -> bool {
    let sides: [f32; 4] = std::array::from_fn(|k| q[k].distance(q[(k + 1) % 4]));
    let (shortest, longest) = sides.iter().fold((f32::MAX, 0.0f32), |(lo, hi), &s| (lo.min(s), hi.max(s)));
    if !(shortest >= MIN_SIDE && longest <= 3.0 * shortest) {
        return false;
    }
    // Every corner turns clockwise and lies between 30° and 150°.
    (0..4).all(|k| {
        let (a, b, c) = (q[(k + 3) % 4], q[k], q[(k + 1) % 4]);
        let (ux, uy, vx, vy) = (a.x - b.x, a.y - b.y, c.x - b.x, c.y - b.y);
        let cross = vx * uy - vy * ux;
        let cos = (ux * vx + uy * vy) / (sides[(k + 3) % 4] * sides[k]);
        cross > 0.0 && cos.abs() <= 0.87
    })
}

/// Moves each side onto the strongest dark-to-light edge near it, found in the grey levels along
/// the side's normal, and takes the corners where the fitted sides meet. The outline sits on the
/// dark pixels, so its sides lie up to a pixel inside the true edge; small markers need better.
pub fn refine(frame: &Frame, quad: &Quad) -> Option<Quad> {
    let mut lines = [Line { a: 0.0, b: 0.0, c: 0.0 }; 4];
    for (k, line) in lines.iter_mut().enumerate() {
        let (a, b) = (quad[k], quad[(k + 1) % 4]);
        let length = a.distance(b);
        // Outward normal of a clockwise quad (y down): the side's direction turned left.
        let (dx, dy) = ((b.x - a.x) / length, (b.y - a.y) / length);
        let normal = (dy, -dx);
        let samples = (length as usize / 2).clamp(4, 24);
        let reach = (length * 0.04).clamp(2.0, 16.0);
        let mut edge_points = [(Point::default(), 0.0f32); 24];
        let mut found = 0;
        for s in 0..samples {
            // Stay away from the corners, where the neighbouring side's edge interferes.
            let t = 0.15 + 0.7 * (s as f32 + 0.5) / samples as f32;
            // On the side, at pixel centres (outline points are pixel indices).
            let centre = Point::new(a.x + (b.x - a.x) * t + 0.5, a.y + (b.y - a.y) * t + 0.5);
            if let Some((offset, strength)) = strongest_rise(frame, centre, normal, reach) {
                edge_points[found] = (Point::new(centre.x + normal.0 * offset, centre.y + normal.1 * offset), strength);
                found += 1;
            }
        }
        *line = if found >= 3 {
            Line::fit(edge_points[..found].iter().copied())?
        } else {
            // Too little contrast to refine: the outline's side, moved half a pixel outwards.
            let mid = Point::new((a.x + b.x) / 2.0 + 0.5 + normal.0 * 0.5, (a.y + b.y) / 2.0 + 0.5 + normal.1 * 0.5);
            Line { a: normal.0, b: normal.1, c: normal.0 * mid.x + normal.1 * mid.y }
        };
    }
    let corners: [Option<Point>; 4] = std::array::from_fn(|k| lines[(k + 3) % 4].intersect(&lines[k]));
    let refined = [corners[0]?, corners[1]?, corners[2]?, corners[3]?];
    // Refinement may not move a corner far: if it did, an edge was taken for another.
    let limit = 2.5f32.max(0.15 * quad[0].distance(quad[2]));
    let pixel_centre = |p: Point| Point::new(p.x + 0.5, p.y + 0.5);
    (refined.iter().zip(quad).all(|(r, q)| r.distance(pixel_centre(*q)) <= limit) && is_plausible(&refined))
        .then_some(refined)
}

/// Along the line `centre + s·normal`, for s in [-reach, reach]: the offset of the steepest
/// rise from dark to light (measured over one pixel, so noise does not pick it) and its size.
fn strongest_rise(frame: &Frame, centre: Point, normal: (f32, f32), reach: f32) -> Option<(f32, f32)> {
    const STEP: f32 = 0.25;
    const SPAN: usize = 4; // steps in a pixel
    let mut values = [0.0f32; 129];
    let count = ((2.0 * reach / STEP) as usize + 1).min(values.len());
    for (j, value) in values.iter_mut().enumerate().take(count) {
        let s = -reach + j as f32 * STEP;
        *value = frame.sample(centre.x + normal.0 * s, centre.y + normal.1 * s)?;
    }
    let rise = |j: usize| values[j + SPAN] - values[j];
    let best = (0..count.checked_sub(SPAN)?).max_by(|&a, &b| rise(a).total_cmp(&rise(b)))?;
    let peak = rise(best);
    // A parabola through the neighbours places the peak between steps.
    let shift = if best > 0 && best + SPAN + 1 < count {
        let (left, right) = (rise(best - 1), rise(best + 1));
        let curvature = left - 2.0 * peak + right;
        if curvature < 0.0 { (0.5 * (left - right) / curvature).clamp(-0.5, 0.5) } else { 0.0 }
    } else {
        0.0
    };
    let offset = -reach + (best as f32 + shift + SPAN as f32 / 2.0) * STEP;
    (peak >= 6.0).then_some((offset, peak))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The outline of an axis-aligned square of `side` pixels at (x, y), clockwise.
    fn square_outline(x: i32, y: i32, side: i32) -> Vec<(i32, i32)> {
        let mut out = Vec::new();
        out.extend((0..side - 1).map(|i| (x + i, y)));
        out.extend((0..side - 1).map(|i| (x + side - 1, y + i)));
        out.extend((0..side - 1).map(|i| (x + side - 1 - i, y + side - 1)));
        out.extend((0..side - 1).map(|i| (x, y + side - 1 - i)));
        out
    }

    #[test]
    fn a_square_outline_gives_its_four_corners_clockwise() {
        let quad = fit_quad(&square_outline(10, 20, 12)).unwrap();
        assert!(signed_area2(&quad) > 0.0);
        let mut corners: Vec<(i32, i32)> = quad.iter().map(|p| (p.x as i32, p.y as i32)).collect();
        corners.sort();
        assert_eq!(corners, vec![(10, 20), (10, 31), (21, 20), (21, 31)]);
    }

    #[test]
    fn an_outline_with_a_notch_is_no_quad() {
        let mut outline = square_outline(0, 0, 20);
        // Push the middle of the top side 6 pixels down.
        for p in outline.iter_mut().take(13).skip(7) {
            p.1 += 6;
        }
        assert_eq!(fit_quad(&outline), None);
    }

    #[test]
    fn a_triangle_and_a_small_square_are_no_quads() {
        let triangle: Vec<(i32, i32)> = (0..20).map(|i| (i, 0)).chain((0..20).map(|i| (19 - i, i))).collect();
        assert_eq!(fit_quad(&triangle), None);
        assert_eq!(fit_quad(&square_outline(0, 0, 5)), None);
    }

    #[test]
    fn refining_puts_the_corners_on_the_grey_edges() {
        // A dark square covering pixels 10..30 exactly: its corners are at 10 and 30.
        let (w, h) = (40, 40);
        let pixels: Vec<u8> = (0..w * h)
            .map(|i| if (10..30).contains(&(i % w)) && (10..30).contains(&(i / w)) { 30 } else { 220 })
            .collect();
        let frame = Frame::new(&pixels, w, h).unwrap();
        let rough = fit_quad(&square_outline(10, 10, 20)).unwrap();
        let refined = refine(&frame, &rough).unwrap();
        let mut expected =
            [Point::new(10.0, 10.0), Point::new(30.0, 10.0), Point::new(30.0, 30.0), Point::new(10.0, 30.0)];
        let first = expected.iter().position(|e| e.distance(refined[0]) < 2.0).unwrap();
        expected.rotate_left(first);
        for (r, e) in refined.iter().zip(expected) {
            assert!(r.distance(e) < 0.3, "{r:?} should be near {e:?}");
        }
    }
}
