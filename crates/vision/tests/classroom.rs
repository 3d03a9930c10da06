//! The detector on synthetic classrooms and on the printable card: what is shown is read, and
//! nothing else.

use aware_vision::synth::{Options, classroom};
use aware_vision::{AnswerOption, CardNumber, Detector, Frame, Panel, Point};

fn centre(q: &[Point; 4]) -> Point {
    Point::new(q.iter().map(|p| p.x).sum::<f32>() / 4.0, q.iter().map(|p| p.y).sum::<f32>() / 4.0)
}

#[test]
fn visible_cards_in_classroom_frames_are_read_and_no_false_card_is() {
    let mut detector = Detector::new();
    let (mut visible, mut read) = (0, 0);
    for seed in 1000..1012 {
        let scene = classroom(seed, &Options::default());
        let frame = Frame::new(&scene.pixels, scene.width, scene.height).unwrap();
        let reads = detector.detect(&frame);
        for r in &reads {
            let shown = scene.cards.iter().find(|c| c.panel == Panel { card: r.card, option: r.option });
            let shown =
                shown.unwrap_or_else(|| panic!("frame {seed}: card {} {:?} is not in the scene", r.card, r.option));
            assert!(
                centre(&r.corners).distance(centre(&shown.corners)) < 3.0,
                "frame {seed}: card {} elsewhere",
                r.card
            );
        }
        for card in scene.cards.iter().filter(|c| c.is_visible()) {
            visible += 1;
            read += usize::from(reads.iter().any(|r| r.card == card.panel.card && r.option == card.panel.option));
        }
    }
    assert!(visible > 150, "{visible} visible cards");
    assert!(read * 100 >= visible * 97, "read {read} of {visible} visible cards");
}

#[test]
fn a_printed_panel_is_read_back_as_its_card_and_option_whichever_way_up() {
    // The printable layout, rasterised at 4 px a millimetre and turned a quarter each time.
    let mut detector = Detector::new();
    for (number, option) in [(1, AnswerOption::A), (27, AnswerOption::C), (60, AnswerOption::D)] {
        let panel = Panel { card: CardNumber::new(number).unwrap(), option };
        let layout = aware_vision::layout::panel_layout(panel);
        let scale = 0.5; // pixels per millimetre: a 47 px wide card
        let (w, h) = ((layout.width * scale) as usize + 20, (layout.height * scale) as usize + 20);
        for turns in 0..4 {
            let size = w.max(h);
            let mut pixels = vec![90u8; size * size];
            for y in 0..size {
                for x in 0..size {
                    // Undo the turn, then look the point up on the panel.
                    let (mut u, mut v) = (x as f32 + 0.5, y as f32 + 0.5);
                    for _ in 0..turns {
                        (u, v) = (v, size as f32 - u);
                    }
                    let (mx, my) = ((u - 10.0) / scale, (v - 10.0) / scale);
                    if mx >= 0.0 && my >= 0.0 && mx < layout.width && my < layout.height {
                        pixels[y * size + x] = if layout.is_marker_ink(mx, my) { 30 } else { 235 };
                    }
                }
            }
            let frame = Frame::new(&pixels, size, size).unwrap();
            let reads = detector.detect(&frame);
            assert_eq!(reads.len(), 1, "card {number} {option:?} turned {turns}");
            assert_eq!((reads[0].card, reads[0].option), (panel.card, panel.option));
        }
    }
}
