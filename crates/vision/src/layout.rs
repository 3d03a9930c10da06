//! The printable answer card: one panel per option, each with the option's marker, its big letter
//! (readable from the front of the room when the class answers by hand) and the card's number.
//! A pure layout model in millimetres, and the same model as SVG for the app's printable page.
//!
//! A card is one sheet of paper cut or folded into four panels (A, B, C, D); the student holds
//! up the panel of their answer. The marker and a white margin of one cell on each side (which
//! the detector needs to see the black border against whatever is behind the card) span the
//! panel's width: for AprilTag 36h11 on A4, 10 cells of 9.5 mm.
//!
//! **Sheets** ([`card_sheet`], [`class_set`]): a card is one page, its four panels two by two,
//! as large as the page allows with [`PAGE_MARGIN_MM`] to every edge (printers print no closer)
//! and at most [`PANEL_WIDTH_MM`]: 95 mm on A4, 89.1 mm on US Letter (whose height limits it).
//! The cut lines are the edges the panels share. A class set is one sheet per student, cards 1
//! to the class size. Two styles: [`CardStyle::Markers`] for a class the camera reads (the
//! letter above the marker, 38 mm capitals on A4), and [`CardStyle::Letters`] for a class that
//! answers by showing letters only (no marker; the letter fills the panel, capitals twice as
//! tall).

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
    panel_layout_sized(family, panel, PANEL_WIDTH_MM)
}

/// A panel `width` millimetres wide (and 1.5 times as high), everything in it to scale.
pub fn panel_layout_sized(family: &Family, panel: Panel, width: f32) -> PanelLayout {
    let height = 1.5 * width;
    let cells = family.cells();
    // The marker and a margin of one cell on each side span the panel's width.
    let cell = width / (cells + 2) as f32;
    let code = family.code(panel.marker_id()).unwrap_or(0);
    let (left, top) = (cell, height - width + cell);
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
    let letter_size = 0.4 * width;
    PanelLayout {
        panel,
        width,
        height,
        black_cells,
        marker: Rect { x: left, y: top, width: side, height: side },
        letter: Text {
            text: panel.option.letter().to_string(),
            x: width / 2.0,
            y: top - cell - 0.08 * width,
            size: letter_size,
        },
        number: number_text(panel, width),
    }
}

/// The card's number, small, in the panel's top-left corner (7 mm capitals on A4).
fn number_text(panel: Panel, width: f32) -> Text {
    Text { text: panel.card.to_string(), x: 0.12 * width, y: 0.12 * width, size: 7.0 * width / PANEL_WIDTH_MM }
}

/// How a class's cards are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CardStyle {
    /// The camera's marker on each panel, with the letter above it.
    Markers,
    /// The letter alone, as large as the panel allows: for a class without the camera.
    Letters,
}

/// A panel with its letter alone.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterPanel {
    pub panel: Panel,
    pub width: f32,
    pub height: f32,
    /// The option's letter, filling the panel: capitals 80 % of its width tall.
    pub letter: Text,
    pub number: Text,
}

/// One panel as printed, in either style.
#[derive(Debug, Clone, PartialEq)]
pub enum PrintedPanel {
    Marker(PanelLayout),
    Letter(LetterPanel),
}

/// A page's size in millimetres (the app passes `aware_core::print::Paper::size`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    pub width: f32,
    pub height: f32,
}

/// The least distance from a panel to the paper's edge: most printers print no closer.
pub const PAGE_MARGIN_MM: f32 = 6.0;

/// A line in page coordinates, in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    pub from: (f32, f32),
    pub to: (f32, f32),
}

/// A panel placed on its page: `(x, y)` is its top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedPanel {
    pub x: f32,
    pub y: f32,
    pub content: PrintedPanel,
}

/// One student's card on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct CardSheet {
    pub card: CardNumber,
    pub page: PageSize,
    /// A, B in the top row; C, D below.
    pub panels: [PlacedPanel; 4],
    /// Where to cut: the vertical and the horizontal line the panels share.
    pub cuts: [Line; 2],
}

/// The panels' width on a page: as large as fits two across and two down with
/// [`PAGE_MARGIN_MM`] to every edge, and at most [`PANEL_WIDTH_MM`]. `None` when the page is too
/// small for panels at least half that size.
pub fn panel_width_on(page: PageSize) -> Option<f32> {
    let across = (page.width - 2.0 * PAGE_MARGIN_MM) / 2.0;
    let down = (page.height - 2.0 * PAGE_MARGIN_MM) / 3.0;
    let width = across.min(down).min(PANEL_WIDTH_MM);
    (width >= PANEL_WIDTH_MM / 2.0).then_some(width)
}

/// Card `card` on one page; `None` when the page is too small ([`panel_width_on`]).
pub fn card_sheet(card: CardNumber, page: PageSize, style: CardStyle) -> Option<CardSheet> {
    let width = panel_width_on(page)?;
    let height = 1.5 * width;
    let (left, top) = ((page.width - 2.0 * width) / 2.0, (page.height - 2.0 * height) / 2.0);
    let panels = AnswerOption::ALL.map(|option| {
        let panel = Panel { card, option };
        let (column, row) = (option.index() % 2, option.index() / 2);
        let content = match style {
            CardStyle::Markers => PrintedPanel::Marker(panel_layout_sized(CARD_FAMILY, panel, width)),
            CardStyle::Letters => PrintedPanel::Letter(LetterPanel {
                panel,
                width,
                height,
                letter: Text {
                    text: option.letter().to_string(),
                    x: width / 2.0,
                    y: (height + 0.8 * width) / 2.0,
                    size: 0.8 * width,
                },
                number: number_text(panel, width),
            }),
        };
        PlacedPanel { x: left + column as f32 * width, y: top + row as f32 * height, content }
    });
    let (middle_x, middle_y) = (left + width, top + height);
    let cuts = [
        Line { from: (middle_x, top), to: (middle_x, top + 2.0 * height) },
        Line { from: (left, middle_y), to: (left + 2.0 * width, middle_y) },
    ];
    Some(CardSheet { card, page, panels, cuts })
}

/// One sheet per student: cards 1 to `class_size` (at most [`crate::MAX_CARDS`]).
pub fn class_set(class_size: u16, page: PageSize, style: CardStyle) -> Vec<CardSheet> {
    CardNumber::all().take(usize::from(class_size)).filter_map(|card| card_sheet(card, page, style)).collect()
}

impl PlacedPanel {
    /// Which card and option the panel shows.
    pub fn panel(&self) -> Panel {
        match &self.content {
            PrintedPanel::Marker(layout) => layout.panel,
            PrintedPanel::Letter(letter) => letter.panel,
        }
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

    const A4: PageSize = PageSize { width: 210.0, height: 297.0 };
    const LETTER: PageSize = PageSize { width: 215.9, height: 279.4 };

    #[test]
    fn four_panels_fit_a4_and_letter_as_large_as_the_page_allows() {
        let check = |page: PageSize, expected_width: f32| {
            let sheet = card_sheet(CardNumber::new(12).unwrap(), page, CardStyle::Markers).expect("fits");
            let width = panel_width_on(page).expect("fits");
            assert!((width - expected_width).abs() < 0.01, "{page:?}: {width}");
            for (placed, option) in sheet.panels.iter().zip(AnswerOption::ALL) {
                let PrintedPanel::Marker(layout) = &placed.content else { panic!("markers") };
                assert_eq!(layout.panel.option, option);
                assert_eq!(layout.width, width);
                // At least the printer's margin to every edge.
                assert!(placed.x >= PAGE_MARGIN_MM - 0.01 && placed.y >= PAGE_MARGIN_MM - 0.01);
                assert!(placed.x + layout.width <= page.width - PAGE_MARGIN_MM + 0.01);
                assert!(placed.y + layout.height <= page.height - PAGE_MARGIN_MM + 0.01);
            }
            // The panels tile a rectangle two by two; the cuts are the edges they share.
            let [a, b, c, d] = &sheet.panels;
            let height = 1.5 * width;
            assert_eq!((b.x - a.x, c.y - a.y, d.x - c.x, d.y - b.y), (width, height, width, height));
            assert_eq!(sheet.cuts[0], Line { from: (b.x, a.y), to: (b.x, a.y + 2.0 * height) });
            assert_eq!(sheet.cuts[1], Line { from: (a.x, c.y), to: (a.x + 2.0 * width, c.y) });
        };
        check(A4, PANEL_WIDTH_MM);
        // Letter's height limits it: (279.4 − 2 × 6) / 3.
        check(LETTER, 89.133);
    }

    #[test]
    fn on_a4_the_printed_panels_are_those_the_reader_was_measured_on() {
        let card = CardNumber::new(37).unwrap();
        let sheet = card_sheet(card, A4, CardStyle::Markers).expect("fits");
        for (placed, layout) in sheet.panels.iter().zip(card_layout(card)) {
            assert_eq!(placed.content, PrintedPanel::Marker(layout));
        }
    }

    #[test]
    fn a_smaller_panel_keeps_its_margin_of_a_cell_and_its_code() {
        let panel = Panel { card: CardNumber::new(60).unwrap(), option: AnswerOption::D };
        let (full, small) = (panel_layout(panel), panel_layout_sized(CARD_FAMILY, panel, 89.133));
        let scale = small.width / full.width;
        assert_eq!(small.black_cells.len(), full.black_cells.len());
        for (s, f) in small.black_cells.iter().zip(&full.black_cells) {
            assert!((s.x - f.x * scale).abs() < 0.001 && (s.y - f.y * scale).abs() < 0.001);
        }
        let cell = small.marker.width / 8.0;
        assert!(small.marker.x >= cell - 0.001 && small.marker.y + small.marker.height <= small.height - cell + 0.001);
        assert!(small.letter.y <= small.marker.y - cell);
    }

    #[test]
    fn letter_cards_have_no_marker_and_letters_twice_as_tall_inside_the_panel() {
        let sheet = card_sheet(CardNumber::new(5).unwrap(), LETTER, CardStyle::Letters).expect("fits");
        let marker_letter = panel_layout_sized(CARD_FAMILY, sheet.panels[0].panel(), 89.133).letter.size;
        for (placed, option) in sheet.panels.iter().zip(AnswerOption::ALL) {
            let PrintedPanel::Letter(panel) = &placed.content else { panic!("letters") };
            assert_eq!(panel.letter.text, option.letter().to_string());
            assert!(panel.letter.size >= 2.0 * marker_letter);
            // The capital stands inside the panel, clear of the card number.
            assert!(panel.letter.y <= panel.height && panel.letter.y - panel.letter.size >= panel.number.y);
            assert_eq!(panel.number.text, "5");
        }
    }

    #[test]
    fn a_class_set_is_one_sheet_per_student_up_to_sixty_and_a_tiny_page_has_none() {
        let numbers = |n: u16| class_set(n, A4, CardStyle::Markers).iter().map(|s| s.card.get()).collect::<Vec<_>>();
        assert_eq!(numbers(3), [1, 2, 3]);
        assert_eq!(numbers(0), Vec::<u16>::new());
        assert_eq!(numbers(200).len(), usize::from(crate::MAX_CARDS));
        assert_eq!(
            card_sheet(CardNumber::new(1).unwrap(), PageSize { width: 105.0, height: 148.0 }, CardStyle::Letters),
            None
        );
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
