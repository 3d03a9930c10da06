//! Points, lines and the projective map between a marker's own square and its image.

/// A point in frame coordinates: x to the right, y down, in pixels; pixel (0, 0) covers
/// [0, 1) × [0, 1).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub fn new(x: f32, y: f32) -> Self {
        Point { x, y }
    }

    pub fn distance(self, other: Point) -> f32 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// A line `a·x + b·y = c` with (a, b) a unit normal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    pub a: f32,
    pub b: f32,
    pub c: f32,
}

impl Line {
    /// The total-least-squares line through weighted points; `None` for fewer than two distinct
    /// points or a zero total weight.
    pub fn fit(points: impl Iterator<Item = (Point, f32)> + Clone) -> Option<Line> {
        let (mut sw, mut sx, mut sy) = (0.0f64, 0.0f64, 0.0f64);
        for (p, w) in points.clone() {
            sw += f64::from(w);
            sx += f64::from(w * p.x);
            sy += f64::from(w * p.y);
        }
        if sw <= 0.0 || !sw.is_finite() {
            return None;
        }
        let (mx, my) = (sx / sw, sy / sw);
        let (mut xx, mut xy, mut yy) = (0.0f64, 0.0f64, 0.0f64);
        for (p, w) in points {
            let (dx, dy) = (f64::from(p.x) - mx, f64::from(p.y) - my);
            let w = f64::from(w);
            xx += w * dx * dx;
            xy += w * dx * dy;
            yy += w * dy * dy;
        }
        // The normal is the eigenvector of the smaller eigenvalue of the scatter matrix.
        let angle = 0.5 * (2.0 * xy).atan2(xx - yy); // direction of the line
        let (a, b) = (-angle.sin(), angle.cos());
        if xx + yy <= 0.0 || !a.is_finite() {
            return None;
        }
        Some(Line { a: a as f32, b: b as f32, c: (a * mx + b * my) as f32 })
    }

    /// Signed distance of a point from the line.
    pub fn distance(&self, p: Point) -> f32 {
        self.a * p.x + self.b * p.y - self.c
    }

    /// Where two lines cross; `None` if they are (nearly) parallel.
    pub fn intersect(&self, other: &Line) -> Option<Point> {
        let det = self.a * other.b - self.b * other.a;
        if det.abs() < 1e-3 {
            return None;
        }
        let p = Point::new((self.c * other.b - self.b * other.c) / det, (self.a * other.c - self.c * other.a) / det);
        (p.x.is_finite() && p.y.is_finite()).then_some(p)
    }
}

/// The projective map from the unit square to a quadrilateral: (0,0), (1,0), (1,1), (0,1) go to
/// the four corners in order (Heckbert's closed form).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Homography {
    m: [f32; 8],
}

impl Homography {
    pub fn square_to_quad(q: &[Point; 4]) -> Option<Homography> {
        let [p0, p1, p2, p3] = *q;
        let sx = p0.x - p1.x + p2.x - p3.x;
        let sy = p0.y - p1.y + p2.y - p3.y;
        let (dx1, dx2, dy1, dy2) = (p1.x - p2.x, p3.x - p2.x, p1.y - p2.y, p3.y - p2.y);
        let den = dx1 * dy2 - dx2 * dy1;
        if den.abs() < 1e-6 {
            return None;
        }
        let g = (sx * dy2 - dx2 * sy) / den;
        let h = (dx1 * sy - sx * dy1) / den;
        let m = [
            p1.x - p0.x + g * p1.x,
            p3.x - p0.x + h * p3.x,
            p0.x,
            p1.y - p0.y + g * p1.y,
            p3.y - p0.y + h * p3.y,
            p0.y,
            g,
            h,
        ];
        m.iter().all(|v| v.is_finite()).then_some(Homography { m })
    }

    /// The image of the unit-square point (u, v); `None` where the map has no finite image.
    pub fn map(&self, u: f32, v: f32) -> Option<Point> {
        let m = &self.m;
        let w = m[6] * u + m[7] * v + 1.0;
        if w.abs() < 1e-6 {
            return None;
        }
        let p = Point::new((m[0] * u + m[1] * v + m[2]) / w, (m[3] * u + m[4] * v + m[5]) / w);
        (p.x.is_finite() && p.y.is_finite()).then_some(p)
    }

    /// The unit-square point that maps to `p` (the inverse map); `None` if there is none.
    pub fn unmap(&self, p: Point) -> Option<(f32, f32)> {
        // Solve [m0 - m6 x, m1 - m7 x; m3 - m6 y, m4 - m7 y] (u, v) = (x - m2, y - m5).
        let m = &self.m;
        let (a, b, c) = (m[0] - m[6] * p.x, m[1] - m[7] * p.x, p.x - m[2]);
        let (d, e, f) = (m[3] - m[6] * p.y, m[4] - m[7] * p.y, p.y - m[5]);
        let det = a * e - b * d;
        if det.abs() < 1e-9 {
            return None;
        }
        let (u, v) = ((c * e - b * f) / det, (a * f - c * d) / det);
        (u.is_finite() && v.is_finite()).then_some((u, v))
    }
}

/// Twice the signed area of a polygon (positive when its corners run clockwise on screen, y down).
pub fn signed_area2(q: &[Point]) -> f32 {
    let n = q.len();
    (0..n).map(|i| q[i].x * q[(i + 1) % n].y - q[(i + 1) % n].x * q[i].y).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Point, b: Point) -> bool {
        a.distance(b) < 1e-3
    }

    #[test]
    fn the_square_maps_onto_the_quad_corners_and_back() {
        let quad = [Point::new(10.0, 12.0), Point::new(50.0, 8.0), Point::new(58.0, 61.0), Point::new(7.0, 40.0)];
        let h = Homography::square_to_quad(&quad).unwrap();
        for (corner, (u, v)) in quad.iter().zip([(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]) {
            assert!(close(h.map(u, v).unwrap(), *corner));
            let (bu, bv) = h.unmap(*corner).unwrap();
            assert!((bu - u).abs() < 1e-4 && (bv - v).abs() < 1e-4);
        }
        // Straight lines stay straight: the square's centre is where the diagonals cross.
        let d1 = Line::fit([(quad[0], 1.0), (quad[2], 1.0)].into_iter()).unwrap();
        let d2 = Line::fit([(quad[1], 1.0), (quad[3], 1.0)].into_iter()).unwrap();
        assert!(close(h.map(0.5, 0.5).unwrap(), d1.intersect(&d2).unwrap()));
    }

    #[test]
    fn a_degenerate_quad_has_no_homography() {
        let p = Point::new(3.0, 3.0);
        assert_eq!(Homography::square_to_quad(&[p, p, p, p]), None);
        let nan = Point::new(f32::NAN, 0.0);
        assert_eq!(Homography::square_to_quad(&[nan, p, Point::new(9.0, 9.0), Point::new(0.0, 9.0)]), None);
    }

    #[test]
    fn a_fitted_line_passes_through_its_points_and_parallel_lines_do_not_cross() {
        let points = [(Point::new(0.0, 1.0), 1.0), (Point::new(2.0, 2.0), 1.0), (Point::new(4.0, 3.0), 1.0)];
        let line = Line::fit(points.into_iter()).unwrap();
        for (p, _) in points {
            assert!(line.distance(p).abs() < 1e-5);
        }
        let shifted = Line { c: line.c + 1.0, ..line };
        assert_eq!(line.intersect(&shifted), None);
        assert_eq!(Line::fit([(Point::new(1.0, 1.0), 1.0)].into_iter()), None);
    }

    #[test]
    fn clockwise_corners_have_positive_area() {
        let square = [Point::new(0.0, 0.0), Point::new(1.0, 0.0), Point::new(1.0, 1.0), Point::new(0.0, 1.0)];
        assert_eq!(signed_area2(&square), 2.0);
    }
}
