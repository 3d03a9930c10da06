//! Synthetic camera frames of a phone showing a result code, as the teacher's camera sees it: for
//! the benchmark, the tests and the e2e's fake-camera videos. Deterministic from a seed.
//!
//! The phone is held 15–40 cm from the camera: its code (without the quiet zone) spans
//! `code_px` pixels facing the camera, tilted up to `max_tilt_degrees` and turned any way, in
//! front of a classroom (`aware_vision::synth`'s background and light). The screen glows (its
//! light does not follow the room's), its black is a dark grey, and a soft reflection of a window
//! lies across it; then blur and camera noise.

use aware_core::rng::SplitMix64;
use aware_vision::Point;
use aware_vision::geometry::Homography;
use aware_vision::synth::{gaussian, gaussian_blur, lighting, paint_background, paint_quad};

use crate::draw::Drawing;

#[derive(Debug, Clone)]
pub struct Options {
    pub width: usize,
    pub height: usize,
    /// The code's width facing the camera (quiet zone not included), in pixels.
    pub code_px: (f32, f32),
    pub max_tilt_degrees: f32,
    /// Gaussian blur, sigma in pixels, drawn from 0 to this.
    pub max_blur: f32,
    /// Camera noise in grey levels, drawn from 0 to this.
    pub max_noise: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 640,
            height: 480,
            code_px: (100.0, 240.0),
            max_tilt_degrees: 35.0,
            max_blur: 1.2,
            max_noise: 6.0,
        }
    }
}

/// A rendered frame and where its code is.
#[derive(Debug, Clone)]
pub struct Scene {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
    /// The code's corners (without quiet zone), top-left first as drawn.
    pub corners: [Point; 4],
    /// The smallest module's side in pixels, along the foreshortened edges.
    pub module_px: f32,
    /// The code and its quiet zone lie wholly inside the frame.
    pub inside: bool,
    pub blur: f32,
    pub noise: f32,
}

/// A frame of a phone showing `drawing`; see the module documentation.
pub fn phone(seed: u64, drawing: &Drawing, options: &Options) -> Scene {
    let mut rng = SplitMix64(seed);
    let (w, h) = (options.width, options.height);
    let mut reflectance = vec![0.0f32; w * h];
    paint_background(&mut rng, &mut reflectance, w, h);
    let light = lighting(&mut rng, w, h);
    let mut image: Vec<f32> = reflectance.iter().zip(&light).map(|(r, l)| r * l * 200.0).collect();

    // The screen: the drawing (code and quiet zone) and a margin of the app's light background,
    // in a dark phone body. Units: modules of the drawing, the code's top-left at (0, 0).
    let code = drawing.size() as f32;
    let side = drawing.side() as f32;
    let quiet = (side - code) / 2.0;
    let code_px = lerp(options.code_px.0, options.code_px.1, rng.unit() as f32);
    let module = code_px / code;
    let (screen_w, screen_h) = (side + 4.0, side * 1.9);
    let body = 3.0;
    // The code's centre at the pose's centre; poses are drawn until the code and its quiet zone
    // lie inside the frame (the code is what a scene is about), or the last one is kept.
    let inside_frame = |quad: &[Point; 4]| {
        quad.iter().all(|p| p.x >= 1.0 && p.y >= 1.0 && p.x <= w as f32 - 1.0 && p.y <= h as f32 - 1.0)
    };
    let mut pose = Pose::random(&mut rng, options, module, w, h);
    for _attempt in 0..30 {
        let corners = [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)];
        if inside_frame(&corners.map(|(x, y)| pose.project(x * side / 2.0, y * side / 2.0))) {
            break;
        }
        pose = Pose::random(&mut rng, options, module, w, h);
    }
    let place = |x: f32, y: f32| pose.project(x - code / 2.0, y - code / 2.0);
    let rect = |x0: f32, y0: f32, x1: f32, y1: f32| [place(x0, y0), place(x1, y0), place(x1, y1), place(x0, y1)];

    let screen =
        rect(-quiet - 2.0, -quiet - 2.0 - screen_h * 0.25, -quiet - 2.0 + screen_w, -quiet - 2.0 + screen_h * 0.75);
    let phone_body = {
        let s = &screen;
        let grow =
            |p: Point, q: Point| Point::new(p.x + (p.x - q.x) * body / screen_w, p.y + (p.y - q.y) * body / screen_h);
        [grow(s[0], s[2]), grow(s[1], s[3]), grow(s[2], s[0]), grow(s[3], s[1])]
    };
    let brightness = lerp(170.0, 250.0, rng.unit() as f32);
    let black = lerp(0.05, 0.2, rng.unit() as f32) * brightness;
    paint_quad(&mut image, w, h, &phone_body, |_, _| Some(18.0));
    paint_quad(&mut image, w, h, &screen, |_, _| Some(brightness));
    let drawing_quad = rect(-quiet, -quiet, code + quiet, code + quiet);
    let n = drawing.side();
    paint_quad(&mut image, w, h, &drawing_quad, |u, v| {
        let (x, y) = ((u * n as f32) as usize, (v * n as f32) as usize);
        Some(if drawing.is_dark(x.min(n - 1), y.min(n - 1)) { black } else { brightness })
    });
    // A window's reflection: a soft bright band across the screen, lowering the contrast.
    let glare = lerp(0.0, 0.35, rng.unit() as f32);
    let band = (rng.unit() as f32, rng.unit() as f32, rng.unit() as f32 * std::f32::consts::PI);
    if let Some(to_frame) = Homography::square_to_quad(&screen) {
        apply_glare(&mut image, w, h, &to_frame, glare, band);
    }

    let blur = rng.unit() as f32 * options.max_blur;
    gaussian_blur(&mut image, w, h, blur);
    let noise = rng.unit() as f32 * options.max_noise;
    let pixels = image.iter().map(|&v| (v + noise * gaussian(&mut rng)).round().clamp(0.0, 255.0) as u8).collect();
    let corners = rect(0.0, 0.0, code, code);
    let module_px = (0..4).map(|k| corners[k].distance(corners[(k + 1) % 4])).fold(f32::MAX, f32::min) / code;
    Scene { width: w, height: h, pixels, corners, module_px, inside: inside_frame(&drawing_quad), blur, noise }
}

/// A pinhole camera looking at the phone's plane, turned and tilted (as `aware_vision::synth`'s
/// cards), with a unit of `scale` pixels at the phone's distance.
struct Pose {
    centre: Point,
    scale: f32,
    roll: f32,
    tilt: f32,
    axis: (f32, f32),
    frame: (f32, f32),
}

impl Pose {
    fn random(rng: &mut SplitMix64, options: &Options, scale: f32, w: usize, h: usize) -> Pose {
        let centre = Point::new(rng.unit() as f32 * w as f32, rng.unit() as f32 * h as f32);
        let tilt = (rng.unit() as f32 * options.max_tilt_degrees).to_radians();
        let axis = rng.unit() as f32 * std::f32::consts::TAU;
        let roll = (rng.unit() as f32 * 360.0 - 180.0).to_radians();
        Pose { centre, scale, roll, tilt, axis: (axis.cos(), axis.sin()), frame: (w as f32, h as f32) }
    }

    fn project(&self, u: f32, v: f32) -> Point {
        let focal = 560.0f32;
        let (u, v) = (u * self.scale, v * self.scale);
        let (x, y) = (u * self.roll.cos() - v * self.roll.sin(), u * self.roll.sin() + v * self.roll.cos());
        let (ax, ay) = self.axis;
        let (c, s) = (self.tilt.cos(), self.tilt.sin());
        let dot = ax * x + ay * y;
        let (rx, ry, rz) = (x * c + ax * dot * (1.0 - c), y * c + ay * dot * (1.0 - c), (ax * y - ay * x) * s);
        let (cx, cy) = (self.centre.x - self.frame.0 / 2.0, self.centre.y - self.frame.1 / 2.0);
        let z = focal + rz;
        Point::new(focal * (cx + rx) / z + self.frame.0 / 2.0, focal * (cy + ry) / z + self.frame.1 / 2.0)
    }
}

fn lerp(a: f32, b: f32, t: f32) -> f32 {
    a + (b - a) * t
}

/// Brightens the screen (`to_frame` maps its unit square) along a soft band, towards white.
fn apply_glare(image: &mut [f32], w: usize, h: usize, to_frame: &Homography, glare: f32, band: (f32, f32, f32)) {
    let (gx, gy, angle) = band;
    let corners = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)].map(|(u, v)| to_frame.map(u, v));
    let xs = corners.iter().flatten().map(|p| p.x);
    let ys = corners.iter().flatten().map(|p| p.y);
    let x0 = xs.clone().fold(f32::MAX, f32::min).max(0.0) as usize;
    let x1 = (xs.fold(f32::MIN, f32::max).max(0.0) as usize).min(w);
    let y0 = ys.clone().fold(f32::MAX, f32::min).max(0.0) as usize;
    let y1 = (ys.fold(f32::MIN, f32::max).max(0.0) as usize).min(h);
    for y in y0..y1 {
        for x in x0..x1 {
            let Some((u, v)) = to_frame.unmap(Point::new(x as f32 + 0.5, y as f32 + 0.5)) else { continue };
            if !(0.0..1.0).contains(&u) || !(0.0..1.0).contains(&v) {
                continue;
            }
            let d = (u - gx) * angle.cos() + (v - gy) * angle.sin();
            let k = glare * (-d * d / 0.02).exp();
            let value = &mut image[y * w + x];
            *value += (255.0 - *value) * k;
        }
    }
}
