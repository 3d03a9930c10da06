//! The card reader's benchmark (`scripts/bench.sh vision`): reads synthetic classroom frames and
//! prints the share of visible cards read, the false cards (a wrong card number or option) and
//! frames per second of the detector alone (rendering is not timed).
//!
//! `cargo run --release -p aware-vision --example bench -- [FRAMES] [36h11|5x5] [MIN_CARD_PX MAX_CARD_PX]`
//!
//! With `VISION_FRAMES_OUT=DIR`, also writes the first 60 frames to `DIR/frames.bin` (raw grey
//! bytes one after another) and `DIR/frames.json` (their size and how many cards the native
//! detector read in them), for the browser benchmark (`e2e/support/vision/bench.js`).

use std::time::{Duration, Instant};

use aware_vision::family::{APRILTAG_36H11, ARUCO_5X5_250};
use aware_vision::synth::{MIN_VISIBLE_CELL_PX, Options, classroom};
use aware_vision::{Detector, Frame, Panel, Point};

fn centre(q: &[Point; 4]) -> Point {
    Point::new(q.iter().map(|p| p.x).sum::<f32>() / 4.0, q.iter().map(|p| p.y).sum::<f32>() / 4.0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let frames: u64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let family = match args.get(1).map(String::as_str) {
        Some("5x5") => &ARUCO_5X5_250,
        _ => &APRILTAG_36H11,
    };
    let mut options = Options { family, ..Options::default() };
    if let (Some(lo), Some(hi)) = (args.get(2).and_then(|a| a.parse().ok()), args.get(3).and_then(|a| a.parse().ok())) {
        options.card_px = (lo, hi);
    }
    let mut detector = Detector::for_family(family);
    let mut timed = Duration::ZERO;
    let (mut visible, mut visible_read, mut other_read, mut false_cards) = (0u64, 0u64, 0u64, 0u64);
    let (mut covered, mut covered_read) = (0u64, 0u64);
    // Visible cards and those read, by cell size: [2, 2.5), [2.5, 3), [3, 4), [4, ∞).
    let mut by_cell = [(0u64, 0u64); 4];
    for seed in 0..frames {
        let scene = classroom(seed, &options);
        let frame = Frame::new(&scene.pixels, scene.width, scene.height).expect("a synthetic frame has its size");
        let start = Instant::now();
        let reads = detector.markers(&frame);
        timed += start.elapsed();
        let mut read_cards = vec![false; scene.cards.len()];
        for read in &reads {
            let truth = Panel::from_marker_id(read.id)
                .and_then(|panel| scene.cards.iter().position(|c| c.panel == panel))
                .filter(|&i| {
                    // Where that card is: the read's centre within a cell of the card's.
                    let card = &scene.cards[i];
                    centre(&read.corners).distance(centre(&card.corners)) < 2.0f32.max(card.cell_px)
                });
            match truth {
                Some(i) => read_cards[i] = true,
                None => {
                    false_cards += 1;
                    let same = Panel::from_marker_id(read.id).and_then(|p| scene.cards.iter().find(|c| c.panel == p));
                    eprintln!(
                        "false card in frame {seed}: marker {} ({} errors) at {:?}; that card in the scene: {:?}",
                        read.id, read.errors, read.corners, same
                    );
                }
            }
        }
        for (card, &read) in scene.cards.iter().zip(&read_cards) {
            if card.is_visible() {
                visible += 1;
                visible_read += u64::from(read);
                let bucket = match card.cell_px {
                    c if c < 2.5 => 0,
                    c if c < 3.0 => 1,
                    c if c < 4.0 => 2,
                    _ => 3,
                };
                by_cell[bucket].0 += 1;
                by_cell[bucket].1 += u64::from(read);
                if !read && std::env::var_os("BENCH_MISSES").is_some() {
                    let quads = detector.quads(&frame);
                    let near = quads.iter().find(|q| centre(q).distance(centre(&card.corners)) < 3.0);
                    let corner_error = near.map(|q| {
                        (0..4)
                            .map(|r| (0..4).map(|k| q[(k + r) % 4].distance(card.corners[k])).fold(0.0f32, f32::max))
                            .fold(f32::MAX, f32::min)
                    });
                    eprintln!(
                        "missed in frame {seed} (blur {:.2}, noise {:.1}): cell {:.2} px, tilt-ish {:.2}, quad found: {}, worst corner off by {:?}",
                        scene.blur,
                        scene.noise,
                        card.cell_px,
                        card.cell_px * 10.0 / card.card_px,
                        near.is_some(),
                        corner_error
                    );
                }
            } else {
                other_read += u64::from(read);
                if card.covered > 0.0 && card.inside && card.cell_px >= MIN_VISIBLE_CELL_PX {
                    covered += 1;
                    covered_read += u64::from(read);
                }
            }
        }
    }
    let share = |a: u64, b: u64| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    println!(
        "card reader ({}, {} codes, minimum distance {}, up to {} wrong cells)",
        family.name,
        family.len(),
        family.min_distance,
        family.max_errors
    );
    println!(
        "  frames            {frames} of {}×{}, {} cards each, cards {}–{} px wide",
        options.width, options.height, options.cards, options.card_px.0, options.card_px.1
    );
    println!("  visible cards     {visible} (marker in the frame, uncovered, cells ≥ {MIN_VISIBLE_CELL_PX} px)");
    println!("  read              {visible_read} ({:.2} %)", share(visible_read, visible));
    for (label, (n, r)) in ["2–2.5", "2.5–3", "3–4", "≥ 4"].iter().zip(by_cell) {
        println!("    cells {label:>6} px  {r}/{n} ({:.2} %)", share(r, n));
    }
    println!("  false cards       {false_cards} (a wrong card number or option)");
    println!("  partly covered    {covered_read} of {covered} read correctly, the rest not at all");
    println!("  other cards read  {other_read} (smaller cells, cut by the frame edge, or covered)");
    if let Some(dir) = std::env::var_os("VISION_FRAMES_OUT") {
        write_frames(std::path::Path::new(&dir), &options, &mut detector, frames.min(60));
    }
    let seconds = timed.as_secs_f64();
    println!("  frames/second     {:.0} (detector only, native, one thread)", frames as f64 / seconds);
}

fn write_frames(dir: &std::path::Path, options: &Options, detector: &mut Detector, count: u64) {
    let mut bytes = Vec::new();
    let mut cards_read = 0;
    for seed in 0..count {
        let scene = classroom(seed, options);
        let frame = Frame::new(&scene.pixels, scene.width, scene.height).expect("a synthetic frame has its size");
        cards_read += detector.detect(&frame).len();
        bytes.extend_from_slice(&scene.pixels);
    }
    let json = format!(
        "{{\"width\": {}, \"height\": {}, \"frames\": {count}, \"cards_read_native\": {cards_read}}}\n",
        options.width, options.height
    );
    std::fs::write(dir.join("frames.bin"), bytes).expect("frames.bin is written");
    std::fs::write(dir.join("frames.json"), json).expect("frames.json is written");
}
