//! The printable answer card: one panel per option, each with the option's marker, its big letter
//! (readable from the front of the room when the class answers by hand) and the card's number.
//! A pure layout model in millimetres, and the same model as SVG for the app's printable page.
//!
//! A card is one A4 sheet cut or folded into four A6 panels (A, B, C, D); the student holds up
//! the panel of their answer. The marker and a white margin of one cell on each side (which the
//! detector needs to see the black border against whatever is behind the card) span the panel's
//! width: for AprilTag 36h11, 10 cells of 9.5 mm.

use crate::card::{AnswerOption, CardNumber, Panel};
use crate::family::{CARD_FAMILY, Family};

/// A panel's width: a quarter of A4 (105 × 148.5 mm) with room for cutting. Its height is 1.5
/// times its width: the letter above, the marker with its margin below.
pub const PANEL_WIDTH_MM: f32 = 95.0;
pub const PANEL_HEIGHT_MM: f32 = 1.5 * PANEL_WIDTH_MM;

/// A rectangle in millimetres from the panel's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// Text to print: `size` is the height of a capital letter in millimetres; `(x, y)` is the
/// centre of the text's baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub size: f32,
}

/// One panel of a card.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelLayout {
    pub panel: Panel,
    pub width: f32,
    pub height: f32,
    /// The black cells of the marker (border included), each one cell square.
    pub black_cells: Vec<Rect>,
    /// The marker's black square (its outer edge).
    pub marker: Rect,
    /// The option's letter, large.
    pub letter: Text,
    /// The card's number, small, for the teacher handing out cards.
    pub number: Text,
}

/// The four panels of card `card`, in the order A, B, C, D.
pub fn card_layout(card: CardNumber) -> [PanelLayout; 4] {
    AnswerOption::ALL.map(|option| panel_layout(Panel { card, option }))
}

pub fn panel_layout(panel: Panel) -> PanelLayout {
    panel_layout_in(CARD_FAMILY, panel)
}

/// A panel with a marker of `family` (the benchmark compares families on the same card).
pub fn panel_layout_in(family: &Family, panel: Panel) -> PanelLayout {
    let cells = family.cells();
    // The marker and a margin of one cell on each side span the panel's width.
    let cell = PANEL_WIDTH_MM / (cells + 2) as f32;
    let code = family.code(panel.marker_id()).unwrap_or(0);
    let (left, top) = (cell, PANEL_HEIGHT_MM - PANEL_WIDTH_MM + cell);
    let mut black_cells = Vec::new();
    for row in 0..cells {
        for col in 0..cells {
            let is_border = row == 0 || col == 0 || row == cells - 1 || col == cells - 1;
            let white = !is_border && {
                let bit = (row - 1) * family.side + (col - 1);
                (code >> (family.side * family.side - 1 - bit)) & 1 == 1
            };
            if !white {
                black_cells.push(Rect {
                    x: left + col as f32 * cell,
                    y: top + row as f32 * cell,
                    width: cell,
                    height: cell,
                });
            }
        }
    }
    let side = cells as f32 * cell;
    // The letter: 40 % of the panel's width tall, its baseline 8 % of the width above the margin.
    let letter_size = 0.4 * PANEL_WIDTH_MM;
    PanelLayout {
        panel,
        width: PANEL_WIDTH_MM,
        height: PANEL_HEIGHT_MM,
        black_cells,
        marker: Rect { x: left, y: top, width: side, height: side },
        letter: Text {
            text: panel.option.letter().to_string(),
            x: PANEL_WIDTH_MM / 2.0,
            y: top - cell - 0.08 * PANEL_WIDTH_MM,
            size: letter_size,
        },
        number: Text { text: panel.card.to_string(), x: 0.12 * PANEL_WIDTH_MM, y: 0.12 * PANEL_WIDTH_MM, size: 7.0 },
    }
}

impl PanelLayout {
    /// The panel as a standalone SVG in millimetres (white paper, black ink, sans-serif text).
    pub fn to_svg(&self) -> String {
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}mm\" height=\"{h}mm\" viewBox=\"0 0 {w} {h}\">\
             <rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>",
            w = self.width,
            h = self.height
        );
        svg.push_str("<g fill=\"#000\" shape-rendering=\"crispEdges\">");
        for r in &self.black_cells {
            // Each cell a hair larger, so neighbouring cells print without a seam.
            svg.push_str(&format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                r.x,
                r.y,
                r.width + 0.05,
                r.height + 0.05
            ));
        }
        svg.push_str("</g>");
        for (text, weight) in [(&self.letter, "bold"), (&self.number, "normal")] {
            // A sans-serif capital is about 0.72 of the font size.
            svg.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-family=\"sans-serif\" font-weight=\"{weight}\" font-size=\"{:.2}\" \
                 text-anchor=\"middle\">{}</text>",
                text.x,
                text.y,
                text.size / 0.72,
                text.text
            ));
        }
        svg.push_str("</svg>");
        svg
    }

    /// Whether the point (in mm) is ink of the marker (black cells).
    pub fn is_marker_ink(&self, x: f32, y: f32) -> bool {
        let m = &self.marker;
        if !(x >= m.x && y >= m.y && x < m.x + m.width && y < m.y + m.height) {
            return false;
        }
        self.black_cells.iter().any(|r| x >= r.x && y >= r.y && x < r.x + r.width && y < r.y + r.height)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_has_one_panel_per_option_with_its_letter_and_number() {
        let card = CardNumber::new(37).unwrap();
        let panels = card_layout(card);
        for (panel, option) in panels.iter().zip(AnswerOption::ALL) {
            assert_eq!(panel.panel, Panel { card, option });
            assert_eq!(panel.letter.text, option.letter().to_string());
            assert_eq!(panel.number.text, "37");
            let svg = panel.to_svg();
            assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
            assert!(svg.contains(&format!(">{}</text>", option.letter())));
        }
        // Four different markers.
        let cells: std::collections::HashSet<_> = panels.iter().map(|p| format!("{:?}", p.black_cells)).collect();
        assert_eq!(cells.len(), 4);
    }

    #[test]
    fn the_marker_has_a_white_margin_of_a_cell_and_fits_a_quarter_of_a4() {
        let p = panel_layout(Panel { card: CardNumber::new(1).unwrap(), option: AnswerOption::A });
        let cell = p.marker.width / 8.0;
        assert_eq!(cell, 9.5);
        assert!(p.width <= 105.0 && p.height <= 148.5);
        assert!(p.marker.x >= cell && p.marker.x + p.marker.width <= p.width - cell + 0.01);
        assert!(p.marker.y + p.marker.height <= p.height - cell + 0.01);
        // The letter stands clear of the margin, and is big: 38 mm capitals.
        assert!(p.letter.y <= p.marker.y - cell - 1.0);
        assert!(p.letter.size >= 35.0);
        // The border is black all round: 28 cells, plus the black data cells.
        assert!(p.black_cells.len() >= 28);
        assert!(p.is_marker_ink(p.marker.x + 1.0, p.marker.y + 1.0));
        assert!(!p.is_marker_ink(p.marker.x - 1.0, p.marker.y + 1.0));
    }
}
