//! The QR reader's benchmark (`scripts/bench.sh qr`): synthetic frames of a phone showing a
//! result code, read by `aware_qr::Reader`; prints the share of codes read (by module size), wrong
//! reads (bytes that differ from the code's), and frames per second of the reader alone.
//!
//! `cargo run --release -p aware-qr --features synth --example read_bench -- [FRAMES]`
//! (not `bench`: aware-vision's example has that name, and both land in `target/release/examples`)
//!
//! With `QR_FRAMES_OUT=DIR`, also writes the first 60 frames to `DIR/frames.bin` (raw grey bytes
//! one after another) and `DIR/frames.json` (their size and how many codes the native reader read
//! in them), for the browser benchmark (`e2e/support/vision/bench.js`).

use std::time::{Duration, Instant};

use aware_core::rng::SplitMix64;
use aware_qr::synth::{Options, phone};
use aware_qr::{Reader, draw};
use aware_vision::Frame;

/// Payload sizes shown, in bytes: a quiz result, a pre/post hand-in, a record with every item
/// answered (`aware_core::result_code`'s tests print them), and the most version 5 holds.
const SIZES: [usize; 4] = [16, 56, 72, 84];

fn main() {
    let frames: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let options = Options::default();
    let out_dir = std::env::var_os("QR_FRAMES_OUT").map(std::path::PathBuf::from);
    let mut reader = Reader::new();
    let mut timed = Duration::ZERO;
    let (mut visible, mut read, mut wrong, mut outside_read) = (0u64, 0u64, 0u64, 0u64);
    // Codes shown and read, by module size: [1.5, 2), [2, 3), [3, 4), [4, ∞) pixels.
    let mut by_module = [(0u64, 0u64); 4];
    let mut by_version = std::collections::BTreeMap::<u8, (u64, u64)>::new();
    let (mut saved, mut saved_read) = (Vec::new(), 0u64);
    for seed in 0..frames {
        let mut rng = SplitMix64(seed ^ 0x5152);
        let size = SIZES[rng.below(SIZES.len())];
        let payload: Vec<u8> = (0..size).map(|_| rng.next_u64() as u8).collect();
        let drawing = draw(&payload).expect("at most 213 bytes");
        let scene = phone(seed, &drawing, &options);
        let frame = Frame::new(&scene.pixels, scene.width, scene.height).expect("a synthetic frame has its size");
        let start = Instant::now();
        let reads = reader.read(&frame);
        timed += start.elapsed();
        let ok = reads.iter().any(|r| r.bytes == payload);
        wrong += reads.iter().filter(|r| r.bytes != payload).count() as u64;
        if out_dir.is_some() && seed < 60 {
            saved.extend_from_slice(&scene.pixels);
            saved_read += reads.len() as u64;
        }
        // A code partly outside the frame (a phone held too close) is counted apart.
        if !scene.inside {
            outside_read += u64::from(ok);
            continue;
        }
        visible += 1;
        read += u64::from(ok);
        let bin = match scene.module_px {
            m if m < 2.0 => 0,
            m if m < 3.0 => 1,
            m if m < 4.0 => 2,
            _ => 3,
        };
        by_module[bin].0 += 1;
        by_module[bin].1 += u64::from(ok);
        let v = by_version.entry(drawing.version()).or_default();
        v.0 += 1;
        v.1 += u64::from(ok);
    }
    let percent = |a: u64, b: u64| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    println!(
        "QR codes on phone screens: {}×{}, code {}–{} px across, tilt up to {}°, blur σ ≤ {} px, noise σ ≤ {}",
        options.width,
        options.height,
        options.code_px.0,
        options.code_px.1,
        options.max_tilt_degrees,
        options.max_blur,
        options.max_noise
    );
    println!("  frames            {frames} (one code each, payloads of {SIZES:?} bytes)");
    println!("  codes read        {read} of {visible} wholly in the frame ({:.2} %)", percent(read, visible));
    println!("  cut off codes     {} (read {outside_read})", frames - visible);
    let labels = ["< 2 px", "2–3 px", "3–4 px", "≥ 4 px"];
    let bins: Vec<String> = labels
        .iter()
        .zip(by_module)
        .filter(|(_, (shown, _))| *shown > 0)
        .map(|(label, (shown, ok))| format!("{label} {:.1} % of {shown}", percent(ok, shown)))
        .collect();
    println!("  by module size    {}", bins.join(", "));
    let versions: Vec<String> =
        by_version.iter().map(|(v, (shown, ok))| format!("v{v} {:.1} % of {shown}", percent(*ok, *shown))).collect();
    println!("  by version        {}", versions.join(", "));
    println!("  wrong reads       {wrong}");
    println!("  frames/second     {:.0} (reader only, native, one thread)", frames as f64 / timed.as_secs_f64());
    if let Some(dir) = out_dir {
        std::fs::write(dir.join("frames.bin"), &saved).expect("frames.bin written");
        let meta = format!(
            "{{\"width\":{},\"height\":{},\"frames\":{},\"codes_read_native\":{saved_read}}}",
            options.width,
            options.height,
            saved.len() / (options.width * options.height)
        );
        std::fs::write(dir.join("frames.json"), meta).expect("frames.json written");
    }
}
