//! Synthetic classroom frames for the benchmark and the tests: 30 cards held up at different
//! distances (cards 20–60 px wide), tilted up to 45° in any direction and turned any way, some
//! partly covered, among furniture, people and square patterns that are no card's marker; then
//! uneven light, blur and camera noise. Deterministic from a seed.
//!
//! The cards are drawn from `layout::panel_layout`, the same model as the printed cards.

use aware_core::rng::SplitMix64;

use crate::card::{AnswerOption, CardNumber, MAX_CARDS, Panel};
use crate::family::{CARD_FAMILY, Family};
use crate::geometry::{Homography, Point};
use crate::layout::{PANEL_HEIGHT_MM, PANEL_WIDTH_MM, PanelLayout, panel_layout_in};

/// A card counts as visible (the benchmark's denominator) when its marker lies wholly in the
/// frame, nothing covers any of it, and its smallest cell, measured along the marker's
/// foreshortened sides, spans at least this many pixels.
pub const MIN_VISIBLE_CELL_PX: f32 = 2.0;

/// What a scene may contain.
#[derive(Debug, Clone)]
pub struct Options {
    pub width: usize,
    pub height: usize,
    pub cards: usize,
    /// A card's width facing the camera (the marker and its white margin), in pixels.
    pub card_px: (f32, f32),
    pub max_tilt_degrees: f32,
    /// The share of cards with something in front of part of their marker.
    pub covered_share: f64,
    /// Gaussian blur of the whole frame, sigma in pixels, drawn from 0 to this.
    pub max_blur: f32,
    /// Camera noise, standard deviation in grey levels, drawn from 0 to this.
    pub max_noise: f32,
    /// Square black-bordered patterns that are no marker of the family.
    pub decoys: usize,
    /// The family printed on the cards.
    pub family: &'static Family,
    /// The cards to show, in place of `cards` random ones (a test video shows a known poll).
    pub panels: Vec<Panel>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 640,
            height: 480,
            cards: 30,
            card_px: (20.0, 60.0),
            max_tilt_degrees: 45.0,
            covered_share: 0.15,
            max_blur: 1.0,
            max_noise: 6.0,
            decoys: 4,
            family: CARD_FAMILY,
            panels: Vec::new(),
        }
    }
}

/// A card in a scene, with what the detector should report for it.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownCard {
    pub panel: Panel,
    /// The marker's black square in the frame, printed top-left first.
    pub corners: [Point; 4],
    pub card_px: f32,
    /// The marker's shortest side divided by its cells (8 for AprilTag 36h11).
    pub cell_px: f32,
    /// The share of the marker's area behind something.
    pub covered: f32,
    /// The marker and its white margin are wholly inside the frame.
    pub inside: bool,
}

impl ShownCard {
    pub fn is_visible(&self) -> bool {
        self.inside && self.covered == 0.0 && self.cell_px >= MIN_VISIBLE_CELL_PX
    }
}

/// A rendered frame and what is in it.
#[derive(Debug, Clone)]
pub struct Scene {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
    pub cards: Vec<ShownCard>,
    pub blur: f32,
    pub noise: f32,
}

/// A convex quadrilateral that covers what is behind it (a hand, a head, a book).
struct Cover {
    quad: [Point; 4],
    reflectance: f32,
}

impl Cover {
    fn contains(&self, p: Point) -> bool {
        (0..4).all(|k| {
            let (a, b) = (self.quad[k], self.quad[(k + 1) % 4]);
            (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) >= 0.0
        })
    }
}

pub fn classroom(seed: u64, options: &Options) -> Scene {
    let mut rng = SplitMix64(seed);
    let (w, h) = (options.width, options.height);
    let mut reflectance = vec![0.0f32; w * h];
    paint_background(&mut rng, &mut reflectance, w, h);
    for _ in 0..options.decoys {
        paint_decoy(&mut rng, &mut reflectance, w, h, options.family);
    }

    // Cards, placed where they overlap no other card.
    let mut numbers: Vec<u16> = (1..=MAX_CARDS).collect();
    rng.shuffle(&mut numbers);
    let mut cards = Vec::new();
    let mut boxes: Vec<[f32; 4]> = Vec::new();
    let count = if options.panels.is_empty() { options.cards } else { options.panels.len() };
    for i in 0..count {
        let panel = match options.panels.get(i) {
            Some(&panel) => panel,
            None => {
                let Some(card) = numbers.get(i).and_then(|&number| CardNumber::new(number)) else { continue };
                Panel { card, option: *rng.pick(&AnswerOption::ALL) }
            }
        };
        for _attempt in 0..60 {
            let card_px = lerp(options.card_px.0, options.card_px.1, rng.unit() as f32);
            let centre = Point::new(rng.unit() as f32 * w as f32, rng.unit() as f32 * h as f32);
            let panel_quad = pose(&mut rng, options, centre, card_px, w, h);
            let bbox = bounding_box(&panel_quad);
            if boxes.iter().any(|b| overlaps(b, &bbox)) {
                continue;
            }
            boxes.push(bbox);
            let layout = panel_layout_in(options.family, panel);
            let paper = lerp(0.75, 0.92, rng.unit() as f32);
            let ink = lerp(0.03, 0.12, rng.unit() as f32);
            paint_panel(&mut reflectance, w, h, &layout, &panel_quad, paper, ink);
            cards.push(shown_card(panel, &layout, &panel_quad, card_px, w, h, options.family));
            break;
        }
    }

    // Things in front of some cards' markers.
    let mut covers = Vec::new();
    for card in &cards {
        if rng.chance(options.covered_share) {
            covers.push(cover_over(&mut rng, &card.corners));
        }
    }
    for cover in &covers {
        paint_cover(&mut reflectance, w, h, cover);
    }
    for card in &mut cards {
        card.covered = covered_share(&card.corners, &covers);
    }

    let light = lighting(&mut rng, w, h);
    let mut image: Vec<f32> = reflectance.iter().zip(&light).map(|(r, l)| r * l).collect();
    // The camera's automatic exposure: the brightest part of the scene (its 99.5th percentile)
    // comes out at 200 to 250.
    let mut sorted = image.clone();
    let bright = *sorted.select_nth_unstable_by(w * h * 995 / 1000, f32::total_cmp).1;
    let gain = lerp(200.0, 250.0, rng.unit() as f32) / bright.max(1e-3);
    image.iter_mut().for_each(|v| *v *= gain);
    let blur = rng.unit() as f32 * options.max_blur;
    gaussian_blur(&mut image, w, h, blur);
    let noise = rng.unit() as f32 * options.max_noise;
    let pixels = image.iter().map(|&v| (v + noise * gaussian(&mut rng)).round().clamp(0.0, 255.0) as u8).collect();
    Scene { width: w, height: h, pixels, cards, blur, noise }
}

fn lerp(a: f32, b: f32, t: f32) -> f32 {
    a + (b - a) * t
}

/// A standard normal deviate (Box–Muller).
pub fn gaussian(rng: &mut SplitMix64) -> f32 {
    let u = rng.unit().max(1e-12);
    let v = rng.unit();
    ((-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()) as f32
}

/// The panel's corners in the frame for a card held at `centre`, `card_px` wide when facing the
/// camera, tilted and turned at random: a pinhole camera looking at a rotated plane.
fn pose(rng: &mut SplitMix64, options: &Options, centre: Point, card_px: f32, w: usize, h: usize) -> [Point; 4] {
    let focal = 560.0f32; // about 60° across 640 pixels
    let tilt = (rng.unit() as f32 * options.max_tilt_degrees).to_radians();
    let axis = rng.unit() as f32 * std::f32::consts::TAU;
    // Mostly upright, a quarter of the cards turned any way (which way up says nothing).
    let roll = if rng.chance(0.25) { rng.unit() as f32 * 360.0 - 180.0 } else { rng.unit() as f32 * 50.0 - 25.0 };
    let roll = roll.to_radians();
    let (half_w, half_h) = (card_px / 2.0, card_px * PANEL_HEIGHT_MM / PANEL_WIDTH_MM / 2.0);
    let (ax, ay) = (axis.cos(), axis.sin());
    let corners = [(-half_w, -half_h), (half_w, -half_h), (half_w, half_h), (-half_w, half_h)];
    corners.map(|(u, v)| {
        // Turn in the card's plane, then tilt about the axis (ax, ay, 0) (Rodrigues).
        let (x, y) = (u * roll.cos() - v * roll.sin(), u * roll.sin() + v * roll.cos());
        let (c, s) = (tilt.cos(), tilt.sin());
        let dot = ax * x + ay * y;
        let rx = x * c + ax * dot * (1.0 - c);
        let ry = y * c + ay * dot * (1.0 - c);
        let rz = (ax * y - ay * x) * s;
        let (cx, cy) = (centre.x - w as f32 / 2.0, centre.y - h as f32 / 2.0);
        let z = focal + rz;
        Point::new(focal * (cx + rx) / z + w as f32 / 2.0, focal * (cy + ry) / z + h as f32 / 2.0)
    })
}

fn bounding_box(q: &[Point; 4]) -> [f32; 4] {
    let xs = q.map(|p| p.x);
    let ys = q.map(|p| p.y);
    let min = |v: [f32; 4]| v.into_iter().fold(f32::MAX, f32::min);
    let max = |v: [f32; 4]| v.into_iter().fold(f32::MIN, f32::max);
    [min(xs), min(ys), max(xs), max(ys)]
}

fn overlaps(a: &[f32; 4], b: &[f32; 4]) -> bool {
    a[0] < b[2] + 2.0 && b[0] < a[2] + 2.0 && a[1] < b[3] + 2.0 && b[1] < a[3] + 2.0
}

fn shown_card(
    panel: Panel,
    layout: &PanelLayout,
    quad: &[Point; 4],
    card_px: f32,
    w: usize,
    h: usize,
    family: &Family,
) -> ShownCard {
    let cell = layout.marker.width / family.cells() as f32;
    let to_frame = Homography::square_to_quad(quad);
    let map = |x: f32, y: f32| {
        to_frame.and_then(|t| t.map(x / layout.width, y / layout.height)).unwrap_or(Point::new(-1.0, -1.0))
    };
    let m = layout.marker;
    let corners =
        [map(m.x, m.y), map(m.x + m.width, m.y), map(m.x + m.width, m.y + m.height), map(m.x, m.y + m.height)];
    let shortest = (0..4).map(|k| corners[k].distance(corners[(k + 1) % 4])).fold(f32::MAX, f32::min);
    let margin = [
        map(m.x - cell, m.y - cell),
        map(m.x + m.width + cell, m.y - cell),
        map(m.x + m.width + cell, m.y + m.height + cell),
        map(m.x - cell, m.y + m.height + cell),
    ];
    let inside = margin.iter().all(|p| p.x >= 1.0 && p.y >= 1.0 && p.x <= w as f32 - 1.0 && p.y <= h as f32 - 1.0);
    ShownCard { panel, corners, card_px, cell_px: shortest / family.cells() as f32, covered: 0.0, inside }
}

/// Paints a quadrilateral region with `shade(u, v)` (u, v in [0, 1] across the quad), 4×4
/// samples a pixel so edges are anti-aliased like a camera's. Also draws the QR codes of
/// `aware-qr`'s synthetic frames.
pub fn paint_quad(
    reflectance: &mut [f32],
    w: usize,
    h: usize,
    quad: &[Point; 4],
    mut shade: impl FnMut(f32, f32) -> Option<f32>,
) {
    let Some(map) = Homography::square_to_quad(quad) else { return };
    let b = bounding_box(quad);
    let (x0, y0) = (b[0].floor().max(0.0) as usize, b[1].floor().max(0.0) as usize);
    let (x1, y1) = ((b[2].ceil().max(0.0) as usize).min(w), (b[3].ceil().max(0.0) as usize).min(h));
    for y in y0..y1 {
        for x in x0..x1 {
            let (mut sum, mut hits) = (0.0, 0);
            for sy in 0..4 {
                for sx in 0..4 {
                    let p = Point::new(x as f32 + (sx as f32 + 0.5) / 4.0, y as f32 + (sy as f32 + 0.5) / 4.0);
                    if let Some((u, v)) = map.unmap(p)
                        && (0.0..1.0).contains(&u)
                        && (0.0..1.0).contains(&v)
                        && let Some(value) = shade(u, v)
                    {
                        sum += value;
                        hits += 1;
                    }
                }
            }
            if hits > 0 {
                let r = &mut reflectance[y * w + x];
                *r = (*r * (16 - hits) as f32 + sum) / 16.0;
            }
        }
    }
}

fn paint_panel(
    reflectance: &mut [f32],
    w: usize,
    h: usize,
    layout: &PanelLayout,
    quad: &[Point; 4],
    paper: f32,
    ink: f32,
) {
    let glyph = glyph_of(layout.letter.text.chars().next().unwrap_or(' '));
    let letter = &layout.letter;
    let (lw, lh) = (letter.size * 5.0 / 7.0, letter.size);
    let (lx, ly) = (letter.x - lw / 2.0, letter.y - lh);
    let number = &layout.number;
    paint_quad(reflectance, w, h, quad, |u, v| {
        let (x, y) = (u * layout.width, v * layout.height);
        let mut dark = layout.is_marker_ink(x, y);
        // The letter, in a 5×7 block font; the number as a small block.
        if !dark && x >= lx && y >= ly && x < lx + lw && y < ly + lh {
            let (col, row) = (((x - lx) / lw * 5.0) as usize, ((y - ly) / lh * 7.0) as usize);
            dark = glyph[row.min(6)] >> (4 - col.min(4)) & 1 == 1;
        }
        if !dark && (x - number.x).abs() < number.size * 0.6 && (number.y - y) >= 0.0 && (number.y - y) < number.size {
            dark = ((x - number.x) / (number.size * 0.3)) as i32 % 2 == 0;
        }
        Some(if dark { ink } else { paper })
    });
}

/// A 5×7 block glyph of a capital A to D, a row a byte.
fn glyph_of(letter: char) -> [u8; 7] {
    match letter {
        'A' => [0b01110, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001],
        'B' => [0b11110, 0b10001, 0b10001, 0b11110, 0b10001, 0b10001, 0b11110],
        'C' => [0b01110, 0b10001, 0b10000, 0b10000, 0b10000, 0b10001, 0b01110],
        'D' => [0b11110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b11110],
        _ => [0; 7],
    }
}

/// Floor, walls and desks (large shapes), people (dark and mid-grey blobs), and texture.
pub fn paint_background(rng: &mut SplitMix64, reflectance: &mut [f32], w: usize, h: usize) {
    let base = lerp(0.2, 0.7, rng.unit() as f32);
    reflectance.fill(base);
    let shapes = 8 + rng.below(10);
    for i in 0..shapes {
        let size = if i < 4 { lerp(100.0, 400.0, rng.unit() as f32) } else { lerp(15.0, 90.0, rng.unit() as f32) };
        let centre = Point::new(rng.unit() as f32 * w as f32, rng.unit() as f32 * h as f32);
        let angle = rng.unit() as f32 * std::f32::consts::TAU;
        let aspect = lerp(0.3, 1.5, rng.unit() as f32);
        let value = lerp(0.03, 0.95, rng.unit() as f32);
        let quad = rectangle(centre, size, size * aspect, angle);
        let round = rng.chance(0.5);
        paint_quad(reflectance, w, h, &quad, |u, v| {
            let (du, dv) = (u - 0.5, v - 0.5);
            (!round || du * du + dv * dv <= 0.25).then_some(value)
        });
    }
}

/// A square pattern like a marker (black border, data cells) more than twice the error budget
/// from every code of the family: a card detector must not read it.
fn paint_decoy(rng: &mut SplitMix64, reflectance: &mut [f32], w: usize, h: usize, family: &Family) {
    let (cells, side) = (family.cells(), family.side);
    let code = loop {
        let code = rng.next_u64() >> (64 - side * side);
        if family.distance_to_nearest(code) > 2 * family.max_errors {
            break code;
        }
    };
    let size = lerp(20.0, 60.0, rng.unit() as f32);
    let centre = Point::new(rng.unit() as f32 * w as f32, rng.unit() as f32 * h as f32);
    let quad = rectangle(centre, size, size, rng.unit() as f32 * std::f32::consts::TAU);
    paint_quad(reflectance, w, h, &quad, |u, v| {
        // A white margin of one cell (10 cells across in all), then the pattern.
        let (col, row) = ((u * (cells + 2) as f32) as usize, (v * (cells + 2) as f32) as usize);
        if row == 0 || col == 0 || row > cells || col > cells {
            return Some(0.85);
        }
        let border = row == 1 || col == 1 || row == cells || col == cells;
        let white = !border && (code >> (side * side - 1 - ((row - 2) * side + col - 2))) & 1 == 1;
        Some(if white { 0.85 } else { 0.06 })
    });
}

fn rectangle(centre: Point, width: f32, height: f32, angle: f32) -> [Point; 4] {
    let (c, s) = (angle.cos(), angle.sin());
    [(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)].map(|(u, v)| {
        let (x, y) = (u * width, v * height);
        Point::new(centre.x + x * c - y * s, centre.y + x * s + y * c)
    })
}

/// Something in front of part of a marker: a rectangle from a fifth to two thirds of the
/// marker's size, dark or light, reaching in from a random point of the marker.
fn cover_over(rng: &mut SplitMix64, marker: &[Point; 4]) -> Cover {
    let side = marker[0].distance(marker[2]) / std::f32::consts::SQRT_2;
    let to_frame = Homography::square_to_quad(marker);
    let (u, v) = (rng.unit() as f32, rng.unit() as f32);
    let anchor = to_frame.and_then(|t| t.map(u, v)).unwrap_or(marker[0]);
    let size = side * lerp(0.2, 0.66, rng.unit() as f32);
    let length = side * lerp(0.5, 1.5, rng.unit() as f32);
    let quad = rectangle(anchor, size, length, rng.unit() as f32 * std::f32::consts::TAU);
    Cover { quad, reflectance: lerp(0.03, 0.95, rng.unit() as f32) }
}

fn paint_cover(reflectance: &mut [f32], w: usize, h: usize, cover: &Cover) {
    paint_quad(reflectance, w, h, &cover.quad, |_, _| Some(cover.reflectance));
}

/// The share of 16×16 points spread over the marker that some cover hides.
fn covered_share(marker: &[Point; 4], covers: &[Cover]) -> f32 {
    let Some(to_frame) = Homography::square_to_quad(marker) else { return 1.0 };
    let mut hidden = 0;
    for i in 0..16 {
        for j in 0..16 {
            let p = to_frame.map((i as f32 + 0.5) / 16.0, (j as f32 + 0.5) / 16.0);
            if p.is_some_and(|p| covers.iter().any(|c| c.contains(p))) {
                hidden += 1;
            }
        }
    }
    hidden as f32 / 256.0
}

/// Light falling on the room (a factor a pixel): a gradient across the frame (a window on one side, up to 4:1
/// from one edge to the other), darker corners (to 70 %), and sometimes a shadow band (to 50 %).
pub fn lighting(rng: &mut SplitMix64, w: usize, h: usize) -> Vec<f32> {
    let angle = rng.unit() as f32 * std::f32::consts::TAU;
    let gradient = lerp(0.0, 0.6, rng.unit() as f32);
    let vignette = lerp(0.0, 0.3, rng.unit() as f32);
    let shadow = rng.chance(0.3).then(|| (rng.unit() as f32 * w as f32, lerp(0.5, 0.8, rng.unit() as f32)));
    let (cx, cy, r) = (w as f32 / 2.0, h as f32 / 2.0, (w * w + h * h) as f32 / 4.0);
    let mut light = Vec::with_capacity(w * h);
    for y in 0..h {
        for x in 0..w {
            let (dx, dy) = (x as f32 - cx, y as f32 - cy);
            let along = (dx * angle.cos() + dy * angle.sin()) / (w as f32 / 2.0);
            let mut l = (1.0 + gradient * along.clamp(-1.0, 1.0)) * (1.0 - vignette * (dx * dx + dy * dy) / r);
            if let Some((edge, depth)) = shadow {
                // A soft-edged shadow to the left of `edge`.
                let t = ((edge - x as f32 + 0.3 * y as f32) / 12.0).clamp(-1.0, 1.0) * 0.5 + 0.5;
                l *= 1.0 - (1.0 - depth) * t;
            }
            light.push(l);
        }
    }
    light
}

/// Gaussian blur of standard deviation `sigma` pixels (none below 0.2), edges extended.
pub fn gaussian_blur(image: &mut [f32], w: usize, h: usize, sigma: f32) {
    if sigma < 0.2 {
        return;
    }
    let radius = (3.0 * sigma).ceil() as isize;
    let kernel: Vec<f32> = (-radius..=radius).map(|i| (-(i * i) as f32 / (2.0 * sigma * sigma)).exp()).collect();
    let mut across = vec![0.0f32; w * h];
    blur_pass(image, &mut across, w, h, &kernel, true);
    blur_pass(&across, image, w, h, &kernel, false);
}

/// One direction of a separable blur, edges extended.
fn blur_pass(from: &[f32], to: &mut [f32], w: usize, h: usize, kernel: &[f32], horizontal: bool) {
    let radius = (kernel.len() / 2) as isize;
    let total: f32 = kernel.iter().sum();
    for y in 0..h {
        for x in 0..w {
            let mut s = 0.0;
            for (k, weight) in kernel.iter().enumerate() {
                let d = k as isize - radius;
                let (xx, yy) = if horizontal {
                    ((x as isize + d).clamp(0, w as isize - 1) as usize, y)
                } else {
                    (x, (y as isize + d).clamp(0, h as isize - 1) as usize)
                };
                s += weight * from[yy * w + xx];
            }
            to[y * w + x] = s / total;
        }
    }
}
