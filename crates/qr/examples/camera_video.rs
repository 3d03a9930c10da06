//! Test videos for Chromium's fake camera: renders phones showing result codes and classrooms
//! holding up answer cards into a Y4M file (640×480, I420), and prints what each part shows as
//! JSON, checked by the native readers so a test can rely on it.
//!
//! `cargo run --release -p aware-qr --features synth --example camera_video -- SPEC.json OUT.y4m`
//!
//! SPEC: `{"fps": 5, "seed": 1, "parts": [PART, …]}`, each PART one of
//! - `{"code": "HEX", "frames": 10}`: a phone showing the code of these bytes (as `aware-qr` draws
//!   it), from a new angle in each frame;
//! - `{"cards": [{"card": 7, "option": "B"}, …], "frames": 10}`: a classroom holding up these
//!   cards (as `aware_vision::synth` renders them), placed anew in each frame;
//! - `{"blank": 3}`: frames of an empty room, so that a scan sees one phone go and the next come.
//!
//! Output (stdout): `{"frames": N, "fps": F, "parts": [{"first": i, "frames": n, "read": …}]}`:
//! for a code the frames its bytes were read in natively; for cards the card/option pairs read in
//! any frame. The program fails if a code is read in no frame, a card is never read, or a read is
//! false: a test video shows what the test expects. Chromium plays the file in a loop.

use std::fs::File;
use std::io::BufWriter;

use aware_core::rng::SplitMix64;
use aware_qr::synth::{Options, phone};
use aware_qr::y4m::Writer;
use aware_qr::{Reader, draw};
use aware_vision::synth::{Options as RoomOptions, classroom};
use aware_vision::{AnswerOption, CardNumber, Detector, Frame, Panel};
use serde::Deserialize;

const WIDTH: usize = 640;
const HEIGHT: usize = 480;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Spec {
    #[serde(default = "default_fps")]
    fps: u32,
    #[serde(default)]
    seed: u64,
    parts: Vec<Part>,
}

fn default_fps() -> u32 {
    5
}

#[derive(Deserialize)]
#[serde(untagged, deny_unknown_fields)]
enum Part {
    Code { code: String, frames: usize },
    Cards { cards: Vec<Card>, frames: usize },
    Blank { blank: usize },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Card {
    card: u16,
    option: char,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [spec, out] = &args[..] else { fail("usage: camera_video SPEC.json OUT.y4m") };
    let spec: Spec =
        serde_json::from_str(&std::fs::read_to_string(spec).unwrap_or_else(|e| fail(&format!("{spec}: {e}"))))
            .unwrap_or_else(|e| fail(&format!("{spec}: {e}")));
    let file = File::create(out).unwrap_or_else(|e| fail(&format!("{out}: {e}")));
    let mut video = Writer::new(BufWriter::new(file), WIDTH, HEIGHT, spec.fps).unwrap_or_else(|e| fail(&e.to_string()));
    let (mut reader, mut detector) = (Reader::new(), Detector::new());
    let mut seeds = SplitMix64(spec.seed);
    let mut frame_count = 0;
    let mut parts = Vec::new();
    for (index, part) in spec.parts.iter().enumerate() {
        let first = frame_count;
        let mut emit = |pixels: &[u8]| {
            video.frame(pixels).unwrap_or_else(|e| fail(&e.to_string()));
            frame_count += 1;
        };
        let report = match part {
            Part::Code { code, frames } => {
                let bytes = hex(code).unwrap_or_else(|| fail(&format!("part {index}: {code:?} is not hex")));
                let drawing = draw(&bytes).unwrap_or_else(|e| fail(&format!("part {index}: {e}")));
                // A phone held up to the teacher's camera: closer and straighter than the benchmark's.
                let options = Options {
                    code_px: (150.0, 230.0),
                    max_tilt_degrees: 20.0,
                    max_blur: 0.6,
                    max_noise: 3.0,
                    ..Options::default()
                };
                let mut read_in = Vec::new();
                for f in 0..*frames {
                    let scene = phone(seeds.next_u64(), &drawing, &options);
                    let reads = reader.read(&Frame::new(&scene.pixels, WIDTH, HEIGHT).expect("a 640×480 frame"));
                    if reads.iter().any(|r| r.bytes != bytes) {
                        fail(&format!("part {index}, frame {f}: a code read that is not the one shown"));
                    }
                    if !reads.is_empty() {
                        read_in.push(first + f);
                    }
                    emit(&scene.pixels);
                }
                if read_in.is_empty() {
                    fail(&format!("part {index}: the code was read in none of its {frames} frames; add frames"));
                }
                format!(r#"{{"first":{first},"frames":{frames},"code":"{code}","read_in":{read_in:?}}}"#)
            }
            Part::Cards { cards, frames } => {
                let panels: Vec<Panel> = cards
                    .iter()
                    .map(|c| {
                        let option = AnswerOption::ALL.into_iter().find(|o| o.letter() == c.option);
                        match (CardNumber::new(c.card), option) {
                            (Some(card), Some(option)) => Panel { card, option },
                            _ => fail(&format!("part {index}: card {} option {:?} does not exist", c.card, c.option)),
                        }
                    })
                    .collect();
                // A class holding cards up for the poll, the teacher a few metres away.
                let options = RoomOptions {
                    card_px: (40.0, 70.0),
                    max_tilt_degrees: 30.0,
                    covered_share: 0.0,
                    max_blur: 0.6,
                    max_noise: 3.0,
                    decoys: 0,
                    panels: panels.clone(),
                    ..RoomOptions::default()
                };
                let mut seen = vec![false; panels.len()];
                for f in 0..*frames {
                    let scene = classroom(seeds.next_u64(), &options);
                    for read in detector.detect(&Frame::new(&scene.pixels, WIDTH, HEIGHT).expect("a 640×480 frame")) {
                        let shown = Panel { card: read.card, option: read.option };
                        match panels.iter().position(|p| *p == shown) {
                            Some(i) => seen[i] = true,
                            None => fail(&format!(
                                "part {index}, frame {f}: card {} {} is not shown",
                                read.card.get(),
                                read.option.letter()
                            )),
                        }
                    }
                    emit(&scene.pixels);
                }
                if let Some(missed) = seen.iter().position(|s| !s) {
                    fail(&format!(
                        "part {index}: card {} was read in none of its {frames} frames; add frames",
                        cards[missed].card
                    ));
                }
                let read: Vec<String> =
                    cards.iter().map(|c| format!(r#"{{"card":{},"option":"{}"}}"#, c.card, c.option)).collect();
                format!(r#"{{"first":{first},"frames":{frames},"cards":[{}]}}"#, read.join(","))
            }
            Part::Blank { blank } => {
                let empty = RoomOptions { cards: 0, decoys: 0, ..RoomOptions::default() };
                for _ in 0..*blank {
                    emit(&classroom(seeds.next_u64(), &empty).pixels);
                }
                format!(r#"{{"first":{first},"frames":{blank},"blank":true}}"#)
            }
        };
        parts.push(report);
    }
    video.finish().unwrap_or_else(|e| fail(&e.to_string()));
    println!(r#"{{"frames":{frame_count},"fps":{},"parts":[{}]}}"#, spec.fps, parts.join(","));
}

fn hex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 == 1 {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

fn fail(message: &str) -> ! {
    eprintln!("camera_video: {message}");
    std::process::exit(1)
}
